/**
 * simulate(scenario) -> result: integrates each arm piecewise between discontinuities (bolus doses, the start and end
 * of oral dosing, and check days on which the extinction rule removes a compartment) with the adaptive Dormand–Prince
 * solver, and samples the output grid and the check days from its dense output. Pure: no DOM, no worker globals; runs in the worker, in tests and in the CLI alike.
 */
import { doseTimes, outputGrid } from '../scenario/catalogue/calendar';
import { EGFR_DEFAULT } from '../scenario/limits';
import type { Arm, Inputs, Scenario } from '../scenario/types';
import { armInputs, DRUG_IDS } from '../scenario/types';
import { createDormandPrince } from '../solver/dopri5';
import { withStiffFallback } from '../solver/fallback';
import type { Integrator } from '../solver/types';
import { DRUG_COUNT, TumourImmuneModel } from './equations';
import type { ModelParameters } from './parameters';
import type { ArmResult, ArmSummary, SeriesName, SimulationResult } from './series';
import { SERIES_NAMES } from './series';
import { SETTING_INFO, settingParameters } from './settings';
import {
  CD8,
  CELLS_PER_MM3,
  DC,
  ESCAPE,
  IGF1R_TOXICITY,
  LINEAGE_ESCAPE,
  LINEAGE_PERSISTER,
  LINEAGE_RESISTANT,
  LINEAGE_SENSITIVE,
  LINEAGE_T790M,
  LINEAGE_WEIGHTS,
  M1,
  M2,
  PERSISTER,
  RESISTANT,
  SENSITIVE,
  STATE_SIZE,
  T790M,
  TUMOUR_COMPARTMENTS,
} from './state';
import { DRUGS, pharmacology } from './treatments';

/** Default accuracy: chosen so that curves are exact to the eye and tests, measured in bench/ against tighter runs. */
export const DEFAULT_RTOL = 1e-6;

/**
 * The model's integrator at a relative tolerance (absolute tolerances: absoluteTolerances(), set for DEFAULT_RTOL,
 * or given). It carries the step size over breakpoints: a dose changes the right-hand side, so each segment starts
 * afresh, but with the step size the controller last proposed rather than a new estimate from a small start.
 * Dormand–Prince, with a stiff integrator (RODAS3, same tolerances) for the rest of a segment once Dormand–Prince's
 * stiffness test fires, and for a segment it gives up on (withStiffFallback).
 */
export function modelIntegrator(rtol: number = DEFAULT_RTOL, atol: Float64Array = absoluteTolerances()): Integrator {
  const options = { rtol, atol, carryStepSize: true, detectStiffness: true };
  return withStiffFallback(createDormandPrince(STATE_SIZE, options), STATE_SIZE, options);
}

/**
 * The extinction rule is applied at every breakpoint and on a fixed calendar of check days: daily in mice, weekly in
 * patients (chosen: the output resolution of each scale). A check day is skipped when no compartment can possibly
 * fall below the threshold before it (see nextExtinctionCheck), which gives the same result as checking every day.
 * The rule is tested on the solver's dense output at a check day (the check days are points of the arm's output grid,
 * see CheckGrid), and a solver call ends there only when the rule removes something: a check that removes nothing
 * costs no restart and no cut step.
 */
export const EXTINCTION_CHECK_DAYS = { mouse: 1, patient: 7 } as const;

export interface SimulateOptions {
  rtol?: number;
  /** replaces parameters of the setting (virtual patients, sensitivity analysis) */
  parameterOverrides?: Partial<ModelParameters>;
  /** reuse one integrator across calls (it is sized for STATE_SIZE) */
  integrator?: Integrator;
  /** tumour cells at day 0 instead of the setting's (virtual patients) */
  initialTumourCells?: number;
  /** the whole day-0 state, as returned by initialState() (skips the pre-treatment history) */
  initialState?: Float64Array;
  /**
   * Only these output series (tumourVolume always): the others come back empty (length 0) and are not filled. A trial
   * reads the volume at its assessment days; with the volume alone, the signals are not computed at outputs either.
   */
  series?: readonly SeriesName[];
  /**
   * What the arm's problem takes from its biology alone, made by armTables() for the same scenario (setting, parameters,
   * output step), options (overrides, day-0 cells) and effective inputs: shared by a patient's arms, so that the
   * parameters, the drug tables, the output grid and the model are made once per patient instead of once per arm.
   */
  tables?: ArmTables;
  /**
   * Day-0 states by biology (the key simulate() makes of an arm's effective inputs), kept by the caller across calls of
   * simulate() whose setting, parameters, options and integrator tolerances are the same: the explorer keeps one while
   * only treatments change, so a slider move in a patient setting does not integrate the pre-treatment history again.
   * simulate() fills it; without it, the states are shared within one call only.
   */
  dayZero?: Map<string, Float64Array>;
  /**
   * Called at every output day with the state there (after the extinction rule), for what no series records (a
   * script reading the model's signals, such as the immune kill): k is the day's index in the output grid. The model's
   * drug levels are those of the day's drug segment, so `model.signals(t, y)` gives that day's signals. A solver call
   * the stiff fallback repeats calls it again for the days it repeats: the last call holds.
   */
  onOutput?: (k: number, t: number, y: Float64Array) => void;
}

