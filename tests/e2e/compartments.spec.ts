import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers';

test('the stacked compartments show EGFR T790M cells for the FLAURA patient on gefitinib, and not for a mouse HCC graft', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await page.getByTestId('preset-flaura-osimertinib').click();
  await page.getByTestId('compartments').selectOption('stacked');
  // the first arm, gefitinib: its T790M cells grow while the others shrink
  await page.getByTestId('arm-select-0').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
  const volume = page.getByTestId('svg-volume');
  await expect(volume.locator('path.area')).toHaveCount(4);
  const keys = page.locator('.compartment-key');
  await expect(keys).toHaveText(['drug-sensitive', 'persisters', 'resistant', 'EGFR T790M']);
  await volume.screenshot({ path: 'test-results/compartments-flaura-gefitinib.png' });

  // a tumour without T790M cells keeps the three compartments
  await page.getByTestId('preset-il6-pdl1').click();
  await page.getByTestId('compartments').selectOption('stacked');
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
  await expect(keys).toHaveText(['drug-sensitive', 'persisters', 'resistant']);
  await expect(volume.locator('path.area')).toHaveCount(3);
  expect(errors).toEqual([]);
});
