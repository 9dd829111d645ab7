/**
 * Waterfall plot: one bar per patient, the best change of the tumour from baseline (%), sorted from the largest
 * growth on the left to the deepest shrinkage on the right, coloured by category (best overall response), with
 * dashed reference lines (RECIST: −30 % partial response, +20 % progression). Pure function of (svg, data, options).
 * Bars of one category are drawn as one path, so 10,000 patients cost a few paths, not 10,000 elements, and bars
 * narrower than a pixel are merged per pixel column (barPaths).
 */

import { axisLeft, scaleLinear, select } from 'd3';
import { drawAxisTitles, drawReferenceLines, layerOf } from './frame';

export interface WaterfallBar {
  /** change from baseline, % */
  change: number;
  /** index into the categories */
  category: number;
}

export interface WaterfallData {
  /** in drawing order (see waterfallOrder) */
  bars: WaterfallBar[];
  categories: { key: string; colour: string }[];
}

export interface WaterfallOptions {
  width: number;
  height: number;
  yLabel: string;
  /** horizontal reference lines, % */
  references: { value: number; label: string }[];
  locale: string;
}

export const WATERFALL_MARGIN = { top: 12, right: 44, bottom: 18, left: 54 };

/**
 * Bars in the usual waterfall order: largest change first, deepest shrinkage last; equal changes grouped by category,
 * the higher category index (worse response) first.
 */
export function waterfallOrder(change: ArrayLike<number>, category: ArrayLike<number>): WaterfallBar[] {
  const bars: WaterfallBar[] = [];
  for (let i = 0; i < change.length; i++) {
    if (Number.isFinite(change[i])) bars.push({ change: change[i], category: category[i] });
  }
  bars.sort((a, b) => b.change - a.change || b.category - a.category);
  return bars;
}

/** The y domain, %: at least −100 … +30 so that both reference lines show, wider when a bar reaches further. */
export function waterfallDomain(bars: readonly WaterfallBar[]): [number, number] {
  let lo = -100;
  let hi = 30;
  for (const b of bars) {
    if (b.change < lo) lo = b.change;
    if (b.change > hi) hi = b.change;
  }
  return [lo, hi > 30 ? Math.ceil((hi * 1.05) / 10) * 10 : hi];
}

/**
 * Path data of the bars of one category. Bars get a gap when they are wide enough; a bar of zero change is drawn as
 * a thin stub across the zero line so that it still shows its colour.
 *
 * Bars narrower than a pixel (more patients than the plot is wide: 10,000 bars on ~500 px) are drawn per pixel
 * column: the bars of one category in a column are one rectangle, as wide as they are together, as high as the
 * highest of them and as deep as the deepest (every bar touches the zero line, so that is their union); a column's
 * rectangles stand side by side in the order their categories first appear in it. The picture is the same at the
 * screen's resolution, and a figure costs at most a few rectangles per pixel column to draw, lay out and paint
 * instead of one per patient.
 */
export function barPaths(
  bars: readonly WaterfallBar[],
  categories: number,
  x0: number,
  x1: number,
  y: (v: number) => number,
): string[] {
  const paths = Array.from({ length: categories }, () => [] as string[]);
  const n = bars.length;
  if (n === 0) return paths.map(() => '');
  const w = (x1 - x0) / n;
  const gap = w > 3 ? Math.min(2, w * 0.2) : 0;
  const zero = y(0);
  const rect = (category: number, left: number, width: number, top: number, bottom: number) =>
    paths[category]?.push(
      `M${left.toFixed(2)},${top.toFixed(1)}h${width.toFixed(2)}V${bottom.toFixed(1)}h${(-width).toFixed(2)}Z`,
    );
  const extent = (bar: WaterfallBar): [number, number] => {
    const top = y(Math.max(0, bar.change));
    const bottom = y(Math.min(0, bar.change));
    return bottom - top < 1.5 ? [zero - 1, zero + 1] : [top, bottom];
  };
  if (w >= 1) {
    bars.forEach((bar, i) => {
      const [top, bottom] = extent(bar);
      rect(bar.category, x0 + i * w, w - gap, top, bottom);
    });
    return paths.map((p) => p.join(''));
  }
  // per pixel column: count, top and bottom of each category, in the order the categories appear
  const count = new Array<number>(categories).fill(0);
  const tops = new Array<number>(categories).fill(0);
  const bottoms = new Array<number>(categories).fill(0);
  const order: number[] = [];
  let start = 0;
  const flush = (end: number) => {
    let left = x0 + start * w;
    for (const c of order) {
      rect(c, left, count[c] * w, tops[c], bottoms[c]);
      left += count[c] * w;
      count[c] = 0;
    }
    order.length = 0;
    start = end;
  };
  let column = 0;
  for (let i = 0; i < n; i++) {
    const bar = bars[i];
    const col = Math.floor(i * w);
    if (col !== column) {
      flush(i);
      column = col;
    }
    const c = bar.category;
    if (!(c >= 0 && c < categories)) continue;
    const [top, bottom] = extent(bar);
    if (count[c] === 0) {
      order.push(c);
      tops[c] = top;
      bottoms[c] = bottom;
    } else {
      if (top < tops[c]) tops[c] = top;
      if (bottom > bottoms[c]) bottoms[c] = bottom;
    }
    count[c]++;
  }
  flush(n);
  return paths.map((p) => p.join(''));
}

export function drawWaterfall(svgElement: SVGSVGElement, data: WaterfallData, o: WaterfallOptions): void {
  const width = Math.max(220, o.width);
  const height = Math.max(140, o.height);
  const svg = select(svgElement).attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  const left = WATERFALL_MARGIN.left;
  const right = width - WATERFALL_MARGIN.right;
  const top = WATERFALL_MARGIN.top;
  const bottom = height - WATERFALL_MARGIN.bottom;
  const y = scaleLinear().domain(waterfallDomain(data.bars)).range([bottom, top]);

  const layer = (name: string) => layerOf(svg, name);
  const barLayer = layer('bars');
  const zeroLayer = layer('zero');
  const refLayer = layer('references');
  const axisLayer = layer('axis y-axis');
  const labelLayer = layer('labels');

  const paths = barPaths(data.bars, data.categories.length, left, right, (v) => y(v));
  barLayer
    .selectAll('path')
    .data(data.categories.map((c, i) => ({ ...c, d: paths[i] })))
    .join('path')
    .attr('class', 'bar')
    .attr('data-category', (c) => c.key)
    .attr('fill', (c) => c.colour)
    .attr('d', (c) => c.d || null);

  zeroLayer
    .selectAll('line')
    .data([0])
    .join('line')
    .attr('x1', left)
    .attr('x2', right)
    .attr('y1', y(0))
    .attr('y2', y(0))
    .attr('stroke', '#4f5b69');

  drawReferenceLines(refLayer, o.references, y, { left, right, top, bottom });

  axisLayer.attr('transform', `translate(${left},0)`).call(
    axisLeft(y)
      .ticks(6)
      .tickFormat((v) => Number(v).toLocaleString(o.locale)),
  );
  drawAxisTitles(labelLayer, { left, right, top, bottom }, null, o.yLabel, 14, axisLayer.node());
}
