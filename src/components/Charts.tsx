/**
 * Charts is the explorer's panel of time-course charts (tumour volume, CD8, macrophages, PGE2, PD-L1, CD24, drug
 * levels, toxicity); it exists to turn the store's latest result into the lines each chart draws.
 */
import { useMemo } from 'react';
import { type ArmBand, bandAreas, bandMedians } from '../charts/bands';
import { displayUnits } from '../charts/format';
import { armStyle } from '../charts/palette';
import { stackAreas } from '../charts/stack';
import type { ChartArea, ChartLine, ChartPoint } from '../charts/timeSeries';
import { locale, type MessageKey, useT } from '../i18n';
import { DRUG_IDS, type DrugId, type Scenario } from '../scenario/types';
import { parameterChanges } from '../scenario/variables';
import { type BandSeries, useBands } from '../store/bands';
import { type ArmMeta, type ResultView, type SeriesName, scaleOf, useExplorer } from '../store/explorer';
import { useFitCurves } from '../store/fitCurves';
import { useMeasurements } from '../store/measurements';
import { SelectField } from './SelectField';
import { TimeSeriesChart } from './TimeSeriesChart';
import { BandsToggle } from './toolkit/BandsToggle';
import { changedText } from './toolkit/changedText';

/**
 * Fill and line colours of the tumour compartments (stacked view), light enough for lines to stay readable. EGFR T790M
 * cells (`whenPresent`) are shown only for an arm that has any: only an EGFR-mutant patient tumour carries them.
 */
const COMPARTMENTS = [
  { series: 'sensitiveVolume', fill: '#cfe3f3', stroke: '#2b6a99', dash: '', whenPresent: false },
  { series: 'persisterVolume', fill: '#f9d8b5', stroke: '#a35200', dash: '6 3', whenPresent: false },
  { series: 'resistantVolume', fill: '#e7c8dc', stroke: '#8a3f6d', dash: '2 2', whenPresent: false },
  { series: 't790mVolume', fill: '#d5e8c4', stroke: '#3f7a1f', dash: '8 2 2 2', whenPresent: true },
] as const;

/** The compartments an arm's charts show: every one, but T790M cells only when the arm has any. */
function compartmentsOf(arm: ArmSeries | undefined): readonly (typeof COMPARTMENTS)[number][] {
  if (!arm) return COMPARTMENTS.filter((c) => !c.whenPresent);
  return COMPARTMENTS.filter((c) => !c.whenPresent || (arm.series[c.series] ?? []).some((v) => v > 0));
}

interface ArmSeries {
  key: number;
  slot: number;
  t: Float64Array;
  series: Record<string, Float64Array>;
}

