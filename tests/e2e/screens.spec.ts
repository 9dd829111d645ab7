/**
 * Every main view at phone sizes (390×844, 360×640) and on a projector (1280×720, presenter mode), photographed and
 * measured: the header stays compact, Play and the chart are on screen together, nothing is wider than the screen,
 * every control is at least 44 px tall and wide enough to tap, the readout fits, each chart names its arms, and the
 * header is one row at 1280 px. Screenshots go to the test's output folder (test-results/) for a person to look at.
 */
import { expect, type Page, test } from '@playwright/test';
import { openApp } from './helpers';

test.describe.configure({ timeout: 120_000 });

const LINK = '/?s=hcc-mouse&nrf2=0.6&arm=Control&arm=IGF-1R%20inhibitor*igf:10@7-21/1&arm=Third%20arm*nrf2=0.9';
const PHONES = [
  { width: 390, height: 844 },
  { width: 360, height: 640 },
];

/**
 * Visible controls smaller than 44 px in either direction (a checkbox or radio counts with its label; a link inside
 * a sentence is exempt).
 */
async function smallTargets(page: Page, within = 'body'): Promise<string[]> {
  return page.evaluate((root) => {
    const out: string[] = [];
    const scope = document.querySelector(root) ?? document.body;
    const controls = scope.querySelectorAll<HTMLElement>(
      'button, select, summary, a[href], input:not([type="checkbox"]):not([type="radio"]):not([type="file"]), label:has(> input[type="checkbox"]), label:has(> input[type="radio"])',
    );
    for (const el of controls) {
      if (el.closest('[hidden], [inert], dialog:not([open])')) continue;
      if (el.matches('.skip, .visually-hidden') || (el.tabIndex < 0 && el.tagName === 'BUTTON')) continue;
      // a link inside a sentence is exempt (WCAG 2.5.8's inline exception)
      if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.height < 44 || r.width < 44) {
        const name = el.getAttribute('data-testid') ?? el.textContent?.trim().slice(0, 30) ?? el.tagName;
        out.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return out;
  }, within);
}

async function shoot(page: Page, name: string, fullPage = false) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage });
}

for (const size of PHONES) {
  test(`phone ${size.width}×${size.height}: compact header, Play beside the chart, every control tappable`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openApp(page, LINK);
    await shoot(page, `phone-${size.width}-explorer`);
    await shoot(page, `phone-${size.width}-explorer-full`, true);

    const header = await page.locator('.app-header').boundingBox();
    console.log(`phone ${size.width}: header ${Math.round(header?.height ?? 0)} px of ${size.height}`);
    // two rows at most (44 px controls), and it scrolls away with the page instead of staying on screen
    expect(header?.height ?? 999).toBeLessThanOrEqual(120);
    expect(await page.locator('.app-header').evaluate((el) => getComputedStyle(el).position)).toBe('static');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // Play and the tumour-volume chart on screen together, once the chart is scrolled to
    await page.getByTestId('chart-volume').scrollIntoViewIfNeeded();
    const play = await page.getByTestId('play').boundingBox();
    const chart = await page.getByTestId('svg-volume').boundingBox();
    if (!play || !chart) throw new Error('play or chart not laid out');
    expect(play.y).toBeGreaterThanOrEqual(0);
    expect(play.y + play.height).toBeLessThanOrEqual(size.height);
    expect(chart.y).toBeLessThan(size.height);
    expect(chart.y + chart.height * 0.5).toBeLessThanOrEqual(size.height);
    await shoot(page, `phone-${size.width}-chart-and-play`);

    // the readout fits its box: no sideways scrolling
    const readout = page.getByTestId('readout');
    await readout.scrollIntoViewIfNeeded();
    await shoot(page, `phone-${size.width}-readout`);
    const wide = await readout.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(wide).toBeLessThanOrEqual(0);

    const mechanism = page.getByTestId('mechanism');
    await mechanism.scrollIntoViewIfNeeded();
    await shoot(page, `phone-${size.width}-mechanism`);
    const smallest = await page
      .locator('.mechanism-svg text.label')
      .evaluateAll((els) => Math.min(...els.map((e) => e.getBoundingClientRect().height)));
    console.log(`phone ${size.width}: smallest mechanism label ${smallest.toFixed(1)} px tall`);
    expect(smallest).toBeGreaterThanOrEqual(11);

    const small = await smallTargets(page, '.app');
    console.log(
      `phone ${size.width}: ${small.length} controls under 44 px${small.length ? `: ${small.join('; ')}` : ''}`,
    );
    expect(small).toEqual([]);

    await page.getByTestId('drawer-toggle').click();
    await expect(page.getByTestId('control-panel')).toBeVisible();
    await shoot(page, `phone-${size.width}-controls`);
    const smallInDrawer = await smallTargets(page, '#control-panel');
    console.log(`phone ${size.width}, controls: ${smallInDrawer.length} under 44 px: ${smallInDrawer.join('; ')}`);
    expect(smallInDrawer).toEqual([]);
    await page.getByTestId('drawer-close').click();

    await page.getByTestId('view-trial').click();
    await expect(page.getByTestId('trial-view')).toBeVisible();
    await shoot(page, `phone-${size.width}-trial`);
    await shoot(page, `phone-${size.width}-trial-full`, true);
    const trialOverflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(trialOverflow).toBeLessThanOrEqual(0);
  });
}

