/**
 * Tornado chart (one-at-a-time sensitivity): one row per factor, sorted by swing (largest first, as the analysis
 * returns them), two bars from the base readout: the readout with the factor at the low end of its range, and at the
 * high end. A dashed vertical line marks the base value. Bars are drawn as two paths (low, high), not one element each.
 */
import { axisBottom, scaleLinear } from 'd3';
import { layerOf } from './frame';
import { TORNADO_PALETTE } from './palette';
import { drawRowFrame, type RowChartOptions, rowChartFrame, rowChartHeight } from './rows';

export interface TornadoRow {
  name: string;
  /** the readout with the factor at its low / high end */
  outputLow: number;
  outputHigh: number;
}

export interface TornadoData {
  base: number;
  rows: readonly TornadoRow[];
}

export type TornadoOptions = RowChartOptions;

/** Colours of the low-end and high-end bars (Okabe–Ito blue and vermillion, both >= 3:1 on white). */
export const TORNADO_COLOURS = TORNADO_PALETTE;

export function tornadoDomain(data: TornadoData): [number, number] {
  let lo = data.base;
  let hi = data.base;
  for (const r of data.rows)
    for (const v of [r.outputLow, r.outputHigh])
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

/** The tornado's height for a number of rows. */
export function tornadoHeight(rows: number, rowHeight: number): number {
  return rowChartHeight(rows, rowHeight);
}

export function drawTornado(svgElement: SVGSVGElement, data: TornadoData, o: TornadoOptions): void {
  const { svg, box, band } = rowChartFrame(svgElement, data.rows.length, o, 0.25);
  const x = scaleLinear().domain(tornadoDomain(data)).range([box.left, box.right]).nice();
  const bar = (v: number, i: number): string => {
    if (!Number.isFinite(v)) return '';
    const a = x(Math.min(v, data.base));
    const b = x(Math.max(v, data.base));
    const top = band(i) ?? 0;
    const h = band.bandwidth() / 2;
    return `M${a.toFixed(2)},${top.toFixed(2)}H${Math.max(b, a + 1).toFixed(2)}v${h.toFixed(2)}H${a.toFixed(2)}Z`;
  };
  const barBelow = (v: number, i: number): string => {
    if (!Number.isFinite(v)) return '';
    const a = x(Math.min(v, data.base));
    const b = x(Math.max(v, data.base));
    const top = (band(i) ?? 0) + band.bandwidth() / 2;
    const h = band.bandwidth() / 2;
    return `M${a.toFixed(2)},${top.toFixed(2)}H${Math.max(b, a + 1).toFixed(2)}v${h.toFixed(2)}H${a.toFixed(2)}Z`;
  };
  layerOf(svg, 'bars')
    .selectAll('path')
    .data([
      { key: 'low', fill: TORNADO_COLOURS.low, d: data.rows.map((r, i) => bar(r.outputLow, i)).join('') },
      { key: 'high', fill: TORNADO_COLOURS.high, d: data.rows.map((r, i) => barBelow(r.outputHigh, i)).join('') },
    ])
    .join('path')
    .attr('class', (d) => `bar bar-${d.key}`)
    .attr('fill', (d) => d.fill)
    .attr('d', (d) => d.d || null);
  layerOf(svg, 'base')
    .selectAll('line')
    .data([data.base])
    .join('line')
    .attr('x1', (v) => x(v))
    .attr('x2', (v) => x(v))
    .attr('y1', box.top)
    .attr('y2', box.bottom)
    .attr('stroke', '#14202e')
    .attr('stroke-dasharray', '5 4');
  drawRowFrame(
    svg,
    data.rows.map((r) => r.name),
    band,
    box,
    axisBottom(x)
      .ticks(6)
      .tickFormat((v) => Number(v).toLocaleString(o.locale, { maximumSignificantDigits: 4 })),
    o.xLabel,
  );
}
