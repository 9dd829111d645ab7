/**
 * `npm run bench`: every benchmark, printed with its peers measured in the same run, then the summary table of the
 * figures tracked in docs/performance.md. Figures are for the machine it runs on; docs/performance.md records them
 * for the reference machine. `npm run bench` bundles this file with esbuild first, as the app's build does: run
 * through a TypeScript loader instead, every imported constant becomes a getter call and the model runs ~25 % slower
 * than it does in the browser.
 *
 * The browser rows come from bench/browser.ts (run in a child process: it builds the app and drives Chromium);
 * BENCH_BROWSER=0 leaves them out.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import type { BrowserBench } from './browser';
import { benchBundle, printBundleBench } from './bundle';
import { benchCohort } from './cohort';
import { benchModel, printModelBench } from './model';
import { benchSolver } from './solver';
import { benchToolkit } from './toolkit';

console.log(
  `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
benchSolver();
const model = benchModel();
printModelBench(model);
const cohort = await benchCohort(new URL('./cohort-worker.mjs', import.meta.url));
const toolkit = benchToolkit();

const bundle = benchBundle();
printBundleBench(bundle);
if (bundle.initialGzip > bundle.budget) process.exitCode = 1;

let browser: BrowserBench | null = null;
if (process.env.BENCH_BROWSER !== '0') {
  const child = spawnSync('npx', ['--no-install', 'tsx', 'bench/browser.ts', '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  const lines = (child.stdout ?? '').trim().split('\n');
  for (const line of lines.slice(0, -1)) console.log(line);
  try {
    browser = JSON.parse(lines[lines.length - 1]) as BrowserBench;
  } catch {
    console.log(`  browser benchmark failed (status ${child.status}); its rows are missing below`);
    process.exitCode = 1;
  }
}

const range = (values: number[], digits: number, unit: string) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[0].toFixed(digits)}–${sorted[sorted.length - 1].toFixed(digits)}${unit}`;
};
const rows: [string, string, string][] = [
  [
    'preset simulation vs its right-hand-side floor',
    `${range(
      model.map((r) => r.overFloor),
      2,
      'x',
    )} (${model.map((r) => `${r.preset} ${r.overFloor.toFixed(2)}`).join(', ')})`,
    '<= 2x',
  ],
  [
    "preset simulation vs the method's floor (RHS evaluations + the bare vector arithmetic of its steps)",
    `${range(
      model.map((r) => r.overMethodFloor),
      2,
      'x',
    )} (${model.map((r) => `${r.preset} ${r.overMethodFloor.toFixed(2)}`).join(', ')})`,
    'what is left: control, breakpoints, output',
  ],
  [
    'preset simulation vs odex, same right-hand side, same run',
    `${range(
      model.map((r) => r.speedupVsOdex),
      1,
      'x faster',
    )}`,
    'keep >= 8x',
  ],
  [
    'trial 1000 x 2 arms, 1 worker / 2 workers (cold)',
    `cold (fresh threads) ${cohort.cold[0].toFixed(0)} / ${cohort.cold[1].toFixed(0)} ms (${(cohort.cold[0] / cohort.cold[1]).toFixed(2)}x); ` +
      `pre-warmed (the page's first trial: workers warmed until settled when the view opens) ${cohort.prewarmed[0].toFixed(0)} / ${cohort.prewarmed[1].toFixed(0)} ms (${(cohort.prewarmed[0] / cohort.prewarmed[1]).toFixed(2)}x); ` +
      `warm ${cohort.warm[0].toFixed(0)} / ${cohort.warm[1].toFixed(0)} ms (${(cohort.warm[0] / cohort.warm[1]).toFixed(2)}x); ` +
      `cores now give ${(cohort.peer[0] / cohort.peer[1]).toFixed(2)}x`,
    '2 workers >= 1.7x of 1',
  ],
  [
    'IMbrave150 trial with OS, 1000 x 2 arms, over its solver part (the trial before OS), same run',
    `${cohort.osRatio.toFixed(2)}x`,
    '<= 2x',
  ],
  [
    'trial 10,000 x 8 arms in the browser',
    browser
      ? `${(browser.trial.runMs / 1000).toFixed(1)} s, ${browser.trial.longTasks} long tasks (${(browser.trial.longTaskMs / 1000).toFixed(1)} s), longest ${browser.trial.longestTaskMs.toFixed(0)} ms` +
        `${browser.trial.longTasks > 0 ? ` at ${(browser.trial.longestAtMs / 1000).toFixed(1)} s` : ''}, first second ${browser.trial.firstSecondLongestMs > 0 ? `${browser.trial.firstSecondLongestMs.toFixed(0)} ms` : 'none'} (load ${browser.trial.loadAverage[0].toFixed(1)} -> ${browser.trial.loadAverage[1].toFixed(1)}); ` +
        `one Node thread ${(browser.trial.peerMs / 1000).toFixed(1)} s (page/peer ${(browser.trial.runMs / browser.trial.peerMs).toFixed(2)})`
      : 'not measured',
    '<= 15 s, no task > 50 ms',
  ],
  [
    'startup: navigation to the first curves drawn, fresh pages, median',
    browser?.startup
      ? `${browser.startup.medianMs.toFixed(0)} ms over ${browser.startup.runs} pages; the first simulation in a fresh Node process ${browser.startup.peerMs.toFixed(0)} ms (page/peer ${(browser.startup.medianMs / browser.startup.peerMs).toFixed(2)})`
      : 'not measured',
    'no target; a lecture opens here',
  ],
  [
    'slider to painted frame, 4 arms, median (1x / 4x CPU slowdown)',
    browser
      ? `${browser.sliderMedianMs.x1.toFixed(1)} / ${browser.sliderMedianMs.x4.toFixed(1)} ms (p95 ${browser.sliderP95Ms.x1.toFixed(1)} / ${browser.sliderP95Ms.x4.toFixed(1)} ms); input handling ${browser.inputMedianMs.x1.toFixed(1)} / ${browser.inputMedianMs.x4.toFixed(1)} ms; ` +
        `the move's simulation on one Node thread ${browser.sliderPeerMs.toFixed(1)} ms (page/peer ${(browser.sliderMedianMs.x1 / browser.sliderPeerMs).toFixed(2)} / ${(browser.sliderMedianMs.x4 / browser.sliderPeerMs).toFixed(2)})`
      : 'not measured',
    '<= 1 frame (16.7 ms) at 4x too',
  ],
  [
    "Sobol' 8 parameters, N = 512 (5,120 runs x 2 arms), one thread",
    `${(toolkit.sobolMs / 1000).toFixed(1)} s (${(toolkit.sobolMs / toolkit.sobolRuns / toolkit.sobolPeerMs).toFixed(2)}x plain simulation)`,
    '<= 10 s in the browser on 2 cores',
  ],
  [
    "Sobol' 8 parameters, N = 512, in the browser (analyses panel, worker pool)",
    browser?.sobol
      ? `${(browser.sobol.runMs / 1000).toFixed(1)} s over ${browser.sobol.workers} workers; one Node thread ${(browser.sobol.peerMs / 1000).toFixed(1)} s (page/peer ${(browser.sobol.runMs / browser.sobol.peerMs).toFixed(2)}); longest task ${browser.sobol.longestTaskMs.toFixed(0)} ms`
      : 'not measured',
    '<= 10 s in the browser on 2 cores',
  ],
  [
    'scan 50 points x 5 arms, one thread',
    `${toolkit.scanMs.toFixed(0)} ms (${(toolkit.scanMs / (50 * toolkit.scanPeerMs)).toFixed(2)}x plain simulation)`,
    '<= 1 s',
  ],
];
console.log(`\nSummary (this machine, this run; load average now ${loadavg()[0].toFixed(1)})`);
console.log('| measure | now | target |');
console.log('|---|---|---|');
for (const [m, now, target] of rows) console.log(`| ${m} | ${now} | ${target} |`);
