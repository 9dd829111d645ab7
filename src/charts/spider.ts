/**
 * Spider plot: the change of each patient's tumour from baseline (%) at every assessment, one line per patient,
 * coloured by category (best overall response), with dashed reference lines. Pure function of (svg, data, options).
 */
import { axisBottom, axisLeft, line, scaleLinear, select } from 'd3';
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

  const layer = (name: string) => {
    let g = svg.select<SVGGElement>(`g.${name.split(' ').join('.')}`);
    if (g.empty()) g = svg.append('g').attr('class', name);
    return g;
  };
  const refLayer = layer('references');
  const lineLayer = layer('patients');
  const xAxisLayer = layer('axis x-axis');
  const yAxisLayer = layer('axis y-axis');
  const labelLayer = layer('labels');

  const refs = refLayer
    .selectAll<SVGGElement, { value: number; label: string }>('g.reference')
    .data([{ value: 0, label: '' }, ...o.references])
    .join((enter) => {
      const g = enter.append('g').attr('class', 'reference');
      g.append('line');
      g.append('text');
      return g;
    });
  refs
    .select('line')
    .attr('x1', left)
    .attr('x2', right)
    .attr('y1', (r) => y(r.value))
    .attr('y2', (r) => y(r.value))
    .attr('stroke', (r) => (r.value === 0 ? '#4f5b69' : '#14202e'))
    .attr('stroke-width', (r) => (r.value === 0 ? 1 : 1.2))
    .attr('stroke-dasharray', (r) => (r.value === 0 ? null : '5 4'));
  refs
    .select('text')
    .attr('class', 'reference-label')
    .attr('x', right + 4)
    .attr('y', (r) => y(r.value) + 4)
    .text((r) => r.label);

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
  labelLayer
    .selectAll('text')
    .data([
      { cls: 'axis-label x-label', text: o.xLabel, x: (left + right) / 2, y: bottom + 38, rotate: 0 },
      { cls: 'axis-label y-label', text: o.yLabel, x: -(top + bottom) / 2, y: 14, rotate: -90 },
    ])
    .join('text')
    .attr('class', (d) => d.cls)
    .attr('text-anchor', 'middle')
    .attr('transform', (d) => (d.rotate ? `rotate(${d.rotate})` : null))
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .text((d) => d.text);
}
