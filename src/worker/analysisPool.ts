/**
 * Main-thread client of the toolkit's runs (scans and sensitivity analyses) over a pool of simulation workers: the
 * points or runs are cut into blocks by index, each worker takes the next block, progress is reported after every
 * block, and cancel terminates the workers at once (the page never waits for a run nobody wants). Results are put
 * back in index order, so they do not depend on which worker ran what.
 *
 * Lifetimes: a run starts its own workers and terminates them when it ends, fails or is cancelled.
 */
import * as Comlink from 'comlink';
import type { EnsembleTrialResult, ReadoutBlock, SensitivityResult, TrialSummary } from '../model';
import type { ScanSpec } from '../scenario/scan';
import type { Scenario } from '../scenario/types';
import type { EnsembleRequest, SensitivityRequest } from './analysis';
import type { SimulationApi } from './api';
import { poolSize, type WorkerFactory } from './cohortPool';

export type { EnsembleSpread, EnsembleTrialResult, ReadoutBlock, SensitivityResult } from '../model';
export type { EnsembleRequest, SensitivityRequest } from './analysis';

export class AnalysisCancelled extends Error {
  constructor() {
    super('the analysis was cancelled');
    this.name = 'AnalysisCancelled';
  }
}

export interface AnalysisRun<T> {
  result: Promise<T>;
  cancel: () => void;
}

export interface PoolOptions {
  workers?: number;
  factory?: WorkerFactory;
  /** items per block (default: about 40 blocks in all, 1 to 64 items each) */
  blockSize?: number;
}

function defaultFactory(): Worker {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
}

