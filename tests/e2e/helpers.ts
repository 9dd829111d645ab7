import { expect, type Page } from '@playwright/test';

/** Collects console errors and page errors; assert it is empty at the end of a test. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/**
 * A screenshot of the whole page as a person scrolling it sees it: the trial's result cards off screen are skipped
 * by the browser's rendering (content-visibility: auto), and a full-page capture does not scroll, so they are rendered
 * for the capture.
 */
export async function fullPageShot(page: Page, path: string): Promise<void> {
  // through the CSSOM: the app's Content-Security-Policy refuses inline style sheets
  const cards = '.trial-main > section.trial-card';
  await page.evaluate((selector) => {
    for (const card of document.querySelectorAll<HTMLElement>(selector)) card.style.contentVisibility = 'visible';
  }, cards);
  await page.screenshot({ path, fullPage: true });
  await page.evaluate((selector) => {
    for (const card of document.querySelectorAll<HTMLElement>(selector)) card.style.contentVisibility = '';
  }, cards);
}

/** Open the app and wait for the first result to be drawn. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  await expect(page.locator('[data-testid="svg-volume"] path.line').first()).toHaveAttribute('d', /^M/);
}

/** Path data of the tumour-volume lines, one string per line. */
export async function volumePaths(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="svg-volume"] path.line')
    .evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));
}

/** Path data of every chart line, for "something changed" checks. */
export async function allPaths(page: Page): Promise<string> {
  await chartsCurrent(page);
  return page.locator('path.line').evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? '').join('|'));
}

/**
 * Waits until every chart shows its latest data: one below the fold follows a change a moment later (useInView.ts:
 * its figure carries data-stale or data-draw-pending until it has).
 */
export async function chartsCurrent(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[data-stale], [data-draw-pending]').count()).toBe(0);
}

/** What holdWorkerMessages puts on the page's window, per worker name. */
export interface WorkerHold {
  /** while true, the messages of the Workers of this name are kept back */
  holding: boolean;
  /** messages kept back so far and not yet delivered */
  held: number;
  /** stops holding and delivers the messages kept back, in order */
  release: () => void;
}

/** The page's window with holdWorkerMessages's hooks. */
export type HoldWindow = Window & { __hold: Record<string, WorkerHold> };

/**
 * A test hook run in the page before the app (`page.addInitScript(holdWorkerMessages, name)`): while
 * `window.__hold[name].holding` is true, the messages of the Workers named `name` (the trial's "cohort" workers, the
 * "statistics" worker) are kept back until `window.__hold[name].release()`, so that a run's state between two of its
 * answers can be looked at however fast or slow the machine is.
 */
export function holdWorkerMessages(name: string) {
  const w = window as unknown as { __hold?: Record<string, WorkerHold> };
  const queue: (() => void)[] = [];
  const hold: WorkerHold = {
    holding: false,
    held: 0,
    release: () => {
      hold.holding = false;
      hold.held = 0;
      for (const deliver of queue.splice(0)) deliver();
    },
  };
  w.__hold = { ...w.__hold, [name]: hold };
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (options?.name !== name) return;
      const add = this.addEventListener.bind(this);
      this.addEventListener = ((type: string, listener: EventListener, opts?: boolean | AddEventListenerOptions) => {
        if (type !== 'message') return add(type, listener, opts);
        add(
          type,
          (event: Event) => {
            if (!hold.holding) return listener(event);
            queue.push(() => listener(event));
            hold.held = queue.length;
          },
          opts,
        );
      }) as Worker['addEventListener'];
    }
  };
}
