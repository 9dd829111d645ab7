// @vitest-environment happy-dom
// SVG snapshots of every chart module: the same input draws the same SVG. A change to a chart shows up as a diff of
// its .svg file under tests/unit/__snapshots__/charts/, to be reviewed (and accepted with `npx vitest run -u`).
import { describe, expect, it } from 'vitest';
import { drawKaplanMeier, type KmCurveData } from '../../src/charts/kaplanMeier';
import { drawMechanism, MECHANISM_NODES, type NodeState } from '../../src/charts/mechanism';
import { OKABE_ITO } from '../../src/charts/palette';
import { drawSpider } from '../../src/charts/spider';
import { stackAreas } from '../../src/charts/stack';
import { drawTimeSeries, TIME_SERIES_DEFAULTS } from '../../src/charts/timeSeries';
import { drawWaterfall } from '../../src/charts/waterfall';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgElement(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  document.body.append(svg);
  return svg;
}

/** The drawn SVG, one element per line so that a change reads as a small diff. */
function serialise(svg: SVGSVGElement): string {
  return `${svg.outerHTML.replace(/></g, '>\n<')}\n`;
}

const days = Float64Array.from({ length: 29 }, (_, i) => i);
const grow = (rate: number, start: number) => Float64Array.from(days, (t) => start * Math.exp(rate * t));

describe('chart snapshots', () => {
  it('time series: two arms on a log axis with dose ticks and a cursor', async () => {
    const svg = svgElement();
    drawTimeSeries(
      svg,
      {
        lines: [
          { arm: 1, slot: 0, series: 'tumourVolume', t: days, values: grow(0.12, 50) },
          { arm: 2, slot: 1, series: 'tumourVolume', t: days, values: grow(-0.05, 50) },
        ],
        doses: [7, 10, 13].map((day) => ({ day, drug: 'atezolizumab', row: 0, slot: 1 })),
      },
      { id: 'volume', horizon: 28, logScale: true, cursorDay: 14, xLabel: 'days', yLabel: 'mm³' },
    );
    await expect(serialise(svg)).toMatchFileSnapshot('__snapshots__/charts/time-series-log.svg');
  });

  it('time series with only the required options draws with the documented defaults', async () => {
    const withDefaults = svgElement();
    const explicit = svgElement();
    const data = { lines: [{ arm: 1, slot: 0, series: 'cd8', t: days, values: grow(0.05, 1e4) }] };
    drawTimeSeries(withDefaults, data, { id: 'cd8', horizon: 28 });
    drawTimeSeries(explicit, data, { id: 'cd8', horizon: 28, ...TIME_SERIES_DEFAULTS });
    expect(withDefaults.getAttribute('width')).toBe(String(TIME_SERIES_DEFAULTS.width));
    expect(serialise(withDefaults)).toBe(serialise(explicit));
    await expect(serialise(withDefaults)).toMatchFileSnapshot('__snapshots__/charts/time-series-defaults.svg');
  });

  it('time series: tumour compartments stacked as bands (charts/stack.ts)', async () => {
    const sensitive = grow(-0.1, 40);
    const resistant = grow(0.08, 2);
    const areas = stackAreas(
      days,
      [
        { series: 'sensitiveVolume', values: sensitive, fill: '#cfe3f3' },
        { series: 'resistantVolume', values: resistant, fill: '#e7c8dc' },
      ],
      { arm: 1, slot: 0 },
    );
    expect(areas[1].lower).toBe(areas[0].upper);
    expect(areas[1].upper[28]).toBeCloseTo(sensitive[28] + resistant[28], 9);
    const svg = svgElement();
    drawTimeSeries(svg, { lines: [], areas }, { id: 'stack', horizon: 28, width: 480, height: 200 });
    await expect(serialise(svg)).toMatchFileSnapshot('__snapshots__/charts/time-series-stacked.svg');
  });

  it('Kaplan–Meier: two arms with censoring marks, confidence bands and the numbers at risk', async () => {
    const curve = (key: string, colour: string, dash: string, survival: number[]): KmCurveData => ({
      key,
      label: key,
      colour,
      dash,
      time: [30, 60, 90, 120],
      survival,
      lower: survival.map((s) => s * 0.8),
      upper: survival.map((s) => Math.min(1, s * 1.1)),
      atRisk: [20, 15, 10, 6],
      patients: 20,
      censor: { time: [75], survival: [survival[1]] },
    });
    const svg = svgElement();
    drawKaplanMeier(
      svg,
      [curve('A', OKABE_ITO[0], '', [0.9, 0.7, 0.5, 0.4]), curve('B', OKABE_ITO[1], '6 3', [0.8, 0.5, 0.3, 0.2])],
      {
        width: 520,
        plotHeight: 260,
        timeFactor: 1 / 30.44,
        maxTime: 150,
        xLabel: 'months',
        yLabel: 'PFS',
        showCi: true,
        atRiskTitle: 'At risk',
        locale: 'en',
      },
    );
    await expect(serialise(svg)).toMatchFileSnapshot('__snapshots__/charts/kaplan-meier.svg');
  });

  it('waterfall: bars by response category with reference lines', async () => {
    const svg = svgElement();
    drawWaterfall(
      svg,
      {
        bars: [45, 20, 5, -10, -35, -60, -100].map((change, i) => ({
          change,
          category: i < 2 ? 3 : i < 4 ? 2 : i < 6 ? 1 : 0,
        })),
        categories: ['CR', 'PR', 'SD', 'PD'].map((key, i) => ({ key, colour: OKABE_ITO[i] })),
      },
      {
        width: 400,
        height: 240,
        yLabel: 'change, %',
        references: [
          { value: 20, label: '+20 %' },
          { value: -30, label: '−30 %' },
        ],
        locale: 'en',
      },
    );
    await expect(serialise(svg)).toMatchFileSnapshot('__snapshots__/charts/waterfall.svg');
  });

  it('spider: change from baseline per patient over time', async () => {
    const svg = svgElement();
    drawSpider(
      svg,
      [
        { key: 'p0', time: [0, 42, 84], change: [0, -20, -45], colour: OKABE_ITO[2], dash: '' },
        { key: 'p1', time: [0, 42, 84, 126], change: [0, 10, 25, 40], colour: OKABE_ITO[6], dash: '' },
      ],
      {
        width: 400,
        height: 240,
        timeFactor: 1 / 30.44,
        maxTime: 180,
        xLabel: 'months',
        yLabel: 'change, %',
        references: [{ value: 20, label: '+20 %' }],
        locale: 'en',
      },
    );
    await expect(serialise(svg)).toMatchFileSnapshot('__snapshots__/charts/spider.svg');
  });

  it('mechanism: every node, some with levels, one blocked, one selected', async () => {
    const states: NodeState[] = MECHANISM_NODES.map((n, i) => ({
      id: n.id,
      level: i % 3 === 0 ? null : (i % 5) / 4,
      blocked: i === 2,
    }));
    const svg = svgElement();
    drawMechanism(svg, states, {
      label: (id) => id,
      describe: (s) => `${s.id} ${s.level ?? '-'}${s.blocked ? ' blocked' : ''}`,
      blockedText: 'blocked',
      selected: MECHANISM_NODES[1].id,
      onSelect: () => {},
    });
    await expect(serialise(svg)).toMatchFileSnapshot('__snapshots__/charts/mechanism.svg');
  });
});
