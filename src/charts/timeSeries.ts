/**
 * A multi-arm time-course chart: one line per arm (and series), optional stacked areas, dose ticks on the time axis,
 * a cursor, and a playback clip that reveals the curves up to a day. A pure function of (svg, data, options): it
 * knows nothing about where the data came from, and redraws in place (D3 joins) so it can run on every slider move.
 */
import {
  area,
  axisBottom,
  axisLeft,
  type BaseType,
  type ScaleContinuousNumeric,
  type Selection,
  scaleLinear,
  scaleLog,
  select,
} from 'd3';
import { formatNumber, sampleAt } from './format';
import { fontSizeOf, tickLabelsLeft, yTitlePlace, yTitleSpan } from './frame';
import { ARM_LINE_WIDTH, armStyle } from './palette';

type AttrValue<D> = string | number | null | ((d: D, i: number) => string | number | null);

/**
 * Sets attributes on each element of a selection, as d3's `.attr` would (null removes one), but only those whose value
 * differs from the one the element has: setting an attribute to its own value still queues a mutation record and
 * invalidates the element's style (and an svg's size, a clip's rectangle or a text's layout), and a slider move redraws
 * every chart with mostly the same colours, classes and positions. The attributes are visited in the order given.
 */
function setAttrs<E extends BaseType, D, P extends BaseType, PD>(
  selection: Selection<E, D, P, PD>,
  attrs: Record<string, AttrValue<D>>,
): Selection<E, D, P, PD> {
  const names = Object.keys(attrs);
  selection.each(function (d, i) {
    const element = this as Element;
    for (const name of names) {
      const given = attrs[name];
      const value = typeof given === 'function' ? given(d, i) : given;
      if (value === null) {
        if (element.hasAttribute(name)) element.removeAttribute(name);
      } else {
        const text = String(value);
        if (element.getAttribute(name) !== text) element.setAttribute(name, text);
      }
    }
  });
  return selection;
}

/** Sets each element's text, as d3's `.text` would, only where it differs (a new text node is laid out anew). */
function setText<E extends BaseType, D, P extends BaseType, PD>(
  selection: Selection<E, D, P, PD>,
  text: (d: D) => string,
): void {
  selection.each(function (d) {
    const element = this as Element;
    const value = text(d);
    if (element.textContent !== value) element.textContent = value;
  });
}

export interface ChartLine {
  /** stable arm key, written to data-arm */
  arm: number;
  /** palette slot of the arm */
  slot: number;
  /** series name, written to data-series */
  series: string;
  t: Float64Array;
  values: Float64Array;
  /** 'main' lines are thick; 'secondary' (e.g. M2 next to M1) thin and lighter */
  variant?: 'main' | 'secondary';
  /** colour and dash instead of the arm's (e.g. compartments of one arm) */
  colour?: string;
  dash?: string;
}

export interface ChartArea {
  arm: number;
  slot: number;
  series: string;
  t: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** fill colour of this band */
  fill: string;
}

export interface DoseTick {
  day: number;
  /** drug id; several drugs on the same day are drawn in separate rows */
  drug: string;
  row: number;
  slot: number;
}

/** The dose ticks of one row (one drug of one arm): the unit drawn as one path. */
interface DoseRow {
  row: number;
  drug: string;
  slot: number;
  days: number[];
}

/** doseRows of each tick array drawn: a redraw with the same ticks (a cursor move) reuses the rows, path and all. */
const doseRowCache = new WeakMap<DoseTick[], DoseRow[]>();

/** Groups ticks by row and drug, keeping the days in order; the same array of ticks gives the same rows. */
function doseRows(ticks: DoseTick[]): DoseRow[] {
  const cached = doseRowCache.get(ticks);
  if (cached) return cached;
  const rows = new Map<string, DoseRow>();
  for (const tick of ticks) {
    const key = `${tick.row}|${tick.drug}|${tick.slot}`;
    let row = rows.get(key);
    if (!row) {
      row = { row: tick.row, drug: tick.drug, slot: tick.slot, days: [] };
      rows.set(key, row);
    }
    row.days.push(tick.day);
  }
  const result = [...rows.values()];
  doseRowCache.set(ticks, result);
  return result;
}

