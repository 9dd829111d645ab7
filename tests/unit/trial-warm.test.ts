// The page's first warm-up of the trial's workers (store/trialWarm.ts): once per page, with the first plan that can run
// (the view may open with one that cannot, and get one later: Use preset), and after that plan's cost probe, which
// would otherwise share the two cores with the warm-up and measure too long a cost.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../src/scenario/types';

const warmed: Scenario[] = [];

vi.mock('../../src/worker/cohortPool', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/worker/cohortPool')>();
  return {
    ...original,
    prewarmCohortWorkers: async (scenario: Scenario) => {
      warmed.push(scenario);
    },
  };
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The store modules afresh (the warm-up is once per page: a module-level flag). */
async function page() {
  vi.resetModules();
  const cohort = await import('../../src/store/cohort');
  const cost = await import('../../src/store/trialCost');
  const warm = await import('../../src/store/trialWarm');
  const runnable = { scenario: cohort.calibrationScenario(), slots: [0, 1], hiddenArms: 0, problem: null };
  const notRunnable = { ...runnable, problem: { kind: 'setting' as const } };
  return { ...cohort, ...cost, ...warm, runnable, notRunnable };
}

beforeEach(() => {
  warmed.length = 0;
});

describe('the first warm-up of the trial pool', () => {
  it('waits for a plan that can run, then for its cost probe, and happens once per page', async () => {
    const p = await page();
    p.prewarmTrial(p.notRunnable);
    await sleep(p.WARM_DELAY_MS + 200);
    expect(warmed).toHaveLength(0);

    // the plan becomes runnable (Use preset) while its cost is being measured: no warm-up beside the probe
    p.useTrialCost.setState({ key: p.costKey(p.runnable.scenario), measuring: true, msPerPatient: null });
    p.prewarmTrial(p.runnable);
    await sleep(p.WARM_DELAY_MS + 200);
    expect(warmed).toHaveLength(0);
    // the probe has measured: the warm-up follows, when the page is idle
    p.useTrialCost.setState({ measuring: false, msPerPatient: 3, source: 'probe' });
    await vi.waitFor(() => expect(warmed).toHaveLength(1), { timeout: 5_000, interval: 20 });
    expect(warmed[0].arms).toHaveLength(2);
    expect(warmed[0].cohort?.size).toBe(p.runnable.scenario.cohort?.size);

    // once per page: later plans (every change of the view's plan asks) warm nothing more
    p.prewarmTrial(p.runnable);
    p.prewarmTrial({ ...p.runnable, scenario: { ...p.runnable.scenario, horizon: 365 } });
    await sleep(p.WARM_DELAY_MS + 200);
    expect(warmed).toHaveLength(1);
  });

  it('starts at once after the probe when the cost is known already, and not while a trial runs', async () => {
    const p = await page();
    p.useTrialCost.setState({ key: p.costKey(p.runnable.scenario), measuring: false, msPerPatient: 3 });
    p.prewarmTrial(p.runnable);
    await vi.waitFor(() => expect(warmed).toHaveLength(1), { timeout: 5_000, interval: 20 });

    // a fresh page whose first trial starts before the warm-up's moment: the run has the workers
    const q = await page();
    q.useTrialCost.setState({ key: q.costKey(q.runnable.scenario), measuring: false, msPerPatient: 3 });
    q.prewarmTrial(q.runnable);
    q.useCohort.setState({ status: 'running' });
    await sleep(q.WARM_DELAY_MS + 200);
    expect(warmed).toHaveLength(1);
  });

  it('does not wait for a probe that never ends longer than PROBE_WAIT_MS', async () => {
    vi.useFakeTimers();
    try {
      const p = await page();
      p.useTrialCost.setState({ key: p.costKey(p.runnable.scenario), measuring: true, msPerPatient: null });
      p.prewarmTrial(p.runnable);
      await vi.advanceTimersByTimeAsync(p.PROBE_WAIT_MS - 100);
      expect(warmed).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(100 + p.WARM_DELAY_MS);
      expect(warmed).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
