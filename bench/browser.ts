/**
 * Browser benchmark (`npm run bench:browser`, also run at the end of `npm run bench`): builds the app into a temporary
 * folder, serves it with `vite preview` and drives Debian's (or Playwright's) Chromium:
 *
 *  - slider input to painted frame with 4 arms, 30 moves, median, at 1x and at 4x CPU slowdown
 *    (Chrome DevTools Protocol Emulation.setCPUThrottlingRate);
 *  - a virtual trial of 10,000 patients x 8 arms: the page's own run time (the `timescape:cohort-run` measure), and the
 *    main thread's long tasks (> 50 ms, PerformanceObserver 'longtask') during the run: their count, sum and longest.
 *
 * Prints a human-readable report, and with --json one JSON line (last line) for bench/run.ts.
 * Environment: BENCH_PORT (default 4199), PLAYWRIGHT_CHROMIUM_PATH, BENCH_TRIAL_SIZE (default 10000).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';

export interface BrowserBench {
  /** input event to the painted frame after the charts' update, median of 30 moves */
  sliderMedianMs: { x1: number; x4: number };
  /** the input event's synchronous work (handlers and the render flushed right after), median of 30 moves */
  inputMedianMs: { x1: number; x4: number };
  trial: {
    patients: number;
    arms: number;
    workers: number;
    runMs: number;
    longTasks: number;
    longTaskMs: number;
    longestTaskMs: number;
  };
}

const PORT = Number(process.env.BENCH_PORT ?? 4199);
const BASE = `http://127.0.0.1:${PORT}`;
const TRIAL_SIZE = Number(process.env.BENCH_TRIAL_SIZE ?? 10_000);

/** Eight arms of the HCC calibration trial's drugs (the IMbrave150 preset's arms and dose/schedule variants). */
export const EIGHT_ARM_TRIAL = [
  's=hcc-patient',
  'h=540',
  'dt=1',
  'nrf2=0.5',
  'neat1=0',
  'il6=0.1',
  'axl=low',
  'cd8=0',
  'arm=Untreated',
  'arm=Atezo/bev*atz:1200@0-540/21*bev:15@0-540/21',
  'arm=Atezo/bev+%2B+celecoxib*atz:1200@0-540/21*bev:15@0-540/21*cox2:400@0-540/1',
  'arm=Atezo*atz:1200@0-540/21',
  'arm=Bev*bev:15@0-540/21',
  'arm=Atezo+q6w*atz:1680@0-540/42',
  'arm=Atezo/bev+half*atz:1200@0-540/21*bev:7.5@0-540/21',
  'arm=Celecoxib*cox2:400@0-540/1',
].join('&');

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

/** Median slider-to-paint over 30 moves, 4 arms (as tests/e2e/perf.spec.ts measures it). */
async function sliderToPaint(page: Page): Promise<{ paint: number; input: number }> {
  const durations = await page.evaluate(async () => {
    const slider = document.querySelector<HTMLInputElement>('[data-testid="slider-il6"]');
    const charts = document.querySelector('#charts');
    if (!slider || !charts) throw new Error('slider or charts missing');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const out: number[] = [];
    const input: number[] = [];
    for (let i = 0; i < 30; i++) {
      const value = (0.12 + ((i * 7) % 30) / 36).toFixed(2);
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
  });
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return (sorted[14] + sorted[15]) / 2;
  };
  return { paint: median(durations.out), input: median(durations.input) };
}

async function sliderBench(page: Page, rate: number): Promise<{ paint: number; input: number }> {
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
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  try {
    return await sliderToPaint(page);
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}

async function trialBench(page: Page): Promise<BrowserBench['trial']> {
  await page.goto(`${BASE}/?v=1&${EIGHT_ARM_TRIAL}&n=${TRIAL_SIZE}&seed=1#trial`);
  await page.waitForSelector('[data-testid="trial-view"]', { timeout: 60_000 });
  await page.waitForSelector('[data-testid="trial-run"]:not([disabled])', { timeout: 60_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  await page.click('[data-testid="trial-run"]');
  await page.waitForSelector('[data-testid="trial-status"][data-status="done"]', { timeout: 900_000 });
  // the final statistics and charts render after the status changes: give them two frames
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate((patients) => {
    const w = window as unknown as { __longTasks: number[] };
    const entries = performance.getEntriesByName('timescape:cohort-run');
    const tasks = w.__longTasks;
    return {
      patients,
      arms: document.querySelectorAll('[data-testid="trial-table"] tbody tr').length,
      workers: navigator.hardwareConcurrency,
      runMs: entries[entries.length - 1]?.duration ?? Number.NaN,
      longTasks: tasks.length,
      longTaskMs: tasks.reduce((s, d) => s + d, 0),
      longestTaskMs: tasks.reduce((m, d) => Math.max(m, d), 0),
    };
  }, TRIAL_SIZE);
}

export async function benchBrowser(log: (line: string) => void = console.log): Promise<BrowserBench> {
  const outDir = mkdtempSync(join(tmpdir(), 'timescape-bench-app-'));
  const build = spawnSync('npx', ['--no-install', 'vite', 'build', '--outDir', outDir, '--logLevel', 'error'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('vite build failed');
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
      String(PORT),
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
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const x1 = await sliderBench(page, 1);
    log(
      `  slider to painted frame, 4 arms, 30 moves, 1x CPU: median ${x1.paint.toFixed(1)} ms (input handling ${x1.input.toFixed(1)} ms)`,
    );
    const x4 = await sliderBench(page, 4);
    log(
      `  slider to painted frame, 4 arms, 30 moves, 4x CPU slowdown: median ${x4.paint.toFixed(1)} ms (input handling ${x4.input.toFixed(1)} ms)`,
    );
    const trial = await trialBench(page);
    log(
      `  trial ${trial.patients} x ${trial.arms} arms (${trial.workers} workers): ${(trial.runMs / 1000).toFixed(1)} s; ` +
        `long tasks ${trial.longTasks}, ${(trial.longTaskMs / 1000).toFixed(1)} s in all, longest ${trial.longestTaskMs.toFixed(0)} ms`,
    );
    await context.close();
    return {
      sliderMedianMs: { x1: x1.paint, x4: x4.paint },
      inputMedianMs: { x1: x1.input, x4: x4.input },
      trial,
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
  console.log(`\nBrowser (Chromium, built app on ${BASE})`);
  const result = await benchBrowser();
  if (json) console.log(JSON.stringify(result));
}
