// The 8 arm styles stay distinguishable for the common colour-vision deficiencies: every pair of arm colours keeps a
// CIEDE2000 difference above a stated threshold in normal vision and under simulated protanopia, deuteranopia and
// tritanopia (Machado et al. 2009, severity 1.0), and where the colours come close the dash patterns carry the
// difference (one solid, one patterned, at least 2 px). Each colour has 3:1 contrast on the chart's white (WCAG 2.1
// SC 1.4.11, non-text contrast).
import { describe, expect, it } from 'vitest';
import { ARM_COLOURS, ARM_LINE_WIDTH, armStyle, OKABE_ITO } from '../../src/charts/palette';
import { contrast, deltaE2000, difference, VISIONS, type Vision } from './colour-vision';

/** Chosen: ΔE00 10 is well above the ~2 of a just-noticeable difference, a difference that reads at a glance. */
const DISTINCT = 10;
/** Chosen: below ΔE00 15 under some vision, colour alone is not trusted; the dash patterns must differ. */
const DASH_NEEDED = 15;
const CHART_BACKGROUND = '#ffffff';
const ARMS = ARM_COLOURS.length;

function minimum(colours: readonly string[], vision: Vision): { value: number; pair: string } {
  let value = Number.POSITIVE_INFINITY;
  let pair = '';
  for (let i = 0; i < colours.length; i++)
    for (let j = i + 1; j < colours.length; j++) {
      const d = difference(colours[i], colours[j], vision);
      if (d < value) [value, pair] = [d, `${colours[i]}/${colours[j]}`];
    }
  return { value, pair };
}

describe('colour maths', () => {
  it('CIEDE2000 matches the published test pairs of Sharma, Wu & Dalal 2005', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
    expect(deltaE2000([2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514])).toBeCloseTo(0.9082, 4);
  });

  it('simulated dichromats cannot tell red from green as the models predict (and white stays white)', () => {
    expect(difference('#ff0000', '#00ff00', 'normal')).toBeGreaterThan(50);
    for (const v of VISIONS) expect(difference('#ffffff', '#ffffff', v)).toBe(0);
    // protanopia and deuteranopia collapse the red–green axis: pure red and a matched olive come close
    expect(difference('#d55e00', '#8a7a00', 'protanopia')).toBeLessThan(5);
  });
});

describe('arm palette for 8 arms', () => {
  it('prints the smallest pairwise CIEDE2000 difference per vision, before (Okabe–Ito) and after', () => {
    for (const v of VISIONS) {
      const before = minimum(OKABE_ITO, v);
      const after = minimum(ARM_COLOURS, v);
      console.log(
        `min ΔE00 ${v.padEnd(12)} before ${before.value.toFixed(2)} (${before.pair})  after ${after.value.toFixed(2)} (${after.pair})`,
      );
    }
    expect(ARMS).toBe(8);
  });

  it.each(VISIONS)(`every pair of the 8 arm colours differs by ΔE00 >= ${DISTINCT} with %s`, (vision) => {
    expect(minimum(ARM_COLOURS, vision).value).toBeGreaterThanOrEqual(DISTINCT);
  });

  it(`pairs closer than ΔE00 ${DASH_NEEDED} under any vision are one solid and one patterned line, >= 2 px`, () => {
    expect(ARM_LINE_WIDTH).toBeGreaterThanOrEqual(2);
    const close: string[] = [];
    for (let i = 0; i < ARMS; i++)
      for (let j = i + 1; j < ARMS; j++) {
        const worst = Math.min(...VISIONS.map((v) => difference(ARM_COLOURS[i], ARM_COLOURS[j], v)));
        if (worst >= DASH_NEEDED) continue;
        close.push(`${i}/${j}`);
        expect(armStyle(i).dash === '', `arms ${i} and ${j} (ΔE00 ${worst.toFixed(1)})`).not.toBe(
          armStyle(j).dash === '',
        );
      }
    expect(close.length).toBeGreaterThan(0);
  });

  it('patterned arms have distinct dash patterns, with no gap wider than 5 px or dash shorter than 2 px', () => {
    const patterns = Array.from({ length: ARMS }, (_, i) => armStyle(i).dash).filter((d) => d !== '');
    expect(new Set(patterns).size).toBe(patterns.length);
    for (const p of patterns) {
      const parts = p.split(' ').map(Number);
      for (let k = 0; k < parts.length; k++) {
        if (k % 2 === 0) expect(parts[k]).toBeGreaterThanOrEqual(2);
        else expect(parts[k]).toBeLessThanOrEqual(5);
      }
    }
  });

  it('every arm colour has at least 3:1 contrast on the chart background (WCAG 2.1 SC 1.4.11)', () => {
    for (const c of ARM_COLOURS) expect(contrast(c, CHART_BACKGROUND), c).toBeGreaterThanOrEqual(3);
  });

  it('slots beyond 8 wrap around to the same styles', () => {
    expect(armStyle(8)).toEqual(armStyle(0));
    expect(armStyle(-1)).toEqual(armStyle(7));
  });
});
