/**
 * The plausible parameter ensemble (src/model/ensemble.ts): reproducible, inside its intervals, uniform and
 * independent between parameters, and usable through simulate()'s parameterOverrides.
 */
import { describe, expect, it } from 'vitest';
import {
  ENSEMBLE_FACTORS,
  ensembleDraw,
  ensembleDraws,
  ensembleParameters,
  plausibleIntervals,
  simulate,
} from '../../src/model';
import { PARAMETERS, parameterRange } from '../../src/model/parameters';
import { settingParameters } from '../../src/model/settings';
import { presetById } from '../../src/scenario/catalogue/presets';
import { SETTINGS } from '../../src/scenario/types';

describe('the plausible parameter ensemble', () => {
  it('is reproducible: the same seed gives the same draws, and draw i does not depend on how many are drawn', () => {
    const a = ensembleDraws(50, 3);
    const b = ensembleDraws(10, 3);
    expect(b).toEqual(a.slice(0, 10));
    expect(ensembleDraw(3, 49)).toEqual(a[49]);
    expect(ensembleDraws(5, 4)[0].quantiles).not.toEqual(a[0].quantiles);
  });

  it('draws every parameter within x0.7–1.3 of its value, narrowed by its documented range', () => {
    for (const setting of SETTINGS) {
      const values = settingParameters(setting);
      for (const draw of ensembleDraws(100, 1)) {
        const p = ensembleParameters(draw, setting);
        for (const info of PARAMETERS) {
          const v = values[info.id];
          const x = p[info.id];
          const lo = Math.min(ENSEMBLE_FACTORS.low * v, ENSEMBLE_FACTORS.high * v);
          const hi = Math.max(ENSEMBLE_FACTORS.low * v, ENSEMBLE_FACTORS.high * v);
          expect(x, `${setting} ${info.id}`).toBeGreaterThanOrEqual(lo);
          expect(x, `${setting} ${info.id}`).toBeLessThanOrEqual(hi);
          const inRange = v >= info.range[0] && v <= info.range[1];
          if (inRange) {
            expect(x, `${setting} ${info.id}`).toBeGreaterThanOrEqual(info.range[0]);
            expect(x, `${setting} ${info.id}`).toBeLessThanOrEqual(info.range[1]);
          }
        }
      }
    }
  });

  it('names the basis of each interval: a zero value or a one-point range stays fixed; a value outside its range says so', () => {
    const lung = plausibleIntervals('lung-egfr');
    const byId = new Map(lung.map((i) => [i.id, i]));
    expect(byId.get('tCellRecruitment')?.basis).toBe('fixed'); // no T cells in a xenograft
    expect(byId.get('extinctionThreshold')?.basis).toBe('fixed');
    expect(byId.get('m2KillSuppression')?.basis).toBe('range'); // 0.95, range [0.5, 0.98]: 0.665–0.98
    expect(byId.get('m2KillSuppression')?.high).toBe(0.98);
    for (const i of plausibleIntervals('hcc-patient')) {
      const info = PARAMETERS.find((p) => p.id === i.id);
      const range = info ? parameterRange(info, 'patient') : undefined;
      const outside = range ? i.value < range[0] || i.value > range[1] : false;
      expect(i.basis === 'outside-range', i.id).toBe(outside && i.low !== i.high);
    }
  });

  it('is uniform on each interval and independent between parameters (1000 draws)', () => {
    const draws = ensembleDraws(1000, 1);
    const ids = PARAMETERS.map((p) => p.id);
    for (const id of ids) {
      const u = draws.map((d) => d.quantiles[id]);
      const mean = u.reduce((s, x) => s + x, 0) / u.length;
      // SD of the mean of 1000 uniforms is 0.0091: 0.04 is over 4 SD
      expect(Math.abs(mean - 0.5), id).toBeLessThan(0.04);
      const belowTenth = u.filter((x) => x < 0.1).length;
      expect(belowTenth, id).toBeGreaterThan(60);
      expect(belowTenth, id).toBeLessThan(140);
    }
    // correlation of every pair of parameters, SD ~ 0.032 each: 0.15 is over 4.7 SD (about 1000 pairs)
    const centred = ids.map((id) => draws.map((d) => d.quantiles[id] - 0.5));
    for (let j = 0; j < ids.length; j++) {
      for (let k = j + 1; k < ids.length; k++) {
        const a = centred[j];
        const b = centred[k];
        const r =
          a.reduce((s, x, i) => s + x * b[i], 0) /
          Math.sqrt(a.reduce((s, x) => s + x * x, 0) * b.reduce((s, x) => s + x * x, 0));
        expect(Math.abs(r), `${ids[j]} ~ ${ids[k]}`).toBeLessThan(0.15);
      }
    }
  });

  it('changes a simulation through parameterOverrides, and the default point is the setting itself', () => {
    const preset = presetById('nrf2-atezo-bev');
    if (!preset) throw new Error('preset');
    const scenario = { ...preset.scenario, arms: [preset.scenario.arms[1]] };
    const base = simulate(scenario).arms[0].summary.volumeEnd;
    const same = simulate(scenario, { parameterOverrides: { ...settingParameters('hcc-mouse') } }).arms[0].summary
      .volumeEnd;
    expect(same).toBe(base);
    const drawn = ensembleDraws(5, 1).map(
      (d) => simulate(scenario, { parameterOverrides: ensembleParameters(d, 'hcc-mouse') }).arms[0].summary.volumeEnd,
    );
    expect(new Set(drawn).size).toBe(5);
    for (const v of drawn) expect(v).not.toBe(base);
  });

  it('rejects a seed or an index it cannot reproduce', () => {
    expect(() => ensembleDraw(-1, 0)).toThrow(/seed/);
    expect(() => ensembleDraw(1.5, 0)).toThrow(/seed/);
    expect(() => ensembleDraw(1, 2 ** 21)).toThrow(/index/);
    expect(() => ensembleDraws(0, 1)).toThrow(/at least one/);
  });
});
