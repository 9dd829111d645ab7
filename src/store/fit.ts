/**
 * Fitting chosen model parameters to the imported measurements (store/measurements.ts) from the page: the setup is
 * checked field by field (each bound a number inside the parameter's documented range, lower below upper, the start
 * between them), the fit runs in a worker of its own (worker/fitClient.ts: bounded Levenberg–Marquardt by weighted
 * least squares, optionally with profile-likelihood intervals) with progress and cancel, and the outcome keeps what
 * it was computed from (the explorer's scenario, the rows used) with the fitted model's curves for the charts.
 * "Apply" sets the fitted values as one undoable change of the scenario. The curves go to store/fitCurves.ts, which
 * the charts read (this module loads with the fit panel's chunk).
 *
 * Problems are codes with parameters, not sentences: the panel words them in the page's language.
 */
import { create } from 'zustand';
import { isParameterId, PARAMETER_KEY_PREFIX, parameterDefault } from '../scenario/catalogue/parameters';
import type { Scenario } from '../scenario/types';
import {
  currentValue,
  type Factor,
  fitRange,
  parameterChanges,
  parseVariable,
  type Variable,
  type VariableRange,
} from '../scenario/variables';
import { AnalysisCancelled, type AnalysisRun } from '../worker/analysisPool';
import { type FitProgress, type FitRun, runFit } from '../worker/fitClient';
import { useExplorer } from './explorer';
import { NO_FIT, useFitCurves } from './fitCurves';
import { type Measurement, useMeasurements } from './measurements';

export type { FitProgress } from '../worker/fitClient';

/**
 * What a fit may move: a model parameter by its id (tCellKillRate), or a drug's dose, start day or window length in
 * every arm that gives it, by its variable name (cox2.start, atz.dose, igf.window).
 */
export type FitId = string;

/** The variable a fit id names, or null when it names none. */
export function fitVariable(id: FitId): Variable | null {
  const v = parseVariable(isParameterId(id) ? `${PARAMETER_KEY_PREFIX}${id}` : id);
  return 'error' in v || v.kind === 'input' ? null : v;
}

/** The range a fit id moves over: its documented range, or what keeps the schedules valid (variables.ts fitRange). */
export function fitIdRange(scenario: Scenario, id: FitId): VariableRange {
  const v = fitVariable(id);
  return v ? fitRange(scenario, v) : { min: 0, max: 0, unit: '', log: false };
}

/** One parameter (or dose, start day, window) to fit, as the panel's fields give it (NaN: not a number). */
export interface FitField {
  id: FitId;
  min: number;
  max: number;
  start: number;
}

export interface FitSetup {
  fields: FitField[];
  profile: boolean;
  scale: 'log' | 'linear';
}

export type FitFieldProblem =
  | { id: FitId; field: 'min' | 'max' | 'start'; code: 'not-a-number' }
  | { id: FitId; field: 'min' | 'max'; code: 'below-range' | 'above-range'; limit: number; unit: string }
  | { id: FitId; field: 'max'; code: 'order' }
  | { id: FitId; field: 'start'; code: 'start-outside'; min: number; max: number };

export type FitProblem =
  | { code: 'no-parameters' }
  | { code: 'no-measurements' }
  | { code: 'too-few'; rows: number; parameters: number }
  | { code: 'sd-mixed'; withSd: number; rows: number };

export interface FitCheck {
  fields: FitFieldProblem[];
  problems: FitProblem[];
}

