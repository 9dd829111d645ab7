/**
 * Event times of a virtual patient driven by hazards along the simulated tumour: death (overall survival) and the
 * appearance of new lesions (progression outside the target lesion). Pure and cheap: both read the volumes at the
 * assessment days that the trial has already simulated, so they add no solver work. docs/model.md ("Virtual cohort",
 * "Overall survival", "New lesions") gives the forms, the sources and the calibration.
 *
 * Death hazard, per day:
 *   h(t) = background + burden · V(t) / V_ref + postProgression · [t ≥ day of progression]
 * with V(t) the target lesion's viable volume, interpolated linearly between assessment days (V_ref = 10 cm³, the
 * median baseline). New-lesion hazard, per day: newLesion · V(t) / V(0) (the lung trial: occult disease elsewhere
 * follows the target lesion's size), or, in the HCC trial, newLesion · V(t) / V(0) · f with f the deposits' net growth
 * under the treatment relative to the untreated growth on each interval, within [floor, 1] (newLesionFactor). Each event comes when its cumulative hazard
 * reaches an Exp(1) draw made once per patient (the same draw in every arm, so arms differ only by what the treatment
 * does to the tumour). Post-progression therapy is the post-progression hazard and, in the HCC trial's treated arms,
 * a slower growth of the burden the hazard reads after progression (postProgressionGrowthShare); and a crossover (the lung trial's comparator patients who switch to osimertinib at progression): from the switch
 * the hazard is that of the same patient's osimertinib course (deathDay's switchTo).
 */

/** The death hazard's parameters (per day). */
export interface SurvivalParameters {
  /** background mortality (cirrhosis, liver failure unrelated to the lesion), 1/day */
  backgroundHazard: number;
  /** added hazard per V_ref of tumour burden, 1/day */
  burdenHazard: number;
  /** added hazard once the disease has progressed (RECIST), 1/day */
  postProgressionHazard: number;
  /**
   * post-progression therapy (the HCC trial's treated arms since population version 10): after the progression day
   * the burden term reads the lesion grown by only this share of its simulated log-growth since that day,
   * V_p · (V(t) / V_p)^share while V(t) > V_p (V_p: the volume at the progression scan); 1 or absent: the course as
   * simulated
   */
  postProgressionGrowthShare?: number;
}

/** Reference burden of the burden term: 10 cm³ (the median baseline target lesion), mm³. */
export const BURDEN_REFERENCE_MM3 = 1e4;

/**
 * The first time at which the cumulative hazard reaches `draw`, for a hazard that is linear on each interval
 * [days[k], days[k + 1]] from left(k) to right(k); null when it is not reached by the last day.
 */
export function hazardCrossing(
  days: ArrayLike<number>,
  left: (k: number) => number,
  right: (k: number) => number,
  draw: number,
): number | null {
  let cumulative = 0;
  for (let k = 0; k + 1 < days.length; k++) {
    const t0 = days[k];
    const dt = days[k + 1] - t0;
    const a = left(k);
    const b = right(k);
    const piece = 0.5 * (a + b) * dt;
    if (cumulative + piece >= draw) {
      // h linear on the piece: a τ + (b − a) τ² / (2 dt) = remaining, solved for τ in [0, dt]; the rationalised root
      // 2R / (a + √(a² + 4cR)) is stable for c of either sign and for c = 0
      const remaining = draw - cumulative;
      const c = (b - a) / (2 * dt);
      const root = a + Math.sqrt(Math.max(0, a * a + 4 * c * remaining));
      const tau = root > 0 ? (2 * remaining) / root : dt;
      return t0 + Math.min(dt, Math.max(0, tau));
    }
    cumulative += piece;
  }
  return null;
}

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
  /**
   * a change of treatment on day `switchDay` (an assessment day): from then on the hazard is that of another course
   * of the same patient, its volumes at the same days and its own progression day (a crossover; docs/model.md)
   */
  switchTo?: { switchDay: number; volumes: ArrayLike<number>; progressionDay: number },
): number | null {
  // the post-progression term switches on at an assessment day, so it is constant within each interval; after a
  // switch the interval's both ends read the other course (the switch is at an assessment day, an interval's start)
  const switched = (k: number) => switchTo !== undefined && days[k] >= switchTo.switchDay;
  // post-progression therapy slows the burden's growth after the progression scan (not after a crossover)
  const share = p.postProgressionGrowthShare ?? 1;
  let scan = -1;
  if (share < 1 && Number.isFinite(progressionDay)) {
    scan = 0;
    while (scan < days.length && days[scan] < progressionDay) scan++;
  }
  const held = scan >= 0 && scan < days.length ? Math.max(0, volumes[scan]) : 0;
  const base = (k: number, at: number) => {
    const after = switched(k);
    const progressed = after && switchTo ? days[k] >= switchTo.progressionDay : days[k] >= progressionDay;
    let v = after && switchTo ? switchTo.volumes[at] : volumes[at];
    if (!after && progressed && held > 0 && v > held) v = held * (v / held) ** share;
    return (
      p.backgroundHazard +
      (progressed ? p.postProgressionHazard : 0) +
      (p.burdenHazard * Math.max(0, v)) / BURDEN_REFERENCE_MM3
    );
  };
  return hazardCrossing(
    days,
    (k) => base(k, k),
    (k) => base(k, k + 1),
    draw,
  );
}

