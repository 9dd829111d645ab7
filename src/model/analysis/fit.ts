/**
 * Fitting a scenario to measurements: weighted least squares of the model's outputs against measured values, over
 * chosen factors (parameters or any scan variable) within their ranges, by bounded Levenberg–Marquardt (stats).
 * Factors on a log range are fitted as log10 of their value (their intervals are then asymmetric on the value).
 *
 * Residuals: on the log scale (default: volumes span decades, and measurement error grows with size),
 * (log10(model + ε) − log10(value + ε)) / σ, σ = SE / ((value + ε) ln 10) by the delta method, ε = 1e-6 (an eradicated
 * tumour reads as 1e-6); on the linear scale, (model − value) / SE. SE = sd / √n when sd is given (sd alone: sd); with
 * no sd at all, σ = 1 and the standard errors are scaled by the residual variance. 95 % intervals: estimate ± 1.96 SE
 * on the fitted scale, cut to the factor's range (Wald intervals: approximate when the model is far from linear in
 * the factor over the interval).
 *
 * Profile-likelihood intervals (with `profile: true`): for each factor, its value is moved away from the estimate in
 * both directions, the other factors are fitted again at every value (warm-started from the previous one), and the
 * interval is where the profiled SSR stays within Δ of the minimum. Δ = χ²₁(0.95) = 3.84 when SDs are given (the
 * residuals are then z-scores, so SSR is −2 log L up to a constant); with no SDs, Δ = 3.84 · SSR / (n − p) (the
 * variance estimated from the residuals, as for the Wald interval; chosen over the F-based cut, which differs by
 * less than 10 % once n − p ≥ 10). Steps start at the factor's standard error on the fitted scale and grow by half
 * while the SSR rises slowly; the crossing is found by linear interpolation on the last two points, refined twice. An
 * end that reaches the factor's range without crossing is reported at the range, flagged `bounded` (the data do not
 * bound the factor on that side). Unlike the Wald interval, a profile interval follows the model's curvature and
 * is asymmetric where the model is.
 */
import type { Scenario } from '../../scenario/types';
import { levenbergMarquardt } from '../../stats';
import type { SeriesName } from '../series';
import { simulate, valueAt } from '../simulate';
import { integratorFor } from '../tolerances';

export interface FitFactor {
  name: string;
  min: number;
  max: number;
  log: boolean;
  /** the starting value (the scenario's) */
  start: number;
}

export interface FitDatum {
  armIndex: number;
  series: string;
  day: number;
  value: number;
  sd?: number;
  n?: number;
}

export interface ProfileInterval {
  lower: number;
  upper: number;
  /** the interval's end reached the factor's range before the SSR crossed the cut */
  lowerBounded: boolean;
  upperBounded: boolean;
  /** SSR − SSRmin that defines the interval */
  threshold: number;
  /** the profile: factor values (ascending) and SSR − SSRmin at each */
  points: { value: number; deltaSsr: number }[];
  evaluations: number;
}

export interface FitOptions {
  /** compute profile-likelihood intervals as well (costs 10–40 fits of the other factors per factor) */
  profile?: boolean;
  /** after each point of a profile: the factor profiled (index) and the model evaluations of the profiles so far */
  onProfileStep?: (factor: number, evaluations: number) => void;
}

export interface FitResult {
  factors: {
    name: string;
    estimate: number;
    standardError: number;
    /** 95 % Wald interval */
    lower: number;
    upper: number;
    start: number;
    log: boolean;
    /** 95 % profile-likelihood interval, when asked for */
    profile?: ProfileInterval;
  }[];
  /** per datum: the model's value and the residual (weighted, on the fitted scale) */
  predictions: number[];
  residuals: number[];
  goodness: {
    points: number;
    parameters: number;
    ssr: number;
    /** SSR / (n − p): the reduced χ² when sds are given */
    reducedChiSquare: number;
    /** Akaike information criterion for Gaussian residuals: n ln(SSR / n) + 2p */
    aic: number;
    /** 1 − SSR / total sum of squares, on the fitted (unweighted) scale */
    rSquared: number;
  };
  iterations: number;
  converged: boolean;
  evaluations: number;
  scale: 'log' | 'linear';
}

const EPS = 1e-6;
const Z95 = 1.959963984540054;
/** the 95 % quantile of χ² with one degree of freedom (= Z95²) */
export const CHI2_1_95 = Z95 * Z95;
/** the most steps a profile takes on each side of the estimate */
const PROFILE_STEPS = 16;

