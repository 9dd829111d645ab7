/**
 * Confidence intervals for a single binomial proportion (response rates, the share of patients cured, …).
 *
 * - Wilson (1927) score interval, without continuity correction: the recommended default (Newcombe 1998; Agresti &
 *   Coull 1998; Brown, Cai & DasGupta 2001), good coverage, never outside [0, 1], defined at 0 and n.
 * - Clopper–Pearson (1934) "exact" interval from beta quantiles: guaranteed coverage ≥ the level, conservative.
 */

import { betaQuantile, normalQuantile } from './distributions';

export interface ProportionInterval {
  /** point estimate x / n */
  estimate: number;
  lower: number;
  upper: number;
  level: number;
}

function check(successes: number, n: number, level: number): void {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be an integer in [0, n], got ${successes}`);
  }
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
}

/** Wilson score interval: (p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n). */
export function wilsonInterval(successes: number, n: number, level = 0.95): ProportionInterval {
  check(successes, n, level);
  const z = normalQuantile(0.5 + level / 2);
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return {
    estimate: p,
    lower: successes === 0 ? 0 : Math.max(0, centre - half),
    upper: successes === n ? 1 : Math.min(1, centre + half),
    level,
  };
}

/** Clopper–Pearson interval: [B⁻¹(α/2; x, n − x + 1), B⁻¹(1 − α/2; x + 1, n − x)], with 0 and 1 at the edges. */
export function clopperPearsonInterval(successes: number, n: number, level = 0.95): ProportionInterval {
  check(successes, n, level);
  const alpha = 1 - level;
  return {
    estimate: successes / n,
    lower: successes === 0 ? 0 : betaQuantile(alpha / 2, successes, n - successes + 1),
    upper: successes === n ? 1 : betaQuantile(1 - alpha / 2, successes + 1, n - successes),
    level,
  };
}
