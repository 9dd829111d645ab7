import { type Browser, expect, type Page, test } from '@playwright/test';
import { EIGHT_ARM_TRIAL } from '../../bench/trial-scenario';
import { collectErrors, type HoldWindow, holdWorkerMessages } from './helpers';

// The trial's work on the page's main thread, counted in a Chromium trace (layout objects, not milliseconds, so the
// bounds hold on a loaded machine): the Run press lays out almost nothing in its own task, the first one as Run again
// over a run's results, no frame that mounts the results area lays out much of it at once, and while the trial runs
// the result cards off screen are skipped by the browser's rendering.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** The browser bench's eight-arm trial, 400 patients, seed 1. */
const TRIAL = `v=1&${EIGHT_ARM_TRIAL}&n=400&seed=1`;

/** The user-timing mark the test's page sets when a run's first patients are shown (the run bar's count). */
const FIRST_PATIENTS_MARK = 'e2e-first-patients';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { type?: string }; beginData?: { dirtyObjects?: number } };
}

/** The renderer main thread's events: the CrRendererMain thread that ran the most tasks. */
function mainThread(events: TraceEvent[]): TraceEvent[] {
  const names = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const busy = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (names.get(key) === 'CrRendererMain' && e.name === 'RunTask') busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
  }
  const [key] = [...busy].sort((a, b) => b[1] - a[1])[0] ?? [''];
  return events.filter((e) => `${e.pid}:${e.tid}` === key);
}

async function traced(browser: Browser, page: Page, during: () => Promise<void>): Promise<TraceEvent[]> {
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
  });
  let failure: unknown = null;
  try {
    await during();
  } catch (error) {
    failure = error;
  }
  const buffer = await browser.stopTracing();
  if (failure) throw failure;
  const trace = JSON.parse(buffer.toString()) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return mainThread(Array.isArray(trace) ? trace : (trace.traceEvents ?? []));
}

/** The task that dispatched the trace's click, and the objects its layouts laid out. */
function clickTask(events: TraceEvent[]): { laidOut: number; wallMs: number } {
  const click = events.find(
    (e) =>
      e.name === 'EventDispatch' &&
      e.args?.data?.type === 'click' &&
      events.some((t) => t.name === 'RunTask' && t.ts <= e.ts && e.ts <= t.ts + (t.dur ?? 0)),
  );
  expect(click, 'the click in the trace').toBeDefined();
  const task = events.find(
    (t) => t.name === 'RunTask' && click && t.ts <= click.ts && click.ts <= t.ts + (t.dur ?? 0),
  ) as TraceEvent;
  const inTask = (e: TraceEvent) => e.ts >= task.ts && e.ts <= task.ts + (task.dur ?? 0);
  const laidOut = events
    .filter((e) => e.name === 'Layout' && inTask(e))
    .reduce((n, e) => n + (e.args?.beginData?.dirtyObjects ?? 0), 0);
  return { laidOut, wallMs: (task.dur ?? 0) / 1000 };
}

/**
 * The most objects one task laid out between the click's task and `mark` (a user-timing mark the page set when the
 * run's first patients were shown): the frames that mount the results area, before any result is drawn in it. Also
 * when that task started after the click, ms.
 */
function largestMountFrame(events: TraceEvent[], mark: string): { laidOut: number; atMs: number } {
  const click = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
  const end = events.find((e) => e.name === mark)?.ts;
  expect(click, 'the click in the trace').toBeDefined();
  expect(end, `the mark ${mark} in the trace`).toBeDefined();
  const start = click?.ts ?? 0;
  let best = { laidOut: 0, atMs: 0 };
  for (const task of events) {
    if (task.name !== 'RunTask' || task.ts <= start || task.ts + (task.dur ?? 0) >= (end ?? 0)) continue;
    const to = task.ts + (task.dur ?? 0);
    const laidOut = events
      .filter((e) => e.name === 'Layout' && e.ts >= task.ts && e.ts <= to)
      .reduce((n, e) => n + (e.args?.beginData?.dirtyObjects ?? 0), 0);
    if (laidOut > best.laidOut) best = { laidOut, atMs: (task.ts - start) / 1000 };
  }
  return best;
}

