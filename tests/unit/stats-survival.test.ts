/**
 * Survival statistics: Kaplan–Meier, log-rank, Cox hazard ratio.
 *
 * Published data and figures:
 * - [F63] E.J. Freireich et al., "The effect of 6-mercaptopurine on the duration of steroid-induced remissions in acute
 *   leukemia", Blood 21 (1963) 699–716: remission times (weeks) of 21 patients on 6-MP and 21 on placebo, as used by
 *   Gehan (1965) and by
 * - [KK] D.G. Kleinbaum, M. Klein, "Survival Analysis: A Self-Learning Text", Springer (ch. 2: KM table and medians,
 *   log-rank O/E and chi-square 16.79; ch. 3: Cox model for Rx alone, Breslow ties, coefficient 1.509, se 0.410,
 *   HR 4.523, 95 % CI 2.027–10.094, log likelihood −86.380).
 * - The same data (MASS::gehan) in R's coxph, Efron ties: coef 1.572, se 0.412, HR 4.817, z 3.81; likelihood ratio
 *   16.35, Wald 14.53, score (log-rank) 17.25 on 1 df.
 *
 * Everything else is checked against brute-force computations written independently below (per-subject
 * definitions, O(n²), no shared code with src/stats).
 */
import { describe, expect, it } from 'vitest';
import {
  censorMarks,
  coxBinary,
  coxHazardRatio,
  createRandom,
  kaplanMeier,
  logRank,
  logRankHazardRatio,
  medianSurvival,
  normalQuantile,
  type SurvivalSample,
  survivalAt,
} from '../../src/stats';

// [F63] 6-MP arm: 9 relapses, 12 censored (+); placebo arm: 21 relapses.
const SIX_MP: SurvivalSample = {
  time: [6, 6, 6, 7, 10, 13, 16, 22, 23, 6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35],
  event: [1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
};
const PLACEBO: SurvivalSample = {
  time: [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23],
  event: new Array(21).fill(1),
};

/** Random trial data with many ties (times rounded to whole weeks) and independent censoring. */
function randomArm(seed: number, n: number, rate: number): { time: number[]; event: number[] } {
  const rng = createRandom(seed);
  const time: number[] = [];
  const event: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = Math.ceil(rng.exponential(rate));
    const c = Math.ceil(rng.exponential(0.03));
    time.push(Math.min(t, c));
    event.push(t <= c ? 1 : 0);
  }
  return { time, event };
}

/** Brute-force KM with Greenwood variance: for each distinct time, count from the raw data. */
function naiveKaplanMeier(time: number[], event: number[]) {
  const times = [...new Set(time)].sort((a, b) => a - b);
  let s = 1;
  let g = 0;
  return times.map((t) => {
    const n = time.filter((x) => x >= t).length;
    const d = time.filter((x, i) => x === t && event[i]).length;
    s *= 1 - d / n;
    if (d > 0) g += d / (n * (n - d));
    return { t, n, d, s, g };
  });
}

