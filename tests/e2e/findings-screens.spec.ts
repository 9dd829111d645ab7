/**
 * The fixed state of each of the twelve findings of the usability review, photographed at the three sizes a person
 * meets it at: a phone (390×844), a projector (1280×720) and a wide desktop (1920×1080). Each step puts the app into
 * the finding's situation, checks the one thing on screen that shows the fix, and saves a screenshot to the test's
 * output folder (test-results/) for a person to look at.
 */
import { expect, type Page, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers';

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'projector', width: 1280, height: 720 },
  { name: 'wide', width: 1920, height: 1080 },
];

const DRUGS = ['atz', 'bev', 'pd1', 'cox2', 'cd24', 'il6ab', 'osi', 'igf'];
/** Eight arms, each giving all eight drugs, started later and later (as in the palette test). */
const EIGHT_ARMS = (() => {
  const arm = (name: string, start: number) => `${name}${DRUGS.map((d) => `*${d}:10@${start}-26/3`).join('')}`;
  const arms = [arm('A', 2), 'B', ...['C', 'D', 'E', 'F', 'G', 'H'].map((name, i) => arm(name, 4 + 2 * i))];
  return `/?s=hcc-mouse&${arms.map((a) => `arm=${a}`).join('&')}`;
})();

/** Opens the controls where they are a drawer (phone, presenter mode); elsewhere they are already on screen. */
async function showControls(page: Page): Promise<void> {
  const toggle = page.getByTestId('drawer-toggle');
  if ((await toggle.count()) > 0 && !(await page.getByTestId('control-panel').isVisible())) await toggle.click();
  await expect(page.getByTestId('control-panel')).toBeVisible();
}

/** Closes the controls' drawer if one is open. */
async function hideControls(page: Page): Promise<void> {
  const close = page.getByTestId('drawer-close');
  if ((await close.count()) > 0 && (await close.isVisible())) await close.click();
}

/** A tool of the header; on a phone the share tools sit behind "More", opened first. */
async function headerTool(page: Page, testId: string) {
  const tool = page.getByTestId(testId);
  if (!(await tool.isVisible())) await page.getByTestId('share-more').click();
  await expect(tool).toBeVisible();
  return tool;
}

