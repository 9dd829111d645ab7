/**
 * Browser benchmark (`npm run bench:browser`, also run at the end of `npm run bench`): builds the app into a temporary
 * folder, serves it with `vite preview` and drives Debian's (or Playwright's) Chromium:
 *
 *  - slider input to painted frame with 4 arms, 30 moves, median, at 1x and at 4x CPU slowdown
 *    (Chrome DevTools Protocol Emulation.setCPUThrottlingRate); its peer: the simulation of one move on one Node
 *    thread (bench/peers.ts), the part of the frame no drawing can save;
 *  - a virtual trial of 10,000 patients x 8 arms: the page's own run time (the `timescape:cohort-run` measure), and the
 *    main thread's long tasks (> 50 ms, PerformanceObserver 'longtask') from Run until the finished trial is kept in
 *    the browser (the `timescape:trial-kept` mark): their count, sum and longest;
 *    its peer: the same trial on one Node thread (bench/peers.ts), so page/peer is ~0.5 for two workers that lose
 *    nothing to the page;
 *  - a Sobol' analysis of 8 parameters with N = 512 (5,120 runs of 2 arms of the NRF2 preset) set up and run in the
 *    analyses panel as a person would: the page's run time (the `timescape:toolkit-run` measure) over the worker pool,
 *    the long tasks during it, and its peer: the same design on one Node thread in this process (bench/toolkit.ts),
 *    measured right after it, so the ratio reads the same whatever the machine's load.
 *
 * Prints a human-readable report, and with --json one JSON line (last line) for bench/run.ts.
 * Environment: BENCH_PORT (default: a port the system reports free at start, bench/port.ts), PLAYWRIGHT_CHROMIUM_PATH, BENCH_TRIAL_SIZE (default 10000), BENCH_ONLY
 * (a comma-separated subset of slider, trial, sobol; default all).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { peerOf, SLIDER_VALUES } from './peers';
import { benchPort } from './port';
import { benchToolkit } from './toolkit';
import { EIGHT_ARM_TRIAL } from './trial-scenario';

export interface BrowserBench {
  /** absent when BENCH_ONLY leaves it out: navigation to the first curves drawn, fresh pages, median */
  startup?: {
    runs: number;
    medianMs: number;
    /** peer: the same scenario's first simulation in a fresh Node process (code not yet compiled), ms */
    peerMs: number;
  };
  /** input event to the painted frame after the charts' update, median of 30 moves */
  sliderMedianMs: { x1: number; x4: number };
  /** the same, 95th percentile of the 30 moves */
  sliderP95Ms: { x1: number; x4: number };
  /** the input event's synchronous work (handlers and the render flushed right after), median of 30 moves */
  inputMedianMs: { x1: number; x4: number };
  /** peer: the simulation of one move (the page's scenario, the same 30 values) on one Node thread, median, ms */
  sliderPeerMs: number;
  trial: {
    patients: number;
    arms: number;
    workers: number;
    runMs: number;
    longTasks: number;
    longTaskMs: number;
    longestTaskMs: number;
    /** when the longest long task started, ms after the click on Run (NaN without one) */
    longestAtMs: number;
    /** the longest long task that started in the run's first second (the results area mounts, the workers start) */
    firstSecondLongestMs: number;
    /** the machine's 1-minute load average at the row's start and end: a task's wall time follows it */
    loadAverage: [number, number];
    /** peer: the same trial on one Node thread (timed on its first patients, scaled to its size), ms */
    peerMs: number;
  };
  /** absent when BENCH_ONLY leaves it out */
  sobol?: {
    runs: number;
    workers: number;
    runMs: number;
    longTasks: number;
    longestTaskMs: number;
    /** the same design on one Node thread, measured in the same process right after */
    peerMs: number;
  };
}

/** The served app's address, set by benchBrowser once its port is chosen (BENCH_PORT or a free one). */
let BASE = '';
const TRIAL_SIZE = Number(process.env.BENCH_TRIAL_SIZE ?? 10_000);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'startup,slider,trial,sobol').split(',').map((s) => s.trim()));

/** The NRF2 preset's link (5 arms; arm 5 adds the COX-2 inhibitor to arm 4's atezolizumab + bevacizumab). */
export const NRF2_PRESET =
  's=hcc-mouse&h=28&dt=0.25&nrf2=0&neat1=0&il6=0.1&axl=low&cd8=0&arm=NRF2-low,+untreated*nrf2=0&arm=NRF2-low,+atezo/bev*nrf2=0*atz:10@7-20/3*bev:10@7-20/3&arm=NRF2-high,+untreated*nrf2=1&arm=NRF2-high,+atezo/bev*nrf2=1*atz:10@7-20/3*bev:10@7-20/3&arm=NRF2-high,+atezo/bev+%2B+COX-2i*nrf2=1*atz:10@7-20/3*bev:10@7-20/3*cox2:30@7-28/1';

