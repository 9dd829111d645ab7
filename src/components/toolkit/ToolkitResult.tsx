/**
 * ToolkitResult is the figure of the last analysis: a scan's lines (one per arm), a tornado or the Sobol' indices,
 * drawn by src/charts (scan.ts, tornado.ts, sobol.ts), with a caption that names the model parameters changed from
 * their defaults, a data table (the screen-reader alternative, and the numbers themselves), and SVG, PNG and CSV
 * exports through the app's export code (the exported figure lists the changed parameters too).
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { LegendEntry } from '../../charts/export';
import { formatNumber } from '../../charts/format';
import type { HeatmapData } from '../../charts/heatmap';
import { heatmapLayout } from '../../charts/heatmapLayout';
import { armStyle } from '../../charts/palette';
import { drawScan, type ScanData } from '../../charts/scan';
import { drawSobol, SOBOL_COLOURS, type SobolRow, sobolHeight } from '../../charts/sobol';
import { drawTornado, TORNADO_COLOURS, type TornadoData, tornadoHeight } from '../../charts/tornado';
import { locale, type MessageKey, useT } from '../../i18n';
import { useExplorer } from '../../store/explorer';
import { loadChunk } from '../../store/release';
import { type Outcome, useToolkit } from '../../store/toolkit';
import { ChartFrame } from '../ChartFrame';
import { useWidth } from '../useWidth';
import { changedText } from './changedText';

const exporter = () => loadChunk(() => import('../../charts/export'));
const csvExporter = () => loadChunk(() => import('../../charts/analysisCsv'));
// the heat map's drawing (with d3's colour schemes) loads when a heat map is first shown, not with the page
const heatmapChart = () => loadChunk(() => import('../../charts/heatmap'));

const ROW_HEIGHT = 30;

function readoutLabel(readout: string, t: ReturnType<typeof useT>): string {
  const [kind, day] = readout.split('@');
  const name = t(`tool.readout.${kind}` as MessageKey);
  return day === undefined ? name : `${name} (${t('tool.day')} ${day})`;
}

/** The readout's unit, e.g. 'mm³' for a volume. */
function readoutUnit(readout: string, t: ReturnType<typeof useT>): string {
  return t(`tool.unit.${readout.split('@')[0]}` as MessageKey);
}

function withUnit(label: string, unit: string): string {
  return unit ? `${label} (${unit})` : label;
}

function variableLabel(variable: string, t: ReturnType<typeof useT>): string {
  if (variable.startsWith('p.')) return variable.slice(2);
  if (['nrf2', 'neat1', 'il6'].includes(variable)) return t(`control.${variable}` as MessageKey);
  return variable;
}

function sobolRows(outcome: Outcome): SobolRow[] {
  if (outcome.kind !== 'sobol' || !outcome.result.sobol) return [];
  return outcome.result.sobol.indices
    .map((ix, j) => ({ name: outcome.factors[j]?.name ?? String(j), ...ix }))
    .sort((a, b) => b.total - a.total);
}

function tornadoData(outcome: Outcome): TornadoData {
  if (outcome.kind !== 'tornado' || !outcome.result.tornado) return { base: 0, rows: [] };
  const { base, bars } = outcome.result.tornado;
  return {
    base,
    rows: bars.map((b) => ({ name: b.name.replace(/^p\./, ''), outputLow: b.outputLow, outputHigh: b.outputHigh })),
  };
}

function stamp(): string {
  return new Date().toISOString().slice(0, 10);
}

export function ToolkitResult() {
  const outcome = useToolkit((s) => s.outcome);
  // one figure per kind of analysis: a new kind starts from an empty SVG (no layers of the previous chart)
  return outcome ? <ResultFigure key={outcome.kind} outcome={outcome} /> : null;
}