test('phone 390×844 in presenter mode: a two-row header, Play and the whole volume chart with its legend on the first screen', async ({
  page,
}) => {
  const size = { width: 390, height: 844 };
  await page.setViewportSize(size);
  await openApp(page, LINK);
  // by keyboard: "More", then presenter mode. The choice folds "More" again (it stayed open, four header rows, until
  // pressed again) and focus returns to it; a screen reader hears what changed
  const more = page.getByTestId('share-more');
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await page.getByTestId('presenter-toggle').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('presenter-toggle')).toBeHidden();
  await expect(more).toBeFocused();
  await expect(page.getByTestId('presenter-status')).toHaveText(/^Presenter mode on/);
  await page.evaluate(() => scrollTo(0, 0));
  await shoot(page, 'phone-390-presenter');
  const header = await page.locator('.app-header').boundingBox();
  const play = await page.getByTestId('play').boundingBox();
  const chart = await page.getByTestId('svg-volume').boundingBox();
  if (!header || !play || !chart) throw new Error('header, play or chart not laid out');
  console.log(
    `phone 390 presenter: header ${Math.round(header.height)} px, Play at y ${Math.round(play.y)}, ` +
      `volume chart y ${Math.round(chart.y)}–${Math.round(chart.y + chart.height)} of ${size.height}`,
  );
  // two rows at most, the view switch's and the tools' (it was four, ~212 px, with the projector's 22 px type)
  expect(header.height).toBeLessThanOrEqual(112);
  expect(play.y + play.height).toBeLessThanOrEqual(size.height);
  expect(chart.y + chart.height).toBeLessThanOrEqual(size.height);
  await expect(page.getByTestId('legend-volume')).toBeInViewport();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // the compact header's controls are still big enough to tap
  expect(await smallTargets(page, '.app-header')).toEqual([]);
  // Space plays, wherever focus is
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press(' ');
  // leaving presenter mode the same way folds "More" too; in Japanese, what changed is said in Japanese
  await page.getByTestId('language').selectOption('ja');
  await more.click();
  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).not.toHaveClass(/presenter/);
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(more).toBeFocused();
  await expect(page.getByTestId('presenter-status')).toHaveText('発表モードを終了しました');
  await shoot(page, 'phone-390-presenter-left-ja');
});

