/**
 * The virtual trial: which scenario runs (the explorer's visible arms with the scenario's cohort settings), the run's
 * status and progress, the merged block of patient outcomes (partial while running) and its statistics. The statistics
 * are computed in a worker (worker/statistics.ts), never on the main thread; views read this store and never compute.
 *
 * Statistics of partial results are requested at most every STATS_INTERVAL_MS, so a run of 10,000 patients in
 * blocks of 100 does not keep the statistics worker busy with every block. Only the answer to the latest request is
 * kept: an older answer that arrives late is dropped.
 */
import { create } from 'zustand';
import { presetById } from '../scenario/catalogue/presets';
import { defaultCohort } from '../scenario/defaults';
import { encodeScenario } from '../scenario/encode';
import { COHORT_LIMITS, isCohortSetting } from '../scenario/limits';
import type { CohortSettings, Scenario } from '../scenario/types';
import {
  type CohortBlock,
  CohortCancelled,
  type CohortRun,
  type CohortStatistics,
  poolSize,
  runCohort,
} from '../worker/cohortPool';
import { createStatisticsClient, type StatisticsClient } from '../worker/statistics';
import { type ArmMeta, useExplorer, visibleScenario } from './explorer';
import { trailingThrottle } from './throttle';
import { cachedTrial, keepTrial } from './trialCache';

export type { MedianSurvival, ProportionInterval, SurvivalCurve } from '../worker/cohortPool';
export type { CohortBlock, CohortStatistics };

export type TrialStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/**
 * Who started the current run: the Run button; the page recomputing the trial of the link it was opened with; or the
 * page opening that trial's results kept in this browser (store/trialCache.ts).
 */
export type TrialOrigin = 'user' | 'link' | 'cache';

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
/**
 * Plus this much per patient-arm finished: redrawing partial results (waterfalls and spiders of every patient) costs
 * in proportion to them, so a large trial redraws less often and its main thread stays mostly free (chosen: a
 * 10,000 x 8 trial near its end redraws every ~4 s; 500 x 2 as before, every 0.3 s).
 */
export const STATS_INTERVAL_MS_PER_PATIENT_ARM = 0.05;
/**
 * The count of patients done is shown at most this often while a trial runs (ms; the first block at once). Each
 * update re-renders the status and repaints the page: at every block (hundreds in a large trial) that took main-thread
 * time from the workers on a two-core device, for a number nobody reads faster than a few times a second.
 */