/** The setup's problems against the scenario's setting and the measurements that can be matched to its arms. */
export function checkFitSetup(scenario: Scenario, setup: FitSetup, rows: readonly Measurement[]): FitCheck {
  const fields: FitFieldProblem[] = [];
  for (const f of setup.fields) {
    const r = fitIdRange(scenario, f.id);
    const before = fields.length;
    for (const key of ['min', 'max'] as const) {
      const v = f[key];
      if (!Number.isFinite(v)) fields.push({ id: f.id, field: key, code: 'not-a-number' });
      else if (v < r.min) fields.push({ id: f.id, field: key, code: 'below-range', limit: r.min, unit: r.unit });
      else if (v > r.max) fields.push({ id: f.id, field: key, code: 'above-range', limit: r.max, unit: r.unit });
    }
    if (fields.length === before && !(f.min < f.max)) fields.push({ id: f.id, field: 'max', code: 'order' });
    if (!Number.isFinite(f.start)) fields.push({ id: f.id, field: 'start', code: 'not-a-number' });
    else if (fields.length === before && (f.start < f.min || f.start > f.max))
      fields.push({ id: f.id, field: 'start', code: 'start-outside', min: f.min, max: f.max });
  }
  const problems: FitProblem[] = [];
  if (setup.fields.length === 0) problems.push({ code: 'no-parameters' });
  const used = matchedRows(scenario, rows).length;
  if (used === 0) problems.push({ code: 'no-measurements' });
  else if (used < setup.fields.length + 1)
    problems.push({ code: 'too-few', rows: used, parameters: setup.fields.length });
  const withSd = rows.filter((r) => r.sd !== undefined).length;
  if (withSd > 0 && withSd < rows.length) problems.push({ code: 'sd-mixed', withSd, rows: rows.length });
  return { fields, problems };
}

/** The measurements whose arm (by name) is an arm of the scenario now, with that arm's index. */
function matchedRows(scenario: Scenario, rows: readonly Measurement[]): { row: Measurement; arm: number }[] {
  const byName = new Map(scenario.arms.map((a, i) => [a.name, i]));
  const out: { row: Measurement; arm: number }[] = [];
  for (const row of rows) {
    const arm = byName.get(row.arm);
    if (arm !== undefined) out.push({ row, arm });
  }
  return out;
}

/** The starting value of a fit: the scenario's value (a drug given in several arms: the first arm's). */
export function fitStart(scenario: Scenario, id: FitId): number {
  if (isParameterId(id)) return scenario.parameters?.[id] ?? parameterDefault(id, scenario.setting);
  const v = fitVariable(id);
  return v ? currentValue(scenario, v, {}) : Number.NaN;
}

export interface FittedFactor {
  id: FitId;
  unit: string;
  start: number;
  estimate: number;
  standardError: number;
  /** 95 % Wald interval (cut to the bounds) */
  lower: number;
  upper: number;
  profile?: { lower: number; upper: number; lowerBounded: boolean; upperBounded: boolean };
}

export interface FitRowOutcome {
  line: number;
  arm: string;
  series: string;
  day: number;
  value: number;
  model: number;
  /** weighted residual on the fitted scale (model − measured) */
  residual: number;
}

export interface FitOutcome {
  /** the explorer's scenario it was fitted from (another one means the outcome is out of date) */
  scenario: Scenario;
  fileName: string;
  factors: FittedFactor[];
  goodness: { points: number; parameters: number; ssr: number; reducedChiSquare: number; aic: number };
  weighted: boolean;
  scale: 'log' | 'linear';
  converged: boolean;
  iterations: number;
  evaluations: number;
  rows: FitRowOutcome[];
  /** the fitted model's curves, per arm (by name) */
  curves: { arm: string; t: Float64Array; series: Record<string, Float64Array> }[];
  changed: { id: string; value: number; default: number }[];
}

export type FitStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

interface FitState {
  status: FitStatus;
  progress: FitProgress | null;
  /** a failure of the fit itself (English, from the model) */
  error: string | null;
  check: FitCheck | null;
  outcome: FitOutcome | null;
  start: (setup: FitSetup) => void;
  cancel: () => void;
  /** sets the fitted values in the explorer's scenario (one undo step) */
  apply: () => void;
  clear: () => void;
}

let current: AnalysisRun<FitRun> | null = null;

/** A fitted value as it is written into the scenario: 6 significant digits, inside its range (fitIdRange). */
export function appliedValue(f: FittedFactor, scenario: Scenario): number {
  const r = fitIdRange(scenario, f.id);
  return Math.min(r.max, Math.max(r.min, Number(f.estimate.toPrecision(6))));
}