/** Arms of the latest result that still exist and are shown, with their palette slot. */
function visibleArms(view: ResultView | null, meta: ArmMeta[], scenario: Pick<Scenario, 'arms'>): ArmSeries[] {
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

const DRUG_KEYS: Record<DrugId, MessageKey> = {
  atezolizumab: 'drug.atezolizumab',
  bevacizumab: 'drug.bevacizumab',
  antiPD1: 'drug.antiPD1',
  cox2i: 'drug.cox2i',
  antiCD24: 'drug.antiCD24',
  antiIL6: 'drug.antiIL6',
  osimertinib: 'drug.osimertinib',
  sorafenib: 'drug.sorafenib',
  gefitinib: 'drug.gefitinib',
  igf1ri: 'drug.igf1ri',
};

export function Charts() {
  const t = useT();
  const view = useExplorer((s) => s.result);
  const meta = useExplorer((s) => s.meta);
  // narrow selectors: a slider move (a new scenario, same arms) does not re-render this on the input path
  const scenarioArms = useExplorer((s) => s.scenario.arms);
  const scale = useExplorer((s) => scaleOf(s.scenario));
  const selected = useExplorer((s) => s.selectedArm);
  // edited model parameters, named above the charts (a figure made with them says so); parameters and setting only,
  // so a slider move does not re-render this
  const parameters = useExplorer((s) => s.scenario.parameters);
  const setting = useExplorer((s) => s.scenario.setting);
  const changed = useMemo(() => changedText(parameterChanges({ setting, parameters }), t), [parameters, setting, t]);
  const { logScale, compartments, macrophageView, drugView } = useExplorer((s) => s.view);
  const setView = useExplorer((s) => s.setView);
  const units = displayUnits(scale);
  const volumeUnit = t(units.volume === 'cm3' ? 'unit.cm3' : 'unit.mm3');

  // Arms only change identity with a new result or an arm-list edit; each chart's lines are memoised on that.
  const hiddenKey = scenarioArms.map((a) => (a.hidden ? 1 : 0)).join('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: hiddenKey stands for the hidden flags of the arms
  const arms = useMemo(() => visibleArms(view, meta, { arms: scenarioArms }), [view, meta, hiddenKey]);
  // uncertainty bands (store/bands.ts), shown only for the scenario they were computed for (a boolean selector: a
  // slider move re-renders this only when the bands stop being current)
  const bandsOn = useBands((s) => s.on);
  const bandScenario = useBands((s) => s.scenario);
  const bandArms = useBands((s) => s.arms);
  const bandsCurrent = useExplorer((s) => bandsOn && bandScenario === s.scenario);
  /** the bands of one series over the visible arms (none when the bands are off or out of date) */
  const bandsOf = useMemo(() => {
    const shown = bandsCurrent ? bandArms.filter((b) => arms.some((a) => a.key === b.key)) : [];
    return (series: BandSeries): ArmBand[] =>
      shown.map((b) => ({ arm: b.key, slot: b.slot, t: b.t, ...b.series[series] }));
  }, [bandsCurrent, bandArms, arms]);
  /** a chart's band areas and median lines of one series */
  const withBands = (lines: ChartLine[], series: BandSeries): { lines: ChartLine[]; areas: ChartArea[] } => {
    const bands = bandsOf(series);
    return { lines: [...lines, ...bandMedians(bands, series)], areas: bandAreas(bands, series) };
  };
  // imported measurements (store/measurements.ts): points with ± SD bars on the matching chart and visible arm
  const measurements = useMeasurements((s) => s.rows);
  const measurementFile = useMeasurements((s) => s.fileName);
  const pointsOf = useMemo(() => {
    const byName = new Map<string, { key: number; slot: number }>();
    scenarioArms.forEach((a, i) => {
      if (!a.hidden && meta[i]) byName.set(a.name, { key: meta[i].key, slot: meta[i].slot });
    });
    const bySeries = new Map<string, ChartPoint[]>();
    for (const r of measurements) {
      const arm = byName.get(r.arm);
      if (!arm) continue;
      const list = bySeries.get(r.series) ?? [];
      list.push({
        arm: arm.key,
        slot: arm.slot,
        day: r.day,
        value: r.value,
        ...(r.sd !== undefined ? { lower: Math.max(0, r.value - r.sd), upper: r.value + r.sd } : {}),
      });
      bySeries.set(r.series, list);
    }
    return (series: string): ChartPoint[] | undefined => bySeries.get(series);
  }, [measurements, scenarioArms, meta]);
  // the fitted model's curves (store/fit.ts), dashed in the arm's colour, while the scenario is the one fitted
  const fitCurves = useFitCurves((s) => s.curves);
  const fitScenario = useFitCurves((s) => s.scenario);
  const fitCurrent = useExplorer((s) => fitScenario !== null && fitScenario === s.scenario);
  const fittedOf = useMemo(() => {
    const out = new Map<string, ChartLine[]>();
    if (!fitCurrent || fitCurves.length === 0) return (_: string): ChartLine[] => [];
    const byName = new Map<string, { key: number; slot: number }>();
    scenarioArms.forEach((a, i) => {
      if (!a.hidden && meta[i]) byName.set(a.name, { key: meta[i].key, slot: meta[i].slot });
    });
    for (const c of fitCurves) {
      const arm = byName.get(c.arm);
      if (!arm) continue;
      for (const [series, values] of Object.entries(c.series)) {
        const list = out.get(series) ?? [];
        list.push({
          arm: arm.key,
          slot: arm.slot,
          series: `${series}.fit`,
          t: c.t,
          values,
          variant: 'secondary',
          colour: armStyle(arm.slot).colour,
          dash: '7 3',
        });
        out.set(series, list);
      }
    }
    return (series: string): ChartLine[] => out.get(series) ?? [];
  }, [fitCurrent, fitCurves, scenarioArms, meta]);
  const selectedKey = meta[selected]?.key;
  const selectedArm = arms.find((a) => a.key === selectedKey);
  const shown = useMemo(() => compartmentsOf(selectedArm), [selectedArm]);

  const volume = useMemo(() => {
    const lines = linesOf(arms, 'tumourVolume');
    const areas: ChartArea[] =
      selectedArm && compartments === 'stacked'
        ? stackAreas(
            selectedArm.t,
            shown.map((c) => ({ series: c.series, values: selectedArm.series[c.series], fill: c.fill })),
            { arm: selectedArm.key, slot: selectedArm.slot },
          )
        : [];
    if (selectedArm && compartments === 'separate') {
      for (const c of shown) {
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
    const bands = bandsOf('tumourVolume');
    return {
      lines: [...lines, ...bandMedians(bands, 'tumourVolume'), ...fittedOf('tumourVolume')],
      areas: [...bandAreas(bands, 'tumourVolume'), ...areas],
    };
  }, [arms, selectedArm, shown, compartments, bandsOf, fittedOf]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: withBands reads only bandsOf
  const cd8 = useMemo(() => withBands([...linesOf(arms, 'cd8'), ...fittedOf('cd8')], 'cd8'), [arms, fittedOf, bandsOf]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: withBands reads only bandsOf
  const macrophages = useMemo(
    () =>
      macrophageView === 'fraction'
        ? withBands([...linesOf(arms, 'm1Fraction'), ...fittedOf('m1Fraction')], 'm1Fraction')
        : withBands([...linesOf(arms, 'm1'), ...linesOf(arms, 'm2', 'secondary'), ...fittedOf('m1')], 'm1'),
    [arms, macrophageView, fittedOf, bandsOf],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: withBands reads only bandsOf
  const pge2 = useMemo(
    () => withBands([...linesOf(arms, 'pge2Plasma'), ...fittedOf('pge2Plasma')], 'pge2Plasma'),
    [arms, fittedOf, bandsOf],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: withBands reads only bandsOf
  const pdl1 = useMemo(() => withBands(linesOf(arms, 'pdl1'), 'pdl1'), [arms, bandsOf]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: withBands reads only bandsOf
  const cd24 = useMemo(() => withBands(linesOf(arms, 'cd24'), 'cd24'), [arms, bandsOf]);
  const drugs = useMemo(() => linesOf(arms, `drug.${drugView}`), [arms, drugView]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: withBands reads only bandsOf
  const toxicity = useMemo(
    () => withBands([...linesOf(arms, 'igf1rToxicity'), ...fittedOf('igf1rToxicity')], 'igf1rToxicity'),
    [arms, fittedOf, bandsOf],
  );
  const fractionDomain = useMemo<[number, number]>(() => [0, 1], []);

  const selectedName = scenarioArms[selected]?.name ?? '';

  // The charts' controls and footers, memoised like their data: a chart below the fold then gets the same props at a
  // slider move and its memoised body does not render (TimeSeriesChart). The language is a dependency: `t` is one
  // function whatever the language.
  const language = locale();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language stands for what t returns
  const volumeControls = useMemo(
    () => (
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
        <SelectField
          label={t('chart.compartments')}
          testId="compartments"
          value={compartments}
          options={[
            ['total', t('chart.compartments.total')],
            ['stacked', t('chart.compartments.stacked')],
            ['separate', t('chart.compartments.separate')],
          ]}
          onChange={(v) => setView({ compartments: v })}
        />
        <BandsToggle />
      </>
    ),
    [logScale, compartments, setView, t, language],
  );
  const volumePoints = pointsOf('tumourVolume');
  const volumeFitted = fittedOf('tumourVolume').length > 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language stands for what t returns
  const volumeFooter = useMemo(
    () =>
      compartments !== 'total' || (measurementFile && volumePoints) || volumeFitted ? (
        <>
          {volumeFitted ? (
            <p className="chart-note" data-testid="fit-curve-note">
              {t('fit.curveLegend')}
            </p>
          ) : null}
          {measurementFile && volumePoints ? (
            <p className="chart-note" data-testid="measurements-note">
              {t('data.note', { file: measurementFile })}
            </p>
          ) : null}
          {compartments !== 'total' ? (
            <p className="chart-note">
              {t('chart.stackHint', { arm: selectedName })}:{' '}
              {shown.map((c) => (
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
          ) : null}
        </>
      ) : null,
    [compartments, measurementFile, volumePoints, volumeFitted, selectedName, shown, t, language],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language stands for what t returns
  const macrophageControls = useMemo(
    () => (
      <SelectField
        label={t('chart.macrophageView')}
        testId="macrophage-view"
        value={macrophageView}
        options={[
          ['fraction', t('chart.macrophageView.fraction')],
          ['counts', t('chart.macrophageView.counts')],
        ]}
        onChange={(v) => setView({ macrophageView: v })}
      />
    ),
    [macrophageView, setView, t, language],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language stands for what t returns
  const macrophageFooter = useMemo(
    () => (macrophageView === 'counts' ? <p className="chart-note">{t('chart.m2Hint')}</p> : null),
    [macrophageView, t, language],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language stands for what t returns
  const drugControls = useMemo(
    () => (
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
    ),
    [drugView, setView, t, language],
  );

  return (
    <section className="charts" aria-labelledby="charts-heading" id="charts">
      <h2 id="charts-heading" className="visually-hidden">
        {t('panel.charts')}
      </h2>
      {changed ? (
        <p className="chart-note changed-parameters" data-testid="charts-changed">
          {changed}
        </p>
      ) : null}
      <TimeSeriesChart
        id="volume"
        wide
        title={t('chart.volume')}
        yLabel={volumeUnit}
        lines={volume.lines}
        areas={volume.areas}
        points={volumePoints}
        height={320}
        logScale={logScale}
        yFactor={units.volumeFactor}
        controls={volumeControls}
        footer={volumeFooter}
      />
      <div className="chart-grid">
        <TimeSeriesChart
          id="cd8"
          title={t('chart.cd8')}
          yLabel={t('unit.cells')}
          lines={cd8.lines}
          areas={cd8.areas}
          points={pointsOf('cd8')}
          height={220}
        />
        <TimeSeriesChart
          id="macrophages"
          title={t(macrophageView === 'fraction' ? 'chart.m1Fraction' : 'chart.macrophages')}
          yLabel={t(macrophageView === 'fraction' ? 'unit.fraction' : 'unit.cells')}
          lines={macrophages.lines}
          areas={macrophages.areas}
          points={pointsOf(macrophageView === 'fraction' ? 'm1Fraction' : 'm1')}
          height={220}
          yDomain={macrophageView === 'fraction' ? fractionDomain : undefined}
          controls={macrophageControls}
          footer={macrophageFooter}
        />
        <TimeSeriesChart
          id="pge2"
          title={t('chart.pge2')}
          yLabel={t('unit.pgPerMl')}
          lines={pge2.lines}
          areas={pge2.areas}
          points={pointsOf('pge2Plasma')}
          height={220}
        />
        <TimeSeriesChart
          id="pdl1"
          title={t('chart.pdl1')}
          yLabel={t('unit.relative')}
          lines={pdl1.lines}
          areas={pdl1.areas}
          height={220}
        />
        <TimeSeriesChart
          id="cd24"
          title={t('chart.cd24')}
          yLabel={t('unit.relative')}
          lines={cd24.lines}
          areas={cd24.areas}
          height={220}
        />
        <TimeSeriesChart
          id="drugs"
          title={t('chart.drugs')}
          yLabel={t('unit.nM')}
          lines={drugs}
          height={220}
          controls={drugControls}
        />
        <TimeSeriesChart
          id="toxicity"
          title={t('chart.igf1rToxicity')}
          yLabel={t('unit.occupancyDays')}
          lines={toxicity.lines}
          areas={toxicity.areas}
          points={pointsOf('igf1rToxicity')}
          height={220}
        />
      </div>
    </section>
  );
}
