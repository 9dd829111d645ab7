/**
 * Heat map of a 2-D scan: a readout over a grid of values of two variables, one panel per arm (small multiples that
 * share one colour scale, so a colour means the same number in every panel). Colours are viridis (perceptually
 * uniform, readable in grey and by the common colour-vision deficiencies, and dark-to-light so that it survives a
 * washed-out projector); a labelled colour bar gives the readout and its unit; cells whose value is not finite are
 * drawn in light grey with a cross. Cells are equal in size whatever the spacing of the values (a log-spaced axis
 * keeps equal cells); the ticks name the values. Pure function of (svg, data, options); the values arrive computed.
 *
 * A difference between two arms (`diverging`) is drawn on a diverging scale centred on 0 instead: ColorBrewer's
 * red–blue (RdBu, readable by the common colour-vision deficiencies), blue below 0, white at 0, red above, over a
 * domain symmetric about 0 (±the largest absolute difference), so the same shade means the same size of difference
 * either way.
 */
import {
  axisBottom,
  axisLeft,
  interpolateRdBu,
  interpolateViridis,
  scaleBand,
  scaleDiverging,
  scaleLinear,
  scaleSequential,
  select,
} from 'd3';
import { layerOf } from './frame';
import { HEATMAP_MARGIN, heatmapLayout, TITLE_LINE } from './heatmapLayout';
import { inkOn } from './palette';
import { measuredTextWidth, wrapText } from './textWidth';

export { HEATMAP_MARGIN, type HeatmapLayout, heatmapLayout } from './heatmapLayout';

export interface HeatmapPanel {
  name: string;
  /** one value per grid point, index i0 * y.length + i1 (the second variable varies fastest) */
  values: readonly number[];
}

export interface HeatmapData {
  /** the first variable's values (columns, left to right) */
  x: readonly number[];
  /** the second variable's values (rows, bottom to top) */
  y: readonly number[];
  panels: readonly HeatmapPanel[];
}

export interface HeatmapOptions {
  width: number;
  xLabel: string;
  yLabel: string;
  /** the colour bar's title: the readout with its unit */
  valueLabel: string;
  locale: string;
  /** a difference: diverging colours centred on 0 (see the header) */
  diverging?: boolean;
}

const MISSING = '#d9d9d9';

/** The colour domain shared by all panels: the finite values' range (a flat map gets ±1 around its value). */
export function heatmapDomain(panels: readonly HeatmapPanel[]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const p of panels)
    for (const v of p.values) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  if (!Number.isFinite(lo)) return [0, 1];
  if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) return [lo - 1, hi + 1];
  return [lo, hi];
}

/** The diverging domain: symmetric about 0, ± the largest absolute finite value (±1 when all are 0 or none). */
export function divergingDomain(panels: readonly HeatmapPanel[]): [number, number] {
  let m = 0;
  for (const p of panels) for (const v of p.values) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  if (!(m > 0)) m = 1;
  return [-m, m];
}

/** The colour of a value on the shared scale (MISSING when it is not finite). */
export function heatmapColour(domain: [number, number], diverging = false): (v: number) => string {
  if (diverging) {
    // RdBu runs red (0) to blue (1): reversed, so that negative differences are blue and positive ones red
    const scale = scaleDiverging((t: number) => interpolateRdBu(1 - t)).domain([domain[0], 0, domain[1]]);
    return (v) => (Number.isFinite(v) ? scale(v) : MISSING);
  }
  const scale = scaleSequential(interpolateViridis).domain(domain);
  return (v) => (Number.isFinite(v) ? scale(v) : MISSING);
}

/** Black or white, whichever reads better on a colour given as #rrggbb or rgb(r, g, b). */
function inkOnHex(colour: string): string {
  const hex = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return inkOn([hex[1], hex[2], hex[3]].map((h) => Number.parseInt(h, 16)));
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(colour);
  return inkOn(rgb ? [rgb[1], rgb[2], rgb[3]].map(Number) : [128, 128, 128]);
}