export function fitMeasurements(
  scenarioOf: (values: Float64Array) => Scenario,
  factors: readonly FitFactor[],
  data: readonly FitDatum[],
  scale: 'log' | 'linear' = 'log',
  /** after each iteration: true stops the fit with the best point so far (converged false) */
  shouldStop?: (iterations: number, evaluations: number, ssr: number) => boolean,
  options: FitOptions = {},
): FitResult {
  if (data.length < factors.length)
    throw new RangeError(`${data.length} measurements cannot fit ${factors.length} factors`);
  // the explorer's tolerance: a fit's finite differences need the curves as accurate as they are drawn
  const integrator = integratorFor('interactive');
  const toValue = (z: Float64Array): Float64Array => z.map((v, j) => (factors[j].log ? 10 ** v : v));
  const known = data.some((d) => d.sd !== undefined);
  const se = data.map((d) => (d.sd === undefined ? (known ? Number.NaN : 1) : d.sd / Math.sqrt(d.n ?? 1)));
  if (known && se.some((s) => Number.isNaN(s))) throw new RangeError('give sd for every measurement or for none');
  const observed = data.map((d) => (scale === 'log' ? Math.log10(d.value + EPS) : d.value));
  const sigma = data.map((d, i) => (known ? (scale === 'log' ? se[i] / ((d.value + EPS) * Math.LN10) : se[i]) : 1));
  const predict = (z: Float64Array): number[] => {
    const result = simulate(scenarioOf(toValue(z)), { integrator });
    return data.map((d) => {
      const arm = result.arms[d.armIndex];
      return valueAt(arm.t, arm.series[d.series as SeriesName], d.day);
    });
  };
  const fitted = (v: number): number => (scale === 'log' ? Math.log10(v + EPS) : v);
  const residualsAt = (z: Float64Array): Float64Array => {
    const pred = predict(z);
    return Float64Array.from(pred, (v, i) => (fitted(v) - observed[i]) / sigma[i]);
  };
  const lowerZ = factors.map((f) => (f.log ? Math.log10(f.min) : f.min));
  const upperZ = factors.map((f) => (f.log ? Math.log10(f.max) : f.max));
  const lm = levenbergMarquardt(
    {
      residuals: residualsAt,
      x0: factors.map((f) => (f.log ? Math.log10(f.start) : f.start)),
      lower: lowerZ,
      upper: upperZ,
    },
    { knownScale: known, shouldStop },
  );
  const predictions = predict(lm.x);
  const n = data.length;
  const p = factors.length;
  const mean = observed.reduce((s, v) => s + v, 0) / n;
  const tss = observed.reduce((s, v) => s + (v - mean) ** 2, 0);
  const rss = predictions.reduce((s, v, i) => s + (fitted(v) - observed[i]) ** 2, 0);
  const threshold = known ? CHI2_1_95 : (CHI2_1_95 * lm.ssr) / Math.max(1, n - p);
  // a fit that did not converge (or was stopped early: the command line's --max-seconds) has no minimum to profile
  const profiles =
    options.profile && lm.converged
      ? factors.map((_, j) =>
          profileFactor(j, lm.x, lm.ssr, lm.standardErrors[j], threshold, residualsAt, lowerZ, upperZ, (e) =>
            options.onProfileStep?.(j, e),
          ),
        )
      : null;
  return {
    factors: factors.map((f, j) => {
      const z = lm.x[j];
      const s = lm.standardErrors[j];
      const back = (v: number) => (f.log ? 10 ** v : v);
      const prof = profiles?.[j];
      return {
        ...(prof
          ? {
              profile: {
                ...prof,
                lower: back(prof.lower),
                upper: back(prof.upper),
                points: prof.points.map((q) => ({ value: back(q.value), deltaSsr: q.deltaSsr })),
              },
            }
          : {}),
        name: f.name,
        estimate: back(z),
        // on a log factor, the SE of the value by the delta method
        standardError: f.log ? back(z) * Math.LN10 * s : s,
        // the interval, like the estimate, stays inside the factor's range
        lower: Math.max(f.min, back(z - Z95 * s)),
        upper: Math.min(f.max, back(z + Z95 * s)),
        start: f.start,
        log: f.log,
      };
    }),
    predictions,
    residuals: Array.from(lm.residuals),
    goodness: {
      points: n,
      parameters: p,
      ssr: lm.ssr,
      reducedChiSquare: lm.ssr / Math.max(1, n - p),
      aic: n * Math.log(Math.max(lm.ssr, 1e-300) / n) + 2 * p,
      rSquared: tss > 0 ? 1 - rss / tss : 1,
    },
    iterations: lm.iterations,
    converged: lm.converged,
    evaluations: lm.evaluations,
    scale,
  };
}

