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

/** Axis titles: x under the axis (omitted when null), y rotated at `yOffset` from the left edge. */
export function drawAxisTitles(
  layer: Layer,
  box: PlotBox,
  xLabel: string | null,
  yLabel: string,
  yOffset: number,
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
