/**
 * Exports of what the charts show: a drawn chart as a stand-alone SVG (styles inlined, with a title and a legend, so
 * it looks the same in a paper or a slide as on screen) or a PNG at twice the size; the data as tidy CSV; any text as
 * a file. Pure functions of their inputs plus the DOM; nothing here knows where the data came from.
 */
import { csvField } from '../formats/csv';

export interface LegendEntry {
  name: string;
  colour: string;
  /** SVG stroke-dasharray, '' for solid */
  dash: string;
}

/** Presentation properties copied from the live chart into the exported copy. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, "Segoe UI", "Liberation Sans", "Noto Sans", "Noto Sans CJK JP", sans-serif';

/**
 * Styles are written through the CSSOM (element.style), never as a style attribute: the page's Content-Security-Policy
 * has no 'unsafe-inline' for styles, which blocks setAttribute('style', …) but not the CSSOM. Serialised, they become
 * the exported file's style attributes all the same.
 */
function inlineStyles(source: Element, target: SVGElement): void {
  const computed = getComputedStyle(source);
  target.style.cssText = '';
  for (const property of STYLE_PROPERTIES) {
    const value = computed.getPropertyValue(property);
    if (value) target.style.setProperty(property, value);
  }
  const from = source.children;
  const to = target.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i], to[i] as SVGElement);
}

function text(x: number, y: number, content: string, size: number, weight = 'normal'): SVGTextElement {
  const el = document.createElementNS(SVG_NS, 'text');
  el.setAttribute('x', String(x));
  el.setAttribute('y', String(y));
  el.style.setProperty('font-family', FONT);
  el.style.setProperty('font-size', `${size}px`);
  el.style.setProperty('font-weight', weight);
  el.style.setProperty('fill', '#14202e');
  // textContent, never markup: arm names are user text
  el.textContent = content;
  return el;
}

/** Characters set in full width (CJK ideographs, kana, full-width forms): a line may break between any two. */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/**
 * `content` cut into lines of at most `maxWidth` pixels at `size` px (estimated: full-width characters 1 em, others
 * 0.6 em), breaking after spaces or between full-width characters; a word longer than a line keeps a line of its own.
 * The lines joined give `content` back exactly (each keeps its trailing space).
 */
export function wrapText(content: string, size: number, maxWidth: number): string[] {
  const tokens =
    content.match(
      /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef][、。，．）」』]?|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+\s*|\s+/gu,
    ) ?? [];
  const widthOf = (t: string) => [...t].reduce((w, c) => w + (WIDE.test(c) ? size : 0.6 * size), 0);
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line !== '' && widthOf((line + token).trimEnd()) > maxWidth) {
      lines.push(line);
      line = '';
    }
    line += token;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** A text of several lines (tspans, `lineHeight` apart) whose textContent is the lines joined. */
function lines(x: number, y: number, content: readonly string[], size: number, lineHeight: number, weight = 'normal') {
  const el = text(x, y, '', size, weight);
  content.forEach((line, i) => {
    const span = document.createElementNS(SVG_NS, 'tspan');
    span.setAttribute('x', String(x));
    span.setAttribute('y', String(y + i * lineHeight));
    span.textContent = line;
    el.append(span);
  });
  return el;
}

/**
 * A stand-alone copy of a drawn chart: computed styles inlined, interaction layers removed, a white background, the
 * title above the plot and a legend (one row per arm: line sample and name) below it, then `notes` (one line each:
 * e.g. the model parameters changed from their defaults, so that a figure taken out of the page says so).
 */
