/**
 * Cohort benchmark: 1,000 virtual patients x 2 arms (the calibration trial), on one thread and on all cores, against
 * the floor (patients x arms x the time of one patient-arm simulation measured in the same run), plus the
 * statistics of a 10,000-patient trial. Target on a 2-core machine: 1,000 x 2 within 2 s.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { cohortStatistics, runCohortBlock } from '../src/model/cohort';
import { presetById } from '../src/scenario/catalogue/presets';
import type { Scenario } from '../src/scenario/types';
import { coxHazardRatio, kaplanMeier, logRank } from '../src/stats';
import { measure } from './timing';

function calibrationTrial(size: number): Scenario {
  const preset = presetById('imbrave150');
  if (!preset) throw new Error('preset imbrave150 missing');
  return {
    ...preset.scenario,
    arms: [preset.scenario.arms[1], preset.scenario.arms[2]],
    cohort: { size, seed: 1, cancer: 'hcc', assessmentInterval: 42, pge2Cutoff: 3 },
  };
}

/** Runs the cohort split over `threads` worker threads (fresh threads: includes their start-up and JIT warm-up). */
async function runOnThreads(scenario: Scenario, size: number, threads: number, workerUrl: URL): Promise<number> {
  const start = performance.now();
  const per = Math.ceil(size / threads);
  const jobs: Promise<unknown>[] = [];
  for (let from = 0; from < size; from += per) {
    const to = Math.min(size, from + per);
    jobs.push(
      new Promise((resolve, reject) => {
        const worker = new Worker(workerUrl, { workerData: { scenario, from, to } });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
    );
  }
  await Promise.all(jobs);
  return performance.now() - start;
}

export async function benchCohort(workerUrl: URL): Promise<void> {
  const size = 1000;
  const scenario = calibrationTrial(size);
  console.log(`\nCohort: ${size} virtual patients x ${scenario.arms.length} arms (the IMbrave150 calibration trial)`);
  // floor: one patient on both arms, measured on this thread after warm-up
  const small = calibrationTrial(20);
  const perPatient = measure(() => runCohortBlock(small, 0, 20), { warmup: 3, runs: 7 }).median / 20;
  const floor = perPatient * size;
  const single = measure(() => runCohortBlock(scenario, 0, size), { warmup: 1, runs: 3 });
  const cores = availableParallelism();
  const onOne = await runOnThreads(scenario, size, 1, workerUrl);
  const onAll = await runOnThreads(scenario, size, cores, workerUrl);
  console.log(`  floor (patients x one patient's ${scenario.arms.length} arms):  ${floor.toFixed(0)} ms`);
  console.log(
    `  main thread, warm:                        ${single.median.toFixed(0)} ms  (${(single.median / floor).toFixed(2)}x floor)`,
  );
  console.log(
    `  1 worker thread (cold start):             ${onOne.toFixed(0)} ms  (${(onOne / floor).toFixed(2)}x floor)`,
  );
  console.log(
    `  ${cores} worker threads (cold start):            ${onAll.toFixed(0)} ms  (${(onAll / floor).toFixed(2)}x floor; target < 2000 ms)`,
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
}
