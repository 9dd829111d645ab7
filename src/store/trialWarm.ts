/**
 * The page's first warm-up of the trial's workers (worker/cohortPool.ts prewarmCohortWorkers): the first trial then
 * runs on started, compiled workers, as fast as a later one. Once per page, as soon as the trial view has a plan that
 * can run: when the view opens with one, or when its plan becomes one later (Use preset, Back to a trial's address, a
 * scenario opened meanwhile); the view asks at every change of its plan. Only the first is the store's: after a cancel
 * or a fault, which terminate the workers, the pool warms fresh ones itself (cohortPool.ts REWARM_DELAY_MS), and a
 * finished run keeps its own. Not while a trial runs: it has the workers already (a trial opened from its link runs at
 * once, cold, rather than wait for a warm-up).
 *
 * After the cost probe: the trial's cost per patient is measured in the statistics worker when a plan can run
 * (store/trialCost.ts), that is at the same moment, and a warm-up beside it keeps both cores busy, so the probe would
 * time its share of them and the estimate would be too long. The probe goes first: it is short (five patients, about
 * a third of a second for the heaviest trial), its estimate is what the person reads beside Run, and the warm-up is
 * still done long before a person has read the settings and pressed Run. So the warm-up waits for the probe to end
 * (at most PROBE_WAIT_MS), and a probe asked while a warm-up is going on waits for it (cohortPool.ts warmUpsEnded).
 */
import { defaultCohort } from '../scenario/defaults';
import type { Scenario } from '../scenario/types';
import { prewarmCohortWorkers } from '../worker/cohortPool';
import { clampCohort, type TrialPlan, useCohort } from './cohort';
import { requestTrialCost, useTrialCost } from './trialCost';

/** The longest the warm-up waits for the cost probe, ms (a probe takes well under a second; a stuck one is not waited). */
export const PROBE_WAIT_MS = 10_000;
/** Where the page has no requestIdleCallback: the warm-up's delay after the probe, ms. */
export const WARM_DELAY_MS = 500;

let prewarmed = false;

/** Warms the trial's workers for `plan` once per page, after its cost probe, when the page is idle (see above). */
export function prewarmTrial(plan: TrialPlan): void {
  if (prewarmed || plan.problem) return;
  prewarmed = true;
  const scenario: Scenario = { ...plan.scenario, cohort: clampCohort(plan.scenario.cohort ?? defaultCohort()) };
  const warm = () => {
    if (useCohort.getState().status === 'running') return;
    prewarmCohortWorkers(scenario).catch(() => {
      // a worker that cannot start fails the first run, which says so
    });
  };
  const whenIdle = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 2000 });
    else setTimeout(warm, WARM_DELAY_MS);
  };
  // the plan's probe: the cost hint has asked for it already (asking again measures nothing more)
  requestTrialCost(plan);
  afterProbe(whenIdle);
}

/** Calls `then` once no cost probe is being measured (at once when none is), or after PROBE_WAIT_MS. */
function afterProbe(then: () => void): void {
  if (!useTrialCost.getState().measuring) {
    then();
    return;
  }
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    unsubscribe();
    clearTimeout(cap);
    then();
  };
  const unsubscribe = useTrialCost.subscribe((state) => {
    if (!state.measuring) finish();
  });
  const cap = setTimeout(finish, PROBE_WAIT_MS);
}
