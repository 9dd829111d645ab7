import { useEffect, useRef, useState } from 'react';
import { armStyle } from '../charts/palette';
import { useT } from '../i18n';
import { ARM_LIMITS } from '../scenario/limits';
import { isInvisibleName, stripNameControls } from '../scenario/names';
import { useExplorer } from '../store/explorer';

/** A short line in the arm's colour and dash pattern: the legend key. */
export function Swatch({ slot, width = 36 }: { slot: number; width?: number }) {
  const style = armStyle(slot);
  return (
    <svg className="swatch" width={width} height={14} viewBox={`0 0 ${width} 14`} aria-hidden="true">
      <line
        x1={2}
        x2={width - 2}
        y1={7}
        y2={7}
        stroke={style.colour}
        strokeWidth={4}
        strokeDasharray={style.dash || undefined}
      />
    </svg>
  );
}

function RenameForm({ index, initial, onDone }: { index: number; initial: string; onDone: () => void }) {
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

export function Arms() {
  const t = useT();
  const arms = useExplorer((s) => s.scenario.arms);
  const meta = useExplorer((s) => s.meta);
  const selected = useExplorer((s) => s.selectedArm);
  const selectArm = useExplorer((s) => s.selectArm);
  const addArm = useExplorer((s) => s.addArm);
  const duplicateArm = useExplorer((s) => s.duplicateArm);
  const toggleHidden = useExplorer((s) => s.toggleHidden);
  const deleteArm = useExplorer((s) => s.deleteArm);
  const [renaming, setRenaming] = useState<number | null>(null);
  const full = arms.length >= ARM_LIMITS.maxArms;

  const newName = () => {
    const names = new Set(arms.map((a) => a.name));
    for (let i = arms.length + 1; ; i++) {
      const name = t('arms.newName', { index: i });
      if (!names.has(name)) return name;
    }
  };

  const current = arms[selected];
  return (
    <section className="arms" aria-labelledby="arms-heading" data-testid="arms">
      <div className="section-head">
        <h2 id="arms-heading">{t('panel.arms')}</h2>
        <button
          type="button"
          data-testid="arm-add"
          onClick={() => addArm(newName())}
          disabled={full}
          title={full ? t('arms.max', { max: ARM_LIMITS.maxArms }) : t('arms.addHint')}
        >
          + {t('arms.add')}
        </button>
        {current ? (
          <div className="arm-actions">
            {renaming === selected ? (
              <RenameForm index={selected} initial={current.name} onDone={() => setRenaming(null)} />
            ) : (
              <>
                <span className="muted arm-actions-label">{t('arms.selectedLabel')}</span>
                <button type="button" data-testid="arm-rename" onClick={() => setRenaming(selected)}>
                  {t('arms.rename')}
                </button>
                <button
                  type="button"
                  data-testid="arm-duplicate"
                  disabled={full}
                  onClick={() => duplicateArm(selected, t('arms.copyName', { name: current.name }))}
                >
                  {t('arms.duplicate')}
                </button>
                <button
                  type="button"
                  data-testid="arm-delete"
                  disabled={arms.length <= ARM_LIMITS.minArms}
                  onClick={() => deleteArm(selected)}
                >
                  {t('arms.delete')}
                </button>
              </>
            )}
          </div>
        ) : null}
      </div>
      <ul className="arm-list" data-testid="legend" aria-label={t('arms.legend')}>
        {arms.map((arm, i) => {
          const m = meta[i];
          const isSelected = i === selected;
          return (
            <li
              key={m?.key ?? i}
              className={`arm${isSelected ? ' selected' : ''}${arm.hidden ? ' hidden' : ''}`}
              data-testid="arm-row"
              data-arm={m?.key}
              data-hidden={arm.hidden ? 'true' : 'false'}
            >
              <button
                type="button"
                className="arm-select"
                data-testid={`arm-select-${i}`}
                aria-pressed={isSelected}
                aria-label={t('arms.select', { name: arm.name })}
                onClick={() => selectArm(i)}
              >
                <Swatch slot={m?.slot ?? i} />
                <span className="arm-name" data-testid="arm-name">
                  {arm.name}
                </span>
              </button>
              <button
                type="button"
                className="arm-hide"
                data-testid={`arm-hide-${i}`}
                aria-pressed={!!arm.hidden}
                onClick={() => toggleHidden(i)}
                aria-label={`${t(arm.hidden ? 'arms.show' : 'arms.hide')}: ${arm.name}`}
              >
                {t(arm.hidden ? 'arms.show' : 'arms.hide')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
