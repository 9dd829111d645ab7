/**
 * The calibration's time-to-response term (src/model/calibration.ts, fitDistance for 'ttr.1'): the chance that a trial
 * of IMbrave150's responders reports its step median at the second assessment, as IMbrave150 did, given the model's
 * shares of responders seen at the first and by the second assessment; the shares timeToResponse gives it; and the
 * continuous median PFS the fit reads (the Kaplan–Meier curve at the assessment days, interpolated between them).
 */
import { describe, expect, it } from 'vitest';
import {
  CALIBRATION_TARGETS,
  fitDistance,
  medianAtSecondScanChance,
  scanInterpolatedMedian,
  TRIAL_RESPONDERS,
} from '../../src/model/calibration';
import { timeToResponse } from '../../src/model/cohort';
import { kaplanMeier } from '../../src/stats';

/** The same chance by enumerating every split of n responders over (first scan, second scan, later). */
function enumerated(p1: number, p2: number, n: number): number {
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  let chance = 0;
  for (let a = 0; a <= n; a++) {
    for (let b = 0; a + b <= n; b++) {
      const c = n - a - b;
      const days = [...Array(a).fill(1), ...Array(b).fill(2), ...Array(c).fill(3)];
      // the middle response day (both middle days of an even n) at the second scan
      const middle = n % 2 === 1 ? [days[(n - 1) / 2]] : [days[n / 2 - 1], days[n / 2]];
      if (middle.some((d) => d !== 2)) continue;
      const ways = factorial(n) / (factorial(a) * factorial(b) * factorial(c));
      chance += ways * p1 ** a * (p2 - p1) ** b * (1 - p2) ** c;
    }
  }
  return chance;
}

const ttr = CALIBRATION_TARGETS.find((t) => t.id === 'ttr.1');
if (!ttr) throw new Error('no time-to-response target');
const distance = (first: number, bySecond: number) => fitDistance(ttr, { 'ttr1.1': first, 'ttr12.1': bySecond });

describe('the fit term of the median time to response (the second assessment, IMbrave150 2.8 months)', () => {
  it("counts IMbrave150's 92 responders (ORR 27.3 % of 336)", () => {
    expect(TRIAL_RESPONDERS).toBe(92);
  });

  it('is the exact chance that the step median falls on the second scan, for even and odd trials', () => {
    for (const n of [6, 7, 10, 11]) {
      for (const [p1, p2] of [
        [0.1, 0.4],
        [0.2, 0.55],
        [0.3, 0.8],
        [0.5, 0.9],
      ]) {
        expect(medianAtSecondScanChance(p1, p2, n)).toBeCloseTo(enumerated(p1, p2, n), 12);
      }
    }
  });

  it('is certain when every responder is seen at the second scan, and unlikely when few are by then', () => {
    expect(medianAtSecondScanChance(0, 1)).toBeCloseTo(1, 12);
    expect(medianAtSecondScanChance(0.13, 0.3)).toBeLessThan(1e-4);
    expect(medianAtSecondScanChance(0.13, 0.5)).toBeGreaterThan(0.4);
    expect(medianAtSecondScanChance(0.13, 0.5)).toBeLessThan(0.5);
  });

  it('grows with the share seen by the second scan and falls once half are seen at the first', () => {
    let last = 0;
    for (let p2 = 0.3; p2 <= 0.9; p2 += 0.05) {
      const c = medianAtSecondScanChance(0.13, p2);
      expect(c).toBeGreaterThan(last);
      last = c;
    }
    expect(medianAtSecondScanChance(0.55, 0.95)).toBeLessThan(medianAtSecondScanChance(0.4, 0.95));
  });

  it('does not pull the share back to 50 %: a share of 60 % by the second scan costs less than one of 50 %', () => {
    // the former term, (share - 0.5) / SE, was zero at exactly 50 %, where the step median falls on the second or
    // the third scan by chance, and charged 1.9 SE for 60 %
    expect(Math.abs(distance(0.13, 0.6))).toBeLessThan(Math.abs(distance(0.13, 0.5)));
    expect(distance(0.13, 0.5) ** 2).toBeCloseTo(-2 * Math.log(medianAtSecondScanChance(0.13, 0.5)), 12);
  });

  it('is positive when responses come too late and negative when half come at the first scan', () => {
    expect(distance(0.13, 0.44)).toBeGreaterThan(2);
    expect(distance(0.55, 0.9)).toBeLessThan(-1);
  });
});

describe('timeToResponse', () => {
  it('gives the shares of responders seen at the first assessment and by the second', () => {
    // five responders (days 42, 42, 84, 126, 168) and two non-responders (0)
    const t = timeToResponse([42, 0, 84, 42, 168, 0, 126], 42);
    expect(t.responders).toBe(5);
    expect(t.first).toBeCloseTo(2 / 5, 12);
    expect(t.firstOrSecond).toBeCloseTo(3 / 5, 12);
    expect(t.median).toBe(84);
  });
});

describe('scanInterpolatedMedian (the median PFS the fit reads)', () => {
  // ten patients, progressions seen at scans (every 42 days): 2 at day 42, 3 at 84, 2 at 126, 3 censored at 168
  const km = kaplanMeier([42, 42, 84, 84, 84, 126, 126, 168, 168, 168], [1, 1, 1, 1, 1, 1, 1, 0, 0, 0]);

  it('interpolates linearly between the scans around the crossing of 50 %', () => {
    // S = 0.8 at day 42 and 0.5 at day 84: exactly 50 % at the second scan
    expect(scanInterpolatedMedian(km, 42)).toBeCloseTo(84, 12);
    const later = kaplanMeier([42, 84, 84, 126, 126, 126, 168, 168, 168, 168], [1, 1, 1, 1, 1, 1, 0, 0, 0, 0]);
    // S = 0.9, 0.7, 0.4 at days 42, 84, 126: 50 % two thirds of the way from day 84 to day 126
    expect(scanInterpolatedMedian(later, 42)).toBeCloseTo(84 + (2 / 3) * 42, 12);
  });

  it('moves continuously when one patient progresses a scan earlier, where the step median jumps a whole scan', () => {
    const a = kaplanMeier([42, 84, 84, 126, 126, 126, 168, 168, 168, 168], [1, 1, 1, 1, 1, 1, 0, 0, 0, 0]);
    const b = kaplanMeier([42, 84, 84, 84, 126, 126, 168, 168, 168, 168], [1, 1, 1, 1, 1, 1, 0, 0, 0, 0]);
    const shift = scanInterpolatedMedian(a, 42) - scanInterpolatedMedian(b, 42);
    expect(shift).toBeGreaterThan(0);
    expect(shift).toBeLessThan(42);
  });

  it('is infinite when the curve stays above 50 % to its end', () => {
    expect(scanInterpolatedMedian(kaplanMeier([42, 84, 168, 168], [1, 0, 0, 0]), 42)).toBe(Number.POSITIVE_INFINITY);
  });
});
