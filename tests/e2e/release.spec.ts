/**
 * Releases never break an open tab. Two builds (releases e2e-a and e2e-b, different files) are served in turn by a
 * small static server whose folder the test swaps, as a deployment replaces the files: the tab opened on release A
 * keeps working after the server only has B (its export chunk comes from the service worker's cache), the new
 * service worker waits, the page offers "A new version is ready — reload", and the reload keeps the scenario. A
 * chunk that cannot be loaded at all offers the reload too, and storage quota that stops the offline copy is told.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';

const OUT = resolve('node_modules/.cache/timescape-e2e-releases');
const RELEASES = ['e2e-a', 'e2e-b'] as const;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

let root = '';
let server: Server;
let base = '';

test.describe.configure({ mode: 'serial', timeout: 120_000 });
test.use({ serviceWorkers: 'allow' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  for (const release of RELEASES) {
    execFileSync('npx', ['vite', 'build', '--outDir', join(OUT, release), '--emptyOutDir', '--logLevel', 'warn'], {
      env: { ...process.env, TIMESCAPE_RELEASE: release },
      stdio: 'pipe',
    });
  }
  // a static host: the files of the current folder, index.html for any other path (a shared link), no caching
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
      if (path.startsWith('/assets/') || path.endsWith('.js')) {
        response.writeHead(404).end();
        return;
      }
      file = join(root, 'index.html');
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function controlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    }
  });
}

async function ready(page: Page): Promise<void> {
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
}

test('a new release waits: the open tab keeps its chunks, offers "A new version is ready — reload", and the reload keeps the scenario', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  root = join(OUT, 'e2e-a');
  await page.goto(`${base}/?s=hcc-mouse&nrf2=0.37&arm=Control&arm=Atezo*atz:10@7-20/3`);
  await ready(page);
  await controlled(page);
  expect(await page.evaluate(() => document.documentElement.dataset.release)).toBe('e2e-a');

  // the deployment replaces the files: release A's export chunk is gone from the server
  root = join(OUT, 'e2e-b');
  const exportA = readFileSync(join(OUT, 'e2e-a', 'index.html'), 'utf8');
  expect(exportA).not.toBe(readFileSync(join(OUT, 'e2e-b', 'index.html'), 'utf8'));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await expect(page.getByTestId('release-notice')).toHaveAttribute('data-kind', 'update', { timeout: 30_000 });
  await expect(page.getByTestId('release-notice')).toContainText('A new version is ready');
  // the new worker waits: the page is still release A, controlled by A's worker
  expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(
    true,
  );

  // the old tab's first export loads release A's export chunk, which only the service worker still has
  const download = page.waitForEvent('download');
  await page.getByTestId('export-svg').click();
  const svg = readFileSync(await (await download).path(), 'utf8');
  expect(svg).toContain('data-release="e2e-a"');

  await page.getByTestId('release-reload').click();
  await page.waitForFunction(() => document.documentElement.dataset.release === 'e2e-b', null, { timeout: 30_000 });
  await ready(page);
  await expect(page).toHaveURL(/[?&]nrf2=0\.37(&|$)/);
  await expect(page.getByTestId('arm-row')).toHaveCount(2);
  await expect(page.getByTestId('release-notice')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test.describe('without a service worker', () => {
  // the service worker would answer from its copy; this is a tab whose chunk is gone for good
  test.use({ serviceWorkers: 'block' });
  test('a chunk that cannot be loaded (dynamic import failure) offers the reload', async ({ page }) => {
    root = join(OUT, 'e2e-b');
    await page.route('**/assets/export-*.js', (route) => route.abort());
    await page.goto(`${base}/?s=hcc-mouse`);
    await ready(page);
    await page.getByTestId('export-svg').click();
    await expect(page.getByTestId('release-notice')).toHaveAttribute('data-kind', 'chunk');
    await expect(page.getByTestId('release-notice')).toContainText('Part of the app could not be loaded');
    await expect(page.getByTestId('release-reload')).toBeVisible();
  });
});

test('storage quota that stops the offline copy is told to the user', async ({ page, context }) => {
  root = join(OUT, 'e2e-a');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: base, quotaSize: 1000 });
  await page.goto(`${base}/?s=hcc-mouse`);
  await ready(page);
  await expect(page.getByTestId('offline-unavailable')).toContainText('could not be saved for offline use', {
    timeout: 30_000,
  });
});
