/**
 * The toolkit's work inside a simulation worker: blocks of a scan's points or of a sensitivity design's runs, and the
 * reduction of a design's outputs (statistics run in workers, not on the page). Scenarios are built here from the
 * scenario layer (scan.ts, variables.ts) and run by the model (model/analysis), so neither needs the other.
 */
import {
  analyseSensitivity,
  type DesignSpec,
  designPoints,
  ensembleDraw,
  ensembleParameters,
  type FitDatum,
  type FitFactor,
  type FitResult,
  fitMeasurements,
  integratorFor,
  parseReadout,
  type Readout,
  type ReadoutBlock,
  runReadouts,
  runScalar,
  type SensitivityResult,
  type SeriesName,
  simulate,
} from '../model';
import { type ScanSpec, scanScenario } from '../scenario/scan';
import type { Scenario } from '../scenario/types';
import { type Factor, factorScenario, valuesScenario, variableName } from '../scenario/variables';
import { quantileSorted } from '../stats';

/** A sensitivity analysis as the page asks for it: plain data, so it crosses to the worker by structured clone. */
export interface SensitivityRequest {
  scenario: Scenario;
  factors: Factor[];
  design: DesignSpec;
  /** a readout's text form, e.g. 'logvolume@28' (model/analysis/readouts.ts) */
  readout: string;
  /** the arm read; with a second arm, the readout is the first minus the second */
  arms: number[];
}

function readouts(texts: readonly string[]): Readout[] {
  return texts.map((t) => {
    const r = parseReadout(t);
    if ('error' in r) throw new Error(r.error);
    return r;
  });
}

/** Points [from, to) of a scan: readouts × arms per point (model/analysis/run.ts). */
export function scanBlock(
  scenario: Scenario,
  spec: ScanSpec,
  readoutTexts: string[],
  from: number,
  to: number,
): ReadoutBlock {
  return runReadouts((i) => scanScenario(scenario, spec, i), readouts(readoutTexts), from, to);
}

/** Outputs of runs [from, to) of a sensitivity design. */
export function sensitivityBlock(request: SensitivityRequest, from: number, to: number): Float64Array {
  const [readout] = readouts([request.readout]);
  const point = designPoints(request.design);
  return runScalar(
    (k) => factorScenario(request.scenario, request.factors, point(k), request.arms),
    readout,
    request.arms.length > 1,
    from,
    to,
  );
}

export function sensitivityResult(request: SensitivityRequest, y: Float64Array): SensitivityResult {
  return analyseSensitivity(
    request.design,
    y,
    request.factors.map((f) => variableName(f.variable)),
    request.factors.map((f) => f.range),
  );
}

/** A fit as the page asks for it: the factors (with their ranges and starting values) and the measurements. */
export interface FitRequest {
  scenario: Scenario;
  factors: Factor[];
  /** per factor: name, range, log and start, as FitFactor */
  fitFactors: FitFactor[];
  data: FitDatum[];
  scale: 'log' | 'linear';
  /** 95 % profile-likelihood intervals too (model/analysis/fit.ts) */
  profile?: boolean;
}

/** A fit's progress: the Levenberg–Marquardt iterations, then the profiles (factor index from 0). */
export type FitProgress =
  | { phase: 'fit'; iterations: number; evaluations: number; ssr: number }
  | { phase: 'profile'; factor: number; evaluations: number };

/** The fitted model's curves: per arm of the request's scenario, its output times and the series the data name. */
export interface FittedCurve {
  armIndex: number;
  t: Float64Array;
  series: Record<string, Float64Array>;
}

export interface FitRun {
  fit: FitResult;
  curves: FittedCurve[];
}

/** Fits the factors to the measurements (serial: each step of Levenberg–Marquardt needs the one before). */
export function fitRequest(request: FitRequest): FitResult {
  return fitMeasurements(
    (v) => valuesScenario(request.scenario, request.factors, v),
    request.fitFactors,
    request.data,
    request.scale,
  );
}

/**
 * The fit with its progress reported after every iteration and profile step, then the fitted scenario simulated once
 * (the explorer's tolerance) for the curves drawn over the measurements: the series the data name, per arm.
 */
export function fitWithCurves(request: FitRequest, onProgress: (progress: FitProgress) => void = () => {}): FitRun {
  const fit = fitMeasurements(
    (v) => valuesScenario(request.scenario, request.factors, v),
    request.fitFactors,
    request.data,
    request.scale,
    (iterations, evaluations, ssr) => {
      onProgress({ phase: 'fit', iterations, evaluations, ssr });
      return false;
    },
    {
      profile: request.profile === true,
      onProfileStep: (factor, evaluations) => onProgress({ phase: 'profile', factor, evaluations }),
    },
  );
  const fitted = valuesScenario(
    request.scenario,
    request.factors,
    fit.factors.map((f) => f.estimate),
  );
  const result = simulate(fitted, { integrator: integratorFor('interactive') });
  const names = [...new Set(request.data.map((d) => d.series))] as SeriesName[];
  const curves = result.arms.map((arm, armIndex) => ({
    armIndex,
    t: arm.t,
    series: Object.fromEntries(names.filter((n) => arm.series[n]).map((n) => [n, arm.series[n]])),
  }));
  return { fit, curves };
}

/**
 * Uncertainty bands: one series of every arm over members of the plausible parameter ensemble (model/ensemble.ts,
 * the claims' robustness ensemble), with the scenario's own parameter changes kept as they are (the user fixed them).
 */
export interface EnsembleRequest {
  scenario: Scenario;
  /** the ensemble's seed (draw i is the same whatever the number of draws) */
  seed: number;
  /** one series, or several (each member's values then hold every series in turn) */
  series: SeriesName | readonly SeriesName[];
}

/**
 * Members [from, to): values[(i - from) * S * A * T + (s * A + a) * T + k] for series s (in the request's order; S = 1
 * for one series) of arm a at output point k.
 */
export function ensembleBlock(request: EnsembleRequest, from: number, to: number): Float64Array {
  const { scenario } = request;
  const integrator = integratorFor('ensemble');
  const series: readonly SeriesName[] = typeof request.series === 'string' ? [request.series] : request.series;
  let out = new Float64Array(0);
  let width = 0;
  for (let i = from; i < to; i++) {
    const overrides = {
      ...ensembleParameters(ensembleDraw(request.seed, i), scenario.setting),
      ...scenario.parameters,
    };
    const result = simulate(scenario, { parameterOverrides: overrides, integrator });
    if (i === from) {
      width = series.length * result.arms.reduce((n, a) => n + a.t.length, 0);
      out = new Float64Array((to - from) * width);
    }
    let at = (i - from) * width;
    for (const name of series)
      for (const arm of result.arms) {
        out.set(arm.series[name], at);
        at += arm.t.length;
      }
  }
  return out;
}

/** The 5 %, 50 % and 95 % quantiles over members at each arm's output point: [q * A * T + a * T + k]. */
export function ensembleBands(values: Float64Array, members: number, arms: number, points: number): Float64Array {
  const out = new Float64Array(3 * arms * points);
  const column = new Float64Array(members);
  const width = arms * points;
  for (let c = 0; c < width; c++) {
    for (let m = 0; m < members; m++) column[m] = values[m * width + c];
    column.sort();
    out[c] = quantileSorted(column, 0.05);
    out[width + c] = quantileSorted(column, 0.5);
    out[2 * width + c] = quantileSorted(column, 0.95);
  }
  return out;
}
