import { expect, type Page, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers';

/** Whether the focused element is inside the element with this test id. */
async function focusInside(page: Page, testId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const box = document.querySelector(`[data-testid="${id}"]`);
    return !!box && !!document.activeElement && box.contains(document.activeElement);
  }, testId);
}

test('the keyboard help is a modal dialog: Tab stays in it, Esc and the backdrop close it, focus returns', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  const opener = page.getByTestId('help-open');
  await opener.click();
  const help = page.getByTestId('help-overlay');
  await expect(help).toBeVisible();
  expect(await help.evaluate((el) => el.tagName === 'DIALOG' && el.matches(':modal'))).toBe(true);
  await page.screenshot({ path: test.info().outputPath('help-dialog-1280x720.png') });
  // Tab and Shift+Tab never leave the dialog
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await focusInside(page, 'help-overlay')).toBe(true);
  }
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await focusInside(page, 'help-overlay')).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await expect(opener).toBeFocused();

  // a click on the backdrop (outside the dialog's box) closes it, and the focus goes back to the opener
  await opener.click();
  await expect(help).toBeVisible();
  await page.mouse.click(8, 700);
  await expect(help).toHaveCount(0);
  await expect(opener).toBeFocused();
  // a click inside it does not
  await opener.click();
  await help.locator('h2').click();
  await expect(help).toBeVisible();
  await help.getByRole('button').click();
  await expect(help).toHaveCount(0);
  await expect(opener).toBeFocused();
  expect(errors).toEqual([]);
});

test('the QR panel is a modal dialog: Esc, the backdrop, a language switch and presenter mode close it', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  const opener = page.getByTestId('qr-toggle');
  const panel = page.getByTestId('qr-panel');
  await opener.click();
  await expect(page.getByTestId('qr')).toBeVisible();
  expect(await panel.evaluate((el) => el.tagName === 'DIALOG' && el.matches(':modal'))).toBe(true);
  await page.screenshot({ path: test.info().outputPath('qr-dialog-1280x720.png') });
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await focusInside(page, 'qr-panel')).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(opener).toBeFocused();

  await opener.click();
  await expect(panel).toBeVisible();
  await page.mouse.click(8, 700);
  await expect(panel).toHaveCount(0);
  await expect(opener).toBeFocused();

  // a language switch closes it (the page behind is inert while it is open, so switch as the store would)
  await opener.click();
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('language').selectOption('ja');
  await opener.click();
  await expect(panel).toBeVisible();
  await page.evaluate(() => {
    const select = document.querySelector<HTMLSelectElement>('[data-testid="language"]');
    if (!select) throw new Error('no language menu');
    select.value = 'en';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(panel).toHaveCount(0);

  // presenter mode (F, which works while the panel is open) closes it
  await opener.click();
  await expect(panel).toBeVisible();
  await panel.getByRole('button').focus();
  await page.keyboard.press('f');
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await expect(panel).toHaveCount(0);
  expect(errors).toEqual([]);
});
