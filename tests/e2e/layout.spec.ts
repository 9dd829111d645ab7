import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers';

const SIZES = [
  { name: 'projector-1280x720', width: 1280, height: 720 },
  { name: 'desktop-1920x1080', width: 1920, height: 1080 },
  { name: 'phone-390x844', width: 390, height: 844 },
] as const;

for (const size of SIZES) {
  test(`layout at ${size.name}`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.setViewportSize({ width: size.width, height: size.height });
    await openApp(page);
    const phone = size.width < 900;
    if (phone) await page.getByTestId('drawer-toggle').click();
    await page.getByTestId('preset-nrf2-atezo-bev').click();
    if (phone) await page.keyboard.press('Escape');
    await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
    await expect(page.locator('[data-testid="svg-volume"] path.line')).toHaveCount(5);
    // Nothing wider than the window.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath(`${size.name}.png`) });
    await page.screenshot({ path: test.info().outputPath(`${size.name}-full.png`), fullPage: true });
    expect(errors).toEqual([]);
  });
}

test('phone: controls collapse into a drawer', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  const panel = page.getByTestId('control-panel');
  const toggle = page.getByTestId('drawer-toggle');
  await expect(panel).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('slider-nrf2')).toBeVisible();
  await page.getByTestId('slider-nrf2').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('value-nrf2')).toHaveText('1.00');
  await page.screenshot({ path: test.info().outputPath('phone-drawer-open.png') });
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await page.getByTestId('drawer-close').click();
  await expect(panel).toBeHidden();
});

test('patient scale shows months and cm3; all arms hidden shows a message, not a blank chart', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByTestId('preset-imbrave150').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('svg-volume').locator('.x-label')).toHaveText('months');
  await expect(page.getByTestId('svg-volume').locator('.y-label')).toHaveText('cm³');
  await page.getByTestId('chart-volume').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('patient-1280x720.png') });
  for (let i = 0; i < 3; i++) await page.getByTestId(`arm-hide-${i}`).click();
  await expect(page.getByTestId('chart-volume').getByTestId('chart-message')).toHaveText(/No visible arm/);
});
