import { type Browser, expect, type Page, test } from '@playwright/test';
import { EIGHT_ARM_TRIAL } from '../../bench/trial-scenario';
import { collectErrors } from './helpers';

// The trial's work on the page's main thread, counted in a Chromium trace (layout objects, not milliseconds, so the
// bounds hold on a loaded machine): the Run press lays out almost nothing in its own task, the first one as Run again
// over a run's results, and while the trial runs the result cards off screen are skipped by the browser's rendering.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** The browser bench's eight-arm trial, 400 patients, seed 1. */
const TRIAL = `v=1&${EIGHT_ARM_TRIAL}&n=400&seed=1`;

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
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
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

/** The result cards well below the window (three window heights down: Chromium renders the ones nearer), and how many
 * of them the browser skips. */
function cardsBelow(): { cards: number; skipped: number } {
  const cards = [...document.querySelectorAll<HTMLElement>('#trial-results > section.trial-card')];
  const below = cards.filter((c) => c.getBoundingClientRect().top > 3 * innerHeight);
  return {
    cards: below.length,
    skipped: below.filter((c) => !c.firstElementChild?.checkVisibility({ contentVisibilityAuto: true })).length,
  };
}

test('the Run press lays out almost nothing in its own task, and result cards off screen are skipped while the trial runs', async ({
  page,
  browser,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  // the trial's link opened in the explorer, then the trial view: its first run, started by Run
  await page.goto(`/?${TRIAL}`);
  await page.getByTestId('view-trial').click();
  await expect(page.getByTestId('trial-empty')).toBeVisible();
  await expect(page.getByTestId('trial-run')).toBeEnabled();

  let skipped: { cards: number; skipped: number } = { cards: 0, skipped: 0 };
  const events = await traced(browser, page, async () => {
    await page.getByTestId('trial-run').click();
    // partial results are on the page: the cards below the window are laid out once, then skipped
    await expect(page.getByTestId('trial-partial')).toContainText(/patients/, { timeout: 60_000 });
    await expect
      .poll(
        async () => {
          const now = await page.evaluate(cardsBelow);
          return now.cards > 2 && now.skipped === now.cards;
        },
        { timeout: 20_000 },
      )
      .toBe(true)
      .catch(() => undefined);
    skipped = await page.evaluate(cardsBelow);
    await expect(page.getByTestId('trial-status')).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
  });

  // The click's task: the RunTask that dispatched the click, and the objects its layouts laid out (the whole new
  // results area, ~2,000 objects, when focus moved to Cancel in the commit and figures read their width on mount).
  const { laidOut, wallMs } = clickTask(events);
  console.log(
    `Run press: ${laidOut} layout objects in the click's task (${wallMs.toFixed(0)} ms wall); ` +
      `result cards well below the window: ${skipped.skipped} of ${skipped.cards} skipped while running`,
  );
  expect(laidOut).toBeLessThanOrEqual(500);
  expect(skipped.cards).toBeGreaterThan(2);
  expect(skipped.skipped).toBe(skipped.cards);
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
