/**
 * The analysis keys of a link (tool, tool.x, tool.y, tool.r, tool.arm, tool.vs, tool.f, tool.n): a shared link
 * reopens the same scan, heat map, tornado, Sobol' analysis or fit. Each bad field is reported on its own, in English
 * and Japanese, and left out; the rest of the link (the other analysis keys included) is kept.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeScenario,
  encodeLink,
  encodeScenario,
  LINK_KEYS,
  MAX_QUERY_LENGTH,
  TOOL_KEYS,
  TOOL_MAX_FACTORS,
  TOOL_ORDER,
  TOOL_QUERY_RESERVE,
  type ToolSettings,
  VIEW_QUERY_RESERVE,
} from '../../src/scenario';
import { variableParameters } from '../../src/scenario/catalogue/parameters';
import { MAX_LINK_LENGTH } from '../../src/scenario/codec';

/** The NRF2 preset: five arms, arm 5 adds the COX-2 inhibitor to atezo/bev. */
const NRF2 =
  'v=2&s=hcc-mouse&h=28&dt=0.25&nrf2=0&neat1=0&il6=0.1&axl=low&cd8=0&arm=NRF2-low,+untreated*nrf2=0&arm=NRF2-low,+atezo/bev*nrf2=0*atz:10@7-20/3*bev:10@7-20/3&arm=NRF2-high,+untreated*nrf2=1&arm=NRF2-high,+atezo/bev*nrf2=1*atz:10@7-20/3*bev:10@7-20/3&arm=NRF2-high,+atezo/bev+%2B+COX-2i*nrf2=1*atz:10@7-20/3*bev:10@7-20/3*cox2:30@7-28/1';
const HEATMAP =
  'tool=heatmap&tool.x=cox2.start:0:21:6&tool.y=p.tCellKillRate:2:12:6&tool.r=volume@28&tool.arm=5&tool.vs=4';

