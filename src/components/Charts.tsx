import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef } from 'react';
import { displayUnits, formatTime } from '../charts/format';
import { type ChartArea, type ChartLine, type DoseTick, drawTimeSeries } from '../charts/timeSeries';
import { locale, type MessageKey, useT } from '../i18n';
import { doseTimes } from '../scenario/catalogue/calendar';
import { DRUG_IDS, type DrugId, type Scenario } from '../scenario/types';
import { type ArmMeta, type ResultView, type SeriesName, scaleOf, useExplorer } from '../store/explorer';
import { PanelBoundary, useReportError } from './PanelBoundary';
import { drawWhenSeen, useInView } from './useInView';
import { useWidth } from './useWidth';

/** Fill and line colours of the tumour compartments (stacked view), light enough for lines to stay readable. */
const COMPARTMENTS = [
  { series: 'sensitiveVolume', fill: '#cfe3f3', stroke: '#2b6a99', dash: '' },
  { series: 'persisterVolume', fill: '#f9d8b5', stroke: '#a35200', dash: '6 3' },
  { series: 'resistantVolume', fill: '#e7c8dc', stroke: '#8a3f6d', dash: '2 2' },
] as const;

interface ArmSeries {
  key: number;
  slot: number;
  t: Float64Array;
  series: Record<string, Float64Array>;
}

/** Arms of the latest result that still exist and are shown, with their palette slot. */
function visibleArms(view: ResultView | null, meta: ArmMeta[], scenario: Scenario): ArmSeries[] {
  if (!view) return [];
  const out: ArmSeries[] = [];
  view.result.arms.forEach((arm, i) => {
    const key = view.keys[i];
    const index = meta.findIndex((m) => m.key === key);
    if (index < 0 || scenario.arms[index]?.hidden) return;
    out.push({ key, slot: meta[index].slot, t: arm.t, series: arm.series });
  });
  return out;
}

function linesOf(arms: ArmSeries[], series: SeriesName, variant: 'main' | 'secondary' = 'main'): ChartLine[] {
  return arms
    .filter((a) => a.series[series])
    .map((a) => ({ arm: a.key, slot: a.slot, series, t: a.t, values: a.series[series], variant }));
}

/** Dose days of the selected arm, one row per drug given. */
function doseTicks(scenario: Scenario, selected: number, slot: number): DoseTick[] {
  const arm = scenario.arms[selected];
  if (!arm) return [];
  const ticks: DoseTick[] = [];
  let row = 0;
  for (const drug of DRUG_IDS) {
    const schedule = arm.treatments[drug];
    if (!schedule) continue;
    for (const day of doseTimes(schedule, scenario.horizon)) ticks.push({ day, drug, row, slot });
    row++;
  }
  return ticks;
}

interface FrameProps {
  id: string;
  title: string;
  yLabel: string;
  lines: ChartLine[];
  areas?: ChartArea[];
  height: number;
  logScale?: boolean;
  yFactor?: number;
  yDomain?: [number, number];
  controls?: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}

/** A chart frame in its own error boundary: a chart that cannot be drawn never takes the others with it. */
function ChartFrame(props: FrameProps) {
  return (
    <PanelBoundary name={`chart-${props.id}`} label={props.title}>
      <ChartFrameBody {...props} />
    </PanelBoundary>
  );
}

