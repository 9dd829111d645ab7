/**
 * Kaplan–Meier product-limit estimator (Kaplan & Meier, JASA 1958) with Greenwood's variance and pointwise confidence
 * intervals, the median survival time with its Brookmeyer–Crowley-style interval, and censoring marks for plots.
 *
 * Variance (Greenwood 1926): Var Ŝ(t) = Ŝ(t)² Σ_{t_j ≤ t} d_j / (n_j (n_j − d_j)).
 *
 * Default interval: log(−log), i.e. symmetric on θ = log(−log Ŝ) with se(θ) = √(Σ d_j / (n_j (n_j − d_j))) / |log Ŝ|,
 * giving [Ŝ^exp(z·se), Ŝ^exp(−z·se)] (Kalbfleisch & Prentice 1980; SAS LIFETEST's default, R's
 * conf.type = "log-log"). It stays inside [0, 1] and behaves well in the tails. "log" (R's default) and "plain" are
 * offered for comparison with other software.
 */

import { normalQuantile } from './distributions';
import { buildRiskTable, type EventInput, type TimeInput } from './risk-table';

export type ConfidenceType = 'log-log' | 'log' | 'plain';

export interface KaplanMeierOptions {
  /** confidence level of the pointwise interval, default 0.95 */
  level?: number;
  /** scale on which the interval is symmetric, default 'log-log' */
  confType?: ConfidenceType;
}

/**
 * One row per distinct observed time (event or censoring). Ŝ is a right-continuous step function: survival[j] holds
 * on [time[j], time[j + 1]), and Ŝ = 1 before time[0].
 */
export interface KaplanMeierResult {
  time: number[];
  survival: number[];
  /** number at risk just before time[j] */
  atRisk: number[];
  /** events at time[j] */
  events: number[];
  /** censored at time[j] */
  censored: number[];
  /** Greenwood standard error of survival[j] */
  standardError: number[];
  /** pointwise lower confidence limit (1 while Ŝ = 1, 0 once Ŝ = 0) */
  lower: number[];
  /** pointwise upper confidence limit */
  upper: number[];
  level: number;
  confType: ConfidenceType;
}

export function kaplanMeier(time: TimeInput, event: EventInput, options: KaplanMeierOptions = {}): KaplanMeierResult {
  const level = options.level ?? 0.95;
  const confType = options.confType ?? 'log-log';
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const z = normalQuantile(0.5 + level / 2);
  const table = buildRiskTable([{ time, event }]);
  const m = table.time.length;
  const result: KaplanMeierResult = {
    time: Array.from(table.time),
    survival: new Array(m),
    atRisk: Array.from(table.atRisk),
    events: Array.from(table.events),
    censored: Array.from(table.censored),
    standardError: new Array(m),
    lower: new Array(m),
    upper: new Array(m),
    level,
    confType,
  };
  let s = 1;
  let greenwood = 0; // Σ d / (n (n − d))
  for (let j = 0; j < m; j++) {
    const n = table.atRisk[j];
    const d = table.events[j];
    if (d > 0) {
      s *= 1 - d / n;
      greenwood += n > d ? d / (n * (n - d)) : Number.POSITIVE_INFINITY;
    }
    result.survival[j] = s;
    let lo: number;
    let hi: number;
    if (s <= 0) {
      result.standardError[j] = 0;
      lo = 0;
      hi = 0;
    } else {
      result.standardError[j] = s * Math.sqrt(greenwood);
      if (s >= 1 || greenwood === 0) {
        lo = s;
        hi = s;
      } else if (confType === 'log-log') {
        const logS = Math.log(s);
        const w = (z * Math.sqrt(greenwood)) / Math.abs(logS);
        lo = s ** Math.exp(w);
        hi = s ** Math.exp(-w);
      } else if (confType === 'log') {
        const w = z * Math.sqrt(greenwood);
        lo = s * Math.exp(-w);
        hi = Math.min(1, s * Math.exp(w));
      } else {
        const w = z * s * Math.sqrt(greenwood);
        lo = Math.max(0, s - w);
        hi = Math.min(1, s + w);
      }
    }
    result.lower[j] = lo;
    result.upper[j] = hi;
  }
  return result;
}

