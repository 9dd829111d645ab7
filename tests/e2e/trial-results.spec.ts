import { readFile, writeFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { KM_CSV_HEADER } from '../../src/charts/trialCsv';
import { parseCsv, readCsvField } from '../../src/formats/csv';
import { collectErrors, fullPageShot, openApp } from './helpers';

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

/** Opens the trial view on the calibration trial (IMbrave150 arms) with `size` patients; arm 1 renamed `name`. */
async function openTrial(page: Page, size: number, name?: string): Promise<void> {
  await openApp(page);
  await page.getByTestId('view-trial').click();
  await page.getByTestId('trial-use-preset').click();
  if (name) {
    // the name through the link, as a shared link would bring it (opened at the explorer: no run starts)
    await expect(page).toHaveURL(/arm=Atezo\/bev\*/);
    const link = page
      .url()
      .replace('arm=Atezo/bev*', `arm=${encodeURIComponent(name)}*`)
      .replace('#trial', '');
    await openApp(page, link);
    await page.getByTestId('view-trial').click();
  }
  const field = page.getByTestId('trial-size');
  await field.fill(String(size));
  await field.blur();
  await expect(field).toHaveValue(String(size));
}

async function runToEnd(page: Page): Promise<void> {
  await page.getByTestId('trial-run').click();
  await expect(page.getByTestId('trial-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
}

/** The results table's text, row by row. */
async function tableText(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="trial-table"] tbody tr, [data-testid="trial-survival-table"] tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
}

async function save(page: Page, testId: string): Promise<{ name: string; text: string; data: Buffer }> {
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await download;
  const data = await readFile(await file.path());
  return { name: file.suggestedFilename(), text: data.toString('utf8'), data };
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);
}

test('a trial opened from its link is recomputed from its seed (or opened from this browser), with the same figures', async ({
  page,
  browser,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openTrial(page, 60);
  await runToEnd(page);
  const original = await tableText(page);
  const link = page.url();
  expect(link).toMatch(/n=60.*#trial$/);

  // Another browser (nothing kept): the run starts by itself, says why, shows its progress until it ends.
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  const otherErrors = collectErrors(other);
  await other.setViewportSize({ width: 1280, height: 800 });
  await other.goto(link);
  await expect(other.getByTestId('trial-status')).toHaveAttribute('data-status', /running|done/, { timeout: 20_000 });
  await expect(other.getByTestId('trial-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(other.getByTestId('trial-done')).toContainText('Recomputed from the link');
  expect(await tableText(other)).toEqual(original);
  await expect(other.getByTestId('svg-trial-km').locator('path.km-curve')).toHaveCount(2);
  await elsewhere.close();
  expect(otherErrors).toEqual([]);

  // This browser kept the finished trial: a reload opens its results without simulating a patient.
  await page.reload();
  await expect(page.getByTestId('trial-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('trial-done')).toContainText('this browser kept');
  await expect(page.getByTestId('trial-progress')).toHaveCount(0);
  expect(await tableText(page)).toEqual(original);
  // a cut-off changed since still applies: the statistics are computed again from the kept patients
  await expect(page.getByTestId('svg-trial-km-os').locator('path.km-curve')).toHaveCount(2);

  // A large trial's link: progress shows at once, Cancel stops it and keeps what is done.
  await openTrial(page, 4000);
  await expect(page).toHaveURL(/n=4000.*#trial$/);
  const big = page.url();
  const third = await (await browser.newContext()).newPage();
  await third.setViewportSize({ width: 390, height: 844 });
  await third.goto(big);
  const progress = third.getByTestId('trial-progress');
  await expect(progress).toBeVisible({ timeout: 20_000 });
  await expect(progress).toHaveAttribute('aria-valuemax', '4000');
  await expect(third.getByTestId('trial-from-link')).toContainText('seed 1');
  await third.screenshot({ path: test.info().outputPath('link-running-390x844.png') });
  await third.getByTestId('trial-cancel').click();
  await expect(third.getByTestId('trial-status')).toHaveAttribute('data-status', 'cancelled');
  await third.context().close();

  // Opening the page at the explorer never starts a trial.
  await page.goto(big.replace('#trial', ''));
  await page.getByTestId('view-trial').click();
  await expect(page.getByTestId('trial-empty')).toBeVisible();
  expect(errors).toEqual([]);
});

test('exports: patients, Kaplan–Meier and response CSV (formulas neutralised), every figure as SVG and PNG', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  const name = '=HYPERLINK("http://example.com","x")';
  await openTrial(page, 40, name);
  await runToEnd(page);

  const patients = await save(page, 'trial-export-patients');
  expect(patients.name).toBe('timescape-trial-seed1-n40-patients.csv');
  const rows = parseCsv(patients.text);
  expect(rows[0].slice(0, 6)).toEqual(['patient', 'arm', 'best_response', 'best_change_pct', 'pfs_days', 'progressed']);
  expect(rows).toHaveLength(1 + 80);
  expect(rows[1][1]).toBe(`'${name}`);
  expect(readCsvField(rows[1][1])).toBe(name);
  for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+@]/);

  const km = await save(page, 'trial-export-km');
  const kmRows = parseCsv(km.text);
  expect(kmRows[0]).toEqual([...KM_CSV_HEADER]);
  expect(kmRows[1].slice(0, 5)).toEqual(['PFS', `'${name}`, '0', '0', '40']);
  // progression is seen on assessment days only (every 42 days, and the end of follow-up at day 540); a death
  // before progression also ends PFS, on its own day
  const col = (name: string) => rows[0].indexOf(name);
  const progressions = rows
    .slice(1)
    .filter(
      (r) => r[col('progressed')] === '1' && !(r[col('died')] === '1' && r[col('os_days')] === r[col('pfs_days')]),
    );
  expect(progressions.length).toBeGreaterThan(0);
  for (const r of progressions) {
    const day = Number(r[col('pfs_days')]);
    expect(day % 42 === 0 || day === 540).toBe(true);
  }

  expect(kmRows.slice(1).filter((r) => r[0] === 'OS').length).toBeGreaterThan(2);

  const responses = await save(page, 'trial-export-responses');
  const responseRows = parseCsv(responses.text);
  expect(responseRows[0].slice(0, 7)).toEqual(['arm', 'patients', 'CR', 'PR', 'SD', 'PD', 'NE']);
  expect(responseRows).toHaveLength(3);
  expect(responseRows[1][0]).toBe(`'${name}`);

  // Every figure: SVG (well-formed, titled, with its legend) and PNG at twice the size.
  const figures = [
    'trial-km',
    'trial-km-os',
    'trial-waterfall-0',
    'trial-waterfall-1',
    'trial-spider-0',
    'trial-spider-1',
  ];
  figures.push('trial-bio-km-0', 'trial-bio-km-1');
  for (const id of figures) {
    const svg = await save(page, `${id}-svg`);
    expect(svg.name).toMatch(/^timescape-trial-seed1-n40-.*\.svg$/);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        title: doc.querySelector('text.title')?.textContent ?? '',
        legend: [...doc.querySelectorAll('g.legend text')].map((t) => t.textContent),
        notes: [...doc.querySelectorAll('g.notes text')].map((t) => t.textContent ?? ''),
        width: Number(doc.documentElement.getAttribute('width')),
      };
    }, svg.text);
    expect(parsed.error).toBeNull();
    expect(parsed.title.length).toBeGreaterThan(5);
    expect(parsed.legend.length).toBeGreaterThanOrEqual(2);
    // a figure that shows the COX-2-inhibitor arm keeps its label in the file; the others have no note
    const showsHypothesis = !/-0$/.test(id);
    expect(parsed.notes.some((n) => n.includes('Atezo/bev + celecoxib: a hypothesis'))).toBe(showsHypothesis);
    const png = await save(page, `${id}-png`);
    expect(png.data.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.data.readUInt32BE(16)).toBe(parsed.width * 2);
    // kept to be looked at
    if (id === 'trial-km' || id === 'trial-waterfall-1') await writeFile(test.info().outputPath(`${id}.png`), png.data);
  }
  await expect(page.getByTestId('trial-km-saved')).toContainText('.png');
  expect(errors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
});

test('the numbers explained: "?" disclosures open by keyboard, in English and Japanese, readable on a phone', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openTrial(page, 30);
  await runToEnd(page);

  const nr = page.getByTestId('trial-table-help-nr');
  const summary = nr.locator('summary');
  await expect(summary).toHaveText('?Why “NR”?');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(nr).toHaveAttribute('open', '');
  await expect(nr.locator('p')).toContainText('not reached');
  const steps = page.getByTestId('trial-km-help-steps');
  await steps.locator('summary').focus();
  await page.keyboard.press('Space');
  await expect(steps.locator('p')).toContainText('every 6 weeks (42 days)');
  await expect(steps.locator('p')).toContainText('1.4, 2.8, 4.1, 5.5, 6.9 months');
  await page.getByTestId('trial-km-help-untreated').locator('summary').click();
  await page.getByTestId('trial-table-help-rates').locator('summary').click();
  await expect(page.getByTestId('trial-table-help-rates').locator('p')).toContainText('disease control rate');
  await page.getByTestId('trial-table').scrollIntoViewIfNeeded();
  await fullPageShot(page, test.info().outputPath('help-1280x800.png'));

  await page.getByTestId('language').selectOption('ja');
  await expect(nr.locator('summary')).toContainText('「NR」とは？');
  await expect(steps.locator('p')).toContainText('6 週（42 日）ごと');
  await expect(page.getByTestId('trial-hypothesis')).toContainText('仮説');
  await expect(page.getByTestId('trial-hypothesis')).toContainText('NSAID');
  // the source lines are in Japanese too (the citations themselves stay as published)
  await expect(page.getByTestId('trial-vs-sources')).toContainText('IMbrave150 主解析');
  await expect(page.getByTestId('trial-vs-sources')).not.toContainText('primary analysis');
  await expect(page.getByTestId('trial-nrf2-share')).toContainText('切除 HCC 335 例');
  await expect(page.getByTestId('trial-hypothesis')).toContainText('適格基準');
  await expect(page.getByTestId('trial-hypothesis')).not.toContainText('eligibility');
  await expect(page.getByTestId('trial-vs-ne')).toContainText('評価不能');

  await page.setViewportSize({ width: 390, height: 844 });
  await noHorizontalOverflow(page);
  // what a person sees on a phone (viewport shots: the sticky header is part of what they see)
  for (const id of ['trial-table-help', 'trial-km', 'trial-exports']) {
    await page.getByTestId(id).scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`${id}-ja-390x844.png`) });
  }
  expect(errors).toEqual([]);
});