/**
 * The part of an arm's problem that does not depend on its treatments: the parameters, the drug tables, the output
 * grid, the absolute tolerances and the model (its drug levels are reset at the start of every arm, so arms can share
 * it one after another). Arms with the same effective inputs under the same scenario and options have equal tables.
 */
export interface ArmTables {
  params: ModelParameters;
  inputs: Inputs;
  /** per drug slot: nM per unit of dose */
  nMPerUnit: Float64Array;
  model: TumourImmuneModel;
  grid: Float64Array;
  /** the output grid with the extinction check days merged in */
  checks: CheckGrid;
  atol: Float64Array;
}

/**
 * The points at which the solver calls back during an arm: the output days and the extinction check days before the
 * horizon, in one ascending list (a day that is both appears once). Made once per output grid, with the grid: the
 * arm's loop allocates nothing per solver call.
 */
export interface CheckGrid {
  t: Float64Array;
  /** per point: its index in the output grid, or -1 (a check day that is no output day) */
  output: Int32Array;
  /** per point: 1 on a check day, else 0 */
  check: Uint8Array;
}

/** The output grid merged with the check days period, 2 period, ... before the horizon (see CheckGrid). */
export function checkGrid(grid: Float64Array, period: number, horizon: number): CheckGrid {
  let days = 0;
  while ((days + 1) * period < horizon) days++;
  const t = new Float64Array(grid.length + days);
  const output = new Int32Array(grid.length + days);
  const check = new Uint8Array(grid.length + days);
  let m = 0;
  let k = 0;
  // c * period: the same number nextExtinctionCheck gives for that check day
  for (let c = 1; k < grid.length || c <= days; m++) {
    const day = c <= days ? c * period : Number.POSITIVE_INFINITY;
    const g = k < grid.length ? grid[k] : Number.POSITIVE_INFINITY;
    t[m] = g < day ? g : day;
    output[m] = g <= day ? k++ : -1;
    if (day <= g) {
      check[m] = 1;
      c++;
    }
  }
  // days that are both take one point: the arrays' tails are unused
  return { t: t.subarray(0, m), output: output.subarray(0, m), check: check.subarray(0, m) };
}

/** The tables of an arm's problem (see ArmTables): share them between arms of the same biology. */
export function armTables(scenario: Scenario, arm: Arm, options: SimulateOptions = {}): ArmTables {
  // The scenario's own parameter changes (from a link or the parameters panel), then the caller's (virtual patients,
  // sensitivity analysis).
  const changed = scenario.parameters;
  const overrides = options.parameterOverrides;
  const scale = SETTING_INFO[scenario.setting].scale;
  const params =
    overrides || changed
      ? ({ ...settingParameters(scenario.setting), ...changed, ...overrides } as ModelParameters)
      : settingParameters(scenario.setting);
  const inputs = effectiveInputs(scenario, arm);
  const halfMaximal = new Float64Array(DRUG_COUNT);
  const elimination = new Float64Array(DRUG_COUNT);
  const nMPerUnit = new Float64Array(DRUG_COUNT);
  for (let slot = 0; slot < DRUG_COUNT; slot++) {
    const drug = DRUG_IDS[slot];
    const pk = pharmacology(drug, scale, params);
    halfMaximal[slot] = DRUGS[drug].halfMaximal;
    elimination[slot] = pk.eliminationRate;
    nMPerUnit[slot] = pk.nMPerUnit;
  }
  const grid = outputGrid(scenario.horizon, scenario.outputStep);
  return {
    params,
    inputs,
    nMPerUnit,
    model: new TumourImmuneModel(params, inputs, halfMaximal, elimination),
    grid,
    checks: checkGrid(grid, EXTINCTION_CHECK_DAYS[scale], scenario.horizon),
    atol: absoluteTolerances(),
  };
}

/** A breakpoint: the state jumps (bolus doses), the oral inputs change, or extinction is checked. */
export interface Breakpoint {
  t: number;
  /** [drug slot, nM] pairs given as boluses at t */
  boluses: number[];
}

