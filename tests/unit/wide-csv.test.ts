// The wide CSV: a comment header, one row per whole day, one column per arm and series with its unit, six
// significant digits; names with commas or quotes stay one field.
import { describe, expect, it } from 'vitest';
import { sixDigits, type WideArm, wideCsv } from '../../src/charts/wideCsv';
import { parseCsv } from '../../src/formats/csv';

describe('wide CSV', () => {
  it('has one row per day and one column per arm and series, units in the header, six significant digits', () => {
    const t = Float64Array.from([0, 0.5, 1, 1.5, 2]);
    const arms = [
      { name: 'Control', t, series: { tumourVolume: Float64Array.from([1, 1.5, 2.123456789, 3, 4]) } },
      { name: 'A, "B"', t, series: { tumourVolume: Float64Array.from([1, 1, 1, 1, 1e-7 / 3]) } },
    ];
    const text = wideCsv(
      arms,
      [{ series: 'tumourVolume', label: 'tumour volume (mm³)' }],
      ['scenario: ?v=2&s=hcc-mouse'],
    );
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('# scenario: ?v=2&s=hcc-mouse');
    const rows = parseCsv(lines.slice(1).join('\r\n'));
    expect(rows[0]).toEqual(['day', 'Control: tumour volume (mm³)', 'A, "B": tumour volume (mm³)']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['0', '1', '2']);
    expect(rows[2][1]).toBe('2.12346');
    expect(rows[3][2]).toBe('3.33333e-8');
  });

  it('writes six significant digits without trailing zeros, and nothing for a value that is not finite', () => {
    expect(sixDigits(1697.2345)).toBe('1697.23');
    expect(sixDigits(708496)).toBe('708496');
    expect(sixDigits(0.5)).toBe('0.5');
    expect(sixDigits(Number.NaN)).toBe('');
  });

  it('carries the uncertainty band’s 5 %, 50 % and 95 % quantiles after a series that has one, read at each whole day', () => {
    const t = Float64Array.from([0, 0.5, 1]);
    const arms: WideArm[] = [
      {
        name: 'A',
        t,
        series: { tumourVolume: Float64Array.from([10, 15, 20]), cd8: Float64Array.from([1, 2, 3]) },
        bands: {
          tumourVolume: {
            lower: Float64Array.from([9, 13, 17]),
            median: Float64Array.from([10, 15, 20]),
            upper: Float64Array.from([11, 17, 24]),
          },
        },
      },
      { name: 'B', t, series: { tumourVolume: Float64Array.from([5, 5, 5]) } },
    ];
    const text = wideCsv(
      arms,
      [
        { series: 'tumourVolume', label: 'volume (mm³)' },
        { series: 'cd8', label: 'CD8 (cells)' },
      ],
      [],
    );
    const rows = parseCsv(text.trimEnd());
    expect(rows[0]).toEqual([
      'day',
      'A: volume (mm³)',
      'A: volume (mm³) p5',
      'A: volume (mm³) p50',
      'A: volume (mm³) p95',
      'A: CD8 (cells)',
      'B: volume (mm³)',
    ]);
    expect(rows[1]).toEqual(['0', '10', '9', '10', '11', '1', '5']);
    expect(rows[2]).toEqual(['1', '20', '17', '20', '24', '3', '5']);
  });
});
