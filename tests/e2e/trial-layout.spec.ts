import { expect, type Page, test } from '@playwright/test';
import { collectErrors, type HoldWindow, holdWorkerMessages, openApp } from './helpers';

// Whole trials on a shared machine: more than the default 30 s.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** Opens the trial view on the IMbrave150 preset (three arms: atezo/bev, sorafenib, atezo/bev + COX-2i). */
async function openTrial(page: Page, size: number): Promise<void> {
  await openApp(page);
  await page.getByTestId('view-trial').click();
  await page.getByTestId('trial-use-preset').click();
  await expect(page.getByTestId('trial-problem')).toHaveCount(0);
  const field = page.getByTestId('trial-size');
  await field.fill(String(size));
  await field.blur();
  await expect(field).toHaveValue(String(size));
}

interface Track {
  /** the survival figure's top (page coordinates) at every frame from Run to the end of the run, px */
  tops: number[];
  /** the same, for the waterfall figure below it */
  waterfallTops: number[];
  /** the top of the survival figure while the first results were not yet shown, and once all were shown */
  before: number;
  after: number;
}

/** Clicks Run and reads, at every animation frame until the run ends, where the figures are on the page. */
async function trackRun(page: Page): Promise<Track> {
  await page.evaluate(() => {
    const w = window as unknown as { __track: { tops: number[]; waterfallTops: number[]; before: number } };
    w.__track = { tops: [], waterfallTops: [], before: Number.NaN };
    const topOf = (selector: string) => {
      const el = document.querySelector(selector);
      return el ? el.getBoundingClientRect().top + window.scrollY : Number.NaN;
    };
    const frame = () => {
      const status = document.querySelector('[data-testid="trial-status"]')?.getAttribute('data-status');
      const top = topOf('.trial-km-pair');
      if (Number.isFinite(top)) {
        w.__track.tops.push(top);
        w.__track.waterfallTops.push(topOf('section[aria-labelledby="trial-waterfall-heading"]'));
        // the first frame of the run: its first results have not arrived
        if (Number.isNaN(w.__track.before)) w.__track.before = top;
      }
      if (status !== 'done') requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.getByTestId('trial-run').click();
  await expect(page.getByTestId('trial-status')).toHaveAttribute('data-status', 'done', { timeout: 150_000 });
  // the end of the run's last render
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => {
    const w = window as unknown as { __track: Omit<Track, 'after'> };
    const el = document.querySelector('.trial-km-pair');
    return { ...w.__track, after: el ? el.getBoundingClientRect().top + window.scrollY : Number.NaN };
  });
}

// Before the blank-bar tables the first results pushed the survival figure down by 1,992 px at 1280 and 5,227 px on
// a 390 phone. Wide tables share their width between fixed columns: nothing moves. On a phone each row is a card
// whose labels sit beside figures of their own width; the response counts (the widest figure, wider as the run
// goes on) have their own line under their label, and the running trial's percentage is a bar under its link, so
// that neither wraps mid-run (before: 44 and 25 px; now 0 px). What may remain: an estimate wider than its blank bar
// wrapping beside its label, a line (~24 px).
for (const [viewport, bound] of [
  [{ width: 1280, height: 720 }, 8],
  [{ width: 390, height: 844 }, 24],
] as const) {
  test(`the trial's figures stay where they are when the first results arrive (${viewport.width} wide)`, async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.setViewportSize(viewport);
    await openTrial(page, 300);
    const track = await trackRun(page);
    const finite = track.tops.filter(Number.isFinite);
    expect(finite.length).toBeGreaterThan(0);
    const jump = Math.max(...finite) - Math.min(...finite);
    const waterfalls = track.waterfallTops.filter(Number.isFinite);
    const waterfallJump = waterfalls.length ? Math.max(...waterfalls) - Math.min(...waterfalls) : 0;
    console.log(
      `layout jump at ${viewport.width} px: survival figure top before first results ${track.before.toFixed(0)} px, ` +
        `after the run ${track.after.toFixed(0)} px; largest move during the run ${jump.toFixed(0)} px ` +
        `(waterfalls ${waterfallJump.toFixed(0)} px) over ${finite.length} frames; ` +
        `positions in turn: ${finite
          .filter((t, i) => i === 0 || t !== finite[i - 1])
          .map((t) => t.toFixed(0))
          .join(' → ')}`,
    );
    // the room the results take is kept from the start of the run
    expect(jump).toBeLessThanOrEqual(bound);
    expect(waterfallJump).toBeLessThanOrEqual(bound);
    expect(errors).toEqual([]);
  });
}

for (const [viewport, lang] of [
  [{ width: 1280, height: 720 }, 'en'],
  [{ width: 390, height: 844 }, 'en'],
  [{ width: 1280, height: 720 }, 'ja'],
] as const) {
  test(`before its first results a trial shows its tables with blank bars, not numbers (${viewport.width} wide, ${lang})`, async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.setViewportSize(viewport);
    await page.addInitScript(holdWorkerMessages, 'statistics');
    await openTrial(page, 5000);
    if (lang === 'ja') await page.getByTestId('language').selectOption('ja');
    // What the tables are the moment they appear (read as the page inserts them, before any result can arrive), and
    // the spread's card the moment it appears (a few frames later: the results area mounts over frames)
    await page.evaluate(() => {
      const w = window as unknown as {
        __first: Record<string, string | null> | null;
        __spread: Record<string, string | null> | null;
      };
      w.__first = null;
      w.__spread = null;
      const observer = new MutationObserver(() => {
        const table = document.querySelector('[data-testid="trial-table"]');
        if (table && !w.__first) {
          w.__first = {
            pending: table.getAttribute('data-pending'),
            rows: String(table.querySelectorAll('tbody tr').length),
            text: table.querySelector('td[data-pending]')?.textContent ?? null,
            busy: table.closest('section')?.getAttribute('aria-busy') ?? null,
          };
        }
        const spread = document.querySelector<HTMLButtonElement>('[data-testid="trial-spread-run"]');
        if (spread && !w.__spread) {
          w.__spread = {
            spreadDisabled: String(spread.disabled),
            afterRun: document.querySelector('[data-testid="trial-spread-after-run"]')?.textContent ?? null,
          };
        }
        if (w.__first && w.__spread) observer.disconnect();
      });
      observer.observe(document.body, { subtree: true, childList: true });
    });
    // the statistics worker's answers are held (a test hook, helpers.ts) while the blank bars are looked at
    await page.evaluate(() => {
      (window as unknown as HoldWindow).__hold.statistics.holding = true;
    });
    await page.getByTestId('trial-run').click();
    const table = page.getByTestId('trial-table');
    await expect(table).toBeVisible();
    await expect(page.getByTestId('trial-partial')).toContainText(lang === 'ja' ? '途中経過' : 'Partial results', {
      timeout: 60_000,
    });
    await page.getByTestId('trial-survival-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`trial-pending-${viewport.width}-${lang}.png`) });
    await page.evaluate(() => (window as unknown as HoldWindow).__hold.statistics.release());
    const first = await page.evaluate(() => {
      const w = window as unknown as {
        __first: Record<string, string | null>;
        __spread: Record<string, string | null>;
      };
      return { ...w.__first, ...w.__spread };
    });
    // a blank bar is drawn from a data attribute: no figure is text yet, and the card says it is busy
    expect(first).toEqual({
      pending: 'true',
      rows: '2',
      text: '',
      busy: 'true',
      spreadDisabled: 'true',
      afterRun: lang === 'ja' ? 'この試験が終わると使えます。' : 'Available when this trial has finished.',
    });
    // the first results replace the bars
    await expect(table).not.toHaveAttribute('data-pending', 'true', { timeout: 60_000 });
    await expect(page.locator('section[aria-labelledby="trial-table-heading"]')).toHaveAttribute('aria-busy', 'false');
    await page.screenshot({ path: test.info().outputPath(`trial-first-results-${viewport.width}-${lang}.png`) });
    // No cancel here: on a slow machine the 5000 patients can finish while the statistics are held, and a finished
    // trial's Cancel is (rightly) disabled. Closing the page at the end of the test stops the trial's workers.
    expect(errors).toEqual([]);
  });
}

test('while a trial runs, its loading figures animate only what the compositor moves (no repaint in every frame)', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(holdWorkerMessages, 'cohort');
  await openTrial(page, 3000);
  // the trial workers' answers are held (a test hook, helpers.ts): the run stays before its first results, its figures
  // loading, however fast the machine is (a first block has 30 s before the pool gives up on it; the test takes less)
  await page.evaluate(() => {
    (window as unknown as HoldWindow).__hold.cohort.holding = true;
  });
  await page.getByTestId('trial-run').click();
  await expect(page.getByTestId('trial-status')).toHaveAttribute('data-status', 'running');
  await expect(page.locator('.chart-message.loading').first()).toBeVisible({ timeout: 30_000 });
  // every card mounted (a group of cards per painted frame, TrialResults.tsx): the exports card is the last
  await expect(page.getByTestId('trial-exports')).toBeAttached();
  // every running CSS animation and the properties its keyframes change: a background, colour or size animated on
  // the main thread is repainted in every frame (26 loading figures, tens of ms of paint per frame, on the core the
  // trial's workers need); transform and opacity are moved by the compositor. Read in one task with the run's state.
  const seen = await page.evaluate(() => {
    const loading = [...document.querySelectorAll('.chart-message.loading')];
    const animations = document.getAnimations().map((a) => {
      const keys = new Set<string>();
      const effect = a.effect as KeyframeEffect;
      for (const frame of effect.getKeyframes()) {
        for (const key of Object.keys(frame)) {
          if (!['offset', 'computedOffset', 'easing', 'composite'].includes(key)) keys.add(key);
        }
      }
      return {
        name: (a as CSSAnimation).animationName ?? 'script',
        properties: [...keys].sort(),
        onLoading: effect.target !== null && loading.includes(effect.target),
      };
    });
    return {
      status: document.querySelector('[data-testid="trial-status"]')?.getAttribute('data-status'),
      done: document.querySelector('[data-testid="trial-progress"]')?.getAttribute('aria-valuenow'),
      held: (window as unknown as HoldWindow).__hold.cohort.held,
      loading: loading.length,
      animations,
    };
  });
  const animated = seen.animations;
  console.log(
    `running animations while the trial runs (${seen.loading} loading figures, ${seen.held} answers held): ` +
      `${animated.length} (${[...new Set(animated.map((a) => `${a.name}: ${a.properties.join(', ')}`))].join('; ')})`,
  );
  // looked at while the run was before its first results, its figures loading
  expect({ status: seen.status, done: seen.done }).toEqual({ status: 'running', done: '0' });
  expect(seen.loading).toBeGreaterThan(0);
  // the loading figures' own animations were among them
  expect(animated.filter((a) => a.onLoading).length).toBeGreaterThan(0);
  for (const a of animated) {
    for (const property of a.properties)
      expect(['transform', 'opacity'], `${a.name} animates ${property}`).toContain(property);
  }
  // cancelled while its answers are still held: a running trial's Cancel is enabled
  await page.getByTestId('trial-cancel').click();
  await expect(page.getByTestId('trial-status')).toHaveAttribute('data-status', 'cancelled');
  expect(errors).toEqual([]);
});
