/**
 * Cohort benchmark: 1,000 virtual patients x 2 arms (the calibration trial), against the floor (patients x the time of
 * one patient's arms, measured in the same run), on 1 and on 2 worker threads:
 *  - cold: fresh threads, their start-up, module load and JIT warm-up included (a page's first trial);
 *  - pre-warmed: fresh threads warmed first (untimed) as the page's pool does when the trial view opens
 *    (prewarmCohortWorkers: blocks of WARMUP_BLOCK_PATIENTS until the cost per patient settles, at most
 *    WARMUP_MAX_PATIENTS): the page's first trial, when Run is pressed after the warm-up (about a second);
 *  - warm: the same threads again (the pool keeps its workers between runs);
 *  - peer: the same fixed amount of model work on 1 and on 2 threads at once, i.e. the speed-up the machine's cores
 *    give right now. On a quiet 2-core machine it is ~2x; when other processes load the machine it is what bounds the
 *    pool's speed-up, so the pool's efficiency (its speed-up / the peer's) is the figure that does not depend on load.
 * Work is handed out as the browser pool does (src/worker/cohortPool.ts): blocks from one queue, sized by cost.
 */
import { Worker } from 'node:worker_threads';
import { cohortStatistics, runCohortBlock, simulateTrajectories } from '../src/model/cohort';
import { presetById } from '../src/scenario/catalogue/presets';
import type { Scenario } from '../src/scenario/types';
import { coxHazardRatio, kaplanMeier, logRank } from '../src/stats';
import {
  blockSize,
  nextBlockSize,
  WARMUP_BLOCK_PATIENTS,
  WARMUP_MAX_PATIENTS,
  warmedUp,
} from '../src/worker/cohortPool';
import { measure } from './timing';

export interface CohortBench {
  /** the IMbrave150 trial with OS over its solver part alone (the trial before OS), same run */
  osRatio: number;
  floorMs: number;
  mainMs: number;
  cold: [number, number];
  /** fresh threads warmed first as the page does when the trial view opens (prewarmCohortWorkers) */
  prewarmed: [number, number];
  warm: [number, number];
  peer: [number, number];
}

function calibrationTrial(size: number): Scenario {
  const preset = presetById('imbrave150');
  if (!preset) throw new Error('preset imbrave150 missing');
  return {
    ...preset.scenario,
    arms: [preset.scenario.arms[1], preset.scenario.arms[2]],
    cohort: { size, seed: 1, cancer: 'hcc', assessmentInterval: 42, pge2Cutoff: 100 },
  };
}

interface Answer {
  ms: number;
  /** the worker thread's own CPU time in the block, ms (NaN where the system does not report it) */
  cpuMs?: number;
}

/**
 * Where one thread's time in a run went: `startMs` from the run's start to its first answer less that block's work
 * (thread start-up, module load, the message's way there and back, waiting behind nothing else); `workMs` its blocks'
 * own time; `extraMs` that work above the thread's settled cost (the median cost per patient of its second half of
 * blocks, times its patients): JIT warm-up and compiler threads competing; `finishMs` when its last block came back;
 * `cpuMs` the thread's own CPU time in its blocks (what a loaded machine does not stretch).
 */
interface Phases {
  startMs: number;
  workMs: number;
  extraMs: number;
  finishMs: number;
  blocks: number;
  cpuMs: number;
}

function phasesOf(blocks: { n: number; ms: number; cpuMs: number }[], startMs: number, finishMs: number): Phases {
  const per = blocks.slice(Math.floor(blocks.length / 2)).map((b) => b.ms / b.n);
  per.sort((a, b) => a - b);
  const settled = per[Math.floor(per.length / 2)] ?? 0;
  const workMs = blocks.reduce((t, b) => t + b.ms, 0);
  const patients = blocks.reduce((t, b) => t + b.n, 0);
  const cpuMs = blocks.reduce((t, b) => t + b.cpuMs, 0);
  return { startMs, workMs, extraMs: Math.max(0, workMs - settled * patients), finishMs, blocks: blocks.length, cpuMs };
}

/**
 * One line per pool: per thread start-up / work / its extra over the settled cost / its CPU / finish, and the tail;
 * `otherCpuMs`: the CPU time of the process's other threads in the run (V8's optimising compiler, which compiles on
 * threads of its own, the garbage collector's helpers, the main thread), which competes with the workers for the cores.
 */
