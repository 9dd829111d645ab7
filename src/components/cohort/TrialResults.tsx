import { Fragment, useCallback, useId, useMemo, useState } from 'react';
import { DAYS_PER_MONTH } from '../../charts/format';
import { drawKaplanMeier, type KmCurveData, kaplanMeierHeight } from '../../charts/kaplanMeier';
import { armStyle } from '../../charts/palette';
import { drawSpider } from '../../charts/spider';
import { drawWaterfall } from '../../charts/waterfall';
import { locale } from '../../i18n';
import { type CohortMessageKey, useCohortT } from '../../i18n/cohort';
import { outputGrid } from '../../scenario/catalogue/calendar';
import { RESPONSE_CODES, SPIDER_PATIENTS } from '../../scenario/catalogue/trial';
import { defaultCohort } from '../../scenario/defaults';
import { COHORT_LIMITS } from '../../scenario/limits';
import { useCohort } from '../../store/cohort';
import { NumberField } from '../NumberField';
import {
  armCurves,
  formatCount,
  formatMedian,
  formatP,
  formatRate,
  formatRatio,
  horizonMonths,
  RESPONSE_COLOURS,
  responseCategories,
  SUBGROUP_STYLES,
  spiderLines,
  splitEstimate,
  subgroupCurves,
  waterfallBars,
} from './chartData';
import { Figure, Legend } from './Figure';
import { useSetCohort } from './TrialSettings';

const REFERENCES = [
  { value: 20, label: '+20 %' },
  { value: -30, label: '−30 %' },
];

function Swatch({ slot }: { slot: number }) {
  const style = armStyle(slot);
  return (
    <svg width="22" height="12" aria-hidden="true" focusable="false" className="swatch">
      <line
        x1="1"
        x2="21"
        y1="6"
        y2="6"
        stroke={style.colour}
        strokeWidth="3"
        strokeDasharray={style.dash || undefined}
      />
    </svg>
  );
}

/** An estimate with its interval on a second, smaller line. */
function Estimate({ text, testId }: { text: string; testId?: string }) {
  const [estimate, interval] = splitEstimate(text);
  return (
    <td data-testid={testId} aria-label={text}>
      <span className="estimate">{estimate}</span>
      {interval ? <span className="interval">{interval}</span> : null}
    </td>
  );
}

function useNarrow(): boolean {
  return typeof matchMedia !== 'undefined' && matchMedia('(max-width: 600px)').matches;
}