interface Cell {
  i0: number;
  i1: number;
  v: number;
}

/** At most about `max` tick indices of n, evenly spread, always the first and the last. */
function tickIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const step = Math.ceil((n - 1) / (max - 1));
  const out: number[] = [];
  for (let i = 0; i < n - 1; i += step) out.push(i);
  // the last value always has a tick; one crowding it is dropped
  if (out.length > 1 && n - 1 - (out.at(-1) ?? 0) < step / 2 + 1) out.pop();
  out.push(n - 1);
  return out;
}

export function drawHeatmap(svgElement: SVGSVGElement, data: HeatmapData, o: HeatmapOptions): void {
  const width = Math.max(240, o.width);
  const layout = heatmapLayout(
    width,
    data.panels.length,
    data.panels.map((p) => p.name),
  );
  const svg = select(svgElement)
    .attr('viewBox', `0 0 ${width} ${layout.height}`)
    .attr('width', width)
    .attr('height', layout.height)
    .attr('data-scale', o.diverging ? 'diverging' : 'viridis');
  const format = (v: number) => v.toLocaleString(o.locale, { maximumSignificantDigits: 3 });
  const domain = o.diverging ? divergingDomain(data.panels) : heatmapDomain(data.panels);
  const colour = heatmapColour(domain, o.diverging);
  const nx = data.x.length;
  const ny = data.y.length;
  const xi = Array.from({ length: nx }, (_, i) => i);
  const yi = Array.from({ length: ny }, (_, i) => i);
  const x = scaleBand<number>().domain(xi).range([0, layout.plot]);
  const y = scaleBand<number>().domain(yi).range([layout.plot, 0]);
  const showValues = x.bandwidth() >= 30 && y.bandwidth() >= 16;

  const panels = layerOf(svg, 'panels')
    .selectAll<SVGGElement, HeatmapPanel>('g.heatmap-panel')
    .data(data.panels)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'heatmap-panel');
      g.append('text').attr('class', 'panel-title');
      g.append('g').attr('class', 'cells');
      g.append('g').attr('class', 'axis x-axis');
      g.append('g').attr('class', 'axis y-axis');
      g.append('text').attr('class', 'axis-label x-label');
      g.append('text').attr('class', 'axis-label y-label');
      return g;
    });
  panels
    .attr('data-arm', (d) => d.name)
    .attr('transform', (_, k) => {
      const col = k % layout.columns;
      const row = Math.floor(k / layout.columns);
      return `translate(${col * layout.panelWidth + HEATMAP_MARGIN.left},${row * layout.panelHeight + layout.top})`;
    });
  // one column (one arm, or a difference with its long name): the title starts at the panel's left edge, so a long
  // name runs to the right, where the page has room, instead of off the left edge; a name wider than the figure
  // takes the second line the layout gave it (measured in the title's own font), never runs off the right edge
  const title = panels
    .select<SVGTextElement>('text.panel-title')
    .attr('x', layout.columns === 1 ? -HEATMAP_MARGIN.left + 4 : layout.plot / 2)
    .attr('y', -8 - (layout.titleLines - 1) * TITLE_LINE)
    .attr('text-anchor', layout.columns === 1 ? 'start' : 'middle')
    .attr('font-weight', 'bold')
    .attr('data-full', (d) => d.name);
  title.each(function (panel) {
    const x = this.getAttribute('x') ?? '0';
    const width = (s: string) => {
      this.textContent = s;
      return measuredTextWidth(this);
    };
    const { lines, cut } = wrapText(panel.name, layout.titleWidth, width, layout.titleLines);
    this.textContent = '';
    lines.forEach((line, i) => {
      const tspan = select(this).append('tspan').attr('x', x).text(line);
      if (i > 0) tspan.attr('dy', TITLE_LINE);
    });
    // a name cut short ("…") keeps its whole text for a pointer's tooltip and a screen reader
    if (cut) select(this).append('title').text(panel.name);
  });
  panels.each(function (panel) {
    const g = select(this);
    const cells: Cell[] = [];
    for (let i0 = 0; i0 < nx; i0++)
      for (let i1 = 0; i1 < ny; i1++) cells.push({ i0, i1, v: panel.values[i0 * ny + i1] ?? Number.NaN });
    const cell = g
      .select<SVGGElement>('g.cells')
      .selectAll<SVGGElement, Cell>('g.cell')
      .data(cells)
      .join((enter) => {
        const c = enter.append('g').attr('class', 'cell');
        c.append('rect');
        c.append('text');
        return c;
      })
      .attr('transform', (c) => `translate(${x(c.i0) ?? 0},${y(c.i1) ?? 0})`)
      .attr('data-value', (c) => (Number.isFinite(c.v) ? String(c.v) : 'missing'));
    cell
      .select('rect')
      .attr('width', x.bandwidth())
      .attr('height', y.bandwidth())
      .attr('fill', (c) => colour(c.v))
      .attr('stroke', '#ffffff')
      .attr('stroke-width', 0.5);
    cell
      .select('text')
      .attr('x', x.bandwidth() / 2)
      .attr('y', y.bandwidth() / 2)
      .attr('dy', '0.35em')
      .attr('text-anchor', 'middle')
      .attr('font-size', 10)
      .attr('fill', (c) => (Number.isFinite(c.v) ? inkOnHex(colour(c.v)) : '#000000'))
      .text((c) => (!showValues ? '' : Number.isFinite(c.v) ? format(c.v) : '×'));
    g.select<SVGGElement>('g.x-axis')
      .attr('transform', `translate(0,${layout.plot})`)
      .call(
        axisBottom(x)
          .tickValues(tickIndices(nx, Math.max(2, Math.floor(layout.plot / 40))))
          .tickFormat((i) => format(data.x[i])),
      );
    g.select<SVGGElement>('g.y-axis').call(
      axisLeft(y)
        .tickValues(tickIndices(ny, Math.max(2, Math.floor(layout.plot / 24))))
        .tickFormat((i) => format(data.y[i])),
    );
    g.select('text.x-label')
      .attr('x', layout.plot / 2)
      .attr('y', layout.plot + 38)
      .attr('text-anchor', 'middle')
      .text(o.xLabel);
    g.select('text.y-label')
      .attr('transform', 'rotate(-90)')
      .attr('x', -layout.plot / 2)
      .attr('y', -HEATMAP_MARGIN.left + 14)
      .attr('text-anchor', 'middle')
      .text(o.yLabel);
  });

  // the colour bar: 48 steps (plain rectangles, so the exported file needs no gradient definitions)
  const barWidth = Math.min(360, width - 2 * HEATMAP_MARGIN.left);
  const steps = 48;
  const bar = scaleLinear().domain(domain).range([0, barWidth]);
  const legend = layerOf(svg, 'colour-legend').attr(
    'transform',
    `translate(${HEATMAP_MARGIN.left},${layout.rows * layout.panelHeight + 8})`,
  );
  legend
    .selectAll('rect.step')
    .data(Array.from({ length: steps }, (_, k) => k))
    .join('rect')
    .attr('class', 'step')
    .attr('x', (k) => (k * barWidth) / steps)
    .attr('y', 18)
    .attr('width', barWidth / steps + 0.5)
    .attr('height', 12)
    .attr('fill', (k) => colour(domain[0] + ((k + 0.5) / steps) * (domain[1] - domain[0])));
  legend
    .selectAll<SVGGElement, number>('g.legend-axis')
    .data([0])
    .join('g')
    .attr('class', 'axis legend-axis')
    .attr('transform', 'translate(0,30)')
    .call(
      axisBottom(bar)
        .ticks(5)
        .tickFormat((v) => format(Number(v))),
    );
  legend
    .selectAll('text.legend-title')
    .data([o.valueLabel])
    .join('text')
    .attr('class', 'legend-title')
    .attr('x', 0)
    .attr('y', 12)
    .text((d) => d);
}
