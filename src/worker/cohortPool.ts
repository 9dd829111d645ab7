/**
 * A pool of simulation workers for virtual trials: the cohort is cut into blocks of patients, each worker takes the
 * next block, and every finished block is merged and reported at once (partial results while the rest runs).
 * Cancel terminates the workers: a run of 10,000 patients stops at once and the page never waits for it.
 *
 * Using both cores (measured in bench/cohort.ts and bench/browser.ts):
 * - workers stay warm between runs (started, module loaded, code compiled): a finished run hands its workers back
 *   to an idle set that the next run takes them from; cancel and faults terminate them (a cancel stops at once, a
 *   faulted worker may be hung), and the pool then starts and warms fresh ones when the page is idle (see
 *   REWARM_DELAY_MS), so the run after a cancel or a fault starts warm too;
 * - every worker has two blocks in flight, so it starts the next block at once instead of waiting for the main
 *   thread, which may be busy drawing partial results;
 * - after the first blocks, blocks are sized by the measured cost per patient to take about TARGET_BLOCK_MS, and
 *   the last ones shrink so that all workers finish together;
 * - results come back as transferred typed arrays (no copy; api.ts).
 *
 * Failure: a worker that throws, fails to load, or misses its block's deadline (hung, or closed, which raises no event)
 * ends the run with an error; the blocks finished before it were already reported as partial results and stay.
 */
import * as Comlink from 'comlink';
import { blockMerger, type CohortBlock } from '../model';
import { defaultCohort } from '../scenario/defaults';
import type { Scenario } from '../scenario/types';
import type { SimulationApi } from './api';

/** The trial result types the store and the views read, from the model's public face. */
export type { CohortBlock, CohortStatistics, MedianSurvival, ProportionInterval, SurvivalCurve } from '../model';

