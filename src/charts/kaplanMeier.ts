/**
 * Kaplan–Meier chart: right-continuous step curves, censoring ticks, optional pointwise confidence bands, and a
 * numbers-at-risk table under the time axis (one row per curve, as in trial publications). A pure function of
 * (svg, data, options): it knows nothing about where the curves came from and redraws in place.
 */

import { area, axisBottom, axisLeft, curveStepAfter, line, scaleLinear, select } from 'd3';
import { drawAxisTitles, layerOf } from './frame';

export interface KmCurveData {
  /** stable identity, written to data-curve */
  key: string;
  label: string;
  colour: string;
  /** SVG stroke-dasharray ('' = solid) */
  dash: string;
  /** distinct observed times, days, increasing; survival[j] holds on [time[j], time[j + 1]) */
  time: ArrayLike<number>;
  survival: ArrayLike<number>;
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
  /** number at risk just before time[j] */
  atRisk: ArrayLike<number>;
  /** subjects in the curve (at risk at time 0) */
  patients: number;
  /** censoring marks: times (days) and the survival at which to draw them */
  censor: { time: ArrayLike<number>; survival: ArrayLike<number> };
}

export interface KaplanMeierChartOptions {
  width: number;
  /** height of the plot area with its axis; the at-risk table adds to it */
  plotHeight: number;
  /** displayed time = days * timeFactor (e.g. 1 / 30.44 for months) */
  timeFactor: number;
  /** right end of the time axis, days; default: the last observed time of any curve */
  maxTime?: number;
  xLabel: string;
  yLabel: string;
  showCi: boolean;
  /** title of the numbers-at-risk table; no table when absent */
  atRiskTitle?: string;
  locale: string;
}

export const KM_MARGIN = { top: 10, right: 18, bottom: 46, left: 58 };
/** Height of one row of the numbers-at-risk table (curve label above its numbers). */
export const AT_RISK_ROW = 34;
const AT_RISK_TITLE = 22;

/** Vertices of the step curve, starting at (0, 1); draw with curveStepAfter. */
export function stepPoints(time: ArrayLike<number>, survival: ArrayLike<number>): [number, number][] {
  const points: [number, number][] = [[0, 1]];
  for (let j = 0; j < time.length; j++) points.push([time[j], survival[j]]);
  return points;
}

/**
 * The vertices of a step curve that show at the screen's resolution: of the steps whose times fall in one pixel column
 * (`x` maps a time to pixels), the first and the last. The curve drawn between them is the same staircase squeezed
 * into that column, so the picture is the same to within a pixel, and a curve of 10,000 patients costs at most two
 * vertices per pixel column to draw, lay out and paint.
 */
export function thinSteps<T extends readonly number[]>(points: readonly T[], x: (t: number) => number): T[] {
  if (points.length <= 2) return [...points];
  const out: T[] = [points[0]];
  let column = Math.floor(x(points[0][0]));
  let last: T | null = null;
  for (let j = 1; j < points.length; j++) {
    const p = points[j];
    const c = Math.floor(x(p[0]));
    if (c === column && j > 1) {
      last = p;
      continue;
    }
    if (last) out.push(last);
    last = null;
    out.push(p);
    column = c;
  }
  if (last) out.push(last);
  return out;
}

/** Vertices of the confidence band: [t, lower, upper], starting at (0, 1, 1). */
export function bandPoints(
  time: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): [number, number, number][] {
  const points: [number, number, number][] = [[0, 1, 1]];
  for (let j = 0; j < time.length; j++) points.push([time[j], lower[j], upper[j]]);
  return points;
}

/**
 * Subjects still at risk at time t: those whose observed time is ≥ t, i.e. the at-risk count of the first row at or
 * after t (0 past the last row). At t ≤ 0 every subject.
 */