/** Per-arm response rates, median PFS, hazard ratio and log-rank p. */
function ArmTable() {
  const tc = useCohortT();
  const statistics = useCohort((s) => s.statistics);
  const slots = useCohort((s) => s.slots);
  if (!statistics) return null;
  const lang = locale();
  const reference = statistics.arms[0]?.name ?? '';
  return (
    <section className="trial-card" aria-labelledby="trial-table-heading">
      <h3 id="trial-table-heading">{tc('results.table')}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways takes focus so the keyboard can scroll it */}
      {/* biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset (no form) nor a landmark (the section is one) */}
      <div className="table-scroll" role="group" aria-labelledby="trial-table-heading" tabIndex={0}>
        <table className="trial-table" data-testid="trial-table">
          <thead>
            <tr>
              <th scope="col">{tc('results.arm')}</th>
              <th scope="col">{tc('results.n')}</th>
              <th scope="col">
                <abbr title={RESPONSE_CODES.map((r) => tc(`response.${r}`)).join(' / ')}>CR / PR / SD / PD</abbr>
              </th>
              <th scope="col">{tc('results.orr')}</th>
              <th scope="col">{tc('results.dcr')}</th>
              <th scope="col">{tc('results.medianPfs')}</th>
              <th scope="col">{tc('results.hr', { reference })}</th>
              <th scope="col">{tc('results.p')}</th>
            </tr>
          </thead>
          <tbody>
            {statistics.arms.map((arm, a) => {
              const comparison = statistics.comparisons.find((c) => c.comparison === a);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: arms are identified by position in a run
                <tr key={a} data-testid={`trial-row-${a}`}>
                  <th scope="row">
                    <Swatch slot={slots[a] ?? a} />
                    {arm.name}
                  </th>
                  <td>{formatCount(arm.patients, lang)}</td>
                  <td>{RESPONSE_CODES.map((r) => formatCount(arm.responses[r], lang)).join(' / ')}</td>
                  <Estimate testId={`trial-orr-${a}`} text={formatRate(arm.orr, lang)} />
                  <Estimate text={formatRate(arm.dcr, lang)} />
                  <Estimate text={formatMedian(arm.medianPfs, tc('results.notReached'), lang)} />
                  <Estimate
                    text={
                      comparison
                        ? formatRatio(comparison.cox.hazardRatio, comparison.cox.lower, comparison.cox.upper, lang)
                        : tc('results.reference')
                    }
                  />
                  <td>{comparison ? formatP(comparison.logRank.pValue, lang) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="hint trial-method" data-testid="trial-method">
        {tc('results.method')}
      </p>
    </section>
  );
}

function kmSummary(tc: ReturnType<typeof useCohortT>, curves: KmCurveData[], medians: string[]): string {
  const arms = curves
    .map((c, i) => tc('summary.kmArm', { name: c.label, n: c.patients, median: medians[i] }))
    .join(' ');
  return tc('summary.km', { months: horizonMonths(curves), arms });
}

function PfsChart({ waiting }: { waiting: string | null }) {
  const tc = useCohortT();
  const statistics = useCohort((s) => s.statistics);
  const slots = useCohort((s) => s.slots);
  const horizon = useCohort((s) => s.scenario?.horizon ?? 0);
  const [showCi, setShowCi] = useState(false);
  const narrow = useNarrow();
  const ciId = useId();
  const curves = useMemo(() => (statistics ? armCurves(statistics, slots) : []), [statistics, slots]);
  const lang = locale();
  const plotHeight = narrow ? 250 : 320;
  const draw = useCallback(
    (svg: SVGSVGElement, width: number) =>
      drawKaplanMeier(svg, curves, {
        width,
        plotHeight,
        timeFactor: 1 / DAYS_PER_MONTH,
        maxTime: horizon || undefined,
        xLabel: tc('chart.months'),
        yLabel: tc('chart.pfs'),
        showCi,
        atRiskTitle: tc('chart.atRisk'),
        locale: lang,
      }),
    [curves, plotHeight, horizon, showCi, tc, lang],
  );
  const medians = statistics
    ? statistics.arms.map((a) => formatMedian(a.medianPfs, tc('results.notReached'), lang))
    : [];
  return (
    <Figure
      testId="trial-km"
      title={tc('chart.km')}
      summary={kmSummary(tc, curves, medians)}
      height={kaplanMeierHeight(plotHeight, curves.length || 2, true)}
      draw={statistics ? draw : null}
      message={waiting}
      loading={waiting !== null}
      controls={
        <label className="checkbox" htmlFor={ciId}>
          <input
            id={ciId}
            type="checkbox"
            data-testid="trial-km-ci"
            checked={showCi}
            onChange={(e) => setShowCi(e.currentTarget.checked)}
          />
          {tc('chart.kmCi')}
        </label>
      }
      legend={
        <Legend
          label={tc('chart.legend')}
          items={[
            ...curves.map((c) => ({ key: c.key, label: c.label, colour: c.colour, dash: c.dash })),
            { key: 'censored', label: tc('chart.censored'), colour: 'transparent' },
          ]}
        />
      }
    />
  );
}

function ResponseLegend() {
  const tc = useCohortT();
  return (
    <Legend
      label={tc('chart.legend')}
      items={RESPONSE_CODES.map((r) => ({
        key: r,
        label: `${r}: ${tc(`response.${r}`)}`,
        colour: RESPONSE_COLOURS[r],
        box: true,
      }))}
    />
  );
}

function Waterfalls({ waiting }: { waiting: string | null }) {
  const tc = useCohortT();
  const block = useCohort((s) => s.block);
  const statistics = useCohort((s) => s.statistics);
  const scenario = useCohort((s) => s.scenario);
  const slots = useCohort((s) => s.slots);
  const narrow = useNarrow();
  const lang = locale();
  const arms = scenario?.arms ?? [];
  const bars = useMemo(() => (block ? block.arms.map((_, a) => waterfallBars(block, a)) : []), [block]);
  const categories = useMemo(() => responseCategories(), []);
  return (
    <section className="trial-card" aria-labelledby="trial-waterfall-heading">
      <h3 id="trial-waterfall-heading">{tc('chart.waterfall')}</h3>
      <ResponseLegend />
      <div className="trial-grid">
        {arms.map((arm, a) => {
          const stats = statistics?.arms[a];
          const summary = stats
            ? tc('summary.waterfall', {
                n: stats.patients,
                name: arm.name,
                cr: stats.responses.CR,
                pr: stats.responses.PR,
                sd: stats.responses.SD,
                pd: stats.responses.PD,
                orr: (stats.orr.estimate * 100).toFixed(1),
              })
            : (waiting ?? '');
          return (
            <Figure
              // biome-ignore lint/suspicious/noArrayIndexKey: arms are identified by position in a run
              key={a}
              testId={`trial-waterfall-${a}`}
              title={
                <>
                  <Swatch slot={slots[a] ?? a} />
                  {arm.name}
                </>
              }
              summary={summary}
              height={narrow ? 220 : 260}
              message={bars[a] ? null : waiting}
              loading
              draw={
                bars[a]
                  ? (svg, width) =>
                      drawWaterfall(
                        svg,
                        { bars: bars[a], categories },
                        {
                          width,
                          height: narrow ? 220 : 260,
                          yLabel: tc('chart.change'),
                          references: REFERENCES,
                          locale: lang,
                        },
                      )
                  : null
              }
            />
          );
        })}
      </div>
      <p className="chart-note">{tc('chart.waterfallNote')}</p>
    </section>
  );
}

function Spiders({ waiting }: { waiting: string | null }) {
  const tc = useCohortT();
  const block = useCohort((s) => s.block);
  const scenario = useCohort((s) => s.scenario);
  const slots = useCohort((s) => s.slots);
  const narrow = useNarrow();
  const lang = locale();
  const arms = scenario?.arms ?? [];
  const horizon = scenario?.horizon ?? 0;
  const interval = scenario?.cohort?.assessmentInterval ?? defaultCohort().assessmentInterval;
  const lines = useMemo(() => {
    if (!block) return [];
    const days = outputGrid(horizon, interval);
    return block.arms.map((_, a) => spiderLines(block, a, days));
  }, [block, horizon, interval]);
  return (
    <section className="trial-card" aria-labelledby="trial-spider-heading">
      <h3 id="trial-spider-heading">{tc('chart.spider')}</h3>
      <ResponseLegend />
      <div className="trial-grid">
        {arms.map((arm, a) => {
          const l = lines[a];
          const has = l !== undefined && l.length > 0;
          return (
            <Figure
              // biome-ignore lint/suspicious/noArrayIndexKey: arms are identified by position in a run
              key={a}
              testId={`trial-spider-${a}`}
              title={
                <>
                  <Swatch slot={slots[a] ?? a} />
                  {arm.name}
                </>
              }
              summary={has ? tc('summary.spider', { n: l.length, name: arm.name }) : (waiting ?? '')}
              height={narrow ? 220 : 260}
              message={has ? null : (waiting ?? tc('run.waiting'))}
              loading
              draw={
                has
                  ? (svg, width) =>
                      drawSpider(svg, l, {
                        width,
                        height: narrow ? 220 : 260,
                        timeFactor: 1 / DAYS_PER_MONTH,
                        maxTime: horizon,
                        xLabel: tc('chart.months'),
                        yLabel: tc('chart.change'),
                        references: REFERENCES,
                        locale: lang,
                      })
                  : null
              }
            />
          );
        })}
      </div>
      <p className="chart-note">{tc('chart.spiderNote', { count: SPIDER_PATIENTS })}</p>
    </section>
  );
}

const BIOMARKERS = ['NRF2', 'PGE2', 'NEAT1'] as const;
type Biomarker = (typeof BIOMARKERS)[number];

function Biomarkers({ waiting }: { waiting: string | null }) {
  const tc = useCohortT();
  const statistics = useCohort((s) => s.statistics);
  const scenario = useCohort((s) => s.scenario);
  const slots = useCohort((s) => s.slots);
  const setCohort = useSetCohort();
  const [marker, setMarker] = useState<Biomarker>('NRF2');
  const narrow = useNarrow();
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
                  <Swatch slot={slots[a] ?? a} />
                  {arm.name}
                  <span className="trial-p">{Number.isFinite(p) ? pText : ''}</span>
                </>
              }
              summary={summary}
              height={kaplanMeierHeight(plotHeight, 2, true)}
              message={message}
              loading={waiting !== null}
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
                            <Swatch slot={slots[a] ?? a} />
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
}

/** Everything a run produces, partial while it runs. */
export function TrialResults() {
  const tc = useCohortT();
  const status = useCohort((s) => s.status);
  const hasBlock = useCohort((s) => s.block !== null);
  if (status === 'idle' || (!hasBlock && status !== 'running')) return null;
  const waiting = hasBlock ? null : tc('run.waiting');
  return (
    <>
      <ArmTable />
      <PfsChart waiting={waiting} />
      <Waterfalls waiting={waiting} />
      <Spiders waiting={waiting} />
      <Biomarkers waiting={waiting} />
    </>
  );
}
