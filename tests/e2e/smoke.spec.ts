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

test('the address bar mirrors the scenario, and a shared link restores it', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('slider-nrf2').focus();
  await page.keyboard.press('End');
  await expect(page).toHaveURL(/[?&]nrf2=1(&|$)/);
  await page.getByTestId('arm-add').click();
  await expect(page).toHaveURL(/arm=Control&arm=Arm\+2/);

  await page.goto('/?s=hcc-patient&nrf2=1&arm=Control&arm=Atezo*atz:1200@0-540/21');
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('setting')).toHaveValue('hcc-patient');
  await expect(page.getByTestId('legend').getByTestId('arm-name')).toHaveText(['Control', 'Atezo']);
  await expect(page.getByTestId('value-nrf2')).toHaveText('1.00');
  await expect(page.getByTestId('link-notice')).toHaveCount(0);

  await page.goto('/?nrf2=7');
  await expect(page.getByTestId('link-notice')).toContainText('nrf2', { ignoreCase: true });
  await expect(page.getByTestId('value-nrf2')).toHaveText('0.00');
});
