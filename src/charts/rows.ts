/**
 * Pieces shared by the toolkit's row charts (tornado.ts, sobol.ts): one horizontal row per factor, the factor's name
 * right-aligned in the left margin, a value axis under the rows. Pure D3 on a given SVG.
 */
import { type Axis, type NumberValue, type ScaleBand, scaleBand, select } from 'd3';
import { drawAxisTitles, layerOf, type PlotBox } from './frame';

type Svg = ReturnType<typeof select<SVGSVGElement, unknown>>;

export interface RowChartOptions {
  width: number;
  /** height per row, px */
  rowHeight: number;
  xLabel: string;
  locale: string;
}

export const ROW_MARGIN = { top: 8, right: 20, bottom: 46, left: 176 };

/** The chart's height for a number of rows. */
export function rowChartHeight(rows: number, rowHeight: number): number {
  return ROW_MARGIN.top + ROW_MARGIN.bottom + Math.max(1, rows) * rowHeight;
}

/** Sizes the SVG for `names.length` rows; returns the selection, the plot box and the rows' band scale. */
export function rowChartFrame(
  svgElement: SVGSVGElement,
  rows: number,
  o: RowChartOptions,
  padding: number,
): { svg: Svg; box: PlotBox; band: ScaleBand<number> } {
  const width = Math.max(320, o.width);
  const height = rowChartHeight(rows, o.rowHeight);
  const svg = select(svgElement).attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
  const box = {
    left: ROW_MARGIN.left,
    right: width - ROW_MARGIN.right,
    top: ROW_MARGIN.top,
    bottom: height - ROW_MARGIN.bottom,
  };
  const band = scaleBand<number>()
    .domain(Array.from({ length: rows }, (_, i) => i))
    .range([box.top, box.bottom])
    .padding(padding);
  return { svg, box, band };
}

/** The factors' names in the left margin, and the value axis with its title under the rows. */
export function drawRowFrame(
  svg: Svg,
  names: readonly string[],
  band: ScaleBand<number>,
  box: PlotBox,
  axis: Axis<NumberValue>,
  xLabel: string,
): void {
  layerOf(svg, 'names')
    .selectAll('text')
    .data(names)
    .join('text')
    .attr('class', 'row-label')
    .attr('font-size', 12)
    .attr('text-anchor', 'end')
    .attr('x', box.left - 6)
    .attr('y', (_, i) => (band(i) ?? 0) + band.bandwidth() / 2 + 4)
    .text((name) => name);
  layerOf(svg, 'axis x-axis').attr('transform', `translate(0,${box.bottom})`).call(axis);
  drawAxisTitles(layerOf(svg, 'labels'), box, xLabel, '', 12);
}
