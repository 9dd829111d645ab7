/**
 * Biomarkers is the virtual trial's biomarker view (NRF2, PGE2, NEAT1 high against low, per arm); it exists to show
 * which patients a treatment helps.
 */
import { Fragment, memo, useId, useState } from 'react';
import { DAYS_PER_MONTH } from '../../charts/format';
import { drawKaplanMeier, kaplanMeierHeight } from '../../charts/kaplanMeier';
import { locale } from '../../i18n';
import { type CohortMessageKey, useCohortT } from '../../i18n/cohort';
import { defaultCohort } from '../../scenario/defaults';
import { COHORT_LIMITS } from '../../scenario/limits';
import { ArmSwatch } from '../ArmSwatch';
import { NumberField } from '../NumberField';
import { NARROW_QUERY, useMediaQuery } from '../useMediaQuery';
import {
  formatCount,
  formatMedian,
  formatP,
  formatRate,
  hypothesisNotes,
  SUBGROUP_STYLES,
  subgroupCurves,
} from './chartData';
import { Estimate } from './Estimate';
import { Figure } from './Figure';
import { Legend } from './Legend';
import type { FigureCardProps } from './TrialResults';
import { useRunArms } from './useRunArms';
import { useSetCohort } from './useSetCohort';

export const Biomarkers = memo(function Biomarkers({
  waiting,
  statistics,
  scenario,
  slots,
  stem,
  running,
}: FigureCardProps<'statistics'>) {
  const tc = useCohortT();
  const { names, hypotheses } = useRunArms(scenario);
  const setCohort = useSetCohort();
  const [marker, setMarker] = useState<Biomarker>('NRF2');
  const narrow = useMediaQuery(NARROW_QUERY);
  const groupName = useId();
  const lang = locale();
  const cutoff = scenario?.cohort?.pge2Cutoff ?? defaultCohort().pge2Cutoff;
  const index = statistics ? statistics.biomarkers.findIndex((b) => b.name === marker) : -1;
  const split = index >= 0 && statistics ? statistics.biomarkers[index] : null;
  const labels = {
    high: tc(`bio.${marker}.high` as CohortMessageKey, { cutoff }),
    low: tc(`bio.${marker}.low` as CohortMessageKey, { cutoff }),
  };
  const arms = scenario?.arms ?? [];
  const plotHeight = narrow ? 220 : 260;
  const markerName = tc(`bio.${marker}` as CohortMessageKey);
  return (
    <section className="trial-card" aria-labelledby="trial-bio-heading" data-testid="trial-biomarkers">
      <h3 id="trial-bio-heading">{tc('bio.heading')}</h3>
      <div className="trial-bio-controls">
        <fieldset className="segmented trial-segmented">
          <legend>{tc('bio.choose')}</legend>
          {BIOMARKERS.map((b) => (
            <label key={b} className={marker === b ? 'segment active' : 'segment'}>
              <input
                type="radio"
                name={groupName}
                value={b}
                data-testid={`trial-bio-${b}`}
                checked={marker === b}
                onChange={() => setMarker(b)}
              />
              {tc(`bio.${b}` as CohortMessageKey)}
            </label>
          ))}
        </fieldset>
        {marker === 'PGE2' ? (
          <NumberField
            label={tc('trial.pge2Cutoff')}
            value={cutoff}
            min={COHORT_LIMITS.pge2Cutoff.min}
            max={COHORT_LIMITS.pge2Cutoff.max}
            step={COHORT_LIMITS.pge2Cutoff.step}
            testId="trial-bio-cutoff"
            onCommit={(pge2Cutoff) => setCohort({ pge2Cutoff })}
          />
        ) : null}
      </div>
      <Legend
        label={tc('chart.legend')}
        items={[
          { key: 'high', label: labels.high, ...SUBGROUP_STYLES.high },
          { key: 'low', label: labels.low, ...SUBGROUP_STYLES.low },
        ]}
      />
      <div className="trial-grid">
        {arms.map((arm, a) => {
          const curves = statistics ? subgroupCurves(statistics, index, a, labels) : [];
          const p = split?.logRankP[a] ?? Number.NaN;
          const pText = tc('bio.logRank', { p: formatP(p, lang) });
          const message = waiting ?? (curves.length < 2 ? tc('bio.empty') : null);
          const summary = `${tc('bio.kmTitle', { biomarker: markerName, arm: arm.name })}. ${curves
            .map((c) => `${c.label}: ${c.patients}`)
            .join('; ')}. ${pText}.`;
          return (
            <Figure
              // biome-ignore lint/suspicious/noArrayIndexKey: arms are identified by position in a run
              key={a}
              testId={`trial-bio-km-${a}`}
              title={
                <>
                  <ArmSwatch slot={slots[a] ?? a} width={22} height={12} />
                  {arm.name}
                  <span className="trial-p">{Number.isFinite(p) ? pText : ''}</span>
                </>
              }
              summary={summary}
              height={kaplanMeierHeight(plotHeight, 2, true)}
              message={message}
              loading={waiting !== null}
              file={{
                title: `${tc('bio.kmTitle', { biomarker: markerName, arm: arm.name })} (${pText})`,
                name: () => `${stem()}-km-pfs-${marker.toLowerCase()}-arm${a + 1}`,
                notes: hypothesisNotes(names, hypotheses, [a], (arms) => tc('hypothesis.fileNote', { arms })),
                legend: curves.map((c) => ({ name: c.label, colour: c.colour, dash: c.dash })),
              }}
              running={running}
              draw={
                curves.length > 0
                  ? (svg, width) =>
                      drawKaplanMeier(svg, curves, {
                        width,
                        plotHeight,
                        timeFactor: 1 / DAYS_PER_MONTH,
                        maxTime: scenario?.horizon,
                        xLabel: tc('chart.months'),
                        yLabel: tc('chart.pfs'),
                        showCi: false,
                        atRiskTitle: tc('chart.atRisk'),
                        locale: lang,
                      })
                  : null
              }
            />
          );
        })}
      </div>
      {split && statistics ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways takes focus so the keyboard can scroll it
        // biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset (no form) nor a landmark (the section is one)
        <div className="table-scroll" role="group" aria-labelledby="trial-bio-table-caption" tabIndex={0}>
          <table className="trial-table" data-testid="trial-bio-table">
            <caption id="trial-bio-table-caption">{tc('bio.table', { biomarker: markerName })}</caption>
            <thead>
              <tr>
                <th scope="col">{tc('results.arm')}</th>
                <th scope="col">{tc('bio.subgroup')}</th>
                <th scope="col">{tc('results.n')}</th>
                <th scope="col">{tc('results.orr')}</th>
                <th scope="col">{tc('results.medianPfs')}</th>
                <th scope="col">{tc('results.p')}</th>
              </tr>
            </thead>
            <tbody>
              {arms.map((arm, a) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: arms are identified by position in a run
                <Fragment key={a}>
                  {(['high', 'low'] as const).map((side, k) => {
                    const g = split[side].arms[a];
                    return (
                      <tr key={side} className={k === 0 ? 'group-start' : undefined}>
                        {k === 0 ? (
                          <th scope="rowgroup" rowSpan={2}>
                            <ArmSwatch slot={slots[a] ?? a} width={22} height={12} />
                            {arm.name}
                          </th>
                        ) : null}
                        <td className="trial-subgroup">{labels[side]}</td>
                        <td>{g ? formatCount(g.patients, lang) : '–'}</td>
                        <Estimate text={g && g.patients > 0 ? formatRate(g.orr, lang) : '–'} />
                        <Estimate
                          text={g && g.patients > 0 ? formatMedian(g.medianPfs, tc('results.notReached'), lang) : '–'}
                        />
                        {k === 0 ? <td rowSpan={2}>{formatP(split.logRankP[a], lang)}</td> : null}
                      </tr>
                    );
                  })}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="chart-note">{tc('bio.note')}</p>
    </section>
  );
});

const BIOMARKERS = ['NRF2', 'PGE2', 'NEAT1'] as const;

type Biomarker = (typeof BIOMARKERS)[number];
