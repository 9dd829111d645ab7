import { expect, type Locator, type Page, test } from '@playwright/test';
import { allPaths, collectErrors, openApp } from './helpers';

const SLIDERS = ['nrf2', 'neat1', 'il6'] as const;

async function pathsChangeAfter(page: Page, action: () => Promise<void>): Promise<void> {
  const before = await allPaths(page);
  await action();
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
  await expect.poll(() => allPaths(page)).not.toBe(before);
}

async function clickAt(page: Page, slider: Locator, fraction: number): Promise<void> {
  const box = await slider.boundingBox();
  if (!box) throw new Error('slider not visible');
  await page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
}

for (const key of SLIDERS) {
  test(`${key} slider moves the curves, by keyboard and by mouse`, async ({ page }) => {
    const errors = collectErrors(page);
    await openApp(page);
    const slider = page.getByTestId(`slider-${key}`);
    await expect(slider).toHaveAccessibleName(/.+/);

    // Keyboard: End jumps to the maximum.
    await pathsChangeAfter(page, async () => {
      await slider.focus();
      await page.keyboard.press('End');
    });
    await expect(page.getByTestId(`value-${key}`)).toHaveText('1.00');

    // Keyboard: arrow steps.
    await pathsChangeAfter(page, async () => {
      for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
    });
    await expect(page.getByTestId(`value-${key}`)).toHaveText('0.80');

    // Mouse: click near the left end.
    await pathsChangeAfter(page, () => clickAt(page, slider, 0.1));
    const clicked = Number(await slider.inputValue());
    expect(clicked).toBeLessThan(0.3);

    // Mouse: drag across; the curves follow while dragging.
    const box = await slider.boundingBox();
    if (!box) throw new Error('slider not visible');
    const before = await allPaths(page);
    await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + box.width * (0.1 + i * 0.1), box.y + box.height / 2);
    await page.mouse.up();
    expect(Number(await slider.inputValue())).toBeGreaterThan(0.7);
    await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
    await expect.poll(() => allPaths(page)).not.toBe(before);
    expect(errors).toEqual([]);
  });
}

test('AXL, CD8 depletion, setting and horizon controls', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await pathsChangeAfter(page, () => page.getByTestId('cd8-depleted').check());
  await page.getByTestId('axl-high').check();
  await expect(page.getByTestId('axl-high')).toBeChecked();

  // Patient scale: months on the time axis and cm3 volumes.
  await pathsChangeAfter(page, async () => {
    await page.getByTestId('setting').selectOption('hcc-patient');
  });
  await expect(page.getByTestId('horizon')).toHaveValue('540');
  await expect(page.getByTestId('svg-volume').locator('.x-label')).toHaveText('months');
  await expect(page.getByTestId('svg-volume').locator('.y-label')).toHaveText('cm³');

  await pathsChangeAfter(page, () => page.getByTestId('horizon').fill('360'));
  await expect(page.getByTestId('horizon')).toHaveValue('360');
  expect(errors).toEqual([]);
});

test('cursor reads values by keyboard and mouse; mechanism node explains itself', async ({ page }) => {
  await openApp(page);
  const day = page.getByTestId('readout-day');
  await expect(day).toHaveValue('28');
  const chart = page.getByTestId('chart-volume').getByRole('slider');
  await chart.focus();
  await page.keyboard.press('Home');
  await expect(day).toHaveValue('0');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(day).not.toHaveValue('0');

  const box = await page.getByTestId('svg-volume').boundingBox();
  if (!box) throw new Error('chart not visible');
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.5);
  const read = Number(await day.inputValue());
  expect(read).toBeGreaterThan(10);
  expect(read).toBeLessThan(20);

  // Mechanism: NRF2 high -> the NRF2 node is dark; Enter on PGE2 explains it with its study.
  await page.getByTestId('slider-nrf2').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('mech-node-nrf2')).toHaveAttribute('data-level', '1.00');
  await page.getByTestId('mech-node-pge2').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('mechanism-explanation')).toContainText('Hepatology 2026');
  await page.getByTestId('mech-node-cd24').click();
  await expect(page.getByTestId('mechanism-explanation')).toContainText('Oncogene 2025');
});
