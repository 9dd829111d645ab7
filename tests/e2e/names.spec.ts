/**
 * Arm names from links are plain visible text: a name with a NUL exports as well-formed SVG and as a PNG, direction
 * overrides are removed with a notice (in Japanese too), an invisible name is refused in the rename form, and for
 * random Unicode names (seeded) the name the codec accepts goes through the exporter's serialiser into XML that
 * parses back to the same text.
 */
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import fc from 'fast-check';
import { decodeScenario } from '../../src/scenario/codec';
import { openApp } from './helpers';

async function save(page: Page, testId: string): Promise<{ name: string; data: Buffer }> {
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await download;
  return { name: file.suggestedFilename(), data: await readFile(await file.path()) };
}

test('a link with a NUL in a name exports well-formed SVG and a PNG, and says what it removed', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await openApp(page, '/?s=hcc-mouse&arm=A%00B&arm=ok');
  await expect(page.getByTestId('link-notice')).toContainText("Arm 1's name held control or text-direction characters");
  const svg = await save(page, 'export-svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      legend: [...doc.querySelectorAll('g.legend text')].map((t) => t.textContent),
    };
  }, svg.data.toString('utf8'));
  expect(parsed.error).toBeNull();
  expect(parsed.legend).toEqual(['AB', 'ok']);
  const png = await save(page, 'export-png');
  expect(png.data.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(errors).toEqual([]);
});

test('a right-to-left override is removed with a notice in Japanese; an invisible name is refused when renaming', async ({
  page,
}) => {
  await openApp(page, `/?s=hcc-mouse&lang=ja&arm=${encodeURIComponent('\u202elortnoC')}&arm=ok`);
  await expect(page.getByTestId('link-notice')).toContainText('群 1 の名前に制御文字');
  await expect(page.getByTestId('arm-select-0')).toContainText('lortnoC');
  await page.getByTestId('arm-select-1').click();
  await page.getByTestId('arm-rename').click();
  await page.getByTestId('arm-name-input-1').fill('\u200b\u200d');
  await page.getByTestId('arm-name-input-1').press('Enter');
  await expect(page.getByTestId('arm-name-error-1')).toHaveText('名前には目に見える文字が少なくとも1つ必要です。');
  await expect(page.getByTestId('arm-select-1')).toContainText('ok');
});

test('random Unicode names (seeded): the accepted name serialises into XML that parses back to the same text', async ({
  page,
}) => {
  await openApp(page, '/?s=hcc-mouse');
  const raw = fc.sample(
    fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 12 })),
    { numRuns: 500, seed: 12 },
  );
  const names = raw.map((r) => decodeScenario(new URLSearchParams([['arm', r]]).toString()).scenario.arms[0].name);
  const broken = await page.evaluate((list) => {
    const bad: string[] = [];
    for (const name of list) {
      // what chartToSvg does with a legend entry: textContent, then XMLSerializer
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      text.textContent = name;
      svg.append(text);
      const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
      const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
      if (doc.querySelector('parsererror') || doc.querySelector('text')?.textContent !== name) bad.push(name);
    }
    return bad;
  }, names);
  expect(broken).toEqual([]);
});