function chromiumPath(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH !== undefined) return process.env.PLAYWRIGHT_CHROMIUM_PATH || undefined;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer on ${url}`);
}

async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="status"][data-status="ready"]', { timeout: 60_000 });
  await page.waitForSelector('[data-testid="svg-volume"] path.line[d^="M"]', { timeout: 60_000 });
}

/** Startup: navigation to the first curves drawn, in fresh browser contexts (nothing cached), median of `runs`. */
async function startupBench(browser: Browser, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${BASE}/`);
    await waitReady(page);
    // since the navigation started (the page's time origin)
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  times.sort((a, b) => a - b);
  return times[runs >> 1];
}

/** Median slider-to-paint over 30 moves, 4 arms (as tests/e2e/perf.spec.ts measures it). */
async function sliderToPaint(page: Page): Promise<SliderFigures> {
  const durations = await page.evaluate(async (values) => {
    const slider = document.querySelector<HTMLInputElement>('[data-testid="slider-il6"]');
    const charts = document.querySelector('#charts');
    if (!slider || !charts) throw new Error('slider or charts missing');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const out: number[] = [];
    const input: number[] = [];
    for (let i = 0; i < values.length; i++) {
      const value = values[i].toFixed(2);
      const painted = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          requestAnimationFrame(() => {
            performance.mark(`bench-paint-${i}`);
            resolve();
          });
        });
        observer.observe(charts, { attributes: true, attributeFilter: ['d'], subtree: true });
      });
      performance.mark(`bench-input-${i}`);
      const start = performance.now();
      setValue?.call(slider, value);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      // the input path: the event's handlers and the render React flushes in a microtask after it
      await Promise.resolve();
      input.push(performance.now() - start);
      await painted;
      out.push(performance.measure(`bench-slider-${i}`, `bench-input-${i}`, `bench-paint-${i}`).duration);
      // let the worker's answer for the previous value settle, as between a user's moves
      await new Promise((r) => setTimeout(r, 20));
    }
    return { out, input };
  }, SLIDER_VALUES);
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return (sorted[14] + sorted[15]) / 2;
  };
  // the 95th percentile of 30 moves: the 29th fastest (nearest rank, ceil(0.95 x 30) = 29)
  const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[28];
  return { paint: median(durations.out), input: median(durations.input), paintP95: p95(durations.out) };
}

interface SliderFigures {
  /** input event to the painted frame, median of 30 moves, ms */
  paint: number;
  /** the input event's synchronous work, median, ms */
  input: number;
  /** input event to the painted frame, 95th percentile of the 30 moves, ms */
  paintP95: number;
}

async function sliderBench(page: Page, rate: number): Promise<SliderFigures & { query: string }> {
  await page.goto(`${BASE}/`);
  await waitReady(page);
  await page.click('[data-testid="preset-nrf2-atezo-bev"]');
  await page.click('[data-testid="arm-select-0"]');
  await page.click('[data-testid="arm-delete"]');
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="svg-volume"] path.line').length === 4,
    undefined,
    { timeout: 30_000 },
  );
  await waitReady(page);
  const query = new URL(page.url()).search;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  try {
    return { ...(await sliderToPaint(page)), query };
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}

/** The trial's link (the bench's 8 arms, its size, seed 1). */
const TRIAL_QUERY = `v=1&${EIGHT_ARM_TRIAL}&n=${TRIAL_SIZE}&seed=1`;

