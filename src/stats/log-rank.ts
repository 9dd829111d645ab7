/**
 * Log-rank test of k ≥ 2 survival curves (Mantel 1966; Peto & Peto 1972), with the hypergeometric variance:
 *
 *   E_g = Σ_j d_j n_gj / n_j,
 *   V_gh = Σ_j d_j (n_j − d_j) / (n_j − 1) · (n_gj / n_j) (δ_gh − n_hj / n_j),
 *
 * and statistic (O − E)ᵀ V⁻ (O − E) on k − 1 degrees of freedom, using the first k − 1 groups (V has rank k − 1).
 * For two groups this is (O_1 − E_1)² / V_11, the figure R's survdiff and most textbooks print.
 */

import { chiSquareSf, normalQuantile } from './distributions';
import { buildRiskTable, type SurvivalSample } from './risk-table';

export interface LogRankResult {
  /** chi-square statistic */
  statistic: number;
  /** degrees of freedom, k − 1 */
  df: number;
  /** upper-tail chi-square p-value */
  pValue: number;
  /** observed events per group */
  observed: number[];
  /** expected events per group under the null hypothesis of equal hazards */
  expected: number[];
  /** k × k covariance matrix of O − E */
  variance: number[][];
}

/** Solves the symmetric system A x = b (A is n × n, row-major copy) by Gaussian elimination with partial pivoting. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array | null {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col]) > Math.abs(a[pivot * n + col])) pivot = r;
    if (!(Math.abs(a[pivot * n + col]) > 1e-12)) return null;
    if (pivot !== col) {
      for (let c = 0; c < n; c++) {
        const tmp = a[col * n + c];
        a[col * n + c] = a[pivot * n + c];
        a[pivot * n + c] = tmp;
      }
      const tb = b[col];
      b[col] = b[pivot];
      b[pivot] = tb;
    }
    for (let r = col + 1; r < n; r++) {
      const f = a[r * n + col] / a[col * n + col];
      if (f === 0) continue;
      for (let c = col; c < n; c++) a[r * n + c] -= f * a[col * n + c];
      b[r] -= f * b[col];
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r];
    for (let c = r + 1; c < n; c++) s -= a[r * n + c] * x[c];
    x[r] = s / a[r * n + r];
  }
  return x;
}

/** Log-rank test of two or more groups (arms). The statistic is NaN when the variance is singular (no events). */
export function logRank(groups: ReadonlyArray<SurvivalSample>): LogRankResult {
  const k = groups.length;
  if (k < 2) throw new RangeError(`logRank needs at least two groups, got ${k}`);
  const table = buildRiskTable(groups);
  const m = table.time.length;
  const observed = new Float64Array(k);
  const expected = new Float64Array(k);
  const v = new Float64Array(k * k);
  for (let j = 0; j < m; j++) {
    let d = 0;
    let n = 0;
    for (let g = 0; g < k; g++) {
      d += table.events[g * m + j];
      n += table.atRisk[g * m + j];
    }
    if (d === 0) continue;
    const factor = n > 1 ? (d * (n - d)) / (n - 1) : 0;
    for (let g = 0; g < k; g++) {
      const pg = table.atRisk[g * m + j] / n;
      observed[g] += table.events[g * m + j];
      expected[g] += d * pg;
      if (factor === 0 || pg === 0) continue;
      for (let h = 0; h < k; h++) {
        const ph = table.atRisk[h * m + j] / n;
        v[g * k + h] += factor * pg * ((g === h ? 1 : 0) - ph);
      }
    }
  }
  const r = k - 1;
  const a = new Float64Array(r * r);
  const z = new Float64Array(r);
  for (let g = 0; g < r; g++) {
    z[g] = observed[g] - expected[g];
    for (let h = 0; h < r; h++) a[g * r + h] = v[g * k + h];
  }
  const zCopy = z.slice();
  const x = solve(a, z, r);
  let statistic = Number.NaN;
  if (x) {
    statistic = 0;
    for (let g = 0; g < r; g++) statistic += zCopy[g] * x[g];
  }
  const variance: number[][] = [];
  for (let g = 0; g < k; g++) variance.push(Array.from(v.subarray(g * k, (g + 1) * k)));
  return {
    statistic,
    df: r,
    pValue: chiSquareSf(statistic, r),
    observed: Array.from(observed),
    expected: Array.from(expected),
    variance,
  };
}

export interface LogRankHazardRatio {
  /** (O_a / E_a) / (O_b / E_b) */
  hazardRatio: number;
  /** confidence limits from SE(log HR) ≈ √(1/E_a + 1/E_b) */
  lower: number;
  upper: number;
  level: number;
}

/**
 * The simple hazard-ratio estimate from a log-rank table, (O_a / E_a) / (O_b / E_b), of group `comparison` against
 * group `reference`, with the usual approximate interval exp(log HR ± z √(1/E_a + 1/E_b)). It is biased towards 1 when
 * the true ratio is far from 1; the Cox estimate (coxHazardRatio) is the one to report.
 */
export function logRankHazardRatio(
  result: LogRankResult,
  comparison = 1,
  reference = 0,
  level = 0.95,
): LogRankHazardRatio {
  const oa = result.observed[comparison];
  const ea = result.expected[comparison];
  const ob = result.observed[reference];
  const eb = result.expected[reference];
  const hr = oa / ea / (ob / eb);
  const z = normalQuantile(0.5 + level / 2);
  const se = Math.sqrt(1 / ea + 1 / eb);
  return { hazardRatio: hr, lower: hr * Math.exp(-z * se), upper: hr * Math.exp(z * se), level };
}
