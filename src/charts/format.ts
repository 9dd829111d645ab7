/**
 * Display conversions only: the model works in days and mm3; patient-scale views show months and cm3. Nothing here
 * computes science; it rescales and formats numbers for axes, readouts and labels.
 */
import { DAYS_PER_MONTH } from '../scenario/catalogue/calendar';
import type { Scale } from '../scenario/types';

export { DAYS_PER_MONTH };
export const MM3_PER_CM3 = 1000;

export type TimeUnit = 'days' | 'months';
export type VolumeUnit = 'mm3' | 'cm3';

export interface DisplayUnits {
  time: TimeUnit;
  /** multiply a day count by this to get the displayed time */
  timeFactor: number;
  volume: VolumeUnit;
  /** multiply a mm3 volume by this to get the displayed volume */
  volumeFactor: number;
}

export function displayUnits(scale: Scale): DisplayUnits {
  return scale === 'patient'
    ? { time: 'months', timeFactor: 1 / DAYS_PER_MONTH, volume: 'cm3', volumeFactor: 1 / MM3_PER_CM3 }
    : { time: 'days', timeFactor: 1, volume: 'mm3', volumeFactor: 1 };
}

/** A number with about three significant figures, without exponent noise for ordinary magnitudes. */
export function formatNumber(value: number, locale = 'en'): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs >= 1e6 || abs < 1e-3) {
    return value.toExponential(2).replace('e+', 'e');
  }
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return numberFormat(locale, digits).format(value);
}

/**
 * Intl.NumberFormat objects, one per locale and digit count: creating one costs tens of microseconds (as does
 * toLocaleString with options, which creates one per call), and axis labels are formatted on every slider move.
 */
const FORMATS = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let f = FORMATS.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    FORMATS.set(key, f);
  }
  return f;
}

/**
 * The numbers of one column (or one tooltip) in one notation: scientific with three significant digits for all of
 * them when any needs it (at or above 1e6, or non-zero below 1e-3), otherwise fixed with the decimals the smallest
 * non-zero magnitude needs (at most three), so that 0.001 never stands beside 1.00e-4, nor 708,496 beside 1.76e6.
 */
export function formatColumn(values: readonly number[], locale = 'en'): string[] {
  const finite = values.filter((v) => Number.isFinite(v) && v !== 0).map(Math.abs);
  const scientific = finite.some((a) => a >= 1e6 || a < 1e-3);
  if (scientific) {
    return values.map((v) => (Number.isFinite(v) ? (v === 0 ? '0' : v.toExponential(2).replace('e+', 'e')) : '–'));
  }
  const smallest = finite.length > 0 ? Math.min(...finite) : 1;
  const digits = smallest >= 100 ? 0 : smallest >= 10 ? 1 : smallest >= 1 ? 2 : 3;
  const f = numberFormat(locale, digits);
  return values.map((v) => (Number.isFinite(v) ? f.format(v) : '–'));
}

/** Signed percentage change, e.g. "+42 %" or "−15 %". */
export function formatPercentChange(from: number, to: number, locale = 'en'): string {
  if (!(from > 0) || !Number.isFinite(to)) return '–';
  // beyond a tenfold rise a percentage is unreadable ("+163,757 %"): the fold change says the same
  if (to / from >= 10) return `×${numberFormat(locale, to / from >= 100 ? 0 : 1).format(to / from)}`;
  const change = ((to - from) / from) * 100;
  const rounded = Math.abs(change) >= 10 ? Math.round(change) : Math.round(change * 10) / 10;
  const text = numberFormat(locale, 3).format(Math.abs(rounded));
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${text} %`;
}

/** A day count in the display time unit, e.g. 91 days -> "3.0" months at patient scale. */
export function formatTime(day: number, units: DisplayUnits, locale = 'en'): string {
  const value = day * units.timeFactor;
  return numberFormat(locale, units.time === 'months' ? 1 : 2).format(value);
}

/** Linear interpolation of a sampled series at `day` (clamped to the grid); display helper for cursors and readouts. */
export function sampleAt(t: Float64Array, values: Float64Array, day: number): number {
  const n = t.length;
  if (n === 0) return Number.NaN;
  if (day <= t[0]) return values[0];
  if (day >= t[n - 1]) return values[n - 1];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (t[mid] <= day) lo = mid;
    else hi = mid;
  }
  const span = t[hi] - t[lo];
  const w = span > 0 ? (day - t[lo]) / span : 0;
  return values[lo] + w * (values[hi] - values[lo]);
}
