import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers';

/** The figures the app must show: the data file written by `npm run -s robustness -- --write`. */
const data = JSON.parse(readFileSync(new URL('../../src/scenario/claim-robustness.json', import.meta.url), 'utf8')) as {
  draws: number;
  claims: { id: string; preset: string; fraction: number; text: { en: string; ja: string } }[];
};

test('each preset shows in how many plausible parameter sets its claims hold, in English and Japanese', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);
  const claims = data.claims.filter((c) => c.preset === 'neat1-cd24');
  expect(claims.length).toBeGreaterThan(0);
  const box = page.getByTestId('claims-neat1-cd24');
  await box.locator('summary').click();
  await expect(box.locator('summary')).toHaveText(`Its claims over ${data.draws} plausible parameter sets`);
  for (const c of claims) {
    const item = page.getByTestId(`claim-neat1-cd24-${c.id}`);
    await expect(item).toContainText(c.text.en);
    await expect(item.locator('.claim-holds')).toHaveText(
      `holds in ${Math.round(100 * c.fraction)} % of plausible parameter sets`,
    );
  }
  await page.screenshot({ path: test.info().outputPath('claims-en.png') });

  await page.getByTestId('language').selectOption('ja');
  const first = claims[0];
  const item = page.getByTestId(`claim-neat1-cd24-${first.id}`);
  await expect(item).toContainText(first.text.ja);
  await expect(item.locator('.claim-holds')).toHaveText(
    `妥当なパラメータ集合の ${Math.round(100 * first.fraction)} % で成り立つ`,
  );
  // every preset with claims in the data file has its list, and a preset without claims has none
  for (const preset of new Set(data.claims.map((c) => c.preset))) {
    await expect(page.getByTestId(`claims-${preset}`)).toHaveCount(1);
  }
  await expect(page.getByTestId('claims-imbrave150')).toHaveCount(0);
  expect(errors).toEqual([]);
});