/** Everything needed to integrate one arm: the model (right-hand side), start state, breakpoints and output grid. */
export interface ArmProblem {
  arm: Arm;
  model: TumourImmuneModel;
  y0: Float64Array;
  /** ascending; the first is 0 and the last is the horizon */
  breakpoints: Breakpoint[];
  /** oral dosing windows: per drug slot, [start, end, nM/day] triples */
  oralWindows: number[][];
  grid: Float64Array;
  /** the output grid with the check days merged in */
  checks: CheckGrid;
  atol: Float64Array;
  /** days between extinction check days */
  checkPeriod: number;
  /** an upper bound on the per-capita loss rate of any tumour compartment, 1/day */
  maxLossRate: number;
}

/**
 * Builds an arm's problem. `integrator` (sized STATE_SIZE) integrates the pre-treatment history of settings that start
 * from an established tumour; one is created when none is given.
 */
export function buildArmProblem(
  scenario: Scenario,
  arm: Arm,
  options: SimulateOptions = {},
  integrator?: Integrator,
): ArmProblem {
  const info = SETTING_INFO[scenario.setting];
  const tables = options.tables ?? armTables(scenario, arm, options);
  const { params, inputs, model, nMPerUnit, atol } = tables;
  const horizon = scenario.horizon;

  const times = new Map<number, Breakpoint>();
  const at = (time: number): Breakpoint => {
    // Times are snapped to 1e-9 day (0.1 ms) so that start + k * interval round-off never makes two breakpoints
    // 1e-13 days apart (a segment too short for any step).
    const t = Math.round(time * 1e9) / 1e9;
    let b = times.get(t);
    if (!b) {
      b = { t, boluses: [] };
      times.set(t, b);
    }
    return b;
  };
  at(0);

  const oralWindows: number[][] = DRUG_IDS.map(() => []);
  DRUG_IDS.forEach((drug, slot) => {
    const schedule = arm.treatments[drug];
    if (!schedule) return;
    const doses = doseTimes(schedule, horizon);
    if (doses.length === 0) return;
    if (DRUGS[drug].route === 'bolus') {
      for (const t of doses) at(t).boluses.push(slot, schedule.dose * nMPerUnit[slot]);
    } else {
      // Each oral dose is spread over its interval: a zero-order input whose steady state is the average level.
      const rate = (schedule.dose * nMPerUnit[slot] * model.drugs.elimination[slot]) / schedule.interval;
      const start = at(doses[0]).t;
      const end = Math.min(at(Math.min(doses[doses.length - 1] + schedule.interval, horizon)).t, horizon);
      oralWindows[slot].push(start, end, rate);
    }
  });

  // The last breakpoint is exactly the horizon (doses at or after it change nothing drawn).
  const breakpoints = [...times.values()].filter((b) => b.t >= 0 && b.t < horizon).sort((a, b) => a.t - b.t);
  breakpoints.push({ t: horizon, boluses: [] });

  let y0: Float64Array;
  if (options.initialState) {
    y0 = Float64Array.from(options.initialState);
  } else {
    y0 = new Float64Array(STATE_SIZE);
    y0[SENSITIVE] = options.initialTumourCells ?? info.initialTumourCells;
    if (info.establishedAtStart) {
      establishedTumour(model, y0, integrator ?? modelIntegrator(DEFAULT_RTOL, atol));
    }
    seedCompartments(y0, params, inputs);
  }

  // Every loss term of a lineage weight is at most its rate constant (occupancies and Hill terms are <= 1; intrinsic
  // loss at most (birth/growth - 1 + 1) x growth rate x (1 + M2 support), crowding included while N <= 2 K).
  const fastestGrowth = Math.max(params.sensitiveGrowthRate, params.resistantGrowthRate) * (1 + params.m2GrowthSupport);
  const maxLossRate =
    fastestGrowth / (1 - params.cellLossFactor) +
    params.tCellKillRate +
    params.phagocytosisRate +
    params.osimertinibKill * Math.max(1, params.gefitinibRelativeKill) +
    params.persisterEntry +
    params.persisterReversion +
    params.resistanceAcquisition +
    params.t790mAcquisition +
    params.persisterDeath +
    params.igf1rPersisterKill;

  return {
    arm,
    model,
    y0,
    breakpoints,
    oralWindows,
    grid: tables.grid,
    checks: tables.checks,
    atol,
    checkPeriod: EXTINCTION_CHECK_DAYS[info.scale],
    maxLossRate,
  };
}

/** An arm's inputs with the EGFR status resolved (the setting's default when the scenario does not set one). */
export function effectiveInputs(scenario: Scenario, arm: Arm): Inputs {
  const inputs = armInputs(scenario, arm);
  return { ...inputs, egfr: inputs.egfr ?? EGFR_DEFAULT[scenario.setting] };
}

