/**
 * Exports is the panel that saves the charts (SVG, PNG) and the data (CSV) of the current scenario; it exists so
 * that a figure in a lecture or a report can be traced to a link.
 */
import { memo, useId, useRef, useState } from 'react';
import type { ArmData, BandColumns, LegendEntry } from '../../charts/export';
import { displayUnits, formatNumber, formatTime } from '../../charts/format';
import { armStyle } from '../../charts/palette';
import type { WideColumn } from '../../charts/wideCsv';
import { locale, type MessageKey, t as translate, useT } from '../../i18n';
import { encodeScenario, FORMAT_VERSION } from '../../scenario/encode';
import { DRUG_IDS, type Scenario } from '../../scenario/types';
import { parameterChanges } from '../../scenario/variables';
import { useBands } from '../../store/bands';
import { type ResultView, scaleOf, useExplorer } from '../../store/explorer';
import { armSbml } from '../../store/exports';
import { useFitCurves } from '../../store/fitCurves';
import { useMeasurements } from '../../store/measurements';
import { loadChunk } from '../../store/release';
import { type ScenarioFileExtras, scenarioFileText } from '../../store/scenarioFile';
import { currentLink, currentQuery } from '../../store/url';
import { changedText } from '../toolkit/changedText';
import { useInView, useSeen, whenCurrent } from '../useInView';

/** Charts that can be exported: their DOM id (svg-<id>) and title key. */
const CHARTS: [string, MessageKey][] = [
  ['volume', 'chart.volume'],
  ['cd8', 'chart.cd8'],
  ['macrophages', 'chart.macrophages'],
  ['pge2', 'chart.pge2'],
  ['pdl1', 'chart.pdl1'],
  ['cd24', 'chart.cd24'],
  ['drugs', 'chart.drugs'],
  ['toxicity', 'chart.igf1rToxicity'],
];

/** Arms of the latest result with their names and palette styles, in the scenario's order. */
function resultArms(view: ResultView | null): (ArmData & LegendEntry)[] {
  if (!view) return [];
  const { scenario, meta } = useExplorer.getState();
  return view.result.arms.flatMap((arm, i) => {
    const index = meta.findIndex((m) => m.key === view.keys[i]);
    if (index < 0) return [];
    const style = armStyle(meta[index].slot);
    return [{ name: scenario.arms[index].name, t: arm.t, series: arm.series, colour: style.colour, dash: style.dash }];
  });
}

/** Which series the text summary describes, with their chart title and unit keys. */
const SUMMARY_SERIES: [string, MessageKey, MessageKey | 'volume'][] = [
  ['tumourVolume', 'chart.volume', 'volume'],
  ['cd8', 'chart.cd8', 'unit.cells'],
  ['m1Fraction', 'chart.m1Fraction', 'unit.fraction'],
  ['pge2Plasma', 'chart.pge2', 'unit.pgPerMl'],
];

/** A plain-language account of the curves, for screen readers and the text export. */
export function summaryText(view: ResultView | null): string[] {
  const arms = resultArms(view);
  if (arms.length === 0) return [translate('summary.none')];
  const { scenario } = useExplorer.getState();
  const units = displayUnits(scaleOf(scenario));
  const lang = locale();
  // "at day 28" (or "at month 3.2"), never "at days 28"
  const when = (day: number) =>
    translate(units.time === 'months' ? 'summary.atMonth' : 'summary.atDay', { value: formatTime(day, units, lang) });
  const lines: string[] = [];
  for (const [series, titleKey, unitKey] of SUMMARY_SERIES) {
    const factor = unitKey === 'volume' ? units.volumeFactor : 1;
    const unit =
      unitKey === 'volume' ? translate(units.volume === 'cm3' ? 'unit.cm3' : 'unit.mm3') : translate(unitKey);
    lines.push(translate('summary.chart', { title: translate(titleKey), unit }));
    for (const arm of arms) {
      const values = arm.series[series];
      if (!values || values.length === 0) continue;
      let lo = 0;
      let hi = 0;
      for (let i = 1; i < values.length; i++) {
        if (values[i] < values[lo]) lo = i;
        if (values[i] > values[hi]) hi = i;
      }
      const last = values.length - 1;
      const f = (v: number) => formatNumber(v * factor, lang);
      lines.push(
        translate('summary.arm', {
          arm: arm.name,
          start: f(values[0]),
          end: f(values[last]),
          endTime: when(arm.t[last]),
          min: f(values[lo]),
          minTime: when(arm.t[lo]),
          max: f(values[hi]),
          maxTime: when(arm.t[hi]),
        }),
      );
    }
  }
  const hidden = scenario.arms.filter((a) => a.hidden).map((a) => a.name);
  if (hidden.length > 0) lines.push(translate('summary.hidden', { arms: hidden.join(', ') }));
  return lines;
}