export interface CohortProgress {
  done: number;
  total: number;
  /**
   * all blocks finished so far, merged (patients in cohort order). Merged when first read: a caller that shows
   * partial results only now and then does not pay for a merge of everything finished at every block; and a read
   * goes on from the last merge read (model blockMerger), so it copies that merge in a few runs with the new blocks
   * in their places instead of concatenating every block finished again.
   */
  readonly partial: CohortBlock;
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

/** Patients per first block (before any cost is measured): small enough for early progress. */
export function blockSize(total: number, workers: number): number {
  return Math.max(5, Math.min(100, Math.ceil(total / (workers * 8))));
}

/** Aim of a block's duration once the cost per patient is known, ms: progress several times a second, and
 * messaging (well under a millisecond per block) negligible. */
export const TARGET_BLOCK_MS = 250;

/**
 * Near the end a block is at most this fraction of an even share of the patients not yet handed out (guided
 * self-scheduling, Polychronopoulos & Kuck 1987): the blocks shrink as the run ends, so the blocks still in flight when
 * the last one is handed out are small and the workers finish together. With an even share (1) a worker could still
 * hold two ~TARGET_BLOCK_MS blocks when the other ran out of work: ~90 ms of a 700 ms two-worker run idle (a model of
 * the pool with bench/cohort.ts's costs; 1000 x 2 warm: 1.83x -> 1.94x). Chosen 3: 2 and 4 model the same.
 */
export const TAIL_SHARES = 3;

/**
 * Patients in the next block: `first` (blockSize) until a cost is measured, then about TARGET_BLOCK_MS of work, at
 * least 5 patients, and never more than a third of an even share of what is left (TAIL_SHARES), so that the workers
 * finish together.
 */
export function nextBlockSize(left: number, workers: number, first: number, msPerPatient: number | null): number {
  const wanted = msPerPatient === null || !(msPerPatient > 0) ? first : Math.round(TARGET_BLOCK_MS / msPerPatient);
  const share = Math.ceil(left / (Math.max(1, workers) * TAIL_SHARES));
  return Math.max(1, Math.min(left, Math.max(5, Math.min(wanted, share, 2000))));
}

/** Blocks sent to a worker ahead of the one it is working on. */
const IN_FLIGHT = 2;

interface PooledWorker {
  worker: Worker;
  remote: Comlink.Remote<SimulationApi>;
  /** the current run's handler of the worker's error event */
  onError: ((event: ErrorEvent) => void) | null;
  /** has finished a block before (its code is loaded and compiled) */
  warm: boolean;
}

/** Workers of finished runs, per factory, for the next run. */
const idle = new Map<WorkerFactory, PooledWorker[]>();
/** Workers held by runs in progress, per factory: prewarmCohortWorkers counts them (the pool's size at most). */
const busy = new Map<WorkerFactory, number>();

function hold(factory: WorkerFactory, n: number): void {
  const held = (busy.get(factory) ?? 0) + n;
  if (held > 0) busy.set(factory, held);
  else busy.delete(factory);
}

function pooledWorker(factory: WorkerFactory, fresh = false): PooledWorker {
  const kept = fresh ? undefined : idle.get(factory)?.pop();
  if (kept) return kept;
  const worker = factory();
  const pooled: PooledWorker = { worker, remote: Comlink.wrap<SimulationApi>(worker), onError: null, warm: false };
  worker.addEventListener('error', (event) => {
    if (pooled.onError) pooled.onError(event);
    else drop(factory, pooled);
  });
  return pooled;
}

/**
 * An idle worker (kept, or warming up) that fails, such as one whose script did not load, leaves the idle set: it
 * would never answer, and the run that took it would wait for its first block's deadline (30 s). The next run starts
 * a worker of its own, whose failure it reports at once.
 */
function drop(factory: WorkerFactory, pooled: PooledWorker): void {
  const list = idle.get(factory);
  const at = list ? list.indexOf(pooled) : -1;
  if (!list || at < 0) return;
  list.splice(at, 1);
  pooled.worker.terminate();
}

/**
 * The warm-up (prewarmCohortWorkers): a fresh worker runs its first ~200 patients x 2 arms about 2x slower while its
 * code is compiled (bench/cohort.ts), and two fresh workers compiling at once on two cores lose most of the second
 * core's gain. So the pool warms its workers on blocks of WARMUP_BLOCK_PATIENTS patients (results dropped), one after
 * another, until their cost per patient has settled (warmedUp) or WARMUP_MAX_PATIENTS were simulated. The blocks are
 * small so that a trial started meanwhile waits behind one of them at most (it takes the worker, and the warm-up
 * stops).
 */
export const WARMUP_BLOCK_PATIENTS = 10;
/** The most patients a worker's warm-up simulates (its blocks' total). */
export const WARMUP_MAX_PATIENTS = 200;
/** Warm-up blocks at least, before the cost can count as settled (chosen: the first three run the slowest code). */
const WARMUP_MIN_BLOCKS = 4;
/** Settled: the last two blocks within this factor of the fastest so far (chosen: above the blocks' own noise). */
const WARMUP_SETTLED = 1.2;

/** Whether a worker's warm-up is done, given its warm-up blocks' times per patient so far, in order. */
export function warmedUp(msPerPatient: readonly number[]): boolean {
  const n = msPerPatient.length;
  if (n * WARMUP_BLOCK_PATIENTS >= WARMUP_MAX_PATIENTS) return true;
  if (n < WARMUP_MIN_BLOCKS) return false;
  const fastest = Math.min(...msPerPatient);
  return msPerPatient[n - 1] <= WARMUP_SETTLED * fastest && msPerPatient[n - 2] <= WARMUP_SETTLED * fastest;
}

/**
 * Starts the pool's workers before a first trial and warms them (started, module loaded, code compiled) on blocks of
 * `scenario`'s patients whose results are dropped, until warmedUp (see WARMUP_BLOCK_PATIENTS), so that the first trial
 * runs as fast as a later one. Workers already kept warm count, and so do those of runs in progress (the pool never
 * grows beyond `workers`). A run that starts meanwhile takes the workers as they are: its first block waits behind the
 * warm-up block in flight, and that worker's warm-up ends. Returns when every worker's warm-up has ended.
 */
export async function prewarmCohortWorkers(
  scenario: Scenario,
  options: { workers?: number; factory?: WorkerFactory; blockPatients?: number } = {},
): Promise<void> {
  const factory = options.factory ?? defaultFactory;
  const count = Math.max(1, Math.min(options.workers ?? poolSize(), 8));
  const list = idle.get(factory) ?? [];
  idle.set(factory, list);
  const block = Math.max(1, Math.round(options.blockPatients ?? WARMUP_BLOCK_PATIENTS));
  // the warm-up's patients: any of the scenario's patients would do, the blocks only compile the code
  const warmUpScenario: Scenario = {
    ...scenario,
    cohort: { ...(scenario.cohort ?? defaultCohort()), size: Math.ceil(WARMUP_MAX_PATIENTS / block) * block },
  };
  const warmUp = async (pooled: PooledWorker): Promise<void> => {
    const times: number[] = [];
    // stops when a run has taken the worker (it is no longer idle) or when the cost has settled
    while ((idle.get(factory) ?? []).includes(pooled)) {
      const from = times.length * block;
      const started = Date.now();
      // its own call, not a cohortBlock: a worker's cohortBlock calls are the trials' blocks only (api.ts)
      await pooled.remote.cohortWarmUpBlock(warmUpScenario, from, from + block);
      pooled.warm = true;
      times.push((Date.now() - started) / block);
      if (warmedUp(times)) return;
    }
  };
  const warmed: Promise<void>[] = [];
  while (list.length + (busy.get(factory) ?? 0) < count) {
    const pooled = pooledWorker(factory, true);
    list.push(pooled);
    const warming = warmUp(pooled).catch(() => {
      // a worker that cannot warm up fails its first real block, which reports it
    });
    warmUps.add(warming);
    warming.then(() => warmUps.delete(warming));
    warmed.push(warming);
  }
  await Promise.all(warmed);
}

/** Warm-ups in progress (every factory's), each ending when its worker's warm-up ends. */
const warmUps = new Set<Promise<void>>();

/**
 * Resolves when no worker of the pool is warming up (at once when none is). The trial's cost probe waits for it
 * (store/trialCost.ts): a warm-up keeps both cores busy, and a probe measured beside it would time the cores' share.
 */
export async function warmUpsEnded(): Promise<void> {
  while (warmUps.size > 0) await Promise.all([...warmUps]);
}

/**
 * Re-warming after a cancel or a fault: a run that keeps its workers warm (runCohort's keepWarm) and ends early
 * terminates them, and the next run would start cold (start-up, module load and compiles in its first blocks). So the
 * pool owns keeping itself warm however a run ends: such a run schedules prewarmCohortWorkers of its scenario, for
 * the pool's size, when the page is next idle (requestIdleCallback within REWARM_IDLE_TIMEOUT_MS; where there is
 * none, such as Node, after REWARM_DELAY_MS). Nothing waits for it: a run started before it begins makes its own
 * workers (and the re-warm, counting them, starts none), and a run started during it takes its workers as they are.
 * The store's prewarmTrial (store/trialWarm.ts) warms only before a page's first trial, once the trial view has a
 * plan that can run and its cost has been measured.
 */
export const REWARM_DELAY_MS = 500;
const REWARM_IDLE_TIMEOUT_MS = 2000;

/** Cancels of the re-warms scheduled and not yet begun, per factory (one each: the latest run's). */
const rewarms = new Map<WorkerFactory, () => void>();

function scheduleRewarm(scenario: Scenario, workers: number | undefined, factory: WorkerFactory): void {
  rewarms.get(factory)?.();
  const begin = () => {
    rewarms.delete(factory);
    void prewarmCohortWorkers(scenario, { workers, factory });
  };
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(begin, { timeout: REWARM_IDLE_TIMEOUT_MS });
    rewarms.set(factory, () => cancelIdleCallback(id));
  } else {
    const id = setTimeout(begin, REWARM_DELAY_MS);
    rewarms.set(factory, () => clearTimeout(id));
  }
}

