import { expect, type Page, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers';

// The NRF2 preset's five arms (the lesson's link), with the CD8 chart among the explorer's charts.
const NRF2 =
  's=hcc-mouse&h=28&dt=0.25&nrf2=0&neat1=0&il6=0.1&axl=low&cd8=0&arm=NRF2-low,+untreated*nrf2=0&arm=NRF2-low,+atezo/bev*nrf2=0*atz:10@7-20/3*bev:10@7-20/3&arm=NRF2-high,+untreated*nrf2=1&arm=NRF2-high,+atezo/bev*nrf2=1*atz:10@7-20/3*bev:10@7-20/3&arm=NRF2-high,+atezo/bev+%2B+COX-2i*nrf2=1*atz:10@7-20/3*bev:10@7-20/3*cox2:30@7-28/1';

interface Clash {
  chart: string;
  title: string;
  problem: string;
}

/**
 * Every chart's y-axis title against its tick labels: the boxes the browser drew them in may not overlap, and the
 * title stays inside its chart (not cut at the left edge). Returns what clashes, per chart.
 */
function yTitleClashes(page: Page): Promise<Clash[]> {
  return page.evaluate(() => {
    const out: { chart: string; title: string; problem: string }[] = [];
    for (const svg of document.querySelectorAll('svg')) {
      const title = svg.querySelector<SVGTextElement>('text.y-label');
      if (!title?.textContent) continue;
      const t = title.getBoundingClientRect();
      if (t.width === 0 && t.height === 0) continue;
      const s = svg.getBoundingClientRect();
      const chart = svg.getAttribute('data-testid') ?? svg.id ?? '?';
      if (t.left < s.left - 0.5)
        out.push({ chart, title: title.textContent, problem: `cut at the left (${Math.round(s.left - t.left)} px)` });
      for (const tick of svg.querySelectorAll<SVGTextElement>('.y-axis .tick text')) {
        if (!tick.textContent) continue;
        const k = tick.getBoundingClientRect();
        if (k.left < s.left - 0.5)
          out.push({
            chart,
            title: tick.textContent,
            problem: `tick label cut at the left (${Math.round(s.left - k.left)} px)`,
          });
        const overlap = Math.min(t.right, k.right) - Math.max(t.left, k.left);
        const vertical = Math.min(t.bottom, k.bottom) - Math.max(t.top, k.top);
        if (overlap > 0.5 && vertical > 0.5)
          out.push({
            chart,
            title: title.textContent,
            problem: `overlaps tick "${tick.textContent}" by ${overlap.toFixed(1)} px`,
          });
      }
    }
    return out;
  });
}

/** The gap between the CD8 chart's y title and its widest tick label, px (negative: they overlap). */
function cd8Gap(page: Page): Promise<number> {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid="svg-cd8"]');
    const title = svg?.querySelector('text.y-label')?.getBoundingClientRect();
    const ticks = [...(svg?.querySelectorAll('.y-axis .tick text') ?? [])]
      .filter((t) => t.textContent)
      .map((t) => t.getBoundingClientRect().left);
    return title && ticks.length ? Math.min(...ticks) - title.right : Number.NaN;
  });
}

for (const screen of [
  { name: '1920 presenter', width: 1920, height: 1080, presenter: true },
  { name: '1280', width: 1280, height: 720, presenter: false },
  { name: '390 phone', width: 390, height: 844, presenter: false },
]) {
  test(`${screen.name}: no chart's y-axis title runs into its tick labels or off the chart`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await openApp(page, `/?${NRF2}`);
    if (screen.presenter) {
      await page.getByTestId('presenter-toggle').click();
      await expect(page.locator('html')).toHaveClass(/presenter/);
    }
    const cd8 = page.getByTestId('svg-cd8');
    await cd8.scrollIntoViewIfNeeded();
    await expect(cd8.locator('path.line').first()).toHaveAttribute('d', /^M/);
    // charts redraw on resize: let the last layout settle
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const gap = await cd8Gap(page);
    const clashes = await yTitleClashes(page);
    console.log(
      `${screen.name}: CD8 chart, y title to its widest tick label ${gap.toFixed(1)} px; clashes: ${
        clashes.map((c) => `${c.chart} "${c.title}" ${c.problem}`).join('; ') || 'none'
      }`,
    );
    await page
      .getByTestId('svg-cd8')
      .screenshot({ path: test.info().outputPath(`cd8-${screen.width}${screen.presenter ? '-presenter' : ''}.png`) });
    expect(gap).toBeGreaterThanOrEqual(2);
    expect(clashes).toEqual([]);
    expect(errors).toEqual([]);
  });
}

for (const lang of ['en', 'ja'] as const) {
  test(`390 phone (${lang}): the difference heat map's long title wraps inside the figure instead of being cut`, async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const errors = collectErrors(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page, `/?${NRF2}&lang=${lang}`);
    await page.getByTestId('toolkit').scrollIntoViewIfNeeded();
    await page.getByTestId('tool-kind').selectOption('heatmap');
    await page.getByTestId('tool-variable').selectOption('cox2.start');
    await page.getByTestId('tool-variable2').selectOption('p.tCellKillRate');
    await page.getByTestId('tool-from').fill('0');
    await page.getByTestId('tool-to').fill('21');
    await page.getByTestId('tool-from2').fill('2');
    await page.getByTestId('tool-to2').fill('12');
    await page.getByTestId('tool-points').fill('4');
    await page.getByTestId('tool-points2').fill('4');
    await page.getByTestId('tool-heatmap-arm').selectOption('4');
    await page.getByTestId('tool-heatmap-versus').selectOption('3');
    await page.getByTestId('tool-run').click();
    const svg = page.getByTestId('svg-tool');
    await expect(svg).toHaveAttribute('data-drawn', 'heatmap', { timeout: 120_000 });
    const name = 'NRF2-high, atezo/bev + COX-2i − NRF2-high, atezo/bev';
    await expect(page.locator('g.heatmap-panel')).toHaveAttribute('data-arm', name);
    const title = page.locator('g.heatmap-panel .panel-title');
    await expect(title.locator('tspan')).toHaveCount(2);
    expect((await title.locator('tspan').allTextContents()).join(' ')).toBe(name);
    // the title's drawn box lies inside the figure, and above the plot's cells
    const box = await title.boundingBox();
    const figure = await svg.boundingBox();
    const cells = await page.locator('g.heatmap-panel g.cells').boundingBox();
    if (!box || !figure || !cells) throw new Error('heat map not laid out');
    console.log(
      `heat map title at 390 (${lang}): x ${Math.round(box.x - figure.x)}–${Math.round(box.x + box.width - figure.x)} ` +
        `of the figure's ${Math.round(figure.width)} px, two lines, ${Math.round(cells.y - (box.y + box.height))} px above the cells`,
    );
    expect(box.x).toBeGreaterThanOrEqual(figure.x);
    expect(box.x + box.width).toBeLessThanOrEqual(figure.x + figure.width);
    expect(box.y + box.height).toBeLessThanOrEqual(cells.y);
    await page.getByTestId('tool-result').scrollIntoViewIfNeeded();
    await page.getByTestId('tool-result').screenshot({ path: test.info().outputPath(`heatmap-390-${lang}.png`) });
    expect(errors).toEqual([]);
  });
}