/**
 * The imported measurements and the fit to them, as the exports write them: the fitted curves only while the
 * scenario is the one fitted (as the charts draw them), the fitted values while there is a fit.
 */
function measuredAndFitted() {
  const { rows, fileName } = useMeasurements.getState();
  const fit = useFitCurves.getState();
  const { scenario } = useExplorer.getState();
  const current = fit.scenario !== null && fit.scenario === scenario;
  return {
    rows,
    fileName: fileName ?? '',
    curves: current ? fit.curves.map((c) => ({ name: c.arm, t: c.t, series: c.series })) : [],
    summary: fit.summary && fit.scenario ? { ...fit.summary, link: encodeScenario(fit.scenario) } : null,
  };
}

/** The export code (SVG and PNG drawing, CSV) is loaded at the first export, not with the page. */
const exporter = () => loadChunk(() => import('../../charts/export'));

function stamp(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Export buttons: a chart as SVG or PNG, the data as CSV, the scenario as JSON, the text summary. */
export function Exports() {
  const t = useT();
  // the result is read when an export is made: a new result (every slider move) does not render the panel
  const latest = () => useExplorer.getState().result;
  const [chart, setChart] = useState('volume');
  const [saved, setSaved] = useState('');
  const chartId = useId();
  const arms = useExplorer((s) => s.scenario.arms);
  const [sbmlArm, setSbmlArm] = useState(0);
  const sbmlArmId = useId();
  const title = t(CHARTS.find(([id]) => id === chart)?.[1] ?? 'chart.volume');

  const save = async (file: string, blob: Blob) => {
    (await exporter()).download(file, blob);
    setSaved(t('export.saved', { file }));
  };
  const chartSvg = async (): Promise<string | null> => {
    const { chartToSvg } = await exporter();
    const svg = document.querySelector<SVGSVGElement>(`[data-testid="svg-${chart}"]`);
    if (!svg) return null;
    // a chart below the fold follows the last change a moment later: the figure is exported as it is then, with the
    // legend of that same result
    await whenCurrent(svg.closest('figure'));
    const { scenario } = useExplorer.getState();
    const legend = resultArms(latest()).filter((a) => scenario.arms.find((s) => s.name === a.name && !s.hidden));
    // a figure made with edited model parameters says so (the analyses' figures do the same)
    const changed = changedText(parameterChanges(scenario), t);
    return chartToSvg(svg, title, legend, changed ? [changed] : []);
  };
  const exportSvg = async () => {
    const text = await chartSvg();
    if (text) await save(`timescape-${chart}-${stamp()}.svg`, new Blob([text], { type: 'image/svg+xml' }));
  };
  const exportPng = async () => {
    const text = await chartSvg();
    if (text) await save(`timescape-${chart}-${stamp()}.png`, await (await exporter()).svgToPng(text, 2));
  };
  const exportCsv = async () => {
    const arms = resultArms(latest());
    if (arms.length === 0) {
      setSaved(t('export.noData'));
      return;
    }
    const { tidyCsv } = await exporter();
    const { scenario, meta } = useExplorer.getState();
    // the uncertainty bands, when they were computed for this scenario (store/bands.ts), by arm name
    const bandState = useBands.getState();
    const bands = new Map<string, Record<string, BandColumns>>();
    if (bandState.on && bandState.scenario === scenario)
      for (const b of bandState.arms) {
        const index = meta.findIndex((m) => m.key === b.key);
        if (index >= 0) bands.set(scenario.arms[index].name, b.series);
      }
    const changed = parameterChanges(scenario)
      .map((c) => `${c.id}=${c.value}`)
      .join(';');
    // the researcher's measurements, the fitted curves and the fitted values, as rows of their own source
    const own = measuredAndFitted();
    const text = tidyCsv(arms, {
      bands,
      changed,
      measurements: own.rows,
      fittedCurves: own.curves,
      fitted: own.summary?.factors ?? [],
    });
    await save(`timescape-data-${stamp()}.csv`, new Blob([text], { type: 'text/csv' }));
  };
  const exportWideCsv = async () => {
    const data = resultArms(latest());
    if (data.length === 0) {
      setSaved(t('export.noData'));
      return;
    }
    const { wideCsv } = await loadChunk(() => import('../../charts/wideCsv'));
    // model units at every setting (days, mm³), so that sheets from mice and patients line up
    const columns: WideColumn[] = [
      { series: 'tumourVolume', label: `${t('chart.volume')} (${t('unit.mm3')})` },
      { series: 'cd8', label: `${t('chart.cd8')} (${t('unit.cells')})` },
      { series: 'm1Fraction', label: `${t('chart.m1Fraction')} (${t('unit.fraction')})` },
      { series: 'pge2Plasma', label: `${t('chart.pge2')} (${t('unit.pgPerMl')})` },
      { series: 'pdl1', label: `${t('chart.pdl1')} (${t('unit.relative')})` },
      { series: 'cd24', label: `${t('chart.cd24')} (${t('unit.relative')})` },
      ...DRUG_IDS.map((d) => ({ series: `drug.${d}`, label: `${t(`drug.${d}`)} (${t('unit.nM')})` })),
      { series: 'igf1rToxicity', label: `${t('chart.igf1rToxicity')} (${t('unit.occupancyDays')})` },
    ];
    // the uncertainty bands beside their series, when they were computed for this scenario
    const { scenario, meta } = useExplorer.getState();
    const bandState = useBands.getState();
    if (bandState.on && bandState.scenario === scenario)
      for (const b of bandState.arms) {
        const index = meta.findIndex((m) => m.key === b.key);
        const arm = index >= 0 ? data.find((a) => a.name === scenario.arms[index].name) : undefined;
        if (arm) Object.assign(arm, { bands: b.series });
      }
    const own = measuredAndFitted();
    const comments = [
      t('export.wideScenario', { link: currentLink() }),
      t('export.wideUnits'),
      `release ${document.documentElement.dataset.release ?? ''}`,
      // the fitted values with their intervals (the measurements themselves are rows of the data CSV and the JSON)
      ...(own.summary?.factors ?? []).map((f) =>
        t('export.wideFitted', {
          name: f.name,
          estimate: String(f.estimate),
          se: String(f.standardError),
          lower: String(f.lower),
          upper: String(f.upper),
          file: own.summary?.file ?? '',
        }),
      ),
    ];
    const text = wideCsv(data, columns, comments);
    await save(`timescape-data-wide-${stamp()}.csv`, new Blob([text], { type: 'text/csv' }));
  };
  const exportJson = () => {
    const { scenario } = useExplorer.getState();
    // the file loads back with "Open scenario file…" (store/scenarioFile.ts reads its link through the codec)
    const own = measuredAndFitted();
    const extras: ScenarioFileExtras = {
      ...(own.rows.length > 0 ? { measurements: { file: own.fileName, rows: own.rows } } : {}),
      ...(own.summary ? { fit: own.summary } : {}),
    };
    const text = scenarioFileText(scenario, currentQuery(), FORMAT_VERSION, extras);
    save(`timescape-scenario-${stamp()}.json`, new Blob([text], { type: 'application/json' }));
  };
  const exportSbml = async () => {
    const index = Math.min(sbmlArm, arms.length - 1);
    try {
      const text = await armSbml(index);
      await save(`timescape-arm${index + 1}-${stamp()}.xml`, new Blob([text], { type: 'application/xml' }));
    } catch (error) {
      setSaved(t('export.sbmlFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };
  const exportText = () => {
    save(
      `timescape-summary-${stamp()}.txt`,
      new Blob([`${summaryText(latest()).join('\n')}\n`], { type: 'text/plain' }),
    );
  };

  return (
    <section className="exports" aria-labelledby="exports-heading" data-testid="exports">
      <h2 id="exports-heading">{t('export.title')}</h2>
      <div className="export-row">
        <label htmlFor={chartId}>{t('export.chart')}</label>
        <select id={chartId} data-testid="export-chart" value={chart} onChange={(e) => setChart(e.currentTarget.value)}>
          {CHARTS.map(([id, key]) => (
            <option key={id} value={id}>
              {t(key)}
            </option>
          ))}
        </select>
        <button type="button" data-testid="export-svg" onClick={exportSvg}>
          {t('export.svg')}
        </button>
        <button type="button" data-testid="export-png" onClick={exportPng}>
          {t('export.png')}
        </button>
      </div>
      <div className="export-row">
        <button type="button" data-testid="export-csv" onClick={exportCsv}>
          {t('export.csv')}
        </button>
        <button type="button" data-testid="export-wide-csv" onClick={exportWideCsv}>
          {t('export.wideCsv')}
        </button>
        <button type="button" data-testid="export-json" onClick={exportJson}>
          {t('export.json')}
        </button>
        <button type="button" data-testid="export-text" onClick={exportText}>
          {t('export.text')}
        </button>
      </div>
      <div className="export-row">
        <label htmlFor={sbmlArmId}>{t('export.sbmlArm')}</label>
        <select
          id={sbmlArmId}
          data-testid="export-sbml-arm"
          value={Math.min(sbmlArm, arms.length - 1)}
          onChange={(e) => setSbmlArm(Number(e.currentTarget.value))}
        >
          {arms.map((arm, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: arms are exported by their position in the scenario
            <option key={i} value={i}>
              {arm.name}
            </option>
          ))}
        </select>
        <button type="button" data-testid="export-sbml" onClick={exportSbml}>
          {t('export.sbml')}
        </button>
      </div>
      <p className="export-status" aria-live="polite" data-testid="export-status">
        {saved}
      </p>
      <TextSummary arms={arms} />
    </section>
  );
}

/**
 * The text summary: below the fold (it is, under the charts and the readout, on most screens) it follows a slider's
 * moves once input pauses or when scrolled to (useSeen), and its memoised lines are not rendered at every move.
 */
function TextSummary({ arms }: { arms: Scenario['arms'] }) {
  const t = useT();
  const box = useRef<HTMLDetailsElement>(null);
  const view = useSeen(
    useExplorer((s) => s.result),
    useInView(box),
  );
  return (
    <details className="text-summary" data-testid="text-summary" ref={box}>
      <summary>{t('summary.heading')}</summary>
      <SummaryLines view={view} arms={arms} />
    </details>
  );
}

/**
 * The text summary's lines (memoised: rendered again only for another result, arm list or language). summaryText
 * reads the arms' names from the store, so `arms` is passed only for a renamed or hidden arm to render them anew.
 */
const SummaryLines = memo(function SummaryLines({ view }: { view: ResultView | null; arms: Scenario['arms'] }) {
  useT();
  return (
    <ul>
      {summaryText(view).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity beyond their position
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
});
