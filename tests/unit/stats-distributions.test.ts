/**
 * Distributions and binomial intervals.
 *
 * Published figures:
 * - Chi-square upper-tail critical values as printed, to three decimals, in any standard table of the distribution:
 *   df 1: 3.841 (5 %), 6.635 (1 %), 10.828 (0.1 %); df 2: 5.991; df 3: 7.815; df 4: 9.488; df 5: 11.070;
 *   df 10: 18.307.
 * - Normal quantiles z_0.975 = 1.959963984540054, z_0.95 = 1.644853626951472, z_0.995 = 2.575829303548901.
 * - [N98] R.G. Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven methods",
 *   Statistics in Medicine 17 (1998) 857–872, Table II: Wilson score (method 3) and Clopper–Pearson (method 5) 95 %
 *   intervals for 81/263, 15/148, 0/20, 1/29.
 *
 * Independent references computed here: closed forms of the chi-square tail for even df, Simpson integration of the
 * normal density, and binomial sums for the incomplete beta and the Clopper–Pearson limits.
 */
import { describe, expect, it } from 'vitest';
import {
  betaQuantile,
  chiSquareCdf,
  chiSquareSf,
  clopperPearsonInterval,
  logGamma,
  nelderMead,
  normalCdf,
  normalQuantile,
  regularizedBeta,
  wilsonInterval,
} from '../../src/stats';

function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);
}

/** Binomial probability mass by logs of factorials computed as sums (no gamma function). */
function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}
function binomialUpperTail(k: number, n: number, p: number): number {
  let s = 0;
  for (let i = k; i <= n; i++) {
    s += Math.exp(logFactorial(n) - logFactorial(i) - logFactorial(n - i) + i * Math.log(p) + (n - i) * Math.log1p(-p));
  }
  return s;
}

describe('chi-square distribution', () => {
  it('brackets the printed table critical values (three decimals)', () => {
    const table: [number, number, number][] = [
      [1, 0.05, 3.841],
      [1, 0.01, 6.635],
      [1, 0.001, 10.828],
      [2, 0.05, 5.991],
      [3, 0.05, 7.815],
      [4, 0.05, 9.488],
      [5, 0.05, 11.07],
      [10, 0.05, 18.307],
    ];
    for (const [df, alpha, c] of table) {
      expect(chiSquareSf(c - 0.0005, df)).toBeGreaterThan(alpha);
      expect(chiSquareSf(c + 0.0005, df)).toBeLessThan(alpha);
    }
  });

  it('matches the closed form for even df, e^(−x/2) Σ_{i<df/2} (x/2)^i / i!, into the far tail', () => {
    for (const df of [2, 4, 6, 10, 20]) {
      for (const x of [0.01, 0.5, 1, 3.5, 10, 30, 80, 200, 1000]) {
        let term = 1;
        let sum = 1;
        for (let i = 1; i < df / 2; i++) {
          term *= x / 2 / i;
          sum += term;
        }
        const sf = Math.exp(-x / 2) * sum;
        expect(relErr(chiSquareSf(x, df), sf)).toBeLessThan(1e-12);
        if (sf < 0.5) expect(Math.abs(chiSquareCdf(x, df) - (1 - sf))).toBeLessThan(1e-15);
      }
    }
  });

  it('df 1: P(χ² > z²) = 2 P(Z > z), against Simpson integration of the normal density', () => {
    for (const z of [0.5, 1, 1.959963984540054, 3]) {
      const n = 20_000;
      const h = z / n;
      let s = 0;
      for (let i = 0; i <= n; i++) {
        const w = i === 0 || i === n ? 1 : i % 2 ? 4 : 2;
        s += w * Math.exp(-((i * h) ** 2) / 2);
      }
      const inner = (s * h) / 3 / Math.sqrt(2 * Math.PI); // ∫_0^z φ
      expect(chiSquareSf(z * z, 1)).toBeCloseTo(1 - 2 * inner, 12);
      expect(normalCdf(z)).toBeCloseTo(0.5 + inner, 12);
      expect(normalCdf(-z)).toBeCloseTo(0.5 - inner, 12);
    }
  });

  it('handles edges', () => {
    expect(chiSquareSf(0, 1)).toBe(1);
    expect(chiSquareCdf(0, 3)).toBe(0);
    expect(chiSquareSf(Number.POSITIVE_INFINITY, 2)).toBe(0);
    expect(Number.isNaN(chiSquareSf(Number.NaN, 2))).toBe(true);
  });
});

