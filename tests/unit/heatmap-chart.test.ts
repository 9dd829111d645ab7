// @vitest-environment happy-dom
// The 2-D scan's heat map: a cell per grid point in every arm's panel, each filled with the viridis colour of its
// value on one scale shared by the panels (the lowest value darkest, the highest lightest), missing values grey with
// a cross, the axes and the colour bar labelled with their units; the CSV carries every cell with both variables.
import { interpolateRdBu, interpolateViridis } from 'd3';
import { describe, expect, it } from 'vitest';
import { heatmapCsv } from '../../src/charts/analysisCsv';
import {
  divergingDomain,
  drawHeatmap,
  HEATMAP_MARGIN,
  heatmapColour,
  heatmapDomain,
  heatmapLayout,
} from '../../src/charts/heatmap';
import { TITLE_LINE, TITLE_SIZE } from '../../src/charts/heatmapLayout';
import { estimateTextWidth } from '../../src/charts/textWidth';
import { decodeScenario, parseVariable } from '../../src/scenario';
import { checkScanProblems, scanAxis } from '../../src/scenario/scan';

const SVG_NS = 'http://www.w3.org/2000/svg';
const svgElement = () => {
  const svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  document.body.append(svg);
  return svg;
};

// 3 values of the first variable × 2 of the second; index i0 * 2 + i1
const DATA = {
  x: [0, 10, 20],
  y: [1, 2],
  panels: [
    { name: 'A', values: [0, 1, 2, 3, 4, 5] },
    { name: 'B', values: [10, Number.NaN, 6, 7, 8, 9] },
  ],
};
const OPTIONS = {
  width: 800,
  xLabel: 'start day (days)',
  yLabel: 'tCellRecruitment (cells/day)',
  valueLabel: 'tumour volume (mm³)',
  locale: 'en',
};