function phaseLine(label: string, phases: Phases[], otherCpuMs: number): string {
  const f = (v: number) => v.toFixed(0);
  const finishes = phases.map((p) => p.finishMs);
  const tail = Math.max(...finishes) - Math.min(...finishes);
  return (
    `    ${label}: ` +
    phases
      .map(
        (p, i) =>
          `thread ${i + 1} start ${f(p.startMs)}, work ${f(p.workMs)} (${p.blocks} blocks; ${f(p.extraMs)} above its settled cost${Number.isFinite(p.cpuMs) ? `; CPU ${f(p.cpuMs)}` : ''}), done at ${f(p.finishMs)}`,
      )
      .join('; ') +
    (phases.length > 1 ? `; tail (first thread idle until the last is done) ${f(tail)} ms` : '') +
    (Number.isFinite(otherCpuMs) ? `; CPU of the other threads (compiler, GC, main) ${f(otherCpuMs)} ms` : '')
  );
}

class Threads {
  private readonly workers: Worker[];
  /** per worker: the callers waiting for its answers, in order (a worker answers its messages in order) */
  private readonly waiting: ((answer: Answer) => void)[][];
  constructor(count: number, url: URL) {
    this.workers = Array.from({ length: count }, () => new Worker(url));
    this.waiting = this.workers.map(() => []);
    this.workers.forEach((worker, i) => {
      worker.on('message', (m: Answer) => this.waiting[i].shift()?.(m));
      worker.on('error', (e) => {
        throw e;
      });
    });
  }
  private ask(i: number, message: unknown): Promise<Answer> {
    return new Promise((resolve) => {
      this.waiting[i].push(resolve);
      this.workers[i].postMessage(message);
    });
  }
  /** phases of the last run, per thread (see Phases) */
  phases: Phases[] = [];
  /** CPU time of the process's threads other than the workers' in the last run, ms (see phaseLine) */
  otherCpuMs = Number.NaN;
  /** The whole cohort as the browser pool hands it out: one queue, two blocks in flight per worker, sized by cost. */
  async run(scenario: Scenario, size: number): Promise<number> {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    this.phases = [];
    const count = this.workers.length;
    const first = blockSize(size, count);
    let next = 0;
    let measuredMs = 0;
    let measuredPatients = 0;
    await Promise.all(
      this.workers.map(async (_, i) => {
        const queue: { n: number; answer: Promise<Answer> }[] = [];
        let warm = false;
        const blocks: { n: number; ms: number; cpuMs: number }[] = [];
        let firstAnswer = Number.NaN;
        while (queue.length > 0 || next < size) {
          while (queue.length < 2 && next < size) {
            const per = measuredPatients > 0 ? measuredMs / measuredPatients : null;
            const n = nextBlockSize(size - next, count, first, per);
            const from = next;
            next += n;
            queue.push({ n, answer: this.ask(i, { scenario, from, to: from + n }) });
          }
          const head = queue.shift();
          if (!head) break;
          const answer = await head.answer;
          if (blocks.length === 0) firstAnswer = performance.now() - start - answer.ms;
          blocks.push({ n: head.n, ms: answer.ms, cpuMs: answer.cpuMs ?? Number.NaN });
          if (warm) {
            measuredMs += answer.ms;
            measuredPatients += head.n;
          }
          warm = true;
        }
        this.phases[i] = phasesOf(blocks, firstAnswer, performance.now() - start);
      }),
    );
    const elapsed = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    this.otherCpuMs = (cpu.user + cpu.system) / 1000 - this.phases.reduce((t, p) => t + p.cpuMs, 0);
    return elapsed;
  }
  /**
   * Every thread warms up as the pool's prewarmCohortWorkers does: blocks of WARMUP_BLOCK_PATIENTS patients, untimed,
   * until its cost per patient settles (warmedUp). Returns the patients each thread simulated.
   */
  async warmUp(scenario: Scenario): Promise<number[]> {
    const size = Math.ceil(WARMUP_MAX_PATIENTS / WARMUP_BLOCK_PATIENTS) * WARMUP_BLOCK_PATIENTS;
    const block = { ...scenario, cohort: { ...(scenario.cohort ?? { seed: 1 }), size } } as Scenario;
    return Promise.all(
      this.workers.map(async (_, i) => {
        const times: number[] = [];
        do {
          const from = times.length * WARMUP_BLOCK_PATIENTS;
          const start = performance.now();
          await this.ask(i, { scenario: block, from, to: from + WARMUP_BLOCK_PATIENTS });
          times.push((performance.now() - start) / WARMUP_BLOCK_PATIENTS);
        } while (!warmedUp(times));
        return times.length * WARMUP_BLOCK_PATIENTS;
      }),
    );
  }
  async spin(scenario: Scenario, repeats: number): Promise<number> {
    const start = performance.now();
    const each = Math.round(repeats / this.workers.length);
    await Promise.all(this.workers.map((_, i) => this.ask(i, { spin: scenario, repeats: each })));
    return performance.now() - start;
  }
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

export async function benchCohort(workerUrl: URL): Promise<CohortBench> {
  const size = 1000;
  const scenario = calibrationTrial(size);
  console.log(`\nCohort: ${size} virtual patients x ${scenario.arms.length} arms (the IMbrave150 calibration trial)`);
  // floor: one patient on both arms, measured on this thread after warm-up
  const small = calibrationTrial(20);
  const perPatient = measure(() => runCohortBlock(small, 0, 20), { warmup: 3, runs: 7 }).median / 20;
  const floor = perPatient * size;
  const single = measure(() => runCohortBlock(scenario, 0, size), { warmup: 1, runs: 3 });

  // The whole IMbrave150 trial (sorafenib vs atezo/bev) with its outcomes (residual tissue, new lesions, death,
  // PFS and OS) against its solver part alone, in the same run: the solver part is what a trial cost before overall
  // survival (the outcomes then were RECIST alone), so the ratio is the cost of OS and the new outcome model.
  const preset = presetById('imbrave150-trial');
  if (!preset?.scenario.cohort) throw new Error('preset imbrave150-trial missing');
  const trial: Scenario = { ...preset.scenario, cohort: { ...preset.scenario.cohort, size } };
  const solverPart = measure(() => simulateTrajectories(trial, 0, size), { warmup: 0, runs: 3 });
  const withOs = measure(() => runCohortBlock(trial, 0, size), { warmup: 0, runs: 3 });
  const trialBlock = runCohortBlock(trial, 0, size);
  const trialStats = measure(() => cohortStatistics(trial, trialBlock), { warmup: 3, runs: 11 });
  console.log(
    `  IMbrave150 trial with OS, ${size} x 2 arms, main thread: ${withOs.median.toFixed(0)} ms; its solver part alone ` +
      `(the trial before OS): ${solverPart.median.toFixed(0)} ms; ratio ${(withOs.median / solverPart.median).toFixed(2)}x ` +
      `(target <= 2x); statistics with OS: ${trialStats.median.toFixed(1)} ms`,
  );

  // Cold: fresh threads. Then warm runs and the peer, alternating between the 1- and the 2-thread pool so that a
  // change of the machine's load during the benchmark falls on both; medians of 3.
  const pools: Threads[] = [];
  const cold: number[] = [];
  const coldPhases: Phases[][] = [];
  const coldOtherCpu: number[] = [];
  for (const count of [1, 2]) {
    const pool = new Threads(count, workerUrl); // created only now: no thread starts loading early
    pools.push(pool);
    cold.push(await pool.run(scenario, size));
    coldPhases.push(pool.phases);
    coldOtherCpu.push(pool.otherCpuMs);
  }
  const prewarmed: number[] = [];
  const warmUpPatients: number[] = [];
  for (const count of [1, 2]) {
    const pool = new Threads(count, workerUrl);
    warmUpPatients.push(...(await pool.warmUp(scenario)));
    prewarmed.push(await pool.run(scenario, size));
    await pool.close();
  }
  const warmRuns: number[][] = [[], []];
  const peerRuns: number[][] = [[], []];
  for (const pool of pools) await pool.spin(small, 4);
  const warmPhases: Phases[][] = [[], []];
  const warmOtherCpu = [Number.NaN, Number.NaN];
  for (let round = 0; round < 3; round++) {
    for (let p = 0; p < 2; p++) {
      warmRuns[p].push(await pools[p].run(scenario, size));
      warmPhases[p] = pools[p].phases;
      warmOtherCpu[p] = pools[p].otherCpuMs;
      peerRuns[p].push(await pools[p].spin(small, 40));
    }
  }
  await Promise.all(pools.map((pool) => pool.close()));
  const median3 = (v: number[]) => [...v].sort((a, b) => a - b)[1];
  const warm = warmRuns.map(median3);
  const peer = peerRuns.map(median3);
  const speedup = (t: number[]) => t[0] / t[1];
  const fmt = (t: number) => `${t.toFixed(0)} ms`.padStart(8);
  console.log(`  floor (patients x one patient's ${scenario.arms.length} arms):  ${floor.toFixed(0)} ms`);
  console.log(
    `  main thread, warm:                        ${single.median.toFixed(0)} ms  (${(single.median / floor).toFixed(2)}x floor)`,
  );
  console.log('                                      1 thread  2 threads  speed-up');
  console.log(
    `  cold (new threads):                 ${fmt(cold[0])}   ${fmt(cold[1])}     ${speedup(cold).toFixed(2)}x`,
  );
  console.log(phaseLine('cold, 1 thread', coldPhases[0], coldOtherCpu[0]));
  console.log(phaseLine('cold, 2 threads', coldPhases[1], coldOtherCpu[1]));
  console.log(
    `  pre-warmed (until settled):         ${fmt(prewarmed[0])}   ${fmt(prewarmed[1])}     ${speedup(prewarmed).toFixed(2)}x  (the page's first trial, Run pressed after the view's warm-up)`,
  );
  console.log(
    `    (cold = fresh threads, nothing run before: start-up, module load and JIT warm-up in the time; pre-warmed = fresh threads that first ran untimed blocks of ${WARMUP_BLOCK_PATIENTS} patients until their cost settled: ${warmUpPatients.join(' / ')} patients per thread, 1-thread pool / 2-thread pool)`,
  );
  console.log(
    `  warm (same threads, second run):    ${fmt(warm[0])}   ${fmt(warm[1])}     ${speedup(warm).toFixed(2)}x`,
  );
  console.log(phaseLine('warm (last round), 1 thread', warmPhases[0], warmOtherCpu[0]));
  console.log(phaseLine('warm (last round), 2 threads', warmPhases[1], warmOtherCpu[1]));
  console.log(
    `  peer: fixed model work, no pool:    ${fmt(peer[0])}   ${fmt(peer[1])}     ${speedup(peer).toFixed(2)}x  (what the cores give now)`,
  );
  console.log(
    `  pool efficiency (speed-up / peer's): cold ${(speedup(cold) / speedup(peer)).toFixed(2)}, pre-warmed ${(speedup(prewarmed) / speedup(peer)).toFixed(2)}, warm ${(speedup(warm) / speedup(peer)).toFixed(2)}; target: 2 threads >= 1.7x of 1`,
  );

  const block = runCohortBlock(scenario, 0, size);
  const stats = measure(() => cohortStatistics(scenario, block), { warmup: 3, runs: 11 });
  console.log(
    `  statistics of the trial (KM, medians, Cox, log-rank, biomarker splits): ${stats.median.toFixed(1)} ms`,
  );

  // survival statistics at the largest cohort: 10,000 patients per arm
  const big = 10_000;
  const time = Float64Array.from({ length: big }, (_, i) => 30 + ((i * 7919) % 900));
  const event = Uint8Array.from({ length: big }, (_, i) => (i % 5 === 0 ? 0 : 1));
  const time2 = time.map((t) => t * 1.4);
  const a = { time, event };
  const b = { time: time2, event };
  const survival = measure(
    () => {
      kaplanMeier(time, event);
      kaplanMeier(time2, event);
      logRank([a, b]);
      return coxHazardRatio(a, b);
    },
    { warmup: 3, runs: 11 },
  );
  console.log(`  10,000 patients per arm: KM x2 + log-rank + Cox: ${survival.median.toFixed(1)} ms`);
  return {
    osRatio: withOs.median / solverPart.median,
    floorMs: floor,
    mainMs: single.median,
    cold: [cold[0], cold[1]],
    prewarmed: [prewarmed[0], prewarmed[1]],
    warm: [warm[0], warm[1]],
    peer: [peer[0], peer[1]],
  };
}
