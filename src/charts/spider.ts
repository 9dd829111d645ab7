/**
 * Spider plot: the change of each patient's tumour from baseline (%) at every assessment, one line per patient,
 * coloured by category (best overall response), with dashed reference lines. Pure function of (svg, data, options).
 */

import { axisBottom, axisLeft, line, scaleLinear, select } from 'd3';
import { drawAxisTitles, drawReferenceLines, layerOf } from './frame';
import { monthTicks } from './kaplanMeier';

export interface SpiderLine {
  /** stable identity, written to data-patient */
  key: string;
  /** assessment times, days */
  time: ArrayLike<number>;
  /** change from baseline at those times, % */
  change: ArrayLike<number>;
  colour: string;
  dash: string;
}

export interface SpiderOptions {
  width: number;
  height: number;
  /** displayed time = days * timeFactor */
  timeFactor: number;
  /** right end of the time axis, days */
  maxTime: number;
  xLabel: string;
  yLabel: string;
  references: { value: number; label: string }[];
  locale: string;
}

export const SPIDER_MARGIN = { top: 12, right: 44, bottom: 46, left: 54 };

/**
 * One patient's line: the trace sampled on the assessment days, up to and including the first assessment on or after
 * `endDay` (e.g. the day progression was seen); endDay = Infinity keeps the whole trace.
 */
export function spiderPoints(
  trace: ArrayLike<number>,
  days: ArrayLike<number>,
  endDay: number,
): { time: number[]; change: number[] } {
  const time: number[] = [];
  const change: number[] = [];
  const n = Math.min(trace.length, days.length);
  for (let k = 0; k < n; k++) {
    time.push(days[k]);
    change.push(trace[k]);
    if (days[k] >= endDay - 1e-9) break;
  }
  return { time, change };
}

/** The y domain, %: at least −100 … +50, widened (and rounded to 10 %) to the largest change drawn. */
export function spiderDomain(lines: readonly Pick<SpiderLine, 'change'>[]): [number, number] {
  let hi = 50;
  for (const l of lines) for (let k = 0; k < l.change.length; k++) if (l.change[k] > hi) hi = l.change[k];
  return [-100, Math.ceil(hi / 10) * 10];
}

export function drawSpider(svgElement: SVGSVGElement, lines: SpiderLine[], o: SpiderOptions): void {
  const width = Math.max(220, o.width);
  const height = Math.max(140, o.height);
  const svg = select(svgElement).attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  const left = SPIDER_MARGIN.left;
  const right = width - SPIDER_MARGIN.right;
  const top = SPIDER_MARGIN.top;
  const bottom = height - SPIDER_MARGIN.bottom;
  const maxDisplay = Math.max(o.maxTime * o.timeFactor, 1e-9);
  const ticks = monthTicks(maxDisplay);
  const x = scaleLinear()
    .domain([0, Math.max(maxDisplay, ticks[ticks.length - 1])])
    .range([left, right]);
  const y = scaleLinear().domain(spiderDomain(lines)).range([bottom, top]);

  const layer = (name: string) => layerOf(svg, name);
  const refLayer = layer('references');
  const lineLayer = layer('patients');
  const xAxisLayer = layer('axis x-axis');
  const yAxisLayer = layer('axis y-axis');
  const labelLayer = layer('labels');

  drawReferenceLines(refLayer, [{ value: 0, label: '' }, ...o.references], y, { left, right, top, bottom });

  const path = line<[number, number]>()
    .x((p) => x(p[0] * o.timeFactor))
    .y((p) => y(p[1]));
  lineLayer
    .selectAll('path')
    .data(lines, (l) => (l as SpiderLine).key)
    .join('path')
    .attr('class', 'spider-line')
    .attr('data-patient', (l) => l.key)
    .attr('fill', 'none')
    .attr('stroke', (l) => l.colour)
    .attr('stroke-width', 1.6)
    .attr('stroke-opacity', 0.85)
    .attr('stroke-dasharray', (l) => l.dash || null)
    .attr('d', (l) => path(Array.from(l.change, (v, k): [number, number] => [l.time[k], v])));

  xAxisLayer.attr('transform', `translate(0,${bottom})`).call(
    axisBottom(x)
      .tickValues(ticks)
      .tickFormat((v) => Number(v).toLocaleString(o.locale)),
  );
  yAxisLayer.attr('transform', `translate(${left},0)`).call(
    axisLeft(y)
      .ticks(6)
      .tickFormat((v) => Number(v).toLocaleString(o.locale)),
  );
  drawAxisTitles(labelLayer, { left, right, top, bottom }, o.xLabel, o.yLabel, 14, yAxisLayer.node());
}
