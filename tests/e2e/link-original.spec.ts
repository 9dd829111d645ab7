/**
 * A bad link is normalised in the address bar at once, so the notice offers the link as it was opened: what was
 * dropped can still be copied and mended. A number too small for a double (1e-400) is reported, not read as 0.
 */
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test('the notice of a normalised link offers the original link, and 1e-400 is reported', async ({ page }) => {
  const original = '/?s=hcc-mouse&nrf2=1e-400&arm=A*atz:999@0-5/1&bogus=1';
  await openApp(page, original);
  const notice = page.getByTestId('link-notice');
  await expect(notice).toContainText("'1e-400', which is too small to be a number (it would read as 0)");
  await expect(page).not.toHaveURL(/bogus/);
  await expect(page.getByTestId('link-original')).toHaveValue(new URL(original, page.url()).href);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('link-original-copy').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(original, page.url()).href);
});

test('a clean link shows no notice and offers nothing', async ({ page }) => {
  await openApp(page, '/?s=hcc-mouse&arm=A');
  await expect(page.getByTestId('link-notice')).toHaveCount(0);
});
