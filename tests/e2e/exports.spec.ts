import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { openApp } from './helpers';

async function save(page: Page, testId: string): Promise<{ name: string; data: Buffer }> {
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await download;
  return { name: file.suggestedFilename(), data: await readFile(await file.path()) };
}

/** The neat1-cd24 preset on a 1280 x 900 page, its result in and its five arms drawn in the chart `chart`. */
async function openNeat1(page: Page, chart: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  await page.getByTestId('preset-neat1-cd24').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
  await expect(page.locator(`[data-testid="svg-${chart}"] path.line`)).toHaveCount(5);
}

test('exports: chart SVG with legend and labels, 2x PNG, tidy CSV of all arms, scenario JSON, text summary', async ({
  page,
}) => {
  await openNeat1(page, 'volume');

  const svg = await save(page, 'export-svg');
  expect(svg.name).toMatch(/\.svg$/);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      title: doc.querySelector('text.title')?.textContent,
      legend: [...doc.querySelectorAll('g.legend text')].map((t) => t.textContent),
      lines: doc.querySelectorAll('path.line').length,
      styled: doc.querySelector('path.line')?.getAttribute('style') ?? '',
      axisLabels: [...doc.querySelectorAll('.axis-label')].map((t) => t.textContent),
      width: Number(doc.documentElement.getAttribute('width')),
    };
  }, svg.data.toString('utf8'));
  expect(parsed.error).toBeNull();
  expect(parsed.title).toBe('Tumour volume');
  expect(parsed.legend).toEqual([
    'NEAT1-low, untreated',
    'NEAT1-high, untreated',
    'NEAT1-high, anti-PD-1',
    'NEAT1-high, anti-CD24',
    'NEAT1-high, anti-PD-1 + anti-CD24',
  ]);
  expect(parsed.lines).toBe(5);
  expect(parsed.styled).toContain('stroke-width');
  expect(parsed.axisLabels).toEqual(['days', 'mm³']);

  const png = await save(page, 'export-png');
  expect(png.data.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(png.data.readUInt32BE(16)).toBe(parsed.width * 2); // IHDR width: twice the SVG's

  const csv = await save(page, 'export-csv');
  const rows = csv.data.toString('utf8').trim().split('\r\n');
  expect(rows[0]).toBe('arm,day,series,value,p5,p50,p95,changed_parameters,source,sd,n,se,lower,upper');
  // RFC 4180 fields: names with commas are quoted
  const fields = (row: string) =>
    [...row.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replaceAll('""', '"'));
  const parsedRows = rows.slice(1).map(fields);
  expect(new Set(parsedRows.map((r) => r[0]))).toEqual(new Set(parsed.legend));
  expect(new Set(parsedRows.map((r) => r[2]))).toContain('tumourVolume');
  const bad = parsedRows.filter(
    (r) => r.length < 4 || !Number.isFinite(Number(r[1])) || r[3] === '' || Number.isNaN(Number(r[3])),
  );
  expect(bad.slice(0, 3)).toEqual([]);

  const json = JSON.parse((await save(page, 'export-json')).data.toString('utf8'));
  expect(json.format).toBe('timescape-scenario');
  expect(json.scenario.arms).toHaveLength(5);
  expect(json.link).toContain('&arm=');

  const text = (await save(page, 'export-text')).data.toString('utf8');
  expect(text).toContain('Tumour volume (mm³)');
  expect(text).toMatch(/NEAT1-low, untreated: .* at the start/);
  await expect(page.getByTestId('export-status')).toContainText('Saved');
});

test('exports: the SBML model of the chosen arm, named after it, with its doses as events', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('preset-neat1-cd24').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
  await page.getByTestId('export-sbml-arm').selectOption({ label: 'NEAT1-high, anti-CD24' });
  const sbml = await save(page, 'export-sbml');
  expect(sbml.name).toMatch(/^timescape-arm4-\d{4}-\d{2}-\d{2}\.xml$/);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const model = doc.querySelector('model');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      level: doc.documentElement.getAttribute('level'),
      version: doc.documentElement.getAttribute('version'),
      name: model?.getAttribute('name'),
      doses: [...doc.querySelectorAll('event eventAssignment[variable="drug_antiCD24"]')].length,
    };
  }, sbml.data.toString('utf8'));
  expect(parsed).toEqual({
    error: null,
    level: '3',
    version: '2',
    name: 'TIMEscape: NEAT1-high, anti-CD24 (hcc-mouse)',
    doses: 3,
  });
  await expect(page.getByTestId('export-status')).toContainText('timescape-arm4-');
  await page.getByTestId('exports').screenshot({ path: test.info().outputPath('exports-sbml.png') });
});

test('a chart below the fold is exported as it follows the last change, not as it was a moment before', async ({
  page,
}) => {
  await openNeat1(page, 'cd8');
  await page.getByTestId('export-chart').selectOption('cd8');
  // the exports in view, the charts above the fold's top: they follow a change only once it has paused
  await page.getByTestId('export-svg').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('chart-cd8')).not.toBeInViewport();
  await page.waitForTimeout(300);
  const download = page.waitForEvent('download');
  // hide the first arm, and export as soon as the new result is in (DOM clicks: nothing scrolls)
  const behind = await page.evaluate(async () => {
    const status = document.querySelector('[data-testid="status"]');
    document.querySelector<HTMLButtonElement>('[data-testid="arm-hide-0"]')?.click();
    await new Promise<void>((resolve) => {
      const ready = () => status?.getAttribute('data-status') === 'ready';
      const observer = new MutationObserver(() => {
        if (!ready()) return;
        observer.disconnect();
        resolve();
      });
      if (status) observer.observe(status, { attributes: true, attributeFilter: ['data-status'] });
    });
    const figure = document.querySelector('[data-testid="chart-cd8"]');
    const pending = figure?.matches('[data-stale], [data-draw-pending]') ?? false;
    document.querySelector<HTMLButtonElement>('[data-testid="export-svg"]')?.click();
    return pending;
  });
  expect(behind).toBe(true);
  const file = await download;
  const text = (await readFile(await file.path())).toString('utf8');
  const lines = await page.evaluate(
    (t) => new DOMParser().parseFromString(t, 'image/svg+xml').querySelectorAll('path.line').length,
    text,
  );
  expect(lines).toBe(4);
});
