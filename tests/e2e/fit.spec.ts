/**
 * The fit panel as a researcher uses it: measurements made by the model with known parameter values and noise are
 * imported, two parameters are chosen with bounds (bad fields get their own messages, in English and Japanese), the
 * fit runs in a worker (a run can be cancelled), and the recovered values lie inside their intervals; the fitted
 * curves are drawn over the chart, and "Apply fitted values" is one undoable change.
 */
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { simulate, valueAt } from '../../src/model';
import { decodeScenario, parseVariable, valuesScenario } from '../../src/scenario';
import { defaultRange, type Factor } from '../../src/scenario/variables';
import { createRandom } from '../../src/stats';
import { fitIdRange, fitVariable } from '../../src/store/fit';
import { fitWithCurves } from '../../src/worker/analysis';
import { collectErrors, openApp } from './helpers';

const LINK = 's=hcc-mouse&h=21&dt=0.5&arm=Control&arm=Atezo*atz:10@7-20/3';
/** the values the synthetic measurements were made with (the setting's are 0.3 and 6) */
const TRUTH = { sensitiveGrowthRate: 0.4, tCellKillRate: 3 };
/**
 * log10 noise SD: about 2.3 % multiplicative, the SD given in the file. With 10 days per arm, the 95 % intervals of
 * both parameters held the true values for 9 of the seeds 1–10 (seed 7 missed the growth rate by 0.0001, as one in
 * twenty should); the test uses seed 4.
 */
const NOISE = 0.01;
const SEED = 4;

function syntheticCsv(seed: number): string {
  const scenario = decodeScenario(LINK).scenario;
  const factors: Factor[] = Object.keys(TRUTH).map((id) => {
    const v = parseVariable(`p.${id}`);
    if ('error' in v) throw new Error(v.error);
    return { variable: v, range: defaultRange(scenario, v) };
  });
  const result = simulate(valuesScenario(scenario, factors, Object.values(TRUTH)));
  const random = createRandom(seed);
  const lines = ['day,arm,value,sd'];
  scenario.arms.forEach((arm, a) => {
    for (let day = 2; day <= 20; day += 2) {
      const v = valueAt(result.arms[a].t, result.arms[a].series.tumourVolume, day) * 10 ** (NOISE * random.normal());
      // the SD of a log-normal error of NOISE log10 units, on the value's scale (delta method)
      lines.push(`${day},${arm.name},${v.toPrecision(6)},${(v * NOISE * Math.LN10).toPrecision(4)}`);
    }
  });
  return lines.join('\n');
}

async function saved(page: Page, testId: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  return (await readFile(await (await download).path())).toString('utf8');
}

