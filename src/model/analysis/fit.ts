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
 * the factor over the interval; profile-likelihood intervals are not computed).
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

export interface FitResult {
  factors: {
    name: string;
    estimate: number;
    standardError: number;
    lower: number;
    upper: number;
    start: number;
    log: boolean;
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

export function fitMeasurements(
  scenarioOf: (values: Float64Array) => Scenario,
  factors: readonly FitFactor[],
  data: readonly FitDatum[],
  scale: 'log' | 'linear' = 'log',
  /** after each iteration: true stops the fit with the best point so far (converged false) */
  shouldStop?: (iterations: number, evaluations: number, ssr: number) => boolean,
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
  const lm = levenbergMarquardt(
    {
      residuals: (z) => {
        const pred = predict(z);
        return Float64Array.from(pred, (v, i) => (fitted(v) - observed[i]) / sigma[i]);
      },
      x0: factors.map((f) => (f.log ? Math.log10(f.start) : f.start)),
      lower: factors.map((f) => (f.log ? Math.log10(f.min) : f.min)),
      upper: factors.map((f) => (f.log ? Math.log10(f.max) : f.max)),
    },
    { knownScale: known, shouldStop },
  );
  const predictions = predict(lm.x);
  const n = data.length;
  const p = factors.length;
  const mean = observed.reduce((s, v) => s + v, 0) / n;
  const tss = observed.reduce((s, v) => s + (v - mean) ** 2, 0);
  const rss = predictions.reduce((s, v, i) => s + (fitted(v) - observed[i]) ** 2, 0);
  return {
    factors: factors.map((f, j) => {
      const z = lm.x[j];
      const s = lm.standardErrors[j];
      const back = (v: number) => (f.log ? 10 ** v : v);
      return {
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
