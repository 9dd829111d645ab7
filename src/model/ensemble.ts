/**
 * The plausible parameter ensemble: seeded, reproducible sets of all model parameters drawn jointly, each within
 * ×0.7–1.3 of its value in the setting or within its documented range, whichever is narrower. The claims' robustness
 * (docs/model.md, "Robustness of the claims"), the virtual trial's spreads across plausible models and the toolkit's
 * uncertainty bands use it through simulate()'s `parameterOverrides`. Its median world is the default point.
 *
 *   const draws = ensembleDraws(200, 1);                     // 200 reproducible draws, seed 1
 *   const overrides = ensembleParameters(draws[17], 'hcc-mouse');
 *   simulate(scenario, { parameterOverrides: overrides });
 *
 * Distribution: median at the default (chosen, docs/model.md "Robustness of the claims"). Half of the draws lie below
 * the setting's value and half above it, each half uniform on its side of the interval: [low, value] and [value, high].
 * Where ×0.7–1.3 lies inside the documented range the two sides are equally wide and this is the uniform ×0.7–1.3 of
 * the first model's review. Where the range clips one side (a fraction such as m2KillSuppression 0.95 in [0.5, 0.98]),
 * that side is narrower but still carries half the draws, so the ensemble's median world is the default point; a plain
 * uniform on the clipped interval moved such a parameter mostly one way, and biased every hold rate and spread. A value
 * at a bound of its range (one side of zero width) is either fixed, with the reason in FIXED_AT_BOUND, or its range
 * was corrected with a source (parameters.ts): no interval is one-sided.
 *
 * A draw is a quantile u in [0, 1) per parameter, applied to the interval of each setting, so one draw is one
 * "plausible world" whatever the setting. The quantile of (seed, draw index, parameter id) comes from its own
 * xoshiro128** stream, seeded by a hash of the three: draw i is the same whatever the number of draws, and adding or
 * removing a parameter does not move the others. (Deriving the streams by adding the index to one seed instead left
 * the parameters of a draw correlated: the unit test checks that they are not.)
 */
import type { Scale, Setting } from '../scenario/types';
import { createRandom } from '../stats/random';
import { type ModelParameters, PARAMETERS, parameterRange } from './parameters';
import { SETTING_INFO, settingParameters } from './settings';

/** The relative perturbation around each value (×0.7–1.3). */
export const ENSEMBLE_FACTORS = { low: 0.7, high: 1.3 } as const;

/**
 * Parameters whose value sits at a bound of their documented range at some scale, kept at that value in the ensemble
 * (drawing them would move them one way only), with why the value is the bound and the range is not widened.
 */
export const FIXED_AT_BOUND: Readonly<
  Partial<Record<keyof ModelParameters, { scales: readonly Scale[]; reason: string }>>
> = {
  tCellKillRate: {
    scales: ['patient'],
    reason:
      "0.9/day is the one human value (QSPIO-TNBC's k_C_Tcell) and the bottom of the span of published models (0.9–18); " +
      'no lower value is published, and the trial calibrates T-cell recruitment against this kill rate, so its ' +
      'uncertainty is carried by tCellRecruitment',
  },
  pdl1IfnInduction: {
    scales: ['mouse', 'patient'],
    reason:
      "6 is the source's value (QSPIO-TNBC r_PDL1_IFNg = 6, up to 7x PD-L1, Shin 2017) and the top of its range; the " +
      "range's lower values are the first model's unsourced 3, and no source gives a larger induction",
  },
  pge2EffectorSuppression: {
    scales: ['mouse'],
    reason:
      'a share, at most 1: the mouse value 1 says one PGE2 signal (EP2/EP4) holds back both infiltration and effector ' +
      'differentiation (Lacher 2024); how strong that signal is, is drawn through pge2MaxInhibition, pge2Half and pge2Hill',
  },
};

/** The interval one parameter is drawn from in one setting. */
export interface ParameterInterval {
  id: keyof ModelParameters;
  /** the setting's value (the default point) */
  value: number;
  low: number;
  high: number;
  /**
   * 'factor': ×0.7–1.3 lies inside the documented range; 'range': the range is narrower on at least one side;
   * 'fixed': zero width (a value of 0, a range of one point, or a value at its range's bound listed in FIXED_AT_BOUND);
   * 'outside-range': the setting's value lies outside its documented range, so the range cannot apply and ×0.7–1.3 is
   * used alone; 'one-sided': the value sits at a bound of its range and is not in FIXED_AT_BOUND (a gap in the
   * parameter table: a unit test fails on it; drawn on its one side only).
   */
  basis: 'factor' | 'range' | 'fixed' | 'outside-range' | 'one-sided';
  /** why a value at its range's bound is fixed (FIXED_AT_BOUND) */
  fixedReason?: string;
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
    if (low === high) return { id: info.id, value, low, high, basis: 'fixed' };
    if (low === value || high === value) {
      const fixed = FIXED_AT_BOUND[info.id];
      const scale = SETTING_INFO[setting].scale;
      if (fixed?.scales.includes(scale))
        return { id: info.id, value, low: value, high: value, basis: 'fixed', fixedReason: fixed.reason };
      return { id: info.id, value, low, high, basis: 'one-sided' };
    }
    const basis = low > a || high < b ? 'range' : 'factor';
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

/**
 * The value at quantile u of an interval: below the median (u < 0.5) uniform on [low, value], above it uniform on
 * [value, high], so that u = 0.5 is the setting's value whatever the range clips. Monotone in u.
 */
export function intervalQuantile(interval: ParameterInterval, u: number): number {
  return u < 0.5
    ? interval.value - (interval.value - interval.low) * (1 - 2 * u)
    : interval.value + (interval.high - interval.value) * (2 * u - 1);
}

/** A draw's parameter values in a setting: every parameter, ready for simulate()'s parameterOverrides. */
export function ensembleParameters(draw: EnsembleDraw, setting: Setting): ModelParameters {
  const out = { ...settingParameters(setting) } as ModelParameters;
  for (const interval of plausibleIntervals(setting))
    out[interval.id] = intervalQuantile(interval, draw.quantiles[interval.id]);
  return out;
}
