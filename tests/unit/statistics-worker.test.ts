// Trial statistics are computed in a worker: the statistics client sends a block of outcomes and gets back exactly
// what cohortStatistics computes; a failing worker rejects its requests and the next request starts a new one.
import '@vitest/web-worker';
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { cohortStatistics, runCohortBlock } from '../../src/model/cohort';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Scenario } from '../../src/scenario/types';
import { simulationApi } from '../../src/worker/api';
import { createStatisticsClient } from '../../src/worker/statistics';

function trial(size: number): Scenario {
  const preset = presetById('hcc-atezo-bev-trial');
  if (!preset?.scenario.cohort) throw new Error('preset missing');
  return { ...preset.scenario, cohort: { ...preset.scenario.cohort, size } };
}

describe('trial statistics in a worker', () => {
  it('the real worker module returns the statistics cohortStatistics computes', async () => {
    const scenario = trial(12);
    const block = runCohortBlock(scenario, 0, 12);
    const client = createStatisticsClient(
      () => new Worker(new URL('../../src/worker/sim.worker.ts', import.meta.url), { type: 'module' }),
    );
    try {
      const statistics = await client.compute(scenario, block);
      expect(statistics).toEqual(cohortStatistics(scenario, block));
    } finally {
      client.dispose();
    }
  });

  it('a worker that fails rejects its request, and the next request starts a fresh worker', async () => {
    const scenario = trial(6);
    const block = runCohortBlock(scenario, 0, 6);
    let started = 0;
    const client = createStatisticsClient(() => {
      started++;
      const { port1, port2 } = new MessageChannel();
      const listeners: ((event: ErrorEvent) => void)[] = [];
      if (started === 1) {
        // The first worker dies before answering: it raises an error event and never replies.
        setTimeout(() => {
          for (const l of listeners) l({ message: 'boom', preventDefault() {} } as ErrorEvent);
        }, 0);
      } else {
        Comlink.expose(simulationApi, port2);
      }
      const listen = port1.addEventListener.bind(port1) as (type: string, listener: (event: never) => void) => void;
      return Object.assign(port1, {
        addEventListener(type: string, listener: (event: ErrorEvent) => void) {
          if (type === 'error') listeners.push(listener);
          else listen(type, listener);
        },
        terminate() {
          port1.close();
          port2.close();
        },
      }) as unknown as Worker;
    });
    await expect(client.compute(scenario, block)).rejects.toThrow('boom');
    const statistics = await client.compute(scenario, block);
    expect(started).toBe(2);
    expect(statistics.arms.map((a) => a.patients)).toEqual([6, 6]);
    client.dispose();
  });
});
