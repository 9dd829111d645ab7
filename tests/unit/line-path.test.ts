// The time-series chart draws its curves with its own loop (charts/timeSeries.ts linePath) instead of d3's line():
// the path must be the very string d3 draws, with gaps, lone points, NaN and values past 3 digits.
import { line } from 'd3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linePath } from '../../src/charts/timeSeries';

describe('linePath', () => {
  it("is d3's line() path, string for string", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.double({ noNaN: false }), y: fc.double(), on: fc.boolean() }), { maxLength: 40 }),
        (points) => {
          const index = points.map((_, i) => i);
          const d3Path =
            line<number>()
              .x((i) => points[i].x)
              .y((i) => points[i].y)
              .defined((i) => points[i].on)(index) ?? '';
          const ours = linePath(
            points.length,
            (i) => points[i].x,
            (i) => points[i].y,
            (i) => points[i].on,
          );
          expect(ours).toBe(d3Path);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('draws a curve of chart coordinates as d3 does: M, then L for each point, Z for a lone point after a gap', () => {
    const y = [120.123456, 80.5, Number.NaN, 40.0004, 10, 12];
    const defined = (i: number) => Number.isFinite(y[i]) && i !== 4;
    expect(
      linePath(
        y.length,
        (i) => 64 + i * 10.12345,
        (i) => y[i],
        defined,
      ),
    ).toBe('M64,120.123L74.123,80.5M94.37,40ZM114.617,12Z');
  });
});
