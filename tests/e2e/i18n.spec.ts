import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers';

test.use({ locale: 'ja-JP' });

test('Japanese from the browser language: every visible string, numbers and a screenshot', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByTestId('language')).toHaveValue('ja');
  await expect(page.locator('.brand p')).toHaveText('腫瘍免疫微小環境シミュレーター');
  await page.getByTestId('preset-imbrave150').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('preset-imbrave150')).toContainText('肝細胞がん');
  await expect(page.getByTestId('legend').getByTestId('arm-name')).toHaveText([
    '無治療',
    'アテゾ/ベバ',
    'アテゾ/ベバ＋セレコキシブ',
  ]);
  await expect(page.getByTestId('svg-volume').locator('.x-label')).toHaveText('か月');
  await expect(page).toHaveURL(/lang=ja/);
  // no English left in the explorer's own text (drug and gene names aside)
  const text = await page.locator('.layout').innerText();
  for (const english of ['Tumour volume', 'Therapy arms', 'Play', 'Log scale', 'Export', 'Guided lessons']) {
    expect(text).not.toContain(english);
  }
  await page.screenshot({ path: test.info().outputPath('japanese-1280x900.png') });
  await page.getByTestId('language').selectOption('en');
  await expect(page.locator('.brand p')).toHaveText('Tumour immune microenvironment simulator');
  await expect(page).toHaveURL(/lang=en/);
  expect(errors).toEqual([]);
});
