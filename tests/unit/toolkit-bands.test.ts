// Uncertainty bands: the quantiles of the ensemble members are ordered and bracket the members; the pool gives the
// same bands as a direct run; the scenario's own parameter changes stay fixed across members; the band's fill is the
// arm's colour, translucent.
import { describe, expect, it } from 'vitest';
import { bandAreas, bandFill, bandMedians } from '../../src/charts/bands';
import { ARM_COLOURS } from '../../src/charts/palette';
import { decodeScenario } from '../../src/scenario';
import { ensembleBands, ensembleBlock } from '../../src/worker/analysis';
import { runEnsembleBands } from '../../src/worker/analysisPool';
import { channelWorker } from './channel-worker';

const factory = channelWorker;

const scenario = decodeScenario('s=hcc-mouse&h=21&dt=1&arm=Control&arm=Atezo*atz:10@7-20/3').scenario;
const POINTS = 22;

describe('uncertainty bands', () => {
  it('quantiles are ordered, lie within the members and the median is the middle member', () => {
    // 5 members, 1 arm, 2 points: point 0 values 1..5, point 1 values 50..10
    const values = Float64Array.from([1, 50, 2, 40, 3, 30, 4, 20, 5, 10]);
    const q = ensembleBands(values, 5, 1, 2);
    expect(Array.from(q)).toEqual([1.2, 12, 3, 30, 4.8, 48]);
  });

  it('members differ from one another, stay finite and non-negative, and the band brackets its median', () => {
    const block = ensembleBlock({ scenario, seed: 1, series: 'tumourVolume' }, 0, 12);
    expect(block).toHaveLength(12 * 2 * POINTS);
    for (const v of block) expect(Number.isFinite(v) && v >= 0).toBe(true);
    const width = 2 * POINTS;
    const last = Array.from({ length: 12 }, (_, m) => block[m * width + POINTS - 1]);
    expect(new Set(last).size).toBe(12);
    const q = ensembleBands(block, 12, 2, POINTS);
    for (let c = 0; c < width; c++) {
      expect(q[c]).toBeLessThanOrEqual(q[width + c]);
      expect(q[width + c]).toBeLessThanOrEqual(q[2 * width + c]);
    }
    // the treated arm's band ends below the untreated arm's
    expect(q[2 * width + 2 * POINTS - 1]).toBeLessThan(q[2 * width + POINTS - 1]);
  });

  it('a parameter the user changed is kept in every member: the members move only through the others', () => {
    const fixed = { ...scenario, parameters: { sensitiveGrowthRate: 0.5 } };
    const a = ensembleBlock({ scenario: fixed, seed: 1, series: 'tumourVolume' }, 0, 4);
    const b = ensembleBlock({ scenario, seed: 1, series: 'tumourVolume' }, 0, 4);
    // a faster growth rate in every member: every member's untreated day-21 volume is larger
    for (let m = 0; m < 4; m++) expect(a[m * 2 * POINTS + POINTS - 1]).toBeGreaterThan(b[m * 2 * POINTS + POINTS - 1]);
  });

  it('several series at once: each member holds every series in turn, each equal to its own one-series run, and the pool gives their quantiles', async () => {
    const series = ['tumourVolume', 'cd8', 'pge2Plasma'] as const;
    const all = ensembleBlock({ scenario, seed: 1, series }, 0, 3);
    const width = 2 * POINTS;
    expect(all).toHaveLength(3 * series.length * width);
    series.forEach((name, s) => {
      const one = ensembleBlock({ scenario, seed: 1, series: name }, 0, 3);
      for (let m = 0; m < 3; m++)
        expect(Array.from(all.subarray((m * series.length + s) * width, (m * series.length + s + 1) * width))).toEqual(
          Array.from(one.subarray(m * width, (m + 1) * width)),
        );
    });
    const q = await runEnsembleBands({ scenario, seed: 1, series }, 3, POINTS, () => {}, { workers: 1, factory })
      .result;
    expect(Array.from(q)).toEqual(Array.from(ensembleBands(all, 3, series.length * 2, POINTS)));
    // the CD8 band (series 1) of arm 0 at the last point lies between its 5 % and 95 % ends
    const w = series.length * width;
    const at = (k: number) => q[k * w + 1 * width + POINTS - 1];
    expect(at(0)).toBeLessThanOrEqual(at(1));
    expect(at(1)).toBeLessThanOrEqual(at(2));
  });

  it('the pool gives the bands of the direct run, with progress to the number of members', async () => {
    const progress: number[] = [];
    const request = { scenario, seed: 1, series: 'tumourVolume' as const };
    const run = runEnsembleBands(request, 9, POINTS, (done) => progress.push(done), {
      workers: 2,
      factory,
      blockSize: 2,
    });
    const q = await run.result;
    expect(Array.from(q)).toEqual(Array.from(ensembleBands(ensembleBlock(request, 0, 9), 9, 2, POINTS)));
    expect(progress.at(-1)).toBe(9);
  });

  it("a band is the arm's colour, translucent, behind a dotted median line", () => {
    expect(bandFill(0)).toBe('rgba(0, 119, 187, 0.16)');
    expect(ARM_COLOURS[0]).toBe('#0077BB');
    const band = {
      arm: 7,
      slot: 1,
      t: Float64Array.of(0, 1),
      lower: Float64Array.of(1, 2),
      median: Float64Array.of(2, 3),
      upper: Float64Array.of(3, 4),
    };
    expect(bandAreas([band], 'tumourVolume')[0]).toMatchObject({
      arm: 7,
      series: 'tumourVolume.band',
      fill: bandFill(1),
    });
    expect(bandMedians([band], 'tumourVolume')[0]).toMatchObject({
      variant: 'secondary',
      dash: '1 3',
      values: band.median,
    });
  });
});
