/**
 * Pieces shared by the charts (trial charts, scans, residuals): persistent layers, numeric axes, axis titles and dashed
 * reference lines. Pure D3 on a given SVG; nothing here knows where the data came from.
 */
import { type AxisScale, axisBottom, axisLeft, type NumberValue, type ScaleLinear, type Selection } from 'd3';

type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
export type Layer = Selection<SVGGElement, unknown, null, undefined>;

/** A named group, created once and reused on every redraw (so axes are updated in place, never duplicated). */
export function layerOf(svg: Svg, name: string): Layer {
  let g = svg.select<SVGGElement>(`g.${name.split(' ').join('.')}`);
  if (g.empty()) g = svg.append('g').attr('class', name);
  return g;
}

export interface PlotBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The x and y axes of a plain numeric chart (scan lines, fit residuals): about six ticks each, in one number format;
 * `logX` asks a logarithmic x axis for five ticks in d3's '~g' format.
 */
export function drawNumberAxes(
  svg: Svg,
  box: PlotBox,
  x: AxisScale<NumberValue>,
  y: AxisScale<NumberValue>,
  format: (v: NumberValue) => string,
  logX = false,
): void {
  layerOf(svg, 'axis x-axis')
    .attr('transform', `translate(0,${box.bottom})`)
    .call(
      axisBottom(x)
        .ticks(logX ? 5 : 6, logX ? '~g' : undefined)
        .tickFormat(format),
    );
  layerOf(svg, 'axis y-axis')
    .attr('transform', `translate(${box.left},0)`)
    .call(axisLeft(y).ticks(6).tickFormat(format));
}

/**
 * Axis titles: x under the axis (omitted when null), y rotated at `yOffset` from the left edge, or, given the chart's
 * y-axis group, as far left of its measured tick labels as yTitlePlace says (`yOffset` where that fits).
 */
export function drawAxisTitles(
  layer: Layer,
  box: PlotBox,
  xLabel: string | null,
  yLabel: string,
  yOffset: number,
  yAxis?: Element | null,
): void {
  const titles = [
    ...(xLabel === null
      ? []
      : [{ cls: 'axis-label x-label', text: xLabel, x: (box.left + box.right) / 2, y: box.bottom + 38, rotate: 0 }]),
    { cls: 'axis-label y-label', text: yLabel, x: -(box.top + box.bottom) / 2, y: yOffset, rotate: -90 },
  ];
  layer
    .selectAll('text')
    .data(titles)
    .join('text')
    .attr('class', (d) => d.cls)
    .attr('text-anchor', 'middle')
    .attr('transform', (d) => (d.rotate ? `rotate(${d.rotate})` : null))
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .text((d) => d.text);
  if (yAxis === undefined) return;
  const title = layer.select<SVGTextElement>('text.y-label');
  const span = yTitleSpan(title.node(), (box.top + box.bottom) / 2);
  const place = yTitlePlace(box.left, tickLabelsLeft(yAxis, span), fontSizeOf(title.node(), 13), yOffset);
  title.attr('y', place.offset);
}

export interface Reference {
  value: number;
  label: string;
}

/**
 * Horizontal reference lines across the plot, labelled at the right edge: dashed (e.g. RECIST −30 % and +20 %);
 * a line at value 0 with an empty label is drawn as a thin solid zero line.
 */
export function drawReferenceLines(
  layer: Layer,
  references: Reference[],
  y: ScaleLinear<number, number>,
  box: PlotBox,
): void {
  const zero = (r: Reference) => r.value === 0 && r.label === '';
  const refs = layer
    .selectAll<SVGGElement, Reference>('g.reference')
    .data(references)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'reference');
      g.append('line');
      g.append('text');
      return g;
    });
  refs
    .select('line')
    .attr('x1', box.left)
    .attr('x2', box.right)
    .attr('y1', (r) => y(r.value))
    .attr('y2', (r) => y(r.value))
    .attr('stroke', (r) => (zero(r) ? '#4f5b69' : '#14202e'))
    .attr('stroke-width', (r) => (zero(r) ? 1 : 1.2))
    .attr('stroke-dasharray', (r) => (zero(r) ? null : '5 4'));
  refs
    .select('text')
    .attr('class', 'reference-label')
    .attr('x', box.right + 4)
    .attr('y', (r) => y(r.value) + 4)
    .text((r) => r.label);
}

/** Text lengths the browser measured, by what decides them (the text and the element's font): see textLength. */
const measuredLengths = new Map<string, number>();
const MEASURED_LENGTHS_KEPT = 2000;

