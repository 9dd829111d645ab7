/**
 * Scan chart: a readout against the value of one variable, one line (with a dot per point) per arm, in the arms'
 * palette colours and dash patterns. The x axis is logarithmic when the scan's points were spaced on a log scale.
 * Pure function of (svg, data, options); the readout values arrive computed (the worker pool ran the scan).
 */
import { line, scaleLinear, scaleLog, select } from 'd3';
import { drawAxisTitles, drawNumberAxes, layerOf } from './frame';
import { armStyle } from './palette';

export interface ScanLine {
  name: string;
  /** the arm's palette slot */
  slot: number;
  /** one value per x (non-finite values leave a gap) */
  values: readonly number[];
}

export interface ScanData {
  x: readonly number[];
  lines: readonly ScanLine[];
}

export interface ScanOptions {
  width: number;
  height: number;
  xLabel: string;
  yLabel: string;
  logX: boolean;
  locale: string;
}

export const SCAN_MARGIN = { top: 12, right: 16, bottom: 46, left: 64 };

/** The y domain: the values' range, padded by 5 % (a flat line gets ±1 around its value). */
export function scanDomain(lines: readonly ScanLine[]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const l of lines)
    for (const v of l.values) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  if (!Number.isFinite(lo)) return [0, 1];
  if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) return [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.05;
  // a readout that cannot be negative (a volume, a probability) keeps its axis at 0 or above
  return [lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad];
}

export function drawScan(svgElement: SVGSVGElement, data: ScanData, o: ScanOptions): void {
  const width = Math.max(240, o.width);
  const height = Math.max(160, o.height);
  const svg = select(svgElement).attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  const box = {
    left: SCAN_MARGIN.left,
    right: width - SCAN_MARGIN.right,
    top: SCAN_MARGIN.top,
    bottom: height - SCAN_MARGIN.bottom,
  };
  const xs = data.x;
  const xMin = xs.length > 0 ? Math.min(...xs) : 0;
  const xMax = xs.length > 0 ? Math.max(...xs) : 1;
  const logX = o.logX && xMin > 0;
  const xDomain: [number, number] = xMax > xMin ? [xMin, xMax] : [xMin - 1, xMax + 1];
  const x = logX
    ? scaleLog().domain(xDomain).range([box.left, box.right])
    : scaleLinear().domain(xDomain).range([box.left, box.right]);
  const y = scaleLinear().domain(scanDomain(data.lines)).range([box.bottom, box.top]).nice();
  const format = (v: d3NumberLike) => Number(v).toLocaleString(o.locale, { maximumSignificantDigits: 4 });

  drawNumberAxes(svg, box, x, y, format, logX);
  drawAxisTitles(layerOf(svg, 'labels'), box, o.xLabel, o.yLabel, 16, layerOf(svg, 'axis y-axis').node());

  const path = line<number>()
    .defined((v, i) => Number.isFinite(v) && Number.isFinite(xs[i]))
    .x((_, i) => x(xs[i]))
    .y((v) => y(v));
  const lines = layerOf(svg, 'lines')
    .selectAll<SVGGElement, ScanLine>('g.scan-line')
    .data(data.lines)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'scan-line');
      g.append('path');
      return g;
    });
  lines
    .attr('data-arm', (d) => d.name)
    .select('path')
    .attr('fill', 'none')
    .attr('stroke', (d) => armStyle(d.slot).colour)
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', (d) => armStyle(d.slot).dash || null)
    .attr('d', (d) => path([...d.values]) ?? '');
  lines
    .selectAll<SVGCircleElement, { v: number; i: number; slot: number }>('circle')
    .data((d) =>
      d.values.flatMap((v, i) => (Number.isFinite(v) && Number.isFinite(xs[i]) ? [{ v, i, slot: d.slot }] : [])),
    )
    .join('circle')
    .attr('r', 2.5)
    .attr('cx', (p) => x(xs[p.i]))
    .attr('cy', (p) => y(p.v))
    .attr('fill', (p) => armStyle(p.slot).colour);
}

type d3NumberLike = number | { valueOf(): number };
