/**
 * Overall survival of a virtual patient: a death hazard that depends on the tumour burden and on progression, on top
 * of a background (liver) mortality. Pure and cheap: it reads the volumes at the assessment days that the trial has
 * already simulated, so it adds no solver work. docs/model.md ("Virtual cohort", "Overall survival") gives the form,
 * the sources and the calibration.
 *
 * Hazard, per day:
 *   h(t) = background + burden · V(t) / V_ref + postProgression · [t ≥ day of progression]
 * with V(t) the target lesion's volume, interpolated linearly between assessment days (V_ref = 10 cm³, the median
 * baseline). Death time: the first t with ∫₀ᵗ h = E, with E ~ Exp(1) drawn once per patient (the same E in every arm,
 * so arms differ only by what the treatment does to the tumour). Post-progression therapy is not modelled apart: it is
 * folded into the post-progression hazard (a stated simplification).
 */

/** The death hazard's parameters (per day). */
export interface SurvivalParameters {
  /** background mortality (cirrhosis, liver failure unrelated to the lesion), 1/day */
  backgroundHazard: number;
  /** added hazard per V_ref of tumour burden, 1/day */
  burdenHazard: number;
  /** added hazard once the disease has progressed (RECIST), 1/day */
  postProgressionHazard: number;
}

/** Reference burden of the burden term: 10 cm³ (the median baseline target lesion), mm³. */
export const BURDEN_REFERENCE_MM3 = 1e4;

/**
 * Time of death for one patient: the first day at which the cumulative hazard reaches `draw` (an Exp(1) deviate), or
 * null when it is not reached by the last assessment day (alive at the data cut, censored there).
 * `days` ascending from 0; `volumes` in mm³ at those days; `progressionDay` the RECIST progression day or Infinity.
 */
export function deathDay(
  days: ArrayLike<number>,
  volumes: ArrayLike<number>,
  progressionDay: number,
  draw: number,
  p: SurvivalParameters,
): number | null {
  let cumulative = 0;
  const n = days.length;
  for (let k = 0; k + 1 < n; k++) {
    const t0 = days[k];
    const t1 = days[k + 1];
    // the post-progression term switches on at an assessment day, so it is constant within [t0, t1)
    const post = t0 >= progressionDay ? p.postProgressionHazard : 0;
    const a = p.backgroundHazard + post + (p.burdenHazard * Math.max(0, volumes[k])) / BURDEN_REFERENCE_MM3;
    const b = p.backgroundHazard + post + (p.burdenHazard * Math.max(0, volumes[k + 1])) / BURDEN_REFERENCE_MM3;
    const dt = t1 - t0;
    const piece = 0.5 * (a + b) * dt;
    if (cumulative + piece >= draw) {
      // h linear on the piece: a τ + (b − a) τ² / (2 dt) = remaining, solved for τ in [0, dt]
      const remaining = draw - cumulative;
      const c = (b - a) / (2 * dt);
      // the rationalised root 2R / (a + √(a² + 4cR)) is stable for c of either sign and c = 0
      const root = a + Math.sqrt(Math.max(0, a * a + 4 * c * remaining));
      const tau = root > 0 ? (2 * remaining) / root : dt;
      return t0 + Math.min(dt, Math.max(0, tau));
    }
    cumulative += piece;
  }
  return null;
}
