// One number format per column: a column that needs scientific notation anywhere uses it everywhere, otherwise one
// count of decimals; a change beyond tenfold reads as a fold change instead of a five-digit percentage.
import { describe, expect, it } from 'vitest';
import { formatColumn, formatPercentChange } from '../../src/charts/format';

describe('formatColumn', () => {
  it('never puts 0.001 beside 1.00e-4, nor 708,496 beside 1.76e6', () => {
    expect(formatColumn([0.001, 0.0001])).toEqual(['1.00e-3', '1.00e-4']);
    expect(formatColumn([708_496, 1_760_000])).toEqual(['7.08e5', '1.76e6']);
  });

  it('uses the decimals the smallest value needs for ordinary magnitudes, and keeps 0 and missing values', () => {
    expect(formatColumn([1412, 3.5, 0])).toEqual(['1,412', '3.5', '0']);
    expect(formatColumn([0.356, 0.25])).toEqual(['0.356', '0.25']);
    expect(formatColumn([Number.NaN, 12])).toEqual(['–', '12']);
    expect(formatColumn([1234.5], 'ja')).toEqual(['1,235']);
  });
});

describe('formatPercentChange', () => {
  it('says a rise beyond tenfold as a fold change', () => {
    expect(formatPercentChange(1, 1638.57)).toBe('×1,639');
    expect(formatPercentChange(1, 12.34)).toBe('×12.3');
    expect(formatPercentChange(100, 142)).toBe('+42 %');
    expect(formatPercentChange(100, 85)).toBe('−15 %');
  });
});