/** A measured value (imported data) drawn over the curves: a dot, and a bar over [lower, upper] when given. */
export interface ChartPoint {
  arm: number;
  slot: number;
  day: number;
  value: number;
  lower?: number;
  upper?: number;
}

export interface TimeSeriesData {
  lines: ChartLine[];
  areas?: ChartArea[];
  doses?: DoseTick[];
  /** the name drawn at the left of each drug's dose row (drug id -> short name); a row without one has no label */
  doseLabels?: Readonly<Record<string, string>>;
  /** measurements (the toolkit's imported data), in the lines' units */
  points?: ChartPoint[];
}

/**
 * Options of drawTimeSeries. Only `id` and `horizon` are required; every other option has the value given in
 * TIME_SERIES_DEFAULTS.
 */
export interface TimeSeriesOptions {
  /** unique per chart: used for the clip path id */
  id: string;
  /** simulated span, days */
  horizon: number;
  /** CSS pixels (at least 200 x 120); default 600 x 240 */
  width?: number;
  height?: number;
  /** display conversions: displayed = value * factor (days -> months, mm3 -> cm3); default 1 */
  timeFactor?: number;
  yFactor?: number;
  /** log y axis (at least a decade shown); default false */
  logScale?: boolean;
  /** fixed y domain (display units), e.g. [0, 1] for a fraction; default: from the data */
  yDomain?: [number, number];
  /** axis titles; default '' (none) */
  xLabel?: string;
  yLabel?: string;
  /** draw curves up to this day (playback); null = the whole horizon (default) */
  clipDay?: number | null;
  /** read-out cursor, day; null = none (default) */
  cursorDay?: number | null;
  /** locale of tick labels; default 'en' */
  locale?: string;
  /** called with a day when the pointer moves over the plot; default none */
  onCursor?: (day: number) => void;
}

/** The value of every optional TimeSeriesOptions field that a caller leaves out. */
export const TIME_SERIES_DEFAULTS = {
  width: 600,
  height: 240,
  timeFactor: 1,
  yFactor: 1,
  logScale: false,
  xLabel: '',
  yLabel: '',
  clipDay: null,
  cursorDay: null,
  locale: 'en',
} as const satisfies Partial<TimeSeriesOptions>;

type Defaulted = keyof typeof TIME_SERIES_DEFAULTS;
type ResolvedOptions = Omit<TimeSeriesOptions, Defaulted> & {
  [K in Defaulted]-?: Exclude<TimeSeriesOptions[K], undefined>;
};

export const MARGIN = { top: 12, right: 16, bottom: 62, left: 64 };
/** Height of one drug's row of dose ticks: room for its 11 px name at the left (the ticks are 4 px). */
const DOSE_ROW = 13;
const DOSE_TICK = 5;
/** The dose strip starts this far under the plot, below the time axis's tick labels. */
const DOSE_TOP = 24;
/** Room under the dose strip for the 13 px axis title (baseline 6 px above the bottom edge) and a small gap. */
const TITLE_SPACE = 22;

/**
 * The bottom margin for `doseRowCount` rows of dose ticks: the default, grown so that the dose strip ends above the
 * time axis title (with 4 or more drugs the strip used to run into the title).
 */
export function bottomMargin(doseRowCount: number): number {
  return Math.max(MARGIN.bottom, DOSE_TOP + doseRowCount * DOSE_ROW + TITLE_SPACE);
}

/** The y range of all lines and areas, in display units. */
function extent(data: TimeSeriesData, factor: number, positiveOnly: boolean): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const visit = (v: number) => {
    const x = v * factor;
    if (!Number.isFinite(x) || (positiveOnly && !(x > 0))) return;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  };
  for (const l of data.lines) for (let i = 0; i < l.values.length; i++) visit(l.values[i]);
  for (const a of data.areas ?? []) for (let i = 0; i < a.upper.length; i++) visit(a.upper[i]);
  for (const p of data.points ?? []) {
    visit(p.value);
    if (p.upper !== undefined) visit(p.upper);
  }
  if (!Number.isFinite(lo)) return positiveOnly ? [0.1, 1] : [0, 1];
  return [lo, hi];
}

