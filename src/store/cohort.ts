/**
 * The virtual trial: which scenario runs (the explorer's visible arms with the scenario's cohort settings), the run's
 * status and progress, the merged block of patient outcomes (partial while running) and the statistics computed from
 * it with cohortStatistics. Views read this store; they never compute statistics themselves.
 *
 * Statistics of partial results are recomputed at most every STATS_INTERVAL_MS, so a run of 10,000 patients in
 * blocks of 100 does not spend the main thread recomputing them for every block.
 */
import { create } from 'zustand';
import { cohortStatistics } from '../model/cohort';
import { presetById } from '../scenario/catalogue/presets';
import { defaultCohort } from '../scenario/defaults';
import { COHORT_LIMITS, COHORT_SETTING } from '../scenario/limits';
import type { CohortSettings, Scenario } from '../scenario/types';
import {
  type CohortBlock,
  CohortCancelled,
  type CohortRun,
  type CohortStatistics,
  poolSize,
  runCohort,
} from '../worker/cohortPool';
import { type ArmMeta, useExplorer, visibleScenario } from './explorer';

export type { CohortBlock, CohortStatistics };

export type TrialStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** Why the current scenario cannot run as a trial, if it cannot. */
export type TrialProblem = { kind: 'setting' } | { kind: 'arms'; count: number } | null;

export interface TrialPlan {
  /** the scenario to run: visible arms only, cohort settings filled in */
  scenario: Scenario;
  /** palette slot of each arm of `scenario` (the explorer's colours) */
  slots: number[];
  hiddenArms: number;
  problem: TrialProblem;
}

export const STATS_INTERVAL_MS = 300;
export const PERF_MEASURE = 'timescape:cohort-run';

/** Cohort settings kept within COHORT_LIMITS (whole patients and seeds, intervals in whole days). */
export function clampCohort(settings: CohortSettings): CohortSettings {
  const within = (v: number, l: { min: number; max: number }, fallback: number) =>
    Number.isFinite(v) ? Math.min(l.max, Math.max(l.min, v)) : fallback;
  const d = defaultCohort();
  return {
    size: Math.round(within(settings.size, COHORT_LIMITS.size, d.size)),
    seed: Math.round(within(settings.seed, COHORT_LIMITS.seed, d.seed)),
    cancer: settings.cancer,
    assessmentInterval: Math.round(
      within(settings.assessmentInterval, COHORT_LIMITS.assessmentInterval, d.assessmentInterval),
    ),
    pge2Cutoff: Math.round(within(settings.pge2Cutoff, COHORT_LIMITS.pge2Cutoff, d.pge2Cutoff) * 100) / 100,
  };
}

/** The trial the explorer's scenario describes. */
export function planTrial(scenario: Scenario, meta: ArmMeta[]): TrialPlan {
  const visible = visibleScenario(scenario, meta);
  const slots = scenario.arms.flatMap((arm, i) => (arm.hidden ? [] : [meta[i]?.slot ?? i]));
  const plan: Scenario = { ...visible.scenario, cohort: scenario.cohort ?? defaultCohort() };
  const problem: TrialProblem =
    scenario.setting !== COHORT_SETTING
      ? { kind: 'setting' }
      : plan.arms.length < 2
        ? { kind: 'arms', count: plan.arms.length }
        : null;
  return { scenario: plan, slots, hiddenArms: scenario.arms.length - plan.arms.length, problem };
}

/** The "HCC, atezolizumab + bevacizumab" calibration trial: the IMbrave150 preset's treated arms, default cohort. */
export function calibrationScenario(): Scenario {
  const preset = presetById('imbrave150');
  if (!preset) throw new Error('the imbrave150 preset is missing');
  const scenario = structuredClone(preset.scenario) as Scenario;
  return { ...scenario, arms: [scenario.arms[1], scenario.arms[2]], cohort: defaultCohort() };
}

/**
 * What makes two trials give the same patient outcomes: everything but the PGE2 cut-off, which only changes the
 * biomarker split of the statistics.
 */