test('a researcher fits the growth and kill rates to synthetic measurements: bad fields are named, the fit can be cancelled, the true values lie in their intervals, and applying them is undoable', async ({
  page,
}) => {
  // several fits in a worker: minutes on a loaded 2-core machine
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 1100 });
  await openApp(page, `/?${LINK}&lang=en`);
  await page.getByTestId('measurements').scrollIntoViewIfNeeded();
  await page.getByTestId('measurements-file').setInputFiles({
    name: 'synthetic.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(syntheticCsv(SEED), 'utf8'),
  });
  await expect(page.getByTestId('measurements-status')).toContainText('synthetic.csv: 20 measurements shown');
  const panel = page.getByTestId('fit-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('fit-data')).toContainText('20 measurements, 20 on arms of this scenario');

  // nothing chosen yet: the run says what is missing
  await page.getByTestId('fit-run').click();
  await expect(page.getByTestId('fit-problems')).toContainText('Add at least one parameter to fit.');

  await page.getByTestId('fit-add').selectOption('sensitiveGrowthRate');
  await page.getByTestId('fit-add').selectOption('tCellKillRate');
  await expect(page.getByTestId('fit-fields').locator('tbody tr')).toHaveCount(2);
  // the starts are the scenario's values
  await expect(page.getByTestId('fit-start-sensitiveGrowthRate')).toHaveValue('0.3');
  await expect(page.getByTestId('fit-start-tCellKillRate')).toHaveValue('6');

  // bad fields: each gets its own message, and nothing runs
  await page.getByTestId('fit-min-sensitiveGrowthRate').fill('abc');
  await page.getByTestId('fit-max-tCellKillRate').fill('1000');
  await page.getByTestId('fit-start-tCellKillRate').fill('');
  await page.getByTestId('fit-run').click();
  await expect(page.getByTestId('fit-error-min-sensitiveGrowthRate')).toHaveText('Not a number.');
  await expect(page.getByTestId('fit-error-max-tCellKillRate')).toContainText('Above the documented range (at most');
  await expect(page.getByTestId('fit-error-start-tCellKillRate')).toHaveText('Not a number.');
  await expect(page.getByTestId('fit-min-sensitiveGrowthRate')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('fit-status')).toContainText('3 problem(s)');
  await expect(page.getByTestId('fit-result')).toHaveCount(0);
  // the same in Japanese
  await page.getByTestId('language').selectOption('ja');
  await expect(panel.locator('h3')).toHaveText('測定値へのパラメーターのフィット');
  await expect(page.getByTestId('fit-error-min-sensitiveGrowthRate')).toHaveText('数値ではありません。');
  await expect(page.getByTestId('fit-error-max-tCellKillRate')).toContainText('文書化された範囲を上回っています');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('fit-field-errors-ja.png') });
  await page.getByTestId('language').selectOption('en');

  // bounds back inside the range; the start must lie between them
  await page.getByTestId('fit-min-sensitiveGrowthRate').fill('0.1');
  await page.getByTestId('fit-max-tCellKillRate').fill('18');
  await page.getByTestId('fit-start-tCellKillRate').fill('20');
  await page.getByTestId('fit-run').click();
  await expect(page.getByTestId('fit-error-start-tCellKillRate')).toContainText('between the bounds');
  await page.getByTestId('fit-start-tCellKillRate').fill('6');

  // a run cancelled before it ends leaves no result
  await page.getByTestId('fit-profile').check();
  await page.evaluate(async () => {
    (document.querySelector('[data-testid="fit-run"]') as HTMLButtonElement).click();
    for (let i = 0; i < 2000; i++) {
      const cancel = document.querySelector<HTMLButtonElement>('[data-testid="fit-cancel"]');
      if (cancel) {
        cancel.click();
        return;
      }
      await new Promise((r) => requestAnimationFrame(r));
    }
  });
  await expect(page.getByTestId('fit-status')).toHaveText('Fit cancelled.');
  await expect(page.getByTestId('fit-result')).toHaveCount(0);

  // the fit itself, with profile-likelihood intervals
  await page.getByTestId('fit-run').click();
  await expect(page.getByTestId('fit-status')).toContainText('Fitted:', { timeout: 120_000 });
  for (const [id, truth] of Object.entries(TRUTH)) {
    const row = page.getByTestId(`fit-result-${id}`);
    const [estimate, lower, upper] = await Promise.all(
      ['data-estimate', 'data-lower', 'data-upper'].map(async (a) => Number(await row.getAttribute(a))),
    );
    expect(lower).toBeLessThanOrEqual(truth);
    expect(upper).toBeGreaterThanOrEqual(truth);
    expect(lower).toBeLessThan(estimate);
    expect(upper).toBeGreaterThan(estimate);
  }
  // the growth rate is pinned by the untreated arm
  const growth = page.getByTestId('fit-result-sensitiveGrowthRate');
  expect(Math.abs(Number(await growth.getAttribute('data-estimate')) - TRUTH.sensitiveGrowthRate)).toBeLessThan(0.02);
  // weighted by the file's SDs, the residuals are z-scores: χ²/dof near 1
  const chi2 = Number((await page.getByTestId('fit-chi2').textContent())?.replace(/,/g, ''));
  expect(chi2).toBeGreaterThan(0.2);
  expect(chi2).toBeLessThan(3);
  await expect(page.getByTestId('fit-aic')).not.toHaveText('–');
  await expect(page.getByTestId('fit-table').locator('thead th')).toHaveCount(6);
  await expect(page.getByTestId('fit-residuals').locator('circle.residual')).toHaveCount(20);
  // the fitted curves over the volume chart, one per arm, dashed
  const volume = page.getByTestId('svg-volume');
  await expect(volume.locator('path[data-series="tumourVolume.fit"]')).toHaveCount(2);
  await expect(page.getByTestId('fit-curve-note')).toBeVisible();
  await page.getByTestId('fit-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('fit-result.png') });
  await page.getByTestId('chart-volume').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('fit-curves.png') });

  // the exports carry the measurements (with their SD) and the fit: the data CSV as rows of their own source, the
  // wide CSV the fitted values as notes, the scenario file both
  const tidy = (await saved(page, 'export-csv')).trim().split('\r\n');
  expect(tidy[0]).toBe('arm,day,series,value,p5,p50,p95,changed_parameters,source,sd,n,se,lower,upper');
  const measured = tidy.filter((r) => r.split(',')[8] === 'measured');
  expect(measured).toHaveLength(20);
  expect(measured[0]).toMatch(/^Control,2,tumourVolume,[\d.]+,,,,,measured,[\d.]+,,,,$/);
  expect(tidy.filter((r) => r.split(',')[8] === 'fitted').length).toBeGreaterThan(40);
  const fitRows = tidy.filter((r) => r.split(',')[8] === 'fit');
  expect(fitRows.map((r) => r.split(',')[2])).toEqual(['sensitiveGrowthRate', 'tCellKillRate']);
  const [, , , estimate, , , , , , , , se, lower, upper] = fitRows[0].split(',').map(Number);
  expect(Number(await growth.getAttribute('data-estimate'))).toBeCloseTo(estimate, 10);
  expect(se).toBeGreaterThan(0);
  expect(lower).toBeLessThanOrEqual(TRUTH.sensitiveGrowthRate);
  expect(upper).toBeGreaterThanOrEqual(TRUTH.sensitiveGrowthRate);
  const wide = await saved(page, 'export-wide-csv');
  expect(wide).toMatch(
    /# fitted sensitiveGrowthRate = 0\.\d+ \(standard error [\d.e-]+; 95 % interval [\d.]+ to [\d.]+\) from synthetic\.csv/,
  );
  const file = JSON.parse(await saved(page, 'export-json'));
  expect(file.measurements.file).toBe('synthetic.csv');
  expect(file.measurements.rows).toHaveLength(20);
  expect(file.measurements.rows[0].sd).toBeGreaterThan(0);
  expect(file.fit.factors.map((f: { name: string }) => f.name)).toEqual(['sensitiveGrowthRate', 'tCellKillRate']);
  expect(file.fit.factors[1].profile.upper).toBeGreaterThan(file.fit.factors[1].estimate);
  expect(file.fit.goodness.points).toBe(20);
  expect(file.fit.link).toContain('arm=Atezo');

  // apply: the scenario takes the fitted values in one step; Undo brings the defaults back
  await page.getByTestId('fit-apply').click();
  await expect(page.getByTestId('charts-changed')).toContainText('sensitiveGrowthRate = 0.4');
  await expect(page.getByTestId('charts-changed')).toContainText('tCellKillRate');
  await expect(page.getByTestId('fit-apply-note')).toContainText('Applied: sensitiveGrowthRate =');
  await expect(page).toHaveURL(/p\.sensitiveGrowthRate=0\.[34]/);
  // the curves are now the scenario's own: the dashed overlay goes
  await expect(volume.locator('path[data-series="tumourVolume.fit"]')).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('charts-changed')).toHaveCount(0);
  await expect(page).not.toHaveURL(/p\.sensitiveGrowthRate/);
  // back on the scenario fitted, its fitted curves are drawn again; removing the measurements removes them at once
  await expect(volume.locator('path[data-series="tumourVolume.fit"]')).toHaveCount(2);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('chart-volume').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('fit-curves-390.png') });
  await page.getByTestId('measurements-clear').click();
  await expect(volume.locator('path[data-series="tumourVolume.fit"]')).toHaveCount(0);
  await page.getByTestId('chart-volume').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('fit-cleared-390.png') });
  await page.setViewportSize({ width: 1280, height: 1100 });
  await expect(page.getByTestId('fit-panel')).toHaveCount(0);
  const after = (await saved(page, 'export-csv')).trim().split('\r\n');
  expect(after.filter((r) => r.split(',')[8] !== 'model')).toEqual([after[0]]);
  expect(errors).toEqual([]);
});