describe('the analysis keys of a link', () => {
  it('are in the codec key list the fuzzers draw from', () => {
    for (const key of TOOL_ORDER) expect(LINK_KEYS).toContain(TOOL_KEYS[key]);
  });

  it('read a difference heat map back as the settings it was written from, and the link normalises to itself', () => {
    const r = decodeScenario(`${NRF2}&${HEATMAP}`);
    expect(r.errors).toEqual([]);
    expect(r.tool).toEqual({
      kind: 'heatmap',
      x: { variable: 'cox2.start', min: 0, max: 21, points: 6 },
      y: { variable: 'p.tCellKillRate', min: 2, max: 12, points: 6 },
      readout: 'volume@28',
      arm: 4,
      versus: 3,
    });
    // written after the view keys, before the arms
    expect(r.normalised).toContain(`&${HEATMAP}&arm=`);
    expect(decodeScenario(r.normalised).tool).toEqual(r.tool);
    expect(encodeLink(r.scenario, r.view, r.tool)).toBe(r.normalised);
  });

  it('write only what the tool uses, and nothing at all without an analysis', () => {
    const s = decodeScenario(NRF2).scenario;
    expect(encodeLink(s, {}, undefined)).toBe(encodeScenario(s));
    const sobol: ToolSettings = {
      kind: 'sobol',
      x: { variable: 'nrf2', min: 0, max: 1, points: 5 },
      readout: 'logvolume@28',
      arm: 4,
      versus: 3,
      factors: ['p.tCellKillRate', 'p.pge2Half'],
      samples: 512,
    };
    const link = encodeLink(s, {}, sobol);
    expect(link).toContain(
      '&tool=sobol&tool.r=logvolume@28&tool.arm=5&tool.vs=4&tool.f=tCellKillRate,pge2Half&tool.n=512&',
    );
    expect(link).not.toContain('tool.x');
    const back = decodeScenario(link);
    expect(back.errors).toEqual([]);
    expect(back.tool).toEqual({ ...sobol, x: undefined, factors: ['p.tCellKillRate', 'p.pge2Half'] });
  });

  it('keep the rest of the link when tool.x is bad: one message for it, in English and Japanese', () => {
    const r = decodeScenario(`${NRF2}&${HEATMAP.replace('cox2.start:0:21:6', 'cox2.start:0:oops:6')}`);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].field).toBe('tool.x');
    expect(r.errors[0].message).toMatch(/^Analysis tool\.x: the range 0:oops must be two numbers/);
    expect(r.errors[0].messageJa).toMatch(/^解析の tool\.x: 範囲 0:oops/);
    expect(r.tool?.x).toBeUndefined();
    expect(r.tool?.y).toEqual({ variable: 'p.tCellKillRate', min: 2, max: 12, points: 6 });
    expect(r.tool?.arm).toBe(4);
    expect(r.scenario.arms).toHaveLength(5);
  });

  it('give each kind of problem its own message and keep the other fields', () => {
    const cases: [string, string, RegExp][] = [
      ['tool.x=cox2.strat:0:21:6', 'tool.x', /not a variable/],
      ['tool.x=osi.start:0:21:6', 'tool.x', /no arm gives osimertinib/],
      ['tool.x=cox2.start:0:21:41', 'tool.x', /points '41' must be a whole number from 2 to 40/],
      ['tool.x=cox2.start:21:0:6', 'tool.x', /0 <= MIN < MAX/],
      ['tool.x=cox2.start:0:21', 'tool.x', /VARIABLE:MIN:MAX:POINTS/],
      ['tool.y=cox2.start:0:21:6', 'tool.y', /is the first variable too/],
      ['tool.r=volume@40', 'tool.r', /from 0 to the horizon, 28 days/],
      ['tool.r=volume', 'tool.r', /needs a day/],
      ['tool.r=size@3', 'tool.r', /not a readout/],
      ['tool.arm=0', 'tool.arm', /arms count from 1 to 5/],
      ['tool.vs=5', 'tool.vs', /is the arm read too/],
    ];
    for (const [bad, field, message] of cases) {
      const key = bad.slice(0, bad.indexOf('='));
      const link = `${NRF2}&${HEATMAP.split('&')
        .map((p) => (p.startsWith(`${key}=`) ? bad : p))
        .join('&')}`;
      const r = decodeScenario(link);
      // a bad arm leaves the arm compared with nothing to be compared with: both are reported
      expect(
        r.errors.map((e) => e.field),
        bad,
      ).toEqual(field === 'tool.arm' ? [field, 'tool.vs'] : [field]);
      expect(r.errors[0].message, bad).toMatch(message);
      expect(r.errors[0].messageJa, bad).toMatch(/^解析の tool\./);
      expect(r.tool?.kind).toBe('heatmap');
      expect(r.tool?.readout ?? 'dropped').toBe(field === 'tool.r' ? 'dropped' : 'volume@28');
      // the normalised link has no problem left
      expect(decodeScenario(r.normalised).errors).toEqual([]);
    }
  });

  it('report a key the tool does not use, tool keys without a tool, and an unknown tool', () => {
    const scan = decodeScenario(`${NRF2}&tool=scan&tool.x=nrf2&tool.n=64`);
    expect(scan.errors.map((e) => [e.field, e.code])).toEqual([['tool.n', 'incompatible']]);
    // a variable alone: its documented range, 21 points on a line
    expect(scan.tool).toEqual({ kind: 'scan', x: { variable: 'nrf2', min: 0, max: 1, points: 21 } });
    const none = decodeScenario(`${NRF2}&tool.x=nrf2`);
    expect(none.tool).toBeUndefined();
    expect(none.errors.map((e) => e.field)).toEqual(['tool']);
    expect(none.errors[0].messageJa).toContain('tool=scan');
    const unknown = decodeScenario(`${NRF2}&tool=pca&tool.x=nrf2`);
    expect(unknown.tool).toBeUndefined();
    expect(unknown.errors.map((e) => [e.field, e.code])).toEqual([['tool', 'out-of-range']]);
    expect(unknown.normalised).not.toContain('tool');
  });

  it('read factors: parameters with a range, doses and start days for a fit only, no duplicates', () => {
    const tornado = decodeScenario(
      `${NRF2}&tool=tornado&tool.f=tCellKillRate,p.pge2Half,cox2.start,nope,tCellKillRate`,
    );
    expect(tornado.tool?.factors).toEqual(['p.tCellKillRate', 'p.pge2Half']);
    expect(tornado.errors.map((e) => e.field)).toEqual(['tool.f', 'tool.f', 'tool.f']);
    expect(tornado.errors.map((e) => e.code)).toEqual(['unknown-key', 'unknown-key', 'duplicate']);
    const fit = decodeScenario(`${NRF2}&tool=fit&tool.f=tCellKillRate,arm5.cox2.start,arm1.cox2.dose`);
    expect(fit.tool?.factors).toEqual(['p.tCellKillRate', 'arm5.cox2.start']);
    expect(fit.errors.map((e) => e.code)).toEqual(['incompatible']);
    expect(fit.normalised).toContain('tool.f=tCellKillRate,arm5.cox2.start&');
  });

  it('leave room for the longest analysis on top of the scenario and view limits', () => {
    const s = decodeScenario(NRF2).scenario;
    const ids = variableParameters(s.setting);
    const longest = [...ids].sort((a, b) => b.length - a.length).slice(0, TOOL_MAX_FACTORS);
    const tool: ToolSettings = {
      kind: 'sobol',
      readout: 'logvolume@27.12345678901234',
      arm: 4,
      versus: 3,
      factors: longest.map((id) => `p.${id}`),
      samples: 1024,
    };
    const heat: ToolSettings = {
      kind: 'heatmap',
      x: { variable: 'arm12.cox2.window', min: 0.1234567890123456, max: 27.12345678901234, points: 40 },
      y: { variable: 'p.angiogenesisGrowthDependence', min: 0.1234567890123456, max: 27.12345678901234, points: 40 },
      readout: 'logvolume@27.12345678901234',
      arm: 11,
      versus: 10,
    };
    for (const t of [tool, heat]) {
      const part = encodeLink(s, {}, t).length - encodeScenario(s).length;
      expect(part).toBeLessThanOrEqual(TOOL_QUERY_RESERVE);
    }
    expect(MAX_LINK_LENGTH).toBe(MAX_QUERY_LENGTH + VIEW_QUERY_RESERVE + TOOL_QUERY_RESERVE);
  });
});