/** Terminates the workers kept warm for later runs, and cancels re-warms not yet begun (all factories, or one). */
export function releaseIdleWorkers(factory?: WorkerFactory): void {
  for (const [f, cancel] of rewarms) {
    if (factory && f !== factory) continue;
    cancel();
    rewarms.delete(f);
  }
  for (const [f, list] of idle) {
    if (factory && f !== factory) continue;
    for (const p of list) p.worker.terminate();
    idle.delete(f);
  }
}

export function runCohort(
  scenario: Scenario,
  onProgress: (progress: CohortProgress) => void,
  options: {
    workers?: number;
    factory?: WorkerFactory;
    deadline?: (first: boolean, medianMs: number | null) => number;
    /**
     * keep the workers for the next run with the same factory, and warm fresh ones after a cancel or a fault
     * (REWARM_DELAY_MS; default: only with the default factory)
     */
    keepWarm?: boolean;
  } = {},
): CohortRun {
  const total = scenario.cohort?.size ?? 0;
  const factory = options.factory ?? defaultFactory;
  const keepWarm = options.keepWarm ?? options.factory === undefined;
  const deadline = options.deadline ?? blockDeadline;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const count = Math.max(1, Math.min(options.workers ?? poolSize(), Math.ceil(total / 5) || 1));
  const firstSize = blockSize(total, count);
  const workers: PooledWorker[] = [];
  /** every block finished so far, merged as partial results are read (each merge goes on from the last one) */
  const done = blockMerger();
  let next = 0;
  let finished = 0;
  let cancelled = false;
  let rejectRun: (reason: unknown) => void = () => {};

  const stopAll = (): void => {
    for (const w of workers) w.worker.terminate();
    hold(factory, -workers.length);
    workers.length = 0;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };
  /** Ends the run early (cancel, fault): terminates its workers; a pool kept warm warms new ones (REWARM_DELAY_MS). */
  const abandon = (): void => {
    const had = workers.length > 0;
    stopAll();
    if (keepWarm && had) scheduleRewarm(scenario, options.workers, factory);
  };

  /** Times of the blocks finished so far, ms, in order, and their patients (for the cost per patient). */
  const blockMs: number[] = [];
  let measuredMs = 0;
  let measuredPatients = 0;
  const median = (): number | null => {
    if (blockMs.length === 0) return null;
    const sorted = [...blockMs].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  };

  /**
   * The block, or a rejection when it has not come within its deadline (re-read as the median block time moves).
   * Called when the worker starts on this block (the one before it has come back), so the clock runs only while the
   * worker is on it.
   */
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
    /** Takes the next block off the queue and sends it to the worker at once. */
    const send = (pooled: PooledWorker) => {
      const msPerPatient = measuredPatients > 0 ? measuredMs / measuredPatients : null;
      const n = nextBlockSize(total - next, count, firstSize, msPerPatient);
      const from = next;
      const to = from + n;
      next = to;
      const answer = pooled.remote.cohortBlock(scenario, from, to);
      // a block still queued when the run ends (an earlier block failed) may fail too: that is the run's failure,
      // reported already, not an unhandled rejection (within() reads the answer of the block the worker is on)
      answer.catch(() => {});
      return { from, to, answer };
    };
    const work = async (pooled: PooledWorker): Promise<void> => {
      const queue: ReturnType<typeof send>[] = [];
      while (!cancelled && (queue.length > 0 || next < total)) {
        while (queue.length < IN_FLIGHT && next < total) queue.push(send(pooled));
        const head = queue.shift();
        if (!head) break;
        const first = !pooled.warm;
        const started = Date.now();
        const block = await within(head.answer, first);
        pooled.warm = true;
        if (cancelled) return;
        // a warm worker's time per patient sizes the next blocks (a cold first block includes loading and JIT)
        if (!first) {
          measuredMs += Date.now() - started;
          measuredPatients += head.to - head.from;
        }
        done.add(block);
        finished += head.to - head.from;
        const count = done.count;
        let merged: CohortBlock | undefined;
        onProgress({
          done: finished,
          total,
          get partial() {
            merged ??= done.merged(count);
            return merged;
          },
        });
      }
    };
    const fail = (event: ErrorEvent) => {
      event.preventDefault();
      if (!cancelled) {
        cancelled = true;
        abandon();
        reject(new Error(event.message || 'a trial worker stopped'));
      }
    };
    const jobs: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const pooled = pooledWorker(factory);
      pooled.onError = fail;
      workers.push(pooled);
      hold(factory, 1);
      jobs.push(work(pooled));
    }
    Promise.all(jobs).then(
      () => {
        if (!cancelled) {
          for (const w of workers) w.onError = null;
          if (keepWarm) {
            const list = idle.get(factory) ?? [];
            list.push(...workers);
            idle.set(factory, list);
            hold(factory, -workers.length);
            workers.length = 0;
          }
          stopAll();
          resolve(done.merged());
        } else stopAll();
      },
      (error: unknown) => {
        if (cancelled) return;
        cancelled = true;
        abandon();
        reject(error);
      },
    );
  });

  return {
    result,
    cancel: () => {
      if (cancelled) return;
      cancelled = true;
      abandon();
      rejectRun(new CohortCancelled());
    },
  };
}