test("a researcher fits the osimertinib start day to measurements of the treated arm: the start is bounded by the schedule, recovered to within 0.1 day with the fit's own interval, and applied to the schedule in one undoable step", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  const link = 's=lung-egfr&h=28&dt=0.5&arm=Control&arm=Osi*osi:5@7-28/1';
  // measurements made with the drug started on day 4 (the link says day 7), 2.3 % noise
  const scenario = decodeScenario(link).scenario;
  const v = parseVariable('osi.start');
  if ('error' in v) throw new Error(v.error);
  const truth = simulate(valuesScenario(scenario, [{ variable: v, range: defaultRange(scenario, v) }], [4]));
  const random = createRandom(3);
  const lines = ['day,arm,value'];
  for (let day = 2; day <= 20; day += 2)
    lines.push(
      `${day},Osi,${(valueAt(truth.arms[1].t, truth.arms[1].series.tumourVolume, day) * 10 ** (0.01 * random.normal())).toPrecision(6)}`,
    );
  // the same fit outside the page, on the measured arm alone as the panel sends it: what the page must show, to the
  // optimiser's tolerance (whether one noise draw's 95 % interval covers the truth is a property of many draws,
  // checked over five in toolkit-fit-panel.test.ts)
  const start = fitVariable('osi.start');
  if (!start) throw new Error('osi.start');
  const documented = fitIdRange(scenario, 'osi.start');
  const expected = fitWithCurves({
    scenario: { ...scenario, arms: [{ ...scenario.arms[1], hidden: false }] },
    factors: [{ variable: start, range: { min: 0, max: 14, unit: documented.unit, log: false } }],
    fitFactors: [{ name: 'osi.start', min: 0, max: 14, log: false, start: 7 }],
    data: lines.slice(1).map((l) => {
      const [day, , value] = l.split(',');
      return { armIndex: 0, series: 'tumourVolume', day: Number(day), value: Number(value) };
    }),
    scale: 'log',
  }).fit.factors[0];
  expect(Math.abs(expected.estimate - 4)).toBeLessThan(0.1);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 1000 });
    await openApp(page, `/?${link}&lang=en`);
    await page.getByTestId('measurements').scrollIntoViewIfNeeded();
    await page.getByTestId('measurements-file').setInputFiles({
      name: 'osi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n'), 'utf8'),
    });
    await expect(page.getByTestId('measurements-status')).toContainText('osi.csv: 10 measurements shown');
    // the schedules of the measured arm are offered beside the parameters
    await page.getByTestId('fit-add').selectOption('osi.start');
    await expect(page.getByTestId('fit-row-osi.start')).toContainText('(days)');
    await expect(page.getByTestId('fit-start-osi.start')).toHaveValue('7');
    // a start past the horizon is outside what keeps the schedule valid
    await page.getByTestId('fit-max-osi.start').fill('40');
    await page.getByTestId('fit-run').click();
    await expect(page.getByTestId('fit-error-max-osi.start')).toBeVisible();
    await page.getByTestId('fit-max-osi.start').fill('14');
    await page.getByTestId('fit-run').click();
    await expect(page.getByTestId('fit-status')).toContainText('Fitted:', { timeout: 120_000 });
    const row = page.getByTestId('fit-result-osi.start');
    const [estimate, lower, upper] = await Promise.all(
      ['data-estimate', 'data-lower', 'data-upper'].map(async (a) => Number(await row.getAttribute(a))),
    );
    expect(estimate).toBeCloseTo(expected.estimate, 3);
    expect(lower).toBeCloseTo(expected.lower, 3);
    expect(upper).toBeCloseTo(expected.upper, 3);
    expect(Math.abs(estimate - 4)).toBeLessThan(0.1);
    expect(lower).toBeLessThan(estimate);
    expect(upper).toBeGreaterThan(estimate);
    expect(upper - lower).toBeLessThan(0.5);
    // the address shares the fit's factor (not the data)
    expect(new URL(page.url()).search).toContain('&tool=fit&tool.f=osi.start&');
    await page.getByTestId('fit-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`fit-start-day-${width}.png`) });
  }
  // applied: the schedule starts on the fitted day, its 21-day window kept; Undo restores day 7
  await page.getByTestId('fit-apply').click();
  await expect(page).toHaveURL(/osi:5@4\.\d+-25\.\d+\/1/);
  await page.getByTestId('undo').click();
  await expect(page).toHaveURL(/osi:5@7-28\/1/);
  expect(errors).toEqual([]);
});