function yScale(
  data: TimeSeriesData,
  o: ResolvedOptions,
  range: [number, number],
): ScaleContinuousNumeric<number, number> {
  if (o.yDomain) return scaleLinear().domain(o.yDomain).range(range);
  if (o.logScale) {
    let [lo, hi] = extent(data, o.yFactor, true);
    // Keep at least a decade visible, and do not let an extinct tumour stretch the axis to 1e-12.
    lo = Math.max(lo, hi * 1e-6);
    if (hi / lo < 10) {
      const mid = Math.sqrt(hi * lo);
      lo = mid / Math.sqrt(10);
      hi = mid * Math.sqrt(10);
    }
    return scaleLog().domain([lo, hi]).range(range).nice().clamp(true);
  }
  const [, hi] = extent(data, o.yFactor, false);
  return scaleLinear()
    .domain([0, hi > 0 ? hi * 1.05 : 1])
    .range(range)
    .nice();
}

/** The options a caller gave, without the keys it set to undefined (so that they take their defaults). */
function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The path d3's `line()` draws through points 0..n-1 (its linear curve, coordinates rounded to its default 3 digits,
 * a new M after each gap of undefined points, a lone point closed with Z), as one loop: the same string, without a
 * call per point through the curve and path objects (12 curves of ~110 points at every slider move). '' for none.
 */
export function linePath(
  n: number,
  px: (i: number) => number,
  py: (i: number) => number,
  defined: (i: number) => boolean,
): string {
  let path = '';
  let run = 0;
  for (let i = 0; i <= n; i++) {
    if (i < n && defined(i)) {
      path += `${run === 0 ? 'M' : 'L'}${Math.round(px(i) * 1000) / 1000},${Math.round(py(i) * 1000) / 1000}`;
      run++;
    } else if (run > 0) {
      if (run === 1) path += 'Z';
      run = 0;
    }
  }
  return path;
}

const indexCache: number[][] = [];
function indices(n: number): number[] {
  let cached = indexCache[n];
  if (!cached) {
    cached = Array.from({ length: n }, (_, i) => i);
    if (indexCache.length < 100_000) indexCache[n] = cached;
  }
  return cached;
}

/**
 * Draws (or redraws in place) a time-course chart into `svgElement`: axes, stacked areas, lines, dose ticks, the
 * cursor and the playback clip. Throws a RangeError when a line's values do not match its time points.
 */
/**
 * The left edge of the plot drawTimeSeries last drew in this svg, in its pixels: the default margin, or further right
 * when the y title needed room beside wide tick labels (presenter type). What an overlay placed over the plot (the
 * hover tooltip) must use instead of MARGIN.left.
 */
export function plotLeftOf(svgElement: SVGSVGElement): number {
  return (svgElement as SVGSVGElement & { __plotLeft?: number }).__plotLeft ?? MARGIN.left;
}

