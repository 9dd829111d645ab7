import { expect, type Page, test } from '@playwright/test';
import { openApp } from './helpers';

/**
 * A leak check, measured and printed: the page's JavaScript heap after a forced garbage collection, before and after
 * 10,000 slider moves (input events in batches of 100, a frame between batches, so that React, the store, the worker
 * client and the charts all run as they do under a dragging hand). No wall-clock assertion; the bound on growth is
 * generous (20 MB): a leak of one retained result or DOM node per move would be far above it.
 */

// a trace records every DOM mutation: it would slow the moves several-fold and hold memory of its own
test.use({ trace: 'off' });

const MOVES = 10_000;
const BATCH = 100;

async function heapAfterGc(page: Page): Promise<{ used: number; total: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  // twice: the first collection can leave objects that only a second one (after finalisers) frees
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, totalSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  await cdp.detach();
  return { used: usedSize, total: totalSize };
}

/** Moves the IL-6 slider `moves` times through its range; resolves when every batch has been handled. */
async function moveSlider(page: Page, moves: number): Promise<void> {
  await page.evaluate(
    async ({ moves, batch }) => {
      const slider = document.querySelector<HTMLInputElement>('[data-testid="slider-il6"]');
      if (!slider) throw new Error('slider missing');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      for (let i = 0; i < moves; i++) {
        // a triangle wave over 0.00..1.00, so that consecutive values differ
        const step = i % 200;
        setValue?.call(slider, ((step < 100 ? step : 200 - step) / 100).toFixed(2));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        if (i % batch === batch - 1)
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      }
    },
    { moves, batch: BATCH },
  );
}

async function settle(page: Page): Promise<void> {
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'ready', { timeout: 20_000 });
  await page.waitForTimeout(500); // the address bar is written after a pause
}

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

test('heap after 10,000 slider moves: no leak (measurement, printed)', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await page.getByTestId('preset-nrf2-atezo-bev').click();
  await settle(page);
  // warm-up: compiled code, caches and the first chart layers exist before the first measurement
  await moveSlider(page, 500);
  await settle(page);
  const before = await heapAfterGc(page);
  const nodesBefore = await page.evaluate(() => document.getElementsByTagName('*').length);

  const start = Date.now();
  await moveSlider(page, MOVES);
  const movedMs = Date.now() - start;
  await settle(page);
  const after = await heapAfterGc(page);
  const nodesAfter = await page.evaluate(() => document.getElementsByTagName('*').length);
  const growth = after.used - before.used;

  const line =
    `JS heap after GC: before ${MB(before.used)}, after ${MOVES} slider moves ${MB(after.used)} ` +
    `(growth ${MB(growth)}; heap size ${MB(before.total)} -> ${MB(after.total)}); DOM elements ${nodesBefore} -> ` +
    `${nodesAfter}; moves took ${movedMs} ms`;
  console.log(line);
  test.info().annotations.push({ type: 'heap', description: line });
  await expect(page.getByTestId('value-il6')).toHaveText(/^\d\.\d\d$/);
  expect(growth).toBeLessThan(20 * 1024 * 1024);
  expect(nodesAfter).toBeLessThan(nodesBefore * 1.1); // the charts redraw in place
});
