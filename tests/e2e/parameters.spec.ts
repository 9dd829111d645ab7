import { expect, test } from '@playwright/test';
import { collectErrors, openApp, volumePaths } from './helpers';

test('a researcher changes the T-cell kill rate in the parameters panel: the curves move, the link carries it, reset restores it', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await openApp(page, '/?s=hcc-mouse&h=28&arm=Atezo*atz:10@7-20/3&lang=en');
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
  const before = await volumePaths(page);

  const panel = page.getByTestId('parameters-panel');
  await panel.locator(':scope > summary').click();
  // grouped by mechanism: the T-cell kill rate is under T cells and PD-1/PD-L1
  const group = page.getByTestId('parameter-group-tcells');
  await group.locator(':scope > summary').click();
  const row = page.getByTestId('parameter-tCellKillRate');
  await expect(row).toContainText('default 6');
  await expect(row).toContainText('range 0.9–18');
  await page.getByTestId('parameter-tCellKillRate-value').fill('18');
  await expect(page).toHaveURL(/p\.tCellKillRate=18/);
  await expect(row).toHaveAttribute('data-changed', 'true');
  await expect(panel.locator(':scope > summary')).toContainText('1 changed');
  await expect(group.locator(':scope > summary')).toContainText('1 changed');
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
  await expect.poll(() => volumePaths(page)).not.toEqual(before);
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('parameters-changed.png') });

  await page.getByTestId('parameter-tCellKillRate-reset').click();
  await expect(page).not.toHaveURL(/p\.tCellKillRate/);
  await expect(row).toHaveAttribute('data-changed', 'false');
  await expect.poll(() => volumePaths(page)).toEqual(before);

  // the slider: End puts the kill rate at the top of its range, Home at the bottom
  const slider = page.getByTestId('parameter-tCellKillRate-slider');
  await slider.focus();
  await page.keyboard.press('End');
  await expect(page).toHaveURL(/p\.tCellKillRate=18(&|$)/);
  await expect(page.getByTestId('parameter-tCellKillRate-value')).toHaveValue('18');
  await page.keyboard.press('Home');
  await expect(page).toHaveURL(/p\.tCellKillRate=0\.9(&|$)/);
  await expect(row).toHaveAttribute('data-changed', 'true');
  await page.getByTestId('parameter-tCellKillRate-reset').click();
  await expect(row).toHaveAttribute('data-changed', 'false');
  expect(errors).toEqual([]);
});

test('a shared link with a parameter out of its range explains the problem in Japanese and keeps the rest', async ({
  page,
}) => {
  await openApp(page, '/?s=hcc-mouse&h=21&p.tCellKillRate=99&p.pd1Hill=2.5&arm=A&lang=ja');
  const notice = page.getByTestId('link-notice');
  await expect(notice).toContainText('tCellKillRate');
  await expect(notice).toContainText('範囲外');
  await page.getByTestId('parameters-panel').locator(':scope > summary').click();
  // a group with a changed parameter opens by itself
  await expect(page.getByTestId('parameter-group-tcells')).toHaveAttribute('open', '');
  await expect(page.getByTestId('parameter-pd1Hill')).toHaveAttribute('data-changed', 'true');
  await expect(page.getByTestId('parameter-tCellKillRate')).toHaveAttribute('data-changed', 'false');
  await page.screenshot({ path: test.info().outputPath('parameters-link-ja.png'), fullPage: false });
});

test('drug PK has its own group: a patient link changes bevacizumab’s half-life within the label range, and the group shows unit, range and source', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await openApp(page, '/?s=hcc-patient&h=84&p.bevacizumabHalfLife=11&arm=Bev*bev:15@0-63/21&lang=en');
  await expect(page.getByTestId('link-notice')).toHaveCount(0);
  await page.getByTestId('parameters-panel').locator(':scope > summary').click();
  const group = page.getByTestId('parameter-group-pk');
  await expect(group).toHaveAttribute('open', '');
  await expect(group.locator(':scope > summary')).toContainText('Drug pharmacokinetics');
  const row = page.getByTestId('parameter-bevacizumabHalfLife');
  await expect(row).toHaveAttribute('data-changed', 'true');
  await expect(row).toContainText('changed from 20');
  await expect(row).toContainText('range 11–50');
  await expect(row).toContainText('label');
  await expect(page.getByTestId('parameter-atezolizumabVolume')).toContainText('default 3.28');
  await expect(page.getByTestId('parameter-osimertinibClearance')).toContainText('default 343');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('parameters-pk.png') });
  expect(errors).toEqual([]);
});
