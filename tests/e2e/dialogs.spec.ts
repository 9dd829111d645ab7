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

for (const screen of [
  { name: 'phone 390×844', width: 390, height: 844, presenter: false },
  { name: 'presenter 1280×720', width: 1280, height: 720, presenter: true },
]) {
  test(`${screen.name}: the controls drawer is a modal dialog (Tab stays in it, the page behind is inert, Esc and the scrim close it, focus returns)`, async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await openApp(page);
    if (screen.presenter) await page.getByTestId('presenter-toggle').click();
    const toggle = page.getByTestId('drawer-toggle');
    const panel = page.getByTestId('control-panel');
    await toggle.click();
    await expect(panel).toBeVisible();
    await expect(panel).toHaveAttribute('role', 'dialog');
    await expect(panel).toHaveAttribute('aria-modal', 'true');
    await expect(page.getByTestId('drawer-close')).toBeFocused();
    // the page behind: header and workspace are inert, so nothing in them takes the focus
    for (const selector of ['header.app-header', 'main.workspace']) {
      expect(await page.locator(selector).evaluate((el) => (el as HTMLElement).inert)).toBe(true);
    }
    await page.getByTestId('play').evaluate((el) => (el as HTMLElement).focus());
    await expect(page.getByTestId('play')).not.toBeFocused();
    // Shift+Tab from the first control goes to the last one in the drawer; Tab from there back to the first
    await page.keyboard.press('Shift+Tab');
    expect(await focusInside(page, 'control-panel')).toBe(true);
    await expect(page.getByTestId('drawer-close')).not.toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('drawer-close')).toBeFocused();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInside(page, 'control-panel')).toBe(true);
    }
    await page.screenshot({ path: test.info().outputPath(`drawer-modal-${screen.width}x${screen.height}.png`) });
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(toggle).toBeFocused();
    expect(await page.locator('main.workspace').evaluate((el) => (el as HTMLElement).inert)).toBe(false);
    // the scrim (the page beside the drawer) closes it too
    await toggle.click();
    await expect(panel).toBeVisible();
    await page.mouse.click(screen.width - 10, screen.height / 2);
    await expect(panel).toBeHidden();
    await expect(toggle).toBeFocused();
    expect(errors).toEqual([]);
  });
}

test.describe('Japanese', () => {
  test.use({ locale: 'ja-JP' });
  test('the Japanese keyboard help at 1280×720 fits the screen, reads at >= 14 px and scrolls inside itself', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await page.getByTestId('help-open').click();
    const help = page.getByTestId('help-overlay');
    await expect(help).toBeVisible();
    const box = await help.boundingBox();
    if (!box) throw new Error('no help box');
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(720);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    // the smallest text in the dialog
    const smallest = await help.evaluate((el) => {
      let min = Number.POSITIVE_INFINITY;
      for (const node of el.querySelectorAll('*')) {
        const own = Array.from(node.childNodes).some((c) => c.nodeType === 3 && (c.textContent ?? '').trim() !== '');
        if (own) min = Math.min(min, Number.parseFloat(getComputedStyle(node).fontSize));
      }
      return min;
    });
    expect(smallest).toBeGreaterThanOrEqual(14);
    // it opens at its heading (not scrolled down to its one button), and Tab still stays inside
    await expect(help.locator('h2')).toBeInViewport();
    await page.screenshot({ path: test.info().outputPath('help-ja-1280x720-top.png') });
    await page.keyboard.press('Tab');
    expect(await focusInside(page, 'help-overlay')).toBe(true);
    // taller than its box: it scrolls inside the dialog, and the page behind does not move
    const scroll = await help.evaluate((el) => ({ height: el.scrollHeight, client: el.clientHeight }));
    if (scroll.height > scroll.client) {
      await help.hover();
      await page.mouse.wheel(0, 2000);
      await expect.poll(() => help.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
    }
    // its last line and its close button can be reached
    await help.getByRole('button').last().scrollIntoViewIfNeeded();
    await expect(help.getByRole('button').last()).toBeInViewport();
    await page.screenshot({ path: test.info().outputPath('help-ja-1280x720-bottom.png') });
    expect(errors).toEqual([]);
  });
});
