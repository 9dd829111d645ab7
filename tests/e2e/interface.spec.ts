/**
 * Nothing lost (issue findings 1, 4, 5, 10): Reset all is undoable; Back returns to the scenario before a change and
 * Forward brings it again, without leaving the app; scenarios saved in the browser are listed, renamed, loaded and
 * deleted with Undo, and a full storage says so; the JSON export loads back, and a malformed file is refused with a
 * message in the page's language while the page goes on working; fields say why a value is refused; any arm can
 * have its own biology.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers';

// several reloads, downloads and a second page each: more than the default 30 s on a loaded machine
test.describe.configure({ timeout: 90_000 });

async function setNrf2(page: Page, value: string) {
  await page.getByTestId('slider-nrf2').fill(value);
  await expect(page.getByTestId('value-nrf2')).toHaveText(Number(value).toFixed(2));
}

test('Reset all brings the starting scenario back, and Undo (notice or button) restores the edits', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page, '/?s=hcc-mouse&nrf2=0.8&arm=A&arm=B');
  await expect(page.getByTestId('arm-row')).toHaveCount(2);
  await page.getByTestId('reset-all').click();
  await expect(page.getByTestId('value-nrf2')).toHaveText('0.00');
  await expect(page.getByTestId('undo-notice')).toHaveAttribute('data-kind', 'reset');
  await page.getByTestId('undo-notice-undo').click();
  await expect(page.getByTestId('value-nrf2')).toHaveText('0.80');
  await expect(page.getByTestId('arm-row')).toHaveCount(2);
  expect(errors).toEqual([]);
});

test('Back returns to the scenario before a change and Forward brings it again, inside the app', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '/?s=hcc-mouse&nrf2=0.8&arm=A&arm=B');
  await page.getByTestId('arm-select-1').click();
  await setNrf2(page, '0.3');
  await expect(page).toHaveURL(/[?&]nrf2=0\.3(&|$)/);
  await page.getByTestId('setting').selectOption('hcc-patient');
  await expect(page).toHaveURL(/[?&]s=hcc-patient/);

  await page.goBack();
  await expect(page).toHaveURL(/[?&]s=hcc-mouse/);
  await expect(page.getByTestId('setting')).toHaveValue('hcc-mouse');
  await expect(page.getByTestId('value-nrf2')).toHaveText('0.30');
  await page.goBack();
  await expect(page.getByTestId('value-nrf2')).toHaveText('0.80');
  // Back is that undo step: the arm that was selected stays selected
  await expect(page.getByTestId('arm-select-1')).toHaveAttribute('aria-pressed', 'true');
  await page.goForward();
  await expect(page.getByTestId('value-nrf2')).toHaveText('0.30');
  await page.goForward();
  await expect(page.getByTestId('setting')).toHaveValue('hcc-patient');
  // the address is still a share link of what is shown
  const url = page.url();
  const other = await page.context().newPage();
  await openApp(other, url.replace(/^https?:\/\/[^/]+/, ''));
  await expect(other.getByTestId('setting')).toHaveValue('hcc-patient');
  await other.close();
  expect(errors).toEqual([]);
});

test('saved scenarios: saved under a name, listed, renamed, loaded, deleted with Undo, kept after a reload', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page, '/?s=hcc-mouse&nrf2=0.8&arm=A');
  await expect(page.getByTestId('saved-empty')).toBeVisible();
  await page.getByTestId('saved-name').fill('Lecture 1');
  await page.getByTestId('saved-save').click();
  await expect(page.getByTestId('saved-message')).toContainText('Lecture 1');
  await expect(page.getByTestId('saved-entry-name')).toHaveText(['Lecture 1']);

  await page.getByTestId('saved-rename').click();
  await page.getByTestId('saved-rename-input').fill('NRF2 high');
  await page.getByTestId('saved-rename-ok').click();
  await expect(page.getByTestId('saved-entry-name')).toHaveText(['NRF2 high']);

  await setNrf2(page, '0.2');
  await page.reload();
  // the app loads again (the saved-scenarios panel is its own chunk, loaded after the first draw)
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  await expect(page.getByTestId('saved-entry-name')).toHaveText(['NRF2 high'], { timeout: 10_000 });
  await page.getByRole('button', { name: 'Load “NRF2 high”' }).click();
  await expect(page.getByTestId('value-nrf2')).toHaveText('0.80');
  await expect(page.getByTestId('undo-notice')).toHaveAttribute('data-kind', 'saved');

  await page.getByTestId('saved-delete').click();
  await expect(page.getByTestId('saved-empty')).toBeVisible();
  await page.getByTestId('saved-undo').click();
  await expect(page.getByTestId('saved-entry-name')).toHaveText(['NRF2 high']);
  expect(errors).toEqual([]);
});

test('a full browser storage is said in words, nothing is listed that was not kept, and the page goes on', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByTestId('saved-save').click();
  await expect(page.getByTestId('saved-message')).toContainText('storage is full');
  await expect(page.getByTestId('saved-empty')).toBeVisible();
  await setNrf2(page, '0.4');
  expect(errors).toEqual([]);
});

test('the JSON export loads back; a malformed file is refused with a message in English and in Japanese', async ({
  page,
}, testInfo) => {
  const errors = collectErrors(page);
  await openApp(page, '/?s=hcc-mouse&nrf2=0.7&arm=A&arm=B');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const file = testInfo.outputPath('scenario.json');
  await (await download).saveAs(file);
  const text = readFileSync(file, 'utf8');

  await page.getByTestId('reset-all').click();
  await expect(page.getByTestId('arm-row')).toHaveCount(1);
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'scenario.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('arm-row')).toHaveCount(2);
  await expect(page.getByTestId('value-nrf2')).toHaveText('0.70');
  await expect(page.getByTestId('undo-notice')).toHaveAttribute('data-kind', 'import');

  const message = page.getByTestId('saved-message');
  await page.getByTestId('file-input').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "timescape-scenario", '),
  });
  await expect(message).toContainText('“broken.json” is not valid JSON');
  await expect(page.getByTestId('arm-row')).toHaveCount(2);

  const bad = JSON.stringify({ format: 'timescape-scenario', version: 1, link: 'v=1&s=hcc-mouse&nrf2=7&arm=A' });
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  await expect(message).toContainText('invalid field');
  await expect(message.locator('li')).toHaveCount(1);
  await expect(page.getByTestId('value-nrf2')).toHaveText('0.70');

  await page.getByTestId('language').selectOption('ja');
  await page
    .getByTestId('file-input')
    .setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('[1, 2]') });
  await expect(message).toContainText('TIMEscape のシナリオファイルではありません');
  // the page goes on: a change still simulates
  await setNrf2(page, '0.1');
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  expect(errors).toEqual([]);
});

test('a dosing field says why a value is refused and keeps the last valid one; stop before start is refused', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page, '/?s=hcc-mouse&arm=A*igf:10@7-21/1');
  const interval = page.getByTestId('interval-igf1ri');
  await interval.fill('0');
  await expect(page.getByTestId('interval-igf1ri-error')).toContainText('at least');
  await expect(interval).toHaveAttribute('aria-invalid', 'true');
  await interval.blur();
  await expect(interval).toHaveValue('1');
  await expect(page.getByTestId('interval-igf1ri-error')).toContainText('Kept 1');

  const dose = page.getByTestId('dose-igf1ri');
  await dose.fill('99999');
  await expect(page.getByTestId('dose-igf1ri-error')).toContainText('at most');

  const start = page.getByTestId('start-igf1ri');
  await start.fill('26');
  await expect(page.getByTestId('start-igf1ri-error')).toContainText('before the stop (day 21)');
  await start.blur();
  await expect(start).toHaveValue('7');
  await expect(page.getByTestId('stop-igf1ri')).toHaveValue('21');
  expect(errors).toEqual([]);
});

test('any arm can have its own biology: "This arm only" keeps the value for the selected arm', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '/?s=hcc-mouse&nrf2=0.2&arm=A&arm=B');
  await page.getByTestId('arm-select-1').click();
  await page.getByTestId('arm-only-nrf2').check();
  await setNrf2(page, '0.9');
  await page.getByTestId('arm-select-0').click();
  await expect(page.getByTestId('value-nrf2')).toHaveText('0.20');
  await page.getByTestId('arm-select-1').click();
  await expect(page.getByTestId('value-nrf2')).toHaveText('0.90');
  await page.getByTestId('arm-only-axl').check();
  await page.getByTestId('axl-high').check();
  await page.getByTestId('arm-select-0').click();
  await expect(page.getByTestId('axl-high')).not.toBeChecked();
  expect(errors).toEqual([]);
});

test('a setting change converts each schedule to the new scale and says how (units in both); Undo brings the mouse schedule back', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, '/?s=hcc-mouse&arm=A*igf:10@7-21/1');
  await page.getByTestId('setting').selectOption('hcc-patient');
  const notice = page.getByTestId('undo-notice');
  await expect(notice).toContainText('from 28 to 540 days');
  // IGF-1R inhibitor: 10 of the study's 25 mg/kg/day on days 7–21 of its 0–10 → 0.4 × the label's 300 mg/day,
  // at the same place in the label's 60-day course
  await expect(notice).toContainText('10 mg/kg every 1 days, days 7–21 → 120 mg every 1 days, days 42–126');
  await expect(page.getByTestId('readout')).not.toContainText('Month');
  await page.screenshot({ path: test.info().outputPath('setting-converted-1280x720.png') });
  await expect(page).toHaveURL(/igf:120@42-126\/1/);
  await page.getByTestId('undo-notice-undo').click();
  await expect(page).toHaveURL(/igf:10@7-21\/1/);
  await expect(page.getByTestId('setting')).toHaveValue('hcc-mouse');
  expect(errors).toEqual([]);
});

test('pointing at a chart shows each arm’s value at the cursor beside it; every chart names its own arms', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page, '/?s=hcc-mouse&arm=A&arm=B*igf:10@7-21/1');
  const svg = page.getByTestId('svg-volume');
  const box = await svg.boundingBox();
  if (!box) throw new Error('chart not laid out');
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  const tip = page.getByTestId('tooltip-volume');
  await expect(tip).toBeVisible();
  await expect(tip.locator('li')).toHaveCount(2);
  // near the pointer: within the chart, next to the cursor line
  const tipBox = await tip.boundingBox();
  expect(Math.abs((tipBox?.x ?? 0) + (tipBox?.width ?? 0) - (box.x + box.width * 0.6))).toBeLessThan(40);
  // the same numbers as the readout at the same day
  const readout = await page.getByTestId('readout-row').first().locator('td').first().textContent();
  await expect(tip.locator('.chart-tooltip-value').first()).toHaveText(readout ?? '');
  await page.mouse.move(5, 5);
  await expect(tip).toHaveCount(0);
  for (const id of ['volume', 'cd8', 'macrophages', 'pge2', 'pdl1', 'cd24', 'drugs', 'toxicity']) {
    await expect(page.getByTestId(`legend-${id}`).locator('li')).toHaveText(['A', 'B']);
  }
  expect(errors).toEqual([]);
});

test('the hover tooltip sits 10 px beside the cursor line, in presenter mode too (its plot starts further right)', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, '/?s=hcc-mouse&arm=A&arm=B*igf:10@7-21/1');
  const gaps: Record<string, { left: number; right: number }> = {};
  const plotLeft: Record<string, number> = {};
  for (const mode of ['normal', 'presenter']) {
    if (mode === 'presenter') {
      await page.getByTestId('presenter-toggle').click();
      await expect(page.locator('html')).toHaveClass(/presenter/);
    }
    const svg = page.getByTestId('svg-cd8');
    await svg.scrollIntoViewIfNeeded();
    // the plot's left edge (its clip rectangle): in presenter type the CD8 chart's y title needs room, and the plot
    // starts right of the default 64 px margin; that is the case the tooltip got wrong
    const left = Number(await svg.locator('clipPath rect').getAttribute('x'));
    plotLeft[mode] = left;
    if (mode === 'presenter') expect(left).toBeGreaterThan(70);
    const tip = page.getByTestId('tooltip-cd8');
    const line = svg.locator('g.cursor line');
    // left half: the tooltip is right of the line; right half: left of it
    for (const [side, at] of [
      ['left', 0.3],
      ['right', 0.7],
    ] as const) {
      const box = await svg.boundingBox();
      if (!box) throw new Error('chart not laid out');
      await page.mouse.move(box.x + box.width * at, box.y + box.height / 2);
      await expect(tip).toBeVisible();
      // the line is drawn at the day the pointer set; read both once the tooltip shows that day
      await expect
        .poll(async () => {
          const l = await line.boundingBox();
          const t = await tip.boundingBox();
          if (!l || !t) return Number.NaN;
          return side === 'left' ? t.x - l.x : l.x - (t.x + t.width);
        })
        .toBeGreaterThan(8);
      const l = await line.boundingBox();
      const t = await tip.boundingBox();
      if (!l || !t) throw new Error('no cursor line or tooltip');
      gaps[mode] = { ...gaps[mode], [side]: side === 'left' ? t.x - l.x : l.x - (t.x + t.width) };
    }
    await page.mouse.move(5, 5);
    await expect(tip).toHaveCount(0);
  }
  console.log(
    `CD8 chart: plot left edge ${JSON.stringify(plotLeft)}; tooltip gap to the cursor line, px: ${JSON.stringify(gaps)}`,
  );
  for (const mode of ['normal', 'presenter']) {
    for (const side of ['left', 'right'] as const)
      expect(Math.abs(gaps[mode][side] - 10), `${mode} ${side}`).toBeLessThan(1.5);
  }
  expect(errors).toEqual([]);
});

test('a link copied mid-lesson opens at that step; preset arm names follow a language switch', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByTestId('lessons').locator('summary').click();
  await page.getByTestId('lesson-nrf2').click();
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-progress')).toHaveText('Step 2 of 3');
  await expect(page).toHaveURL(/[?&]lesson=nrf2\.2(&|#|$)/);
  const copied = page.url();
  // no problem reported for the lesson key: the codec never sees it
  const other = await context.newPage();
  await openApp(other, copied.replace(/^https?:\/\/[^/]+/, ''));
  await expect(other.getByTestId('lesson-progress')).toHaveText('Step 2 of 3');
  await expect(other.getByTestId('link-notice')).toHaveCount(0);
  // the opened page knows the lesson's preset: its arm names follow a switch to Japanese
  await other.getByTestId('language').selectOption('ja');
  await expect(other.getByTestId('arm-name').first()).toHaveText('NRF2 低・無治療');
  await other.close();
  // so does a link copied mid-lesson before links named their preset (the lesson step's preset is used)
  expect(copied).toMatch(/&preset=nrf2-atezo-bev&/);
  const older = await context.newPage();
  await openApp(older, copied.replace(/^https?:\/\/[^/]+/, '').replace('&preset=nrf2-atezo-bev', ''));
  await expect(older.getByTestId('lesson-progress')).toHaveText('Step 2 of 3');
  await older.getByTestId('language').selectOption('ja');
  await expect(older.getByTestId('arm-name').first()).toHaveText('NRF2 低・無治療');
  await older.close();
  // a lesson that does not exist is left out, the rest of the link still opens
  const wrong = await context.newPage();
  await openApp(wrong, '/?s=hcc-mouse&nrf2=0.4&lesson=nowhere.9');
  await expect(wrong.getByTestId('lesson')).toHaveCount(0);
  await expect(wrong.getByTestId('value-nrf2')).toHaveText('0.40');
  await wrong.close();

  const names = page.getByTestId('arm-name');
  await expect(names.first()).toHaveText('NRF2-low, untreated');
  const count = await names.count();
  await page.getByTestId(`arm-select-${count - 1}`).click();
  await page.getByTestId('arm-rename').click();
  await page.locator('[data-testid^="arm-name-input-"]').fill('Mine');
  await page.keyboard.press('Enter');
  await expect(names.last()).toHaveText('Mine');
  await page.getByTestId('language').selectOption('ja');
  await expect(names.first()).toHaveText('NRF2 低・無治療');
  // the arm renamed by hand keeps its name
  await expect(names.last()).toHaveText('Mine');
  expect(errors).toEqual([]);
});

test('a scenario opened from a copied link knows its preset: its arm names follow a switch to Japanese', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page);
  await page.getByTestId('preset-nrf2-atezo-bev').click();
  const names = page.getByTestId('arm-name');
  await expect(names.first()).toHaveText('NRF2-low, untreated');
  const count = await names.count();
  await page.getByTestId(`arm-select-${count - 1}`).click();
  await page.getByTestId('arm-rename').click();
  await page.locator('[data-testid^="arm-name-input-"]').fill('Mine');
  await page.keyboard.press('Enter');
  await expect(names.last()).toHaveText('Mine');
  await expect(page).toHaveURL(/arm=Mine/);
  // the link as copied, opened on its own (no history of the page it came from)
  const copied = page
    .url()
    .replace(/^https?:\/\/[^/]+/, '')
    .replace(/#.*$/, '');
  await openApp(page, copied);
  await expect(page.getByTestId('link-notice')).toHaveCount(0);
  await expect(page.getByTestId('preset-nrf2-atezo-bev')).toHaveAttribute('aria-pressed', 'true');
  await expect(names.first()).toHaveText('NRF2-low, untreated');
  await page.getByTestId('language').selectOption('ja');
  await expect(names.first()).toHaveText('NRF2 低・無治療');
  await expect(names.last()).toHaveText('Mine');
  // and back
  await page.getByTestId('language').selectOption('en');
  await expect(names.first()).toHaveText('NRF2-low, untreated');
  expect(errors).toEqual([]);
});

test('Play is three Tab presses away (a skip link); the text summary says "at day 28"; the dosing axis is in days', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await openApp(page, '/?s=hcc-mouse&arm=A');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('Skip to Play');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('play')).toBeFocused();

  await page.getByTestId('text-summary').locator('summary').click();
  await expect(page.getByTestId('text-summary')).toContainText('at day 28');
  await expect(page.getByTestId('text-summary')).not.toContainText('days 28');

  await page.getByTestId('setting').selectOption('hcc-patient');
  const ticks = await page.locator('.track.axis .axis-tick').allTextContents();
  for (const tick of ticks) expect(tick).toMatch(/^\d{1,3}(,\d{3})*$/);
  await expect(page.locator('.track.axis .axis-unit')).toHaveText('days');
  expect(errors).toEqual([]);
});

test('the wide CSV for spreadsheets: the link first, a row per day, a column per arm and series with units', async ({
  page,
}, testInfo) => {
  const errors = collectErrors(page);
  await openApp(page, '/?s=hcc-mouse&arm=Control&arm=B*igf:10@7-21/1');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-wide-csv').click();
  const file = testInfo.outputPath('wide.csv');
  await (await download).saveAs(file);
  const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^# TIMEscape scenario: http:\/\/[^ ]+\?v=\d+&s=hcc-mouse&/);
  const header = lines.find((l) => l.startsWith('day,')) ?? '';
  expect(header).toContain('Control: Tumour volume (mm³)');
  expect(header).toContain('B: Tumour volume (mm³)');
  const rows = lines.slice(lines.indexOf(header) + 1);
  expect(rows.map((r) => r.split(',')[0])).toEqual(Array.from({ length: 29 }, (_, i) => String(i)));
  // six significant digits at most: the digits left once the sign, exponent, point and leading and trailing zeros go
  const significant = (cell: string) =>
    cell.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
  for (const cell of rows.flatMap((r) => r.split(',').slice(1))) expect(significant(cell)).toBeLessThanOrEqual(6);
  expect(errors).toEqual([]);
});