interface Skipped {
  /** result cards well below the window (three window heights down: Chromium renders the ones nearer) */
  cards: number;
  /** how many of them the browser skips */
  skipped: number;
  /** the run's status and patients done, read in the same task */
  status: string | null;
  done: number;
  /** how long the run had been held when they were counted, ms */
  heldMs: number | null;
}

/**
 * Counts at every frame the result cards well below the window and how many of them the browser skips, while the
 * run is held (holdWorkerMessages); resolves with the first count, once every card is mounted, in which more than two
 * cards are below and every one is skipped, or with the count in which the run is no longer running (a failure), and lets the run go in that frame.
 */
function skippedWhileHeld(): Promise<Skipped> {
  const w = window as unknown as { __hold: Record<string, { release: () => void }>; __heldAt?: number };
  const count = (): Skipped => {
    const cards = [...document.querySelectorAll<HTMLElement>('#trial-results > section.trial-card')];
    const below = cards.filter((c) => c.getBoundingClientRect().top > 3 * innerHeight);
    return {
      cards: below.length,
      skipped: below.filter((c) => !c.firstElementChild?.checkVisibility({ contentVisibilityAuto: true })).length,
      status: document.querySelector('[data-testid="trial-status"]')?.getAttribute('data-status') ?? null,
      done: Number(document.querySelector('[data-testid="trial-progress"]')?.getAttribute('aria-valuenow') ?? 0),
      heldMs: w.__heldAt === undefined ? null : performance.now() - w.__heldAt,
    };
  };
  return new Promise((resolve) => {
    const frame = () => {
      const now = count();
      // every card mounted (a group of cards per painted frame, TrialResults.tsx: the exports card is the last)
      const mounted = document.querySelector('[data-testid="trial-exports"]') !== null;
      if ((mounted && now.cards > 2 && now.skipped === now.cards) || now.status !== 'running') {
        w.__hold.cohort.release();
        resolve(now);
      } else requestAnimationFrame(frame);
    };
    frame();
  });
}

