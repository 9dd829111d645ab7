import { expect, type Page } from '@playwright/test';

/** Collects console errors and page errors; assert it is empty at the end of a test. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/** Open the app and wait for the first result to be drawn. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  await expect(page.locator('[data-testid="svg-volume"] path.line').first()).toHaveAttribute('d', /^M/);
}

/** Path data of the tumour-volume lines, one string per line. */
export async function volumePaths(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="svg-volume"] path.line')
    .evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));
}

/** Path data of every chart line, for "something changed" checks. */
export async function allPaths(page: Page): Promise<string> {
  return page.locator('path.line').evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? '').join('|'));
}