function sumSquares(r: Float64Array): number {
  let s = 0;
  for (const v of r) s += v * v;
  return s;
}

/**
 * The profile of factor j on the fitted scale (see the header): the others re-fitted at each value of factor j.
 * Returns the interval on the fitted scale.
 */
function profileFactor(
  j: number,
  best: Float64Array,
  ssrMin: number,
  standardError: number,
  threshold: number,
  residualsAt: (z: Float64Array) => Float64Array,
  lower: readonly number[],
  upper: readonly number[],
  onStep?: (evaluations: number) => void,
): ProfileInterval {
  const p = best.length;
  const others = Array.from({ length: p }, (_, k) => k).filter((k) => k !== j);
  let evaluations = 0;
  let minimum = ssrMin;
  /** SSR with factor j at zj and the others fitted (from `start`); returns the others' optimum too */
  const profiled = (zj: number, start: Float64Array): { ssr: number; rest: Float64Array<ArrayBufferLike> } => {
    const full = (rest: ArrayLike<number>): Float64Array => {
      const z = Float64Array.from(best);
      z[j] = zj;
      others.forEach((k, i) => {
        z[k] = rest[i];
      });
      return z;
    };
    if (others.length === 0) {
      evaluations++;
      const ssr = sumSquares(residualsAt(full([])));
      onStep?.(evaluations);
      return { ssr, rest: start };
    }
    const fit = levenbergMarquardt(
      {
        residuals: (rest) => residualsAt(full(rest)),
        x0: start,
        lower: others.map((k) => lower[k]),
        upper: others.map((k) => upper[k]),
      },
      { maxIterations: 40 },
    );
    evaluations += fit.evaluations;
    onStep?.(evaluations);
    return { ssr: fit.ssr, rest: fit.x };
  };
  const span = upper[j] - lower[j];
  const h0 = Math.min(
    span / 4,
    Math.max(span * 1e-3, Number.isFinite(standardError) && standardError > 0 ? standardError : span / 20),
  );
  const points: { value: number; ssr: number }[] = [{ value: best[j], ssr: ssrMin }];
  const side = (direction: 1 | -1): { end: number; bounded: boolean } => {
    const bound = direction > 0 ? upper[j] : lower[j];
    let start: Float64Array = Float64Array.from(others.map((k) => best[k]));
    let previous = { value: best[j], ssr: ssrMin, rest: start };
    let h = h0;
    for (let step = 0; step < PROFILE_STEPS; step++) {
      const value = direction > 0 ? Math.min(bound, previous.value + h) : Math.max(bound, previous.value - h);
      const here = profiled(value, start);
      points.push({ value, ssr: here.ssr });
      if (here.ssr < minimum) minimum = here.ssr;
      if (here.ssr - ssrMin >= threshold) {
        // the crossing lies between previous and here: interpolate, then refine twice on the bracketing pair
        let a = previous;
        let b = { value, ssr: here.ssr, rest: here.rest };
        for (let refine = 0; refine < 2; refine++) {
          const f = (threshold - (a.ssr - ssrMin)) / (b.ssr - a.ssr);
          const mid = a.value + Math.min(0.95, Math.max(0.05, f)) * (b.value - a.value);
          const m = profiled(mid, a.rest);
          points.push({ value: mid, ssr: m.ssr });
          if (m.ssr - ssrMin >= threshold) b = { value: mid, ssr: m.ssr, rest: m.rest };
          else a = { value: mid, ssr: m.ssr, rest: m.rest };
        }
        const f = (threshold - (a.ssr - ssrMin)) / (b.ssr - a.ssr);
        return { end: a.value + Math.min(1, Math.max(0, f)) * (b.value - a.value), bounded: false };
      }
      if (value === bound) return { end: bound, bounded: true };
      // the SSR rises slowly: take longer steps
      if (here.ssr - ssrMin < threshold / 4) h *= 1.5;
      start = here.rest;
      previous = { value, ssr: here.ssr, rest: here.rest };
    }
    return { end: previous.value, bounded: true };
  };
  const low = side(-1);
  const high = side(1);
  points.sort((a, b) => a.value - b.value);
  return {
    lower: low.end,
    upper: high.end,
    lowerBounded: low.bounded,
    upperBounded: high.bounded,
    threshold,
    points: points.map((q) => ({ value: q.value, deltaSsr: Math.max(0, q.ssr - minimum) })),
    evaluations,
  };
}
