/**
 * Global sensitivity analysis: the Saltelli design over a Sobol' sequence, first-order (Saltelli et al. 2010) and
 * total (Jansen 1999) Sobol' indices with bootstrap intervals, partial rank correlation coefficients (PRCC, a cheaper
 * screen over a Latin hypercube), and the reduction of a local one-at-a-time (tornado) analysis. Pure numerics on the
 * unit cube: mapping a unit coordinate to a parameter value, and running the model, are the caller's.
 *
 * Design layout (the same as SALib's sobol.sample without second order): base point i of the 2d-dimensional Sobol'
 * sequence gives the rows A_i (its first d coordinates) and B_i (its last d); run k of the N (d + 2) runs is row
 * r = k mod (d + 2) of block i = floor(k / (d + 2)): r = 0 is A_i, r = 1..d is AB_i^(r) (A_i with coordinate r taken
 * from B_i), r = d + 1 is B_i. Every run is a pure function of k, so a design can be split into shards by run index.
 * With second-order indices (Saltelli 2002; SALib's calc_second_order layout) each block has 2d + 2 rows: A_i,
 * AB_i^(1..d), BA_i^(1..d) (B_i with coordinate j taken from A_i), B_i: N (2d + 2) runs.
 */
import { normalQuantile, regularizedBeta } from './distributions';
import { invertMatrix } from './linear';
import { createRandom } from './random';
import { type SobolOptions, sobolSequence } from './sobol';

/** Number of model runs of a Saltelli design with `n` base points over `d` parameters: n (d + 2), or n (2d + 2). */
export function saltelliRunCount(n: number, d: number, secondOrder = false): number {
  return n * (secondOrder ? 2 * d + 2 : d + 2);
}

export interface SaltelliOptions extends SobolOptions {
  /** add the BA rows of second-order indices (N (2d + 2) runs) */
  secondOrder?: boolean;
}

/** A Saltelli design: run k's unit-cube point, by index. */
export interface SaltelliDesign {
  readonly parameters: number;
  readonly baseSamples: number;
  readonly runs: number;
  /** the unit-cube point of run k (0 <= k < runs) */
  run(k: number, out?: Float64Array): Float64Array;
}

export function saltelliDesign(d: number, n: number, options: SaltelliOptions = {}): SaltelliDesign {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`the number of base samples must be at least 2, not ${n}`);
  const sequence = sobolSequence(2 * d, options);
  const base = new Float64Array(2 * d);
  const second = options.secondOrder === true;
  const step = second ? 2 * d + 2 : d + 2;
  return {
    parameters: d,
    baseSamples: n,
    runs: saltelliRunCount(n, d, second),
    run(k: number, out = new Float64Array(d)): Float64Array {
      const block = Math.floor(k / step);
      const r = k - block * step;
      sequence.point(block, base);
      // rows from B: B itself (the last), and BA^(j) (B with coordinate j from A)
      const fromB = r === step - 1 || (second && r > d && r <= 2 * d);
      for (let j = 0; j < d; j++) out[j] = fromB ? base[d + j] : base[j];
      if (r >= 1 && r <= d) out[r - 1] = base[d + r - 1];
      else if (second && r > d && r <= 2 * d) out[r - d - 1] = base[r - d - 1];
      return out;
    },
  };
}

/** One parameter's indices: estimates, percentile bootstrap intervals, and SALib's normal half-width. */
export interface SobolIndex {
  /** first-order index (Saltelli et al. 2010 estimator) */
  first: number;
  firstLower: number;
  firstUpper: number;
  /** z * SD of the bootstrap replicates (what SALib reports as S1_conf) */
  firstHalfWidth: number;
  /** total index (Jansen 1999 estimator) */
  total: number;
  totalLower: number;
  totalUpper: number;
  totalHalfWidth: number;
}

/** A second-order index S_jk (Saltelli 2002), with its percentile bootstrap interval and normal half-width. */
export interface SecondOrderIndex {
  j: number;
  k: number;
  index: number;
  lower: number;
  upper: number;
  halfWidth: number;
}