export const useFit = create<FitState>()((set, get) => ({
  status: 'idle',
  progress: null,
  error: null,
  check: null,
  outcome: null,
  start(setup) {
    const { scenario } = useExplorer.getState();
    const { rows, fileName } = useMeasurements.getState();
    const check = checkFitSetup(scenario, setup, rows);
    if (check.fields.length > 0 || check.problems.length > 0) {
      set({ check, status: 'idle' });
      return;
    }
    current?.cancel();
    const matched = matchedRows(scenario, rows);
    // only the arms with data are simulated, in the scenario's order
    const armIndices = [...new Set(matched.map((m) => m.arm))].sort((a, b) => a - b);
    const local = new Map(armIndices.map((a, i) => [a, i]));
    const fitScenario: Scenario = {
      ...scenario,
      arms: armIndices.map((a) => ({ ...scenario.arms[a], hidden: false })),
    };
    const factors: Factor[] = [];
    for (const f of setup.fields) {
      const v = fitVariable(f.id);
      if (!v) continue;
      const documented = fitRange(scenario, v);
      factors.push({
        variable: v,
        range: { min: f.min, max: f.max, unit: documented.unit, log: documented.log && f.min > 0 },
      });
    }
    const data = matched.map(({ row, arm }) => ({
      armIndex: local.get(arm) as number,
      series: row.series,
      day: row.day,
      value: row.value,
      ...(row.sd !== undefined ? { sd: row.sd } : {}),
      ...(row.n !== undefined ? { n: row.n } : {}),
    }));
    set({ status: 'running', progress: null, error: null, check: null });
    const run = runFit(
      {
        scenario: fitScenario,
        factors,
        fitFactors: setup.fields.map((f, j) => ({
          name: f.id,
          min: f.min,
          max: f.max,
          log: factors[j].range.log,
          start: f.start,
        })),
        data,
        scale: setup.scale,
        profile: setup.profile,
      },
      (progress) => {
        if (current === run) set({ progress });
      },
    );
    current = run;
    run.result.then(
      ({ fit, curves }) => {
        if (current !== run) return;
        current = null;
        set({
          status: 'done',
          outcome: {
            scenario,
            fileName: fileName ?? '',
            factors: fit.factors.map((f, j) => ({
              id: setup.fields[j].id,
              unit: factors[j].range.unit,
              start: f.start,
              estimate: f.estimate,
              standardError: f.standardError,
              lower: f.lower,
              upper: f.upper,
              ...(f.profile
                ? {
                    profile: {
                      lower: f.profile.lower,
                      upper: f.profile.upper,
                      lowerBounded: f.profile.lowerBounded,
                      upperBounded: f.profile.upperBounded,
                    },
                  }
                : {}),
            })),
            goodness: {
              points: fit.goodness.points,
              parameters: fit.goodness.parameters,
              ssr: fit.goodness.ssr,
              reducedChiSquare: fit.goodness.reducedChiSquare,
              aic: fit.goodness.aic,
            },
            weighted: data.some((d) => d.sd !== undefined),
            scale: fit.scale,
            converged: fit.converged,
            iterations: fit.iterations,
            evaluations: fit.evaluations,
            rows: matched.map(({ row }, i) => ({
              line: row.line,
              arm: row.arm,
              series: row.series,
              day: row.day,
              value: row.value,
              model: fit.predictions[i],
              residual: fit.residuals[i],
            })),
            curves: curves.map((c) => ({
              arm: fitScenario.arms[c.armIndex].name,
              t: c.t,
              series: c.series,
            })),
            changed: parameterChanges(scenario),
          },
        });
        const { outcome } = get();
        if (outcome)
          useFitCurves.setState({
            scenario,
            curves: outcome.curves,
            summary: {
              file: outcome.fileName,
              scale: outcome.scale,
              weighted: outcome.weighted,
              converged: outcome.converged,
              factors: outcome.factors.map(({ id, ...f }) => ({ name: id, ...f })),
              goodness: outcome.goodness,
            },
          });
      },
      (error: unknown) => {
        if (current !== run) return;
        current = null;
        if (error instanceof AnalysisCancelled) return;
        set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
      },
    );
  },
  cancel() {
    if (!current) return;
    current.cancel();
    current = null;
    set({ status: 'cancelled', progress: null });
  },
  apply() {
    const { outcome } = get();
    if (!outcome) return;
    const { scenario, setVariables } = useExplorer.getState();
    // parameters and schedules in one undoable change
    setVariables(
      outcome.factors.map((f) => ({
        variable: isParameterId(f.id) ? `${PARAMETER_KEY_PREFIX}${f.id}` : f.id,
        value: appliedValue(f, scenario),
      })),
    );
  },
  clear() {
    get().cancel();
    set({ status: 'idle', outcome: null, check: null, error: null, progress: null });
    useFitCurves.setState(NO_FIT);
  },
}));