test('projector 1280×720: a one-row header, and in presenter mode the chart first and large with its legend', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, LINK);
  for (const language of ['en', 'ja'] as const) {
    await page.getByTestId('language').selectOption(language);
    const header = await page.locator('.app-header').boundingBox();
    console.log(`1280×720 ${language}: header ${Math.round(header?.height ?? 0)} px`);
    expect(header?.height ?? 999).toBeLessThanOrEqual(72);
    await shoot(page, `projector-${language}`);
  }
  await page.getByTestId('language').selectOption('en');

  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await page.evaluate(() => scrollTo(0, 0));
  await shoot(page, 'projector-presenter');
  // every tool of the header on screen, in one row
  for (const id of ['help-open', 'presenter-toggle', 'drawer-toggle', 'language']) {
    await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
  }
  expect((await page.locator('.app-header').boundingBox())?.height ?? 999).toBeLessThanOrEqual(72);
  const chart = await page.getByTestId('svg-volume').boundingBox();
  if (!chart) throw new Error('chart not laid out');
  console.log(
    `presenter: volume chart ${Math.round(chart.width)}×${Math.round(chart.height)} at y ${Math.round(chart.y)}`,
  );
  // the whole chart on the first screen, at least half the screen wide
  expect(chart.y + chart.height).toBeLessThanOrEqual(720);
  expect(chart.width).toBeGreaterThanOrEqual(640);
  await expect(page.getByTestId('play')).toBeInViewport();
  // its own legend names every arm
  await expect(page.getByTestId('legend-volume').locator('li')).toHaveCount(3);
  await expect(page.getByTestId('legend-volume')).toBeInViewport();

  // a lesson in presenter mode: its text stays compact, the chart still on the first screen
  await page.getByTestId('lessons').locator('summary').click();
  await page.locator('[data-testid^="lesson-"]').first().click();
  await expect(page.getByTestId('lesson')).toBeVisible();
  await page.evaluate(() => scrollTo(0, 0));
  await shoot(page, 'projector-presenter-lesson');
  const lessonChart = await page.getByTestId('svg-volume').boundingBox();
  expect((lessonChart?.y ?? 999) + (lessonChart?.height ?? 0) * 0.6).toBeLessThanOrEqual(720);
});

test('wide desktop 1920×1080: a one-row header, the chart with its legend, Play and the values at the pointer on the first screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  // the IGF-1R arm selected, so that its dose row (and its drug's name) is drawn under the charts
  await openApp(page, LINK);
  await page.getByTestId('arm-select-1').click();
  await expect(page.getByTestId('svg-volume').locator('[data-testid="dose-label"]')).toHaveText(['IGF-1Ri']);
  const header = await page.locator('.app-header').boundingBox();
  console.log(`1920×1080: header ${Math.round(header?.height ?? 0)} px`);
  expect(header?.height ?? 999).toBeLessThanOrEqual(72);
  // the controls are a sidebar here, not a drawer
  await expect(page.getByTestId('drawer-toggle')).toHaveCount(0);
  await expect(page.getByTestId('control-panel')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
  await expect(page.getByTestId('play')).toBeInViewport();
  const chart = await page.getByTestId('svg-volume').boundingBox();
  if (!chart) throw new Error('chart not laid out');
  console.log(
    `1920×1080: volume chart ${Math.round(chart.width)}×${Math.round(chart.height)} at y ${Math.round(chart.y)}`,
  );
  expect(chart.y + chart.height).toBeLessThanOrEqual(1080);
  await expect(page.getByTestId('legend-volume').locator('li')).toHaveCount(3);
  await expect(page.getByTestId('legend-volume')).toBeInViewport();
  await shoot(page, 'wide-1920-explorer');

  // values where you point: every arm's value, beside the pointer
  await page.mouse.move(chart.x + chart.width * 0.5, chart.y + chart.height / 3);
  const tip = page.getByTestId('tooltip-volume');
  await expect(tip).toBeVisible();
  await expect(tip.locator('li')).toHaveCount(3);
  const tipBox = await tip.boundingBox();
  if (!tipBox) throw new Error('no tooltip box');
  // beside the pointer: one of its sides within 40 px of the cursor line
  const pointer = chart.x + chart.width * 0.5;
  expect(Math.min(Math.abs(tipBox.x - pointer), Math.abs(tipBox.x + tipBox.width - pointer))).toBeLessThan(40);
  await shoot(page, 'wide-1920-pointer');
  await page.mouse.move(5, 5);

  await page.getByTestId('language').selectOption('ja');
  expect((await page.locator('.app-header').boundingBox())?.height ?? 999).toBeLessThanOrEqual(72);
  await shoot(page, 'wide-1920-japanese');
  await page.getByTestId('language').selectOption('en');

  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await page.evaluate(() => scrollTo(0, 0));
  const big = await page.getByTestId('svg-volume').boundingBox();
  expect((big?.y ?? 999) + (big?.height ?? 0)).toBeLessThanOrEqual(1080);
  expect(big?.width ?? 0).toBeGreaterThanOrEqual(960);
  await shoot(page, 'wide-1920-presenter');
});

