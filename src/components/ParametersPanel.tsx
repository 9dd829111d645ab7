/**
 * ParametersPanel is the list of every model parameter, read from the parameter catalogue (the one parameter table):
 * unit, the setting's default, the documented range and the source, a slider and a number field to change it, a reset per
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
import './toolkit/toolkit.css';

function short(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

/** Slider positions per range (0…SLIDER_STEPS); a range over two decades or more is spaced on a log scale. */
const SLIDER_STEPS = 200;
function isLog(min: number, max: number): boolean {
  return min > 0 && max / min >= 100;
}
export function toSlider(v: number, min: number, max: number): number {
  const u = isLog(min, max) ? Math.log(v / min) / Math.log(max / min) : (v - min) / (max - min);
  return Math.round(Math.min(1, Math.max(0, u)) * SLIDER_STEPS);
}
export function fromSlider(k: number, min: number, max: number): number {
  const u = k / SLIDER_STEPS;
  const v = isLog(min, max) ? min * (max / min) ** u : min + u * (max - min);
  // the ends exactly, and 4 significant digits between (what the link writes)
  return k <= 0 ? min : k >= SLIDER_STEPS ? max : Number(v.toPrecision(4));
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
                    <input
                      type="range"
                      className="parameter-slider"
                      data-testid={`parameter-${id}-slider`}
                      aria-label={id}
                      aria-valuetext={`${short(value)}${unit ? ` ${unit}` : ''}`}
                      min={0}
                      max={SLIDER_STEPS}
                      step={1}
                      value={toSlider(value, range.min, range.max)}
                      onChange={(e) =>
                        setParameter(id, fromSlider(Number(e.currentTarget.value), range.min, range.max))
                      }
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
