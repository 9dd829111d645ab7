/**
 * Readout is the table of each shown arm's numbers at the cursor day; it exists so that values can be read exactly,
 * not only seen on a curve.
 */
import { useId } from 'react';
import { displayUnits, formatNumber, formatPercentChange, formatTime, sampleAt } from '../charts/format';
import { locale, useT } from '../i18n';
import { scaleOf, useExplorer } from '../store/explorer';
import { ArmSwatch } from './ArmSwatch';

/** Each shown arm's numbers at the cursor day. */
export function Readout() {
  const t = useT();
  const view = useExplorer((s) => s.result);
  const meta = useExplorer((s) => s.meta);
  const arms = useExplorer((s) => s.scenario.arms);
  // narrow selectors: a slider move (a new scenario, same arms) does not re-render this on the input path
  const scale = useExplorer((s) => scaleOf(s.scenario));
  const horizon = useExplorer((s) => s.scenario.horizon);
  const cursorDay = useExplorer((s) => s.cursorDay);
  const setCursorDay = useExplorer((s) => s.setCursorDay);
  const dayId = useId();
  const units = displayUnits(scale);
  const loc = locale();
  const volumeUnit = t(units.volume === 'cm3' ? 'unit.cm3' : 'unit.mm3');

  const rows =
    view?.result.arms.flatMap((result, i) => {
      const index = meta.findIndex((m) => m.key === view.keys[i]);
      const arm = arms[index];
      if (index < 0 || !arm || arm.hidden) return [];
      const at = (name: keyof typeof result.series) => sampleAt(result.t, result.series[name], cursorDay);
      const volume = at('tumourVolume');
      return [
        {
          key: meta[index].key,
          slot: meta[index].slot,
          name: arm.name,
          volume: formatNumber(volume * units.volumeFactor, loc),
          change: formatPercentChange(result.series.tumourVolume[0], volume, loc),
          cd8: formatNumber(at('cd8'), loc),
          m1: formatNumber(at('m1Fraction'), loc),
          pge2: formatNumber(at('pge2Plasma'), loc),
        },
      ];
    }) ?? [];

  return (
    <section className="readout" aria-labelledby="readout-heading" data-testid="readout">
      <div className="section-head">
        <h2 id="readout-heading">{t('panel.readout')}</h2>
        <label htmlFor={dayId} className="inline">
          {/* the box holds days at every scale; months are shown beside it for the patient settings */}
          {t('readout.atDay')} {t('cursor.day')}
        </label>
        <input
          id={dayId}
          type="number"
          data-testid="readout-day"
          min={0}
          max={horizon}
          step={1}
          value={Math.round(cursorDay * 100) / 100}
          onChange={(e) => {
            const v = Number(e.currentTarget.value);
            if (e.currentTarget.value !== '' && Number.isFinite(v)) setCursorDay(v);
          }}
        />
        <span className="muted">
          {units.time === 'months'
            ? `${t('unit.days')} (${formatTime(cursorDay, units, loc)} ${t('unit.months')})`
            : t('unit.days')}
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="muted">{t('readout.none')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways takes focus so the keyboard can scroll it
        // biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset (no form) nor a landmark (the section is one)
        <div className="table-scroll" role="group" aria-labelledby="readout-heading" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('readout.arm')}</th>
                <th scope="col">
                  {t('readout.volume')} ({volumeUnit})
                </th>
                <th scope="col">{t('readout.change')}</th>
                <th scope="col">
                  {t('readout.cd8')} ({t('unit.cells')})
                </th>
                <th scope="col">{t('readout.m1Fraction')}</th>
                <th scope="col">
                  {t('readout.pge2')} ({t('unit.pgPerMl')})
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-testid="readout-row" data-arm={r.key}>
                  <th scope="row">
                    <ArmSwatch slot={r.slot} width={28} /> <span>{r.name}</span>
                  </th>
                  <td>{r.volume}</td>
                  <td>{r.change}</td>
                  <td>{r.cd8}</td>
                  <td>{r.m1}</td>
                  <td>{r.pge2}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