/**
 * Day 0 of the tumour compartments: osimertinib-resistant cells, drug-tolerant persisters and EGFR T790M cells
 * pre-exist in EGFR-mutant tumours at `resistantFraction`, `persisterFraction` and `t790mFraction` of the sensitive
 * cells (taken from them), and every cell alive at day 0 is its own lineage.
 */
function seedCompartments(y0: Float64Array, params: ModelParameters, inputs: Inputs): void {
  if (inputs.egfr === 'mutant') {
    const sensitive = y0[SENSITIVE];
    const resistant = sensitive * params.resistantFraction;
    y0[RESISTANT] += resistant;
    y0[SENSITIVE] -= resistant;
    // the cells whose chance to persist is set before the drug (docs/model.md, "Persisters before the drug")
    const persister = sensitive * params.persisterFraction;
    y0[PERSISTER] += persister;
    y0[SENSITIVE] -= persister;
    if (params.t790mFraction > 0) {
      // at most what is left of the sensitive cells (the two shares are drawn apart for a virtual patient)
      const t790m = Math.min(sensitive * params.t790mFraction, y0[SENSITIVE]);
      y0[T790M] += t790m;
      y0[SENSITIVE] -= t790m;
    }
  }
  for (let i = 0; i < TUMOUR_COMPARTMENTS.length; i++) y0[LINEAGE_WEIGHTS[i]] = y0[TUMOUR_COMPARTMENTS[i]];
}

/** Absolute tolerances per component: a thousandth of a cell, of a nM; 1e-5 of a lineage weight; 1e-9 of a fraction. */
export function absoluteTolerances(): Float64Array {
  const atol = new Float64Array(STATE_SIZE).fill(1e-6);
  atol[SENSITIVE] = atol[PERSISTER] = atol[RESISTANT] = atol[ESCAPE] = atol[T790M] = 1e-3;
  // lineage weights: P(eradication) = exp(-sum) to about 1e-5 (the tolerance study: with 1e-3 its curve was 3.9 px
  // off on a 4K chart at rtol 1e-6, with 1e-5 0.7 px, for 2.5 % more steps)
  atol[LINEAGE_SENSITIVE] = atol[LINEAGE_PERSISTER] = atol[LINEAGE_RESISTANT] = atol[LINEAGE_ESCAPE] = 1e-5;
  atol[LINEAGE_T790M] = 1e-5;
  atol[CD8] = atol[M1] = atol[M2] = 1e-3;
  atol[DC] = 1e-9;
  atol[IGF1R_TOXICITY] = 1e-9;
  return atol;
}

/** Chosen: the history before day 0 starts from a tumour this many times smaller than at diagnosis. */
const HISTORY_GROWTH = 100;
/** The history stops after this many days even if the tumour never reaches its size at diagnosis (immune control). */
const HISTORY_LIMIT_DAYS = 3650;
/** The history checks the tumour's size every this many days (chosen: 4 weeks) and stops at the first size reached. */
const HISTORY_CHECK_DAYS = 28;
/** The check days of the history: 28, 56, ... up to the first multiple of 28 at or after the limit. */
const HISTORY_CHECKS = Float64Array.from(
  { length: Math.ceil(HISTORY_LIMIT_DAYS / HISTORY_CHECK_DAYS) },
  (_, k) => (k + 1) * HISTORY_CHECK_DAYS,
);

/**
 * Patients arrive with an established tumour and immune microenvironment. Chosen: the day-0 immune state is the one
 * the untreated tumour (with this arm's biology) built while growing from 1/100 of its size at diagnosis; the
 * populations are then scaled together to the size at diagnosis, keeping T-cell and macrophage densities.
 * The history is one integration (no restarts: nothing changes the right-hand side before day 0) that stops at the
 * first check day on which the tumour has reached its size at diagnosis.
 */
function establishedTumour(model: TumourImmuneModel, y0: Float64Array, integrator: Integrator): void {
  const target = y0[SENSITIVE];
  const y = new Float64Array(STATE_SIZE);
  y[SENSITIVE] = target / HISTORY_GROWTH;
  model.drugs.input.fill(0);
  model.drugs.start.fill(0);
  model.drugs.t0 = 0;
  const end = HISTORY_CHECKS[HISTORY_CHECKS.length - 1];
  const reached = (_k: number, _t: number, yk: Float64Array): boolean => yk[SENSITIVE] >= target;
  // The history stays with Dormand–Prince throughout (no stiffness switch): near its immune equilibrium the untreated
  // tumour is mildly stiff at the trial's tolerance (the test fires after ~1,000 steps in about 1 patient in 9 of the
  // HCC trials), where the stiff method was no faster, and a switch would move those patients' day-0 state.
  const switching = integrator.detectStiffness;
  if (switching) integrator.detectStiffness = false;
  try {
    integrator.integrate(model.derivatives, 0, end, y, HISTORY_CHECKS, 0, reached, true);
  } finally {
    if (switching) integrator.detectStiffness = true;
  }
  const scale = target / Math.max(y[SENSITIVE] + y[ESCAPE], 1);
  for (const i of [SENSITIVE, ESCAPE, CD8, M1, M2]) y0[i] = y[i] * scale;
  y0[DC] = y[DC];
}

