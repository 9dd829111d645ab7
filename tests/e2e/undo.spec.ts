import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

test('a slider drag is one undo step: Ctrl+Z brings it back, Shift+Ctrl+Z and the buttons redo and undo', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  const value = page.getByTestId('value-nrf2');
  await expect(value).toHaveText('0.00');
  await expect(page.getByTestId('undo')).toBeDisabled();
  const box = await page.getByTestId('slider-nrf2').boundingBox();
  if (!box) throw new Error('slider not laid out');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 4, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + (box.width * i) / 10, y);
  await page.mouse.up();
  await expect(value).not.toHaveText('0.00');
  const dragged = await value.textContent();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(`${MOD}+z`);
  await expect(value).toHaveText('0.00');
  await expect(page.getByTestId('undo')).toBeDisabled();
  await page.keyboard.press(`Shift+${MOD}+z`);
  await expect(value).toHaveText(dragged ?? '');
  await page.getByTestId('undo').click();
  await expect(value).toHaveText('0.00');
  await page.getByTestId('redo').click();
  await expect(value).toHaveText(dragged ?? '');
  expect(errors).toEqual([]);
});

test('N over an edited scenario, deleting an arm and changing the setting are undone from the notice', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  const notice = page.getByTestId('undo-notice');
  const rows = page.getByTestId('arm-row');
  await page.getByTestId('arm-add').click();
  await page.getByTestId('arm-add').click();
  await expect(rows).toHaveCount(3);

  // N (an arm selected) replaces the scenario by a preset: the notice offers it back
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  await expect(page.getByTestId('preset-nrf2-atezo-bev')).toHaveAttribute('aria-pressed', 'true');
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice).toContainText('the scenario before it can be brought back');
  await page.screenshot({ path: test.info().outputPath('undo-notice-preset-1280x800.png') });
  await page.getByTestId('undo-notice-undo').click();
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('preset-nrf2-atezo-bev')).toHaveAttribute('aria-pressed', 'false');
  await expect(notice).toBeEmpty();

  // deleting an arm is immediate, with Undo
  const names = await page.getByTestId('arm-name').allTextContents();
  await page.getByTestId('arm-delete').click();
  await expect(rows).toHaveCount(2);
  await expect(notice).toContainText(`Deleted arm “${names[2]}”`);
  await page.getByTestId('undo-notice-undo').click();
  await expect(rows).toHaveCount(3);
  expect(await page.getByTestId('arm-name').allTextContents()).toEqual(names);

  // a setting change (schedules and horizon replaced) is told and undone with Ctrl+Z
  const setting = await page.getByTestId('setting').inputValue();
  await page.getByTestId('setting').selectOption('hcc-patient');
  await expect(notice).toContainText('Setting changed to HCC, patient');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(`${MOD}+z`);
  await expect(page.getByTestId('setting')).toHaveValue(setting);
  await expect(notice).toBeEmpty();

  // in Japanese
  await page.getByTestId('language').selectOption('ja');
  await page.getByTestId('arm-delete').click();
  await expect(notice).toContainText('を削除しました');
  await expect(page.getByTestId('undo-notice-undo')).toHaveText('元に戻す');
  await page.screenshot({ path: test.info().outputPath('undo-notice-ja-1280x800.png') });
  expect(errors).toEqual([]);
});

test('undo and Back are one history: after Ctrl+Z one Back goes to the step before; Forward and Shift+Ctrl+Z redo', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, '/?s=hcc-mouse&nrf2=0.2&arm=A');
  const nrf2 = page.getByTestId('slider-nrf2');
  const neat1 = page.getByTestId('slider-neat1');
  await nrf2.fill('0.5');
  await expect(page).toHaveURL(/[?&]nrf2=0\.5(&|#|$)/);
  await neat1.fill('0.4');
  await expect(page).toHaveURL(/[?&]neat1=0\.4(&|#|$)/);
  const entries = await page.evaluate(() => history.length);
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  await page.keyboard.press(`${MOD}+z`); // undoes NEAT1: the browser steps back to the entry of the NRF2 change
  await expect(neat1).not.toHaveValue('0.4');
  await expect(page).toHaveURL(/[?&]nrf2=0\.5(&|#|$)/);
  await expect(page).not.toHaveURL(/[?&]neat1=0\.4(&|#|$)/);
  expect(await page.evaluate(() => history.length)).toBe(entries); // no entry rewritten or added

  await page.goBack(); // one Back after the undo: the scenario before the NRF2 change (before the fix: no change)
  await expect(nrf2).toHaveValue('0.2');
  await expect(page).toHaveURL(/[?&]nrf2=0\.2(&|#|$)/);

  await page.goForward(); // Forward is redo
  await expect(nrf2).toHaveValue('0.5');
  await page.keyboard.press(`Shift+${MOD}+z`); // and redo is Forward
  await expect(neat1).toHaveValue('0.4');
  await expect(page).toHaveURL(/[?&]neat1=0\.4(&|#|$)/);
  await page.getByTestId('undo').click(); // the Undo button too
  await expect(neat1).not.toHaveValue('0.4');
  await page.goBack();
  await expect(nrf2).toHaveValue('0.2');
  // the page never left the app
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
  expect(errors).toEqual([]);
});
