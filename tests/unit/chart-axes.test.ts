// @vitest-environment happy-dom
// A slider move redraws the curves, not the axes: a redraw whose scales and titles are those already drawn leaves the
// ticks and their labels untouched (rebuilding them re-laid out ~30 labels per chart at every move), and a redraw
// with other scales, size or language draws them anew, the same as a first draw.
import { describe, expect, it } from 'vitest';
import { drawTimeSeries } from '../../src/charts/timeSeries';

const SVG_NS = 'http://www.w3.org/2000/svg';
const days = Float64Array.from({ length: 29 }, (_, i) => i);
const curve = (k: number) => Float64Array.from(days, (t) => 50 * Math.exp(k * t));
const options = { id: 'v', horizon: 28, width: 600, height: 240, logScale: true, xLabel: 'days', yLabel: 'mm³' };

function draw(svg: SVGSVGElement, k: number, more: Partial<typeof options> & { locale?: string } = {}): void {
  drawTimeSeries(
    svg,
    { lines: [{ arm: 1, slot: 0, series: 'tumourVolume', t: days, values: curve(k) }] },
    {
      ...options,
      ...more,
    },
  );
}

function fresh(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  document.body.append(svg);
  return svg;
}

describe('time-series axes', () => {
  it('are not rewritten when a redraw keeps the scales, while the curve is', () => {
    const svg = fresh();
    draw(svg, 0.1);
    const before = svg.querySelector('g.y-axis')?.innerHTML;
    const path = svg.querySelector('path.line')?.getAttribute('d');
    const observer = new MutationObserver(() => undefined);
    observer.observe(svg, { subtree: true, attributes: true, childList: true, characterData: true });
    draw(svg, 0.1001); // a small move: the same niced log domain
    const records = observer.takeRecords();
    observer.disconnect();
    const inside = (selector: string) =>
      records.filter((r) => {
        const target = r.target instanceof Element ? r.target : r.target.parentElement;
        return target?.closest(selector) != null;
      }).length;
    expect(inside('g.axis, text.axis-label')).toBe(0);
    expect(inside('path.line')).toBeGreaterThan(0);
    expect(svg.querySelector('path.line')?.getAttribute('d')).not.toBe(path);
    expect(svg.querySelector('g.y-axis')?.innerHTML).toBe(before);
  });

  it('are drawn anew, as on a first draw, when the scale, the size or the language changes', () => {
    for (const [k, more] of [
      [0.25, {}],
      [0.1, { width: 800 }],
      [0.1, { locale: 'ja' }],
      [0.1, { yLabel: 'cm³' }],
    ] as const) {
      const redrawn = fresh();
      draw(redrawn, 0.1);
      draw(redrawn, k, more);
      const first = fresh();
      draw(first, k, more);
      expect(redrawn.querySelector('g.y-axis')?.outerHTML).toBe(first.querySelector('g.y-axis')?.outerHTML);
      expect(redrawn.querySelector('g.x-axis')?.outerHTML).toBe(first.querySelector('g.x-axis')?.outerHTML);
      expect(redrawn.querySelector('text.y-label')?.textContent).toBe(first.querySelector('text.y-label')?.textContent);
    }
  });

  it('a redraw writes only what changed: nothing for the same data, the curve and its cursor dot for a new one', () => {
    const svg = fresh();
    const drawAt = (k: number) =>
      drawTimeSeries(
        svg,
        {
          lines: [{ arm: 1, slot: 0, series: 'tumourVolume', t: days, values: curve(k) }],
          doses: [7, 14].map((day) => ({ day, drug: 'atezolizumab', row: 0, slot: 0 })),
          doseLabels: { atezolizumab: 'atezo' },
        },
        { ...options, cursorDay: 10 },
      );
    drawAt(0.1);
    const observer = new MutationObserver(() => undefined);
    observer.observe(svg, { subtree: true, attributes: true, childList: true, characterData: true });
    drawAt(0.1);
    expect(observer.takeRecords().map((r) => `${r.type} ${r.attributeName ?? ''}`)).toEqual([]);
    drawAt(0.1001);
    const written = observer.takeRecords().map((r) => {
      const target = r.target as Element;
      return `${target.getAttribute('class') ?? target.nodeName} ${r.attributeName}`;
    });
    observer.disconnect();
    expect(written.sort()).toEqual(['circle cy', 'line main d']);
  });

  it('come back when the svg was emptied', () => {
    const svg = fresh();
    draw(svg, 0.1);
    svg.replaceChildren();
    draw(svg, 0.1);
    expect(svg.querySelectorAll('g.y-axis .tick').length).toBeGreaterThan(2);
  });
});