describe('heat map', () => {
  it('draws one panel per arm and one cell per grid point, coloured by value on a shared viridis scale', () => {
    const svg = svgElement();
    drawHeatmap(svg, DATA, OPTIONS);
    const panels = svg.querySelectorAll('g.heatmap-panel');
    expect(panels).toHaveLength(2);
    expect(panels[0].getAttribute('data-arm')).toBe('A');
    expect(panels[0].querySelector('.panel-title')?.textContent).toBe('A');
    for (const p of panels) expect(p.querySelectorAll('g.cell')).toHaveLength(6);
    const cells = [...svg.querySelectorAll('g.cell')];
    const fill = (c: Element) => c.querySelector('rect')?.getAttribute('fill');
    // the shared domain is [0, 10]: A's 0 is viridis(0), B's 10 is viridis(1), A's 5 is the middle
    expect(fill(cells[0])).toBe(interpolateViridis(0));
    expect(fill(cells[5])).toBe(interpolateViridis(0.5));
    expect(fill(cells[6])).toBe(interpolateViridis(1));
    expect(cells.map((c) => c.getAttribute('data-value')).slice(6)).toEqual(['10', 'missing', '6', '7', '8', '9']);
    expect(fill(cells[7])).toBe('#d9d9d9');
    expect(cells[7].querySelector('text')?.textContent).toBe('×');
    // the value is printed in the cell, in ink that reads on its colour (white on dark purple, black on yellow)
    expect(cells[0].querySelector('text')?.textContent).toBe('0');
    expect(cells[0].querySelector('text')?.getAttribute('fill')).toBe('#ffffff');
    expect(cells[6].querySelector('text')?.getAttribute('fill')).toBe('#000000');
  });

  it('places the first variable along the columns and the second up the rows', () => {
    const svg = svgElement();
    drawHeatmap(svg, DATA, OPTIONS);
    const cells = [...svg.querySelectorAll('g.heatmap-panel')[0].querySelectorAll('g.cell')];
    const at = (c: Element) =>
      (c.getAttribute('transform') ?? '')
        .match(/translate\(([-\d.]+),([-\d.]+)\)/)
        ?.slice(1)
        .map(Number) ?? [];
    const [x00, y00] = at(cells[0]);
    const [x01, y01] = at(cells[1]);
    const [x10, y10] = at(cells[2]);
    expect(x01).toBe(x00);
    expect(y01).toBeLessThan(y00); // the second variable's larger value is higher up
    expect(x10).toBeGreaterThan(x00);
    expect(y10).toBe(y00);
    const ticks = [...svg.querySelectorAll('g.heatmap-panel')[0].querySelectorAll('.x-axis .tick text')];
    expect(ticks.map((t) => t.textContent)).toEqual(['0', '10', '20']);
  });

  it('labels both axes and the colour bar with their units', () => {
    const svg = svgElement();
    drawHeatmap(svg, DATA, OPTIONS);
    expect(svg.querySelector('.x-label')?.textContent).toBe('start day (days)');
    expect(svg.querySelector('.y-label')?.textContent).toBe('tCellRecruitment (cells/day)');
    expect(svg.querySelector('.legend-title')?.textContent).toBe('tumour volume (mm³)');
    const steps = [...svg.querySelectorAll('.colour-legend rect.step')].map((r) => r.getAttribute('fill'));
    expect(steps).toHaveLength(48);
    expect(steps[0]).toBe(heatmapColour([0, 10])(10 * (0.5 / 48)));
    expect(svg.querySelectorAll('.legend-axis .tick').length).toBeGreaterThanOrEqual(3);
  });

  it('redraws a smaller grid in place, without leftover cells or panels', () => {
    const svg = svgElement();
    drawHeatmap(svg, DATA, OPTIONS);
    drawHeatmap(svg, { x: [1, 2], y: [3, 4], panels: [{ name: 'A', values: [1, 2, 3, 4] }] }, OPTIONS);
    expect(svg.querySelectorAll('g.heatmap-panel')).toHaveLength(1);
    expect(svg.querySelectorAll('g.cell')).toHaveLength(4);
    expect(svg.querySelectorAll('g.colour-legend')).toHaveLength(1);
  });

  it('shares one domain over the panels, widens a flat map and survives a map with no value', () => {
    expect(heatmapDomain(DATA.panels)).toEqual([0, 10]);
    expect(heatmapDomain([{ name: 'A', values: [3, 3] }])).toEqual([2, 4]);
    expect(heatmapDomain([{ name: 'A', values: [Number.NaN] }])).toEqual([0, 1]);
  });

  it('lays panels side by side while they fit, then wraps, and grows the height with the rows', () => {
    expect(heatmapLayout(1200, 1).columns).toBe(1);
    expect(heatmapLayout(1200, 5)).toMatchObject({ columns: 5, rows: 1 });
    const three = heatmapLayout(700, 3);
    const five = heatmapLayout(700, 5);
    expect(three).toMatchObject({ columns: 3, rows: 1 });
    expect(five).toMatchObject({ columns: 3, rows: 2, plot: three.plot });
    expect(five.height - three.height).toBe(five.panelHeight);
    expect(heatmapLayout(300, 5).columns).toBe(1);
  });

  it('exports every cell of every arm with both variables in a tidy CSV', () => {
    const lines = heatmapCsv(DATA, ['cox2.start', 'p.tCellRecruitment'], 'volume@28', 'tCellKillRate=9')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('analysis,changed_parameters,variable,value,variable2,value2,arm,readout,output');
    expect(lines).toHaveLength(1 + 6 * 2);
    expect(lines[1]).toBe('heatmap,tCellKillRate=9,cox2.start,0,p.tCellRecruitment,1,A,volume@28,0');
    expect(lines[2]).toBe('heatmap,tCellKillRate=9,cox2.start,0,p.tCellRecruitment,1,B,volume@28,10');
    expect(lines[12]).toBe('heatmap,tCellKillRate=9,cox2.start,20,p.tCellRecruitment,2,B,volume@28,9');
  });
});

describe('heat map of a difference between two arms', () => {
  const DIFF = { x: [0, 10], y: [1, 2], panels: [{ name: 'B − A', values: [-4, -1, 0, 2] }] };
  it('is drawn on a red–blue scale centred on 0 over a domain symmetric about 0', () => {
    expect(divergingDomain(DIFF.panels)).toEqual([-4, 4]);
    expect(divergingDomain([{ name: 'flat', values: [0, 0, Number.NaN] }])).toEqual([-1, 1]);
    const colour = heatmapColour([-4, 4], true);
    // 0 is RdBu's middle (near white), the most negative value its blue end, +4 its red end
    expect(colour(0)).toBe(interpolateRdBu(0.5));
    expect(colour(-4)).toBe(interpolateRdBu(1));
    expect(colour(4)).toBe(interpolateRdBu(0));
    expect(colour(2)).toBe(interpolateRdBu(0.25));
    expect(colour(Number.NaN)).toBe('#d9d9d9');
    const svg = svgElement();
    drawHeatmap(svg, DIFF, { ...OPTIONS, diverging: true });
    expect(svg.getAttribute('data-scale')).toBe('diverging');
    const fills = [...svg.querySelectorAll('g.cell rect')].map((r) => r.getAttribute('fill'));
    expect(fills).toEqual([-4, -1, 0, 2].map((v) => colour(v)));
    // the colour bar runs from −4 to +4 and passes through white at its middle
    const steps = [...svg.querySelectorAll('rect.step')].map((r) => r.getAttribute('fill'));
    expect(steps[0]).toBe(colour(-4 + (0.5 / 48) * 8));
    // every cell's label reads on its colour (dark blue and red take white ink, the pale middle black)
    const inks = [...svg.querySelectorAll('g.cell text')].map((t) => t.getAttribute('fill'));
    expect(inks[0]).toBe('#ffffff');
    expect(inks[2]).toBe('#000000');
  });
});