/** The day-0 state of an arm (for a patient, after the pre-treatment history), to share between arms. */
export function initialState(scenario: Scenario, arm: Arm, options: SimulateOptions = {}): Float64Array {
  return buildArmProblem(scenario, arm, { ...options, initialState: undefined }, options.integrator).y0;
}

/**
 * Starts a drug segment at breakpoint b: levels carried over to b.t, bolus doses added, oral inputs set for the
 * segment that follows.
 */
export function startDrugSegment(problem: ArmProblem, b: Breakpoint): void {
  const drugs = problem.model.drugs;
  drugs.restartAt(b.t);
  for (let i = 0; i < b.boluses.length; i += 2) drugs.start[b.boluses[i]] += b.boluses[i + 1];
  for (let slot = 0; slot < DRUG_COUNT; slot++) {
    const w = problem.oralWindows[slot];
    let rate = 0;
    for (let i = 0; i < w.length; i += 3) if (b.t >= w[i] && b.t < w[i + 1]) rate += w[i + 2];
    drugs.input[slot] = rate;
  }
}

/**
 * The next check day (a multiple of the check period, after t) on which the extinction rule could change the state.
 * A lineage weight w loses at most maxLossRate per day (w / N <= 1), so it stays above the threshold for at least
 * ln(w / threshold) / maxLossRate days; an empty compartment stays empty unless its source compartment is populated
 * (persisters come from sensitive cells under osimertinib, sensitive and resistant cells from persisters, escape
 * variants from sensitive cells).
 */
