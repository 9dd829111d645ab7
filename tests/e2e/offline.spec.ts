import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test.use({ serviceWorkers: 'allow' });

test('after the first visit the app works offline, shared links included', async ({ page, context }) => {
  await openApp(page, '/?s=crc-liver&arm=A');
  // wait until the service worker is active and controls the page (every built file is then precached)
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    }
  });
  await context.setOffline(true);
  await page.reload();
  await openApp(page, '/?s=lung-egfr&arm=Osi*osi:5@0-40/1');
  await expect(page.getByTestId('setting')).toHaveValue('lung-egfr');
  await expect(page.locator('[data-testid="svg-volume"] path.line')).toHaveCount(1);
  await context.setOffline(false);
});