export function chartToSvg(
  svg: SVGSVGElement,
  title: string,
  legend: LegendEntry[],
  notes: readonly string[] = [],
): string {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width || Number(svg.getAttribute('width')) || 640);
  const height = Math.round(box.height || Number(svg.getAttribute('height')) || 320);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  for (const el of copy.querySelectorAll('.overlay, .cursor')) el.remove();
  copy.removeAttribute('aria-hidden');
  copy.removeAttribute('data-testid');
  copy.removeAttribute('class');

  // a title or note wider than the figure wraps (a figure of a two-column grid is narrow)
  const titleLines = wrapText(title, 16, width - 24);
  const noteLines = notes.map((note) => wrapText(note, 12, width - 24));
  const titleHeight = 12 + 20 * titleLines.length;
  const rowHeight = 22;
  const legendHeight = legend.length > 0 ? legend.length * rowHeight + 12 : 0;
  const noteRows = noteLines.reduce((n, l) => n + l.length, 0);
  const notesHeight = noteRows > 0 ? noteRows * 16 + 2 * noteLines.length + 8 : 0;
  const totalHeight = titleHeight + height + legendHeight + notesHeight;

  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  // which release made the file (also what makes each release's export chunk a file of its own)
  out.setAttribute('data-release', __TIMESCAPE_RELEASE__);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(totalHeight));
  out.setAttribute('viewBox', `0 0 ${width} ${totalHeight}`);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(totalHeight));
  background.setAttribute('fill', '#ffffff');
  out.append(background);
  const heading = lines(12, 22, titleLines, 16, 20, 'bold');
  heading.setAttribute('class', 'title');
  out.append(heading);

  const plot = document.createElementNS(SVG_NS, 'g');
  plot.setAttribute('class', 'chart');
  plot.setAttribute('transform', `translate(0,${titleHeight})`);
  // the chart's own <svg> becomes a nested viewport of the same size
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  plot.append(copy);
  out.append(plot);

  const legendGroup = document.createElementNS(SVG_NS, 'g');
  legendGroup.setAttribute('class', 'legend');
  legendGroup.setAttribute('transform', `translate(12,${titleHeight + height + 8})`);
  legend.forEach((entry, i) => {
    const y = i * rowHeight + 10;
    const sample = document.createElementNS(SVG_NS, 'line');
    sample.setAttribute('x1', '0');
    sample.setAttribute('x2', '36');
    sample.setAttribute('y1', String(y));
    sample.setAttribute('y2', String(y));
    sample.setAttribute('stroke', entry.colour);
    sample.setAttribute('stroke-width', '3');
    if (entry.dash) sample.setAttribute('stroke-dasharray', entry.dash);
    legendGroup.append(sample, text(46, y + 5, entry.name, 13));
  });
  out.append(legendGroup);
  if (notes.length > 0) {
    const notesGroup = document.createElementNS(SVG_NS, 'g');
    notesGroup.setAttribute('class', 'notes');
    notesGroup.setAttribute('transform', `translate(12,${titleHeight + height + legendHeight + 4})`);
    let y = 13;
    for (const note of noteLines) {
      notesGroup.append(lines(0, y, note, 12, 16));
      y += note.length * 16 + 2;
    }
    out.append(notesGroup);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}`;
}

/** Size of an SVG written by chartToSvg. */
export function svgSize(svgText: string): { width: number; height: number } {
  const width = Number(/<svg[^>]*\swidth="(\d+)"/.exec(svgText)?.[1] ?? 640);
  const height = Number(/<svg[^>]*\sheight="(\d+)"/.exec(svgText)?.[1] ?? 320);
  return { width, height };
}

/** A PNG of an SVG at `scale` times its size (2 for print and high-density screens). */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const { width, height } = svgSize(svgText);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart image could not be drawn'));
    });
    image.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export interface ArmData {
  name: string;
  t: Float64Array;
  series: Record<string, Float64Array>;
}

/** An arm's uncertainty band of one series (the 5 %, 50 % and 95 % quantiles at the arm's output times). */
export interface BandColumns {
  lower: Float64Array;
  median: Float64Array;
  upper: Float64Array;
}

/** A measurement as the tidy CSV writes it (the researcher's file, store/measurements.ts). */
export interface TidyMeasurement {
  arm: string;
  day: number;
  series: string;
  value: number;
  sd?: number;
  n?: number;
}

/** A fitted factor as the tidy CSV writes it: its estimate, standard error and 95 % interval. */
export interface TidyFitted {
  name: string;
  estimate: number;
  standardError: number;
  lower: number;
  upper: number;
}

export interface TidyOptions {
  /** per arm name, per series: the band's quantiles (columns p5, p50, p95; empty where a series has none) */
  bands?: ReadonlyMap<string, Readonly<Record<string, BandColumns>>>;
  /** the model parameters changed from their defaults, `id=value;...` ('' when none) */
  changed?: string;
  /** imported measurements: rows with source 'measured' (and their SD and n) */
  measurements?: readonly TidyMeasurement[];
  /** the fitted model's curves: rows with source 'fitted' */
  fittedCurves?: readonly ArmData[];
  /** the fitted values: one row each with source 'fit' (series = the factor, value = the estimate, se, lower, upper) */
  fitted?: readonly TidyFitted[];
}

export const TIDY_HEADER = 'arm,day,series,value,p5,p50,p95,changed_parameters,source,sd,n,se,lower,upper';

/**
 * Tidy CSV: one row per arm, day and series (header TIDY_HEADER); numbers in full precision. p5/p50/p95: the
 * uncertainty band's quantiles when it was computed for the scenario (else empty); changed_parameters: the same on
 * every row, as in the toolkit's CSVs, so a row read alone still says how it was made. source: 'model' (the curves),
 * 'measured' (an imported measurement, with its sd and n where the file gave them), 'fitted' (the fitted model's
 * curve) or 'fit' (a fitted value: arm and day empty, series the factor, value the estimate, se its standard error,
 * lower and upper its 95 % interval).
 */
export function tidyCsv(arms: ArmData[], options: TidyOptions = {}): string {
  const lines = [TIDY_HEADER];
  const changed = csvField(options.changed ?? '');
  const num = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '' : String(x));
  for (const arm of arms) {
    const name = csvField(arm.name);
    const bands = options.bands?.get(arm.name);
    for (const series of Object.keys(arm.series)) {
      const values = arm.series[series];
      const band = bands?.[series];
      const fits = band !== undefined && band.median.length === arm.t.length;
      for (let i = 0; i < arm.t.length; i++) {
        const q = fits ? `${band.lower[i]},${band.median[i]},${band.upper[i]}` : ',,';
        lines.push(`${name},${arm.t[i]},${csvField(series)},${values[i]},${q},${changed},model,,,,,`);
      }
    }
  }
  for (const m of options.measurements ?? [])
    lines.push(
      `${csvField(m.arm)},${m.day},${csvField(m.series)},${m.value},,,,${changed},measured,${num(m.sd)},${num(m.n)},,,`,
    );
  for (const arm of options.fittedCurves ?? []) {
    const name = csvField(arm.name);
    for (const series of Object.keys(arm.series)) {
      const values = arm.series[series];
      for (let i = 0; i < arm.t.length; i++)
        lines.push(`${name},${arm.t[i]},${csvField(series)},${values[i]},,,,${changed},fitted,,,,,`);
    }
  }
  for (const f of options.fitted ?? [])
    lines.push(
      `,,${csvField(f.name)},${f.estimate},,,,${changed},fit,,,${num(f.standardError)},${num(f.lower)},${num(f.upper)}`,
    );
  return `${lines.join('\r\n')}\r\n`;
}

/** Saves `data` as a file through a temporary link (no server round trip; works offline). */
export function download(filename: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
