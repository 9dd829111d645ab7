/**
 * Sobol' index chart: one row per factor, a bar for the first-order index S1 and one for the total index ST, each
 * with a whisker over its bootstrap interval, on a common 0–1 axis (estimates may fall slightly below 0 or above 1
 * by sampling error; the axis widens to show them). Rows in the order given (the view sorts them by ST).
 */
import { axisBottom, scaleLinear } from 'd3';
import { layerOf } from './frame';
import { SOBOL_PALETTE } from './palette';
import { drawRowFrame, type RowChartOptions, rowChartFrame, rowChartHeight } from './rows';

export interface SobolRow {
  name: string;
  first: number;
  firstLower: number;
  firstUpper: number;
  total: number;
  totalLower: number;
  totalUpper: number;
}

export type SobolOptions = RowChartOptions;

/** S1 and ST bar colours (Okabe–Ito blue and a darkened orange, both >= 3:1 on white). */
export const SOBOL_COLOURS = SOBOL_PALETTE;

export function sobolHeight(rows: number, rowHeight: number): number {
  return rowChartHeight(rows, rowHeight);
}

export function sobolDomain(rows: readonly SobolRow[]): [number, number] {
  let lo = 0;
  let hi = 1;
  for (const r of rows)
    for (const v of [r.first, r.firstLower, r.total, r.totalLower, r.firstUpper, r.totalUpper])
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  return [lo, hi];
}

export function drawSobol(svgElement: SVGSVGElement, rows: readonly SobolRow[], o: SobolOptions): void {
  const { svg, box, band } = rowChartFrame(svgElement, rows.length, o, 0.2);
  const x = scaleLinear().domain(sobolDomain(rows)).range([box.left, box.right]);
  const half = band.bandwidth() / 2;
  const zero = x(0);
  const barPath = (v: number, top: number): string => {
    if (!Number.isFinite(v)) return '';
    const a = Math.min(zero, x(v));
    const b = Math.max(zero, x(v));
    return `M${a.toFixed(2)},${top.toFixed(2)}H${Math.max(b, a + 1).toFixed(2)}v${(half - 1).toFixed(2)}H${a.toFixed(2)}Z`;
  };
  const whisker = (lo: number, hi: number, top: number): string => {
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) return '';
    const mid = top + (half - 1) / 2;
    const a = x(lo).toFixed(2);
    const b = x(hi).toFixed(2);
    return `M${a},${mid.toFixed(2)}H${b}M${a},${(mid - 3).toFixed(2)}v6M${b},${(mid - 3).toFixed(2)}v6`;
  };
  const top = (i: number, k: 0 | 1) => (band(i) ?? 0) + k * half;
  layerOf(svg, 'bars')
    .selectAll('path')
    .data([
      { key: 'first', fill: SOBOL_COLOURS.first, d: rows.map((r, i) => barPath(r.first, top(i, 0))).join('') },
      { key: 'total', fill: SOBOL_COLOURS.total, d: rows.map((r, i) => barPath(r.total, top(i, 1))).join('') },
    ])
    .join('path')
    .attr('class', (d) => `bar bar-${d.key}`)
    .attr('fill', (d) => d.fill)
    .attr('d', (d) => d.d || null);
  layerOf(svg, 'intervals')
    .selectAll('path')
    .data([
      rows.map((r, i) => whisker(r.firstLower, r.firstUpper, top(i, 0))).join(''),
      rows.map((r, i) => whisker(r.totalLower, r.totalUpper, top(i, 1))).join(''),
    ])
    .join('path')
    .attr('class', 'interval')
    .attr('fill', 'none')
    .attr('stroke', '#14202e')
    .attr('stroke-width', 1.2)
    .attr('d', (d) => d || null);
  layerOf(svg, 'zero')
    .selectAll('line')
    .data([0])
    .join('line')
    .attr('x1', zero)
    .attr('x2', zero)
    .attr('y1', box.top)
    .attr('y2', box.bottom)
    .attr('stroke', '#4f5b69');
  drawRowFrame(
    svg,
    rows.map((r) => r.name),
    band,
    box,
    axisBottom(x)
      .ticks(5)
      .tickFormat((v) => Number(v).toLocaleString(o.locale, { maximumFractionDigits: 2 })),
    o.xLabel,
  );
}