/**
 * The length of an SVG text element's text as the browser lays it out (getComputedTextLength), remembered by text and
 * font: the same text in the same font has the same length, and a measure after the page changed forces a layout of
 * the whole page in the middle of a redraw (a slider move's new axis labels are mostly ones drawn before). The font
 * is read from the element's computed style (a style update, not a layout). 0 where the browser lays no text out.
 */
export function textLength(element: SVGTextContentElement): number {
  if (typeof element.getComputedTextLength !== 'function') return 0;
  const view = element.ownerDocument?.defaultView;
  const style = view?.getComputedStyle(element);
  const font = style?.font ?? '';
  const key = font
    ? [
        font,
        style?.letterSpacing,
        style?.wordSpacing,
        style?.fontKerning,
        style?.fontFeatureSettings,
        style?.fontVariantNumeric,
        style?.textRendering,
        element.closest('[lang]')?.getAttribute('lang') ?? '',
        element.textContent ?? '',
      ].join('\u0000')
    : '';
  const known = key ? measuredLengths.get(key) : undefined;
  if (known !== undefined) return known;
  const length = element.getComputedTextLength();
  if (key && length > 0) {
    if (measuredLengths.size >= MEASURED_LENGTHS_KEPT) measuredLengths.clear();
    measuredLengths.set(key, length);
  }
  return length;
}

/** The gap kept between a y-axis title and the widest tick label, px. */
export const Y_TITLE_GAP = 4;

/**
 * The left edge of an axis group's tick labels, relative to the axis line (negative: left of it), from the labels'
 * widths as the browser measured them in their own font (textLength) and where d3 anchored them (their x,
 * text-anchor end); null where the browser lays no text out (a DOM without layout, as in unit tests). `span`: only
 * the labels of ticks within this vertical range (the y title's own extent) count.
 */
export function tickLabelsLeft(axis: Element | null, span?: readonly [number, number]): number | null {
  if (!axis) return null;
  let left = 0;
  for (const label of axis.querySelectorAll<SVGTextElement>('.tick text')) {
    if (!label.textContent) continue;
    const width = textLength(label);
    if (!(width > 0)) return null;
    if (span) {
      const at = /translate\(\s*[-\d.e]+\s*[, ]\s*([-\d.e]+)/.exec(
        label.parentElement?.getAttribute('transform') ?? '',
      );
      const y = at ? Number(at[1]) : Number.NaN;
      // a label is about 1.2 em tall around its tick
      const half = 0.6 * fontSizeOf(label, 13);
      if (Number.isFinite(y) && (y + half < span[0] || y - half > span[1])) continue;
    }
    left = Math.min(left, Number(label.getAttribute('x') ?? 0) - width);
  }
  return left;
}

/**
 * The vertical extent of a y title rotated by −90° and centred at `middle`: its measured length, or null without a
 * measure (then every tick label counts).
 */
export function yTitleSpan(title: SVGTextElement | null, middle: number): [number, number] | undefined {
  const length = title ? textLength(title) : 0;
  return length > 0 ? [middle - length / 2 - 2, middle + length / 2 + 2] : undefined;
}

/**
 * Where a y-axis title rotated by −90° goes: its baseline's distance from the chart's left edge, computed from the tick
 * labels' measured width rather than fixed, so that a wide label ("2.00e7" in presenter type) never runs into it. Its
 * glyphs' line box reaches from 1 em left of the baseline to 0.25 em right of it (`fontSize`: the title's own); it keeps
 * `preferred` when that leaves Y_TITLE_GAP px before the widest label and is inside the chart, moves left of the
 * labels when not, and never leaves the chart (larger type moves it right of `preferred`): `extra` is how far the plot must move right to give it room (0 when it fits). Without a measure (no layout),
 * `preferred`.
 */
export function yTitlePlace(
  axisX: number,
  labelsLeft: number | null,
  fontSize: number,
  preferred: number,
): { offset: number; extra: number } {
  if (labelsLeft === null || !(fontSize > 0)) return { offset: preferred, extra: 0 };
  const fits = axisX + labelsLeft - Y_TITLE_GAP - 0.25 * fontSize;
  const lowest = fontSize + 1;
  if (fits >= lowest) return { offset: Math.max(lowest, Math.min(preferred, fits)), extra: 0 };
  return { offset: lowest, extra: Math.ceil(lowest - fits) };
}

/** The computed font size of an element, px (`fallback` where there is no style). */
export function fontSizeOf(element: Element | null, fallback: number): number {
  const view = element?.ownerDocument?.defaultView;
  const size = element && view ? Number.parseFloat(view.getComputedStyle(element).fontSize) : Number.NaN;
  return Number.isFinite(size) && size > 0 ? size : fallback;
}
