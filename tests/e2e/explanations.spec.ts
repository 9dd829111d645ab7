import { expect, type Page, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers';

const TEXT = {
  en: {
    question: 'Why does NRF2 barely change an untreated tumour?',
    answer: 'untreated NRF2-high and NRF2-low tumours end up almost the same size on day 28',
  },
  ja: {
    question: 'NRF2 が無治療の腫瘍をほとんど変えないのはなぜ？',
    answer: '無治療の NRF2 高活性と低活性の腫瘍は、28 日目にほぼ同じ大きさになります',
  },
} as const;

/** Opens the controls where they are a drawer (phone); elsewhere they are on screen already. */
async function showControls(page: Page): Promise<void> {
  const toggle = page.getByTestId('drawer-toggle');
  if ((await toggle.count()) > 0 && !(await page.getByTestId('control-panel').isVisible())) await toggle.click();
  await expect(page.getByTestId('control-panel')).toBeVisible();
}

for (const [width, height, lang] of [
  [1280, 720, 'en'],
  [1280, 720, 'ja'],
  [390, 844, 'en'],
] as const) {
  test(`the NRF2 preset and lesson step say why NRF2 barely changes an untreated tumour (${width} wide, ${lang})`, async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.setViewportSize({ width, height });
    await openApp(page, `/?lang=${lang}`);
    const text = TEXT[lang];

    // under the preset's summary: a "?" disclosure, opened by keyboard
    await showControls(page);
    const preset = page.getByTestId('preset-explain-nrf2-atezo-bev-nrf2Untreated');
    await expect(preset.locator('summary')).toHaveText(`?${text.question}`);
    await expect(preset.locator('p')).toBeHidden();
    await preset.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(preset.locator('p')).toBeVisible();
    await expect(preset.locator('p')).toContainText(text.answer);
    await preset.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`nrf2-explain-preset-${width}-${lang}.png`) });
    // no other preset has it
    await expect(page.locator('[data-testid^="preset-explain-"] details')).toHaveCount(1);
    const close = page.getByTestId('drawer-close');
    if ((await close.count()) > 0 && (await close.isVisible())) await close.click();

    // the lesson's second step, where the NRF2-high tumours come beside the NRF2-low ones
    await page.getByTestId('lessons').locator('summary').click();
    await page.getByTestId('lesson-nrf2').click();
    await expect(page.getByTestId('lesson-explain')).toHaveCount(0);
    await page.getByTestId('lesson-next').click();
    await expect(page.getByTestId('lesson')).toHaveAttribute('data-step', '2');
    const step = page.getByTestId('lesson-explain-nrf2Untreated');
    await step.locator('summary').click();
    await expect(step.locator('p')).toContainText(text.answer);
    await step.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`nrf2-explain-lesson-${width}-${lang}.png`) });
    await page.getByTestId('lesson-next').click();
    await expect(page.getByTestId('lesson-explain')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}