test('overall survival beside PFS, OS in the table, and the model vs IMbrave150 table with a sorafenib arm', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openTrial(page, 60);
  await expect(page).toHaveURL(/n=60.*#trial$/);
  // IMbrave150's comparator first (the reference arm), as a shared link would bring it
  const link = page.url().replace('&arm=', '&arm=Sorafenib*sor:800@0-540/1&arm=').replace('#trial', '');
  await openApp(page, link);
  await page.getByTestId('view-trial').click();
  await runToEnd(page);

  const os = page.getByTestId('svg-trial-km-os');
  await expect(os.locator('path.km-curve')).toHaveCount(3);
  await expect(os).toHaveAttribute('aria-label', /median OS/);
  await expect(page.getByTestId('svg-trial-km').locator('path.km-curve')).toHaveCount(3);
  for (const a of [0, 1, 2]) {
    await expect(page.getByTestId(`trial-os12-${a}`)).toHaveAttribute('aria-label', /^\d+\.\d % \(\d+\.\d–\d+\.\d\)$/);
    await expect(page.getByTestId(`trial-os-${a}`)).toHaveAttribute('aria-label', /^(\d+\.\d|NR) \(/);
  }
  await expect(page.getByTestId('trial-os-hr-0')).toHaveText('reference');
  await expect(page.getByTestId('trial-os-hr-1')).toHaveAttribute('aria-label', /^\d\.\d\d \(\d\.\d\d–\d\.\d\d\)$/);

  const vs = page.getByTestId('trial-vs-table');
  await expect(vs.locator('tbody tr')).toHaveCount(12);
  // every best-response category with its interval, not evaluable (NE) included
  for (const id of ['cr', 'pr', 'sd', 'pd', 'ne'])
    for (const side of ['atezoBev', 'sorafenib'])
      await expect(page.getByTestId(`trial-vs-${id}-${side}-model`)).toHaveAttribute(
        'aria-label',
        /^\d+\.\d % \(\d+\.\d–\d+\.\d\)$/,
      );
  await expect(page.getByTestId('trial-vs-ne-atezoBev-trial')).toHaveText('6.8 %');
  await expect(page.getByTestId('trial-vs-ne-sorafenib-trial')).toHaveText('20.2 %');
  await expect(page.getByTestId('trial-vs-orr-atezoBev-trial')).toHaveText('27.3 %');
  await expect(page.getByTestId('trial-vs-orr-sorafenib-trial')).toHaveText('11.9 %');
  await expect(page.getByTestId('trial-vs-medianPfs-atezoBev-trial')).toHaveAttribute('aria-label', '6.8 (5.7–8.3)');
  await expect(page.getByTestId('trial-vs-pfsHr-atezoBev-trial')).toHaveAttribute('aria-label', '0.59 (0.47–0.76)');
  await expect(page.getByTestId('trial-vs-osHr-atezoBev-model')).toHaveAttribute(
    'aria-label',
    /^\d\.\d\d \(\d\.\d\d–\d\.\d\d\)$/,
  );
  await expect(page.getByTestId('trial-vs-orr-sorafenib-model')).toHaveAttribute('aria-label', /^\d+\.\d % \(/);
  await expect(page.getByTestId('trial-vs-sources')).toContainText('Finn et al., NEJM 2020');
  // the COX-2-inhibitor arm is labelled a hypothesis, with the caveat; the others are not
  const hypothesis = page.getByTestId('trial-hypothesis');
  await expect(hypothesis.locator('li')).toHaveText(['Atezo/bev + celecoxib']);
  await expect(hypothesis).toContainText('NSAID');
  await expect(hypothesis).toContainText('bleeding');
  await expect(hypothesis).toContainText('kidney');
  await expect(page.getByTestId('trial-row-2').locator('.hypothesis-badge')).toHaveText('Hypothesis');
  await expect(page.getByTestId('trial-row-1').locator('.hypothesis-badge')).toHaveCount(0);
  await page.getByTestId('trial-km-os-help-os').locator('summary').click();
  await expect(page.getByTestId('trial-km-os-help-os').locator('p')).toContainText('censored');

  await page.getByTestId('trial-table').scrollIntoViewIfNeeded();
  await fullPageShot(page, test.info().outputPath('os-1280x800-full.png'));
  for (const id of ['trial-table', 'trial-vs', 'trial-km-os', 'trial-hypothesis']) {
    const element =
      id === 'trial-table' ? page.getByTestId(id).locator('xpath=ancestor::section[1]') : page.getByTestId(id);
    await element.screenshot({ path: test.info().outputPath(`${id}-1280x800.png`) });
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await noHorizontalOverflow(page);
  // on a phone every column of the tables shows: each row is a card, each value under its column's name
  for (const id of [
    'trial-orr-1',
    'trial-ttr-1',
    'trial-os-hr-1',
    'trial-os12-2',
    'trial-vs-osHr-atezoBev-trial',
    'trial-vs-ne-atezoBev-model',
  ]) {
    const cell = page.getByTestId(id);
    await cell.scrollIntoViewIfNeeded();
    await expect(cell).toBeInViewport();
    // the cell and everything in it (its column's name and its value) fit on the screen
    const fits = await cell.evaluate((td) => {
      const r = td.getBoundingClientRect();
      const value = td.querySelector('.value')?.getBoundingClientRect() ?? r;
      return r.left >= 0 && r.right <= innerWidth && td.scrollWidth <= td.clientWidth + 1 && value.right <= r.right + 1;
    });
    expect(fits, id).toBe(true);
  }
  const label = await page
    .getByTestId('trial-os12-1')
    .evaluate((td) => getComputedStyle(td, '::before').getPropertyValue('content'));
  expect(label).toContain('OS at 12 months');
  for (const id of ['trial-table', 'trial-survival-table', 'trial-vs', 'trial-km-os']) {
    await page.getByTestId(id).scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`${id}-390x844.png`) });
  }
  expect(errors).toEqual([]);
});

