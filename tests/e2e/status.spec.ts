import { expect, test } from '@playwright/test';
import { type HoldWindow, holdWorkerMessages, openApp } from './helpers';

// The status badge (Status.tsx): a result on its way for less than COMPUTING_SHOWN_AFTER_MS leaves "Up to date" up,
// so that a slider drag does not make the badge, and a screen reader's polite live region, say "Computing…" and
// "Up to date" at every move; a run that takes longer says "Computing…". data-status is always the store's own.
test('a slider drag leaves the badge and its announcements alone; a slow answer shows Computing…', async ({ page }) => {
  await page.addInitScript(holdWorkerMessages, 'simulation');
  await openApp(page);
  const status = page.getByTestId('status');
  await expect(status).toHaveAttribute('data-status', 'ready');
  await expect(status).toHaveText('Up to date');

  // ten quick moves: the store goes computing -> ready each time; the badge says "Computing…" only for a run on its
  // way for COMPUTING_SHOWN_AFTER_MS (200 ms) or more, which on a quick machine means never
  const seen = await page.evaluate(async () => {
    const badge = document.querySelector('[data-testid="status"]');
    const slider = document.querySelector<HTMLInputElement>('[data-testid="slider-il6"]');
    if (!badge || !slider) throw new Error('badge or slider missing');
    const computingShown: number[] = [];
    const states: string[] = [];
    let runBegan = 0;
    let lastText = badge.textContent ?? '';
    const observer = new MutationObserver(() => {
      const state = badge.getAttribute('data-status') ?? '';
      if (state === 'computing' && states[states.length - 1] !== 'computing') runBegan = performance.now();
      states.push(state);
      const text = badge.textContent ?? '';
      if (text !== lastText && text === 'Computing…') computingShown.push(performance.now() - runBegan);
      lastText = text;
    });
    observer.observe(badge, { subtree: true, childList: true, characterData: true, attributes: true });
    for (let i = 0; i < 10; i++) {
      slider.value = String(0.2 + 0.05 * i);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 60));
    }
    await new Promise((r) => setTimeout(r, 300));
    observer.disconnect();
    return { computingShown, states, text: badge.textContent };
  });
  console.log(
    `badge during 10 moves: ${seen.states.filter((s) => s === 'computing').length} computing states; "Computing…" shown ${seen.computingShown.length} times (${seen.computingShown.map((ms) => ms.toFixed(0)).join(', ')} ms into a run)`,
  );
  expect(seen.states).toContain('computing');
  for (const ms of seen.computingShown) expect(ms).toBeGreaterThanOrEqual(190);
  expect(seen.text).toBe('Up to date');

  // an answer held back: "Computing…" once it has been on its way a moment, then "Up to date" when it comes
  await page.evaluate(() => {
    (window as unknown as HoldWindow).__hold.simulation.holding = true;
  });
  await page.getByTestId('slider-il6').fill('0.9');
  await expect(status).toHaveAttribute('data-status', 'computing');
  await expect(status).toHaveText('Computing…');
  await page.evaluate(() => (window as unknown as HoldWindow).__hold.simulation.release());
  await expect(status).toHaveAttribute('data-status', 'ready');
  await expect(status).toHaveText('Up to date');
});