describe('Kaplan–Meier', () => {
  it('reproduces the 6-MP product-limit table [F63, KK ch. 2]', () => {
    const km = kaplanMeier(SIX_MP.time, SIX_MP.event);
    const published: [number, number, number, number][] = [
      // time, at risk, relapses, S(t)
      [6, 21, 3, 0.857],
      [7, 17, 1, 0.807],
      [10, 15, 1, 0.753],
      [13, 12, 1, 0.69],
      [16, 11, 1, 0.628],
      [22, 7, 1, 0.538],
      [23, 6, 1, 0.448],
    ];
    for (const [t, n, d, s] of published) {
      const j = km.time.indexOf(t);
      expect(km.atRisk[j]).toBe(n);
      expect(km.events[j]).toBe(d);
      expect(Math.abs(km.survival[j] - s)).toBeLessThanOrEqual(0.001); // published to 3 decimals
    }
    expect(km.survival.at(-1)).toBeCloseTo(0.448, 3);
    expect(survivalAt(km, 5.9)).toBe(1);
    expect(survivalAt(km, 15)).toBeCloseTo(0.69, 3);
    expect(survivalAt(km, 100)).toBeCloseTo(0.448, 3);
  });

  it('medians: 23 weeks on 6-MP, 8 weeks on placebo [KK ch. 2]', () => {
    expect(medianSurvival(kaplanMeier(SIX_MP.time, SIX_MP.event)).median).toBe(23);
    expect(medianSurvival(kaplanMeier(PLACEBO.time, PLACEBO.event)).median).toBe(8);
  });

  it('Greenwood SE and log(−log) interval at t = 6 by hand: S = 18/21, Σ = 3/(21·18)', () => {
    const km = kaplanMeier(SIX_MP.time, SIX_MP.event);
    const s = 18 / 21;
    const sum = 3 / (21 * 18);
    const z = 1.959963984540054;
    const w = (z * Math.sqrt(sum)) / Math.abs(Math.log(s));
    expect(km.standardError[0]).toBeCloseTo(s * Math.sqrt(sum), 14); // 0.0764
    expect(km.standardError[0]).toBeCloseTo(0.0764, 4);
    expect(km.lower[0]).toBeCloseTo(s ** Math.exp(w), 14);
    expect(km.upper[0]).toBeCloseTo(s ** Math.exp(-w), 14);
  });

  it('matches a brute-force KM, Greenwood and log(−log) band on tied data', () => {
    const { time, event } = randomArm(7, 300, 0.05);
    const km = kaplanMeier(Float64Array.from(time), Uint8Array.from(event));
    const ref = naiveKaplanMeier(time, event);
    expect(km.time).toEqual(ref.map((r) => r.t));
    const z = normalQuantile(0.975);
    ref.forEach((r, j) => {
      expect(km.atRisk[j]).toBe(r.n);
      expect(km.events[j]).toBe(r.d);
      expect(km.survival[j]).toBeCloseTo(r.s, 12);
      expect(km.standardError[j]).toBeCloseTo(r.s > 0 ? r.s * Math.sqrt(r.g) : 0, 12);
      if (r.s > 0 && r.s < 1) {
        const w = (z * Math.sqrt(r.g)) / Math.abs(Math.log(r.s));
        expect(km.lower[j]).toBeCloseTo(r.s ** Math.exp(w), 12);
        expect(km.upper[j]).toBeCloseTo(r.s ** Math.exp(-w), 12);
      }
    });
  });

  it('median interval = first times the band reaches 0.5 (brute force over the band)', () => {
    for (const arm of [SIX_MP, PLACEBO, randomArm(3, 200, 0.08)]) {
      const km = kaplanMeier(arm.time, arm.event);
      const first = (curve: number[]) => {
        const j = curve.findIndex((v) => v < 0.5 - 1e-12);
        const k = curve.findIndex((v) => v <= 0.5 + 1e-12);
        if (k < 0) return null;
        return k === j ? km.time[k] : 0.5 * (km.time[k] + km.time[j]); // exactly 0.5: midpoint to the next drop
      };
      const m = medianSurvival(km);
      expect(m.lower).toBe(first(km.lower));
      expect(m.upper).toBe(first(km.upper));
    }
    // 6-MP: the upper band never falls to 0.5 (not reached); the lower band first does at 13 weeks (0.432).
    expect(medianSurvival(kaplanMeier(SIX_MP.time, SIX_MP.event))).toEqual({ median: 23, lower: 13, upper: null });
    expect(medianSurvival(kaplanMeier(PLACEBO.time, PLACEBO.event))).toEqual({ median: 8, lower: 4, upper: 11 });
  });

  it('median at an exact 0.5 plateau is the midpoint to the next drop', () => {
    // 4 subjects, deaths at 1, 2 (S = 0.5 on [2, 5)), 5: median (2 + 5) / 2.
    const km = kaplanMeier([1, 2, 5, 7], [1, 1, 1, 0]);
    expect(medianSurvival(km).median).toBe(3.5);
  });

  it('log and plain intervals: log is S·exp(±z·√Σ), plain is S ± z·SE', () => {
    const s = 18 / 21;
    const g = Math.sqrt(3 / (21 * 18));
    const z = normalQuantile(0.975);
    const log = kaplanMeier(SIX_MP.time, SIX_MP.event, { confType: 'log' });
    expect(log.lower[0]).toBeCloseTo(s * Math.exp(-z * g), 14);
    expect(log.upper[0]).toBe(1); // s·exp(z·√Σ) > 1 is clipped
    const plain = kaplanMeier(SIX_MP.time, SIX_MP.event, { confType: 'plain', level: 0.9 });
    expect(plain.lower[0]).toBeCloseTo(s - normalQuantile(0.95) * s * g, 14);
  });

  it('censoring marks: one per distinct censoring time, at the curve height', () => {
    const km = kaplanMeier(SIX_MP.time, SIX_MP.event);
    const marks = censorMarks(km);
    expect(marks.time).toEqual([6, 9, 10, 11, 17, 19, 20, 25, 32, 34, 35]);
    expect(marks.count).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1]);
    expect(marks.survival[0]).toBeCloseTo(0.857, 3);
    expect(marks.survival.at(-1)).toBeCloseTo(0.448, 3);
  });

  it('accepts boolean, number and typed event arrays alike, and rejects bad input', () => {
    const bools = SIX_MP.event as number[];
    const a = kaplanMeier(SIX_MP.time, bools);
    const b = kaplanMeier(Float64Array.from(SIX_MP.time), Uint8Array.from(bools));
    const c = kaplanMeier(
      SIX_MP.time as number[],
      bools.map((e) => e === 1),
    );
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(() => kaplanMeier([1, 2], [1])).toThrow(RangeError);
    expect(() => kaplanMeier([1, Number.NaN], [1, 1])).toThrow(RangeError);
  });

  it('curve reaching 0 has a zero band and no NaN', () => {
    const km = kaplanMeier(PLACEBO.time, PLACEBO.event);
    expect(km.survival.at(-1)).toBe(0);
    expect(km.lower.at(-1)).toBe(0);
    expect(km.upper.at(-1)).toBe(0);
    expect(km.lower.every(Number.isFinite) && km.upper.every(Number.isFinite)).toBe(true);
  });
});

