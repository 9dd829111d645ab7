// The trial's cost before Run: measured on this device (a few patients simulated and timed in the worker), not a
// constant; the estimate scales with patients, arms and horizon, and a finished run replaces the probe's figure.
import '@vitest/web-worker';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Scenario } from '../../src/scenario/types';
import { disposeStatistics, sharedStatisticsClient, useCohort } from '../../src/store/cohort';
import { costKey, estimateSeconds, PROBE_DELAY_MS, requestTrialCost, useTrialCost } from '../../src/store/trialCost';
import { prewarmCohortWorkers, releaseIdleWorkers } from '../../src/worker/cohortPool';
import { createStatisticsClient } from '../../src/worker/statistics';
import { channelWorker } from './channel-worker';

function trial(size: number): Scenario {
  const preset = presetById('hcc-atezo-bev-trial');
  if (!preset?.scenario.cohort) throw new Error('preset missing');
  return { ...preset.scenario, cohort: { ...preset.scenario.cohort, size } };
}

/** The same trial with 8 arms over 1825 days (the codec's heaviest horizon and arm count). */
function heavy(base: Scenario): Scenario {
  const arms = Array.from({ length: 8 }, (_, i) => ({ ...base.arms[i % base.arms.length], name: `A${i}` }));
  return { ...base, horizon: 1825, arms };
}

afterAll(() => disposeStatistics());

describe('the trial cost', () => {
  it('is measured in the worker, and grows with arms and horizon (same run, ratio)', async () => {
    const client = createStatisticsClient(
      () => new Worker(new URL('../../src/worker/sim.worker.ts', import.meta.url), { type: 'module' }),
    );
    try {
      await client.trialCost(heavy(trial(10)), 1); // warm the worker: compiled code for both figures
      // the fastest of three alternating measurements of each: a busy machine only ever slows one down
      let light = Number.POSITIVE_INFINITY;
      let big = Number.POSITIVE_INFINITY;
      for (let k = 0; k < 3; k++) {
        const l = await client.trialCost(trial(10), 3);
        expect(l.patients).toBe(3);
        light = Math.min(light, l.msPerPatient);
        big = Math.min(big, (await client.trialCost(heavy(trial(10)), 3)).msPerPatient);
      }
      console.log(
        `trial cost per patient: 2 arms over 540 days ${light.toFixed(1)} ms, 8 arms over 1825 days ${big.toFixed(1)} ms`,
      );
      expect(light).toBeGreaterThan(0);
      // 4x the arms over 3.4x the days: well over twice the work per patient
      expect(big / light).toBeGreaterThan(2);
      // never more patients than the cohort has
      expect((await client.trialCost(trial(10), 50)).patients).toBe(10);
    } finally {
      client.dispose();
    }
  });

  it('the estimate: cost per patient × patients over the workers; the key ignores size and PGE2 cut-off only', () => {
    expect(estimateSeconds(100, 500, 2)).toBe(25);
    expect(estimateSeconds(100, 500, 0)).toBe(50);
    const base = trial(500);
    const cohort = base.cohort as NonNullable<Scenario['cohort']>;
    expect(costKey({ ...base, cohort: { ...cohort, size: 10000, pge2Cutoff: 7 } })).toBe(costKey(base));
    expect(costKey({ ...base, horizon: 1825 })).not.toBe(costKey(base));
    expect(costKey({ ...base, arms: base.arms.slice(0, 1) })).not.toBe(costKey(base));
    expect(costKey({ ...base, cohort: { ...cohort, seed: 2 } })).not.toBe(costKey(base));
  });

  it('the store measures a plan once, and a finished run replaces the probe with its own time per patient', async () => {
    const scenario = trial(200);
    const plan = { scenario, slots: [0, 1], hiddenArms: 0, problem: null };
    requestTrialCost(plan);
    expect(useTrialCost.getState()).toMatchObject({ key: costKey(scenario), measuring: true, msPerPatient: null });
    await vi.waitFor(() => expect(useTrialCost.getState().source).toBe('probe'), { timeout: 30_000, interval: 50 });
    const probe = useTrialCost.getState();
    expect(probe.msPerPatient).toBeGreaterThan(0);
    requestTrialCost({ ...plan, scenario: { ...scenario } }); // same trial: no new measurement
    expect(useTrialCost.getState()).toBe(probe);
    useCohort.setState({ status: 'running', scenario, total: 200, workers: 2, elapsedMs: null });
    useCohort.setState({ status: 'done', elapsedMs: 5000 });
    expect(useTrialCost.getState()).toMatchObject({ source: 'run', msPerPatient: 50, patients: 200 });
  }, 60_000);

  it('is not measured while the pool warms up: the probe waits for the warm-up to end', async () => {
    // pool workers whose warm-up blocks wait for the gate
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    let warmUpBlocks = 0;
    const factory = (): Worker => {
      return channelWorker({
        async cohortWarmUpBlock(_scenario: Scenario, from: number, to: number) {
          warmUpBlocks++;
          await gate;
          return to - from;
        },
      });
    };
    useCohort.setState({ status: 'idle' });
    const probe = vi.spyOn(sharedStatisticsClient(), 'trialCost').mockResolvedValue({ msPerPatient: 7, patients: 4 });
    try {
      const warming = prewarmCohortWorkers(trial(100), { workers: 2, factory });
      const scenario = { ...trial(100), horizon: 365 };
      requestTrialCost({ scenario, slots: [0, 1], hiddenArms: 0, problem: null });
      await vi.waitFor(() => expect(warmUpBlocks).toBe(2), { timeout: 5_000, interval: 20 });
      await new Promise((r) => setTimeout(r, PROBE_DELAY_MS + 300));
      expect(probe).not.toHaveBeenCalled();
      expect(useTrialCost.getState()).toMatchObject({ key: costKey(scenario), measuring: true });
      open();
      await warming;
      await vi.waitFor(() => expect(useTrialCost.getState().source).toBe('probe'), { timeout: 5_000, interval: 20 });
      expect(probe).toHaveBeenCalledTimes(1);
      expect(useTrialCost.getState()).toMatchObject({ key: costKey(scenario), msPerPatient: 7, measuring: false });
    } finally {
      probe.mockRestore();
      releaseIdleWorkers(factory);
    }
  });
});
