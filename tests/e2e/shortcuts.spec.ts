import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers';

test('in presenter mode the first Space plays (focus is still on the presenter button) and Space pauses again', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await expect(page.getByTestId('presenter-toggle')).toBeFocused();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await page.screenshot({ path: test.info().outputPath('presenter-space-plays-1280x720.png') });
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  // a checkbox reached with Tab: in presenter mode Space still plays, the box stays as it was (the controls are in
  // a drawer in presenter mode, opened from the header)
  await page.getByTestId('drawer-toggle').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('cd8-depleted').focus();
  await expect(page.getByTestId('cd8-depleted')).toBeFocused();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('cd8-depleted')).not.toBeChecked();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('html')).toHaveClass(/presenter/);
  expect(errors).toEqual([]);
});

test('after a mouse click on a slider or a checkbox, Space and the arrows are shortcuts and never change it', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  const slider = page.getByTestId('slider-nrf2');
  const value = page.getByTestId('value-nrf2');
  await slider.click();
  const clicked = await value.textContent();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('play-day')).not.toHaveAttribute('data-day', '0.00');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowDown');
  await expect(value).toHaveText(clicked ?? '');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await expect(value).toHaveText(clicked ?? '');
  await page.screenshot({ path: test.info().outputPath('slider-clicked-keys-1280x800.png') });

  // reached with the keyboard, the slider keeps its arrows
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(slider).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(value).not.toHaveText(clicked ?? '');

  const box = page.getByTestId('cd8-depleted');
  await box.click();
  await expect(box).toBeChecked();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await expect(box).toBeChecked();
  // single-key shortcuts act there too
  await page.keyboard.press('n');
  await expect(page.getByTestId('preset-nrf2-atezo-bev')).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
});

test('the help lists exactly these rules, in English and in Japanese', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const help = page.getByTestId('help-overlay');
  await expect(help).toContainText('except while you type in a text field');
  await expect(help).toContainText('A slider you moved to with Tab keeps its arrow keys');
  await expect(help).toContainText('Undo the last change of the scenario');
  await expect(help).toContainText('in presenter mode wherever the focus is');
  await page.screenshot({ path: test.info().outputPath('help-en-1280x720.png') });
  await page.keyboard.press('Escape');
  await page.getByTestId('language').selectOption('ja');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  await expect(help).toContainText('テキスト欄への入力中');
  await expect(help).toContainText('Tab で移動したスライダーは矢印キーで動きます');
  await expect(help).toContainText('シナリオの直前の変更を元に戻す');
  await page.screenshot({ path: test.info().outputPath('help-ja-1280x720.png') });
});