/** Runs `total` items in blocks over a pool; `block(remote, from, to)` computes one. Blocks come back in order. */
function runBlocks<B>(
  total: number,
  block: (remote: Comlink.Remote<SimulationApi>, from: number, to: number) => Promise<B>,
  onProgress: (done: number, total: number) => void,
  options: PoolOptions,
): {
  result: Promise<{ blocks: B[]; remote: Comlink.Remote<SimulationApi> | null; stop: () => void }>;
  cancel: () => void;
} {
  const factory = options.factory ?? defaultFactory;
  const size = options.blockSize ?? Math.max(1, Math.min(64, Math.ceil(total / 40)));
  const count = Math.max(1, Math.min(options.workers ?? poolSize(), Math.ceil(total / size) || 1));
  const workers: { worker: Worker; remote: Comlink.Remote<SimulationApi> }[] = [];
  let stopped = false;
  let rejectRun: (reason: unknown) => void = () => {};
  const stop = (): void => {
    stopped = true;
    for (const w of workers) w.worker.terminate();
    workers.length = 0;
  };
  const result = new Promise<{ blocks: B[]; remote: Comlink.Remote<SimulationApi> | null; stop: () => void }>(
    (resolve, reject) => {
      rejectRun = reject;
      const blocks: B[] = [];
      let next = 0;
      let done = 0;
      const starts: number[] = [];
      for (let from = 0; from < total; from += size) starts.push(from);
      if (starts.length === 0) {
        resolve({ blocks, remote: null, stop });
        return;
      }
      let finishedBlocks = 0;
      const work = (w: { worker: Worker; remote: Comlink.Remote<SimulationApi> }): void => {
        if (stopped) return;
        if (next >= starts.length) return;
        const k = next++;
        const from = starts[k];
        const to = Math.min(total, from + size);
        block(w.remote, from, to).then(
          (b) => {
            if (stopped) return;
            blocks[k] = b;
            done += to - from;
            finishedBlocks++;
            onProgress(done, total);
            if (finishedBlocks === starts.length) resolve({ blocks, remote: w.remote, stop });
            else work(w);
          },
          (error: unknown) => {
            if (stopped) return;
            stop();
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      };
      for (let i = 0; i < count; i++) {
        const worker = factory();
        const w = { worker, remote: Comlink.wrap<SimulationApi>(worker) };
        worker.addEventListener('error', (event) => {
          event.preventDefault();
          if (stopped) return;
          stop();
          reject(new Error(event.message || 'a simulation worker stopped'));
        });
        workers.push(w);
        work(w);
      }
    },
  );
  return {
    result,
    cancel() {
      if (stopped) return;
      stop();
      rejectRun(new AnalysisCancelled());
    },
  };
}

/** A scan in the pool: every point's readouts × arms, in point order. */
export function runScan(
  scenario: Scenario,
  spec: ScanSpec,
  readouts: string[],
  total: number,
  onProgress: (done: number, total: number) => void,
  options: PoolOptions = {},
): AnalysisRun<ReadoutBlock> {
  const run = runBlocks(
    total,
    (remote, from, to) => remote.scanBlock(scenario, spec, readouts, from, to),
    onProgress,
    options,
  );
  return {
    result: run.result.then(({ blocks, stop }) => {
      stop();
      const arms = blocks[0]?.arms ?? scenario.arms.length;
      const values = new Float64Array(total * readouts.length * arms);
      let at = 0;
      for (const b of blocks) {
        values.set(b.values, at);
        at += b.values.length;
      }
      return { from: 0, to: total, arms, values };
    }),
    cancel: run.cancel,
  };
}

/** A sensitivity analysis in the pool: every run of the design, then the indices (computed in a worker too). */
export function runSensitivity(
  request: SensitivityRequest,
  total: number,
  onProgress: (done: number, total: number) => void,
  options: PoolOptions = {},
): AnalysisRun<SensitivityResult> {
  const run = runBlocks(total, (remote, from, to) => remote.sensitivityBlock(request, from, to), onProgress, options);
  return {
    result: run.result.then(async ({ blocks, remote, stop }) => {
      try {
        const y = new Float64Array(total);
        let at = 0;
        for (const b of blocks) {
          y.set(b, at);
          at += b.length;
        }
        if (!remote) throw new Error('the design has no runs');
        return await remote.sensitivityResult(request, y);
      } finally {
        stop();
      }
    }),
    cancel: run.cancel,
  };
}

/**
 * Uncertainty bands in the pool: `members` ensemble members of the scenario, then the 5 %, 50 % and 95 % quantiles
 * per series, arm and output point ([q * S * A * T + (s * A + a) * T + k], computed in a worker; S = 1 for one
 * series). `points`: output points per arm.
 */
export function runEnsembleBands(
  request: EnsembleRequest,
  members: number,
  points: number,
  onProgress: (done: number, total: number) => void,
  options: PoolOptions = {},
): AnalysisRun<Float64Array> {
  const run = runBlocks(members, (remote, from, to) => remote.ensembleBlock(request, from, to), onProgress, options);
  return {
    result: run.result.then(async ({ blocks, remote, stop }) => {
      try {
        const values = new Float64Array(blocks.reduce((n, b) => n + b.length, 0));
        let at = 0;
        for (const b of blocks) {
          values.set(b, at);
          at += b.length;
        }
        if (!remote) throw new Error('the ensemble has no members');
        const series = typeof request.series === 'string' ? 1 : request.series.length;
        return await remote.ensembleBands(values, members, series * request.scenario.arms.length, points);
      } finally {
        stop();
      }
    }),
    cancel: run.cancel,
  };
}

/**
 * A virtual trial over the plausible parameter ensemble: draws 0..draws-1 (one whole trial each, one draw per block so
 * that progress counts trials), then the spreads over the draws (computed in a worker).
 */
export function runEnsembleTrial(
  scenario: Scenario,
  draws: number,
  seed: number,
  onProgress: (done: number, total: number) => void,
  options: PoolOptions = {},
): AnalysisRun<EnsembleTrialResult> {
  const run = runBlocks(
    draws,
    async (remote, from, to) => {
      const out: TrialSummary[] = [];
      for (let i = from; i < to; i++) out.push(await remote.ensembleTrialDraw(scenario, seed, i));
      return out;
    },
    onProgress,
    { blockSize: 1, ...options },
  );
  return {
    result: run.result.then(async ({ blocks, remote, stop }) => {
      try {
        if (!remote) throw new Error('the ensemble has no draws');
        return await remote.summariseEnsembleTrial(scenario, seed, blocks.flat());
      } finally {
        stop();
      }
    }),
    cancel: run.cancel,
  };
}
