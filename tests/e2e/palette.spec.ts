import { expect, type Locator, test } from '@playwright/test';
import { collectErrors, openApp } from './helpers';

const DRUGS = ['atz', 'bev', 'pd1', 'cox2', 'cd24', 'il6ab', 'osi', 'igf'];

/** The dose rows' drug names: `count` of them, in order, each level with its row of marks, at >= 11 px, apart. */
async function expectDoseLabels(chart: Locator, count: number): Promise<void> {
  const labels = chart.locator('[data-testid="dose-label"]');
  await expect(labels).toHaveCount(count);
  const boxes = await labels.evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return {
        drug: e.getAttribute('data-drug') ?? '',
        text: e.textContent ?? '',
        size: Number.parseFloat(getComputedStyle(e).fontSize),
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
      };
    }),
  );
  const rows = await chart.locator('[data-testid="dose-ticks"]').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { drug: e.getAttribute('data-drug') ?? '', x: r.x, mid: r.y + r.height / 2 };
    }),
  );
  for (const [i, b] of boxes.entries()) {
    expect(b.text.trim().length).toBeGreaterThan(0);
    expect(b.size).toBeGreaterThanOrEqual(11);
    const row = rows.find((r) => r.drug === b.drug);
    if (!row) throw new Error(`no dose row for ${b.drug}`);
    // level with its row, and to the left of its first mark
    expect(Math.abs(b.y + b.height / 2 - row.mid)).toBeLessThanOrEqual(3);
    expect(b.x + b.width).toBeLessThanOrEqual(row.x + 1);
    const next = boxes[i + 1];
    if (next) expect(b.y + b.height).toBeLessThanOrEqual(next.y + 1);
  }
}

test('8 arms: 8 distinct arm styles, and the dose marks of 8 drugs stay clear of the time axis title', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  const first = `A${DRUGS.map((d, i) => `*${d}:10@${2 + i}-26/3`).join('')}`;
  // the other arms: a control, then the same drugs started later and later, so that the 8 curves part
  const later = (name: string, start: number) => `${name}${DRUGS.map((d) => `*${d}:10@${start}-26/3`).join('')}`;
  const others = ['B', ...['C', 'D', 'E', 'F', 'G', 'H'].map((name, i) => later(name, 4 + 2 * i))];
  const arms = [first, ...others].map((a) => `arm=${a}`).join('&');
  await openApp(page, `/?s=hcc-mouse&${arms}`);
  const chart = page.getByTestId('svg-volume');
  await expect(chart.locator('path.line.main')).toHaveCount(8);
  await expect(chart.locator('[data-testid="dose-ticks"]')).toHaveCount(8);

  // every arm's line has its own colour and dash pattern, at least 2 px wide
  const styles = await chart.locator('path.line.main').evaluateAll((els) =>
    els.map((e) => ({
      style: `${e.getAttribute('stroke')}|${e.getAttribute('stroke-dasharray') ?? ''}`,
      width: Number(e.getAttribute('stroke-width')),
    })),
  );
  expect(new Set(styles.map((s) => s.style)).size).toBe(8);
  for (const s of styles) expect(s.width).toBeGreaterThanOrEqual(2);

  // no dose mark's box meets the axis title's box, and both are inside the chart
  const title = await chart.locator('.x-label').boundingBox();
  const svgBox = await chart.boundingBox();
  if (!title || !svgBox) throw new Error('chart or axis title not drawn');
  const marks = await chart.locator('[data-testid="dose-ticks"]').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  for (const m of marks) {
    const overlaps =
      m.x < title.x + title.width &&
      title.x < m.x + m.width &&
      m.y < title.y + title.height &&
      title.y < m.y + m.height;
    expect(overlaps, `dose marks ${JSON.stringify(m)} vs title ${JSON.stringify(title)}`).toBe(false);
    expect(m.y + m.height).toBeLessThanOrEqual(svgBox.y + svgBox.height);
  }
  expect(title.y + title.height).toBeLessThanOrEqual(svgBox.y + svgBox.height + 1);

  // every dose row says which drug it is: 8 names, each beside its own row, none meeting another or the marks
  await expectDoseLabels(chart, 8);

  await chart.screenshot({ path: test.info().outputPath('palette-8-arms-chart.png') });
  await page.screenshot({ path: test.info().outputPath('palette-8-arms-1280x900.png') });
  expect(errors).toEqual([]);
});

test('phone 390×844: the dose rows of 8 drugs carry their drug names, readable beside the chart', async ({ page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 390, height: 844 });
  const arm = `A${DRUGS.map((d, i) => `*${d}:10@${2 + i}-26/3`).join('')}`;
  await openApp(page, `/?s=hcc-mouse&arm=${arm}&arm=B`);
  const chart = page.getByTestId('svg-volume');
  await expectDoseLabels(chart, 8);
  await chart.scrollIntoViewIfNeeded();
  await chart.screenshot({ path: test.info().outputPath('dose-labels-390x844-chart.png') });
  expect(errors).toEqual([]);
});
