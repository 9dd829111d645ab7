import { expect, test } from '@playwright/test';
import { type HoldWindow, holdWorkerMessages, openApp } from './helpers';

// The status badge (Status.tsx): a result on its way for less than COMPUTING_SHOWN_AFTER_MS (200 ms) leaves
// "Up to date" up, so that a slider drag does not make the badge, and a screen reader's polite live region, say
// "Computing…" and "Up to date" at every move; a run that takes longer says "Computing…". data-status is always the
// store's own. The page's clock is Playwright's, paused while a run's answer is held back, so the test steps through
// the delay instead of timing it.
test('a run on its way less than 200 ms leaves "Up to date" up; a longer one shows Computing…', async ({ page }) => {
  await page.clock.install();
  await page.addInitScript(holdWorkerMessages, 'simulation');
  await openApp(page);
  const status = page.getByTestId('status');
  await expect(status).toHaveAttribute('data-status', 'ready');
  await expect(status).toHaveText('Up to date');

  // the answer held back and the clock stopped: the store says computing, the badge still "Up to date"
  await page.evaluate(() => {
    (window as unknown as HoldWindow).__hold.simulation.holding = true;
  });
  await page.clock.pauseAt(Date.now() + 60_000);
  await page.getByTestId('slider-il6').fill('0.9');
  await expect(status).toHaveAttribute('data-status', 'computing');
  await page.clock.runFor(199);
  await expect(status).toHaveText('Up to date');
  // 200 ms into the run: "Computing…"
  await page.clock.runFor(2);
  await expect(status).toHaveText('Computing…');
  // the answer comes: "Up to date" at once
  await page.evaluate(() => (window as unknown as HoldWindow).__hold.simulation.release());
  await expect(status).toHaveAttribute('data-status', 'ready');
  await expect(status).toHaveText('Up to date');

  // a quick answer (held back again, delivered 150 ms into the run): the badge's text never changed
  await page.evaluate(() => {
    const badge = document.querySelector('[data-testid="status"]');
    const w = window as unknown as HoldWindow & { __texts: string[] };
    w.__texts = [];
    if (badge)
      new MutationObserver(() => w.__texts.push(badge.textContent ?? '')).observe(badge, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    w.__hold.simulation.holding = true;
  });
  await page.getByTestId('slider-il6').fill('0.3');
  await expect(status).toHaveAttribute('data-status', 'computing');
  await page.clock.runFor(150);
  await page.evaluate(() => (window as unknown as HoldWindow).__hold.simulation.release());
  await expect(status).toHaveAttribute('data-status', 'ready');
  await page.clock.runFor(300);
  const texts = await page.evaluate(() => (window as unknown as { __texts: string[] }).__texts);
  expect(texts.every((t) => t === 'Up to date')).toBe(true);
  await expect(status).toHaveText('Up to date');
});
