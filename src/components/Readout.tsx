/**
 * Readout is the table of each shown arm's numbers at the cursor day; it exists so that values can be read exactly,
 * not only seen on a curve.
 */
import { memo, useId, useRef } from 'react';
import { displayUnits, formatColumn, formatPercentChange, formatTime, sampleAt } from '../charts/format';
import { locale, useT } from '../i18n';
import { type ResultView, scaleOf, useExplorer } from '../store/explorer';
import { ArmSwatch } from './ArmSwatch';
import { useInView, useSeen } from './useInView';
import { useMediaQuery } from './useMediaQuery';

/**
 * Each shown arm's numbers at the cursor day. Below the fold the table keeps the result it last showed while a slider
 * moves (useSeen), and shows the latest once input pauses or when scrolled to: its numbers are not rendered and laid
 * out anew at every move that nobody can read.
 */
export function Readout() {
  const box = useRef<HTMLElement>(null);
  const view = useSeen(
    useExplorer((s) => s.result),
    useInView(box),
  );
  return (
    <section ref={box} className="readout" aria-labelledby="readout-heading" data-testid="readout">
      <ReadoutBody view={view} />
    </section>
  );
}

const ReadoutBody = memo(function ReadoutBody({ view }: { view: ResultView | null }) {
  const t = useT();
  const meta = useExplorer((s) => s.meta);
  const arms = useExplorer((s) => s.scenario.arms);
  // narrow selectors: a slider move (a new scenario, same arms) does not re-render this on the input path
  const scale = useExplorer((s) => scaleOf(s.scenario));
  const horizon = useExplorer((s) => s.scenario.horizon);
  const cursorDay = useExplorer((s) => s.cursorDay);
  const setCursorDay = useExplorer((s) => s.setCursorDay);
  const dayId = useId();
  const phone = useMediaQuery('(max-width: 600px)');
  const units = displayUnits(scale);
  const loc = locale();
  const volumeUnit = t(units.volume === 'cm3' ? 'unit.cm3' : 'unit.mm3');

  const raw =
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
          volume: volume * units.volumeFactor,
          change: formatPercentChange(result.series.tumourVolume[0], volume, loc),
          cd8: at('cd8'),
          m1: at('m1Fraction'),
          pge2: at('pge2Plasma'),
        },
      ];
    }) ?? [];
  // one notation per column (never 0.001 beside 1.00e-4)
  const column = (pick: (r: (typeof raw)[number]) => number) => formatColumn(raw.map(pick), loc);
  const volumes = column((r) => r.volume);
  const cd8s = column((r) => r.cd8);
  const m1s = column((r) => r.m1);
  const pge2s = column((r) => r.pge2);
  const rows = raw.map((r, i) => ({ ...r, volume: volumes[i], cd8: cd8s[i], m1: m1s[i], pge2: pge2s[i] }));
  const headers = {
    volume: `${t('readout.volume')} (${volumeUnit})`,
    change: t('readout.change'),
    cd8: `${t('readout.cd8')} (${t('unit.cells')})`,
    m1: t('readout.m1Fraction'),
    pge2: `${t('readout.pge2')} (${t('unit.pgPerMl')})`,
  };

  return (
    <>
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
      ) : phone ? (
        // on a phone, one card per arm: every value readable without scrolling sideways
        <ul className="readout-cards" aria-label={t('readout.cards')} data-testid="readout-cards">
          {rows.map((r) => (
            <li key={r.key} className="readout-card" data-testid="readout-row" data-arm={r.key}>
              <p className="readout-card-name">
                <ArmSwatch slot={r.slot} width={28} /> <span>{r.name}</span>
              </p>
              <dl>
                {(['volume', 'change', 'cd8', 'm1', 'pge2'] as const).map((k) => (
                  <div key={k}>
                    <dt>{headers[k]}</dt>
                    <dd>{r[k]}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways takes focus so the keyboard can scroll it
        // biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset (no form) nor a landmark (the section is one)
        <div className="table-scroll" role="group" aria-labelledby="readout-heading" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('readout.arm')}</th>
                <th scope="col">{headers.volume}</th>
                <th scope="col">{headers.change}</th>
                <th scope="col">{headers.cd8}</th>
                <th scope="col">{headers.m1}</th>
                <th scope="col">{headers.pge2}</th>
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
    </>
  );
});