for (const size of SIZES) {
  test(`${size.name} ${size.width}×${size.height}: each of the twelve findings shows its fix on screen`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    const errors = collectErrors(page);
    await page.setViewportSize({ width: size.width, height: size.height });
    const shoot = (finding: string) =>
      page.screenshot({ path: testInfo.outputPath(`${finding}-${size.width}x${size.height}.png`) });

    // 1. replacing a custom scenario by a preset (N) offers it back in a notice
    await openApp(page);
    await page.getByTestId('arm-add').click();
    await page.getByTestId('arm-add').click();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    const notice = page.getByTestId('undo-notice');
    await expect(notice).toContainText('the scenario before it can be brought back');
    await expect(page.getByTestId('undo-notice-undo')).toBeInViewport();
    await shoot('01-undo-notice-after-preset');

    // 2. presenter mode: the first Space plays, focus still on the presenter button (on a phone on "More"), presenter mode stays on
    await openApp(page);
    await (await headerTool(page, 'presenter-toggle')).click();
    await expect(page.locator('html')).toHaveClass(/presenter/);
    // on a phone the choice folds "More" again and focus returns to "More", where it was opened from
    const folded =
      (await page.getByTestId('share-more').count()) > 0 && !(await page.getByTestId('presenter-toggle').isVisible());
    await expect(page.getByTestId(folded ? 'share-more' : 'presenter-toggle')).toBeFocused();
    await page.keyboard.press(' ');
    await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveClass(/presenter/);
    await page.keyboard.press(' ');
    await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
    await page.getByTestId('play').focus();
    await expect(page.getByTestId('play')).toBeInViewport();
    await shoot('02-presenter-play-focused');

    // 3. presenter mode: the chart with its own legend on the first screen (a phone's "More" closed again)
    const more = page.getByTestId('share-more');
    if ((await more.count()) > 0 && (await more.getAttribute('aria-expanded')) === 'true') await more.click();
    await page.evaluate(() => scrollTo(0, 0));
    await expect(page.getByTestId('legend-volume')).toBeInViewport();
    await expect(page.getByTestId('svg-volume')).toBeInViewport();
    await shoot('03-presenter-chart-and-legend');
    await (await headerTool(page, 'presenter-toggle')).click();
    await expect(page.locator('html')).not.toHaveClass(/presenter/);

    // 4. a setting change converts the schedules and says how, with units, in a notice with Undo
    await openApp(page, '/?s=hcc-mouse&arm=A*igf:10@7-21/1');
    await showControls(page);
    await page.getByTestId('setting').selectOption('hcc-patient');
    await hideControls(page);
    await expect(notice).toContainText('from 28 to 540 days');
    await expect(notice).toContainText('10 mg/kg every 1 days, days 7–21 → 120 mg every 1 days, days 42–126');
    await expect(page.getByTestId('undo-notice-undo')).toBeInViewport();
    await shoot('04-setting-converted-notice');

    // 5. any arm can have its own biology: "This arm only"
    await openApp(page, '/?s=hcc-mouse&nrf2=0.2&arm=A&arm=B');
    await page.getByTestId('arm-select-1').click();
    await showControls(page);
    await page.getByTestId('arm-only-nrf2').check();
    await page.getByTestId('slider-nrf2').fill('0.9');
    await expect(page.getByTestId('value-nrf2')).toHaveText('0.90');
    await page.getByTestId('arm-only-nrf2').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('arm-only-nrf2')).toBeChecked();
    await expect(page.getByTestId('arm-only-nrf2')).toBeInViewport();
    await shoot('05-this-arm-only');
    await hideControls(page);

    // 6. pointing at a chart shows each arm's value beside the pointer
    await openApp(page, '/?s=hcc-mouse&arm=A&arm=B*igf:10@7-21/1');
    const svg = page.getByTestId('svg-volume');
    await svg.scrollIntoViewIfNeeded();
    const box = await svg.boundingBox();
    if (!box) throw new Error('chart not laid out');
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    const tip = page.getByTestId('tooltip-volume');
    await expect(tip.locator('li')).toHaveCount(2);
    await expect(tip).toBeInViewport();
    await shoot('06-tooltip-at-pointer');
    await page.mouse.move(1, 1);

    // 7. the keyboard help is a modal dialog
    await page.evaluate(() => scrollTo(0, 0));
    await (await headerTool(page, 'help-open')).click();
    const help = page.getByTestId('help-overlay');
    await expect(help).toBeInViewport();
    expect(await help.evaluate((el) => el.tagName === 'DIALOG' && el.matches(':modal'))).toBe(true);
    await shoot('07-help-dialog');
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
    await expect(page.getByTestId('help-open')).toBeFocused();

    // 8. Play and the chart on screen together; the trial results show every column (cards on a phone)
    await page.getByTestId('chart-volume').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('play')).toBeInViewport();
    await expect(svg).toBeInViewport({ ratio: 0.5 });
    await shoot('08-play-beside-chart');
    await page.getByTestId('view-trial').click();
    await page.getByTestId('trial-use-preset').click();
    const trialSize = page.getByTestId('trial-size');
    await trialSize.fill('20');
    await trialSize.blur();
    await expect(trialSize).toHaveValue('20');
    await page.getByTestId('trial-run').click();
    await expect(page.getByTestId('trial-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    const orr = page.getByTestId('trial-orr-1');
    await orr.scrollIntoViewIfNeeded();
    await expect(orr).toBeInViewport();
    await expect(page.getByTestId('trial-ttr-1')).toBeVisible();
    await shoot('08-trial-results');

    // 9. a link copied mid-lesson opens at that step, and the lesson and its arm names follow a switch to Japanese
    await openApp(page);
    await page.getByTestId('lessons').locator('summary').click();
    await page.getByTestId('lesson-nrf2').click();
    await page.getByTestId('lesson-next').click();
    await expect(page).toHaveURL(/[?&]lesson=nrf2\.2(&|#|$)/);
    const copied = page
      .url()
      .replace(/^https?:\/\/[^/]+/, '')
      .replace(/#.*$/, '');
    await openApp(page, copied);
    await expect(page.getByTestId('lesson-progress')).toHaveText('Step 2 of 3');
    await page.getByTestId('language').selectOption('ja');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByTestId('lesson-progress')).not.toHaveText('Step 2 of 3');
    // the page opened from the link knows the lesson's preset: its arms are named in Japanese too
    await expect(page.getByTestId('arm-name').first()).toHaveText('NRF2 低・無治療');
    await page.getByTestId('lesson').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('lesson-progress')).toBeInViewport();
    await shoot('09-japanese-lesson-from-link');

    // 10. a refused dosing value says why next to the field
    await openApp(page, '/?s=hcc-mouse&arm=A*igf:10@7-21/1');
    const interval = page.getByTestId('interval-igf1ri');
    await interval.fill('0');
    const why = page.getByTestId('interval-igf1ri-error');
    await expect(why).toContainText('at least');
    // the message is under the field: scrolled to itself (the field can be on screen at the window's bottom edge)
    await why.scrollIntoViewIfNeeded();
    await expect(interval).toBeInViewport();
    await expect(why).toBeInViewport();
    await shoot('10-refused-dosing-value');
    await interval.blur();
    await expect(interval).toHaveValue('1');

    // 11. eight arms: eight legend entries and a labelled dose row per drug
    await openApp(page, EIGHT_ARMS);
    await expect(svg.locator('path.line.main')).toHaveCount(8);
    await expect(svg.locator('[data-testid="dose-label"]')).toHaveCount(8);
    await expect(page.getByTestId('legend-volume').locator('li')).toHaveCount(8);
    await page.getByTestId('chart-volume').scrollIntoViewIfNeeded();
    await expect(svg.locator('[data-testid="dose-label"]').last()).toBeInViewport();
    await shoot('11-eight-arms-dose-rows');

    // 12. the exports, with the wide CSV for spreadsheets beside the long one
    await page.getByTestId('exports').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('export-wide-csv')).toBeInViewport();
    await shoot('12-exports-wide-csv');

    expect(errors).toEqual([]);
  });
}
