/**
 * The object the simulation worker exposes through Comlink. Kept apart from the worker entry so that it can be
 * unit-tested in Node.
 *
 * Latest request wins: each simulate() call carries an increasing request id. Before starting, the call yields to the
 * event loop so that newer requests queued behind it are seen; a superseded call returns null at once instead of
 * computing results nobody will draw.
 */
import * as Comlink from 'comlink';
import { type MeasurementRead, readMeasurements } from '../formats/measurements';
import {
  type CohortBlock,
  cohortStatistics,
  type EnsembleTrialResult,
  ensembleTrialDraw,
  exportSbml,
  integratorFor,
  runCohortBlock,
  SERIES_NAMES,
  type SimulationResult,
  simulate,
  simulateArm,
  summariseEnsembleTrial,
  type TrialSummary,
} from '../model';
import { PRESETS } from '../scenario/catalogue/presets';
import { hypothesisArms } from '../scenario/catalogue/trial';
import type { ScanSpec } from '../scenario/scan';
import type { Scenario } from '../scenario/types';
import {
  type EnsembleRequest,
  ensembleBands,
  ensembleBlock,
  type FitProgress,
  type FitRequest,
  fitRequest,
  fitWithCurves,
  type SensitivityRequest,
  scanBlock,
  sensitivityBlock,
  sensitivityResult,
} from './analysis';
import { type PackedNumbers, packNumbers } from './packedNumbers';

let latestRequest = 0;
/** When this worker last answered a simulation, ms (performance.now): the warm-up waits while requests come. */
let lastAnswered = Number.NEGATIVE_INFINITY;
/** Quiet time the warm-up leaves after an answer before its next arm, ms: a slider drag sends a request per frame. */
const WARM_UP_QUIET_MS = 150;

/** A macrotask yield: lets queued messages (newer requests) be delivered before we continue. */
function yieldToQueue(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The explorer's day-0 states (SimulateOptions.dayZero) for a scenario: kept while its setting and parameter changes
 * stay the same (the history depends on them, the arm's inputs, which are the map's key, and the interactive
 * tolerance, which is fixed), dropped when they change.
 */
let dayZero = { key: '', states: new Map<string, Float64Array>() };
function dayZeroFor(scenario: Scenario): Map<string, Float64Array> {
  const key = `${scenario.setting}|${JSON.stringify(scenario.parameters ?? {})}`;
  // at most a few dozen biologies (an input slider dragged makes one per value)
  if (key !== dayZero.key || dayZero.states.size >= 32) dayZero = { key, states: new Map() };
  return dayZero.states;
}

/** Every typed array of a result, for a zero-copy transfer. */
export function transferables(result: SimulationResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const arm of result.arms) {
    buffers.add(arm.t.buffer as ArrayBuffer);
    for (const values of Object.values(arm.series)) buffers.add(values.buffer as ArrayBuffer);
  }
  return [...buffers];
}

export async function runSimulation(scenario: Scenario, requestId: number): Promise<SimulationResult | null> {
  if (requestId > latestRequest) latestRequest = requestId;
  // One yield before starting, so that a newer request already queued behind this one supersedes it. No yields
  // between arms: a whole scenario takes a few milliseconds, and timers nested in timers are clamped to 4 ms each.
  await yieldToQueue();
  if (requestId < latestRequest) return null;
  const integrator = integratorFor('interactive');
  // simulate(): arms of the same biology share one pre-treatment history (a patient setting's largest single cost),
  // and so do successive requests while the setting and parameters stay (a treatment slider moved)
  return simulate(scenario, { integrator, dayZero: dayZeroFor(scenario) });
}

/** Every typed array of a cohort block, for a zero-copy transfer. */
export function cohortTransferables(block: CohortBlock): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [
    block.nrf2Active,
    block.nrf2,
    block.neat1,
    block.il6,
    block.baselinePge2,
    block.baselineDiameter,
  ];
  for (const arm of block.arms)
    arrays.push(
      arm.pfsDays,
      arm.progressed,
      arm.osDays,
      arm.death,
      arm.responseDays,
      arm.best,
      arm.bestChange,
      arm.crossover,
      ...arm.spider,
    );
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

