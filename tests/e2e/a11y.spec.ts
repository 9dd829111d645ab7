import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers';

/**
 * Accessibility: an axe-core audit of every view (WCAG 2.0-2.2 A and AA rules and axe's best practices, colour
 * contrast included), failing on any serious or critical violation and printing the rest; the main tasks done with
 * the keyboard alone, with a visible focus ring at every stop; every control named, in both languages.
 */

// an audit of the explorer (eight charts, a few thousand nodes) takes seconds on a small machine
test.describe.configure({ timeout: 90_000 });

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function describeViolation(v: Violation): string {
  const targets = v.nodes
    .slice(0, 4)
    .map((n) => n.target.join(' '))
    .join(' | ');
  return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length}×: ${targets})`;
}

/** Audits the page as it is now; prints every violation and returns the serious and critical ones. */
async function audit(page: Page, view: string): Promise<string[]> {
  const start = Date.now();
  const { violations, passes, incomplete } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const lines = violations.map(describeViolation);
  const summary = violations.length === 0 ? 'no violations' : `\n  ${lines.join('\n  ')}`;
  const contrast = passes.find((r) => r.id === 'color-contrast')?.nodes.length ?? 0;
  const undecided = incomplete.find((r) => r.id === 'color-contrast')?.nodes.length ?? 0;
  console.log(
    `axe, ${view} (${passes.length} rules passed; colour contrast: ${contrast} texts pass, ${undecided} for a person ` +
      `to judge; ${Date.now() - start} ms): ${summary}`,
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map(describeViolation);
}

async function desktop(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await page.getByTestId('preset-nrf2-atezo-bev').click();
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
}

test('axe: explorer, and its share panel with the QR code', async ({ page }) => {
  await desktop(page);
  const found = await audit(page, 'explorer');
  await page.getByTestId('qr-toggle').click();
  await expect(page.getByTestId('qr')).toBeVisible();
  found.push(...(await audit(page, 'share panel with QR code')));
  expect(found).toEqual([]);
});

test('axe: presenter mode (its colour contrast included) and the help overlay', async ({ page }) => {
  await desktop(page);
  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).toHaveClass(/presenter/);
  const found = await audit(page, 'presenter mode');
  await page.getByTestId('help-open').click();
  await expect(page.getByTestId('help-overlay')).toBeVisible();
  found.push(...(await audit(page, 'help overlay')));
  expect(found).toEqual([]);
});

/**
 * What axe leaves to a person in presenter mode: text drawn in SVG (axis ticks and titles over the chart, the
 * diagram's labels over their node boxes). Each is measured against what is behind it: its node box's fill, or the
 * first opaque background of its ancestors.
 */
async function svgTextContrast(page: Page, selector: string, view: string): Promise<string[]> {
  const measured = await page.evaluate((selector) => {
    const rgb = (c: string): [number, number, number, number] => {
      const m = c.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 0];
      return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (v: number) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const ratio = (a: number[], b: number[]) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const background = (el: Element): number[] => {
      // a node's label sits on its box; the 'blocked' note below the box sits on the panel
      const box = el.classList.contains('label') ? el.closest('g.node')?.querySelector('rect.box') : null;
      if (box) return rgb(getComputedStyle(box).fill);
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c[3] === 1) return c;
      }
      return [255, 255, 255, 1];
    };
    const texts = [...document.querySelectorAll(selector)].filter(
      (t) => (t as SVGTextElement).getBBox().width > 0 && getComputedStyle(t).visibility !== 'hidden',
    );
    return texts.map((t) => {
      const style = getComputedStyle(t);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      return {
        text: `${t.getAttribute('class') ?? 'tick'} "${t.textContent}" ${size}px`,
        ratio: ratio(rgb(style.fill), background(t)),
        needed: large ? 3 : 4.5,
      };
    });
  }, selector);
  const min = Math.min(...measured.map((m) => m.ratio));
  console.log(`SVG text, ${view}: ${measured.length} texts, lowest contrast ${min.toFixed(2)}:1`);
  expect(measured.length).toBeGreaterThan(50);
  return measured.filter((m) => m.ratio < m.needed).map((m) => `${m.text}: ${m.ratio.toFixed(2)}:1`);
}

test('presenter mode: chart and diagram text contrast (SVG text axe cannot judge)', async ({ page }) => {
  await desktop(page);
  await page.getByTestId('presenter-toggle').click();
  await expect(page.locator('html')).toHaveClass(/presenter/);
  await page.getByTestId('mechanism').scrollIntoViewIfNeeded();
  const selector = '#charts svg text, [data-testid="mechanism"] svg text';
  expect(await svgTextContrast(page, selector, 'explorer, presenter mode')).toEqual([]);
});

test('axe: a lesson open, in Japanese', async ({ page }) => {
  await desktop(page);
  await page.getByTestId('language').selectOption('ja');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.getByTestId('lessons').locator('summary').click();
  await page.getByTestId('lesson-nrf2').click();
  await expect(page.getByTestId('lesson')).toBeVisible();
  expect(await audit(page, 'lesson open, Japanese')).toEqual([]);
});

test('axe: virtual trial with results, in English, in Japanese and in presenter mode', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await page.getByTestId('view-trial').click();
  await page.getByTestId('trial-use-preset').click();
  await page.getByTestId('trial-size').fill('20');
  await page.getByTestId('trial-size').blur();
  await page.getByTestId('trial-run').click();
  await expect(page.getByTestId('trial-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  const found = await audit(page, 'virtual trial with results');
  await page.getByTestId('language').selectOption('ja');
  found.push(...(await audit(page, 'virtual trial with results, Japanese')));
  await page.getByTestId('presenter-toggle').click();
  found.push(...(await audit(page, 'virtual trial with results, presenter mode')));
  found.push(...(await svgTextContrast(page, '[data-testid="trial-view"] svg text', 'trial, presenter mode')));
  expect(found).toEqual([]);
});

test('axe: phone layout, controls drawer closed and open', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  const found = await audit(page, 'phone');
  await page.getByTestId('drawer-toggle').click();
  await expect(page.getByTestId('control-panel')).toBeVisible();
  found.push(...(await audit(page, 'phone, controls drawer open')));
  expect(found).toEqual([]);
});

/** How the focused element shows its focus: its outline, or for a chart node the stroke of its box. */
async function focusRing(page: Page): Promise<{ id: string; ring: string; visible: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | SVGElement | null;
    if (!el || el === document.body) return { id: 'body', ring: '', visible: false };
    const id = el.getAttribute('data-testid') ?? `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`;
    const style = getComputedStyle(el);
    const width = Number.parseFloat(style.outlineWidth);
    if (style.outlineStyle !== 'none' && width >= 2) {
      // the orange outline has a dark ring inside it, so that the pair stands out on light and dark backgrounds
      const dark = /rgb\(20, 32, 46\) 0px 0px 0px 2px/.test(style.boxShadow);
      return {
        id,
        ring: `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}, shadow ${style.boxShadow}`,
        visible: dark || el instanceof SVGElement,
      };
    }
    const box = el.querySelector('rect.box');
    if (box) {
      const boxStyle = getComputedStyle(box);
      const stroke = Number.parseFloat(boxStyle.strokeWidth);
      return { id, ring: `stroke ${boxStyle.strokeWidth} ${boxStyle.stroke}`, visible: stroke >= 3 };
    }
    return { id, ring: `outline ${style.outlineWidth} ${style.outlineStyle}`, visible: false };
  });
}

/** Presses Tab until the element with this test id has focus; checks the focus ring at every stop on the way. */
async function tabTo(page: Page, testId: string, rings: Map<string, string>, maxStops = 250): Promise<void> {
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const focus = await focusRing(page);
    expect(focus.visible, `focus ring of ${focus.id}: ${focus.ring}`).toBe(true);
    rings.set(focus.id, focus.ring);
    if (focus.id === testId) return;
  }
  throw new Error(`${testId} not reached in ${maxStops} Tab presses`);
}

test('keyboard only: move a slider, edit a treatment, add an arm, copy the link; focus visible at every stop', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  const rings = new Map<string, string>();

  // the skip links come first (to the charts, then to Play)
  await page.keyboard.press('Tab');
  await expect(page.locator('a.skip').first()).toBeFocused();

  // share bar: copy the link
  await tabTo(page, 'copy-link', rings);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('copy-status')).toHaveText(/Link copied/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\?v=2&s=hcc-mouse&.*&arm=Control$/);

  // a slider: End, then one step back
  await tabTo(page, 'slider-nrf2', rings);
  await page.keyboard.press('End');
  await expect(page.getByTestId('value-nrf2')).toHaveText('1.00');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('value-nrf2')).not.toHaveText('1.00');

  // add an arm
  await tabTo(page, 'arm-add', rings);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('arm-row')).toHaveCount(2);
  await expect(page.locator('[data-testid="svg-volume"] path.line')).toHaveCount(2);

  // a treatment for the selected arm: switch it on, type its start, then move its window with the arrows
  await tabTo(page, 'drug-atezolizumab', rings);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('drug-atezolizumab')).toBeChecked();
  await tabTo(page, 'start-atezolizumab', rings);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('10');
  await page.keyboard.press('Tab');
  const window = page.getByTestId('window-atezolizumab');
  await expect(window).toHaveAttribute('data-start', '10');
  await tabTo(page, 'window-atezolizumab', rings);
  await page.keyboard.press('ArrowRight');
  await expect(window).toHaveAttribute('data-start', '11');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('window-start-atezolizumab')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(window).toHaveAttribute('data-start', '10');
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready');
  await expect(page).toHaveURL(/atz:10@10-/);

  console.log(`focus rings at ${rings.size} stops: ${[...new Set(rings.values())].join('; ')}`);
  expect(errors).toEqual([]);
});

test('keyboard only: a map or scan started with Enter moves the focus to Cancel, and back to Run when cancelled or done', async ({
  page,
}) => {
  // runs in the worker pool
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp(page, '/?s=hcc-mouse&h=28&arm=A&arm=B*atz:10@7-20/3*cox2:30@7-28/1');
  await page.getByTestId('toolkit').scrollIntoViewIfNeeded();
  await page.getByTestId('tool-kind').selectOption('scan');
  await page.getByTestId('tool-variable').selectOption('cox2.start');
  await page.getByTestId('tool-from').fill('0');
  await page.getByTestId('tool-to').fill('21');
  await page.getByTestId('tool-readout').selectOption('volume');
  await page.getByTestId('tool-day').fill('28');
  const run = page.getByTestId('tool-run');
  const status = page.getByTestId('tool-status');
  // a long run (a 40 x 40 map, 1600 simulations x 2 arms): Enter on Run disables it; the focus goes to Cancel, not to
  // the page
  await page.getByTestId('tool-kind').selectOption('heatmap');
  await page.getByTestId('tool-variable2').selectOption('p.tCellKillRate');
  await page.getByTestId('tool-points').fill('40');
  await page.getByTestId('tool-points2').fill('40');
  await expect(page.getByTestId('tool-cost')).toContainText('1600 simulations');
  await run.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tool-cancel')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('Cancelled.');
  await expect(run).toBeFocused();
  // a short scan that ends by itself: from Cancel back to Run
  await page.getByTestId('tool-kind').selectOption('scan');
  await page.getByTestId('tool-variable').selectOption('cox2.start');
  await page.getByTestId('tool-points').fill('3');
  await run.focus();
  await page.keyboard.press('Enter');
  await expect(status).toContainText('Done: 3 simulations', { timeout: 60_000 });
  await expect(run).toBeFocused();
  expect(errors).toEqual([]);
});

const CONTROL_ROLES = new Set([
  'button',
  'checkbox',
  'combobox',
  'link',
  'radio',
  'slider',
  'spinbutton',
  'switch',
  'tab',
  'textbox',
  'menuitem',
  'ListBox',
]);

/** Role and accessible name of every control in the accessibility tree (as assistive technology gets them). */
async function controlNames(page: Page): Promise<{ role: string; name: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
  };
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored && n.role && CONTROL_ROLES.has(n.role.value))
    .map((n) => ({ role: n.role?.value ?? '', name: String(n.name?.value ?? '').trim() }));
}

test('every control has a name in English and in Japanese, and the Japanese names are Japanese', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await page.getByTestId('drug-atezolizumab').check();
  const english = await controlNames(page);
  await page.getByTestId('language').selectOption('ja');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  // the mechanism diagram redraws (and so renames its nodes) when it is on screen
  await page.getByTestId('mechanism').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('mechanism').locator('[role="button"]').first()).toHaveAttribute(
    'aria-label',
    /レベル/,
  );
  const japanese = await controlNames(page);

  for (const [language, controls] of [
    ['en', english],
    ['ja', japanese],
  ] as const) {
    expect(controls.length, language).toBeGreaterThan(40);
    expect(
      controls.filter((c) => c.name === ''),
      `${language}: unnamed controls`,
    ).toEqual([]);
    // no message key shown in place of its text
    expect(
      controls.filter((c) => /^[a-z]+(\.[a-zA-Z0-9]+)+$/.test(c.name)),
      `${language}: keys as names`,
    ).toEqual([]);
  }
  // in Japanese, names are Japanese text, apart from those that are names in any language (drugs, symbols, arms)
  const kana = /[\u3040-\u30ff\u3400-\u9fff]/;
  const notJapanese = japanese
    .filter((c) => !kana.test(c.name) && !c.name.startsWith('DOI '))
    .map((c) => `${c.role}: ${c.name}`);
  console.log(
    `controls: ${english.length} (en), ${japanese.length} (ja); not in Japanese script: ${notJapanese.join(' | ')}`,
  );
  expect(notJapanese.length).toBeLessThan(japanese.length * 0.15);
});
