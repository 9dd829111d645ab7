import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers';

test('loads, computes in a worker and shows no console errors', async ({ page }) => {
  const errors = collectErrors(page);
  const worker = page.waitForEvent('worker');
  await openApp(page);
  expect((await worker).url()).toMatch(/sim\.worker/);
  await expect(page.getByTestId('chart-message')).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: test.info().outputPath('smoke-1280.png'), fullPage: true });
  expect(errors).toEqual([]);
});