export function nextExtinctionCheck(problem: ArmProblem, t: number, y: Float64Array): number {
  const threshold = problem.model.p.extinctionThreshold;
  let safe = Number.POSITIVE_INFINITY;
  // Only a compartment above the threshold can cross it; one below it (empty, or refilling from its source, as escape
  // variants do from dividing cells) is removed at the next check day another compartment needs, or the next
  // breakpoint, so that a trickle of new cells does not restart the solver every day.
  for (const i of LINEAGE_WEIGHTS) {
    const x = y[i];
    if (x >= threshold) safe = Math.min(safe, Math.log(x / threshold) / problem.maxLossRate);
  }
  if (safe === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  const period = problem.checkPeriod;
  // the first check day strictly after t and not before t + safe
  const k = Math.max(Math.floor(t / period + 1e-9) + 1, Math.ceil((t + Math.max(safe, 0)) / period - 1e-9));
  return k * period;
}

/**
 * Extinction rule of the hybrid scheme: a tumour compartment whose expected number of surviving lineages is below the
 * threshold (so it is still populated with probability under the threshold) is removed from the deterministic curves,
 * with its lineages. Returns the lineage weight removed, which the caller keeps in P(eradication) (as lineages that
 * survive: P(eradication) is then a lower bound, by at most the threshold per removal).
 */
export function applyExtinction(y: Float64Array, threshold: number): number {
  let removed = 0;
  for (let i = 0; i < TUMOUR_COMPARTMENTS.length; i++) {
    const w = LINEAGE_WEIGHTS[i];
    const c = TUMOUR_COMPARTMENTS[i];
    // the same test as extinctionDue
    if (y[w] < threshold && (y[w] !== 0 || y[c] !== 0)) {
      removed += y[w] > 0 ? y[w] : 0;
      y[w] = 0;
      y[c] = 0;
    }
  }
  return removed;
}

/** Whether applyExtinction would change y: a compartment below the threshold that is not empty already. */
export function extinctionDue(y: Float64Array, threshold: number): boolean {
  for (let i = 0; i < TUMOUR_COMPARTMENTS.length; i++) {
    const w = LINEAGE_WEIGHTS[i];
    if (y[w] < threshold && (y[w] !== 0 || y[TUMOUR_COMPARTMENTS[i]] !== 0)) return true;
  }
  return false;
}

/** P(eradication) from the lineage weights (and those removed from the curves): no lineage survives. */
export function eradicationProbability(y: Float64Array, removedLineages = 0): number {
  let w = removedLineages;
  for (const i of LINEAGE_WEIGHTS) w += y[i] > 0 ? y[i] : 0;
  return Math.exp(-w);
}

/**
 * The output series of an arm: views into one buffer (one allocation per arm instead of one per series: typed-array
 * backing stores are allocated outside the JavaScript heap, and each one costs the garbage collector; a worker
 * transfers the shared buffer once, see transferables()). Series not wanted are empty.
 */
/** Whether breakpoint b gives a bolus of the drug in `slot`. */
function boluses(b: Breakpoint, slot: number): boolean {
  for (let i = 0; i < b.boluses.length; i += 2) if (b.boluses[i] === slot) return true;
  return false;
}

function allocateSeries(n: number, wanted: ReadonlySet<SeriesName> | null): Record<SeriesName, Float64Array> {
  const out = {} as Record<SeriesName, Float64Array>;
  let count = 0;
  for (const name of SERIES_NAMES) if (!wanted || wanted.has(name)) count++;
  const buffer = new Float64Array(count * n);
  let at = 0;
  for (const name of SERIES_NAMES) {
    if (!wanted || wanted.has(name)) {
      // a view made by the constructor: subarray() looks up the species constructor first, several times slower
      out[name] = new Float64Array(buffer.buffer, at * Float64Array.BYTES_PER_ELEMENT, n);
      at += n;
    } else {
      out[name] = new Float64Array(0);
    }
  }
  return out;
}

export function simulateArm(scenario: Scenario, arm: Arm, options: SimulateOptions = {}): ArmResult {
  return runArm(scenario, arm, options).result;
}

/** simulateArm, and the arm's day-0 state (to share with arms of the same biology). */
function runArm(scenario: Scenario, arm: Arm, options: SimulateOptions): { result: ArmResult; y0: Float64Array } {
  const integrator = options.integrator ?? modelIntegrator(options.rtol ?? DEFAULT_RTOL);
  // The statistics count all the work of this arm, the pre-treatment history of a patient included (when it was
  // computed for this arm, not given as options.initialState).
  integrator.resetStatistics();
  const problem = buildArmProblem(scenario, arm, options, integrator);
  const { model, grid, breakpoints } = problem;
  // the volume and P(eradication) are always recorded (the summary reads them)
  const wanted = options.series
    ? new Set<SeriesName>(['tumourVolume', 'eradicationProbability', ...options.series])
    : null;
  const series = allocateSeries(grid.length, wanted);
  // the drug slots this arm doses: a level stays exactly 0 in the others (no dose, started at 0), and their series,
  // zero-filled when allocated, need no writes
  const dosed: number[] = [];
  const oralWindows = problem.oralWindows;
  for (let slot = 0; slot < DRUG_COUNT; slot++) {
    if (oralWindows[slot].length > 0 || breakpoints.some((b) => boluses(b, slot))) dosed.push(slot);
  }
  const dosedSeries = dosed.map((slot) => series[`drug.${DRUG_IDS[slot]}`]);
  const dosedCount = dosed.length;
  const threshold = model.p.extinctionThreshold;
  const volumeOnly = wanted !== null && wanted.size === 2;
  // the lineage weight removed so far, in a one-element array: a number variable that the recorder closes over and the
  // loop below changes is kept boxed, and the recorder's read of it cost a heap number at every output
  const removed = new Float64Array(1);
  const onOutput = options.onOutput;

  // the series as locals: the record of series is keyed by name (27 names: a dictionary-mode object), so a lookup per
  // series and output would cost a hash probe each
  const {
    tumourVolume,
    sensitiveVolume,
    persisterVolume,
    resistantVolume,
    escapeVolume,
    t790mVolume,
    eradicationProbability: eradication,
    cd8: cd8Series,
    cd8PerTumourCell,
    m1: m1Series,
    m2: m2Series,
    m1Fraction,
    dcMaturation,
    pge2Plasma,
    pge2Tumour,
    neat1Plasma,
    cd24: cd24Series,
    pdl1: pdl1Series,
    igf1rToxicity,
  } = series;

  // The solver calls back at every point of the check grid (output days and check days). At a check day the rule
  // could act on (at or after nextCheck[0], see nextExtinctionCheck), the rule is tested on the dense output there:
  // when it would remove something, the call ends at that day (stopped[0]: its index; the loop below applies the rule
  // and starts the next call there, which records that day's output, if it is one, after the removal, as at a
  // breakpoint); when it would not, the next such day is found from the state there and the call goes on, with no cut
  // step and no restart. A call the stiff fallback repeats from its start (after the explicit solver gave up) calls
  // back at its points again: the check day found at the call's start then holds again (nextCheck[1], restored when
  // a point comes back, lastPoint[0]). Typed arrays, not number variables: the callback changes them (boxed numbers).
  const { t: checkTimes, output: outputIndex, check: isCheckDay } = problem.checks;
  const nextCheck = new Float64Array(2);
  const stopped = Int32Array.of(-1);
  const lastPoint = Int32Array.of(-1);
  const onPoint = (m: number, t: number, y: Float64Array): boolean => {
    if (m <= lastPoint[0]) nextCheck[0] = nextCheck[1];
    lastPoint[0] = m;
    if (isCheckDay[m] === 1 && t >= nextCheck[0]) {
      if (extinctionDue(y, threshold)) {
        stopped[0] = m;
        return true;
      }
      nextCheck[0] = nextExtinctionCheck(problem, t, y);
    }
    const k = outputIndex[m];
    if (k < 0) return false;
    if (onOutput !== undefined) onOutput(k, t, y);
    if (volumeOnly) {
      // the trial's path: the volume only, no signals (other subsets write into empty arrays: no-ops)
      // the same order of summation as below, so the volumes are bit-identical
      const sp = (y[SENSITIVE] > 0 ? y[SENSITIVE] : 0) + (y[PERSISTER] > 0 ? y[PERSISTER] : 0);
      const spr = sp + (y[RESISTANT] > 0 ? y[RESISTANT] : 0);
      const sprv = spr + (y[ESCAPE] > 0 ? y[ESCAPE] : 0);
      tumourVolume[k] = (sprv + (y[T790M] > 0 ? y[T790M] : 0)) / CELLS_PER_MM3;
      eradication[k] = eradicationProbability(y, removed[0]);
      return false;
    }
    // only the signals an output records (the same values as the full signals: see readoutSignals)
    const s = model.readoutSignals(t, y);
    const levels = model.drugs.levels; // at t, filled by readoutSignals()
    const sensitive = y[SENSITIVE] > 0 ? y[SENSITIVE] : 0;
    const persister = y[PERSISTER] > 0 ? y[PERSISTER] : 0;
    const resistant = y[RESISTANT] > 0 ? y[RESISTANT] : 0;
    const variants = y[ESCAPE] > 0 ? y[ESCAPE] : 0;
    const t790m = y[T790M] > 0 ? y[T790M] : 0;
    const tumour = sensitive + persister + resistant + variants + t790m;
    const cd8 = y[CD8] > 0 ? y[CD8] : 0;
    const m1 = y[M1] > 0 ? y[M1] : 0;
    const m2 = y[M2] > 0 ? y[M2] : 0;
    tumourVolume[k] = tumour / CELLS_PER_MM3;
    sensitiveVolume[k] = sensitive / CELLS_PER_MM3;
    persisterVolume[k] = persister / CELLS_PER_MM3;
    resistantVolume[k] = resistant / CELLS_PER_MM3;
    escapeVolume[k] = variants / CELLS_PER_MM3;
    t790mVolume[k] = t790m / CELLS_PER_MM3;
    eradication[k] = eradicationProbability(y, removed[0]);
    cd8Series[k] = cd8;
    cd8PerTumourCell[k] = tumour > 0 ? cd8 / tumour : 0;
    m1Series[k] = m1;
    m2Series[k] = m2;
    // With no macrophages yet (day 0 of a graft) the fraction is that of arriving macrophages, its limit as t -> 0.
    // (Read from the parameters, an unboxed field, not from a number this closure captured: a choice between a computed
    // number and a captured one boxed the computed one, a heap number at every output.)
    m1Fraction[k] = m1 + m2 > 0 ? m1 / (m1 + m2) : model.p.m1RecruitedFraction;
    dcMaturation[k] = y[DC] > 0 ? y[DC] : 0;
    pge2Plasma[k] = s.pge2PlasmaPgMl;
    pge2Tumour[k] = s.pge2;
    neat1Plasma[k] = s.neat1Plasma;
    cd24Series[k] = s.cd24;
    pdl1Series[k] = s.pdl1;
    igf1rToxicity[k] = y[IGF1R_TOXICITY] > 0 ? y[IGF1R_TOXICITY] : 0;
    for (let j = 0; j < dosedCount; j++) {
      const level = levels[dosed[j]];
      dosedSeries[j][k] = level > 0 ? level : 0;
    }
    return false;
  };

  const y = Float64Array.from(problem.y0);
  const horizon = scenario.horizon;
  let next = 0;
  let t = 0;
  let b = 0; // index of the next breakpoint to apply
  const drugs = model.drugs;
  drugs.start.fill(0);
  drugs.input.fill(0);
  drugs.t0 = 0;
  // One solver call per drug segment (breakpoint to breakpoint), ended early only at a check day where the extinction
  // rule removes something. Every call starts on a changed right-hand side (a breakpoint) or a changed state (a
  // removal), so none could take f(t0, y) from the last call's last stage.
  while (t < horizon) {
    if (b < breakpoints.length && breakpoints[b].t <= t) {
      startDrugSegment(problem, breakpoints[b]);
      b++;
    }
    removed[0] += applyExtinction(y, threshold);
    // after t: the call's first point, at t, is no check (the rule has just been applied there)
    nextCheck[0] = nextCheck[1] = nextExtinctionCheck(problem, t, y);
    const t1 = breakpoints[b].t;
    stopped[0] = -1;
    lastPoint[0] = next - 1;
    next = integrator.integrate(model.derivatives, t, t1, y, checkTimes, next, onPoint, t1 === horizon);
    if (stopped[0] >= 0) {
      // y is the dense output at that check day; the next call gives its output point, after the removal
      next = stopped[0];
      t = checkTimes[next];
    } else {
      t = t1;
    }
  }

  const result: ArmResult = {
    name: arm.name,
    t: grid,
    series,
    summary: summarise(
      arm.name,
      grid,
      series,
      y[IGF1R_TOXICITY] > 0 ? y[IGF1R_TOXICITY] : 0,
      eradicationProbability(y, removed[0]),
    ),
    // read field by field: a spread of the fallback integrator's getters takes the generic (slow) path
    stats: {
      rhsEvaluations: integrator.statistics.rhsEvaluations,
      acceptedSteps: integrator.statistics.acceptedSteps,
      rejectedSteps: integrator.statistics.rejectedSteps,
    },
  };
  return { result, y0: problem.y0 };
}

function summarise(
  name: string,
  t: Float64Array,
  series: Record<SeriesName, Float64Array>,
  /** the toxicity index at the horizon, when its series was not recorded */
  finalToxicity: number,
  /** P(eradication) at the horizon, when its series was not recorded */
  finalEradication: number,
): ArmSummary {
  const v = series.tumourVolume;
  let nadir = v[0];
  let dayOfNadir = t[0];
  for (let k = 1; k < v.length; k++) {
    if (v[k] < nadir) {
      nadir = v[k];
      dayOfNadir = t[k];
    }
  }
  const last = v.length - 1;
  const p = series.eradicationProbability;
  let dayEradicated: number | null = null;
  for (let k = 0; k < p.length; k++) {
    if (p[k] >= 0.5) {
      dayEradicated = t[k];
      break;
    }
  }
  return {
    name,
    volumeStart: v[0],
    volumeEnd: v[last],
    volumeNadir: nadir,
    dayOfNadir,
    dayEradicated,
    eradicationProbability: p.length > last ? p[last] : finalEradication,
    igf1rToxicity: series.igf1rToxicity.length > last ? series.igf1rToxicity[last] : finalToxicity,
  };
}

/**
 * Every arm of a scenario. One integrator (and its workspaces) for every arm; arms of the same biology (effective
 * inputs: the scenario's parameters and the caller's options are the same for all arms) share their day-0 state, so a
 * patient setting's pre-treatment history, which costs about as much as an arm, is integrated once for them (the same
 * computation, so the same state bit for bit). The statistics of an arm that reused a state do not include the history.
 * Arms of the same biology share their tables too (armTables: parameters, drug tables, output grid, model).
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  const integrator = options.integrator ?? modelIntegrator(options.rtol ?? DEFAULT_RTOL);
  const shareHistory = !options.initialState && SETTING_INFO[scenario.setting].establishedAtStart;
  const dayZero = options.dayZero ?? new Map<string, Float64Array>();
  // the tables of each biology, made once (an arm's problem resets the model's drug levels, so arms can share it)
  const tablesOf = new Map<string, ArmTables>();
  return {
    arms: scenario.arms.map((arm) => {
      const key = biologyKey(effectiveInputs(scenario, arm));
      let tables = options.tables;
      if (!tables) {
        tables = tablesOf.get(key);
        if (!tables) {
          tables = armTables(scenario, arm, options);
          tablesOf.set(key, tables);
        }
      }
      if (!shareHistory) return simulateArm(scenario, arm, { ...options, integrator, tables });
      const y0 = dayZero.get(key);
      if (y0) return simulateArm(scenario, arm, { ...options, integrator, tables, initialState: y0 });
      const run = runArm(scenario, arm, { ...options, integrator, tables });
      dayZero.set(key, run.y0);
      return run.result;
    }),
  };
}

/** The effective inputs as a key: arms with equal keys have the same biology. */
export function biologyKey(inputs: Inputs): string {
  const record = inputs as unknown as Record<string, unknown>;
  return Object.keys(record)
    .sort()
    .map((k) => `${k}=${String(record[k])}`)
    .join('&');
}

/** Value of a series at day t, by linear interpolation on the output grid. */
export function valueAt(t: Float64Array, values: Float64Array, day: number): number {
  if (day <= t[0]) return values[0];
  const last = t.length - 1;
  if (day >= t[last]) return values[last];
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (t[mid] <= day) lo = mid;
    else hi = mid;
  }
  const w = (day - t[lo]) / (t[hi] - t[lo]);
  return values[lo] + w * (values[hi] - values[lo]);
}
