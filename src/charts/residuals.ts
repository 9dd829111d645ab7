/**
 * Residual plot of a fit: each measurement's weighted residual (model − measured, on the fit's scale, divided by its
 * standard error when the file gives SDs) against its day, a dot in its arm's palette colour, with a zero line and
 * dashed lines at ±2 (where a residual of a good weighted fit rarely goes). Pure function of (svg, data, options); the
 * residuals arrive computed (the fit ran in a worker).
 */
import { scaleLinear, select } from 'd3';
import { drawAxisTitles, drawNumberAxes, drawReferenceLines, layerOf } from './frame';
import { armStyle } from './palette';

export interface ResidualPoint {
  arm: string;
  slot: number;
  day: number;
  residual: number;
}

export interface ResidualOptions {
  width: number;
  height: number;
  xLabel: string;
  yLabel: string;
  /** draw the ±2 lines (weighted residuals: z-scores) */
  bands: boolean;
  locale: string;
}

export const RESIDUAL_MARGIN = { top: 12, right: 28, bottom: 46, left: 64 };

/** The y domain: symmetric about 0, wide enough for every residual (and ±2.5 for weighted residuals). */
export function residualDomain(points: readonly ResidualPoint[], bands: boolean): [number, number] {
  let m = bands ? 2.5 : 0;
  for (const p of points) if (Number.isFinite(p.residual)) m = Math.max(m, Math.abs(p.residual));
  if (m === 0) m = 1;
  return [-m * 1.05, m * 1.05];
}

export function drawResiduals(svgElement: SVGSVGElement, points: readonly ResidualPoint[], o: ResidualOptions): void {
  const width = Math.max(240, o.width);
  const height = Math.max(140, o.height);
  const svg = select(svgElement).attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  const box = {
    left: RESIDUAL_MARGIN.left,
    right: width - RESIDUAL_MARGIN.right,
    top: RESIDUAL_MARGIN.top,
    bottom: height - RESIDUAL_MARGIN.bottom,
  };
  const days = points.map((p) => p.day);
  const dMax = days.length > 0 ? Math.max(...days) : 1;
  const x = scaleLinear()
    .domain([0, dMax > 0 ? dMax : 1])
    .range([box.left, box.right])
    .nice();
  const y = scaleLinear().domain(residualDomain(points, o.bands)).range([box.bottom, box.top]);
  const format = (v: number | { valueOf(): number }) =>
    Number(v).toLocaleString(o.locale, { maximumSignificantDigits: 3 });
  drawNumberAxes(svg, box, x, y, format);
  drawAxisTitles(layerOf(svg, 'labels'), box, o.xLabel, o.yLabel, 16, layerOf(svg, 'axis y-axis').node());
  drawReferenceLines(
    layerOf(svg, 'references'),
    [{ value: 0, label: '' }, ...(o.bands ? [2, -2].map((v) => ({ value: v, label: v > 0 ? '+2' : '−2' })) : [])],
    y,
    box,
  );
  layerOf(svg, 'residual-points')
    .selectAll<SVGCircleElement, ResidualPoint>('circle')
    .data(points.filter((p) => Number.isFinite(p.residual) && Number.isFinite(p.day)))
    .join('circle')
    .attr('class', 'residual')
    .attr('data-arm', (p) => p.arm)
    .attr('r', 3.5)
    .attr('cx', (p) => x(p.day))
    .attr('cy', (p) => y(p.residual))
    .attr('fill', (p) => armStyle(p.slot).colour)
    .attr('stroke', '#ffffff')
    .attr('stroke-width', 0.8);
}
