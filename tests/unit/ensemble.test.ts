/**
 * The plausible parameter ensemble (src/model/ensemble.ts): reproducible, inside its intervals, centred on the default
 * point (its median world is the setting itself), never one-sided, independent between parameters, and usable through
 * simulate()'s parameterOverrides.
 */
import { describe, expect, it } from 'vitest';
import { ensembleDraw, ensembleDraws, ensembleParameters, plausibleIntervals, simulate } from '../../src/model';
import { ENSEMBLE_FACTORS, FIXED_AT_BOUND, intervalQuantile } from '../../src/model/ensemble';
import { PARAMETERS, parameterRange } from '../../src/model/parameters';
import { SETTING_INFO, settingParameters } from '../../src/model/settings';
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
          const range = parameterRange(info, SETTING_INFO[setting].scale);
          const inRange = v >= range[0] && v <= range[1];
          if (inRange) {
            expect(x, `${setting} ${info.id}`).toBeGreaterThanOrEqual(range[0]);
            expect(x, `${setting} ${info.id}`).toBeLessThanOrEqual(range[1]);
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

  it('has the default point as its median world: in every setting each drawn parameter lies below its value in half of 2000 draws', () => {
    const draws = ensembleDraws(2000, 1);
    // the share of 2000 draws below the median has SD 0.011: 0.045 is 4 SD (about 250 parameter-settings are tested).
    // A plain uniform on the clipped interval (the first ensemble) puts m2KillSuppression 0.95 of [0.665, 0.98] below
    // its value in 90 % of draws, tCellKillRate 0.9 of [0.9, 1.17] in none.
    for (const setting of SETTINGS) {
      const sets = draws.map((d) => ensembleParameters(d, setting));
      for (const interval of plausibleIntervals(setting)) {
        if (interval.basis === 'fixed') continue;
        const x = sets.map((p) => p[interval.id]);
        const below = x.filter((v) => v < interval.value).length / x.length;
        const above = x.filter((v) => v > interval.value).length / x.length;
        expect(Math.abs(below - 0.5), `${setting} ${interval.id}: ${below} below`).toBeLessThan(0.045);
        expect(Math.abs(above - 0.5), `${setting} ${interval.id}: ${above} above`).toBeLessThan(0.045);
        const sorted = [...x].sort((a, b) => a - b);
        const median = (sorted[999] + sorted[1000]) / 2;
        // the sample median's quantile is within 0.045 of 0.5, so it lies within 9 % of a side's width of the value
        const side = median < interval.value ? interval.value - interval.low : interval.high - interval.value;
        expect(Math.abs(median - interval.value), `${setting} ${interval.id} median`).toBeLessThanOrEqual(0.09 * side);
        // each half is uniform on its side: a quarter of the draws lie below the middle of the lower side
        const lowMid = (interval.low + interval.value) / 2;
        const quarter = x.filter((v) => v < lowMid).length / x.length;
        expect(Math.abs(quarter - 0.25), `${setting} ${interval.id} lower quarter`).toBeLessThan(0.04);
      }
    }
  });

  it('is never one-sided: a value at a bound of its range is fixed, with its reason, or has two sides', () => {
    for (const setting of SETTINGS) {
      const scale = SETTING_INFO[setting].scale;
      for (const interval of plausibleIntervals(setting)) {
        expect(interval.basis, `${setting} ${interval.id}`).not.toBe('one-sided');
        if (interval.basis === 'fixed') {
          expect(interval.low).toBe(interval.value);
          expect(interval.high).toBe(interval.value);
          continue;
        }
        expect(interval.low, `${setting} ${interval.id}`).toBeLessThan(interval.value);
        expect(interval.high, `${setting} ${interval.id}`).toBeGreaterThan(interval.value);
        expect(FIXED_AT_BOUND[interval.id]?.scales.includes(scale) ?? false, `${setting} ${interval.id}`).toBe(false);
      }
    }
    const patient = new Map(plausibleIntervals('hcc-patient').map((i) => [i.id, i]));
    expect(patient.get('tCellKillRate')?.basis).toBe('fixed'); // 0.9/day at the bottom of 0.9–18
    expect(patient.get('tCellKillRate')?.fixedReason).toMatch(/QSPIO-TNBC/);
    expect(patient.get('tCellDeath')?.basis).toBe('factor'); // its patient range now reaches 0.001/day
    const mouse = new Map(plausibleIntervals('hcc-mouse').map((i) => [i.id, i]));
    expect(mouse.get('tCellKillRate')?.basis).toBe('factor'); // 6/day: fixed only where it is at the bound
    expect(mouse.get('pge2EffectorSuppression')?.basis).toBe('fixed');
    expect(new Map(plausibleIntervals('crc-liver').map((i) => [i.id, i])).get('il6Half')?.basis).toBe('factor');
  });

  it('maps a quantile to its interval monotonically, with 0.5 at the value and the ends at the bounds', () => {
    const interval = { id: 'm2KillSuppression', value: 0.95, low: 0.665, high: 0.98, basis: 'range' } as const;
    expect(intervalQuantile(interval, 0)).toBeCloseTo(0.665, 12);
    expect(intervalQuantile(interval, 0.5)).toBe(0.95);
    expect(intervalQuantile(interval, 0.25)).toBeCloseTo(0.8075, 12);
    expect(intervalQuantile(interval, 0.75)).toBeCloseTo(0.965, 12);
    expect(intervalQuantile(interval, 1)).toBeCloseTo(0.98, 12);
    let last = -Infinity;
    for (let u = 0; u < 1; u += 0.01) {
      const x = intervalQuantile(interval, u);
      expect(x).toBeGreaterThanOrEqual(last);
      last = x;
    }
    // unclipped, it is the uniform x0.7–1.3 of the first ensemble
    const factor = { id: 'pge2Half', value: 2, low: 1.4, high: 2.6, basis: 'factor' } as const;
    for (const u of [0, 0.1, 0.37, 0.5, 0.8, 0.99]) expect(intervalQuantile(factor, u)).toBeCloseTo(1.4 + 1.2 * u, 12);
  });

  it('draws uniform quantiles, independent between parameters (1000 draws)', () => {
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
