// The worker pool of virtual trials. One test runs the real worker module through the same-thread Worker polyfill;
// the polyfill cannot run two instances of one worker module at once (they share the module), so the multi-worker
// tests give each "worker" the real API over its own MessageChannel instead.
import '@vitest/web-worker';
import { describe, expect, it, vi } from 'vitest';
import { runCohortBlock } from '../../src/model/cohort';
import type { Scenario } from '../../src/scenario/types';
import { simulationApi } from '../../src/worker/api';
import {
  blockSize,
  CohortCancelled,
  type CohortProgress,
  nextBlockSize,
  prewarmCohortWorkers,
  REWARM_DELAY_MS,
  releaseIdleWorkers,
  runCohort,
  TAIL_SHARES,
  TARGET_BLOCK_MS,
  WARMUP_BLOCK_PATIENTS,
  WARMUP_MAX_PATIENTS,
  warmedUp,
} from '../../src/worker/cohortPool';
import { channelWorker } from './channel-worker';
import { twoArmTrial } from './trial-fixtures';

const realWorker = () => new Worker(new URL('../../src/worker/sim.worker.ts', import.meta.url), { type: 'module' });

/** A worker stand-in: the real API exposed over a MessageChannel (each one independent). */
const factory = (): Worker => channelWorker();

const trial = (size: number): Scenario => twoArmTrial(size, 5);

/**
 * Worker stand-ins that count: the workers started (in order) and each one's blocks, warm-up (true: a
 * cohortWarmUpBlock call) or a run's (false: a cohortBlock call). Worker `failing` (0 = the first started) throws on its first run block
 * (on every one with `always`); while `gate` is set, run blocks wait for it.
 */
