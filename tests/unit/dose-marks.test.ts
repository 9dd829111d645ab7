// @vitest-environment happy-dom
// Dose marks are drawn in aggregate: one path per drug row whatever the number of doses, at most one mark per pixel
// column, and a redraw with the same doses (a cursor move) leaves the path alone.
import { describe, expect, it } from 'vitest';
import { type DoseTick, drawTimeSeries } from '../../src/charts/timeSeries';
import { SCHEDULE_LIMITS } from '../../src/scenario/limits';
import { DRUG_IDS } from '../../src/scenario/types';

const days = Float64Array.from({ length: 100 }, (_, i) => i * 18.25);
const line = { arm: 0, slot: 0, series: 'tumourVolume', t: days, values: days.map((d) => 10 + d) };

/** The most dose ticks one arm can have: every drug at the limit of doses, as densely as allowed. */
function worstTicks(): DoseTick[] {
  const ticks: DoseTick[] = [];
  DRUG_IDS.forEach((drug, row) => {
    for (let k = 0; k < SCHEDULE_LIMITS.maxDoses; k++)
      ticks.push({ day: k * SCHEDULE_LIMITS.interval.min, drug, row, slot: 0 });
  });
  return ticks;
}

function draw(svg: SVGSVGElement, doses: DoseTick[], cursorDay: number | null): void {
  drawTimeSeries(svg, { lines: [line], doses }, { id: 'v', horizon: 1825, width: 600, height: 240, cursorDay });
}

describe('dose marks in aggregate', () => {
  it('16,000 doses of one arm draw 8 paths, each with at most one mark per pixel column', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg') as SVGSVGElement;
    const ticks = worstTicks();
    expect(ticks).toHaveLength(DRUG_IDS.length * SCHEDULE_LIMITS.maxDoses);
    draw(svg, ticks, null);
    const paths = [...svg.querySelectorAll('path.dose')];
    expect(paths).toHaveLength(DRUG_IDS.length);
    expect(svg.querySelectorAll('g.doses *')).toHaveLength(DRUG_IDS.length);
    for (const p of paths) {
      expect(p.getAttribute('data-count')).toBe(String(SCHEDULE_LIMITS.maxDoses));
      const marks = (p.getAttribute('d') ?? '').split('M').length - 1;
      expect(marks).toBeGreaterThan(0);
      expect(marks).toBeLessThanOrEqual(600);
    }
    // the same element count for 3 doses as for 16,000
    const few = document.createElementNS('http://www.w3.org/2000/svg', 'svg') as SVGSVGElement;
    draw(
      few,
      ticks.filter((t) => t.day < 1),
      null,
    );
    expect(few.querySelectorAll('*').length).toBe(svg.querySelectorAll('*').length);
  });

  it('a cursor move redraws no dose path', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg') as SVGSVGElement;
    const ticks = worstTicks();
    draw(svg, ticks, null);
    const before = [...svg.querySelectorAll('path.dose')].map((p) => p.getAttribute('d'));
    let writes = 0;
    for (const p of svg.querySelectorAll('path.dose')) {
      const set = p.setAttribute.bind(p);
      p.setAttribute = (name: string, value: string) => {
        if (name === 'd') writes++;
        set(name, value);
      };
    }
    for (const day of [10, 200, 900]) draw(svg, ticks, day);
    expect(writes).toBe(0);
    expect([...svg.querySelectorAll('path.dose')].map((p) => p.getAttribute('d'))).toEqual(before);
  });
});

describe('dose strip and the time axis title', () => {
  it('with a dose row for every drug, the lowest row ends above the axis title', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg') as SVGSVGElement;
    const ticks = DRUG_IDS.map((drug, row) => ({ day: 100, drug, row, slot: 0 }));
    drawTimeSeries(
      svg,
      { lines: [line], doses: ticks },
      { id: 'v', horizon: 1825, width: 600, height: 240, xLabel: 'days' },
    );
    const title = svg.querySelector('text.x-label');
    const titleBaseline = Number(title?.getAttribute('y'));
    // the title's glyphs rise about 0.8 em (13 px font) above its baseline
    const titleTop = titleBaseline - 0.8 * 13;
    const lowest = Math.max(
      ...[...svg.querySelectorAll('path.dose')].map((p) => {
        const m = /M[\d.]+,([\d.]+)v(\d+)/.exec(p.getAttribute('d') ?? '');
        return Number(m?.[1]) + Number(m?.[2]);
      }),
    );
    expect(svg.querySelectorAll('path.dose')).toHaveLength(DRUG_IDS.length);
    expect(lowest).toBeLessThan(titleTop);
    expect(titleBaseline).toBeLessThanOrEqual(240);
  });
});