describe('log-rank test', () => {
  it('6-MP vs placebo: O = 9 / 21, E = 19.25 / 10.75, chi-square 16.79, p < 0.0001 [KK ch. 2]', () => {
    const r = logRank([SIX_MP, PLACEBO]);
    expect(r.observed).toEqual([9, 21]);
    expect(r.expected[0]).toBeCloseTo(19.25, 2);
    expect(r.expected[1]).toBeCloseTo(10.75, 2);
    expect(r.statistic).toBeCloseTo(16.79, 2);
    expect(r.df).toBe(1);
    expect(r.pValue).toBeLessThan(1e-4);
    expect(r.pValue).toBeGreaterThan(1e-5);
    expect(r.expected[0] + r.expected[1]).toBeCloseTo(30, 12);
  });

  it('log-rank hazard ratio (O/E ratio) placebo vs 6-MP = (21/10.75)/(9/19.25) ≈ 4.18', () => {
    const r = logRank([SIX_MP, PLACEBO]);
    const hr = logRankHazardRatio(r, 1, 0);
    expect(hr.hazardRatio).toBeCloseTo(21 / r.expected[1] / (9 / r.expected[0]), 12);
    expect(hr.hazardRatio).toBeCloseTo(4.18, 2);
    const se = Math.sqrt(1 / r.expected[0] + 1 / r.expected[1]);
    expect(hr.lower).toBeCloseTo(hr.hazardRatio * Math.exp(-normalQuantile(0.975) * se), 12);
    expect(logRankHazardRatio(r, 0, 1).hazardRatio).toBeCloseTo(1 / hr.hazardRatio, 12);
  });

  it('two groups: matches a brute-force (O − E)² / V with hypergeometric variance', () => {
    const a = randomArm(11, 150, 0.05);
    const b = randomArm(12, 170, 0.07);
    const time = [...a.time, ...b.time];
    const event = [...a.event, ...b.event];
    const inA = time.map((_, i) => i < a.time.length);
    let o = 0;
    let e = 0;
    let v = 0;
    for (const t of [...new Set(time)].sort((x, y) => x - y)) {
      const risk = time.map((x) => x >= t);
      const n = risk.filter(Boolean).length;
      const n1 = risk.filter((r, i) => r && inA[i]).length;
      const d = time.filter((x, i) => x === t && event[i]).length;
      const d1 = time.filter((x, i) => x === t && event[i] && inA[i]).length;
      if (d === 0) continue;
      o += d1;
      e += (d * n1) / n;
      if (n > 1) v += (d * (n1 / n) * (1 - n1 / n) * (n - d)) / (n - 1);
    }
    const r = logRank([a, b]);
    expect(r.observed[0]).toBe(o);
    expect(r.expected[0]).toBeCloseTo(e, 10);
    expect(r.variance[0][0]).toBeCloseTo(v, 10);
    expect(r.statistic).toBeCloseTo(((o - e) * (o - e)) / v, 10);
  });

  it('k groups: df = k − 1, the statistic does not depend on group order, identical groups give 0', () => {
    const g = [randomArm(21, 100, 0.04), randomArm(22, 120, 0.06), randomArm(23, 90, 0.1)];
    const r1 = logRank(g);
    const r2 = logRank([g[2], g[0], g[1]]);
    expect(r1.df).toBe(2);
    expect(r2.statistic).toBeCloseTo(r1.statistic, 10);
    expect(r1.statistic).toBeGreaterThan(0);
    // With df = 2 the p-value is exp(−χ²/2) exactly.
    expect(r1.pValue).toBeCloseTo(Math.exp(-r1.statistic / 2), 14);
    const same = logRank([g[0], g[0], g[0]]);
    expect(same.statistic).toBeCloseTo(0, 12);
    expect(same.pValue).toBeCloseTo(1, 12);
  });
});