function countingWorkers(failing = -1, always = false) {
  const workers: boolean[][] = [];
  const state: { gate: Promise<void> | null } = { gate: null };
  const factory = (): Worker => {
    const blocks: boolean[] = [];
    const index = workers.length;
    workers.push(blocks);
    return channelWorker({
      ...simulationApi,
      cohortWarmUpBlock(scenario: Scenario, from: number, to: number) {
        blocks.push(true);
        return simulationApi.cohortWarmUpBlock(scenario, from, to);
      },
      async cohortBlock(scenario: Scenario, from: number, to: number) {
        blocks.push(false);
        const first = blocks.filter((w) => !w).length === 1;
        if (index === failing && (first || always)) throw new Error('injected fault');
        if (state.gate) await state.gate;
        return simulationApi.cohortBlock(scenario, from, to);
      },
    });
  };
  const warmUps = (from = 0) =>
    workers
      .slice(from)
      .flat()
      .filter((warmUp) => warmUp).length;
  return { factory, workers, state, warmUps };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('cohort worker pool', () => {
  it('splits the cohort over workers, reports growing partial results, and equals a single run', async () => {
    const scenario = trial(30);
    const progress: CohortProgress[] = [];
    const run = runCohort(scenario, (p) => progress.push(p), { workers: 2, factory });
    const block = await run.result;
    const direct = runCohortBlock(scenario, 0, 30);
    expect(Array.from(block.arms[0].pfsDays)).toEqual(Array.from(direct.arms[0].pfsDays));
    expect(Array.from(block.arms[1].best)).toEqual(Array.from(direct.arms[1].best));
    expect(progress.length).toBeGreaterThan(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i].done).toBeGreaterThan(progress[i - 1].done);
    expect(progress.at(-1)?.done).toBe(30);
    expect(progress[0].partial.to).toBe(progress[0].done);
  });

  it('runs with the real worker module', async () => {
    const scenario = trial(12);
    const block = await runCohort(scenario, () => {}, { workers: 1, factory: realWorker }).result;
    expect(Array.from(block.arms[0].pfsDays)).toEqual(Array.from(runCohortBlock(scenario, 0, 12).arms[0].pfsDays));
  });

  it('cancels: the run rejects with CohortCancelled and reports nothing more', async () => {
    const scenario = trial(400);
    let reports = 0;
    const run = runCohort(scenario, () => reports++, { workers: 2, factory });
    run.cancel();
    await expect(run.result).rejects.toBeInstanceOf(CohortCancelled);
    const after = reports;
    await new Promise((r) => setTimeout(r, 50));
    expect(reports).toBe(after);
  });

  it('refuses a scenario without trial settings with a clear message', async () => {
    const { cohort: _unused, ...scenario } = trial(10);
    await expect(runCohort(scenario, () => {}, { workers: 1, factory }).result).rejects.toThrow(/virtual-trial/);
  });

  it('cuts blocks of 5 to 100 patients, about 8 per worker', () => {
    expect(blockSize(500, 2)).toBe(32);
    expect(blockSize(10, 4)).toBe(5);
    expect(blockSize(10_000, 2)).toBe(100);
  });

  it('sizes later blocks by the measured cost per patient, and shrinks the last ones so that workers finish together', () => {
    // unknown cost: the first size
    expect(nextBlockSize(10_000, 2, 100, null)).toBe(100);
    // 2 ms per patient: TARGET_BLOCK_MS of work
    expect(nextBlockSize(10_000, 2, 100, 2)).toBe(Math.round(TARGET_BLOCK_MS / 2));
    // near the end: a third of an even share of what is left, never fewer than 5 (or what is left)
    expect(nextBlockSize(60, 2, 100, 0.5)).toBe(Math.ceil(60 / (2 * TAIL_SHARES)));
    expect(nextBlockSize(6, 2, 100, 0.5)).toBe(5);
    expect(nextBlockSize(3, 2, 100, 0.5)).toBe(3);
  });

  it('hands out blocks so that two workers with two blocks in flight each finish within a small block of each other', () => {
    // the pool's hand-out (one queue, two blocks in flight per worker, cost measured on each worker's later blocks)
    // on two equal workers at 1.4 ms per patient, 1000 patients: the time the first-finished worker sits idle
    const perPatient = 1.4;
    const size = 1000;
    const free = [0, 0];
    const queues: { n: number; end: number }[][] = [[], []];
    const warm = [false, false];
    let next = 0;
    let measuredMs = 0;
    let measuredPatients = 0;
    const first = blockSize(size, 2);
    const send = (w: number) => {
      while (queues[w].length < 2 && next < size) {
        const per = measuredPatients > 0 ? measuredMs / measuredPatients : null;
        const n = nextBlockSize(size - next, 2, first, per);
        next += n;
        free[w] += n * perPatient;
        queues[w].push({ n, end: free[w] });
      }
    };
    send(0);
    send(1);
    const finished = [0, 0];
    while (queues[0].length + queues[1].length > 0) {
      const w = queues[1].length === 0 || (queues[0].length > 0 && queues[0][0].end <= queues[1][0].end) ? 0 : 1;
      const block = queues[w].shift() as { n: number; end: number };
      if (warm[w]) {
        measuredMs += block.n * perPatient;
        measuredPatients += block.n;
      }
      warm[w] = true;
      finished[w] = block.end;
      send(w);
    }
    const run = Math.max(...finished);
    expect(run).toBeCloseTo((size * perPatient) / 2, -1);
    // idle tail within 15 patients' work (it was ~65 patients' with blocks cut to an even share only)
    expect(Math.abs(finished[0] - finished[1])).toBeLessThanOrEqual(15 * perPatient);
  });

  it('keeps its workers warm for the next run and reuses them; cancel terminates them', async () => {
    let created = 0;
    let terminated = 0;
    const counting = (): Worker => {
      created++;
      const w = factory();
      const stop = w.terminate.bind(w);
      return Object.assign(w, {
        terminate() {
          terminated++;
          stop();
        },
      });
    };
    const scenario = trial(20);
    const direct = runCohortBlock(scenario, 0, 20);
    const first = await runCohort(scenario, () => {}, { workers: 2, factory: counting, keepWarm: true }).result;
    const second = await runCohort(scenario, () => {}, { workers: 2, factory: counting, keepWarm: true }).result;
    expect(created).toBe(2);
    expect(terminated).toBe(0);
    expect(Array.from(first.arms[1].pfsDays)).toEqual(Array.from(direct.arms[1].pfsDays));
    expect(Array.from(second.arms[1].pfsDays)).toEqual(Array.from(direct.arms[1].pfsDays));
    const run = runCohort(trial(400), () => {}, { workers: 2, factory: counting, keepWarm: true });
    run.cancel();
    await expect(run.result).rejects.toBeInstanceOf(CohortCancelled);
    expect(created).toBe(2);
    expect(terminated).toBe(2);
    releaseIdleWorkers(counting);
  });

  it('a warm-up has settled when its last two blocks are within 1.2x of its fastest, or at its patient limit', () => {
    expect(warmedUp([5, 3, 2])).toBe(false); // too few blocks
    expect(warmedUp([5, 3, 2, 1.5, 1.2])).toBe(false); // still getting faster
    expect(warmedUp([5, 3, 1.1, 1.2, 1.0])).toBe(true);
    expect(warmedUp(Array.from({ length: WARMUP_MAX_PATIENTS / WARMUP_BLOCK_PATIENTS }, (_, i) => 10 - i * 0.4))).toBe(
      true,
    );
  });

  it('pre-warms on small blocks until settled, and a run started meanwhile takes the workers and ends the warm-up', async () => {
    const blocks: { warmUp: boolean; patients: number }[] = [];
    let created = 0;
    const counting = (): Worker => {
      created++;
      return channelWorker({
        ...simulationApi,
        cohortWarmUpBlock(scenario: Scenario, from: number, to: number) {
          blocks.push({ warmUp: true, patients: to - from });
          return simulationApi.cohortWarmUpBlock(scenario, from, to);
        },
        cohortBlock(scenario: Scenario, from: number, to: number) {
          blocks.push({ warmUp: false, patients: to - from });
          return simulationApi.cohortBlock(scenario, from, to);
        },
      });
    };
    const scenario = trial(20);
    await prewarmCohortWorkers(scenario, { workers: 2, factory: counting });
    const warmUps = blocks.filter((b) => b.warmUp);
    expect(warmUps.length).toBeGreaterThanOrEqual(2 * 4);
    expect(warmUps.length).toBeLessThanOrEqual((2 * WARMUP_MAX_PATIENTS) / WARMUP_BLOCK_PATIENTS);
    for (const b of warmUps) expect(b.patients).toBe(WARMUP_BLOCK_PATIENTS);
    // the run uses the warmed workers and gives the same result as a direct run
    const direct = runCohortBlock(scenario, 0, 20);
    const result = await runCohort(scenario, () => {}, { workers: 2, factory: counting, keepWarm: true }).result;
    expect(created).toBe(2);
    expect(Array.from(result.arms[1].pfsDays)).toEqual(Array.from(direct.arms[1].pfsDays));
    releaseIdleWorkers(counting);

    // a run right after the warm-up started: at most the warm-up block in flight per worker is done
    blocks.length = 0;
    const warming = prewarmCohortWorkers(scenario, { workers: 2, factory: counting });
    const run = runCohort(scenario, () => {}, { workers: 2, factory: counting, keepWarm: true });
    const again = await run.result;
    await warming;
    expect(blocks.filter((b) => b.warmUp).length).toBeLessThanOrEqual(2);
    expect(created).toBe(4);
    expect(Array.from(again.arms[0].best)).toEqual(Array.from(direct.arms[0].best));
    releaseIdleWorkers(counting);
  });

  it('after a cancel, warms fresh workers in the background, and the next run starts on them', async () => {
    const pool = countingWorkers();
    const scenario = trial(20);
    const cancelled = runCohort(trial(400), () => {}, { workers: 2, factory: pool.factory, keepWarm: true });
    cancelled.cancel();
    await expect(cancelled.result).rejects.toBeInstanceOf(CohortCancelled);
    // nothing is started with the cancel itself: the re-warm waits for an idle moment
    expect(pool.workers.length).toBe(2);
    await vi.waitFor(() => expect(pool.warmUps(2)).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 20 });
    expect(pool.workers.length).toBe(4);
    // the next run takes the two re-warmed workers (no new one) and its first block on each follows a warm-up block
    const before = pool.workers.map((blocks) => blocks.length);
    const result = await runCohort(scenario, () => {}, { workers: 2, factory: pool.factory, keepWarm: true }).result;
    expect(pool.workers.length).toBe(4);
    for (const i of [2, 3]) {
      expect(pool.workers[i][0]).toBe(true);
      expect(pool.workers[i].slice(before[i]).some((warmUp) => !warmUp)).toBe(true);
    }
    expect(Array.from(result.arms[1].pfsDays)).toEqual(Array.from(runCohortBlock(scenario, 0, 20).arms[1].pfsDays));
    releaseIdleWorkers(pool.factory);
  });

  it('after a fault, warms fresh workers in the background, and the next run starts on them', async () => {
    const pool = countingWorkers(0);
    const failed = runCohort(trial(400), () => {}, { workers: 2, factory: pool.factory, keepWarm: true });
    await expect(failed.result).rejects.toThrow(/injected fault/);
    await vi.waitFor(() => expect(pool.warmUps(2)).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 20 });
    const scenario = trial(20);
    const result = await runCohort(scenario, () => {}, { workers: 2, factory: pool.factory, keepWarm: true }).result;
    expect(pool.workers.length).toBe(4);
    expect(Array.from(result.arms[0].best)).toEqual(Array.from(runCohortBlock(scenario, 0, 20).arms[0].best));
    releaseIdleWorkers(pool.factory);
  });

  it('a worker whose every block fails ends the run once, with no unhandled rejection for the block queued behind', async () => {
    // two blocks in flight: the second one's failure comes after the run has ended with the first one's
    const pool = countingWorkers(0, true);
    const failed = runCohort(trial(400), () => {}, { workers: 1, factory: pool.factory });
    await expect(failed.result).rejects.toThrow(/injected fault/);
    await sleep(50);
    expect(pool.workers[0].filter((warmUp) => !warmUp).length).toBe(2);
  });

  it('a run started right after a cancel makes its own workers, and the re-warm starts none beside it', async () => {
    const pool = countingWorkers();
    const cancelled = runCohort(trial(400), () => {}, { workers: 2, factory: pool.factory, keepWarm: true });
    cancelled.cancel();
    await expect(cancelled.result).rejects.toBeInstanceOf(CohortCancelled);
    // "Run again": the next run starts at once, and is still running when the re-warm's moment comes
    let open = () => {};
    pool.state.gate = new Promise<void>((r) => {
      open = r;
    });
    const next = runCohort(trial(20), () => {}, { workers: 2, factory: pool.factory, keepWarm: true });
    await sleep(REWARM_DELAY_MS + 300);
    expect(pool.workers.length).toBe(4);
    expect(pool.warmUps()).toBe(0);
    pool.state.gate = null;
    open();
    await next.result;
    await sleep(100);
    expect(pool.workers.length).toBe(4);
    expect(pool.warmUps()).toBe(0);
    releaseIdleWorkers(pool.factory);
  });

  it('a warming worker that fails leaves the pool, so the next run reports the failure at once', async () => {
    // worker 0 throws on its first block; every later one "fails to load": an error event, and no answer ever
    let created = 0;
    let failedToLoad = 0;
    const good = countingWorkers(0);
    const factory = (): Worker => {
      if (created++ === 0) return good.factory();
      const { port1 } = new MessageChannel();
      setTimeout(() => {
        failedToLoad++;
        port1.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'failed to load' }));
      }, 0);
      return Object.assign(port1, { terminate: () => port1.close() }) as unknown as Worker;
    };
    const failed = runCohort(trial(400), () => {}, { workers: 1, factory, keepWarm: true });
    await expect(failed.result).rejects.toThrow(/injected fault/);
    // the re-warm's worker fails while it warms up
    await vi.waitFor(() => expect(failedToLoad).toBe(1), { timeout: 10_000, interval: 20 });
    const next = runCohort(trial(20), () => {}, { workers: 1, factory, keepWarm: true });
    const outcome = await Promise.race([
      next.result.then(
        () => 'done',
        (error: Error) => error.message,
      ),
      sleep(3_000).then(() => 'still waiting'),
    ]);
    // a worker of its own, whose failure ends the run (not the idle one's 30 s deadline)
    expect(outcome).toBe('failed to load');
    expect(created).toBe(3);
    next.cancel();
    releaseIdleWorkers(factory);
  });
});
