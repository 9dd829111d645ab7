import { describe, expect, it } from 'vitest';
import { levelFill, levelText } from '../../src/charts/palette';

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

  it('are dark on light shades and white on dark ones', () => {
    expect(levelText(0)).toBe('#000000');
    expect(levelText(1)).toBe('#ffffff');
  });
});
