/**
 * A pool of simulation workers for virtual trials: the cohort is cut into blocks of patients, each idle worker takes
 * the next block, and every finished block is merged and reported at once (partial results while the rest runs).
 * Cancel terminates the workers: a run of 10,000 patients stops at once and the page never waits for it.
 *
 * Failure: a worker that throws, fails to load, or misses its block's deadline (hung, or closed, which raises no event)
 * ends the run with an error; the blocks finished before it were already reported as partial results and stay.
 */
import * as Comlink from 'comlink';
import { type CohortBlock, mergeBlocks } from '../model';
import type { Scenario } from '../scenario/types';
import type { SimulationApi } from './api';

/** The trial result types the store and the views read, from the model's public face. */
export type { CohortBlock, CohortStatistics } from '../model';

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
 * Deadline of one block, ms. A worker's first block also loads and compiles the worker: 30 s. After that, blocks of the
 * same size take about the same time (well under a second for 100 patients): ten times the median block of the run so
 * far, and never less than a few seconds, only catches a worker that is no longer working.
 */
export function blockDeadline(first: boolean, medianMs: number | null): number {
  return first || medianMs === null ? 30_000 : Math.max(3_000, 10 * medianMs);
}

/** How often a running block is checked against its deadline, which shrinks as the run learns its block time. */
const DEADLINE_CHECK_MS = 250;

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
  options: {
    workers?: number;
    factory?: WorkerFactory;
    deadline?: (first: boolean, medianMs: number | null) => number;
  } = {},
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

  /** Times of the blocks finished so far, ms, in order. */
  const blockMs: number[] = [];
  const median = (): number | null => {
    if (blockMs.length === 0) return null;
    const sorted = [...blockMs].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  };

  /** The block, or a rejection when it has not come within its deadline (re-read as the median block time moves). */
  const within = <T>(answer: Promise<T>, first: boolean): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const started = Date.now();
      let timer: ReturnType<typeof setTimeout>;
      const check = () => {
        timers.delete(timer);
        const ms = deadline(first, median());
        const left = ms - (Date.now() - started);
        if (left <= 0) {
          reject(new Error(`a trial worker did not answer within ${Math.round(ms / 100) / 10} s`));
          return;
        }
        timer = setTimeout(check, Math.min(left, DEADLINE_CHECK_MS));
        timers.add(timer);
      };
      check();
      const settle = () => {
        clearTimeout(timer);
        timers.delete(timer);
        blockMs.push(Date.now() - started);
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
      let first = true;
      while (!cancelled && next < total) {
        const from = next;
        const to = Math.min(total, from + size);
        next = to;
        const block = await within(remote.cohortBlock(scenario, from, to), first);
        first = false;
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
