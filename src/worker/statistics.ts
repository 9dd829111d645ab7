/**
 * The statistics client is the main thread's handle on one worker that computes a virtual trial's statistics
 * (response rates, Kaplan–Meier, Cox, log-rank, biomarker splits) from a block of patient outcomes. It exists so that
 * no statistic is computed on the main thread: the store sends blocks here and keeps what comes back. Before a run,
 * the same worker measures what the trial will cost on this device (trialCost: a few patients simulated and timed).
 *
 * Lifetime: the worker starts at the first request and lives until dispose(). A worker that throws, fails to load or
 * does not answer within STATISTICS_DEADLINE_MS is terminated; its pending requests reject and the next request
 * starts a fresh worker.
 */
import * as Comlink from 'comlink';
import type { CohortBlock, CohortStatistics } from '../model';
import type { Scenario } from '../scenario/types';
import type { SimulationApi } from './api';
import { type PackedNumbers, unpackNumbersInSlices } from './packedNumbers';

export type WorkerFactory = () => Worker;

export interface StatisticsClient {
  /** the statistics of `block` for `scenario`'s arms and PGE2 cut-off */
  compute(scenario: Scenario, block: CohortBlock): Promise<CohortStatistics>;
  /** the trial's cost measured in the worker on its first `patients` patients (api.ts trialCost) */
  trialCost(scenario: Scenario, patients: number): Promise<{ msPerPatient: number; patients: number }>;
  /** terminates the worker (pending requests reject); a later compute() starts a new one */
  dispose(): void;
}

/** A request that takes longer than this is taken for a hung worker (statistics of 10,000 patients take well under). */
export const STATISTICS_DEADLINE_MS = 30_000;

function defaultFactory(): Worker {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'statistics' });
}

export function createStatisticsClient(factory: WorkerFactory = defaultFactory): StatisticsClient {
  let worker: Worker | null = null;
  let remote: Comlink.Remote<SimulationApi> | null = null;
  const pending = new Set<(error: Error) => void>();

  const stop = (reason: Error): void => {
    const w = worker;
    worker = null;
    remote = null;
    w?.terminate();
    for (const reject of [...pending]) reject(reason);
    pending.clear();
  };

  const start = (): Comlink.Remote<SimulationApi> => {
    const w = factory();
    worker = w;
    w.addEventListener('error', (event) => {
      event.preventDefault();
      if (worker === w) stop(new Error(event.message || 'the statistics worker stopped'));
    });
    remote = Comlink.wrap<SimulationApi>(w);
    return remote;
  };

  /** One request with the deadline: a worker that does not answer in time is stopped (and the request rejects). */
  const call = <T>(ask: (api: Comlink.Remote<SimulationApi>) => Promise<T>): Promise<T> => {
    const api = remote ?? start();
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        pending.delete(fail);
        reject(error);
      };
      const timer = setTimeout(() => {
        const seconds = STATISTICS_DEADLINE_MS / 1000;
        stop(new Error(`the statistics worker did not answer within ${seconds} s`));
      }, STATISTICS_DEADLINE_MS);
      pending.add(fail);
      ask(api).then(
        (value) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          pending.delete(fail);
          resolve(value);
        },
        (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))),
      );
    });
  };

  return {
    compute: (scenario, block) =>
      // unpacked in slices, a task each: at once, a 10,000 x 8 trial's statistics were one task of 9-50 ms of CPU
      call((api) => api.cohortStatistics(scenario, block) as Promise<PackedNumbers>).then((packed) =>
        unpackNumbersInSlices<CohortStatistics>(packed),
      ),
    trialCost: (scenario, patients) => call((api) => api.trialCost(scenario, patients)),
    dispose() {
      stop(new Error('the statistics worker was stopped'));
    },
  };
}
