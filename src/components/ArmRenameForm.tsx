/**
 * ArmRenameForm is the inline form that renames one arm; it exists so that a name is checked (no control characters,
 * not invisible, within the length limit) before the store takes it.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { ARM_LIMITS } from '../scenario/limits';
import { isInvisibleName, stripNameControls } from '../scenario/names';
import { useExplorer } from '../store/explorer';

export function ArmRenameForm({ index, initial, onDone }: { index: number; initial: string; onDone: () => void }) {
  const t = useT();
  const renameArm = useExplorer((s) => s.renameArm);
  const [name, setName] = useState(initial);
  const [invisible, setInvisible] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  return (
    <form
      className="rename"
      onSubmit={(e) => {
        e.preventDefault();
        // a name with nothing visible is refused with a message (not silently ignored)
        if (isInvisibleName(stripNameControls(name).name)) {
          setInvisible(true);
          return;
        }
        renameArm(index, name);
        onDone();
      }}
    >
      <input
        ref={input}
        data-testid={`arm-name-input-${index}`}
        aria-label={t('arms.nameLabel', { index: index + 1 })}
        value={name}
        maxLength={ARM_LIMITS.nameMaxLength}
        aria-invalid={invisible || undefined}
        aria-describedby={invisible ? `arm-name-error-${index}` : undefined}
        onChange={(e) => {
          setName(e.currentTarget.value);
          setInvisible(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
        }}
      />
      <button type="submit" data-testid={`arm-rename-save-${index}`}>
        {t('arms.save')}
      </button>
      <button type="button" onClick={onDone}>
        {t('arms.cancel')}
      </button>
      {invisible ? (
        <p className="field-error" id={`arm-name-error-${index}`} role="alert" data-testid={`arm-name-error-${index}`}>
          {t('arms.nameInvisible')}
        </p>
      ) : null}
    </form>
  );
}
