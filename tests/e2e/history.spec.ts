/**
 * The page and its address always agree: Back and Forward through view switches and edits restore the scenario the
 * address holds (an edit that begins an undo step is an entry of its own, so Back returns to the scenario before
 * it), and an edit made right before a reload (inside the address write's delay) is not lost.
 */
import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers';

test('Back and Forward through view switches and edits: the page shows what the address says', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '/?s=hcc-mouse&nrf2=0.8&arm=A');
  const nrf2 = page.getByTestId('slider-nrf2');
  await expect(nrf2).toHaveValue('0.8');

  await page.getByTestId('view-trial').click();
  await expect(page).toHaveURL(/#trial$/);
  await page.getByTestId('view-explorer').click();
  await expect(page).toHaveURL(/#explorer$/);
  await nrf2.fill('0.5');
  await expect(page).toHaveURL(/[?&]nrf2=0\.5(&|#)/);

  await page.goBack(); // the edit has its own entry: Back returns to the scenario before it, in the same view
  await expect(page).toHaveURL(/[?&]nrf2=0\.8(&|#).*#explorer$/);
  await expect(nrf2).toHaveValue('0.8');
  await page.goBack(); // the #trial entry, whose address still says 0.8
  await expect(page).toHaveURL(/[?&]nrf2=0\.8(&|#).*#trial$/);
  await page.getByTestId('view-explorer').waitFor({ state: 'visible' });
  await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('nrf2'))).toBe('0.8');
  await page.goBack(); // the first entry: explorer, 0.8
  await expect(nrf2).toHaveValue('0.8');
  await expect(page).toHaveURL(/[?&]nrf2=0\.8(&|$)/);

  await page.goForward();
  await page.goForward();
  await page.goForward(); // the entry of the edit to 0.5
  await expect(page).toHaveURL(/[?&]nrf2=0\.5(&|#)/);
  await expect(nrf2).toHaveValue('0.5');
  // the address is not rewritten behind the person's back after a Back/Forward
  await page.waitForTimeout(600);
  await expect(page).toHaveURL(/[?&]nrf2=0\.5(&|#)/);
  expect(errors).toEqual([]);
});

test('an edit made right before a reload is kept (written right after its frame; a pending write is flushed on pagehide)', async ({
  page,
}) => {
  await openApp(page, '/?s=hcc-mouse&nrf2=0.8&arm=A');
  // set the value and reload right after the frame that shows it (a key press for the reload comes no sooner): no
  // time for the 250 ms delayed write
  await page.evaluate(async () => {
    const slider = document.querySelector<HTMLInputElement>('[data-testid="slider-nrf2"]');
    if (!slider) throw new Error('no slider');
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(slider, '0.3');
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    // the address is not written on the input path
    if (/nrf2=0\.3/.test(location.search)) throw new Error('the address was written in the input event');
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    location.reload();
  });
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  await expect(page.getByTestId('slider-nrf2')).toHaveValue('0.3');
});

test('the address holds the last edit as soon as the page loses the focus or copies (to copy the address bar)', async ({
  page,
}) => {
  await openApp(page, '/?s=hcc-mouse&nrf2=0.8&arm=A');
  const seen = await page.evaluate(() => {
    const slider = document.querySelector<HTMLInputElement>('[data-testid="slider-nrf2"]');
    if (!slider) throw new Error('no slider');
    const set = (value: string) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(slider, value);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    };
    // each edit and the event in the same task: only the flush can have written the address
    set('0.3');
    const before = location.search;
    window.dispatchEvent(new Event('blur'));
    const blur = location.search;
    set('0.4');
    document.dispatchEvent(new Event('copy', { bubbles: true }));
    const copy = location.search;
    return { before, blur, copy };
  });
  expect(seen.before).not.toMatch(/nrf2=0\.3/);
  expect(seen.blur).toMatch(/nrf2=0\.3(&|$)/);
  expect(seen.copy).toMatch(/nrf2=0\.4(&|$)/);
});