export const simulationApi = {
  async simulate(scenario: Scenario, requestId: number): Promise<SimulationResult | null> {
    const result = await runSimulation(scenario, requestId);
    lastAnswered = performance.now();
    return result ? Comlink.transfer(result, transferables(result)) : null;
  },
  /** Simulates virtual patients [from, to) of the scenario's cohort on every arm (one block of a pool's work). */
  cohortBlock(scenario: Scenario, from: number, to: number): CohortBlock {
    const block = runCohortBlock(scenario, from, to);
    return Comlink.transfer(block, cohortTransferables(block));
  },
  /**
   * A warm-up block of the trial pool (cohortPool.ts prewarmCohortWorkers): patients [from, to) simulated as
   * cohortBlock does, which compiles the same code, and the outcomes dropped; answers the patients simulated. A call
   * of its own, so that a warm-up is never taken for a trial's block (a worker's n-th cohortBlock is the n-th block of
   * trials it ran, however long it warmed up).
   */
  cohortWarmUpBlock(scenario: Scenario, from: number, to: number): number {
    runCohortBlock(scenario, from, to);
    return to - from;
  },
  /**
   * The measured cost of the scenario's trial on this device: the first `patients` virtual patients (every arm,
   * the whole horizon, the trial's solver) simulated and timed here in the worker, after one untimed patient that
   * warms the code up, ms per patient.
   */
  trialCost(scenario: Scenario, patients: number): { msPerPatient: number; patients: number } {
    const n = Math.max(1, Math.min(Math.floor(patients), scenario.cohort?.size ?? 1));
    // one patient first, untimed: a fresh worker compiles the code on it, which a long run pays only once
    runCohortBlock(scenario, 0, 1);
    const started = performance.now();
    runCohortBlock(scenario, 0, n);
    return { msPerPatient: (performance.now() - started) / n, patients: n };
  },
  /**
   * One draw of the plausible-parameter ensemble: the scenario's whole trial under that draw's parameters, summarised
   * (ORR, median PFS and OS, 12-month OS per arm; PFS and OS hazard ratios). A pool runs draws 0..n-1 and joins them
   * with summariseEnsembleTrial (src/model/ensemble-trial.ts).
   */
  ensembleTrialDraw(scenario: Scenario, seed: number, index: number): TrialSummary {
    return ensembleTrialDraw(scenario, seed, index);
  },
  /** The spreads over the draws of an ensemble trial (the scenario's hypothesis arms marked). */
  summariseEnsembleTrial(scenario: Scenario, seed: number, summaries: TrialSummary[]): EnsembleTrialResult {
    return summariseEnsembleTrial(seed, summaries, hypothesisArms(scenario.arms));
  },
  /**
   * The statistics of a trial's outcomes (the block is copied in), packed: their long arrays of numbers go back as one
   * transferred Float64Array (worker/packedNumbers.ts; the statistics client unpacks them).
   */
  cohortStatistics(scenario: Scenario, block: CohortBlock): PackedNumbers {
    const packed = packNumbers(cohortStatistics(scenario, block));
    return Comlink.transfer(packed, [packed.numbers.buffer as ArrayBuffer]);
  },
  /**
   * Runs every preset once so that the first slider move finds the code already compiled by the JIT. One arm at a
   * time, yielding between arms, and pausing while the page's requests come: the page's first request, sent right
   * after this one, is answered after one arm of the warm-up instead of after all of them (35 arms, ~0.7 s of cold
   * code on a loaded 2-core machine), and a slider dragged meanwhile is not slowed by it.
   */
  async warmUp(): Promise<void> {
    for (const preset of PRESETS) {
      for (const arm of preset.scenario.arms) {
        await yieldToQueue();
        while (performance.now() - lastAnswered < WARM_UP_QUIET_MS) {
          await new Promise((resolve) => setTimeout(resolve, WARM_UP_QUIET_MS));
        }
        simulateArm(preset.scenario, arm);
      }
    }
  },
  /** One arm of the scenario as SBML Level 3 Version 2 (armIndex from 0); `link` is kept in the model's notes. */
  sbml(scenario: Scenario, armIndex: number, link: string): string {
    return exportSbml(scenario, armIndex, { link });
  },
  /** Points [from, to) of a scan of the scenario (the toolkit; worker/analysis.ts). */
  scanBlock(scenario: Scenario, spec: ScanSpec, readouts: string[], from: number, to: number) {
    const block = scanBlock(scenario, spec, readouts, from, to);
    return Comlink.transfer(block, [block.values.buffer as ArrayBuffer]);
  },
  /** Outputs of runs [from, to) of a sensitivity design. */
  sensitivityBlock(request: SensitivityRequest, from: number, to: number): Float64Array {
    const y = sensitivityBlock(request, from, to);
    return Comlink.transfer(y, [y.buffer as ArrayBuffer]);
  },
  /** Fits chosen parameters to measurements (weighted least squares, bounded Levenberg–Marquardt). */
  fit(request: FitRequest) {
    return fitRequest(request);
  },
  /**
   * The fit with progress (a Comlink-proxied callback, called after every iteration and profile step) and the fitted
   * model's curves; the page cancels it by terminating the worker (worker/fitClient.ts).
   */
  fitRun(request: FitRequest, onProgress: (progress: FitProgress) => void) {
    const run = fitWithCurves(request, (p) => {
      void onProgress(p);
    });
    const buffers = new Set<ArrayBuffer>();
    for (const c of run.curves) {
      buffers.add(c.t.buffer as ArrayBuffer);
      for (const v of Object.values(c.series)) buffers.add(v.buffer as ArrayBuffer);
    }
    return Comlink.transfer(run, [...buffers]);
  },
  /** Sobol' indices, PRCC or the tornado from every run's output. */
  sensitivityResult(request: SensitivityRequest, y: Float64Array) {
    return sensitivityResult(request, y);
  },
  /** One series of every arm over ensemble members [from, to) (the toolkit's uncertainty bands). */
  ensembleBlock(request: EnsembleRequest, from: number, to: number): Float64Array {
    const y = ensembleBlock(request, from, to);
    return Comlink.transfer(y, [y.buffer as ArrayBuffer]);
  },
  /** The 5 %, 50 % and 95 % quantiles of the members' values. */
  ensembleBands(values: Float64Array, members: number, arms: number, points: number): Float64Array {
    const q = ensembleBands(values, members, arms, points);
    return Comlink.transfer(q, [q.buffer as ArrayBuffer]);
  },
  /** A measurements file read against the scenario's arm names and horizon (formats/measurements.ts). */
  readMeasurements(text: string, arms: string[], horizon: number): MeasurementRead {
    return readMeasurements(text, arms, SERIES_NAMES, horizon);
  },
  ping(): string {
    return 'pong';
  },
};

export type SimulationApi = typeof simulationApi;
