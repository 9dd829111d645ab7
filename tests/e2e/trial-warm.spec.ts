// The trial's worker pool is warm before the page's first trial and stays warm across a cancel. The first: when the
// trial view has a plan that can run (when it opens, or later: Use preset, the page's own scenario cannot), the pool's
// workers start and warm up after the trial's cost has been measured (store/trialWarm.ts), so Run starts none. A
// cancel terminates the run's workers, and the pool starts and warms fresh ones while the page is idle
// (worker/cohortPool.ts REWARM_DELAY_MS). Counted in the page (workers started, answers per worker), never timed.
import { expect, type Page, test } from '@playwright/test';
import { collectErrors, type HoldWindow, holdWorkerMessages, openApp } from './helpers';

test.describe.configure({ timeout: 120_000 });

/** What countCohortWorkers puts on the page's window. */
interface CohortWorkers {
  /** answers (messages back) of each trial worker started so far, in the order they were started */
  answers: number[];
  /** trial workers terminated so far */
  terminated: number;
}
type CountWindow = Window & { __cohortWorkers: CohortWorkers };

/** A test hook run in the page before the app: counts the trial's workers (named "cohort") and their answers. */
function countCohortWorkers() {
  const counts: CohortWorkers = { answers: [], terminated: 0 };
  (window as unknown as CountWindow).__cohortWorkers = counts;
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (options?.name !== 'cohort') return;
      const index = counts.answers.push(0) - 1;
      this.addEventListener('message', () => counts.answers[index]++);
      const terminate = this.terminate.bind(this);
      this.terminate = () => {
        counts.terminated++;
        terminate();
      };
    }
  };
}

const counts = (page: Page) => page.evaluate(() => (window as unknown as CountWindow).__cohortWorkers);

async function setSize(page: Page, size: number): Promise<void> {
  const field = page.getByTestId('trial-size');
  await field.fill(String(size));
  await field.blur();
  await expect(field).toHaveValue(String(size));
}

/** The pool's size in the page (cohortPool.ts poolSize). */
const poolWorkers = (page: Page) => page.evaluate(() => Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2)));

/** A link to the calibration trial's scenario that opens at the explorer (no #trial: no run starts with it). */
async function trialLink(page: Page): Promise<string> {
  await openApp(page);
  await page.getByTestId('view-trial').click();
  await page.getByTestId('trial-use-preset').click();
  await expect(page).toHaveURL(/#trial$/);
  return page.url().replace('#trial', '');
}

for (const opened of ['explorer', 'trial', 'link'] as const) {
  const how = {
    explorer: 'the page opened at the explorer, the trial view, Use preset',
    trial: 'the page opened at the trial view (#trial), Use preset',
    link: "a trial's scenario opened from its link, then the trial view",
  }[opened];
  test(`${how}: the pool is warmed after the trial's cost is measured, and the first Run starts no worker`, async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.addInitScript(holdWorkerMessages, 'statistics');
    await page.addInitScript(countCohortWorkers);
    const link = opened === 'link' ? await trialLink(page) : '';
    if (opened === 'trial') await page.goto('/#trial');
    else await openApp(page, link || '/');
    // the cost probe's answer is kept back, so that the time between the probe and the warm-up can be looked at
    await page.evaluate(() => {
      (window as unknown as HoldWindow).__hold.statistics.holding = true;
    });
    if (opened !== 'trial') await page.getByTestId('view-trial').click();
    if (opened !== 'link') {
      // the page's own scenario cannot run as a trial: nothing is warmed until it can
      await page.getByTestId('trial-use-preset').click();
    }
    const cost = page.getByTestId('trial-cost');
    await expect(cost).toContainText('Measuring', { timeout: 20_000 });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as HoldWindow).__hold.statistics.held), { timeout: 20_000 })
      .toBeGreaterThan(0);
    // while the probe is being measured no trial worker starts (a warm-up would take the cores from the probe); the
    // warm-up, once asked, starts within an idle callback (2 s at most): a second and a half shows most of that
    await page.waitForTimeout(1_500);
    expect((await counts(page)).answers).toEqual([]);
    await page.evaluate(() => (window as unknown as HoldWindow).__hold.statistics.release());
    await expect(cost).toContainText('Estimated time on this device');

    // then the pool's workers start and each answers its warm-up blocks, before Run
    const workers = await poolWorkers(page);
    await expect
      .poll(
        async () => {
          const now = await counts(page);
          return now.answers.length === workers && now.answers.every((n) => n > 0);
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    const warmed = await counts(page);

    // the first run takes them: no worker is started, and each warmed worker answers its blocks
    await setSize(page, 200);
    const status = page.getByTestId('trial-status');
    await page.getByTestId('trial-run').click();
    await expect(status).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    const after = await counts(page);
    expect(after.answers.length).toBe(workers);
    expect(after.terminated).toBe(0);
    for (let i = 0; i < workers; i++) expect(after.answers[i]).toBeGreaterThan(warmed.answers[i]);
    await expect(page.getByTestId('trial-table').locator('tbody td').first()).toHaveText('200');
    expect(errors).toEqual([]);
  });
}

test('after Cancel the pool is warmed again while the page is idle, and the next run starts on those workers', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.addInitScript(countCohortWorkers);
  await openApp(page);
  await page.getByTestId('view-trial').click();
  await page.getByTestId('trial-use-preset').click();
  await setSize(page, 5000);
  const status = page.getByTestId('trial-status');
  await page.getByTestId('trial-run').click();
  await expect(status).toHaveAttribute('data-status', 'running');
  // some patients in, so that the run's workers are busy when it is cancelled
  await expect
    .poll(async () => Number(await page.getByTestId('trial-progress').getAttribute('aria-valuenow')), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  // the workers started so far are the run's (the view's warm-up, if it came first, hands its workers to the run)
  const pool = (await counts(page)).answers.length;
  await page.getByTestId('trial-cancel').click();
  await expect(status).toHaveAttribute('data-status', 'cancelled');
  // the cancelled run's workers are gone (the pool's new ones may have started already: the page is soon idle)
  const cancelled = await counts(page);
  expect(cancelled.terminated).toBe(pool);
  // fresh workers start, as many as the pool's size, and each answers its warm-up blocks
  const workers = await poolWorkers(page);
  await expect
    .poll(
      async () => {
        const now = await counts(page);
        return now.answers.length === pool + workers && now.answers.slice(pool).every((n) => n > 0);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const warmed = await counts(page);

  // the next run takes them: no worker is started, and the warmed workers answer its blocks
  await setSize(page, 200);
  await page.getByTestId('trial-run').click();
  await expect(status).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  const after = await counts(page);
  expect(after.answers.length).toBe(pool + workers);
  expect(after.terminated).toBe(cancelled.terminated);
  for (let i = pool; i < pool + workers; i++) expect(after.answers[i]).toBeGreaterThan(warmed.answers[i]);
  await expect(page.getByTestId('trial-table').locator('tbody td').first()).toHaveText('200');
  expect(errors).toEqual([]);
});
