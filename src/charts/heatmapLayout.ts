/**
 * The heat map's layout (charts/heatmap.ts), apart from its drawing: the page sizes the figure's box from it without
 * loading the drawing code (d3's colour schemes), which arrives as its own chunk when a heat map is first shown.
 */
export const HEATMAP_MARGIN = { top: 26, right: 12, bottom: 48, left: 62 };
/** the colour bar under the panels */
export const LEGEND_HEIGHT = 64;

export interface HeatmapLayout {
  columns: number;
  rows: number;
  /** the side of one panel's square plot */
  plot: number;
  panelWidth: number;
  panelHeight: number;
  height: number;
}

/** Panels side by side as many as fit (each plot 150–300 px square), wrapping onto more rows. */
export function heatmapLayout(width: number, panels: number): HeatmapLayout {
  const w = Math.max(240, width);
  const n = Math.max(1, panels);
  const outer = HEATMAP_MARGIN.left + HEATMAP_MARGIN.right;
  const columns = Math.max(1, Math.min(n, Math.floor(w / (150 + outer))));
  const plot = Math.max(120, Math.min(300, Math.floor(w / columns) - outer));
  const rows = Math.ceil(n / columns);
  const panelWidth = plot + outer;
  const panelHeight = plot + HEATMAP_MARGIN.top + HEATMAP_MARGIN.bottom;
  return { columns, rows, plot, panelWidth, panelHeight, height: rows * panelHeight + LEGEND_HEIGHT };
}
