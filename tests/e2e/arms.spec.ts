import { expect, test } from '@playwright/test';
import { PRESETS } from '../../src/scenario/catalogue/presets';
import { collectErrors, openApp, volumePaths } from './helpers';

test('add, rename, duplicate, hide and delete arms', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const rows = page.getByTestId('arm-row');
  const lines = page.locator('[data-testid="svg-volume"] path.line');
  await expect(rows).toHaveCount(1);

  await page.getByTestId('arm-add').click();
  await expect(rows).toHaveCount(2);
  await expect(lines).toHaveCount(2);
  // The two arms get different colours and dash patterns.
  const styles = await lines.evaluateAll((els) =>
    els.map((e) => `${e.getAttribute('stroke')} ${e.getAttribute('stroke-dasharray')}`),
  );
  expect(new Set(styles).size).toBe(2);

  // Rename; the name is text, never markup.
  await page.getByTestId('arm-select-1').click();
  await page.getByTestId('arm-rename').click();
  const name = '<img src=x onerror=alert(1)>';
  await page.getByTestId('arm-name-input-1').fill(name);
  await page.getByTestId('arm-name-input-1').press('Enter');
  await expect(rows.nth(1).getByTestId('arm-name')).toHaveText(name);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.getByTestId('treatments-arm')).toContainText(name);

  await page.getByTestId('arm-duplicate').click();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2).getByTestId('arm-name')).toHaveText(`${name} (copy)`);
  await expect(lines).toHaveCount(3);

  // Hide: kept in the list, not drawn.
  await page.getByTestId('arm-hide-0').click();
  await expect(rows.nth(0)).toHaveAttribute('data-hidden', 'true');
  await expect(lines).toHaveCount(2);
  await page.getByTestId('arm-hide-0').click();
  await expect(lines).toHaveCount(3);

  await page.getByTestId('arm-select-2').click();
  await page.getByTestId('arm-delete').click();
  await expect(rows).toHaveCount(2);
  await expect(lines).toHaveCount(2);
  await expect(page.getByTestId('readout-row')).toHaveCount(2);
  expect(errors).toEqual([]);
});

test('each preset sets all arms, the legend and the curves', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  for (const preset of PRESETS) {
    const before = await volumePaths(page);
    await page.getByTestId(`preset-${preset.id}`).click();
    await expect(page.getByTestId(`preset-${preset.id}`)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('legend').getByTestId('arm-name')).toHaveText(
      preset.scenario.arms.map((a) => a.name),
    );
    await expect(page.getByTestId('setting')).toHaveValue(preset.scenario.setting);
    await expect(page.locator('[data-testid="svg-volume"] path.line')).toHaveCount(preset.scenario.arms.length);
    await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
    await expect.poll(() => volumePaths(page)).not.toEqual(before);
    await expect(page.getByTestId('readout-row')).toHaveCount(preset.scenario.arms.length);
  }
  expect(errors).toEqual([]);
});