function ChartFrameBody({
  id,
  title,
  yLabel,
  lines,
  areas,
  height,
  logScale = false,
  yFactor = 1,
  yDomain,
  controls,
  footer,
  wide,
}: FrameProps) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = useWidth(box);
  const inView = useInView(box);
  const scenario = useExplorer((s) => s.scenario);
  const selected = useExplorer((s) => s.selectedArm);
  const slot = useExplorer((s) => s.meta[s.selectedArm]?.slot ?? 0);
  const cursorDay = useExplorer((s) => s.cursorDay);
  const playDay = useExplorer((s) => s.playDay);
  const status = useExplorer((s) => s.status);
  const hasResult = useExplorer((s) => s.result !== null);
  const setCursorDay = useExplorer((s) => s.setCursorDay);
  const units = displayUnits(scaleOf(scenario));
  const doses = useMemo(() => doseTicks(scenario, selected, slot), [scenario, selected, slot]);
  const horizon = scenario.horizon;
  const xLabel = t(units.time === 'months' ? 'unit.months' : 'unit.days');
  const reportError = useReportError();

  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    // A draw deferred to a timer throws outside React: hand its error to the boundary like a render error.
    return drawWhenSeen(inView, () => {
      try {
        drawTimeSeries(
          element,
          { lines, areas, doses },
          {
            id,
            width,
            height,
            horizon,
            timeFactor: units.timeFactor,
            yFactor,
            logScale,
            yDomain,
            xLabel,
            yLabel,
            clipDay: playDay,
            cursorDay,
            locale: locale(),
            onCursor: setCursorDay,
          },
        );
      } catch (error) {
        reportError(error);
      }
    });
  }, [
    reportError,
    inView,
    lines,
    areas,
    doses,
    id,
    width,
    height,
    horizon,
    units.timeFactor,
    yFactor,
    logScale,
    yDomain,
    xLabel,
    yLabel,
    playDay,
    cursorDay,
    setCursorDay,
  ]);

  const step = Math.max(horizon / 100, scenario.outputStep);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const big = e.shiftKey ? 10 : 1;
    let day: number | null = null;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') day = cursorDay + step * big;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') day = cursorDay - step * big;
    else if (e.key === 'Home') day = 0;
    else if (e.key === 'End') day = horizon;
    if (day === null) return;
    e.preventDefault();
    setCursorDay(Math.round(day * 100) / 100);
  };

  const empty = lines.length === 0;
  const message = empty
    ? hasResult
      ? t('chart.empty')
      : status === 'error' || status === 'unavailable'
        ? t('chart.failed')
        : t('chart.waiting')
    : null;
  const timeText = `${t(units.time === 'months' ? 'cursor.month' : 'cursor.day')} ${formatTime(cursorDay, units, locale())}`;

  return (
    <figure className={`chart${wide ? ' wide' : ''}`} data-testid={`chart-${id}`} data-lines={lines.length}>
      <figcaption>
        <h3>{title}</h3>
        {controls ? <div className="chart-controls">{controls}</div> : null}
      </figcaption>
      <div className="chart-box" ref={box} style={{ height }}>
        <div
          className="chart-focus"
          role="slider"
          tabIndex={0}
          aria-label={t('chart.description', { title, count: lines.length })}
          aria-valuemin={0}
          aria-valuemax={horizon}
          aria-valuenow={cursorDay}
          aria-valuetext={timeText}
          onKeyDown={onKeyDown}
        >
          <svg ref={svg} data-testid={`svg-${id}`} aria-hidden="true" />
        </div>
        {message ? (
          <div
            className={`chart-message${!hasResult && status !== 'error' ? ' loading' : ''}`}
            data-testid="chart-message"
          >
            {message}
          </div>
        ) : null}
      </div>
      {footer}
    </figure>
  );
}

const DRUG_KEYS: Record<DrugId, MessageKey> = {
  atezolizumab: 'drug.atezolizumab',
  bevacizumab: 'drug.bevacizumab',
  antiPD1: 'drug.antiPD1',
  cox2i: 'drug.cox2i',
  antiCD24: 'drug.antiCD24',
  antiIL6: 'drug.antiIL6',
  osimertinib: 'drug.osimertinib',
  igf1ri: 'drug.igf1ri',
};