/** Brute-force Cox partial log-likelihood from its per-subject definition (Breslow or Efron). */
function naivePartialLogLik(time: number[], event: number[], x: number[], beta: number, efron: boolean): number {
  let ll = 0;
  for (const t of [...new Set(time.filter((_, i) => event[i]))]) {
    const dead = time.map((_, i) => i).filter((i) => time[i] === t && event[i]);
    const risk = time.map((_, i) => i).filter((i) => time[i] >= t);
    const riskSum = risk.reduce((s, i) => s + Math.exp(beta * x[i]), 0);
    const deadSum = dead.reduce((s, i) => s + Math.exp(beta * x[i]), 0);
    dead.forEach((i, l) => {
      ll += beta * x[i] - Math.log(riskSum - (efron ? (l / dead.length) * deadSum : 0));
    });
  }
  return ll;
}

/** Golden-section maximisation of a concave function. */
function argmax(f: (b: number) => number, lo: number, hi: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  for (let i = 0; i < 200 && b - a > 1e-12; i++) {
    const c = b - r * (b - a);
    const d = a + r * (b - a);
    if (f(c) > f(d)) b = d;
    else a = c;
  }
  return 0.5 * (a + b);
}

describe('Cox proportional hazards, one binary covariate', () => {
  it('6-MP data, Breslow ties: β 1.509, se 0.410, HR 4.523 (2.027–10.094), log L −86.380 [KK ch. 3]', () => {
    const r = coxHazardRatio(SIX_MP, PLACEBO, { ties: 'breslow' });
    expect(r.converged).toBe(true);
    expect(r.logHazardRatio).toBeCloseTo(1.509, 3);
    expect(r.standardError).toBeCloseTo(0.41, 3);
    expect(r.hazardRatio).toBeCloseTo(4.523, 3);
    expect(r.lower).toBeCloseTo(2.027, 3);
    expect(r.upper).toBeCloseTo(10.094, 3);
    expect(r.logLikelihood).toBeCloseTo(-86.38, 3);
  });

  it('6-MP data, Efron ties: β 1.572, se 0.412, HR 4.817, z 3.81; LR 16.35, Wald 14.53, score 17.25 (R coxph)', () => {
    const r = coxHazardRatio(SIX_MP, PLACEBO);
    expect(r.ties).toBe('efron');
    expect(r.logHazardRatio).toBeCloseTo(1.572, 3);
    expect(r.standardError).toBeCloseTo(0.412, 3);
    expect(r.hazardRatio).toBeCloseTo(4.817, 3);
    expect(r.waldZ).toBeCloseTo(3.81, 2);
    expect(r.likelihoodRatioStatistic).toBeCloseTo(16.35, 2);
    expect(r.waldZ ** 2).toBeCloseTo(14.53, 2);
    expect(r.scoreStatistic).toBeCloseTo(17.25, 2);
    expect(r.pValue).toBe(r.waldP);
    expect(r.waldP).toBeLessThan(0.001);
  });

  it('matches brute-force maximisation of the partial likelihood (both tie methods, tied data)', () => {
    const a = randomArm(31, 60, 0.05);
    const b = randomArm(32, 70, 0.09);
    const time = [...a.time, ...b.time];
    const event = [...a.event, ...b.event];
    const x = time.map((_, i) => (i < a.time.length ? 0 : 1));
    for (const ties of ['breslow', 'efron'] as const) {
      const f = (beta: number) => naivePartialLogLik(time, event, x, beta, ties === 'efron');
      const beta = argmax(f, -5, 5);
      const h = 1e-4;
      const info = -(f(beta + h) - 2 * f(beta) + f(beta - h)) / (h * h);
      const r = coxHazardRatio(a, b, { ties });
      expect(r.logHazardRatio).toBeCloseTo(beta, 6);
      expect(r.standardError).toBeCloseTo(1 / Math.sqrt(info), 5);
      expect(r.logLikelihood).toBeCloseTo(f(beta), 9);
      expect(r.logLikelihoodNull).toBeCloseTo(f(0), 9);
      // Score test U(0)²/I(0) by central differences.
      const u0 = (f(h) - f(-h)) / (2 * h);
      const i0 = -(f(h) - 2 * f(0) + f(-h)) / (h * h);
      expect(r.scoreStatistic).toBeCloseTo((u0 * u0) / i0, 4);
    }
  });

  it('Efron equals Breslow without ties; swapping arms inverts the HR; coxBinary = coxHazardRatio', () => {
    const rng = createRandom(5);
    const arm = (rate: number) => {
      const time = Array.from({ length: 80 }, () => rng.exponential(rate));
      return { time, event: time.map(() => (rng.bernoulli(0.8) ? 1 : 0)) };
    };
    const a = arm(1);
    const b = arm(1.6);
    const e = coxHazardRatio(a, b);
    const br = coxHazardRatio(a, b, { ties: 'breslow' });
    expect(e.logHazardRatio).toBeCloseTo(br.logHazardRatio, 12);
    expect(e.scoreStatistic).toBeCloseTo(logRank([a, b]).statistic, 10); // score test = log-rank without ties
    const swapped = coxHazardRatio(b, a);
    expect(swapped.hazardRatio).toBeCloseTo(1 / e.hazardRatio, 10);
    expect(swapped.standardError).toBeCloseTo(e.standardError, 10);
    const pooled = coxBinary(
      [...a.time, ...b.time],
      [...a.event, ...b.event],
      [...a.time.map(() => 0), ...b.time.map(() => 1)],
    );
    expect(pooled.logHazardRatio).toBeCloseTo(e.logHazardRatio, 12);
  });

  it('reports non-convergence when the estimate is infinite (no events in one arm)', () => {
    const r = coxHazardRatio(PLACEBO, { time: SIX_MP.time, event: new Array(21).fill(0) });
    expect(r.converged).toBe(false);
    expect(r.hazardRatio).toBeLessThan(1e-6);
  });

  it('10,000 patients per arm: KM x2, log-rank and Cox recover the true hazard ratio (timing: npm run bench)', () => {
    const rng = createRandom(2024);
    const arm = (rate: number) => {
      const time = new Float64Array(10_000);
      const event = new Uint8Array(10_000);
      for (let i = 0; i < time.length; i++) {
        const t = rng.exponential(rate);
        const c = 24 * rng.next(); // administrative censoring, uniform accrual over 24 months
        time[i] = Math.min(t, c);
        event[i] = t <= c ? 1 : 0;
      }
      return { time, event };
    };
    const control = arm(0.1);
    const treated = arm(0.07);
    const run = () => {
      kaplanMeier(control.time, control.event);
      kaplanMeier(treated.time, treated.event);
      logRank([control, treated]);
      return coxHazardRatio(control, treated);
    };
    const cox = run();
    expect(cox.lower).toBeLessThan(0.7);
    expect(cox.upper).toBeGreaterThan(0.7);
  });
});
