/**
 * The heat map's layout (charts/heatmap.ts), apart from its drawing: the page sizes the figure's box from it without
 * loading the drawing code (d3's colour schemes), which arrives as its own chunk when a heat map is first shown.
 */
import { estimateTextWidth } from './textWidth';

/** `top` holds one line of panel title; a title that needs two lines adds TITLE_LINE (layout.top says which) */
export const HEATMAP_MARGIN = { top: 26, right: 12, bottom: 48, left: 62 };
/** the colour bar under the panels */
export const LEGEND_HEIGHT = 64;
/** one more line of a panel's title, px */
export const TITLE_LINE = 18;
/** the size the layout assumes for a panel title (bold) when it decides whether it needs a second line: the page's */
export const TITLE_SIZE = 17;

export interface HeatmapLayout {
  columns: number;
  rows: number;
  /** the side of one panel's square plot */
  plot: number;
  panelWidth: number;
  panelHeight: number;
  height: number;
  /** lines a panel title may take (2 when a one-column figure's title is wider than the figure), and the margin above
   * each plot that holds them */
  titleLines: 1 | 2;
  top: number;
  /** the width a title may take: the whole panel in one column (it starts at the left edge), else the plot's */
  titleWidth: number;
}

/**
 * Panels side by side as many as fit (each plot 150–300 px square), wrapping onto more rows. `titles`: the panels'
 * names; in one column (a phone, or a single panel such as a difference of two arms) a name wider than the figure is
 * given two lines instead of running off its right edge.
 */
export function heatmapLayout(width: number, panels: number, titles: readonly string[] = []): HeatmapLayout {
  const w = Math.max(240, width);
  const n = Math.max(1, panels);
  const outer = HEATMAP_MARGIN.left + HEATMAP_MARGIN.right;
  const columns = Math.max(1, Math.min(n, Math.floor(w / (150 + outer))));
  const plot = Math.max(120, Math.min(300, Math.floor(w / columns) - outer));
  const rows = Math.ceil(n / columns);
  const panelWidth = plot + outer;
  const titleWidth = columns === 1 ? Math.min(w, panelWidth) - 8 : plot;
  const long = titles.some((t) => estimateTextWidth(t, TITLE_SIZE, true) > titleWidth);
  const titleLines = columns === 1 && long ? 2 : 1;
  const top = HEATMAP_MARGIN.top + (titleLines - 1) * TITLE_LINE;
  const panelHeight = plot + top + HEATMAP_MARGIN.bottom;
  return {
    columns,
    rows,
    plot,
    panelWidth,
    panelHeight,
    height: rows * panelHeight + LEGEND_HEIGHT,
    titleLines,
    top,
    titleWidth,
  };
}