export interface SobolResult {
  indices: SobolIndex[];
  /** with a second-order design: S_jk for every pair j < k, in the order (0,1), (0,2), ..., (d-2,d-1) */
  second?: SecondOrderIndex[];
  /** mean and variance of the output over the A and B rows */
  mean: number;
  variance: number;
  /** the output did not vary: every index is 0 */
  constant: boolean;
  bootstrap: { resamples: number; confidence: number; seed: number };
}

export interface SobolAnalysisOptions {
  /** bootstrap resamples (default 1000) */
  resamples?: number;
  /** confidence level of the intervals (default 0.95) */
  confidence?: number;
  /** seed of the bootstrap's random generator (default 1) */
  seed?: number;
  /** the outputs are of a second-order design (saltelliDesign with secondOrder): also S_jk */
  secondOrder?: boolean;
}

/** Sobol' indices from the outputs `y` of a Saltelli design (y[k] = model at run k), with bootstrap intervals. */
export function sobolIndices(y: ArrayLike<number>, d: number, options: SobolAnalysisOptions = {}): SobolResult {
  const second = options.secondOrder === true;
  const step = second ? 2 * d + 2 : d + 2;
  if (y.length === 0 || y.length % step !== 0) {
    throw new RangeError(
      `expected a multiple of ${step} outputs (n (${second ? '2d' : 'd'} + 2) for d = ${d}), got ${y.length}`,
    );
  }
  for (let k = 0; k < y.length; k++) {
    if (!Number.isFinite(y[k])) throw new RangeError(`output ${k} is ${y[k]}, not a finite number`);
  }
  const n = y.length / step;
  const resamples = options.resamples ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const seed = options.seed ?? 1;
  // Centre the outputs (as SALib does): the estimators are unbiased either way, centred they vary less.
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i * step] + y[i * step + step - 1];
  mean /= 2 * n;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const ab = new Float64Array(n * d);
  const ba = new Float64Array(second ? n * d : 0);
  for (let i = 0; i < n; i++) {
    a[i] = y[i * step] - mean;
    b[i] = y[i * step + step - 1] - mean;
    for (let j = 0; j < d; j++) ab[i * d + j] = y[i * step + 1 + j] - mean;
    if (second) for (let j = 0; j < d; j++) ba[i * d + j] = y[i * step + 1 + d + j] - mean;
  }
  const pairs: [number, number][] = [];
  if (second) for (let j = 0; j < d; j++) for (let k = j + 1; k < d; k++) pairs.push([j, k]);
  /**
   * S_jk = V_jk / V - S_j - S_k with V_jk = mean(BA^(j) AB^(k) - A B) (Saltelli 2002, as SALib computes it), over
   * the rows given; `first` holds the same rows' first-order indices.
   */
  const secondOrder = (rows: ArrayLike<number>, variance: number, first: Float64Array, out: Float64Array) => {
    const m = rows.length;
    pairs.forEach(([j, k], p) => {
      let v = 0;
      for (let r = 0; r < m; r++) {
        const i = rows[r];
        v += ba[i * d + j] * ab[i * d + k] - a[i] * b[i];
      }
      out[p] = variance > 0 ? v / m / variance - first[j] - first[k] : 0;
    });
  };

  const estimate = (rows: ArrayLike<number>, first: Float64Array, total: Float64Array): number => {
    const m = rows.length;
    let s = 0;
    let s2 = 0;
    for (let r = 0; r < m; r++) {
      const i = rows[r];
      s += a[i] + b[i];
      s2 += a[i] * a[i] + b[i] * b[i];
    }
    const mu = s / (2 * m);
    const variance = s2 / (2 * m) - mu * mu;
    for (let j = 0; j < d; j++) {
      let f = 0;
      let t = 0;
      for (let r = 0; r < m; r++) {
        const i = rows[r];
        const x = ab[i * d + j];
        f += b[i] * (x - a[i]);
        t += (a[i] - x) * (a[i] - x);
      }
      first[j] = variance > 0 ? f / m / variance : 0;
      total[j] = variance > 0 ? (0.5 * t) / m / variance : 0;
    }
    return variance;
  };

  const all = Uint32Array.from({ length: n }, (_, i) => i);
  const first = new Float64Array(d);
  const total = new Float64Array(d);
  const variance = estimate(all, first, total);
  const constant = !(variance > 1e-300 * Math.max(1, mean * mean));
  const pairValues = new Float64Array(pairs.length);
  secondOrder(all, variance, first, pairValues);
  const pairReps = pairs.map(() => new Float64Array(resamples));

  const firstReps = Array.from({ length: d }, () => new Float64Array(resamples));
  const totalReps = Array.from({ length: d }, () => new Float64Array(resamples));
  const random = createRandom(seed);
  const rows = new Uint32Array(n);
  const f = new Float64Array(d);
  const t = new Float64Array(d);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) rows[i] = Math.floor(random.next() * n);
    const v = estimate(rows, f, t);
    for (let j = 0; j < d; j++) {
      firstReps[j][r] = f[j];
      totalReps[j][r] = t[j];
    }
    if (second) {
      const out = new Float64Array(pairs.length);
      secondOrder(rows, v, f, out);
      for (let p = 0; p < pairs.length; p++) pairReps[p][r] = out[p];
    }
  }
  const z = normalQuantile(0.5 + confidence / 2);
  const alpha = (1 - confidence) / 2;
  const indices: SobolIndex[] = [];
  for (let j = 0; j < d; j++) {
    const fi = summarise(firstReps[j], alpha);
    const ti = summarise(totalReps[j], alpha);
    indices.push({
      first: constant ? 0 : first[j],
      firstLower: constant ? 0 : fi.lower,
      firstUpper: constant ? 0 : fi.upper,
      firstHalfWidth: constant ? 0 : z * fi.sd,
      total: constant ? 0 : total[j],
      totalLower: constant ? 0 : ti.lower,
      totalUpper: constant ? 0 : ti.upper,
      totalHalfWidth: constant ? 0 : z * ti.sd,
    });
  }
  const result: SobolResult = {
    indices,
    mean,
    variance: Math.max(variance, 0),
    constant,
    bootstrap: { resamples, confidence, seed },
  };
  if (second)
    result.second = pairs.map(([j, k], p) => {
      const q = summarise(pairReps[p], alpha);
      return constant
        ? { j, k, index: 0, lower: 0, upper: 0, halfWidth: 0 }
        : { j, k, index: pairValues[p], lower: q.lower, upper: q.upper, halfWidth: z * q.sd };
    });
  return result;
}