test('across plausible models: the cost said first, progress and Cancel, then each figure with both intervals', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openTrial(page, 20);
  await runToEnd(page);
  const card = page.getByTestId('trial-spread');
  await expect(page.getByTestId('trial-spread-cost')).toContainText('20 trials of 20 patients × 2 arms');
  await expect(page.getByTestId('trial-spread-cost')).toContainText(/about \d/);

  await page.getByTestId('trial-spread-run').click();
  await expect(page.getByTestId('trial-spread-progress')).toBeVisible();
  await expect(page.getByTestId('trial-spread-progress')).toHaveAttribute('aria-valuemax', '20');
  // the size cannot change while a run is on
  await expect(page.getByTestId('trial-spread-size')).toBeDisabled();
  await page.getByTestId('trial-spread-cancel').click();
  await expect(card).toContainText('Cancelled');
  await expect(page.getByTestId('trial-spread-progress')).toHaveCount(0);

  // the ensemble size is chosen, costed and kept in the link
  await page.getByTestId('trial-spread-size').selectOption('5');
  await expect(page.getByTestId('trial-spread-cost')).toContainText('5 trials of 20 patients × 2 arms');
  await expect(page).toHaveURL(/&draws=5&.*#trial$/);
  await page.reload();
  await expect(page.getByTestId('trial-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('trial-spread-size')).toHaveValue('5');

  await page.getByTestId('trial-spread-run').click();
  await expect(page.getByTestId('trial-spread-table')).toBeVisible({ timeout: 150_000 });
  const hr = page.getByTestId('trial-spread-pfsHr-1-text');
  await expect(hr).toHaveText(/^\d\.\d\d \(\d\.\d\d–\d\.\d\d\); across plausible models \d\.\d\d–\d\.\d\d$/);
  await expect(page.getByTestId('trial-spread-orr-0-text')).toHaveText(
    /^\d+\.\d % \(\d+\.\d–\d+\.\d\); across plausible models \d+\.\d %–\d+\.\d %$/,
  );
  await expect(page.getByTestId('trial-spread-os12-0-text')).toHaveText(
    /^\d+\.\d % \(\d+\.\d–\d+\.\d\); across plausible models \d+\.\d %–\d+\.\d %$/,
  );
  await expect(card).toContainText('Computed over 5 plausible parameter sets');
  await expect(page.getByTestId('trial-spread-directions-1')).toHaveText(
    /NRF2-active patients have the shorter PFS in \d+ % of 5 plausible models; PGE2-high patients in \d+ %\./,
  );
  // the COX-2-inhibitor arm is marked a hypothesis here too
  await expect(page.getByTestId('trial-spread-pfsHr-1').locator('.hypothesis-badge')).toHaveText('Hypothesis');
  await card.screenshot({ path: test.info().outputPath('spread-1280x800.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await noHorizontalOverflow(page);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('spread-390x844.png') });

  // a new trial makes them out of date: they are gone, and can be computed again for it
  await page.setViewportSize({ width: 1280, height: 800 });
  const field = page.getByTestId('trial-size');
  await field.fill('22');
  await field.blur();
  await runToEnd(page);
  await expect(page.getByTestId('trial-spread-table')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the IMbrave150 trial is one click away from the trial view, and compares both arms with the trial', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await page.getByTestId('view-trial').click();
  await page.getByTestId('trial-use-imbrave150').click();
  await expect(page.getByTestId('trial-arms').locator('li')).toHaveText(['Sorafenib', 'Atezo/bev']);
  const field = page.getByTestId('trial-size');
  await field.fill('30');
  await field.blur();
  await runToEnd(page);
  await expect(page.getByTestId('trial-vs-orr-sorafenib-model')).toHaveAttribute('aria-label', /^\d+\.\d % \(/);
  await expect(page.getByTestId('trial-vs-osHr-atezoBev-model')).toHaveAttribute('aria-label', /^\d\.\d\d \(/);
  await expect(page.getByTestId('trial-hypothesis')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the FLAURA preset runs as a trial in the trial view: model vs FLAURA with overall survival, no biomarker view', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await page.getByTestId('preset-flaura-osimertinib').click();
  await page.getByTestId('view-trial').click();
  // the lung trial's patients have no NRF2/PGE2 strata: their settings make way for a description of the population
  await expect(page.getByTestId('trial-lung-population')).toContainText('FLAURA');
  // the introduction names the lung trial's patients, not HCC's
  await expect(page.getByTestId('trial-intro')).toContainText('advanced EGFR-mutant lung cancer');
  await expect(page.getByTestId('trial-intro')).not.toContainText('HCC');
  await expect(page.getByTestId('trial-cancer')).toHaveCount(0);
  await expect(page.getByTestId('trial-pge2-cutoff')).toHaveCount(0);
  const field = page.getByTestId('trial-size');
  await field.fill('60');
  await field.blur();
  await expect(field).toHaveValue('60');
  await runToEnd(page);
  await expect(page).toHaveURL(/s=lung-patient.*n=60/);

  const vs = page.getByTestId('trial-vs-flaura-table');
  // ORR, median PFS, median OS for both arms; the comparator's crossover to osimertinib at progression; the two
  // hazard ratios of osimertinib against the comparator
  await expect(vs.locator('tbody tr')).toHaveCount(6);
  await expect(page.getByTestId('trial-vs-flaura-crossover-comparator-trial')).toHaveText('31.0 %');
  await expect(page.getByTestId('trial-vs-flaura-orr-trial')).toHaveText('80.0 %');
  await expect(page.getByTestId('trial-vs-flaura-orr-comparator-trial')).toHaveText('76.0 %');
  await expect(page.getByTestId('trial-vs-flaura-medianPfs-comparator-trial')).toHaveText('10.2');
  await expect(page.getByTestId('trial-vs-flaura-medianOs-comparator-trial')).toHaveText('31.8');
  await expect(page.getByTestId('trial-vs-flaura-orr-comparator-model')).toHaveAttribute('aria-label', /^\d+\.\d % \(/);
  await expect(page.getByTestId('trial-vs-flaura-pfsHr-trial')).toHaveAttribute('aria-label', '0.46 (0.37–0.57)');
  await expect(page.getByTestId('trial-vs-flaura-pfsHr-model')).toHaveAttribute('aria-label', /^\d+\.\d\d \(/);
  await expect(page.getByTestId('trial-vs-flaura-osHr-trial')).toHaveAttribute('aria-label', '0.80 (0.64–1.00)');
  await expect(vs).toContainText('Gefitinib (comparator)');
  await expect(page.getByTestId('trial-vs-flaura-medianOs-trial')).toHaveAttribute('aria-label', '38.6 (34.5–41.8)');
  await expect(page.getByTestId('trial-vs-flaura-orr-model')).toHaveAttribute('aria-label', /^\d+\.\d % \(/);
  await expect(page.getByTestId('trial-vs-flaura-medianOs-model')).toHaveAttribute('aria-label', /^(\d+\.\d|NR) \(/);
  await expect(page.getByTestId('trial-vs-flaura-sources')).toContainText('Ramalingam et al., NEJM 2020');
  // the IMbrave150 table and the biomarker view belong to the HCC trial
  await expect(page.getByTestId('trial-vs')).toHaveCount(0);
  await expect(page.getByTestId('trial-biomarkers')).toHaveCount(0);
  await expect(page.getByTestId('svg-trial-km').locator('path.km-curve')).toHaveCount(3);
  await expect(page.getByTestId('svg-trial-km-os').locator('path.km-curve')).toHaveCount(3);

  await fullPageShot(page, test.info().outputPath('flaura-1280x800-full.png'));
  for (const id of ['trial-vs-flaura', 'trial-km-os']) {
    await page.getByTestId(id).screenshot({ path: test.info().outputPath(`${id}-1280x800.png`) });
  }
  expect(errors).toEqual([]);
});
