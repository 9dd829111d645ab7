/**
 * What a virtual trial will cost before it runs, on this device. Not a constant: the statistics worker simulates the
 * trial's first PROBE_PATIENTS patients (every arm, the whole horizon, the trial's solver) and times them
 * (worker/api.ts trialCost), and a finished run replaces that with its own measured time per patient. The estimate
 * is that cost times the patients, shared by the pool's workers.
 *
 * The probe waits PROBE_DELAY_MS after the last change (a size typed digit by digit measures once), never runs while
 * a trial runs (both cores are busy then; the run measures itself) nor while the pool's workers warm up (it waits for
 * them: cohortPool.ts warmUpsEnded, and the page's first warm-up waits for the probe: store/trialWarm.ts), and only
 * the answer for the latest trial is kept.
 */
import { create } from 'zustand';
import { defaultCohort } from '../scenario/defaults';
import type { Scenario } from '../scenario/types';
import { poolSize, warmUpsEnded } from '../worker/cohortPool';
import { clampCohort, sharedStatisticsClient, type TrialPlan, useCohort } from './cohort';

/** Patients timed to measure the cost, after one untimed (a heavy 8-arm, 1825-day trial: about a third of a second). */
export const PROBE_PATIENTS = 4;
export const PROBE_DELAY_MS = 400;

export interface TrialCostState {
  /** costKey of the trial measured */
  key: string;
  /** measured ms of one patient (all arms) on one worker; null while not known */
  msPerPatient: number | null;
  /** how it was measured: on the first patients, or by the last run of this trial */
  source: 'probe' | 'run' | null;
  /** patients measured (the probe's, or the run's) */
  patients: number;
  measuring: boolean;
  /** the probe failed (the worker message); the trial can still run */
  error: string;
}

export const useTrialCost = create<TrialCostState>()(() => ({
  key: '',
  msPerPatient: null,
  source: null,
  patients: 0,
  measuring: false,
  error: '',
}));

/** What decides the cost per patient: everything but the cohort's size and PGE2 cut-off. */
export function costKey(scenario: Scenario): string {
  const cohort = clampCohort(scenario.cohort ?? defaultCohort());
  return JSON.stringify({ ...scenario, outputStep: 0, cohort: { ...cohort, size: 0, pge2Cutoff: 0 } });
}

/** Workers a run of `size` patients uses (as store/cohort.ts start does). */
export function trialWorkers(size: number): number {
  return Math.max(1, Math.min(poolSize(), Math.ceil(size / 5)));
}

/** Estimated wall time of a trial, seconds: the measured cost per patient times the patients, over the workers. */
export function estimateSeconds(msPerPatient: number, size: number, workers: number): number {
  return (msPerPatient * size) / Math.max(1, workers) / 1000;
}

let timer: ReturnType<typeof setTimeout> | undefined;
let latest = '';
/** The latest probe asked for: one that waited for a warm-up while a newer one was asked measures nothing. */
let probeId = 0;

/** Measures the plan's cost unless it is known or a run is going on (call on every change of the plan). */
export function requestTrialCost(plan: TrialPlan): void {
  if (plan.problem) return;
  const key = costKey(plan.scenario);
  latest = key;
  const state = useTrialCost.getState();
  if (state.key === key && (state.msPerPatient !== null || state.measuring)) return;
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (useCohort.getState().status === 'running') return;
  useTrialCost.setState({ key, msPerPatient: null, source: null, patients: 0, measuring: true, error: '' });
  const scenario: Scenario = { ...plan.scenario, cohort: clampCohort(plan.scenario.cohort ?? defaultCohort()) };
  const id = ++probeId;
  timer = setTimeout(async () => {
    timer = undefined;
    // the pool's workers warming up keep both cores busy: the probe would time its share of them (store/trialWarm.ts)
    await warmUpsEnded();
    // a newer request has its own probe
    if (id !== probeId) return;
    // a run started in the meantime measures itself (and needs both cores)
    if (useCohort.getState().status === 'running') {
      useTrialCost.setState({ measuring: false });
      return;
    }
    sharedStatisticsClient()
      .trialCost(scenario, PROBE_PATIENTS)
      .then(
        ({ msPerPatient, patients }) => {
          if (latest !== key || useTrialCost.getState().key !== key) return;
          useTrialCost.setState({ msPerPatient, source: 'probe', patients, measuring: false });
        },
        (error: unknown) => {
          if (latest !== key || useTrialCost.getState().key !== key) return;
          useTrialCost.setState({ measuring: false, error: error instanceof Error ? error.message : String(error) });
        },
      );
  }, PROBE_DELAY_MS);
}

// A finished run is the best measurement of its own trial: its wall time per patient, times the workers it used.
useCohort.subscribe((state, previous) => {
  if (state.status !== 'done' || previous.status === 'done' || state.elapsedMs === null || !state.scenario) return;
  if (state.total <= 0) return;
  useTrialCost.setState({
    key: costKey(state.scenario),
    msPerPatient: (state.elapsedMs * Math.max(1, state.workers)) / state.total,
    source: 'run',
    patients: state.total,
    measuring: false,
    error: '',
  });
});
