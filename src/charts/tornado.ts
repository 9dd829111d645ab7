/**
 * Tornado chart (one-at-a-time sensitivity): one row per factor, sorted by swing (largest first, as the analysis
 * returns them), two bars from the base readout: the readout with the factor at the low end of its range, and at the
 * high end. A dashed vertical line marks the base value. Bars are drawn as two paths (low, high), not one element each.
 */
import { axisBottom, scaleBand, scaleLinear, select } from 'd3';
import { drawAxisTitles, layerOf } from './frame';

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

export interface TornadoOptions {
  width: number;
  /** height per row, px */
  rowHeight: number;
  xLabel: string;
  locale: string;
}

/** Colours of the low-end and high-end bars (Okabe–Ito sky blue and vermillion). */
export const TORNADO_COLOURS = { low: '#56B4E9', high: '#D55E00' } as const;

export const TORNADO_MARGIN = { top: 8, right: 20, bottom: 46, left: 176 };

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
  return TORNADO_MARGIN.top + TORNADO_MARGIN.bottom + Math.max(1, rows) * rowHeight;
}

export function drawTornado(svgElement: SVGSVGElement, data: TornadoData, o: TornadoOptions): void {
  const width = Math.max(320, o.width);
  const height = tornadoHeight(data.rows.length, o.rowHeight);
  const svg = select(svgElement).attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  const box = {
    left: TORNADO_MARGIN.left,
    right: width - TORNADO_MARGIN.right,
    top: TORNADO_MARGIN.top,
    bottom: height - TORNADO_MARGIN.bottom,
  };
  const x = scaleLinear().domain(tornadoDomain(data)).range([box.left, box.right]).nice();
  const band = scaleBand<number>()
    .domain(data.rows.map((_, i) => i))
    .range([box.top, box.bottom])
    .padding(0.25);
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
  layerOf(svg, 'names')
    .selectAll('text')
    .data(data.rows)
    .join('text')
    .attr('class', 'row-label')
    .attr('font-size', 12)
    .attr('text-anchor', 'end')
    .attr('x', box.left - 6)
    .attr('y', (_, i) => (band(i) ?? 0) + band.bandwidth() / 2 + 4)
    .text((r) => r.name);
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
  layerOf(svg, 'axis x-axis')
    .attr('transform', `translate(0,${box.bottom})`)
    .call(
      axisBottom(x)
        .ticks(6)
        .tickFormat((v) => Number(v).toLocaleString(o.locale, { maximumSignificantDigits: 4 })),
    );
  drawAxisTitles(layerOf(svg, 'labels'), box, o.xLabel, '', 12);
}