/**
 * How a new-lesion hazard follows the treatment (the HCC trial since population version 6; docs/model.md, "New
 * lesions"): occult deposits grow at the target lesion's net rate under the same treatment, and the hazard is the rate
 * at which they cross the size a scan sees: the size-following hazard `rate` x V(t) / V(0) (their number falls with the
 * burden) times their net growth rate relative to the patient's untreated growth rate `growthRate` (1/day), within
 * [floor, 1] on each interval between assessments.
 */
export interface NewLesionFollowing {
  /** the patient's untreated (intrinsic) growth rate, 1/day: the net rate at which the hazard is `rate` */
  growthRate: number;
  /** the least share of `rate` (deposits the treatment does not hold), 0..1 */
  floor: number;
}

/**
 * The treatment factor of a following new-lesion hazard on the interval [days[k], days[k + 1]]: the target lesion's
 * net growth rate over it, ln(V(k + 1) / V(k)) / Δt, relative to the untreated rate, within [floor, 1]; the floor
 * once the lesion is gone.
 */
export function newLesionFactor(
  days: ArrayLike<number>,
  volumes: ArrayLike<number>,
  k: number,
  following: Readonly<NewLesionFollowing>,
): number {
  const floor = Math.min(1, Math.max(0, following.floor));
  const a = volumes[k];
  const b = volumes[k + 1];
  const dt = days[k + 1] - days[k];
  if (!(a > 0) || !(b > 0) || !(dt > 0) || !(following.growthRate > 0)) return floor;
  const relative = Math.log(b / a) / dt / following.growthRate;
  return relative < floor ? floor : relative > 1 ? 1 : relative;
}

/**
 * Day a new lesion appears (linear between assessments); null when none by the last day. It is seen (progression) at
 * the first assessment on or after that day. The hazard per day is `rate` · V(t) / V(0), V the viable target lesion
 * (the lung trial); with `following` it is that times newLesionFactor on each interval (the HCC trial): the deposits'
 * net growth under the treatment as well as their number.
 */
export function newLesionDay(
  days: ArrayLike<number>,
  volumes: ArrayLike<number>,
  rate: number,
  draw: number,
  following?: Readonly<NewLesionFollowing>,
): number | null {
  const v0 = volumes[0];
  if (!(rate > 0) || !(v0 > 0)) return null;
  const h = (k: number) => (rate * Math.max(0, volumes[k])) / v0;
  if (following) {
    // on each interval the size term (linear between its ends) times the interval's growth factor
    const f = (k: number) => newLesionFactor(days, volumes, k, following);
    return hazardCrossing(
      days,
      (k) => h(k) * f(k),
      (k) => h(k + 1) * f(k),
      draw,
    );
  }
  return hazardCrossing(days, h, (k) => h(k + 1), draw);
}