export function trialKey(scenario: Scenario): string {
  const cohort = scenario.cohort ? { ...scenario.cohort, pge2Cutoff: 0 } : null;
  return JSON.stringify({ ...scenario, outputStep: 0, cohort });
}

export interface CohortState {
  status: TrialStatus;
  done: number;
  total: number;
  workers: number;
  /** the scenario of the current or last run, and its arms' palette slots */
  scenario: Scenario | null;
  slots: number[];
  key: string;
  /** merged outcomes so far (partial while running) */
  block: CohortBlock | null;
  statistics: CohortStatistics | null;
  error: string;
  /** wall time of the finished run, ms */
  elapsedMs: number | null;

  start: (plan: TrialPlan) => void;
  cancel: () => void;
}

let current: CohortRun | null = null;
let runId = 0;
let pending: CohortBlock | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastStats = 0;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export const useCohort = create<CohortState>()((set, get) => {
  /** Statistics of the latest partial block, computed now. */
  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const block = pending;
    const scenario = get().scenario;
    pending = null;
    if (!block || !scenario) return;
    lastStats = now();
    set({ block, statistics: cohortStatistics(scenario, block) });
  };

  return {
    status: 'idle',
    done: 0,
    total: 0,
    workers: 0,
    scenario: null,
    slots: [],
    key: '',
    block: null,
    statistics: null,
    error: '',
    elapsedMs: null,

    start: (plan) => {
      if (plan.problem) return;
      get().cancel();
      const id = ++runId;
      const scenario = { ...plan.scenario, cohort: clampCohort(plan.scenario.cohort ?? defaultCohort()) };
      const total = scenario.cohort.size;
      const started = now();
      pending = null;
      lastStats = 0;
      set({
        status: 'running',
        done: 0,
        total,
        workers: Math.min(poolSize(), Math.ceil(total / 5)),
        scenario,
        slots: plan.slots,
        key: trialKey(scenario),
        block: null,
        statistics: null,
        error: '',
        elapsedMs: null,
      });
      const run = runCohort(scenario, (progress) => {
        if (id !== runId) return;
        pending = progress.partial;
        set({ done: progress.done });
        // Partial statistics: at once for the first block, then at most every STATS_INTERVAL_MS.
        if (timer === undefined) timer = setTimeout(flush, Math.max(0, lastStats + STATS_INTERVAL_MS - now()));
      });
      current = run;
      run.result.then(
        (block) => {
          if (id !== runId) return;
          current = null;
          if (timer !== undefined) clearTimeout(timer);
          timer = undefined;
          pending = null;
          const statistics = cohortStatistics(get().scenario ?? scenario, block);
          const elapsedMs = now() - started;
          try {
            performance.measure(PERF_MEASURE, { start: started, end: started + elapsedMs, detail: { total } });
          } catch {
            // performance.measure with options is missing in old browsers; the time is still shown.
          }
          set({ status: 'done', done: total, block, statistics, elapsedMs });
        },
        (error: unknown) => {
          if (id !== runId) return;
          current = null;
          flush();
          if (error instanceof CohortCancelled) set({ status: 'cancelled' });
          else set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
        },
      );
    },

    cancel: () => {
      if (!current) return;
      const run = current;
      current = null;
      run.cancel();
    },
  };
});

/** Keeps the statistics in step with the PGE2 cut-off set in the scenario (no new run needed). */
useExplorer.subscribe((state, previous) => {
  const cutoff = state.scenario.cohort?.pge2Cutoff;
  if (cutoff === undefined || cutoff === previous.scenario.cohort?.pge2Cutoff) return;
  const { scenario, block, status } = useCohort.getState();
  if (!scenario?.cohort || scenario.cohort.pge2Cutoff === cutoff) return;
  const next: Scenario = { ...scenario, cohort: { ...scenario.cohort, pge2Cutoff: cutoff } };
  // While running, the next partial update uses the new cut-off.
  if (status === 'running' || !block) useCohort.setState({ scenario: next });
  else useCohort.setState({ scenario: next, statistics: cohortStatistics(next, block) });
});
