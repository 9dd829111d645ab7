import { expect, type Page, test } from '@playwright/test';
import { allPaths, chartsCurrent, collectErrors, openApp } from './helpers';

/** Everything the charts draw, as path data and line counts, for "same curves" checks. */
async function chartData(page: Page): Promise<string> {
  await chartsCurrent(page);
  const counts = await page.locator('figure.chart').evaluateAll((els) => els.map((e) => e.getAttribute('data-lines')));
  // charts off screen draw a moment later: wait until every chart has drawn its lines
  const lines = counts.reduce((sum, n) => sum + Number(n ?? 0), 0);
  await expect.poll(() => page.locator('path.line').count()).toBe(lines);
  return `${counts.join(',')}#${await allPaths(page)}`;
}

test('share round trip: the link holds scenario, chart options and language, and a fresh browser draws the same curves', async ({
  page,
  browser,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await page.getByTestId('preset-il6-pdl1').click();
  await page.getByTestId('log-scale').uncheck();
  await page.getByTestId('compartments').selectOption('stacked');
  await page.getByTestId('drug-view').selectOption('antiIL6');
  await page.getByTestId('arm-hide-0').click();
  // the preset the scenario came from travels too, so the fresh page names its arms in its language
  await expect(page).toHaveURL(/log=0&comp=stacked&mac=fraction&drug=il6ab&lang=en&preset=il6-pdl1&arm=/);
  // The address is written throttled: take the link only once it holds the last edit (the first arm hidden), or a
  // link copied a moment too early carries all six arms.
  await expect(page).toHaveURL(/[?&]arm=[^&]*hide/);
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
  await expect(page.locator('[data-testid="svg-volume"] path.line')).toHaveCount(5);
  const link = page.url();
  const before = await chartData(page);

  const other = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const fresh = await other.newPage();
  await openApp(fresh, link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(fresh.getByTestId('log-scale')).not.toBeChecked();
  await expect(fresh.getByTestId('compartments')).toHaveValue('stacked');
  await expect(fresh.locator('[data-testid="svg-volume"] path.line')).toHaveCount(5);
  await expect(fresh.getByTestId('link-notice')).toHaveCount(0);
  expect(await chartData(fresh)).toBe(before);
  expect(fresh.url()).toBe(link);
  await other.close();

  // Copy link: the clipboard gets the same link, and the confirmation is announced
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-status')).toHaveText(/Link copied/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  // QR code of the link: an SVG drawn from modules
  await page.getByTestId('qr-toggle').click();
  await expect(page.getByTestId('qr').locator('path')).toHaveAttribute('d', /^M4 4h1v1h-1z/);
  await expect(page.getByTestId('link-box')).toHaveValue(link);
  expect(errors).toEqual([]);
});

test('a link from the previous release (no version, no view keys) opens without a notice', async ({ page }) => {
  const old =
    '/?s=lung-egfr&h=150&dt=0.5&nrf2=0&neat1=0&il6=0.1&axl=low&cd8=0&arm=Untreated&arm=Osimertinib*osi:5@0-40/1';
  await openApp(page, old);
  await expect(page.getByTestId('link-notice')).toHaveCount(0);
  await expect(page.getByTestId('setting')).toHaveValue('lung-egfr');
  await expect(page.locator('[data-testid="svg-volume"] path.line')).toHaveCount(2);
  await expect(page.getByTestId('log-scale')).toBeChecked();
  // the address bar is rewritten in the current format, with the view keys added
  await expect(page).toHaveURL(
    /\?v=2&s=lung-egfr&h=150&.*&log=1&comp=total&mac=fraction&drug=atz&lang=en&arm=Untreated/,
  );
});

const BAD_LINKS: [string, string, RegExp][] = [
  ['not a number', '/?h=abc&arm=A', /Horizon \(h\) for hcc-mouse is 'abc', which is not a number/],
  ['unknown setting and a cut schedule', '/?s=mars&arm=A*atz:10@7', /'mars' is not one of/],
  ['bad view keys', '/?lang=xx&comp=pie&arm=A', /Language \(lang\) is 'xx'/],
  ['truncated in the middle of a name', '/?v=1&s=hcc-mouse&h=28&dt=0.25&nrf2=0.5&arm=Contr%E', /^(?!$)/],
  ['a newer format', '/?v=9&s=hcc-mouse&arm=A', /newer than this release/],
];

for (const [what, link, message] of BAD_LINKS) {
  test(`a bad link (${what}) shows what was wrong, can be dismissed, and the app works`, async ({ page }) => {
    const errors = collectErrors(page);
    await openApp(page, link);
    const notice = page.getByTestId('link-notice');
    if (what.startsWith('truncated')) {
      // a cut percent-escape is read as U+FFFD: the name survives, the rest of the link applies
      await expect(page.getByTestId('value-nrf2')).toHaveText('0.50');
    } else {
      await expect(notice).toBeVisible();
      await expect(notice).toContainText(message);
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await expect(notice).toHaveCount(0);
    }
    // still usable: the slider moves the curves
    const before = await allPaths(page);
    await page.getByTestId('slider-nrf2').focus();
    await page.keyboard.press('End');
    await expect.poll(() => allPaths(page)).not.toBe(before);
    expect(errors).toEqual([]);
  });
}