export function numberAtRisk(curve: Pick<KmCurveData, 'time' | 'atRisk' | 'patients'>, t: number): number {
  if (t <= 0) return curve.patients;
  let lo = 0;
  let hi = curve.time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (curve.time[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo < curve.time.length ? curve.atRisk[lo] : 0;
}

/** Tick values on a months axis from 0 to maxMonths: a step of 1, 2, 3, 6, 12 … months, at most about 8 ticks. */
export function monthTicks(maxMonths: number): number[] {
  if (!(maxMonths > 0)) return [0];
  const steps = [1, 2, 3, 6, 12, 24, 60];
  const step = steps.find((s) => maxMonths / s <= 8) ?? Math.ceil(maxMonths / 8);
  const ticks: number[] = [];
  for (let v = 0; v <= maxMonths + 1e-9; v += step) ticks.push(v);
  return ticks;
}

/** The last observed time over all curves, days. */
export function lastTime(curves: readonly Pick<KmCurveData, 'time'>[]): number {
  let max = 0;
  for (const c of curves) if (c.time.length > 0) max = Math.max(max, c.time[c.time.length - 1]);
  return max;
}

/** Total SVG height for a plot height and a number of curves in the at-risk table. */
export function kaplanMeierHeight(plotHeight: number, curves: number, withTable: boolean): number {
  return plotHeight + (withTable && curves > 0 ? AT_RISK_TITLE + curves * AT_RISK_ROW + 6 : 0);
}

export function drawKaplanMeier(svgElement: SVGSVGElement, curves: KmCurveData[], o: KaplanMeierChartOptions): void {
  const width = Math.max(240, o.width);
  const withTable = o.atRiskTitle !== undefined;
  const height = kaplanMeierHeight(o.plotHeight, curves.length, withTable);
  const svg = select(svgElement).attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  const left = KM_MARGIN.left;
  const right = width - KM_MARGIN.right;
  const top = KM_MARGIN.top;
  const bottom = o.plotHeight - KM_MARGIN.bottom;

  const maxDays = o.maxTime ?? (lastTime(curves) || 1);
  const maxDisplay = maxDays * o.timeFactor;
  const ticks = monthTicks(maxDisplay);
  const x = scaleLinear()
    .domain([0, Math.max(maxDisplay, ticks[ticks.length - 1])])
    .range([left, right]);
  const y = scaleLinear().domain([0, 1]).range([bottom, top]);
  const px = (days: number) => x(days * o.timeFactor);

  const layer = (name: string) => layerOf(svg, name);
  const gridLayer = layer('grid');
  const bandLayer = layer('bands');
  const curveLayer = layer('curves');
  const markLayer = layer('censor-marks');
  const xAxisLayer = layer('axis x-axis');
  const yAxisLayer = layer('axis y-axis');
  const labelLayer = layer('labels');
  const riskLayer = layer('at-risk');

  gridLayer
    .selectAll('line')
    .data([0.25, 0.5, 0.75, 1])
    .join('line')
    .attr('x1', left)
    .attr('x2', right)
    .attr('y1', (v) => y(v))
    .attr('y2', (v) => y(v))
    .attr('stroke', (v) => (v === 0.5 ? '#b8c0ca' : '#e6e9ee'))
    .attr('stroke-dasharray', (v) => (v === 0.5 ? '4 3' : null));

  const band = area<[number, number, number]>()
    .curve(curveStepAfter)
    .x((p) => px(p[0]))
    .y0((p) => y(p[1]))
    .y1((p) => y(p[2]));
  bandLayer
    .selectAll('path')
    .data(o.showCi ? curves : [], (c) => (c as KmCurveData).key)
    .join('path')
    .attr('class', 'ci-band')
    .attr('data-curve', (c) => c.key)
    .attr('fill', (c) => c.colour)
    .attr('fill-opacity', 0.14)
    .attr('stroke', 'none')
    .attr('d', (c) => band(thinSteps(bandPoints(c.time, c.lower, c.upper), px)));

  const step = line<[number, number]>()
    .curve(curveStepAfter)
    .x((p) => px(p[0]))
    .y((p) => y(p[1]));
  curveLayer
    .selectAll('path')
    .data(curves, (c) => (c as KmCurveData).key)
    .join('path')
    .attr('class', 'km-curve')
    .attr('data-curve', (c) => c.key)
    .attr('fill', 'none')
    .attr('stroke', (c) => c.colour)
    .attr('stroke-width', 2.5)
    .attr('stroke-dasharray', (c) => c.dash || null)
    .attr('d', (c) => step(thinSteps(stepPoints(c.time, c.survival), px)));

  // Censoring marks: a short vertical tick on the curve at each censoring time; ticks that fall on the same spot (a
  // large trial censors many patients on the same day) are drawn once, which draws the same picture.
  markLayer
    .selectAll('path')
    .data(curves, (c) => (c as KmCurveData).key)
    .join('path')
    .attr('class', 'censor')
    .attr('data-curve', (c) => c.key)
    .attr('stroke', (c) => c.colour)
    .attr('stroke-width', 1.6)
    .attr('d', (c) => {
      const marks = new Set<string>();
      for (let j = 0; j < c.censor.time.length; j++) {
        const cx = px(c.censor.time[j]);
        const cy = y(c.censor.survival[j]);
        marks.add(`M${cx.toFixed(1)},${(cy - 5).toFixed(1)}V${(cy + 5).toFixed(1)}`);
      }
      return [...marks].join('');
    });

  xAxisLayer.attr('transform', `translate(0,${bottom})`).call(
    axisBottom(x)
      .tickValues(ticks)
      .tickFormat((v) => Number(v).toLocaleString(o.locale)),
  );
  yAxisLayer.attr('transform', `translate(${left},0)`).call(
    axisLeft(y)
      .ticks(5)
      .tickFormat((v) => Number(v).toLocaleString(o.locale, { maximumFractionDigits: 2 })),
  );
  drawAxisTitles(labelLayer, { left, right, top, bottom }, o.xLabel, o.yLabel, 16, yAxisLayer.node());

  // Numbers at risk: the curve's label (with its line sample) above a row of counts at the axis ticks.
  const tableTop = o.plotHeight;
  riskLayer
    .selectAll('text.at-risk-title')
    .data(withTable && curves.length > 0 ? [o.atRiskTitle ?? ''] : [])
    .join('text')
    .attr('class', 'at-risk-title')
    .attr('x', 4)
    .attr('y', tableTop + 14)
    .text((d) => d);
  const rows = riskLayer
    .selectAll<SVGGElement, KmCurveData>('g.at-risk-row')
    .data(withTable ? curves : [], (c) => (c as KmCurveData).key)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'at-risk-row');
      g.append('line').attr('class', 'swatch-line');
      g.append('text').attr('class', 'at-risk-label');
      g.append('g').attr('class', 'counts');
      return g;
    })
    .attr('data-curve', (c) => c.key)
    .attr('transform', (_, i) => `translate(0,${tableTop + AT_RISK_TITLE + i * AT_RISK_ROW})`);
  rows
    .select('line.swatch-line')
    .attr('x1', left)
    .attr('x2', left + 22)
    .attr('y1', 6)
    .attr('y2', 6)
    .attr('stroke', (c) => c.colour)
    .attr('stroke-width', 2.5)
    .attr('stroke-dasharray', (c) => c.dash || null);
  rows
    .select('text.at-risk-label')
    .attr('x', left + 28)
    .attr('y', 10)
    .text((c) => c.label);
  rows
    .select<SVGGElement>('g.counts')
    .selectAll('text')
    .data((c) => ticks.map((tick) => ({ tick, n: numberAtRisk(c, tick / o.timeFactor) })))
    .join('text')
    .attr('class', 'at-risk-count')
    .attr('text-anchor', 'middle')
    .attr('x', (d) => x(d.tick))
    .attr('y', 27)
    .text((d) => d.n.toLocaleString(o.locale));
}
