// Faults injected from outside the product: the tests route the built simulation worker script
// (sim.worker-<hash>.js) to the same script with a few lines put in front that misbehave on purpose. No product code
// knows about it, so nothing of this ships.
//
//   throw  the worker throws an uncaught exception on the n-th simulate message (an error event, no answer)
//   hang   the worker swallows the n-th simulate message and never answers
//   close  the worker calls self.close() on the n-th simulate message (no event at all, like a killed worker)
//   block  the same for the n-th cohortBlock message (a virtual-trial pool worker: its trials' blocks; a warm-up
//          block is a cohortWarmUpBlock message, which is not counted)
//   corrupt  the first simulation result has a CD8 series shorter than its time axis (a worker of another version)
import { expect, type Page, type Route, test } from '@playwright/test';
import { openApp } from './helpers';

type Fault = 'throw' | 'hang' | 'close';

/** JavaScript put in front of the worker script: misbehave on the n-th Comlink call of `method`. */
function faultPrefix(fault: Fault, method: 'simulate' | 'cohortBlock', n: number): string {
  const act =
    fault === 'throw'
      ? "throw new Error('injected fault');"
      : fault === 'close'
        ? 'self.close();'
        : '/* never answer */';
  return `{
  let calls = 0;
  self.addEventListener('message', (event) => {
    const path = event.data && event.data.path;
    if (!Array.isArray(path) || path[0] !== ${JSON.stringify(method)}) return;
    if (++calls !== ${n}) return;
    event.stopImmediatePropagation();
    ${act}
  });
}
`;
}

/** JavaScript put in front of the worker script: the first result's CD8 series loses all but three values. */
const CORRUPT_FIRST_RESULT = `{
  const post = self.postMessage.bind(self);
  let done = false;
  self.postMessage = (message, transfer) => {
    const arms = message && message.value && message.value.arms;
    if (!done && Array.isArray(arms)) {
      done = true;
      for (const arm of arms) arm.series.cd8 = arm.series.cd8.subarray(0, 3);
    }
    return post(message, transfer);
  };
}
`;

/**
 * Routes the worker script: loads listed in `prefixes` (1 = the first worker the page starts) get their prefix,
 * others the script as built. Returns the number of loads so far.
 */
async function injectIntoWorker(page: Page, prefixes: Record<number, string>): Promise<() => number> {
  let loads = 0;
  await page.route('**/sim.worker-*.js', async (route: Route) => {
    loads++;
    const prefix = prefixes[loads];
    if (!prefix) {
      await route.continue();
      return;
    }
    const response = await route.fetch();
    await route.fulfill({ response, body: prefix + (await response.text()) });
  });
  return () => loads;
}

/** Path data of the tumour-volume lines. */
const volumeLines = (page: Page) =>
  page.locator('[data-testid="svg-volume"] path.line').evaluateAll((els) => els.map((e) => e.getAttribute('d')));

/**
 * Whether the volume curves run to the right edge of the plot: true only for a result computed over the axis's whole
 * horizon (an older, shorter result ends before the edge).
 */
async function expectCurvesToReachTheEnd(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.getByTestId('svg-volume').evaluate((svg) => {
        const overlay = svg.querySelector('rect.overlay') as SVGRectElement | null;
        const lines = [...svg.querySelectorAll<SVGPathElement>('path.line')];
        if (!overlay || lines.length === 0) return false;
        const right = overlay.x.baseVal.value + overlay.width.baseVal.value;
        return lines.every((l) => Math.abs(l.getBBox().x + l.getBBox().width - right) < 1);
      }),
    )
    .toBe(true);
}

/** Collects uncaught page errors (a fault handled by the page raises none). */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