export function Charts() {
  const t = useT();
  const view = useExplorer((s) => s.result);
  const meta = useExplorer((s) => s.meta);
  const scenario = useExplorer((s) => s.scenario);
  const selected = useExplorer((s) => s.selectedArm);
  const { logScale, compartments, macrophageView, drugView } = useExplorer((s) => s.view);
  const setView = useExplorer((s) => s.setView);
  const units = displayUnits(scaleOf(scenario));
  const volumeUnit = t(units.volume === 'cm3' ? 'unit.cm3' : 'unit.mm3');

  // Arms only change identity with a new result or an arm-list edit; each chart's lines are memoised on that.
  const hiddenKey = scenario.arms.map((a) => (a.hidden ? 1 : 0)).join('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: hiddenKey stands for the hidden flags of scenario.arms
  const arms = useMemo(() => visibleArms(view, meta, scenario), [view, meta, hiddenKey]);
  const selectedKey = meta[selected]?.key;
  const selectedArm = arms.find((a) => a.key === selectedKey);

  const volume = useMemo(() => {
    const lines = linesOf(arms, 'tumourVolume');
    const areas: ChartArea[] = [];
    if (selectedArm && compartments === 'stacked') {
      const n = selectedArm.t.length;
      let lower = new Float64Array(n);
      for (const c of COMPARTMENTS) {
        const values = selectedArm.series[c.series];
        const upper = new Float64Array(n);
        for (let i = 0; i < n; i++) upper[i] = lower[i] + values[i];
        areas.push({
          arm: selectedArm.key,
          slot: selectedArm.slot,
          series: c.series,
          t: selectedArm.t,
          lower,
          upper,
          fill: c.fill,
        });
        lower = upper;
      }
    }
    if (selectedArm && compartments === 'separate') {
      for (const c of COMPARTMENTS) {
        lines.push({
          arm: selectedArm.key,
          slot: selectedArm.slot,
          series: c.series,
          t: selectedArm.t,
          values: selectedArm.series[c.series],
          variant: 'secondary',
          colour: c.stroke,
          dash: c.dash,
        });
      }
    }
    return { lines, areas };
  }, [arms, selectedArm, compartments]);

  const cd8 = useMemo(() => linesOf(arms, 'cd8'), [arms]);
  const macrophages = useMemo(
    () =>
      macrophageView === 'fraction'
        ? linesOf(arms, 'm1Fraction')
        : [...linesOf(arms, 'm1'), ...linesOf(arms, 'm2', 'secondary')],
    [arms, macrophageView],
  );
  const pge2 = useMemo(() => linesOf(arms, 'pge2Plasma'), [arms]);
  const pdl1 = useMemo(() => linesOf(arms, 'pdl1'), [arms]);
  const cd24 = useMemo(() => linesOf(arms, 'cd24'), [arms]);
  const drugs = useMemo(() => linesOf(arms, `drug.${drugView}`), [arms, drugView]);
  const toxicity = useMemo(() => linesOf(arms, 'igf1rToxicity'), [arms]);
  const fractionDomain = useMemo<[number, number]>(() => [0, 1], []);

  const selectedName = scenario.arms[selected]?.name ?? '';

  return (
    <section className="charts" aria-labelledby="charts-heading" id="charts">
      <h2 id="charts-heading" className="visually-hidden">
        {t('panel.charts')}
      </h2>
      <ChartFrame
        id="volume"
        wide
        title={t('chart.volume')}
        yLabel={volumeUnit}
        lines={volume.lines}
        areas={volume.areas}
        height={320}
        logScale={logScale}
        yFactor={units.volumeFactor}
        controls={
          <>
            <label className="checkbox">
              <input
                type="checkbox"
                data-testid="log-scale"
                checked={logScale}
                onChange={(e) => setView({ logScale: e.currentTarget.checked })}
              />
              <span>{t('chart.logScale')}</span>
            </label>
            <label className="select">
              <span>{t('chart.compartments')}</span>
              <select
                data-testid="compartments"
                value={compartments}
                onChange={(e) => setView({ compartments: e.currentTarget.value as typeof compartments })}
              >
                <option value="total">{t('chart.compartments.total')}</option>
                <option value="stacked">{t('chart.compartments.stacked')}</option>
                <option value="separate">{t('chart.compartments.separate')}</option>
              </select>
            </label>
          </>
        }
        footer={
          compartments !== 'total' ? (
            <p className="chart-note">
              {t('chart.stackHint', { arm: selectedName })}:{' '}
              {COMPARTMENTS.map((c) => (
                <span key={c.series} className="compartment-key">
                  <span
                    className="key-box"
                    style={{ background: compartments === 'stacked' ? c.fill : c.stroke }}
                    aria-hidden="true"
                  />
                  {t(`series.${c.series}`)}
                </span>
              ))}
            </p>
          ) : null
        }
      />
      <div className="chart-grid">
        <ChartFrame id="cd8" title={t('chart.cd8')} yLabel={t('unit.cells')} lines={cd8} height={220} />
        <ChartFrame
          id="macrophages"
          title={t(macrophageView === 'fraction' ? 'chart.m1Fraction' : 'chart.macrophages')}
          yLabel={t(macrophageView === 'fraction' ? 'unit.fraction' : 'unit.cells')}
          lines={macrophages}
          height={220}
          yDomain={macrophageView === 'fraction' ? fractionDomain : undefined}
          controls={
            <label className="select">
              <span>{t('chart.macrophageView')}</span>
              <select
                data-testid="macrophage-view"
                value={macrophageView}
                onChange={(e) => setView({ macrophageView: e.currentTarget.value as typeof macrophageView })}
              >
                <option value="fraction">{t('chart.macrophageView.fraction')}</option>
                <option value="counts">{t('chart.macrophageView.counts')}</option>
              </select>
            </label>
          }
          footer={macrophageView === 'counts' ? <p className="chart-note">{t('chart.m2Hint')}</p> : null}
        />
        <ChartFrame id="pge2" title={t('chart.pge2')} yLabel={t('unit.relative')} lines={pge2} height={220} />
        <ChartFrame id="pdl1" title={t('chart.pdl1')} yLabel={t('unit.relative')} lines={pdl1} height={220} />
        <ChartFrame id="cd24" title={t('chart.cd24')} yLabel={t('unit.relative')} lines={cd24} height={220} />
        <ChartFrame
          id="drugs"
          title={t('chart.drugs')}
          yLabel={t('unit.nM')}
          lines={drugs}
          height={220}
          controls={
            <label className="select">
              <span>{t('chart.drugSelect')}</span>
              <select
                data-testid="drug-view"
                value={drugView}
                onChange={(e) => setView({ drugView: e.currentTarget.value as DrugId })}
              >
                {DRUG_IDS.map((d) => (
                  <option key={d} value={d}>
                    {t(DRUG_KEYS[d])}
                  </option>
                ))}
              </select>
            </label>
          }
        />
        <ChartFrame
          id="toxicity"
          title={t('chart.igf1rToxicity')}
          yLabel={t('unit.occupancyDays')}
          lines={toxicity}
          height={220}
        />
      </div>
    </section>
  );
}