function ResultFigure({ outcome }: { outcome: Outcome }) {
  const t = useT();
  // deferred: a slider move re-renders the figure in the background, not on the input path
  const scenario = useDeferredValue(useExplorer((s) => s.scenario));
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = useWidth(box);
  const [saved, setSaved] = useState('');
  const lang = locale();

  const scan = useMemo<ScanData | null>(
    () =>
      outcome?.kind === 'scan'
        ? {
            x: outcome.x,
            lines: outcome.arms.map((a, k) => ({ name: a.name, slot: a.slot, values: outcome.values[k] })),
          }
        : null,
    [outcome],
  );
  const heatmap = useMemo<HeatmapData | null>(
    () =>
      outcome.kind === 'heatmap'
        ? {
            x: outcome.x,
            y: outcome.y,
            panels: outcome.arms.map((a, k) => ({ name: a.name, values: outcome.values[k] })),
          }
        : null,
    [outcome],
  );
  const heatLabels = useMemo(
    () =>
      outcome.kind === 'heatmap'
        ? {
            x: withUnit(variableLabel(outcome.variables[0], t), outcome.units[0]),
            y: withUnit(variableLabel(outcome.variables[1], t), outcome.units[1]),
            value: withUnit(readoutLabel(outcome.readout, t), readoutUnit(outcome.readout, t)),
          }
        : null,
    [outcome, t],
  );
  const tornado = useMemo(() => tornadoData(outcome), [outcome]);
  const sobol = useMemo(() => sobolRows(outcome), [outcome]);

  useEffect(() => {
    const element = svg.current;
    if (!element) return;
    const w = width || 640;
    if (outcome.kind === 'scan' && scan)
      drawScan(element, scan, {
        width: w,
        height: 300,
        xLabel: variableLabel(outcome.variable, t),
        yLabel: readoutLabel(outcome.readout, t),
        logX: outcome.log,
        locale: lang,
      });
    else if (outcome.kind === 'heatmap' && heatmap && heatLabels) {
      let live = true;
      heatmapChart().then(
        (chart) => {
          if (!live) return;
          chart.drawHeatmap(element, heatmap, {
            width: w,
            xLabel: heatLabels.x,
            yLabel: heatLabels.y,
            valueLabel: heatLabels.value,
            locale: lang,
            diverging: outcome.difference !== null,
          });
          element.setAttribute('data-drawn', 'heatmap');
        },
        () => undefined,
      );
      return () => {
        live = false;
      };
    } else if (outcome.kind === 'tornado' && tornado)
      drawTornado(element, tornado, {
        width: w,
        rowHeight: ROW_HEIGHT,
        xLabel: readoutLabel(outcome.readout, t),
        locale: lang,
      });
    else if (outcome.kind === 'sobol')
      drawSobol(element, sobol, { width: w, rowHeight: ROW_HEIGHT, xLabel: t('tool.sobolAxis'), locale: lang });
  }, [outcome, scan, heatmap, heatLabels, tornado, sobol, width, t, lang]);

  const changed = changedText(outcome.changed, t);
  const readout = readoutLabel(outcome.readout, t);
  const armText =
    outcome.kind === 'scan'
      ? ''
      : outcome.kind === 'heatmap'
        ? outcome.difference
          ? t('tool.minus', { arm: outcome.difference.arm, versus: outcome.difference.versus })
          : ''
        : outcome.versus
          ? t('tool.minus', { arm: outcome.arm, versus: outcome.versus })
          : outcome.arm;
  const title =
    outcome.kind === 'scan'
      ? t('tool.scanTitle', { readout, variable: variableLabel(outcome.variable, t) })
      : outcome.kind === 'heatmap'
        ? t('tool.heatmapTitle', {
            readout,
            x: variableLabel(outcome.variables[0], t),
            y: variableLabel(outcome.variables[1], t),
          })
        : outcome.kind === 'tornado'
          ? t('tool.tornadoTitle', { readout, arm: armText })
          : t('tool.sobolTitle', { readout, arm: armText });
  const height =
    outcome.kind === 'scan'
      ? 300
      : outcome.kind === 'heatmap'
        ? heatmapLayout(
            width || 640,
            outcome.arms.length,
            outcome.arms.map((a) => a.name),
          ).height
        : outcome.kind === 'tornado'
          ? tornadoHeight(tornado?.rows.length ?? 1, ROW_HEIGHT)
          : sobolHeight(sobol.length, ROW_HEIGHT);
  const legend: LegendEntry[] =
    outcome.kind === 'scan'
      ? outcome.arms.map((a) => ({ name: a.name, ...armStyle(a.slot) }))
      : outcome.kind === 'heatmap'
        ? []
        : outcome.kind === 'tornado'
          ? [
              { name: t('tool.legend.low'), colour: TORNADO_COLOURS.low, dash: '' },
              { name: t('tool.legend.high'), colour: TORNADO_COLOURS.high, dash: '' },
            ]
          : [
              { name: t('tool.legend.first'), colour: SOBOL_COLOURS.first, dash: '' },
              { name: t('tool.legend.total'), colour: SOBOL_COLOURS.total, dash: '' },
            ];
  const count = outcome.kind === 'scan' || outcome.kind === 'heatmap' ? 0 : outcome.factors.length;
  const description =
    outcome.kind === 'scan'
      ? t('tool.description.scan', { readout, variable: variableLabel(outcome.variable, t) })
      : outcome.kind === 'heatmap' && heatLabels
        ? t('tool.description.heatmap', { readout: heatLabels.value, x: heatLabels.x, y: heatLabels.y })
        : t(outcome.kind === 'tornado' ? 'tool.description.tornado' : 'tool.description.sobol', { count });
  const constant = outcome.kind === 'sobol' && outcome.result.sobol?.constant === true;
  const note =
    outcome.kind === 'sobol' && outcome.result.sobol
      ? t('tool.sobolNote', {
          samples: outcome.samples,
          runs: outcome.runs,
          mean: formatNumber(outcome.result.sobol.mean, lang),
        })
      : outcome.kind === 'tornado' && tornado
        ? t('tool.tornadoNote', { base: formatNumber(tornado.base, lang) })
        : outcome.kind === 'heatmap' && heatLabels
          ? outcome.difference
            ? t('tool.heatmapDiffNote', {
                readout: heatLabels.value,
                arm: outcome.difference.arm,
                versus: outcome.difference.versus,
              })
            : t('tool.heatmapNote', { readout: heatLabels.value })
          : '';
  const notes = [armText, note, changed].filter((s) => s !== '');

  const save = async (file: string, blob: Blob) => {
    (await exporter()).download(file, blob);
    setSaved(t('tool.saved', { file }));
  };
  const svgText = async (): Promise<string | null> => {
    if (!svg.current) return null;
    return (await exporter()).chartToSvg(svg.current, title, legend, notes);
  };
  const exportSvg = async () => {
    const text = await svgText();
    if (text) await save(`timescape-${outcome.kind}-${stamp()}.svg`, new Blob([text], { type: 'image/svg+xml' }));
  };
  const exportPng = async () => {
    const text = await svgText();
    if (text) await save(`timescape-${outcome.kind}-${stamp()}.png`, await (await exporter()).svgToPng(text, 2));
  };
  const exportCsv = async () => {
    const csv = await csvExporter();
    const plain = outcome.changed.map((c) => `${c.id}=${c.value}`).join(';');
    const text =
      outcome.kind === 'scan' && scan
        ? csv.scanCsv(scan, outcome.variable, outcome.readout, plain)
        : outcome.kind === 'heatmap' && heatmap
          ? csv.heatmapCsv(heatmap, outcome.variables, outcome.readout, plain)
          : outcome.kind === 'tornado' && tornado
            ? csv.tornadoCsv(
                tornado,
                (outcome.result.tornado?.bars ?? []).map((b) => ({ low: b.low, high: b.high })),
                outcome.readout,
                plain,
              )
            : csv.sobolCsv(sobol, outcome.readout, outcome.kind === 'sobol' ? outcome.samples : 0, plain);
    await save(`timescape-${outcome.kind}-${stamp()}.csv`, new Blob([text], { type: 'text/csv' }));
  };

  return (
    <ChartFrame
      testId="tool-result"
      title={title}
      heading="h3"
      className="chart wide toolkit-chart"
      data={{ 'data-kind': outcome.kind }}
      controls={
        <>
          <button type="button" data-testid="tool-export-svg" onClick={exportSvg}>
            {t('tool.exportSvg')}
          </button>
          <button type="button" data-testid="tool-export-png" onClick={exportPng}>
            {t('tool.exportPng')}
          </button>
          <button type="button" data-testid="tool-export-csv" onClick={exportCsv}>
            {t('tool.exportCsv')}
          </button>
        </>
      }
      legend={
        <ul className="toolkit-legend" aria-hidden="true">
          {legend.map((l) => (
            <li key={l.name}>
              <svg width="28" height="10" aria-hidden="true">
                <line
                  x1="0"
                  x2="28"
                  y1="5"
                  y2="5"
                  stroke={l.colour}
                  strokeWidth="4"
                  strokeDasharray={l.dash || undefined}
                />
              </svg>
              {l.name}
            </li>
          ))}
        </ul>
      }
      boxRef={box}
      boxStyle={{ height }}
      message={constant ? t('tool.constant') : null}
      footer={
        <div className="toolkit-footer">
          {changed ? (
            <p className="chart-note changed-parameters" data-testid="tool-changed">
              {changed}
            </p>
          ) : null}
          {note ? <p className="chart-note">{note}</p> : null}
          {outcome.scenario !== scenario ? (
            <p className="chart-note stale" data-testid="tool-stale">
              {t('tool.stale')}
            </p>
          ) : null}
          <p className="export-status" aria-live="polite" data-testid="tool-export-status">
            {saved}
          </p>
          <details className="toolkit-table" data-testid="tool-table">
            <summary>{t('tool.table')}</summary>
            {outcome.kind === 'heatmap' && heatmap && heatLabels ? (
              <HeatmapTables data={heatmap} xLabel={heatLabels.x} yLabel={heatLabels.y} />
            ) : (
              <DataTable outcome={outcome} scan={scan} tornado={tornado} sobol={sobol} />
            )}
          </details>
        </div>
      }
    >
      <div role="img" aria-label={`${title}. ${description}`}>
        <svg ref={svg} data-testid="svg-tool" aria-hidden="true" />
      </div>
    </ChartFrame>
  );
}