describe('normal quantile and log-gamma', () => {
  it('known quantiles to ~15 digits', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644853626951472, 14);
    expect(normalQuantile(0.995)).toBeCloseTo(2.575829303548901, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('round-trips Φ(Φ⁻¹(p)) = p from 1e-300 to 1 − 1e-12', () => {
    for (const p of [1e-300, 1e-100, 1e-20, 1e-8, 1e-3, 0.02, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.97575, 0.99, 0.999999]) {
      expect(relErr(normalCdf(normalQuantile(p)), p)).toBeLessThan(1e-13);
      if (p > 1e-10) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 6); // 1 − p itself is rounded
    }
  });

  it('log Γ at integers and half-integers', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(relErr(logGamma(30), logFactorial(29))).toBeLessThan(1e-14);
    expect(relErr(logGamma(171), logFactorial(170))).toBeLessThan(1e-14);
    expect(logGamma(0.1)).toBeCloseTo(Math.log(9.513507698668732), 13); // Γ(0.1)
  });
});

describe('incomplete beta', () => {
  it('I_p(k, n − k + 1) = P(Bin(n, p) ≥ k), by direct binomial sums', () => {
    for (const [k, n, p] of [
      [1, 10, 0.05],
      [5, 10, 0.5],
      [81, 263, 0.3],
      [15, 148, 0.2],
      [199, 200, 0.99],
    ]) {
      expect(regularizedBeta(p, k, n - k + 1)).toBeCloseTo(binomialUpperTail(k, n, p), 12);
    }
  });

  it('betaQuantile inverts regularizedBeta', () => {
    for (const [p, a, b] of [
      [0.025, 81, 183],
      [0.5, 2, 3],
      [0.999, 0.5, 0.5],
      [1e-6, 3, 40],
    ]) {
      expect(regularizedBeta(betaQuantile(p, a, b), a, b)).toBeCloseTo(p, 13);
    }
  });
});

describe('binomial proportion intervals', () => {
  // [N98] Table II, 95 % intervals, four decimals.
  const newcombe: { x: number; n: number; wilson: [number, number]; exact: [number, number] }[] = [
    { x: 81, n: 263, wilson: [0.2553, 0.3662], exact: [0.2527, 0.3676] },
    { x: 15, n: 148, wilson: [0.0624, 0.1605], exact: [0.0578, 0.1617] },
    { x: 0, n: 20, wilson: [0, 0.1611], exact: [0, 0.1684] },
    { x: 1, n: 29, wilson: [0.0061, 0.1718], exact: [0.0009, 0.1776] },
  ];

  it('Wilson score and Clopper–Pearson intervals of Newcombe (1998), Table II', () => {
    for (const { x, n, wilson, exact } of newcombe) {
      const w = wilsonInterval(x, n);
      expect(w.estimate).toBe(x / n);
      expect(w.lower).toBeCloseTo(wilson[0], 4);
      expect(w.upper).toBeCloseTo(wilson[1], 4);
      const cp = clopperPearsonInterval(x, n);
      expect(cp.lower).toBeCloseTo(exact[0], 4);
      expect(cp.upper).toBeCloseTo(exact[1], 4);
    }
  });

  it('Wilson limits solve the score equation |p̂ − p| = z √(p(1 − p)/n)', () => {
    const z = normalQuantile(0.95);
    for (const [x, n] of [
      [3, 7],
      [81, 263],
      [500, 10_000],
    ]) {
      const w = wilsonInterval(x, n, 0.9);
      for (const p of [w.lower, w.upper]) {
        expect(Math.abs(x / n - p)).toBeCloseTo(z * Math.sqrt((p * (1 - p)) / n), 12);
      }
    }
  });

  it('Clopper–Pearson limits: P(X ≥ x | p_L) = P(X ≤ x | p_U) = α/2, by binomial sums', () => {
    for (const [x, n] of [
      [3, 7],
      [81, 263],
      [1, 29],
    ]) {
      const cp = clopperPearsonInterval(x, n);
      expect(binomialUpperTail(x, n, cp.lower)).toBeCloseTo(0.025, 11);
      expect(1 - binomialUpperTail(x + 1, n, cp.upper)).toBeCloseTo(0.025, 11);
    }
  });

  it('edges and bad input', () => {
    expect(wilsonInterval(10, 10).upper).toBe(1);
    expect(clopperPearsonInterval(10, 10).upper).toBe(1);
    expect(clopperPearsonInterval(10, 10).lower).toBeCloseTo(0.025 ** (1 / 10), 12);
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 4)).toThrow(RangeError);
    expect(() => clopperPearsonInterval(1, 4, 1)).toThrow(RangeError);
  });
});

describe('Nelder–Mead', () => {
  it("minimises Rosenbrock's function to its minimum at (1, 1) inside a box", () => {
    const r = nelderMead((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], [-2, -2], [2, 2], {
      maxEvaluations: 2000,
      tolerance: 1e-14,
    });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });

  it('keeps every point inside the bounds: a minimum outside the box is found on its edge', () => {
    const seen: number[] = [];
    const r = nelderMead(
      (x) => {
        seen.push(x[0]);
        return (x[0] - 5) ** 2 + (x[1] - 0.5) ** 2;
      },
      [0.2, 0.2],
      [0, 0],
      [1, 1],
    );
    expect(Math.max(...seen)).toBeLessThanOrEqual(1);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(0.5, 3);
  });
});