test('the Run press lays out almost nothing in its own task, and result cards off screen are skipped while the trial runs', async ({
  page,
  browser,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.addInitScript(holdWorkerMessages, 'cohort');
  // the trial's link opened in the explorer, then the trial view: its first run, started by Run
  await page.goto(`/?${TRIAL}`);
  await page.getByTestId('view-trial').click();
  await expect(page.getByTestId('trial-empty')).toBeVisible();
  await expect(page.getByTestId('trial-run')).toBeEnabled();
  // The run is held at its first partial results (a test hook, helpers.ts): the trial workers' answers are kept back
  // from the commit that shows the first patients done (a MutationObserver's callback runs before the next message
  // can), so the run cannot end while its cards are counted, however fast the machine is. Held for the few frames
  // the cards take to be skipped (0.3-1 s): the pool gives up on a block after ten median blocks, 3 s at least
  // (cohortPool.ts blockDeadline; 10 s for this trial's first blocks).
  await page.evaluate(() => {
    const hold = (window as unknown as HoldWindow).__hold.cohort;
    const observer = new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="trial-progress"]');
      if (Number(bar?.getAttribute('aria-valuenow') ?? 0) > 0) {
        hold.holding = true;
        (window as unknown as { __heldAt: number }).__heldAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    });
  });

  // a mark in the trace when the run bar first counts patients ("Partial results: ... 25 patients"; before, "Waiting
  // for the first patients", no digit): the frames before it mount the results area, no result drawn in it yet
  await page.evaluate((mark) => {
    const observer = new MutationObserver(() => {
      if (/\d/.test(document.querySelector('[data-testid="trial-partial"]')?.textContent ?? '')) {
        performance.mark(mark);
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, FIRST_PATIENTS_MARK);
  let skipped: Skipped = { cards: 0, skipped: 0, status: null, done: 0, heldMs: null };
  const events = await traced(browser, page, async () => {
    await page.getByTestId('trial-run').click();
    // partial results are on the page: the cards below the window are laid out once, then skipped
    await expect(page.getByTestId('trial-partial')).toContainText(/patients/, { timeout: 60_000 });
    skipped = await page.evaluate(skippedWhileHeld);
    await expect(page.getByTestId('trial-status')).not.toHaveAttribute('data-status', 'running', { timeout: 150_000 });
  });

  // The click's task: the RunTask that dispatched the click, and the objects its layouts laid out (the whole new
  // results area, ~2,000 objects, when focus moved to Cancel in the commit and figures read their width on mount).
  const { laidOut, wallMs } = clickTask(events);
  const largest = largestMountFrame(events, FIRST_PATIENTS_MARK);
  console.log(
    `Run press: ${laidOut} layout objects in the click's task (${wallMs.toFixed(0)} ms wall); ` +
      `the results area's largest frame before the first patients: ${largest.laidOut} (${largest.atMs.toFixed(0)} ms after the click); ` +
      `result cards well below the window: ${skipped.skipped} of ${skipped.cards} skipped while running ` +
      `(${skipped.done} of 400 patients done, the run held for ${skipped.heldMs?.toFixed(0)} ms)`,
  );
  expect(laidOut).toBeLessThanOrEqual(500);
  // The results area mounts over frames (TrialResults.tsx): the response table and the spread in one frame were
  // ~880 layout objects, the run's longest task at its start; now the response table alone (~350) is the largest.
  expect(largest.laidOut, 'a frame of the results area before the first patients').toBeGreaterThan(0);
  expect(largest.laidOut).toBeLessThanOrEqual(600);
  expect(skipped.cards).toBeGreaterThan(2);
  expect(skipped.skipped).toBe(skipped.cards);
  // counted while the run was running, with its first results on the page
  expect(skipped.status).toBe('running');
  expect(skipped.done).toBeGreaterThan(0);
  expect(skipped.done).toBeLessThan(400);
  // and the run, let go, ran to its end
  await expect(page.getByTestId('trial-status')).toHaveAttribute('data-status', 'done');
  // printed (or saved as PDF), every card is rendered, those off screen too
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() =>
    [...document.querySelectorAll('.trial-main > section.trial-card[data-laid-out]')].map(
      (card) => getComputedStyle(card).contentVisibility,
    ),
  );
  await page.emulateMedia({ media: 'screen' });
  expect(printed.length).toBeGreaterThan(2);
  expect(new Set(printed)).toEqual(new Set(['visible']));
  expect(errors).toEqual([]);
});

test("Run again over a run's results lays out almost nothing in the click's task", async ({ page, browser }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/?${TRIAL}`);
  await page.getByTestId('view-trial').click();
  await expect(page.getByTestId('trial-run')).toBeEnabled();
  await page.getByTestId('trial-run').click();
  await expect(page.getByTestId('trial-status')).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
  // every card mounted and its figures drawn: the results a person reads when pressing Run again
  await expect(page.getByTestId('trial-exports')).toBeVisible();
  await expect(page.getByTestId('svg-trial-waterfall-0').locator('path').first()).toBeAttached();

  const events = await traced(browser, page, async () => {
    await page.getByTestId('trial-run').click();
    await expect(page.getByTestId('trial-status')).toHaveAttribute('data-status', 'running');
    // the new run's first patients (the cards' placeholders and first results are rendered after the click's task)
    await expect(page.getByTestId('trial-partial')).toContainText(/patients/, { timeout: 60_000 });
  });
  // Every card re-rendered into its placeholders inside the click's task, and the commit's changes were laid out
  // there (a 400 x 8 trial: ~750 layout objects); the click now commits the run bar alone, the cards follow in a
  // deferred render of their own (TrialResults.tsx).
  const { laidOut, wallMs } = clickTask(events);
  console.log(`Run again: ${laidOut} layout objects in the click's task (${wallMs.toFixed(0)} ms wall)`);
  expect(laidOut).toBeLessThanOrEqual(300);
  expect(errors).toEqual([]);
});