async function trialBench(page: Page): Promise<Omit<BrowserBench['trial'], 'peerMs' | 'loadAverage'>> {
  await page.goto(`${BASE}/?${TRIAL_QUERY}#trial`);
  await page.waitForSelector('[data-testid="trial-view"]', { timeout: 60_000 });
  // a link that opens the trial view recomputes its trial at once: cancel that run, then time one started by Run
  const autoRun = await page
    .waitForSelector('[data-testid="trial-status"][data-status="running"]', { timeout: 15_000 })
    .then(
      () => true,
      () => false,
    );
  if (autoRun) await page.click('[data-testid="trial-cancel"]');
  await page.waitForSelector('[data-testid="trial-run"]:not([disabled])', { timeout: 60_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: [number, number][]; __runAt: number };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
    // the click's own task starts after this (Playwright's click is dispatched a moment later)
    document
      .querySelector('[data-testid="trial-run"]')
      ?.addEventListener('click', () => (w.__runAt = performance.now()), { once: true, capture: true });
  });
  await page.click('[data-testid="trial-run"]');
  // polled every 250 ms, not every frame (waitForSelector's default): the wait must not keep the page drawing
  await page.waitForFunction(
    () => document.querySelector('[data-testid="trial-status"][data-status="done"]'),
    undefined,
    {
      timeout: 900_000,
      polling: 250,
    },
  );
  // the finished trial is then kept in the browser's IndexedDB (store/trialCache.ts), on the main thread too: the
  // window ends when that is done (its mark; at most 10 s, for a build without the mark)
  await page
    .waitForFunction(() => performance.getEntriesByName('timescape:trial-kept').length > 0, undefined, {
      timeout: 10_000,
      polling: 250,
    })
    .catch(() => undefined);
  // the final statistics and charts render after the status changes: give them two frames
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate((patients) => {
    const w = window as unknown as { __longTasks: [number, number][]; __runAt: number };
    const entries = performance.getEntriesByName('timescape:cohort-run');
    const tasks = w.__longTasks;
    const longest = tasks.reduce<[number, number] | null>((m, t) => (m && m[1] >= t[1] ? m : t), null);
    // from the click on (the click's own task starts just before its listener ran, and counts)
    const firstSecond = tasks.filter(([start]) => start - w.__runAt < 1000);
    return {
      patients,
      arms: document.querySelectorAll('[data-testid="trial-table"] tbody tr').length,
      workers: navigator.hardwareConcurrency,
      runMs: entries[entries.length - 1]?.duration ?? Number.NaN,
      longTasks: tasks.length,
      longTaskMs: tasks.reduce((s, [, d]) => s + d, 0),
      longestTaskMs: longest?.[1] ?? 0,
      longestAtMs: longest ? longest[0] - w.__runAt : Number.NaN,
      firstSecondLongestMs: firstSecond.reduce((m, [, d]) => Math.max(m, d), 0),
    };
  }, TRIAL_SIZE);
}

/** The Sobol' analysis of bench/toolkit.ts (same 8 parameters, N = 512, arm 5 minus arm 4), run from the panel. */
async function sobolBench(page: Page): Promise<Omit<NonNullable<BrowserBench['sobol']>, 'peerMs'>> {
  await page.goto(`${BASE}/?v=1&${NRF2_PRESET}&lang=en`);
  await waitReady(page);
  await page.getByTestId('toolkit').scrollIntoViewIfNeeded();
  await page.getByTestId('tool-kind').selectOption('sobol');
  await page.getByTestId('tool-readout').selectOption('logvolume');
  await page.getByTestId('tool-day').fill('28');
  await page.getByTestId('tool-arm').selectOption('4');
  await page.getByTestId('tool-versus').selectOption('3');
  await page.getByTestId('tool-samples').selectOption('512');
  await page.getByTestId('tool-factors').locator('summary').click();
  // bench/toolkit.ts's eight: the panel's default set with sensitiveGrowthRate in place of pge2Hill
  await page.getByTestId('tool-factor-pge2Hill').uncheck();
  await page.getByTestId('tool-factor-sensitiveGrowthRate').check();
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await page.getByTestId('tool-run').click();
  await page.waitForSelector('[data-testid="tool-result"][data-kind="sobol"]', { timeout: 900_000 });
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    const entries = performance.getEntriesByName('timescape:toolkit-run') as PerformanceMeasure[];
    const last = entries[entries.length - 1];
    const tasks = w.__longTasks;
    return {
      runs: Number((last?.detail as { total?: number } | undefined)?.total ?? Number.NaN),
      workers: navigator.hardwareConcurrency,
      runMs: last?.duration ?? Number.NaN,
      longTasks: tasks.length,
      longestTaskMs: tasks.reduce((m, d) => Math.max(m, d), 0),
    };
  });
}