export const PROGRESS_INTERVAL_MS = 250;
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
  const problem: TrialProblem = !isCohortSetting(scenario.setting)
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
 * Whether the page was opened at the trial view (#trial: a shared link, a bookmark, a reload). Read once, when the
 * module loads, before anything rewrites the address.
 */
const openedAtTrial = typeof location !== 'undefined' && location.hash === '#trial';
let linkRunOffered = false;

/**
 * A trial opened from its link shows its results again, once per page: when the page was opened at the trial view,
 * the link carries the trial's settings, and the trial can run. Results kept in this browser for the same trial and
 * release open at once; otherwise the trial runs again from its seed (same settings, same patients, same figures),
 * with its progress, and can be cancelled like any other run. Returns whether it will show results.
 */
export function runLinkedTrial(plan: TrialPlan, hasCohort: boolean): boolean {
  if (linkRunOffered || !openedAtTrial) return false;
  linkRunOffered = true;
  if (!hasCohort || plan.problem || useCohort.getState().status !== 'idle') return false;
  const scenario: Scenario = { ...plan.scenario, cohort: clampCohort(plan.scenario.cohort ?? defaultCohort()) };
  cachedTrial(keptKey(scenario), scenario.arms.length, scenario.cohort?.size ?? 0).then((block) => {
    const state = useCohort.getState();
    // the person started a run of their own while the browser's store was read
    if (state.status !== 'idle') return;
    if (block) state.restore(plan, block);
    else state.start(plan, 'link');
  });
  return true;
}

/**
 * The name a finished trial is kept under in this browser: its link (canonical, so a trial read back from its link
 * finds what the run before the reload kept), without the PGE2 cut-off and the output step, which change no outcome.
 */
export function keptKey(scenario: Scenario): string {
  const cohort = clampCohort(scenario.cohort ?? defaultCohort());
  return encodeScenario({
    ...scenario,
    outputStep: 1,
    cohort: { ...cohort, pge2Cutoff: COHORT_LIMITS.pge2Cutoff.default },
  });
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
  origin: TrialOrigin;

  start: (plan: TrialPlan, origin?: TrialOrigin) => void;
  /** shows a finished block of this plan's trial (kept in the browser): only its statistics are computed */
  restore: (plan: TrialPlan, block: CohortBlock) => void;
  cancel: () => void;
}

let current: CohortRun | null = null;
let runId = 0;
/** the latest progress not yet shown; its partial block is merged only when shown (showPartial) */
let pending: { readonly partial: CohortBlock } | null = null;
/** how long partial statistics wait after the last ones (grows as patients are drawn) */
let statsInterval = STATS_INTERVAL_MS;
/** the latest count of patients done, shown at most every PROGRESS_INTERVAL_MS */
let latestDone = 0;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The statistics worker: started at the first trial, kept for the page (one worker, idle between requests). */
let statisticsClient: StatisticsClient | null = null;
/** Id of the latest statistics request: an answer to an older one is dropped. */
let statisticsRequest = 0;

/** The statistics worker, started on first use (also measures a trial's cost before it runs: store/trialCost.ts). */
export function sharedStatisticsClient(): StatisticsClient {
  statisticsClient ??= createStatisticsClient();
  return statisticsClient;
}

/** The statistics of `block`, or null when a newer request was made before this one was answered. */
async function latestStatistics(scenario: Scenario, block: CohortBlock): Promise<CohortStatistics | null> {
  const id = ++statisticsRequest;
  const statistics = await sharedStatisticsClient().compute(scenario, block);
  return id === statisticsRequest ? statistics : null;
}

/** Stops the statistics worker (a later trial starts a new one). */
export function disposeStatistics(): void {
  statisticsRequest++;
  statisticsClient?.dispose();
  statisticsClient = null;
}

export const useCohort = create<CohortState>()((set, get) => {
  /**
   * Ends the current run and starts run `id` of `plan` (running, nothing shown yet); `fields` set what differs
   * (workers, origin, a block known already) from the run's size.
   */
  const begin = (plan: TrialPlan, fields: (total: number) => Partial<CohortState>) => {
    get().cancel();
    statsThrottle.reset();
    progressThrottle.reset();
    const id = ++runId;
    const scenario = { ...plan.scenario, cohort: clampCohort(plan.scenario.cohort ?? defaultCohort()) };
    const total = scenario.cohort.size;
    pending = null;
    latestDone = 0;
    set({
      status: 'running',
      done: 0,
      total,
      workers: 0,
      scenario,
      slots: plan.slots,
      key: trialKey(scenario),
      block: null,
      statistics: null,
      error: '',
      elapsedMs: null,
      origin: 'user',
      ...fields(total),
    });
    return { id, scenario, total, started: now() };
  };

  /**
   * The statistics of run `id`'s whole block, asked again when the PGE2 cut-off moved while they were computed;
   * `done` receives them unless a newer run started. A failing statistics worker ends the run with its error.
   */
  const finalStatistics = (
    id: number,
    block: CohortBlock,
    asked: Scenario,
    done: (statistics: CohortStatistics) => void,
  ): void => {
    latestStatistics(asked, block).then(
      (statistics) => {
        if (id !== runId) return;
        const latest = get().scenario ?? asked;
        if (!statistics || latest !== asked) finalStatistics(id, block, latest, done);
        else done(statistics);
      },
      (error: unknown) => {
        if (id !== runId) return;
        set({ status: 'error', block, error: error instanceof Error ? error.message : String(error) });
      },
    );
  };

  /** Shows the latest partial block at once and asks for its statistics. */
  const showPartial = (): void => {
    const block = pending?.partial;
    const scenario = get().scenario;
    pending = null;
    if (!block || !scenario) return;
    const id = runId;
    set({ block });
    latestStatistics(scenario, block).then(
      (statistics) => {
        if (statistics && id === runId && get().block === block) set({ statistics });
      },
      () => {
        // A partial result's statistics are replaced by the next ones; a failing worker shows at the end of the run.
      },
    );
  };

  // Partial statistics: at once for the first block, then at most every statsInterval.
  const statsThrottle = trailingThrottle(showPartial, () => statsInterval, now);
  // The count of patients done: at once for the first block, then at most every PROGRESS_INTERVAL_MS.
  const progressThrottle = trailingThrottle(
    () => {
      if (get().status === 'running') set({ done: latestDone });
    },
    () => PROGRESS_INTERVAL_MS,
    now,
  );

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
    origin: 'user',

    start: (plan, origin = 'user') => {
      if (plan.problem) return;
      const { id, scenario, total, started } = begin(plan, (n) => ({
        workers: Math.min(poolSize(), Math.ceil(n / 5)),
        origin,
      }));
      const run = runCohort(scenario, (progress) => {
        if (id !== runId) return;
        pending = progress;
        latestDone = progress.done;
        progressThrottle.request();
        statsInterval = STATS_INTERVAL_MS + STATS_INTERVAL_MS_PER_PATIENT_ARM * progress.done * scenario.arms.length;
        statsThrottle.request();
      });
      current = run;
      run.result.then(
        (block) => {
          if (id !== runId) return;
          current = null;
          statsThrottle.cancel();
          progressThrottle.cancel();
          if (get().done !== latestDone) set({ done: latestDone });
          pending = null;
          finalStatistics(id, block, get().scenario ?? scenario, (statistics) => {
            // The run's time is what the user waits for: patients simulated and their statistics computed.
            const elapsedMs = now() - started;
            try {
              performance.measure(PERF_MEASURE, { start: started, end: started + elapsedMs, detail: { total } });
            } catch {
              // performance.measure with options is missing in old browsers; the time is still shown.
            }
            set({ status: 'done', done: total, block, statistics, elapsedMs });
            // kept for the next time this trial's link is opened in this browser (a failure only costs a rerun)
            void keepTrial(keptKey(scenario), block);
          });
        },
        (error: unknown) => {
          if (id !== runId) return;
          current = null;
          statsThrottle.cancel();
          progressThrottle.cancel();
          set({ done: latestDone });
          showPartial();
          if (error instanceof CohortCancelled) set({ status: 'cancelled' });
          else set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
        },
      );
    },

    restore: (plan, block) => {
      if (plan.problem) return;
      const { id, scenario, started } = begin(plan, (n) => ({ done: n, block, origin: 'cache' }));
      finalStatistics(id, block, scenario, (statistics) =>
        set({ status: 'done', statistics, elapsedMs: now() - started }),
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

/**
 * Keeps the statistics in step with the PGE2 cut-off set in the scenario (no new run needed). A module-level
 * subscription for the page's lifetime: the trial store lives as long as the explorer store, so nobody unsubscribes.
 */
useExplorer.subscribe((state, previous) => {
  const cutoff = state.scenario.cohort?.pge2Cutoff;
  if (cutoff === undefined || cutoff === previous.scenario.cohort?.pge2Cutoff) return;
  const { scenario, block, status } = useCohort.getState();
  if (!scenario?.cohort || scenario.cohort.pge2Cutoff === cutoff) return;
  const next: Scenario = { ...scenario, cohort: { ...scenario.cohort, pge2Cutoff: cutoff } };
  // While running, the next partial update uses the new cut-off.
  if (status === 'running' || !block) useCohort.setState({ scenario: next });
  else {
    useCohort.setState({ scenario: next });
    latestStatistics(next, block).then(
      (statistics) => {
        const now = useCohort.getState();
        if (statistics && now.scenario === next && now.block === block) useCohort.setState({ statistics });
      },
      () => {
        // The statistics of the previous cut-off stay; the next change or run asks again.
      },
    );
  }
});
