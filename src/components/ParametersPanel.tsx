/**
 * ParametersPanel is the list of every model parameter, read from the parameter catalogue (the one parameter table):
 * unit, the setting's default, the documented range and the source, a number field to change it, a reset per
 * parameter and for all, grouped by mechanism (toolkit/parameterGroups.ts). A changed value is marked (●) and travels
 * in the link as p.<id>. It exists so that a
 * researcher can ask "what if this number is wrong?" without leaving the page.
 */
import { useState } from 'react';
import { useT } from '../i18n';
import {
  PARAMETER_IDS,
  parameterDefault,
  parameterInfo,
  parameterRange,
  variableParameters,
} from '../scenario/catalogue/parameters';
import { useExplorer } from '../store/explorer';
import { NumberField } from './NumberField';
import { groupLabel, PARAMETER_GROUPS, parameterGroup } from './toolkit/parameterGroups';

function short(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

export function ParametersPanel() {
  const t = useT();
  const setting = useExplorer((s) => s.scenario.setting);
  const changed = useExplorer((s) => s.scenario.parameters);
  const setParameter = useExplorer((s) => s.setParameter);
  const resetParameters = useExplorer((s) => s.resetParameters);
  const variable = new Set(variableParameters(setting));
  // a group opens by itself when it holds a changed value (a link), and stays as the user leaves it
  const [openGroups, setOpenGroups] = useState<ReadonlySet<string>>(() => new Set());
  const count = Object.values(changed ?? {}).filter((v) => v !== undefined).length;
  return (
    <details className="panel-section parameters-panel" data-testid="parameters-panel">
      <summary>
        {t('params.summary')}
        {count > 0 ? ` · ${t('params.changedCount', { count })}` : ''}
      </summary>
      <p className="hint">{t('params.intro')}</p>
      <button type="button" data-testid="parameters-reset-all" disabled={count === 0} onClick={resetParameters}>
        {t('params.resetAll')}
      </button>
      {PARAMETER_GROUPS.map((group) => {
        const ids = PARAMETER_IDS.filter((id) => variable.has(id) && parameterGroup(id) === group);
        if (ids.length === 0) return null;
        const edits = ids.filter((id) => changed?.[id] !== undefined).length;
        return (
          <details
            key={group}
            className="parameter-group"
            data-testid={`parameter-group-${group}`}
            open={edits > 0 || openGroups.has(group)}
            onToggle={(e) => {
              const isOpen = e.currentTarget.open;
              setOpenGroups((g) => {
                if (g.has(group) === isOpen) return g;
                const next = new Set(g);
                if (isOpen) next.add(group);
                else next.delete(group);
                return next;
              });
            }}
          >
            <summary>
              {t(groupLabel(group))} ({ids.length}){edits > 0 ? ` · ${t('params.changedCount', { count: edits })}` : ''}
            </summary>
            <ul className="parameter-list">
              {ids.map((id) => {
                const info = parameterInfo(id);
                const range = parameterRange(id, setting);
                const fallback = parameterDefault(id, setting);
                const value = changed?.[id] ?? fallback;
                const edited = changed?.[id] !== undefined;
                const unit = info.unit === '-' ? '' : info.unit;
                return (
                  <li
                    key={id}
                    className="parameter-row"
                    data-testid={`parameter-${id}`}
                    data-changed={edited ? 'true' : 'false'}
                  >
                    <NumberField
                      label={`${edited ? '● ' : ''}${id}`}
                      value={value}
                      min={range.min}
                      max={range.max}
                      unit={unit}
                      testId={`parameter-${id}-value`}
                      onCommit={(v) => setParameter(id, v)}
                    />
                    <p className="parameter-meta">
                      {edited
                        ? `${t('params.changed', { value: short(fallback) })} · `
                        : `${t('params.default', { value: short(fallback) })} · `}
                      {t('params.range', { min: short(range.min), max: short(range.max) })} · {info.source}
                    </p>
                    <button
                      type="button"
                      data-testid={`parameter-${id}-reset`}
                      disabled={!edited}
                      aria-label={t('params.resetNamed', { id, value: short(fallback) })}
                      onClick={() => setParameter(id, undefined)}
                    >
                      {t('params.reset')}
                    </button>
                  </li>
                );
              })}
            </ul>
          </details>
        );
      })}
    </details>
  );
}