describe('scan problems in both languages', () => {
  it('each problem of a scan has a Japanese text beside the English one', () => {
    const scenario = decodeScenario('s=hcc-mouse&arm=A').scenario;
    const v = parseVariable('cox2.start');
    if ('error' in v) throw new Error(v.error);
    const k = parseVariable('p.tCellKillRate');
    if ('error' in k) throw new Error(k.error);
    const problems = checkScanProblems(scenario, {
      axes: [scanAxis(scenario, v, 0, 0, 21), { ...scanAxis(scenario, k, 5, 1, 2), min: -1, max: Number.NaN }],
    });
    expect(problems.map((p) => p.message)).toEqual([
      'cox2.start: no arm gives cox2i',
      'cox2.start: points must be a whole number >= 1',
      'p.tCellKillRate: the range must be finite',
    ]);
    expect(problems.map((p) => p.messageJa)).toEqual([
      'cox2.start: cox2i を投与する群がありません',
      'cox2.start: 点数は 1 以上の整数にしてください',
      'p.tCellKillRate: 範囲は有限の数にしてください',
    ]);
  });
});

describe('heat map panel titles', () => {
  it("wraps a phone's long panel title onto a second line inside the figure instead of cutting it at the right edge", () => {
    // a 390 px phone's figure, one panel: the difference of two arms with its long name
    const name = 'NRF2-high, atezo/bev + COX-2i − NRF2-high, atezo/bev';
    for (const width of [340, 300]) {
      const svg = svgElement();
      drawHeatmap(svg, { ...DATA, panels: [{ name, values: DATA.panels[0].values }] }, { ...OPTIONS, width });
      const layout = heatmapLayout(width, 1, [name]);
      expect(layout.titleLines).toBe(2);
      const title = svg.querySelector('.panel-title');
      const lines = [...(title?.querySelectorAll('tspan') ?? [])].map((t) => t.textContent ?? '');
      expect(lines).toHaveLength(2);
      expect(lines.join(' ')).toBe(name);
      // every line fits the figure from the title's start (4 px in from the left edge), in the title's font size
      // (here the DOM's default 16 px, without layout: the estimate, which errs wide)
      for (const line of lines) expect(estimateTextWidth(line, 16, true)).toBeLessThanOrEqual(width - 8);
      // and the layout's own estimate at the page's size asked for the second line
      expect(estimateTextWidth(name, TITLE_SIZE, true)).toBeGreaterThan(layout.titleWidth);
      // the second line sits above the plot: the plot moved down by a line, the figure grew by as much
      expect(layout.top).toBe(HEATMAP_MARGIN.top + TITLE_LINE);
      expect(layout.height).toBe(heatmapLayout(width, 1).height + TITLE_LINE);
      const panel = svg.querySelector('g.heatmap-panel');
      expect(panel?.getAttribute('transform')).toBe(`translate(${HEATMAP_MARGIN.left},${layout.top})`);
      expect(Number(title?.getAttribute('y')) + TITLE_LINE).toBeLessThan(0);
    }
  });

  it('keeps a short title, and titles over side-by-side panels, on one line', () => {
    const svg = svgElement();
    drawHeatmap(svg, DATA, { ...OPTIONS, width: 340 });
    expect(heatmapLayout(340, 2, ['A', 'B']).titleLines).toBe(1);
    for (const title of svg.querySelectorAll('.panel-title')) expect(title.querySelectorAll('tspan')).toHaveLength(1);
    expect(heatmapLayout(1200, 5, ['NRF2-high, atezo/bev + COX-2i']).titleLines).toBe(1);
  });

  it('cuts a name too long even for two lines with "…" and keeps the whole name in its tooltip', () => {
    const name = 'An arm whose name is much too long to fit on the two lines a phone gives a heat map panel title';
    const svg = svgElement();
    drawHeatmap(svg, { ...DATA, panels: [{ name, values: DATA.panels[0].values }] }, { ...OPTIONS, width: 300 });
    const title = svg.querySelector('.panel-title');
    const lines = [...(title?.querySelectorAll('tspan') ?? [])].map((t) => t.textContent ?? '');
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(title?.querySelector('title')?.textContent).toBe(name);
  });
});
