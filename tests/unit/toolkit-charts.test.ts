// @vitest-environment happy-dom
// The toolkit's charts and exports: a scan draws one line per arm with a dot per computed point, a tornado two bars
// per factor from the base value, the Sobol' chart S1 and ST bars with whiskers over their intervals; the CSVs carry
// every value and the changed parameters; parameters fall in their mechanism's group; the store's run count is the
// design's; a scenario's changed parameters are listed with their defaults.
import { describe, expect, it } from 'vitest';
import { scanCsv, sobolCsv, tornadoCsv } from '../../src/charts/analysisCsv';
import { armStyle } from '../../src/charts/palette';
import { drawScan, scanDomain } from '../../src/charts/scan';
import { drawSobol, sobolDomain } from '../../src/charts/sobol';
import { drawTimeSeries } from '../../src/charts/timeSeries';
import { drawTornado, tornadoDomain } from '../../src/charts/tornado';
import { parameterGroup } from '../../src/components/toolkit/parameterGroups';
import { designRunCount } from '../../src/model/analysis';
import { PARAMETER_IDS } from '../../src/scenario/catalogue/parameters';
import type { Scenario } from '../../src/scenario/types';
import { parameterChanges } from '../../src/scenario/variables';
import { runCount } from '../../src/store/toolkit';

const SVG_NS = 'http://www.w3.org/2000/svg';
const svgElement = () => {
  const svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  document.body.append(svg);
  return svg;
};

describe('toolkit charts', () => {
  it('a scan draws a line per arm and a dot per finite point, leaving a gap where a value is missing', () => {
    const svg = svgElement();
    drawScan(
      svg,
      {
        x: [0, 3, 6, 9],
        lines: [
          { name: 'A', slot: 0, values: [1, 2, 3, 4] },
          { name: 'B', slot: 1, values: [4, Number.NaN, 2, 1] },
        ],
      },
      { width: 500, height: 260, xLabel: 'day', yLabel: 'volume', logX: false, locale: 'en' },
    );
    const lines = svg.querySelectorAll('g.scan-line');
    expect(lines).toHaveLength(2);
    expect(lines[0].querySelectorAll('circle')).toHaveLength(4);
    expect(lines[1].querySelectorAll('circle')).toHaveLength(3);
    // the gap splits B's path into two pieces
    expect((lines[1].querySelector('path')?.getAttribute('d') ?? '').match(/M/g)).toHaveLength(2);
    expect(lines[1].querySelector('path')?.getAttribute('stroke-dasharray')).toBe(armStyle(1).dash);
    expect(svg.querySelector('.x-label')?.textContent).toBe('day');
  });

  it('a scan of a readout that cannot be negative keeps its axis at zero or above', () => {
    expect(scanDomain([{ name: 'A', slot: 0, values: [0, 10] }])[0]).toBe(0);
    expect(scanDomain([{ name: 'A', slot: 0, values: [-2, 10] }])[0]).toBeLessThan(-2);
    expect(scanDomain([{ name: 'A', slot: 0, values: [5, 5] }])).toEqual([4, 6]);
  });

  it('a tornado draws low and high bars from the base value, one label per factor', () => {
    const svg = svgElement();
    const data = {
      base: 1,
      rows: [
        { name: 'k', outputLow: 0, outputHigh: 3 },
        { name: 'h', outputLow: 1.5, outputHigh: 0.5 },
      ],
    };
    drawTornado(svg, data, { width: 500, rowHeight: 30, xLabel: 'readout', locale: 'en' });
    expect(Array.from(svg.querySelectorAll('text.row-label'), (t) => t.textContent)).toEqual(['k', 'h']);
    expect((svg.querySelector('path.bar-low')?.getAttribute('d') ?? '').match(/M/g)).toHaveLength(2);
    expect((svg.querySelector('path.bar-high')?.getAttribute('d') ?? '').match(/M/g)).toHaveLength(2);
    expect(svg.querySelector('g.base line')?.getAttribute('stroke-dasharray')).toBe('5 4');
    const [lo, hi] = tornadoDomain(data);
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(3);
  });

  it('the Sobol chart draws S1 and ST bars with a whisker per interval, on an axis that shows a negative estimate', () => {
    const svg = svgElement();
    const rows = [
      { name: 'a', first: 0.4, firstLower: 0.3, firstUpper: 0.5, total: 0.6, totalLower: 0.5, totalUpper: 0.7 },
      { name: 'b', first: -0.05, firstLower: -0.1, firstUpper: 0.02, total: 0.1, totalLower: 0.05, totalUpper: 0.15 },
    ];
    drawSobol(svg, rows, { width: 500, rowHeight: 30, xLabel: 'share', locale: 'en' });
    expect(svg.querySelectorAll('text.row-label')).toHaveLength(2);
    const whiskers = svg.querySelectorAll('path.interval');
    expect(whiskers).toHaveLength(2);
    // each whisker is a line with two end caps: three subpaths per row
    expect((whiskers[0].getAttribute('d') ?? '').match(/M/g)).toHaveLength(6);
    expect(sobolDomain(rows)).toEqual([-0.1, 1]);
  });
});

