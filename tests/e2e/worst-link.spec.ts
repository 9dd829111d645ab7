/**
 * The worst link the codec accepts, built from the limits by src/scenario/worst.ts (the scenario the cost study and its
 * unit test measure), not by hand: the longest horizon with the most output points, the most arms, every drug in every
 * arm at the most doses the codec allows, as densely as allowed. It must render in bounded work. Measured against a
 * peer in the same run (the same arms, horizon and output grid with one dose per drug), so the bounds are ratios, not wall-clock times of a shared machine:
 * - DOM size independent of the dose count (at most 5 % more elements than the peer outside the axis ticks, whose
 *   number follows the curves' range, not the doses, and is bounded on its own);
 * - hover (cursor) and slider script time per update within 3x the peer's;
 * - the longest main-thread task within 4x the peer's.
 * The absolute figures (longest task, script time per hover and per slider update) are printed and annotated.
 */
import { type CDPSession, expect, type Page, test } from '@playwright/test';
import {
  ARM_LIMITS,
  DRUG_IDS,
  decodeScenario,
  encodeScenario,
  MAX_QUERY_LENGTH,
  SCHEDULE_LIMITS,
} from '../../src/scenario';
import { worstScenario } from '../../src/scenario/worst';

test.describe.configure({ timeout: 300_000 });

function linkFromLimits(dosesPerDrug: number): string {
  const scenario = worstScenario({ dosesPerDrug });
  const query = encodeScenario(scenario);
  const decoded = decodeScenario(query);
  expect(decoded.errors).toEqual([]);
  expect(query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
  return query;
}

interface Figures {
  domNodes: number;
  /** elements outside the axes' tick groups: what the doses could inflate */
  nonTickNodes: number;
  /** the most tick groups on one axis: set by the data's range (a log axis over six decades has ~55), not by doses */
  maxTicksPerAxis: number;
  longestTaskMs: number;
  hoverScriptMs: number;
  sliderScriptMs: number;
}

async function scriptSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
}

async function measure(page: Page, query: string): Promise<Figures> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/?${query}`);
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready', { timeout: 180_000 });
  await expect(page.locator('[data-testid="svg-volume"] path.line')).toHaveCount(ARM_LIMITS.maxArms, {
    timeout: 60_000,
  });
  await page.waitForTimeout(1000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');

  const chart = page.getByTestId('svg-volume');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error('chart not visible');
  const moves = 20;
  let before = await scriptSeconds(cdp);
  for (let i = 0; i < moves; i++) {
    await page.mouse.move(box.x + box.width * (0.2 + (0.6 * i) / moves), box.y + box.height / 2);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
  const hoverScriptMs = (((await scriptSeconds(cdp)) - before) * 1000) / moves;

  const slides = 4;
  before = await scriptSeconds(cdp);
  for (let i = 0; i < slides; i++) {
    await page.getByTestId('slider-il6').fill((0.2 + i * 0.15).toFixed(2));
    await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready', { timeout: 120_000 });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
  const sliderScriptMs = (((await scriptSeconds(cdp)) - before) * 1000) / slides;

  const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  const nonTickNodes = await page.evaluate(
    () => Array.from(document.getElementsByTagName('*')).filter((e) => !e.closest('g.tick')).length,
  );
  const maxTicksPerAxis = await page.evaluate(() =>
    Math.max(0, ...Array.from(document.querySelectorAll('g.axis')).map((a) => a.querySelectorAll('g.tick').length)),
  );
  const longestTaskMs = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  return { domNodes, nonTickNodes, maxTicksPerAxis, longestTaskMs, hoverScriptMs, sliderScriptMs };
}

test('the worst link the codec accepts renders in bounded work (against a one-dose peer)', async ({ browser }) => {
  const worstQuery = linkFromLimits(SCHEDULE_LIMITS.maxDoses);
  const peerQuery = linkFromLimits(1);
  const run = async (query: string) => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    try {
      return await measure(await context.newPage(), query);
    } finally {
      await context.close();
    }
  };
  const peer = await run(peerQuery);
  const worst = await run(worstQuery);
  const show = (f: Figures) =>
    `DOM ${f.domNodes} elements (${f.nonTickNodes} outside axis ticks, at most ${f.maxTicksPerAxis} ticks per axis), longest task ${f.longestTaskMs.toFixed(0)} ms, script per hover ` +
    `${f.hoverScriptMs.toFixed(1)} ms, per slider update ${f.sliderScriptMs.toFixed(1)} ms`;
  const doses = ARM_LIMITS.maxArms * DRUG_IDS.length * SCHEDULE_LIMITS.maxDoses;
  console.log(`worst link (${worstQuery.length} characters, ${doses} doses): ${show(worst)}`);
  console.log(`peer (same arms and grid, one dose per drug): ${show(peer)}`);
  test
    .info()
    .annotations.push({ type: 'worst link', description: show(worst) }, { type: 'peer', description: show(peer) });

  // The doses must not grow the page. Axis ticks follow the curves' range instead (heavy dosing can shrink a tumour
  // over the log axis' whole six decades, each with its minor ticks), so they are bounded on their own.
  expect(worst.nonTickNodes).toBeLessThanOrEqual(peer.nonTickNodes * 1.05);
  expect(worst.maxTicksPerAxis).toBeLessThanOrEqual(70);
  expect(worst.hoverScriptMs).toBeLessThanOrEqual(Math.max(3 * peer.hoverScriptMs, 2));
  expect(worst.sliderScriptMs).toBeLessThanOrEqual(Math.max(3 * peer.sliderScriptMs, 16.7));
  expect(worst.longestTaskMs).toBeLessThanOrEqual(Math.max(4 * peer.longestTaskMs, 200));
});
