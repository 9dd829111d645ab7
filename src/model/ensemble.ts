/**
 * The plausible parameter ensemble: seeded, reproducible sets of all model parameters drawn jointly, each within
 * ×0.7–1.3 of its value in the setting or within its documented range, whichever is narrower. The claims' robustness
 * (docs/model.md, "Robustness of the claims"), and later the virtual trial's and the toolkit's uncertainty bands, use
 * it through simulate()'s `parameterOverrides`.
 *
 *   const draws = ensembleDraws(200, 1);                     // 200 reproducible draws, seed 1
 *   const overrides = ensembleParameters(draws[17], 'hcc-mouse');
 *   simulate(scenario, { parameterOverrides: overrides });
 *
 * Distribution: uniform on each interval (chosen). The interval spans at most a factor 1.86, over which uniform and
 * log-uniform sampling differ little; uniform keeps the mean at the default value when the range does not clip it, and
 * keeps the figures comparable with the first model's review, which moved every parameter by a uniform ×0.7–1.3.
 *
 * A draw is a quantile u in [0, 1) per parameter, applied to the interval of each setting, so one draw is one
 * "plausible world" whatever the setting. The quantile of (seed, draw index, parameter id) comes from its own
 * xoshiro128** stream, seeded by a hash of the three: draw i is the same whatever the number of draws, and adding or
 * removing a parameter does not move the others. (Deriving the streams by adding the index to one seed instead left
 * the parameters of a draw correlated: the unit test checks that they are not.)
 */
import type { Setting } from '../scenario/types';
import { createRandom } from '../stats/random';
import { type ModelParameters, PARAMETERS, parameterRange } from './parameters';
import { SETTING_INFO, settingParameters } from './settings';

/** The relative perturbation around each value (×0.7–1.3). */
export const ENSEMBLE_FACTORS = { low: 0.7, high: 1.3 } as const;

/** The interval one parameter is drawn from in one setting. */
export interface ParameterInterval {
  id: keyof ModelParameters;
  /** the setting's value (the default point) */
  value: number;
  low: number;
  high: number;
  /**
   * 'factor': ×0.7–1.3 lies inside the documented range; 'range': the range is narrower on at least one side;
   * 'fixed': zero width (a value of 0, or a range of one point); 'outside-range': the setting's value lies outside its
   * documented range, so the range cannot apply and ×0.7–1.3 is used alone.
   */
  basis: 'factor' | 'range' | 'fixed' | 'outside-range';
}

/** One member of the ensemble: a quantile per parameter id. */
export interface EnsembleDraw {
  seed: number;
  index: number;
  quantiles: Readonly<Record<keyof ModelParameters, number>>;
}

const intervalCache = new Map<Setting, readonly ParameterInterval[]>();

/** The interval of every parameter in a setting (the table order of parameters.ts). */
export function plausibleIntervals(setting: Setting): readonly ParameterInterval[] {
  const cached = intervalCache.get(setting);
  if (cached) return cached;
  const values = settingParameters(setting);
  const out = PARAMETERS.map((info): ParameterInterval => {
    const value = values[info.id];
    const a = Math.min(ENSEMBLE_FACTORS.low * value, ENSEMBLE_FACTORS.high * value);
    const b = Math.max(ENSEMBLE_FACTORS.low * value, ENSEMBLE_FACTORS.high * value);
    const [lo, hi] = parameterRange(info, SETTING_INFO[setting].scale);
    if (a === b) return { id: info.id, value, low: value, high: value, basis: 'fixed' };
    if (value < lo || value > hi) return { id: info.id, value, low: a, high: b, basis: 'outside-range' };
    const low = Math.max(a, lo);
    const high = Math.min(b, hi);
    const basis = low === high ? 'fixed' : low > a || high < b ? 'range' : 'factor';
    return { id: info.id, value, low, high, basis };
  });
  intervalCache.set(setting, out);
  return out;
}

/** FNV-1a hash of a string, 32 bits: the parameter's part of its stream's seed. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Draw `index` (an integer in [0, 2^21)) of the ensemble with this seed (any non-negative 32-bit integer). */
export function ensembleDraw(seed: number, index: number): EnsembleDraw {
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32)
    throw new RangeError(`seed must be a 32-bit integer: ${seed}`);
  if (!Number.isInteger(index) || index < 0 || index >= 2 ** 21) throw new RangeError(`bad draw index ${index}`);
  const quantiles = {} as Record<keyof ModelParameters, number>;
  for (const info of PARAMETERS) {
    // one stream per (seed, index, parameter), seeded by a hash of all three (the seeder mixes it once more)
    const stream = createRandom(hash32(`${seed}/${index}/${info.id}`));
    quantiles[info.id] = stream.next();
  }
  return { seed, index, quantiles };
}

/** The first n draws of the ensemble with this seed. */
export function ensembleDraws(n: number, seed: number): EnsembleDraw[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`the ensemble needs at least one draw, got ${n}`);
  return Array.from({ length: n }, (_, i) => ensembleDraw(seed, i));
}

/** A draw's parameter values in a setting: every parameter, ready for simulate()'s parameterOverrides. */
export function ensembleParameters(draw: EnsembleDraw, setting: Setting): ModelParameters {
  const out = { ...settingParameters(setting) } as ModelParameters;
  for (const interval of plausibleIntervals(setting)) {
    const u = draw.quantiles[interval.id];
    out[interval.id] = interval.low + u * (interval.high - interval.low);
  }
  return out;
}
