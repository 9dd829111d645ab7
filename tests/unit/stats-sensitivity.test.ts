/**
 * Sensitivity numerics: the Sobol' sequence, the Saltelli design and the Sobol' index estimators checked against
 * closed forms (Ishigami, Sobol's G-function) to within their own bootstrap intervals; PRCC against a brute-force
 * partial correlation; the tornado's ordering.
 */
import { describe, expect, it } from 'vitest';
import {
  createRandom,
  latinHypercube,
  prcc,
  ranks,
  SOBOL_MAX_DIMENSION,
  saltelliDesign,
  sobolIndices,
  sobolSequence,
  tornado,
} from '../../src/stats';

/** Ishigami & Homma (1990) with a = 7, b = 0.1 on [-π, π]^3, and its closed-form indices. */
const A = 7;
const B = 0.1;
function ishigami(u: Float64Array): number {
  const x = Array.from(u, (v) => -Math.PI + 2 * Math.PI * v);
  return Math.sin(x[0]) + A * Math.sin(x[1]) ** 2 + B * x[2] ** 4 * Math.sin(x[0]);
}
function ishigamiIndices() {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + (B * pi4) / 5) ** 2;
  const v2 = A ** 2 / 8;
  const v13 = (8 * B ** 2 * pi8) / 225;
  const v = v1 + v2 + v13;
  return { first: [v1 / v, v2 / v, 0], total: [(v1 + v13) / v, v2 / v, v13 / v] };
}

/** Sobol's G-function on [0, 1]^d with coefficients a, and its closed-form indices. */
function gFunction(a: number[]) {
  const f = (u: Float64Array): number => {
    let g = 1;
    for (let j = 0; j < a.length; j++) g *= (Math.abs(4 * u[j] - 2) + a[j]) / (1 + a[j]);
    return g;
  };
  const vi = a.map((aj) => 1 / (3 * (1 + aj) ** 2));
  const v = vi.reduce((p, x) => p * (1 + x), 1) - 1;
  const first = vi.map((x) => x / v);
  const total = vi.map((x, i) => (x * vi.reduce((p, y, k) => (k === i ? p : p * (1 + y)), 1)) / v);
  return { f, first, total };
}

function analyse(f: (u: Float64Array) => number, d: number, n: number) {
  const design = saltelliDesign(d, n, { shiftSeed: 7 });
  const y = new Float64Array(design.runs);
  const u = new Float64Array(d);
  for (let k = 0; k < design.runs; k++) y[k] = f(design.run(k, u));
  return sobolIndices(y, d, { resamples: 500, seed: 3 });
}

describe("Sobol' sequence", () => {
  it('matches the first points of the Joe–Kuo sequence (Gray-code point 4 is natural point 6)', () => {
    const s = sobolSequence(3);
    expect(Array.from(s.point(0))).toEqual([0, 0, 0]);
    expect(Array.from(s.point(1))).toEqual([0.5, 0.5, 0.5]);
    expect(Array.from(s.point(2))).toEqual([0.25, 0.75, 0.75]);
    expect(Array.from(s.point(6))).toEqual([0.375, 0.375, 0.625]);
  });

  it('every coordinate of the first 2^m points has exactly one point in each of 2^m strata, in every dimension', () => {
    const n = 1024;
    const s = sobolSequence(SOBOL_MAX_DIMENSION, { shiftSeed: 11 });
    const counts = Array.from({ length: SOBOL_MAX_DIMENSION }, () => new Uint16Array(n));
    const p = new Float64Array(SOBOL_MAX_DIMENSION);
    for (let i = 0; i < n; i++) {
      s.point(i, p);
      for (let j = 0; j < SOBOL_MAX_DIMENSION; j++) counts[j][Math.floor(p[j] * n)]++;
    }
    for (const c of counts) expect(Math.max(...c)).toBe(1);
  });

  it('refuses dimensions it has no direction numbers for', () => {
    expect(() => sobolSequence(SOBOL_MAX_DIMENSION + 1)).toThrow(/dimension/);
  });
});