export function drawTimeSeries(svgElement: SVGSVGElement, data: TimeSeriesData, options: TimeSeriesOptions): void {
  const o = { ...TIME_SERIES_DEFAULTS, ...withoutUndefined(options) } as ResolvedOptions;
  // A series that does not match its time axis is a corrupt result (e.g. from a worker of another version): refuse
  // to draw it rather than draw a curve that looks plausible and is wrong.
  for (const l of data.lines) {
    if (l.values.length !== l.t.length) {
      throw new RangeError(`chart ${o.id}: ${l.series} has ${l.values.length} values for ${l.t.length} time points`);
    }
  }
  const width = Math.max(200, o.width);
  const height = Math.max(120, o.height);
  const svg = select(svgElement);
  setAttrs(svg, { viewBox: `0 0 ${width} ${height}`, width, height });
  const plotRight = width - MARGIN.right;
  const plotTop = MARGIN.top;
  const rows = data.doses ? doseRows(data.doses) : [];
  const doseRowCount = rows.reduce((n, r) => Math.max(n, r.row + 1), 0);
  const plotBottom = height - bottomMargin(doseRowCount);

  const y = yScale(data, o, [plotBottom, plotTop]);
  const logLike = o.logScale && !o.yDomain;
  const xDomain = [0, o.horizon * o.timeFactor];

  // Axes and titles: redrawn only when what they show changed. A slider move mostly keeps the scales (a log axis is
  // niced to decades), and rebuilding ~30 ticks and their labels per chart re-laid out their text at every move.
  const xTicks = Math.max(2, Math.floor((plotRight - MARGIN.left) / 80));
  const yTicks = Math.max(2, Math.floor((plotBottom - plotTop) / 40));
  const frameKey = [
    width,
    height,
    plotBottom,
    xDomain,
    y.domain(),
    y.range(),
    logLike,
    xTicks,
    yTicks,
    o.locale,
    o.xLabel,
    o.yLabel,
  ].join('|');
  const frameOf = svgElement as SVGSVGElement & {
    __frame?: string;
    __plotLeft?: number;
    __measureKey?: string;
    __titlePlace?: { offset: number; extra: number };
  };
  // (the key is kept on the svg element; a caller that emptied the svg gets its axes back)
  const freshFrame = frameOf.__frame !== frameKey || !svgElement.querySelector(':scope > g.y-axis');
  // The plot's left edge: the default margin, moved right only as far as the y title needs beside the tick labels the
  // browser measured (wide labels in presenter type); measured when the axes are redrawn, kept between redraws.
  let plotLeft = freshFrame ? MARGIN.left : (frameOf.__plotLeft ?? MARGIN.left);
  let titlePlace = { offset: 14, extra: 0 };
  if (freshFrame) {
    // the frame's elements in their drawing order (clip, x axis, y axis, titles) before the y axis is measured
    svg.selectAll('defs').data([null]).join('defs');
    svg.selectAll('g.x-axis').data([null]).join('g').attr('class', 'axis x-axis');
    svg.selectAll('g.y-axis').data([null]).join('g').attr('class', 'axis y-axis');
    svg.selectAll('text.x-label').data([o.xLabel]).join('text').attr('class', 'axis-label x-label');
    drawYAxis(MARGIN.left);
    // measured only when the tick labels, the title or the page's type (presenter mode) changed, not at every
    // redraw of a slider move's new scale (a measure forces a layout); with the plot moved right by `extra` the title
    // sits at the same offset
    const labels = [...svgElement.querySelectorAll(':scope > g.y-axis .tick text')].map((t) => t.textContent).join('|');
    const measureKey = `${labels}|${o.yLabel}|${svgElement.ownerDocument?.documentElement.className ?? ''}|${height}`;
    if (frameOf.__measureKey === measureKey && frameOf.__titlePlace) titlePlace = frameOf.__titlePlace;
    else {
      titlePlace = yTitlePlaceAt(MARGIN.left);
      frameOf.__measureKey = measureKey;
      frameOf.__titlePlace = titlePlace;
    }
    plotLeft = MARGIN.left + titlePlace.extra;
    frameOf.__plotLeft = plotLeft;
  }

  const x = scaleLinear().domain(xDomain).range([plotLeft, plotRight]);

  // Clip: the plot area, narrowed to the played part during playback.
  const clipId = `clip-${o.id}`;
  const clipRight = o.clipDay === null ? plotRight : Math.min(plotRight, x(o.clipDay * o.timeFactor));
  const defs = svg.selectAll('defs').data([null]).join('defs');
  const clip = setAttrs(defs.selectAll('clipPath').data([null]).join('clipPath'), { id: clipId });
  setAttrs(clip.selectAll('rect').data([null]).join('rect'), {
    x: plotLeft,
    y: plotTop - 2,
    width: Math.max(0, clipRight - plotLeft),
    height: plotBottom - plotTop + 4,
  });

  if (freshFrame) {
    frameOf.__frame = frameKey;
    drawFrame();
  }
  function drawYAxis(left: number): void {
    const yAxis = axisLeft(y)
      .ticks(yTicks)
      .tickSize(-(plotRight - left));
    // Log axes: d3's own tick format decides which ticks get a label (it returns '' for crowded ones).
    const shown = y.tickFormat(yTicks);
    yAxis.tickFormat((d) => (!logLike || shown(d as number) !== '' ? formatNumber(Number(d), o.locale) : ''));
    svg
      .selectAll<SVGGElement, null>('g.y-axis')
      .data([null])
      .join('g')
      .attr('class', 'axis y-axis')
      .attr('transform', `translate(${left},0)`)
      .call(yAxis)
      .call((g) =>
        // Unlabelled (minor) log ticks: faint grid lines only.
        g.selectAll<SVGGElement, unknown>('.tick').classed('minor', function () {
          return (this.textContent ?? '') === '';
        }),
      );
  }
  /** The y title's place beside the y axis drawn at `left` (charts/frame.ts yTitlePlace; 14 px where it fits). */
  function yTitlePlaceAt(left: number): { offset: number; extra: number } {
    const title = svg
      .selectAll<SVGTextElement, string>('text.y-label')
      .data([o.yLabel])
      .join('text')
      .attr('class', 'axis-label y-label')
      .text((d) => d);
    const axis = svgElement.querySelector(':scope > g.y-axis');
    const span = yTitleSpan(title.node(), (plotTop + plotBottom) / 2);
    return yTitlePlace(left, tickLabelsLeft(axis, span), fontSizeOf(title.node(), 13), 14);
  }
  function drawFrame(): void {
    svg
      .selectAll<SVGGElement, null>('g.x-axis')
      .data([null])
      .join('g')
      .attr('class', 'axis x-axis')
      .attr('transform', `translate(0,${plotBottom})`)
      .call(
        axisBottom(x)
          .ticks(xTicks)
          .tickFormat((d) => formatNumber(Number(d), o.locale)),
      );
    // the y axis was drawn at the default margin to be measured: again only if the plot moved
    if (plotLeft !== MARGIN.left) drawYAxis(plotLeft);

    svg
      .selectAll('text.x-label')
      .data([o.xLabel])
      .join('text')
      .attr('class', 'axis-label x-label')
      .attr('x', (plotLeft + plotRight) / 2)
      .attr('y', height - 6)
      .attr('text-anchor', 'middle')
      .text((d) => d);
    svg
      .selectAll('text.y-label')
      .attr('transform', `translate(${titlePlace.offset},${(plotTop + plotBottom) / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle');
  }

  const plot = setAttrs(svg.selectAll<SVGGElement, null>('g.plot').data([null]).join('g'), {
    class: 'plot',
    'clip-path': `url(#${clipId})`,
  });

  // Log axes: a curve that falls below the axis (an eradicated tumour) ends there instead of running along it.
  const floor = logLike ? y.domain()[0] * 0.999 : Number.NEGATIVE_INFINITY;
  const geometry = `${width}|${height}|${x.domain().join(',')}|${y.domain().join(',')}|${logLike}|${plotBottom}`;
  const yOf = (v: number) => {
    const d = v * o.yFactor;
    return y(logLike ? Math.max(d, y.domain()[0]) : d);
  };

  // Stacked areas (drawn under the lines).
  setAttrs(
    plot
      .selectAll<SVGPathElement, ChartArea>('path.area')
      .data(data.areas ?? [], (d) => `${d.arm}:${d.series}`)
      .join('path'),
    {
      class: 'area',
      'data-arm': (d) => d.arm,
      'data-series': (d) => d.series,
      fill: (d) => d.fill,
      stroke: 'none',
      d: (d) =>
        area<number>()
          .x((i) => x(d.t[i] * o.timeFactor))
          .y0((i) => yOf(d.lower[i]))
          .y1((i) => yOf(d.upper[i]))
          .defined((i) => !logLike || d.upper[i] > 0)(indices(d.t.length)),
    },
  );

  setAttrs(
    plot
      .selectAll<SVGPathElement, ChartLine>('path.line')
      .data(data.lines, (d) => `${d.arm}:${d.series}`)
      .join('path'),
    {
      class: (d) => `line ${d.variant ?? 'main'}`,
      'data-testid': 'chart-line',
      'data-arm': (d) => d.arm,
      'data-series': (d) => d.series,
      fill: 'none',
      stroke: (d) => d.colour ?? armStyle(d.slot).colour,
      'stroke-dasharray': (d) => (d.dash ?? armStyle(d.slot).dash) || null,
      'stroke-width': (d) => (d.variant === 'secondary' ? 1.5 : ARM_LINE_WIDTH),
      'stroke-opacity': (d) => (d.variant === 'secondary' ? 0.75 : 1),
      'stroke-linejoin': 'round',
    },
  ).each(function (d) {
    // Recompute the path only when its data or the scales changed (a cursor move redraws nothing else).
    const el = this as SVGPathElement & { __drawn?: { data: ChartLine['values']; geometry: string } };
    if (el.__drawn && el.__drawn.data === d.values && el.__drawn.geometry === geometry) return;
    el.__drawn = { data: d.values, geometry };
    const path = linePath(
      d.t.length,
      (i) => x(d.t[i] * o.timeFactor),
      (i) => yOf(d.values[i]),
      (i) => Number.isFinite(d.values[i]) && (!logLike || d.values[i] * o.yFactor >= floor),
    );
    // the same curve again (a result equal to the one drawn) is not written again
    if (el.getAttribute('d') !== path) el.setAttribute('d', path);
  });

  // Measurements: per arm, one path of error bars (with caps) and one dot per value, in the arm's colour.
  const byArm = new Map<number, ChartPoint[]>();
  for (const p of data.points ?? []) {
    const list = byArm.get(p.arm);
    if (list) list.push(p);
    else byArm.set(p.arm, [p]);
  }
  const measured = plot
    .selectAll<SVGGElement, [number, ChartPoint[]]>('g.measurements')
    .data([...byArm], (d) => String(d[0]))
    .join('g')
    .attr('class', 'measurements')
    .attr('data-arm', (d) => d[0]);
  measured
    .selectAll<SVGPathElement, [number, ChartPoint[]]>('path.error-bars')
    .data((d) => [d])
    .join('path')
    .attr('class', 'error-bars')
    .attr('fill', 'none')
    .attr('stroke', (d) => armStyle(d[1][0].slot).colour)
    .attr('stroke-width', 1.5)
    .attr('d', (d) =>
      d[1]
        .filter((p) => p.lower !== undefined && p.upper !== undefined)
        .map((p) => {
          const px = x(p.day * o.timeFactor).toFixed(1);
          const a = yOf(p.lower as number).toFixed(1);
          const b = yOf(p.upper as number).toFixed(1);
          return `M${px},${a}V${b}M${Number(px) - 4},${a}h8M${Number(px) - 4},${b}h8`;
        })
        .join(''),
    );
  measured
    .selectAll<SVGCircleElement, ChartPoint>('circle.measurement')
    .data((d) => d[1])
    .join('circle')
    .attr('class', 'measurement')
    .attr('r', 4)
    .attr('cx', (p) => x(p.day * o.timeFactor))
    .attr('cy', (p) => yOf(p.value))
    .attr('fill', '#ffffff')
    .attr('stroke', (p) => armStyle(p.slot).colour)
    .attr('stroke-width', 2);

  // Dose ticks: short marks in a strip under the time axis labels, one row per drug, drawn as ONE path per drug (and
  // arm): the DOM does not grow with the number of doses, and a cursor move does not touch it. Ticks that fall on the
  // same pixel column are drawn once, so the path is at most one mark per pixel: where doses are closer than a pixel
  // the row becomes a solid band (the same density, drawn in bounded work).
  const doses = setAttrs(svg.selectAll<SVGGElement, null>('g.doses').data([null]).join('g'), {
    class: 'doses',
    'aria-hidden': 'true',
  });
  setAttrs(
    doses
      .selectAll<SVGPathElement, DoseRow>('path.dose')
      .data(rows, (d) => `${d.row}|${d.drug}`)
      .join('path'),
    {
      class: 'dose',
      'data-testid': 'dose-ticks',
      'data-drug': (d) => d.drug,
      'data-count': (d) => d.days.length,
      fill: 'none',
      stroke: (d) => armStyle(d.slot).colour,
      'stroke-width': 2,
    },
  ).each(function (d) {
    const el = this as SVGPathElement & { __drawn?: { days: number[]; geometry: string } };
    if (el.__drawn && el.__drawn.days === d.days && el.__drawn.geometry === geometry) return;
    el.__drawn = { days: d.days, geometry };
    const top = plotBottom + DOSE_TOP + d.row * DOSE_ROW + (DOSE_ROW - DOSE_TICK) / 2;
    const columns = new Set<number>();
    let path = '';
    for (const day of d.days) {
      const px = Math.round(x(day * o.timeFactor));
      if (!Number.isFinite(px) || columns.has(px)) continue;
      columns.add(px);
      path += `M${px},${top}v${DOSE_TICK}`;
    }
    if (el.getAttribute('d') !== path) el.setAttribute('d', path);
  });
  // Which row is which drug: its short name at the left, in the margin beside the row (the rows are one arm's drugs,
  // so one label per row). Hidden from assistive technology like the ticks: the treatment editor lists the schedules.
  const labels = data.doseLabels;
  const labelRows = labels ? [...new Map(rows.map((r) => [r.row, r])).values()].filter((r) => labels[r.drug]) : [];
  const doseLabels = setAttrs(
    doses
      .selectAll<SVGTextElement, DoseRow>('text.dose-label')
      .data(labelRows, (d) => `${d.row}|${d.drug}`)
      .join('text'),
    {
      class: 'dose-label',
      'data-testid': 'dose-label',
      'data-drug': (d) => d.drug,
      x: MARGIN.left - 6,
      y: (d) => plotBottom + DOSE_TOP + d.row * DOSE_ROW + DOSE_ROW / 2,
      dy: '0.35em',
      'text-anchor': 'end',
      'font-size': 11,
      fill: '#1f2933',
    },
  );
  setText(doseLabels, (d) => labels?.[d.drug] ?? '');

  // Cursor line and a dot per line at the cursor day.
  const cursorData = o.cursorDay === null ? [] : [o.cursorDay];
  const cursor = setAttrs(svg.selectAll<SVGGElement, null>('g.cursor').data([null]).join('g'), {
    class: 'cursor',
    'pointer-events': 'none',
  });
  setAttrs(cursor.selectAll<SVGLineElement, number>('line').data(cursorData).join('line'), {
    x1: (d) => x(d * o.timeFactor),
    x2: (d) => x(d * o.timeFactor),
    y1: plotTop,
    y2: plotBottom,
    stroke: '#333',
    'stroke-width': 1,
    'stroke-dasharray': '3 3',
  });
  const dots =
    o.cursorDay === null || (o.clipDay !== null && o.cursorDay > o.clipDay)
      ? []
      : data.lines.map((l) => ({ l, v: sampleAt(l.t, l.values, o.cursorDay as number) }));
  setAttrs(
    cursor
      .selectAll<SVGCircleElement, (typeof dots)[number]>('circle')
      .data(dots.filter((d) => Number.isFinite(d.v) && (!logLike || d.v > 0)))
      .join('circle'),
    {
      cx: x((o.cursorDay ?? 0) * o.timeFactor),
      cy: (d) => yOf(d.v),
      r: 4,
      fill: (d) => armStyle(d.l.slot).colour,
      stroke: '#fff',
      'stroke-width': 1.5,
    },
  );

  // Pointer overlay for the cursor: its listener is bound once and reads this draw's scale.
  const overlay = setAttrs(svg.selectAll<SVGRectElement, null>('rect.overlay').data([null]).join('rect'), {
    class: 'overlay',
    x: plotLeft,
    y: plotTop,
    width: plotRight - plotLeft,
    height: plotBottom - plotTop,
    fill: 'transparent',
  });
  const overlayElement = overlay.node() as (SVGRectElement & { __pointer?: (event: PointerEvent) => void }) | null;
  const onCursor = o.onCursor;
  const pointer = (event: PointerEvent) => {
    if (!onCursor) return;
    const rect = svgElement.getBoundingClientRect();
    const scaleX = rect.width > 0 ? width / rect.width : 1;
    const px = (event.clientX - rect.left) * scaleX;
    onCursor(x.invert(px) / o.timeFactor);
  };
  if (overlayElement) {
    if (!overlayElement.__pointer)
      overlay.on('pointermove pointerdown', (event: PointerEvent) => overlayElement.__pointer?.(event));
    overlayElement.__pointer = pointer;
  }
}