/** Quantile of sorted values by linear interpolation (type 7, as numpy's default). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function summarise(replicates: Float64Array, alpha: number): { lower: number; upper: number; sd: number } {
  const sorted = Float64Array.from(replicates).sort();
  let s = 0;
  for (const x of replicates) s += x;
  const mu = s / replicates.length;
  let ss = 0;
  for (const x of replicates) ss += (x - mu) * (x - mu);
  const sd = replicates.length > 1 ? Math.sqrt(ss / (replicates.length - 1)) : 0;
  return { lower: quantileSorted(sorted, alpha), upper: quantileSorted(sorted, 1 - alpha), sd };
}

/**
 * A percentile bootstrap interval of any statistic of n observations: `statistic(rows)` gets the resampled row
 * indices. Seeded, so the same call gives the same interval.
 */
export function bootstrapInterval(
  n: number,
  statistic: (rows: Uint32Array) => number,
  options: SobolAnalysisOptions = {},
): { estimate: number; lower: number; upper: number } {
  const resamples = options.resamples ?? 1000;
  const alpha = (1 - (options.confidence ?? 0.95)) / 2;
  const random = createRandom(options.seed ?? 1);
  const estimate = statistic(Uint32Array.from({ length: n }, (_, i) => i));
  const reps = new Float64Array(resamples);
  const rows = new Uint32Array(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) rows[i] = Math.floor(random.next() * n);
    reps[r] = statistic(rows);
  }
  const { lower, upper } = summarise(reps, alpha);
  return { estimate, lower, upper };
}

// --- PRCC over a Latin hypercube ------------------------------------------------------------------------------------

/**
 * A Latin hypercube of n points in [0, 1)^d (McKay et al. 1979): each coordinate has exactly one point in each of
 * its n equal strata, in a seeded random order, at a random position in the stratum. Row-major: point i is
 * out[i * d .. i * d + d).
 */
