import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers';

/**
 * Content-Security-Policy and untrusted link text. The built index.html carries a strict policy (vite.config.ts); no
 * use of the app may break it. A link is data from anyone: whatever it holds must reach the page, the exported SVG
 * and the CSV as text, never as markup.
 */

/** Records every CSP violation the document reports, from before the app's first script runs. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
}

function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

async function save(page: Page, testId: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  return readFile(await (await download).path(), 'utf8');
}

test('the built page has a strict CSP, and using every view breaks none of it', async ({ page }) => {
  // every view in one page, a 20-patient trial among them (its own wait is up to 30 s): more than the default 30 s
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await watchViolations(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);

  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = new Map(
    (policy ?? '').split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );
  expect(directives.get('default-src')).toBe("'self'");
  expect(directives.get('script-src')).toBe("'self'");
  expect(directives.get('worker-src')).toBe("'self'");
  expect(directives.get('style-src')).toBe("'self'");
  expect(directives.get('img-src')).toBe("'self' data: blob:");
  expect(directives.get('connect-src')).toBe("'self'");
  expect(directives.get('object-src')).toBe("'none'");
  expect(directives.get('base-uri')).toBe("'self'");
  expect(directives.get('form-action')).toBe("'none'");
  expect(policy).not.toMatch(/unsafe-|\*/);
  // the policy comes before every script and style sheet, so it governs all of them
  expect(
    await page.evaluate(() => {
      const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
      return [...document.querySelectorAll('script, link[rel="stylesheet"]')].every(
        (el) => meta && meta.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
    }),
  ).toBe(true);
  // ...and the page has no inline script for it to allow
  expect(await page.locator('script:not([src])').count()).toBe(0);

  // Explorer: a slider, a treatment, an arm, a preset, the chart options
  await page.getByTestId('slider-nrf2').focus();
  await page.keyboard.press('End');
  await page.getByTestId('drug-atezolizumab').check();
  await page.getByTestId('arm-add').click();
  await page.getByTestId('preset-nrf2-atezo-bev').click();
  await page.getByTestId('compartments').selectOption('stacked');
  await page.getByTestId('log-scale').uncheck();
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');

  // Sharing: the QR code (an SVG) and the link box
  await page.getByTestId('qr-toggle').click();
  await expect(page.getByTestId('qr')).toBeVisible();
  // the share panel is a modal dialog (the page behind it is inert): Esc closes it
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('qr-panel')).toHaveCount(0);

  // Exports: the SVG and the PNG (the SVG drawn into a canvas through a blob: URL), CSV, JSON, text
  for (const id of ['export-svg', 'export-png', 'export-csv', 'export-json', 'export-text']) await save(page, id);

  // Presenter mode, the help overlay, a lesson, Japanese
  await page.getByTestId('presenter-toggle').click();
  await page.getByTestId('help-open').click();
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('presenter-toggle').click();
  await page.getByTestId('lessons').locator('summary').click();
  await page.getByTestId('lesson-nrf2').click();
  await page.getByTestId('lesson-next').click();
  await page.getByTestId('lesson-end').click();
  await page.getByTestId('language').selectOption('ja');
  await page.getByTestId('language').selectOption('en');

  // Virtual trial: run a small one
  await page.getByTestId('view-trial').click();
  await page.getByTestId('trial-use-preset').click();
  await page.getByTestId('trial-size').fill('20');
  await page.getByTestId('trial-size').blur();
  await page.getByTestId('trial-run').click();
  await expect(page.getByTestId('trial-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });

  // Phone: the drawer
  await page.getByTestId('view-explorer').click();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('drawer-toggle').click();
  await page.getByTestId('drawer-close').click();

  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('the policy is enforced: inline script and an inline handler injected into the page do not run', async ({
  page,
}) => {
  await watchViolations(page);
  await openApp(page);
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { __injected?: number };
    const script = document.createElement('script');
    script.textContent = 'window.__injected = 1';
    document.body.append(script);
    // an inline handler on an event that surely fires (a click): an image's onload did not fire for "data:," in
    // Chromium 150, so the handler was never tried and the policy had nothing to report
    const holder = document.createElement('div');
    holder.innerHTML = '<button type="button" onclick="window.__injected = 2">injected</button>';
    document.body.append(holder);
    (holder.firstElementChild as HTMLButtonElement).click();
    // eval is tried from a timer: code run by the test driver itself is exempt from the policy's eval check
    const w2 = window as unknown as { __evalRan?: boolean };
    setTimeout(() => {
      try {
        // biome-ignore lint/security/noGlobalEval: the test checks that the policy blocks eval
        eval('1');
        w2.__evalRan = true;
      } catch {
        w2.__evalRan = false;
      }
    }, 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    holder.remove();
    script.remove();
    return { injected: w.__injected ?? null, evalRan: w2.__evalRan ?? null };
  });
  expect(ran).toEqual({ injected: null, evalRan: false });
  const seen = await violations(page);
  // each attempt was reported: the inline <script>, the inline handler and eval
  expect(seen.some((v) => v.startsWith('script-src-elem blocked inline'))).toBe(true);
  expect(seen.some((v) => v.startsWith('script-src-attr blocked inline'))).toBe(true);
  expect(seen.some((v) => v.startsWith('script-src blocked eval'))).toBe(true);
});

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror=window.__xss=2>',
  '"><svg onload=window.__xss=3>',
] as const;

