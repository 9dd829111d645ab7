/**
 * Arms is the explorer's list of therapy arms (select, add, duplicate, rename, hide, delete); it exists because
 * every comparison the explorer draws is a comparison of these arms.
 */
import { useState } from 'react';
import { useT } from '../i18n';
import { ARM_LIMITS } from '../scenario/limits';
import { useExplorer } from '../store/explorer';
import { ArmRenameForm } from './ArmRenameForm';
import { ArmSwatch } from './ArmSwatch';

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
              <ArmRenameForm index={selected} initial={current.name} onDone={() => setRenaming(null)} />
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
                <ArmSwatch slot={m?.slot ?? i} />
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
