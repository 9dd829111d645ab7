import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  LEVEL_BAR_COLOUR,
  levelFill,
  levelText,
  RESPONSE_PALETTE,
  SOBOL_PALETTE,
  TORNADO_PALETTE,
} from '../../src/charts/palette';
import { SOBOL_COLOURS } from '../../src/charts/sobol';
import { TORNADO_COLOURS } from '../../src/charts/tornado';
import { RESPONSE_COLOURS } from '../../src/components/cohort/chartData';
import { difference, VISIONS } from './colour-vision';

function luminance(colour: string): number {
  const hex = colour.startsWith('#') ? (colour.slice(1).match(/../g) ?? []).map((h) => Number.parseInt(h, 16)) : [];
  const rgb = hex.length === 3 ? hex : (colour.match(/\d+/g) ?? []).map(Number);
  const [r, g, b] = rgb.map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe('mechanism diagram label colours', () => {
  it('keep WCAG AA contrast (4.5:1) on every shade of the level scale', () => {
    let lowest = Number.POSITIVE_INFINITY;
    for (let i = 0; i <= 1000; i++) {
      const level = i / 1000;
      lowest = Math.min(lowest, contrast(levelText(level), levelFill(level)));
    }
    expect(lowest).toBeGreaterThanOrEqual(4.5);
  });

  it('level bars and the focus ring (styles.css --focus, the same colour) have 3:1 on white and the page grey', () => {
    const css = readFileSync(new URL('../../src/styles.css', import.meta.url), 'utf8');
    const variable = (name: string) => css.match(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`))?.[1] ?? '';
    expect(variable('focus').toLowerCase()).toBe(LEVEL_BAR_COLOUR.toLowerCase());
    for (const background of ['#ffffff', variable('bg'), variable('panel')]) {
      console.log(
        `focus/level bar ${LEVEL_BAR_COLOUR} ${contrast(LEVEL_BAR_COLOUR, background).toFixed(2)}:1 on ${background}`,
      );
      expect(contrast(LEVEL_BAR_COLOUR, background)).toBeGreaterThanOrEqual(3);
    }
  });

  it('are dark on light shades and white on dark ones', () => {
    expect(levelText(0)).toBe('#000000');
    expect(levelText(1)).toBe('#ffffff');
  });
});

// The bar charts' and the trial's response colours are graphics on the chart's white: each needs 3:1 (WCAG 2.1
// SC 1.4.11), and the colours of one chart must stay apart in normal vision and under simulated dichromacies.
describe('bar chart and response colours', () => {
  const sets = {
    'tornado (low, high)': Object.values(TORNADO_PALETTE),
    "Sobol' (S1, ST)": Object.values(SOBOL_PALETTE),
    'trial response (CR, PR, SD, PD, NE)': Object.values(RESPONSE_PALETTE),
  };

  it('Okabe–Ito orange and sky blue, used before, are below 3:1 on white (what this set replaces)', () => {
    expect(contrast('#E69F00', '#ffffff')).toBeLessThan(3);
    expect(contrast('#56B4E9', '#ffffff')).toBeLessThan(3);
  });

  it.each(Object.entries(sets))('%s: every colour has at least 3:1 contrast on white', (_name, colours) => {
    for (const c of colours) {
      console.log(`${_name} ${c} ${contrast(c, '#ffffff').toFixed(2)}:1 on white`);
      expect(contrast(c, '#ffffff')).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(Object.entries(sets))('%s: colours differ by ΔE00 >= 10 in every vision', (_name, colours) => {
    for (const v of VISIONS)
      for (let i = 0; i < colours.length; i++)
        for (let j = i + 1; j < colours.length; j++)
          expect(difference(colours[i], colours[j], v)).toBeGreaterThanOrEqual(10);
  });

  it('the charts draw with these colours', () => {
    expect(TORNADO_COLOURS).toEqual(TORNADO_PALETTE);
    expect(SOBOL_COLOURS).toEqual(SOBOL_PALETTE);
    expect(RESPONSE_COLOURS).toEqual(RESPONSE_PALETTE);
  });
});
