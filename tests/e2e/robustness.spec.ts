import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers';

interface Rate {
  holds: number;
  draws: number;
  fraction: number;
}

/** The figures the app must show: the data file written by `npm run -s robustness -- --write`. */
const data = JSON.parse(readFileSync(new URL('../../src/scenario/claim-robustness.json', import.meta.url), 'utf8')) as {
  draws: number;
  claims: (Rate & {
    id: string;
    preset: string;
    text: { en: string; ja: string };
    plausible: Rate & { filtered: boolean; settings: string[] };
  })[];
  criteria: { setting: string; day: number; target: number; low: number; high: number; source: string }[];
  acceptance: { setting: string; accepted: number; draws: number }[];
};

const pct = (x: number) => Math.round(100 * x);

async function openClaims(page: Page, preset: string) {
  const box = page.getByTestId(`claims-${preset}`);
  await box.scrollIntoViewIfNeeded();
  if ((await box.getAttribute('open')) === null) await box.locator('> summary').click();
  return box;
}

test('each preset shows its claims over the sets consistent with untreated graft growth and over all sets, with what that means, in English and Japanese', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page);

  // a mouse preset whose setting has a growth criterion: both figures, honestly labelled
  const claims = data.claims.filter((c) => c.preset === 'neat1-cd24');
  expect(claims.length).toBeGreaterThan(0);
  expect(claims.every((c) => c.plausible.filtered)).toBe(true);
  const box = await openClaims(page, 'neat1-cd24');
  await expect(box.locator('> summary')).toHaveText(`Its claims over ${data.draws} drawn parameter sets`);
  for (const c of claims) {
    const item = page.getByTestId(`claim-neat1-cd24-${c.id}`);
    await expect(item).toContainText(c.text.en);
    await expect(item.locator('.claim-holds')).toHaveText(
      `holds in ${pct(c.plausible.fraction)} % of parameter sets consistent with untreated graft growth; ${pct(c.fraction)} % of all sets`,
    );
    await expect(item).toHaveAttribute(
      'title',
      new RegExp(`holds in ${c.plausible.holds} of ${c.plausible.draws} sets`),
    );
  }
  // what "consistent" means: the criterion of the setting, its acceptance and its source
  const explained = page.getByTestId('claims-neat1-cd24-explained');
  await explained.locator('summary').click();
  const [setting] = claims[0].plausible.settings;
  const criterion = data.criteria.find((k) => k.setting === setting);
  const accepted = data.acceptance.find((a) => a.setting === setting);
  expect(criterion && accepted).toBeTruthy();
  if (!criterion || !accepted) return;
  const shown = page.getByTestId(`criterion-neat1-cd24-${setting}`);
  await expect(shown).toContainText(`on day ${criterion.day}`);
  await expect(shown).toContainText(`${criterion.target} mm³ (accepted ${criterion.low}–${criterion.high} mm³)`);
  await expect(shown).toContainText(`${accepted.accepted} of the first ${accepted.draws} sets pass`);
  await expect(shown).toContainText(`Source: ${criterion.source}`);
  await expect(page.getByTestId('claims-neat1-cd24-no-criterion')).toHaveCount(0);
  await box.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('claims-en-1280.png') });

  // a patient preset: no growth criterion, and it says so
  const patient = data.claims.filter((c) => c.preset === 'keap1-nrf2-patients');
  expect(patient.length).toBeGreaterThan(0);
  expect(patient.some((c) => c.plausible.filtered)).toBe(false);
  await openClaims(page, 'keap1-nrf2-patients');
  for (const c of patient)
    await expect(page.getByTestId(`claim-keap1-nrf2-patients-${c.id}`).locator('.claim-holds')).toHaveText(
      `holds in ${pct(c.fraction)} % of all parameter sets (no growth criterion in this setting)`,
    );
  await page.getByTestId('claims-keap1-nrf2-patients-explained').locator('summary').click();
  await expect(page.getByTestId('claims-keap1-nrf2-patients-no-criterion')).toContainText(
    'This setting has no growth criterion',
  );

  await page.getByTestId('language').selectOption('ja');
  const first = claims[0];
  const item = page.getByTestId(`claim-neat1-cd24-${first.id}`);
  await expect(item).toContainText(first.text.ja);
  await expect(item.locator('.claim-holds')).toHaveText(
    `無治療の腫瘍増殖と整合するパラメータ集合の ${pct(first.plausible.fraction)} % で成り立つ（全集合では ${pct(first.fraction)} %）`,
  );
  await expect(shown).toContainText(`${criterion.day} 日目`);
  await expect(shown).toContainText('出典：');
  await expect(page.getByTestId(`claim-keap1-nrf2-patients-${patient[0].id}`).locator('.claim-holds')).toHaveText(
    `全パラメータ集合の ${pct(patient[0].fraction)} % で成り立つ（この設定には増殖の基準がない）`,
  );
  await expect(page.getByTestId('claims-keap1-nrf2-patients-no-criterion')).toContainText('増殖の基準がありません');
  await box.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('claims-ja-1280.png') });

  // every preset with claims in the data file has its list, and a preset without claims has none
  for (const preset of new Set(data.claims.map((c) => c.preset))) {
    await expect(page.getByTestId(`claims-${preset}`)).toHaveCount(1);
  }
  await expect(page.getByTestId('claims-imbrave150')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('on a phone the claims and their explanation fit the width', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await page.getByTestId('drawer-toggle').click();
  await expect(page.getByTestId('control-panel')).toBeVisible();
  const box = await openClaims(page, 'il6-pdl1');
  await page.getByTestId('claims-il6-pdl1-explained').locator('summary').click();
  await expect(page.getByTestId('criterion-il6-pdl1-crc-liver')).toBeVisible();
  const width = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(width.scroll).toBeLessThanOrEqual(width.client + 1);
  const bounds = await box.boundingBox();
  expect(bounds && bounds.x + bounds.width).toBeLessThanOrEqual(390);
  await page.getByTestId('claim-il6-pdl1-S5.2').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('claims-en-390.png') });
  await page.getByTestId('criterion-il6-pdl1-crc-liver').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('claims-explained-en-390.png') });
  expect(errors).toEqual([]);
});