export function latinHypercube(n: number, d: number, seed = 1): Float64Array {
  const random = createRandom(seed);
  const out = new Float64Array(n * d);
  const order = new Uint32Array(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const k = Math.floor(random.next() * (i + 1));
      const tmp = order[i];
      order[i] = order[k];
      order[k] = tmp;
    }
    for (let i = 0; i < n; i++) out[i * d + j] = (order[i] + random.next()) / n;
  }
  return out;
}

/** Ranks 1..n, ties given their average rank. */
export function ranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((p, q) => values[p] - values[q]);
  const out = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && values[idx[j + 1]] === values[idx[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[idx[k]] = rank;
    i = j + 1;
  }
  return out;
}

export interface PrccEntry {
  /** partial rank correlation of parameter j with the output, controlling for the others; in [-1, 1] */
  prcc: number;
  /** two-sided p-value of the t test with n - 2 - (d - 1) degrees of freedom */
  p: number;
}

/**
 * PRCC (Marino et al. 2008): rank-transform every input and the output, then the partial correlation of each input
 * with the output given the others, read off the inverse of the rank correlation matrix
 * (r_jy.rest = -P_jy / sqrt(P_jj P_yy)). `x` is row-major n × d (e.g. latinHypercube), `y` the n outputs.
 */
export function prcc(x: ArrayLike<number>, y: ArrayLike<number>, d: number): PrccEntry[] {
  const n = y.length;
  if (x.length !== n * d) throw new RangeError(`expected ${n} × ${d} inputs, got ${x.length}`);
  const size = d + 1;
  const columns: Float64Array[] = [];
  for (let j = 0; j < d; j++) columns.push(ranks(Array.from({ length: n }, (_, i) => x[i * d + j])));
  columns.push(ranks(y));
  const mean = (n + 1) / 2;
  const corr = new Float64Array(size * size);
  const norms = columns.map((c) => {
    let s = 0;
    for (const v of c) s += (v - mean) * (v - mean);
    return Math.sqrt(s);
  });
  for (let p = 0; p < size; p++) {
    for (let q = p; q < size; q++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += (columns[p][i] - mean) * (columns[q][i] - mean);
      const r = norms[p] > 0 && norms[q] > 0 ? s / (norms[p] * norms[q]) : p === q ? 1 : 0;
      corr[p * size + q] = corr[q * size + p] = r;
    }
  }
  const inv = invertMatrix(corr, size);
  const df = n - 2 - (d - 1);
  return Array.from({ length: d }, (_, j) => {
    if (!inv || norms[j] === 0 || norms[d] === 0) return { prcc: 0, p: 1 };
    const r = Math.max(-1, Math.min(1, -inv[j * size + d] / Math.sqrt(inv[j * size + j] * inv[d * size + d])));
    if (df <= 0) return { prcc: r, p: Number.NaN };
    const t2 = (r * r * df) / Math.max(1 - r * r, 1e-300);
    return { prcc: r, p: regularizedBeta(df / (df + t2), df / 2, 0.5) };
  });
}

// --- local one-at-a-time (tornado) ----------------------------------------------------------------------------------

export interface TornadoInput {
  name: string;
  low: number;
  high: number;
  /** the output with the parameter at the low and at the high end of its range, the others at their base values */
  outputLow: number;
  outputHigh: number;
}

export interface TornadoBar extends TornadoInput {
  /** outputLow - base and outputHigh - base */
  deltaLow: number;
  deltaHigh: number;
  /** |outputHigh - outputLow|: the bar's length, the sort key */
  swing: number;
}

/** A tornado: bars sorted by swing, largest first (ties keep their input order). */
export function tornado(base: number, inputs: readonly TornadoInput[]): TornadoBar[] {
  return inputs
    .map((e, i) => ({
      bar: {
        ...e,
        deltaLow: e.outputLow - base,
        deltaHigh: e.outputHigh - base,
        swing: Math.abs(e.outputHigh - e.outputLow),
      },
      i,
    }))
    .sort((p, q) => q.bar.swing - p.bar.swing || p.i - q.i)
    .map((e) => e.bar);
}
