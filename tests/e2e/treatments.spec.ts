import { expect, test } from '@playwright/test';
import { allPaths, collectErrors, openApp } from './helpers';

test('edit a treatment window by typing, dragging and the keyboard', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  // the dose marks of a drug are one path; its data-count is the number of doses
  const doseCount = () =>
    page
      .locator('[data-testid="svg-volume"] [data-testid="dose-ticks"]')
      .evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute('data-count')), 0));
  await expect.poll(doseCount).toBe(0);

  let before = await allPaths(page);
  await page.getByTestId('drug-atezolizumab').check();
  const win = page.getByTestId('window-atezolizumab');
  await expect(win).toHaveAttribute('data-start', '7');
  await expect(win).toHaveAttribute('data-stop', '20');
  await expect.poll(doseCount).toBe(5); // days 7, 10, 13, 16, 19
  await expect.poll(() => allPaths(page)).not.toBe(before);

  // Type.
  before = await allPaths(page);
  await page.getByTestId('start-atezolizumab').fill('10');
  await expect(win).toHaveAttribute('data-start', '10');
  await expect.poll(doseCount).toBe(4); // 10, 13, 16, 19
  await page.getByTestId('interval-atezolizumab').fill('1');
  await expect.poll(doseCount).toBe(10);
  await expect.poll(() => allPaths(page)).not.toBe(before);

  // Drag the bar to the right: the whole window moves.
  const track = await page.getByTestId('track-atezolizumab').boundingBox();
  const box = await win.boundingBox();
  if (!track || !box) throw new Error('timeline not visible');
  const perDay = track.width / 28;
  before = await allPaths(page);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + perDay * 2, box.y + box.height / 2, { steps: 3 });
  await page.mouse.move(box.x + box.width / 2 + perDay * 4, box.y + box.height / 2, { steps: 3 });
  await page.mouse.up();
  await expect(win).toHaveAttribute('data-start', '14');
  await expect(win).toHaveAttribute('data-stop', '24');
  await expect.poll(() => allPaths(page)).not.toBe(before);

  // Drag the end handle left: the window shrinks.
  const stop = await page.getByTestId('window-stop-atezolizumab').boundingBox();
  if (!stop) throw new Error('handle not visible');
  await page.mouse.move(stop.x + stop.width / 2, stop.y + stop.height / 2);
  await page.mouse.down();
  await page.mouse.move(stop.x + stop.width / 2 - perDay * 3, stop.y + stop.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect(win).toHaveAttribute('data-start', '14');
  await expect(win).toHaveAttribute('data-stop', '21');

  // Keyboard: arrows move the window, Shift+arrows its end.
  await win.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(win).toHaveAttribute('data-start', '13');
  await expect(win).toHaveAttribute('data-stop', '20');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(win).toHaveAttribute('data-stop', '21');
  await expect(page.getByTestId('stop-atezolizumab')).toHaveValue('21');

  await page.getByTestId('drug-atezolizumab').uncheck();
  await expect.poll(doseCount).toBe(0);
  expect(errors).toEqual([]);
});

test('play, pause and step reveal the curves over time', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const day = page.getByTestId('play-day');
  await expect(day).toHaveAttribute('data-day', '28.00');
  await page.getByTestId('step').click();
  await expect(day).toHaveAttribute('data-day', '1.00');
  const clipWidth = () => page.locator('[data-testid="svg-volume"] clipPath rect').getAttribute('width');
  const stepped = Number(await clipWidth());

  await page.getByTestId('speed').selectOption('0.5');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => Number(await day.getAttribute('data-day'))).toBeGreaterThan(2);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  const paused = await day.getAttribute('data-day');
  await page.waitForTimeout(300);
  await expect(day).toHaveAttribute('data-day', paused ?? '');
  expect(Number(await clipWidth())).toBeGreaterThan(stepped);

  await page.getByTestId('show-all').click();
  await expect(day).toHaveAttribute('data-day', '28.00');
  expect(errors).toEqual([]);
});

test('a worker that fails to load is restarted and the request re-run', async ({ page }) => {
  let failed = 0;
  await page.route('**/sim.worker-*.js', async (route) => {
    if (failed === 0) {
      failed++;
      await route.fulfill({ status: 500, body: 'broken' });
      return;
    }
    await route.continue();
  });
  await page.goto('/');
  // The error status lasts only until the restart (under half a second); the restart notice stays to be read.
  await expect(page.getByTestId('restart-notice')).toHaveAttribute('data-kind', 'crashed', { timeout: 20_000 });
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  await expect(page.locator('[data-testid="svg-volume"] path.line')).toHaveCount(1);
  expect(failed).toBe(1);
});