export async function benchBrowser(log: (line: string) => void = console.log): Promise<BrowserBench> {
  const outDir = mkdtempSync(join(tmpdir(), 'timescape-bench-app-'));
  const build = spawnSync('npx', ['--no-install', 'vite', 'build', '--outDir', outDir, '--logLevel', 'error'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('vite build failed');
  const port = await benchPort();
  BASE = `http://127.0.0.1:${port}`;
  log(
    `  serving the built app on ${BASE} (${process.env.BENCH_PORT ? 'BENCH_PORT' : 'a free port; BENCH_PORT sets one'})`,
  );
  const server = spawn(
    'npx',
    [
      '--no-install',
      'vite',
      'preview',
      '--outDir',
      outDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: 'ignore', detached: true },
  );
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
  });
  try {
    await waitForServer(BASE, server);
    let startup: BrowserBench['startup'];
    if (ONLY.has('startup')) {
      const runs = 9;
      const medianMs = await startupBench(browser, runs);
      const peerMs = peerOf({ kind: 'startup', query: new URL(`${BASE}/`).search }).ms;
      startup = { runs, medianMs, peerMs };
      log(
        `  startup, navigation to the first curves drawn, ${runs} fresh pages: median ${medianMs.toFixed(0)} ms; ` +
          `peer, the page's first simulation in a fresh Node process: ${peerMs.toFixed(0)} ms (page/peer ${(medianMs / peerMs).toFixed(2)})`,
      );
    }
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const none: SliderFigures = { paint: Number.NaN, input: Number.NaN, paintP95: Number.NaN };
    let slider = { x1: none, x4: none };
    let sliderPeerMs = Number.NaN;
    if (ONLY.has('slider')) {
      const x1 = await sliderBench(page, 1);
      const x4 = await sliderBench(page, 4);
      sliderPeerMs = peerOf({ kind: 'slider', query: x1.query, values: SLIDER_VALUES }).ms;
      for (const [rate, r] of [
        ['1x CPU', x1],
        ['4x CPU slowdown', x4],
      ] as const) {
        log(
          `  slider to painted frame, 4 arms, 30 moves, ${rate}: median ${r.paint.toFixed(1)} ms, p95 ${r.paintP95.toFixed(1)} ms (input handling ${r.input.toFixed(1)} ms); ` +
            `peer, the move's simulation on one Node thread: ${sliderPeerMs.toFixed(1)} ms (page/peer ${(r.paint / sliderPeerMs).toFixed(2)})`,
        );
      }
      slider = { x1, x4 };
    }
    let trial: BrowserBench['trial'] = {
      patients: 0,
      arms: 0,
      workers: 0,
      runMs: Number.NaN,
      longTasks: 0,
      longTaskMs: 0,
      longestTaskMs: 0,
      longestAtMs: Number.NaN,
      firstSecondLongestMs: 0,
      loadAverage: [Number.NaN, Number.NaN],
      peerMs: Number.NaN,
    };
    if (ONLY.has('trial')) {
      const loadBefore = loadavg()[0];
      const run = await trialBench(page);
      const loadAverage: [number, number] = [loadBefore, loadavg()[0]];
      const peer = peerOf({ kind: 'trial', query: TRIAL_QUERY, size: TRIAL_SIZE, patients: 500 });
      trial = { ...run, loadAverage, peerMs: peer.ms };
      log(
        `  trial ${trial.patients} x ${trial.arms} arms (${trial.workers} workers): ${(trial.runMs / 1000).toFixed(1)} s; ` +
          `long tasks ${trial.longTasks}, ${(trial.longTaskMs / 1000).toFixed(1)} s in all, longest ${trial.longestTaskMs.toFixed(0)} ms` +
          `${trial.longTasks > 0 ? ` (${(trial.longestAtMs / 1000).toFixed(1)} s after Run)` : ''}, ` +
          `in the first second ${trial.firstSecondLongestMs > 0 ? `${trial.firstSecondLongestMs.toFixed(0)} ms` : 'none'}; ` +
          `load average ${loadAverage[0].toFixed(1)} -> ${loadAverage[1].toFixed(1)}; ` +
          `peer, the same trial on one Node thread: ${(peer.ms / 1000).toFixed(1)} s (timed on ${peer.patients} patients, scaled; ` +
          `page/peer ${(trial.runMs / peer.ms).toFixed(2)}, 2 ideal workers ${(1 / Math.min(2, trial.workers || 1)).toFixed(2)})`,
      );
    }
    let sobol: BrowserBench['sobol'];
    if (ONLY.has('sobol')) {
      const run = await sobolBench(page);
      const peerMs = benchToolkit().sobolMs;
      sobol = { ...run, peerMs };
      log(
        `  Sobol' 8 parameters, N = 512 (${run.runs} runs x 2 arms) in the page over ${run.workers} workers: ${(run.runMs / 1000).toFixed(1)} s; ` +
          `peer, the same design on one Node thread: ${(peerMs / 1000).toFixed(1)} s (page/peer ${(run.runMs / peerMs).toFixed(2)}); ` +
          `long tasks ${run.longTasks}, longest ${run.longestTaskMs.toFixed(0)} ms`,
      );
    }
    await context.close();
    return {
      ...(startup ? { startup } : {}),
      sliderMedianMs: { x1: slider.x1.paint, x4: slider.x4.paint },
      sliderP95Ms: { x1: slider.x1.paintP95, x4: slider.x4.paintP95 },
      inputMedianMs: { x1: slider.x1.input, x4: slider.x4.input },
      sliderPeerMs,
      trial,
      ...(sobol ? { sobol } : {}),
    };
  } finally {
    await browser.close();
    if (server.pid !== undefined) {
      try {
        process.kill(-server.pid);
      } catch {
        // already gone
      }
    }
    rmSync(outDir, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] && /bench[/\\]browser\.(ts|mjs|js)$/.test(process.argv[1]);
if (isMain) {
  const json = process.argv.includes('--json');
  console.log('\nBrowser (Chromium, the built app served by vite preview)');
  const result = await benchBrowser();
  if (json) console.log(JSON.stringify(result));
}