/** Every place a link puts text: arm names, an unknown key and its value, bad values of known keys and arm items. */
function craftedLink(): string {
  const e = encodeURIComponent;
  const [script, img, svg] = PAYLOADS;
  return (
    `/?v=1&s=hcc-patient&n=12&seed=1&${e(script)}=${e(img)}&h=${e(svg)}&lang=${e(img)}&comp=${e(script)}` +
    `&arm=${e(script)}&arm=${e(img)}*${e(svg)}*atz:${e(script)}*${e(img)}=1&arm=${e(svg)}*bev:10@7-20/3`
  );
}

/** Nothing the payloads could have made: no handler attribute, no image, no script without a src, no flag. */
async function expectNothingInjected(page: Page): Promise<void> {
  const found = await page.evaluate(() => ({
    flag: (window as unknown as { __xss?: number }).__xss ?? null,
    images: document.querySelectorAll('img').length,
    inlineScripts: document.querySelectorAll('script:not([src])').length,
    handlers: [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}[${a.name}]`),
    ),
    svgsWithHandlers: document.querySelectorAll('svg[onload]').length,
  }));
  expect(found).toEqual({ flag: null, images: 0, inlineScripts: 0, handlers: [], svgsWithHandlers: 0 });
}

test('a crafted link shows its script, image and svg payloads as text: page, notice, trial, SVG and CSV exports', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await watchViolations(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.addInitScript(() => {
    window.alert = () => {
      (window as unknown as { __xss: number }).__xss = -1;
    };
  });
  await openApp(page, craftedLink());
  const [script, img, svg] = PAYLOADS;

  // Arm names are shown as written, as text
  const names = page.getByTestId('arm-name');
  await expect(names).toHaveText([script, img, svg]);
  await expect(page.locator('[data-testid="svg-volume"] path.line')).toHaveCount(3);
  // The notice quotes the bad key, values and items as text
  const notice = page.getByTestId('link-notice');
  await expect(notice).toBeVisible();
  // (the notice quotes the first characters of a value)
  for (const payload of PAYLOADS) await expect(notice).toContainText(payload.slice(0, 18));
  await page.getByTestId('arm-select-1').click();
  await expect(page.getByTestId('treatments-arm')).toContainText(img);
  // the share panel: the QR code is drawn from the code's modules, the link is an input's value
  await page.getByTestId('qr-toggle').click();
  await expect(page.getByTestId('qr').locator('path')).toHaveAttribute('d', /^M4 4h1v1h-1z/);
  await expect(page.getByTestId('link-box')).toHaveValue(/arm=%3Cscript%3E/);
  await expectNothingInjected(page);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('qr-panel')).toHaveCount(0);

  // The exported SVG: a well-formed document whose legend holds the names as text nodes
  await page.getByTestId('export-chart').selectOption('volume');
  const svgText = await save(page, 'export-svg');
  // parsed in a blank page: a document parsed inside the app would be held to the app's policy (its style attributes)
  const blank = await page.context().newPage();
  const parsed = await blank.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      legend: [...doc.querySelectorAll('g.legend text')].map((t) => t.textContent),
      elements: [...new Set([...doc.querySelectorAll('*')].map((el) => el.localName))].sort(),
      handlers: [...doc.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name),
      ),
      foreign: [...doc.querySelectorAll('*')].filter((el) => el.namespaceURI !== 'http://www.w3.org/2000/svg').length,
    };
  }, svgText);
  await blank.close();
  expect(parsed.error).toBeNull();
  expect(parsed.legend).toEqual([script, img, svg]);
  expect(parsed.elements).not.toContain('script');
  expect(parsed.elements).not.toContain('img');
  expect(parsed.elements).not.toContain('foreignObject');
  expect(parsed.handlers).toEqual([]);
  expect(parsed.foreign).toBe(0);
  // the raw text has the markup characters escaped
  expect(svgText).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
  expect(svgText).not.toContain('<script');
  expect(svgText).not.toContain('<img');

  // The CSV: RFC 4180 fields that read back as the exact names
  const csv = await save(page, 'export-csv');
  const rows = csv.trim().split('\r\n');
  const first = (row: string) => {
    const m = /^("(?:[^"]|"")*"|[^,]*)/.exec(row)?.[1] ?? '';
    return m.startsWith('"') ? m.slice(1, -1).replaceAll('""', '"') : m;
  };
  expect(new Set(rows.slice(1).map(first))).toEqual(new Set([script, img, svg]));
  expect(rows.slice(1).every((row) => row.split(',').length >= 4)).toBe(true);

  // The virtual trial shows the names in its tables and charts, also as text
  await page.getByTestId('view-trial').click();
  await page.getByTestId('trial-run').click();
  await expect(page.getByTestId('trial-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('trial-table')).toContainText(script);
  await expect(page.getByTestId('trial-table')).toContainText(svg);
  await expectNothingInjected(page);

  // Japanese interface: the same names, still text
  await page.getByTestId('view-explorer').click();
  await page.getByTestId('language').selectOption('ja');
  await expect(page.getByTestId('arm-name')).toHaveText([script, img, svg]);
  await expectNothingInjected(page);
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the service worker registers and takes control under the policy', async ({ page }) => {
    const errors = collectErrors(page);
    await watchViolations(page);
    await openApp(page);
    const scope = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
      }
      return registration.scope;
    });
    expect(scope).toBe(new URL('/', page.url()).href);
    await page.reload();
    await openApp(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
