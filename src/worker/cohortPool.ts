/**
 * A pool of simulation workers for virtual trials: the cohort is cut into blocks of patients, each idle worker takes
 * the next block, and every finished block is merged and reported at once (partial results while the rest runs).
 * Cancel terminates the workers: a run of 10,000 patients stops at once and the page never waits for it.
 *
 * Failure: a worker that throws, fails to load, or misses its block's deadline (hung, or closed, which raises no event)
 * ends the run with an error; the blocks finished before it were already reported as partial results and stay.
 */
import * as Comlink from 'comlink';
import { type CohortBlock, mergeBlocks } from '../model/cohort';
import type { Scenario } from '../scenario/types';
import type { SimulationApi } from './api';

export interface CohortProgress {
  done: number;
  total: number;
  /** all blocks finished so far, merged (patients in cohort order) */
  partial: CohortBlock;
}

export interface CohortRun {
  /** resolves with the whole cohort, or rejects with CohortCancelled / the worker's error */
  result: Promise<CohortBlock>;
  cancel: () => void;
}

export class CohortCancelled extends Error {
  constructor() {
    super('the virtual trial was cancelled');
    this.name = 'CohortCancelled';
  }
}

export type WorkerFactory = () => Worker;

/**
 * Deadline of one block, ms, given how long the same worker took for its previous block (null: its first block,
 * which also loads and compiles the worker). A block of up to 100 patients takes well under a second; ten times the
 * previous block, and never less than a few seconds, only catches a worker that is no longer working.
 */
export function blockDeadline(previousMs: number | null): number {
  return previousMs === null ? 30_000 : Math.max(3_000, 10 * previousMs);
}

function defaultFactory(): Worker {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'cohort' });
}

/** Workers to use: the cores the browser reports, at least 1 and at most 8. */
export function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(8, Number.isFinite(cores) && cores > 0 ? cores : 2));
}

/** Patients per block: small enough for frequent progress, large enough that messaging costs nothing. */
export function blockSize(total: number, workers: number): number {
  return Math.max(5, Math.min(100, Math.ceil(total / (workers * 8))));
}

export function runCohort(
  scenario: Scenario,
  onProgress: (progress: CohortProgress) => void,
  options: { workers?: number; factory?: WorkerFactory; deadline?: (previousMs: number | null) => number } = {},
): CohortRun {
  const total = scenario.cohort?.size ?? 0;
  const factory = options.factory ?? defaultFactory;
  const deadline = options.deadline ?? blockDeadline;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const count = Math.max(1, Math.min(options.workers ?? poolSize(), Math.ceil(total / 5) || 1));
  const size = blockSize(total, count);
  const workers: Worker[] = [];
  const done: CohortBlock[] = [];
  let next = 0;
  let finished = 0;
  let cancelled = false;
  let rejectRun: (reason: unknown) => void = () => {};

  const stopAll = (): void => {
    for (const w of workers) w.terminate();
    workers.length = 0;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };

  /** The block, or a rejection when it has not come within `ms`. */
  const within = <T>(answer: Promise<T>, ms: number): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        reject(new Error(`a trial worker did not answer within ${Math.round(ms / 100) / 10} s`));
      }, ms);
      timers.add(timer);
      const settle = () => {
        clearTimeout(timer);
        timers.delete(timer);
      };
      answer.then(
        (value) => {
          settle();
          resolve(value);
        },
        (error: unknown) => {
          settle();
          reject(error);
        },
      );
    });

  const result = new Promise<CohortBlock>((resolve, reject) => {
    rejectRun = reject;
    if (total <= 0) {
      reject(new Error('the scenario has no virtual-trial settings'));
      return;
    }
    const work = async (remote: Comlink.Remote<SimulationApi>): Promise<void> => {
      let previousMs: number | null = null;
      while (!cancelled && next < total) {
        const from = next;
        const to = Math.min(total, from + size);
        next = to;
        const started = Date.now();
        const block = await within(remote.cohortBlock(scenario, from, to), deadline(previousMs));
        previousMs = Date.now() - started;
        if (cancelled) return;
        done.push(block);
        finished += to - from;
        onProgress({ done: finished, total, partial: mergeBlocks(done) });
      }
    };
    const jobs: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const worker = factory();
      workers.push(worker);
      const remote = Comlink.wrap<SimulationApi>(worker);
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        if (!cancelled) {
          cancelled = true;
          stopAll();
          reject(new Error(event.message || 'a trial worker stopped'));
        }
      });
      jobs.push(work(remote));
    }
    Promise.all(jobs).then(
      () => {
        stopAll();
        if (!cancelled) resolve(mergeBlocks(done));
      },
      (error: unknown) => {
        if (cancelled) return;
        cancelled = true;
        stopAll();
        reject(error);
      },
    );
  });

  return {
    result,
    cancel: () => {
      if (cancelled) return;
      cancelled = true;
      stopAll();
      rejectRun(new CohortCancelled());
    },
  };
}