export interface MedianSurvival {
  /** estimated median survival time; null when Ŝ never falls to 0.5 */
  median: number | null;
  /** lower confidence limit; null when even the lower band never falls to 0.5 */
  lower: number | null;
  /** upper confidence limit; null when the upper band never falls to 0.5 (reported "not reached") */
  upper: number | null;
}

const HALF_TOLERANCE = 1e-10;

/**
 * First time a step curve reaches ≤ 0.5. When the curve sits exactly at 0.5 (up to rounding) over an interval, the
 * midpoint of that interval is returned, as R's survfit does; if it stays at 0.5 to the last observation, the start of
 * the flat part.
 */
function firstAtOrBelowHalf(time: number[], curve: number[]): number | null {
  const m = time.length;
  for (let j = 0; j < m; j++) {
    const v = curve[j];
    if (Math.abs(v - 0.5) <= HALF_TOLERANCE) {
      for (let k = j + 1; k < m; k++) {
        if (curve[k] < 0.5 - HALF_TOLERANCE) return 0.5 * (time[j] + time[k]);
      }
      return time[j];
    }
    if (v < 0.5) return time[j];
  }
  return null;
}

/**
 * Median survival time and its confidence interval by inverting the pointwise band (Brookmeyer & Crowley 1982 in the
 * form used by R's survfit and SAS LIFETEST): lower = first time the lower band is ≤ 0.5, upper = first time the upper
 * band is ≤ 0.5. The interval's level and scale are those of the band in `km`.
 */
export function medianSurvival(km: KaplanMeierResult): MedianSurvival {
  return {
    median: firstAtOrBelowHalf(km.time, km.survival),
    lower: firstAtOrBelowHalf(km.time, km.lower),
    upper: firstAtOrBelowHalf(km.time, km.upper),
  };
}

/** Survival probability Ŝ(t) read off the step function (1 before the first observed time). */
export function survivalAt(km: KaplanMeierResult, t: number): number {
  // Binary search for the last row with time ≤ t.
  let lo = 0;
  let hi = km.time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (km.time[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 1 : km.survival[lo - 1];
}

/** Ŝ(t) with its pointwise confidence limits at t, read off the step function (Ŝ = 1 before the first observed time). */
export interface SurvivalAtTime {
  estimate: number;
  lower: number;
  upper: number;
  level: number;
}

/**
 * Ŝ(t) and its pointwise interval (the band of `km`, log-log by default): e.g. 12-month survival. Null when t is past
 * the last observed time (the curve says nothing there) or there are no observations.
 */
export function survivalIntervalAt(km: KaplanMeierResult, t: number): SurvivalAtTime | null {
  const m = km.time.length;
  if (m === 0 || t > km.time[m - 1]) return null;
  let lo = 0;
  let hi = m;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (km.time[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return { estimate: 1, lower: 1, upper: 1, level: km.level };
  const j = lo - 1;
  return { estimate: km.survival[j], lower: km.lower[j], upper: km.upper[j], level: km.level };
}

export interface CensorMarks {
  /** times with at least one censored observation */
  time: number[];
  /** Ŝ at those times: the height at which to draw the tick */
  survival: number[];
  /** how many observations were censored there */
  count: number[];
}

/** Censoring ticks for a Kaplan–Meier plot: one mark per distinct censoring time. */
export function censorMarks(km: KaplanMeierResult): CensorMarks {
  const marks: CensorMarks = { time: [], survival: [], count: [] };
  for (let j = 0; j < km.time.length; j++) {
    if (km.censored[j] > 0) {
      marks.time.push(km.time[j]);
      marks.survival.push(km.survival[j]);
      marks.count.push(km.censored[j]);
    }
  }
  return marks;
}