function DataTable({
  outcome,
  scan,
  tornado,
  sobol,
}: {
  outcome: Outcome;
  scan: ScanData | null;
  tornado: TornadoData | null;
  sobol: SobolRow[];
}) {
  const t = useT();
  const lang = locale();
  const f = (v: number) => formatNumber(v, lang);
  if (outcome.kind === 'scan' && scan)
    return (
      <table>
        <thead>
          <tr>
            <th scope="col">{variableLabel(outcome.variable, t)}</th>
            {scan.lines.map((l) => (
              <th key={l.name} scope="col">
                {l.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {scan.x.map((x, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are the scan's points, in order
            <tr key={i}>
              <th scope="row">{f(x)}</th>
              {scan.lines.map((l) => (
                <td key={l.name}>{f(l.values[i])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  if (outcome.kind === 'tornado' && tornado) {
    const bars = outcome.result.tornado?.bars ?? [];
    return (
      <table>
        <thead>
          <tr>
            <th scope="col">{t('tool.col.factor')}</th>
            <th scope="col">{t('tool.col.low')}</th>
            <th scope="col">{t('tool.col.high')}</th>
            <th scope="col">{t('tool.col.outputLow')}</th>
            <th scope="col">{t('tool.col.outputHigh')}</th>
          </tr>
        </thead>
        <tbody>
          {tornado.rows.map((r, i) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>{f(bars[i]?.low ?? Number.NaN)}</td>
              <td>{f(bars[i]?.high ?? Number.NaN)}</td>
              <td>{f(r.outputLow)}</td>
              <td>{f(r.outputHigh)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('tool.col.factor')}</th>
          <th scope="col">{t('tool.col.first')}</th>
          <th scope="col">{t('tool.col.total')}</th>
        </tr>
      </thead>
      <tbody>
        {sobol.map((r) => (
          <tr key={r.name}>
            <th scope="row">{r.name}</th>
            <td>{`${f(r.first)} [${f(r.firstLower)}, ${f(r.firstUpper)}]`}</td>
            <td>{`${f(r.total)} [${f(r.totalLower)}, ${f(r.totalUpper)}]`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The heat map's numbers: one table per arm, rows the second variable (top: its largest value, as drawn), columns the first. */
function HeatmapTables({ data, xLabel, yLabel }: { data: HeatmapData; xLabel: string; yLabel: string }) {
  const t = useT();
  const lang = locale();
  const f = (v: number) => formatNumber(v, lang);
  const ny = data.y.length;
  const rows = data.y.map((_, i1) => i1).reverse();
  return (
    <>
      {data.panels.map((panel) => (
        <table key={panel.name} data-testid="tool-heatmap-table">
          <caption>{panel.name}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tool.col.row', { x: xLabel, y: yLabel })}</th>
              {data.x.map((x, i0) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are the grid's values, in order
                <th key={i0} scope="col">
                  {f(x)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((i1) => (
              <tr key={i1}>
                <th scope="row">{f(data.y[i1])}</th>
                {data.x.map((_, i0) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are the grid's points, in order
                  <td key={i0}>{f(panel.values[i0 * ny + i1])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