describe('Saltelli design', () => {
  it('lays out A, AB^(1..d), B per base point, each run a pure function of its index', () => {
    const d = 3;
    const design = saltelliDesign(d, 8, { shiftSeed: 5 });
    const s = sobolSequence(2 * d, { shiftSeed: 5 });
    const base = s.point(4);
    const at = (k: number) => Array.from(design.run(k));
    expect(at(4 * 5)).toEqual(Array.from(base.slice(0, 3)));
    expect(at(4 * 5 + 4)).toEqual(Array.from(base.slice(3, 6)));
    expect(at(4 * 5 + 2)).toEqual([base[0], base[4], base[2]]);
    // a shard computes the same runs as the whole design
    expect(Array.from(saltelliDesign(d, 8, { shiftSeed: 5 }).run(37))).toEqual(at(37));
  });
});

describe('Sobol indices against closed forms', () => {
  it('Ishigami (a = 7, b = 0.1): S1 ≈ 0.314, 0.442, 0 and ST ≈ 0.558, 0.442, 0.244 lie inside the bootstrap intervals', () => {
    const exact = ishigamiIndices();
    expect(exact.first[0]).toBeCloseTo(0.3139, 3);
    expect(exact.total[2]).toBeCloseTo(0.2437, 3);
    const result = analyse(ishigami, 3, 8192);
    result.indices.forEach((e, j) => {
      expect(exact.first[j]).toBeGreaterThanOrEqual(e.firstLower);
      expect(exact.first[j]).toBeLessThanOrEqual(e.firstUpper);
      expect(exact.total[j]).toBeGreaterThanOrEqual(e.totalLower);
      expect(exact.total[j]).toBeLessThanOrEqual(e.totalUpper);
      // intervals narrow enough that a wrong estimator would fall outside them
      expect(e.firstUpper - e.firstLower).toBeLessThan(0.08);
      expect(e.totalUpper - e.totalLower).toBeLessThan(0.08);
      expect(Math.abs(e.first - exact.first[j])).toBeLessThan(0.03);
      expect(Math.abs(e.total - exact.total[j])).toBeLessThan(0.03);
    });
  });

  it('second order (Saltelli 2002, SALib’s design): Ishigami’s S13 ≈ 0.2437 and S12 = S23 = 0 lie inside the bootstrap intervals; first and total indices are as without', () => {
    const exact = ishigamiIndices();
    // x1 and x3 interact only with each other: S13 = V13 / V = ST3
    const s13 = exact.total[2];
    expect(s13).toBeCloseTo(0.2437, 4);
    const n = 8192;
    const design = saltelliDesign(3, n, { shiftSeed: 7, secondOrder: true });
    expect(design.runs).toBe(n * 8);
    // rows of block 0: A, AB1..AB3, BA1..BA3, B; BA_j is B with coordinate j from A
    const row = (k: number) => Array.from(design.run(k));
    const [a, , , , ba1, , , b] = [0, 1, 2, 3, 4, 5, 6, 7].map(row);
    expect(ba1).toEqual([a[0], b[1], b[2]]);
    const y = new Float64Array(design.runs);
    const u = new Float64Array(3);
    for (let k = 0; k < design.runs; k++) y[k] = ishigami(design.run(k, u));
    const result = sobolIndices(y, 3, { resamples: 500, seed: 3, secondOrder: true });
    const second = result.second ?? [];
    expect(second.map((s) => [s.j, s.k])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    const want = [0, s13, 0];
    second.forEach((s, p) => {
      expect(want[p], `S${s.j + 1}${s.k + 1}`).toBeGreaterThanOrEqual(s.lower);
      expect(want[p], `S${s.j + 1}${s.k + 1}`).toBeLessThanOrEqual(s.upper);
      expect(s.upper - s.lower).toBeLessThan(0.12);
      expect(Math.abs(s.index - want[p])).toBeLessThan(0.05);
    });
    // the first-order and total indices of the same design agree with the closed forms too
    result.indices.forEach((e, j) => {
      expect(exact.first[j]).toBeGreaterThanOrEqual(e.firstLower);
      expect(exact.first[j]).toBeLessThanOrEqual(e.firstUpper);
      expect(exact.total[j]).toBeGreaterThanOrEqual(e.totalLower);
      expect(exact.total[j]).toBeLessThanOrEqual(e.totalUpper);
    });
    // S12 -0.0000 [-0.0282, 0.0284]; S13 0.2450 [0.2112, 0.2794]; S23 -0.0000 [-0.0227, 0.0232] (docs/toolkit.md)
  });

  it("Sobol's G-function (a = 0, 1, 4.5, 9, 99, 99): indices inside the bootstrap intervals", () => {
    const g = gFunction([0, 1, 4.5, 9, 99, 99]);
    const result = analyse(g.f, 6, 4096);
    result.indices.forEach((e, j) => {
      expect(g.first[j]).toBeGreaterThanOrEqual(e.firstLower);
      expect(g.first[j]).toBeLessThanOrEqual(e.firstUpper);
      expect(g.total[j]).toBeGreaterThanOrEqual(e.totalLower);
      expect(g.total[j]).toBeLessThanOrEqual(e.totalUpper);
    });
    expect(result.indices[0].total - result.indices[0].totalLower).toBeLessThan(0.05);
  });

  it('a constant output gives zero indices and says so', () => {
    const result = sobolIndices(new Float64Array(5 * 16).fill(3), 3, { resamples: 10 });
    expect(result.constant).toBe(true);
    expect(result.indices.every((e) => e.first === 0 && e.total === 0)).toBe(true);
  });

  it('rejects outputs that do not fill a design, or are not finite', () => {
    expect(() => sobolIndices([1, 2, 3], 3)).toThrow(/multiple of 5/);
    expect(() => sobolIndices([1, 2, 3, 4, Number.NaN], 3)).toThrow(/finite/);
  });
});

describe('PRCC', () => {
  it('matches the brute-force partial correlation of rank residuals and ranks the inputs by influence', () => {
    const n = 400;
    const d = 3;
    const x = latinHypercube(n, d, 9);
    const noise = createRandom(4);
    const y = Array.from({ length: n }, (_, i) => 3 * x[i * d] + x[i * d + 1] + 0.3 * noise.normal());
    const result = prcc(x, y, d);
    expect(result[0].prcc).toBeGreaterThan(result[1].prcc);
    expect(result[1].prcc).toBeGreaterThan(Math.abs(result[2].prcc));
    expect(result[0].p).toBeLessThan(1e-6);
    expect(result[2].p).toBeGreaterThan(0.001);

    // brute force for input 0: residuals of rank(x0) and rank(y) after least squares on [1, rank(x1), rank(x2)]
    const r = [0, 1, 2].map((j) => ranks(Array.from({ length: n }, (_, i) => x[i * d + j])));
    const ry = ranks(y);
    const residual = (target: Float64Array): Float64Array => {
      const cols = [new Float64Array(n).fill(1), r[1], r[2]];
      const m = cols.map((a) => cols.map((b) => a.reduce((s, v, i) => s + v * b[i], 0)));
      const rhs = cols.map((a) => a.reduce((s, v, i) => s + v * target[i], 0));
      // Cramer's rule on 3 × 3
      const det = (q: number[][]) =>
        q[0][0] * (q[1][1] * q[2][2] - q[1][2] * q[2][1]) -
        q[0][1] * (q[1][0] * q[2][2] - q[1][2] * q[2][0]) +
        q[0][2] * (q[1][0] * q[2][1] - q[1][1] * q[2][0]);
      const dm = det(m);
      const beta = [0, 1, 2].map((c) => det(m.map((row, i) => row.map((v, k) => (k === c ? rhs[i] : v)))) / dm);
      return target.map((v, i) => v - cols.reduce((s, col, c) => s + beta[c] * col[i], 0));
    };
    const e0 = residual(r[0]);
    const ey = residual(ry);
    const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, v, i) => s + v * b[i], 0);
    expect(result[0].prcc).toBeCloseTo(dot(e0, ey) / Math.sqrt(dot(e0, e0) * dot(ey, ey)), 10);
  });

  it('a Latin hypercube has one point in each stratum of every coordinate', () => {
    const n = 50;
    const x = latinHypercube(n, 4, 2);
    for (let j = 0; j < 4; j++) {
      const strata = new Set(Array.from({ length: n }, (_, i) => Math.floor(x[i * 4 + j] * n)));
      expect(strata.size).toBe(n);
    }
  });
});

describe('tornado', () => {
  it('sorts the bars by swing, largest first, with changes measured from the base', () => {
    const bars = tornado(10, [
      { name: 'a', low: 0, high: 1, outputLow: 9, outputHigh: 11 },
      { name: 'b', low: 0, high: 1, outputLow: 4, outputHigh: 12 },
      { name: 'c', low: 0, high: 1, outputLow: 10, outputHigh: 10 },
    ]);
    expect(bars.map((b) => b.name)).toEqual(['b', 'a', 'c']);
    expect(bars[0].deltaLow).toBe(-6);
    expect(bars[0].swing).toBe(8);
  });
});
