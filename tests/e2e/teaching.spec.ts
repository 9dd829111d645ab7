import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers';

test('presenter mode and its keyboard shortcuts; none fire while typing', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await expect(page.getByTestId('presenter-toggle')).toHaveAttribute('aria-pressed', 'true');
  // thick lines from the presenter style sheet
  const width = await page
    .locator('[data-testid="svg-volume"] path.line.main')
    .first()
    .evaluate((el) => getComputedStyle(el).strokeWidth);
  expect(Number.parseFloat(width)).toBeGreaterThanOrEqual(6);
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await expect(page.getByTestId('help-overlay')).toContainText('Play or pause');
  await page.screenshot({ path: test.info().outputPath('presenter-help.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-overlay')).toHaveCount(0);

  await page.keyboard.press('n');
  await expect(page.getByTestId('preset-nrf2-atezo-bev')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('n');
  await expect(page.getByTestId('preset-neat1-cd24')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('p');
  await expect(page.getByTestId('preset-nrf2-atezo-bev')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
  await page.screenshot({ path: test.info().outputPath('presenter-1280x720.png') });

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('play-day')).toHaveAttribute('data-day', '1.00');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('r');
  await expect(page.getByTestId('play-day')).toHaveAttribute('data-day', '0.00');

  // typing: the link box and a slider keep their keys
  await page.getByTestId('qr-toggle').click();
  await page.getByTestId('link-box').focus();
  await page.keyboard.press('n');
  await page.keyboard.press('?');
  await expect(page.getByTestId('preset-nrf2-atezo-bev')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('help-overlay')).toHaveCount(0);
  // the share panel is a modal dialog: Esc closes it, and the page behind it is usable again
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('qr-panel')).toHaveCount(0);
  // in presenter mode the controls are in a drawer opened from the header
  await page.getByTestId('drawer-toggle').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('slider-nrf2').focus();
  await expect(page.getByTestId('slider-nrf2')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('play-day')).toHaveAttribute('data-day', '0.00');
  await page.keyboard.press('Escape'); // closes the controls drawer
  await expect(page.getByTestId('control-panel')).toBeHidden();

  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).not.toHaveClass(/presenter/);
  expect(errors).toEqual([]);
});

test('a guided lesson, step by step with the keyboard', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByTestId('lessons').locator('summary').click();
  await page.getByTestId('lesson-osimertinib').click();
  const lesson = page.getByTestId('lesson');
  await expect(page.getByTestId('lesson-progress')).toHaveText('Step 1 of 3');
  await expect(page.getByTestId('lesson-question')).toContainText('osimertinib is still given');
  await expect(page.getByTestId('setting')).toHaveValue('lung-egfr');
  await expect(page.getByTestId('chart-volume')).toHaveAttribute('data-lines', '2');

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  await expect(lesson).toHaveAttribute('data-step', '2');
  await expect(page.getByTestId('lesson-question')).toContainText('stop the IGF-1R inhibitor on day 10');
  await expect(page.getByTestId('chart-volume')).toHaveAttribute('data-lines', '3');
  await page.keyboard.press('n');
  await expect(page.getByTestId('lesson-progress')).toHaveText('Step 3 of 3');
  await expect(page.getByTestId('lesson-next')).toBeDisabled();
  await page.keyboard.press('n');
  await expect(page.getByTestId('lesson-progress')).toHaveText('Step 3 of 3');
  await page.keyboard.press('p');
  await expect(page.getByTestId('lesson-progress')).toHaveText('Step 2 of 3');
  await page.getByTestId('lesson-previous').click();
  await expect(page.getByTestId('lesson-progress')).toHaveText('Step 1 of 3');
  await page.getByTestId('lesson-end').click();
  await expect(lesson).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('every lesson step has its text and question in both languages', async ({ page }) => {
  // every step of every lesson, twice (each step simulates): about 30 s on a loaded machine, more than the default
  test.setTimeout(90_000);
  await openApp(page);
  for (const lang of ['en', 'ja']) {
    await page.getByTestId('language').selectOption(lang);
    for (const id of ['nrf2', 'neat1', 'keap1', 'osimertinib', 'il6']) {
      await page.getByTestId('lessons').locator('summary').click();
      await page.getByTestId(`lesson-${id}`).click();
      for (;;) {
        await expect(page.getByTestId('lesson-text')).not.toContainText('lesson.');
        await expect(page.getByTestId('lesson-question')).not.toContainText('lesson.');
        const next = page.getByTestId('lesson-next');
        if (await next.isDisabled()) break;
        await next.click();
      }
      await page.getByTestId('lesson-end').click();
    }
  }
});