/** Where the cursor line of a chart is drawn (its x in the SVG), or null without one. */
function cursorX(page: Page, id = 'volume'): Promise<number | null> {
  return page
    .getByTestId(`svg-${id}`)
    .locator('g.cursor line')
    .evaluateAll((els) => (els.length > 0 ? Number(els[0].getAttribute('x1')) : null));
}

test.describe('phone 390×844 with a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a section scrolled to lands below the sticky Play bar, not under it', async ({ page }) => {
    await openApp(page, LINK);
    const bar = page.locator('.workspace > section.playback');
    for (const target of ['#charts', '[data-testid="readout"]', '[data-testid="mechanism"]']) {
      await page.locator(target).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const barBox = await bar.boundingBox();
      const heading = await page.locator(target).locator('h2, h3').first().boundingBox();
      if (!barBox || !heading) throw new Error(`${target} not laid out`);
      console.log(
        `phone: ${target} heading at y ${Math.round(heading.y)}, Play bar ${Math.round(barBox.y)}–${Math.round(barBox.y + barBox.height)}`,
      );
      expect(heading.y, target).toBeGreaterThanOrEqual(barBox.y + barBox.height);
    }
    await shoot(page, 'phone-390-scrolled-below-play-bar');
  });

  test('a touch on a chart shows its values while the finger is down; the cursor line goes back when it lifts', async ({
    page,
  }) => {
    await openApp(page, LINK);
    const svg = page.getByTestId('svg-volume');
    await svg.scrollIntoViewIfNeeded();
    const before = await cursorX(page);
    const day = await page.getByTestId('chart-volume').locator('.chart-focus').getAttribute('aria-valuenow');
    const box = await svg.boundingBox();
    if (!box || before === null) throw new Error('chart not laid out');
    await page.touchscreen.tap(box.x + box.width * 0.45, box.y + box.height * 0.4);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await shoot(page, 'phone-390-after-touch');
    // the line is back where it was (the last day), not left where the finger was
    await expect.poll(() => cursorX(page)).toBe(before);
    await expect(page.getByTestId('chart-volume').locator('.chart-focus')).toHaveAttribute('aria-valuenow', day ?? '');
    await expect(page.getByTestId('tooltip-volume')).toHaveCount(0);
  });
});

test('a mouse that leaves a chart takes its cursor line back; a click leaves it where it was put', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, LINK);
  const svg = page.getByTestId('svg-volume');
  const before = await cursorX(page);
  const box = await svg.boundingBox();
  if (!box || before === null) throw new Error('chart not laid out');
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.4);
  await expect(page.getByTestId('tooltip-volume')).toBeVisible();
  const hovered = await cursorX(page);
  expect(hovered).not.toBe(before);
  await page.mouse.move(5, 5);
  await expect.poll(() => cursorX(page)).toBe(before);
  // a click pins the cursor: it stays after the mouse leaves
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.4);
  await page.mouse.move(5, 5);
  await expect(page.getByTestId('tooltip-volume')).toHaveCount(0);
  expect(await cursorX(page)).toBe(hovered);
});

test('1280×720: an arm chip reached after scrolling is below the sticky header, not under it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, LINK);
  const header = await page.locator('.app-header').boundingBox();
  if (!header) throw new Error('no header');
  for (const how of ['focus', 'scrollIntoView'] as const) {
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    const chip = page.getByTestId('arm-select-2');
    if (how === 'focus') await chip.focus();
    else await chip.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const box = await chip.boundingBox();
    const heading = await page.locator('#arms-heading, .arms h2').first().boundingBox();
    if (!box) throw new Error('chip not laid out');
    console.log(
      `1280 (${how}): header bottom ${Math.round(header.y + header.height)}, chip top ${Math.round(box.y)}, arms heading ${Math.round(heading?.y ?? -1)}`,
    );
    expect(box.y, how).toBeGreaterThanOrEqual(header.y + header.height);
  }
  await shoot(page, 'projector-arm-chips-below-header');
});