describe('measurements on a time series', () => {
  it('draws a dot per measurement and an SD bar with caps per arm, and widens the y axis to show them', () => {
    const svg = svgElement();
    const t = Float64Array.from([0, 7, 14]);
    drawTimeSeries(
      svg,
      {
        lines: [{ arm: 1, slot: 0, series: 'tumourVolume', t, values: Float64Array.from([1, 2, 3]) }],
        points: [
          { arm: 1, slot: 0, day: 7, value: 5, lower: 4, upper: 40 },
          { arm: 1, slot: 0, day: 14, value: 6 },
          { arm: 2, slot: 1, day: 14, value: 2, lower: 1, upper: 3 },
        ],
      },
      { id: 'm', horizon: 14, width: 400, height: 200 },
    );
    expect(svg.querySelectorAll('g.measurements')).toHaveLength(2);
    expect(svg.querySelectorAll('circle.measurement')).toHaveLength(3);
    const bars = svg.querySelector('g.measurements[data-arm="1"] path.error-bars')?.getAttribute('d') ?? '';
    expect(bars.match(/M/g)).toHaveLength(3);
    const ticks = Array.from(svg.querySelectorAll('.y-axis .tick text'), (e) => Number(e.textContent));
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(40);
  });
});

describe('toolkit CSV', () => {
  it('a scan writes one row per point and arm, with the changed parameters, and neutralises formula-like names', () => {
    const csv = scanCsv(
      {
        x: [0, 1],
        lines: [
          { name: '=cmd', slot: 0, values: [1, 2] },
          { name: 'B', slot: 1, values: [3, 4] },
        ],
      },
      'cox2.start',
      'volume@28',
      'tCellKillRate=9',
    )
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('analysis,changed_parameters,variable,value,arm,readout,output');
    expect(csv).toHaveLength(5);
    expect(csv[1]).toBe("scan,tCellKillRate=9,cox2.start,0,'=cmd,volume@28,1");
    expect(csv[4]).toBe('scan,tCellKillRate=9,cox2.start,1,B,volume@28,4');
  });

  it('a tornado and Sobol indices write one row per factor', () => {
    const t = tornadoCsv(
      { base: 1, rows: [{ name: 'k', outputLow: 0, outputHigh: 2 }] },
      [{ low: 0.5, high: 4 }],
      'ttp',
      '',
    );
    expect(t.trim().split('\r\n')[1]).toBe('tornado,,k,0.5,4,ttp,1,0,2');
    const s = sobolCsv(
      [{ name: 'a', first: 0.1, firstLower: 0, firstUpper: 0.2, total: 0.3, totalLower: 0.2, totalUpper: 0.4 }],
      'ttp',
      64,
      '',
    );
    expect(s.trim().split('\r\n')[1]).toBe('sobol,,a,ttp,64,0.1,0,0.2,0.3,0.2,0.4');
  });
});

describe('toolkit bookkeeping', () => {
  it('every parameter of the table falls in a mechanism group', () => {
    const groups = PARAMETER_IDS.map(parameterGroup);
    expect(groups.filter((g) => g === 'other')).toEqual([]);
    expect(parameterGroup('tCellKillRate')).toBe('tcells');
    expect(parameterGroup('pge2Half')).toBe('pge2');
    expect(parameterGroup('m2KillSuppression')).toBe('macrophages');
    expect(parameterGroup('persisterEntry')).toBe('egfr');
    expect(parameterGroup('atezolizumabHalfLife')).toBe('pk');
    expect(parameterGroup('osimertinibClearance')).toBe('pk');
    expect(parameterGroup('osimertinibKill')).toBe('egfr');
    expect(parameterGroup('pge2Clearance')).toBe('pge2');
    expect(parameterGroup('aNewThing')).toBe('other');
  });

  it("the store's run count is the design's", () => {
    for (const d of [2, 8]) {
      expect(runCount('sobol', d, 128)).toBe(designRunCount({ method: 'sobol', factors: d, samples: 128, seed: 1 }));
      expect(runCount('tornado', d, 128)).toBe(
        designRunCount({ method: 'tornado', factors: d, samples: 128, seed: 1 }),
      );
    }
  });

  it('the changed parameters of a scenario are listed in table order with their defaults', () => {
    const s = { setting: 'hcc-mouse', parameters: { pge2Half: 3, tCellKillRate: 9 } } as unknown as Scenario;
    expect(parameterChanges(s)).toEqual([
      { id: 'tCellKillRate', value: 9, default: 6 },
      { id: 'pge2Half', value: 3, default: 2 },
    ]);
    expect(parameterChanges({ setting: 'hcc-mouse' } as Scenario)).toEqual([]);
  });
});