for (const { fault, kind, text } of [
  { fault: 'throw', kind: 'crashed', text: 'the simulator stopped with an error' },
  { fault: 'hang', kind: 'timeout', text: 'the simulator stopped answering' },
] as const) {
  test(`a worker that ${fault === 'throw' ? 'throws' : 'hangs'} is restarted and the latest change computed again`, async ({
    page,
  }) => {
    const errors = pageErrors(page);
    await page.clock.install();
    const loads = await injectIntoWorker(page, { 1: faultPrefix(fault, 'simulate', 2) });
    await openApp(page);
    const before = await volumeLines(page);

    // The second simulation (this change) meets the fault.
    await page.getByTestId('horizon').fill('35');
    // A hung worker raises no event: the watchdog (4 s for a worker that has answered) finds it. Skip the wait.
    if (fault === 'hang') await page.clock.runFor(4_500);
    const notice = page.getByTestId('restart-notice');
    await expect(notice).toBeVisible({ timeout: 10_000 });
    await expect(notice).toHaveAttribute('data-kind', kind);
    await expect(notice).toContainText(text);
    await expect(page.getByRole('status').filter({ has: notice })).toHaveAttribute('aria-live', 'polite');
    await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
    // The change was computed by the new worker: a 35-day axis and new curves.
    expect(loads()).toBe(2);
    await expect.poll(() => volumeLines(page)).not.toEqual(before);
    await expectCurvesToReachTheEnd(page);

    // Non-blocking: the page goes on working under the notice; Dismiss removes it.
    await page.getByTestId('horizon').fill('40');
    await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
    await expectCurvesToReachTheEnd(page);
    await page.getByTestId('restart-notice-dismiss').click();
    await expect(notice).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

test('a worker that closes itself is replaced after the deadline; the notice is in Japanese and clears itself', async ({
  page,
}) => {
  const errors = pageErrors(page);
  await page.clock.install();
  await injectIntoWorker(page, { 1: faultPrefix('close', 'simulate', 2) });
  await openApp(page, '/?lang=ja');
  await page.getByTestId('horizon').fill('35');
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'computing');
  // No event tells the page that the worker is gone: the watchdog (4 s for a worker that has answered) does.
  await page.clock.runFor(4_500);
  const notice = page.getByTestId('restart-notice');
  await expect(notice).toBeVisible({ timeout: 10_000 });
  await expect(notice).toHaveAttribute('data-kind', 'timeout');
  await expect(notice).toContainText('シミュレーターを再起動しました（シミュレーターが応答しなくなりました）');
  await expect(page.getByTestId('restart-notice-dismiss')).toHaveText('閉じる');
  await expectCurvesToReachTheEnd(page);
  await page.screenshot({ path: test.info().outputPath('restart-notice-ja.png') });
  await page.clock.runFor(13_000);
  await expect(notice).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a worker that fails every time: after three tries the page says the simulator is unavailable', async ({
  page,
}) => {
  const errors = pageErrors(page);
  const crash = faultPrefix('throw', 'simulate', 1);
  const loads = await injectIntoWorker(page, { 1: crash, 2: crash, 3: crash, 4: crash });
  await page.goto('/');
  const status = page.getByTestId('status');
  await expect(status).toHaveAttribute('data-status', 'unavailable', { timeout: 10_000 });
  await expect(status).toHaveAttribute('role', 'alert');
  await expect(status.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(page.getByTestId('chart-volume').getByTestId('chart-message')).toBeVisible();
  await expect(page.getByTestId('restart-notice')).toHaveCount(0);
  expect(loads()).toBe(3);
  expect(errors).toEqual([]);
});

test('a chart that cannot draw its data shows Try again in its frame; the rest of the page keeps working', async ({
  page,
}) => {
  const errors = pageErrors(page);
  await injectIntoWorker(page, { 1: CORRUPT_FIRST_RESULT });
  await openApp(page);
  const broken = page.locator('[data-testid="panel-error"][data-panel="chart-cd8"]');
  await expect(broken).toBeVisible();
  await expect(broken).toContainText('could not be shown because of an error');
  await expect(page.getByTestId('panel-error')).toHaveCount(1);
  await expect(page.getByTestId('svg-cd8')).toHaveCount(0);
  // The other charts and the panels are drawn, and the controls still work.
  for (const id of ['volume', 'macrophages', 'pge2', 'pdl1']) {
    await expect(page.getByTestId(`svg-${id}`).locator('path.line')).not.toHaveCount(0);
  }
  await expect(page.getByTestId('readout')).toBeVisible();
  await expect(page.getByTestId('control-panel')).toBeVisible();
  const before = await volumeLines(page);
  await page.getByTestId('horizon').fill('35');
  await expect.poll(() => volumeLines(page)).not.toEqual(before);
  await expectCurvesToReachTheEnd(page);
  await page.getByTestId('language').selectOption('ja');
  await expect(broken).toContainText('を表示できませんでした');
  await expect(broken.getByTestId('panel-retry')).toHaveText('再試行');
  await page.getByTestId('language').selectOption('en');
  await broken.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('chart-boundary.png') });

  // The latest result is sound: Try again draws the chart.
  await broken.getByTestId('panel-retry').click();
  await expect(page.getByTestId('panel-error')).toHaveCount(0);
  await expect(page.getByTestId('svg-cd8').locator('path.line')).toHaveCount(1);
  expect(errors).toEqual([]);
});

/** Opens the trial view on the calibration trial with `size` patients. */
async function openTrial(page: Page, size: number): Promise<void> {
  await openApp(page);
  await page.getByTestId('view-trial').click();
  await page.getByTestId('trial-use-preset').click();
  const field = page.getByTestId('trial-size');
  await field.fill(String(size));
  await field.blur();
  // the trial's cost is measured before Run, in the statistics worker: wait for it, so that worker loads in order
  await expect(page.getByTestId('trial-cost')).toContainText('Estimated time on this device', { timeout: 20_000 });
}

for (const fault of ['throw', 'close'] as const) {
  test(`a trial worker that ${fault === 'throw' ? 'throws' : 'closes itself'} ends the run with Try again and keeps the patients finished`, async ({
    page,
  }) => {
    const errors = pageErrors(page);
    // Load 1 is the explorer's worker, load 2 the statistics worker (it measures the trial's cost before Run), load 3
    // the first worker of the trial pool, which fails on the second block of the run (its warm-up blocks before the
    // run are other calls, not counted).
    const loads = await injectIntoWorker(page, { 3: faultPrefix(fault, 'cohortBlock', 2) });
    await openTrial(page, 300);
    // after the cost is measured the pool's workers start and warm up before Run (store/trialWarm.ts): the run takes
    // them, so the worker that fails is a warmed one
    const workers = await page.evaluate(() => Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2)));
    await expect.poll(loads, { timeout: 20_000 }).toBe(2 + workers);
    await page.getByTestId('trial-run').click();
    const status = page.getByTestId('trial-status');
    // A closed worker raises no event: its block's deadline (at least 3 s) ends the run.
    await expect(status).toHaveAttribute('data-status', 'error', { timeout: 15_000 });
    const banner = page.getByTestId('trial-error');
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner).toContainText(fault === 'throw' ? 'injected fault' : 'did not answer within');
    await expect(page.getByTestId('trial-error-partial')).toContainText(/for the \d+ of 300 patients/);
    await expect(page.getByTestId('trial-table').locator('tbody tr')).toHaveCount(2);

    await banner.getByRole('button', { name: 'Try again' }).click();
    await expect(status).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('trial-error')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}
