/**
 * The toolkit's work inside a simulation worker: blocks of a scan's points or of a sensitivity design's runs, and the
 * reduction of a design's outputs (statistics run in workers, not on the page). Scenarios are built here from the
 * scenario layer (scan.ts, variables.ts) and run by the model (model/analysis), so neither needs the other.
 */
import {
  analyseSensitivity,
  type DesignSpec,
  designPoints,
  type FitDatum,
  type FitFactor,
  type FitResult,
  fitMeasurements,
  parseReadout,
  type Readout,
  type ReadoutBlock,
  runReadouts,
  runScalar,
  type SensitivityResult,
} from '../model';
import { type ScanSpec, scanScenario } from '../scenario/scan';
import type { Scenario } from '../scenario/types';
import { type Factor, factorScenario, valuesScenario, variableName } from '../scenario/variables';

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
