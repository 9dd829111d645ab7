/**
 * The virtual trial's calibration targets (IMbrave150's primary analysis, Finn et al., NEJM 2020; the time to
 * response from the trial's response analysis, Cancer Medicine 2021; the figures themselves are the trial catalogue's)
 * and the stated loss that `npm run calibrate` minimises. Pure: the
 * calibration script, the unit test that keeps the profile within the aims, and docs/model.md's table read it.
 *
 * Loss: Σ over the fitted targets of ((model − target) / SE)², each target weighted by its precision in the trial:
 *  - rates: the binomial SE √(p (1 − p) / n) of the trial's arm (n = 336 atezo/bev, 165 sorafenib; p = 0.5/n for 0 %);
 *  - medians and 12-month OS: the SE read off the published 95 % CI, (upper − lower) / (2 · 1.96);
 *  - hazard ratios: on the log scale, (ln upper − ln lower) / (2 · 1.96).
 * Every best-response category is a share of all randomised patients, as in the trial, NE (not evaluable: no
 * post-baseline scan, 6.8 % and 20.2 %) included; PR and DCR are left out of the loss only because they are sums of
 * other fitted rows (PR = ORR − CR, DCR = 1 − PD − NE). The time to response is a shape target (median 2.8 months, range 1.2–12.3; its SE of 0.5 months is chosen).
 * Beside IMbrave150, the natural history of untreated HCC (NATURAL_HISTORY_TARGETS, on an untreated arm that the
 * calibration adds): the untreated lesions' median volume-doubling time is fitted, SHARP placebo's medians reported.
 */

import { DAYS_PER_MONTH } from '../scenario/catalogue/calendar';
import {
  COMPARISON_AIMS,
  IMBRAVE150_TARGETS as PUBLISHED,
  type PublishedFigure,
  type TrialTargetId,
  UNTREATED_HCC_TARGETS,
} from '../scenario/catalogue/trial';
import type { KaplanMeierResult } from '../stats';
import { survivalAt } from '../stats';
import type { CohortStatistics, CohortTrajectories } from './cohort';

export type TargetKind = 'rate' | 'months' | 'hazard-ratio';

export interface TrialTarget {
  id: string;
  /** what the row is, as docs/model.md's table names it */
  label: string;
  /**
   * arm index in the calibration's trial: the imbrave150-trial preset (0 sorafenib, 1 atezo/bev) with an untreated arm
   * added (2, UNTREATED_ARM), or 'comparison' (atezo/bev vs sorafenib)
   */
  arm: 0 | 1 | 2 | 'comparison';
  kind: TargetKind;
  value: number;
  /** standard error of the trial's figure (log scale for hazard ratios) */
  se: number;
  /** part of the loss */
  fitted: boolean;
}

/** targets.md's aims: rates within 5 points, medians within 1 month, hazard ratios within 0.1. */
export const AIMS: Record<TargetKind, number> = {
  rate: COMPARISON_AIMS.rate,
  months: COMPARISON_AIMS.months,
  'hazard-ratio': COMPARISON_AIMS.ratio,
};

const N = [165, 336] as const;
const rate = (p: number, n: number) => Math.sqrt((Math.max(p, 0.5 / n) * (1 - Math.max(p, 0.5 / n))) / n);
const fromCi = (lower: number, upper: number) => (upper - lower) / (2 * 1.959964);
const fromLogCi = (lower: number, upper: number) => (Math.log(upper) - Math.log(lower)) / (2 * 1.959964);

const ARM_NAMES = ['sorafenib', 'atezolizumab + bevacizumab'] as const;

/** The published figure of `id` for an arm (0 sorafenib, 1 atezo/bev; a hazard ratio is atezo/bev's). */
function published(id: TrialTargetId, arm: 0 | 1): PublishedFigure {
  const row = PUBLISHED.find((t) => t.id === id);
  const figure = arm === 1 ? row?.atezoBev : row?.sorafenib;
  if (!figure) throw new Error(`IMbrave150 has no ${id} for ${ARM_NAMES[arm]}`);
  return figure;
}

function interval(figure: PublishedFigure): [number, number] {
  if (figure.lower === undefined || figure.upper === undefined) throw new Error('a published figure lacks its CI');
  return [figure.lower, figure.upper];
}

function rates(arm: 0 | 1): TrialTarget[] {
  const fitted = new Set(['orr', 'cr', 'sd', 'pd', 'ne']);
  return (['orr', 'cr', 'pr', 'sd', 'pd', 'ne', 'dcr'] as const).map((id) => {
    const value = published(id, arm).value;
    return {
      id: `${id}.${arm}`,
      label: `${ARM_NAMES[arm]}: ${id.toUpperCase()}`,
      arm,
      kind: 'rate' as const,
      value,
      se: rate(value, N[arm]),
      fitted: fitted.has(id),
    };
  });
}

function medianPfs(arm: 0 | 1): TrialTarget {
  const f = published('medianPfs', arm);
  const label = `${ARM_NAMES[arm]}: median PFS, months`;
  return { id: `mpfs.${arm}`, label, arm, kind: 'months', value: f.value, se: fromCi(...interval(f)), fitted: true };
}

function os12(arm: 0 | 1): TrialTarget {
  const f = published('os12', arm);
  const label = `${ARM_NAMES[arm]}: OS at 12 months`;
  return { id: `os12.${arm}`, label, arm, kind: 'rate', value: f.value, se: fromCi(...interval(f)), fitted: true };
}

function hazardRatio(id: 'pfsHr' | 'osHr'): TrialTarget {
  const f = published(id, 1);
  return {
    id: id === 'pfsHr' ? 'hr.pfs' : 'hr.os',
    label: id === 'pfsHr' ? 'PFS hazard ratio' : 'OS hazard ratio',
    arm: 'comparison',
    kind: 'hazard-ratio',
    value: f.value,
    se: fromLogCi(...interval(f)),
    fitted: true,
  };
}

/**
 * The calibration's targets: the published figures of the trial catalogue (scenario/catalogue/trial.ts, which the
 * app's "model vs IMbrave150" table shows too), each with its SE.
 */
export const IMBRAVE150_TARGETS: readonly TrialTarget[] = [
  ...rates(1),
  ...rates(0),
  medianPfs(1),
  medianPfs(0),
  os12(1),
  os12(0),
  hazardRatio('pfsHr'),
  hazardRatio('osHr'),
  {
    id: 'ttr.1',
    label: 'atezolizumab + bevacizumab: median time to response, months',
    arm: 1,
    kind: 'months',
    value: published('timeToResponse', 1).value,
    se: 0.5,
    fitted: true,
  },
];

/** The untreated arm that the calibration adds to the imbrave150-trial preset's two arms. */
export const UNTREATED_ARM = 2;

/**
 * Untreated HCC's natural history (scenario/catalogue/trial.ts UNTREATED_HCC_TARGETS), an addition of this project to
 * the shared targets table: IMbrave150 had no untreated arm, and without a target on it the fit traded the tumours'
 * growth away (version 3's first run: untreated doubling 17 months). Fitted: the untreated lesions' median
 * volume-doubling time over the first two assessments (Nathani et al., Gut 2021: 4.6 months, 95 % CI 3.9–5.3; SE read
 * off the CI). Reported, not fitted (their SEs of 0.5 months are chosen, for the table's distance only): the untreated
 * arm's median PFS against SHARP placebo's median time to radiologic progression, 2.8 months (PFS also counts deaths:
 * a stated simplification), and its median OS against SHARP placebo's 7.9 months.
 */
export const NATURAL_HISTORY_TARGETS: readonly TrialTarget[] = [
  {
    id: 'dt.2',
    label: 'untreated: median volume-doubling time, months (Nathani 2021)',
    arm: UNTREATED_ARM,
    kind: 'months',
    value: UNTREATED_HCC_TARGETS.doublingTime.value,
    se: fromCi(UNTREATED_HCC_TARGETS.doublingTime.lower, UNTREATED_HCC_TARGETS.doublingTime.upper),
    fitted: true,
  },
  {
    id: 'mpfs.2',
    label: 'untreated: median PFS, months (SHARP placebo time to progression)',
    arm: UNTREATED_ARM,
    kind: 'months',
    value: UNTREATED_HCC_TARGETS.medianTimeToProgression.value,
    se: 0.5,
    fitted: false,
  },
  {
    id: 'mos.2',
    label: 'untreated: median OS, months (SHARP placebo)',
    arm: UNTREATED_ARM,
    kind: 'months',
    value: UNTREATED_HCC_TARGETS.medianOs.value,
    se: 0.5,
    fitted: false,
  },
];

/** Every target of the calibration: IMbrave150's and the natural history's. */
export const CALIBRATION_TARGETS: readonly TrialTarget[] = [...IMBRAVE150_TARGETS, ...NATURAL_HISTORY_TARGETS];

/**
 * The median over patients of an arm's volume-doubling time over its first two assessments (days[0] to days[2],
 * 12 weeks on IMbrave150's schedule), months: t · ln 2 / ln(V(t)/V(0)); a lesion that did not grow counts as never
 * doubling (infinite). As Nathani et al. measured untreated HCCs between two scans.
 */
export function medianDoublingMonths(trajectories: CohortTrajectories, arm: number = UNTREATED_ARM): number {
  const { days } = trajectories;
  const k = days.length;
  const volumes = trajectories.volumes[arm];
  const at = Math.min(2, k - 1);
  const n = volumes.length / k;
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const ratio = volumes[i * k + at] / volumes[i * k];
    times.push(ratio > 1 ? (days[at] * Math.LN2) / Math.log(ratio) / DAYS_PER_MONTH : Number.POSITIVE_INFINITY);
  }
  times.sort((x, y) => x - y);
  return n % 2 === 1 ? times[(n - 1) / 2] : 0.5 * (times[n / 2 - 1] + times[n / 2]);
}

/**
 * The median of a Kaplan–Meier curve with linear interpolation between its steps (days): continuous in the model's
 * parameters, for the fit; the report uses the usual step median. Infinity when the curve stays above 0.5.
 */
export function interpolatedMedian(time: ArrayLike<number>, survival: ArrayLike<number>): number {
  let t0 = 0;
  let s0 = 1;
  for (let j = 0; j < time.length; j++) {
    const s1 = survival[j];
    if (s1 <= 0.5) return s0 === s1 ? time[j] : t0 + ((s0 - 0.5) / (s0 - s1)) * (time[j] - t0);
    if (s1 < s0) {
      t0 = time[j];
      s0 = s1;
    }
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * The model's figure for every target, from the statistics of an imbrave150-trial run (arm 0 sorafenib, arm 1
 * atezo/bev, and arm 2 untreated when the run has it). `smooth`: interpolated medians (the fit) instead of step
 * medians (the report). A median that is not reached counts as the follow-up's end. `trajectories`: the run's
 * volumes, for the untreated arm's doubling time (`dt.2`).
 */
export function trialMetrics(
  stats: CohortStatistics,
  smooth = false,
  interval = 42,
  trajectories?: CohortTrajectories,
): Record<string, number> {
  const out: Record<string, number> = {};
  stats.arms.slice(0, 3).forEach((arm, a) => {
    const n = arm.patients;
    const r = arm.responses;
    out[`orr.${a}`] = (r.CR + r.PR) / n;
    out[`cr.${a}`] = r.CR / n;
    out[`pr.${a}`] = r.PR / n;
    out[`sd.${a}`] = r.SD / n;
    out[`pd.${a}`] = r.PD / n;
    out[`ne.${a}`] = r.NE / n;
    out[`dcr.${a}`] = (r.CR + r.PR + r.SD) / n;
    const last = arm.pfs.time.length > 0 ? arm.pfs.time[arm.pfs.time.length - 1] : 0;
    const median = smooth ? interpolatedMedian(arm.pfs.time, arm.pfs.survival) : (arm.medianPfs.median ?? last);
    out[`mpfs.${a}`] = Math.min(median, last) / DAYS_PER_MONTH;
    out[`os12.${a}`] = arm.os12?.estimate ?? Number.NaN;
    out[`mos.${a}`] = (arm.medianOs.median ?? Number.POSITIVE_INFINITY) / DAYS_PER_MONTH;
    out[`ttr.${a}`] = (arm.timeToResponse.median ?? Number.NaN) / DAYS_PER_MONTH;
    out[`ttr1.${a}`] = arm.timeToResponse.first;
    out[`ttr12.${a}`] = arm.timeToResponse.firstOrSecond;
    // the median of the Kaplan–Meier curve read at the assessment days and interpolated linearly between them
    // (continuous in the model's parameters, unlike the step median, which jumps from scan to scan)
    out[`pfsScanMedian.${a}`] = Math.min(scanInterpolatedMedian(arm.pfs, interval), last) / DAYS_PER_MONTH;
  });
  if (trajectories && trajectories.volumes.length > UNTREATED_ARM) out['dt.2'] = medianDoublingMonths(trajectories);
  const c = stats.comparisons[0];
  out['hr.pfs'] = c?.cox.hazardRatio ?? Number.NaN;
  out['hr.os'] = c?.osCox.hazardRatio ?? Number.NaN;
  return out;
}

/** Ŝ at day t, interpolated linearly between its values at the assessment days around t. */
export function scanInterpolatedSurvival(km: KaplanMeierResult, t: number, interval: number): number {
  const k = Math.floor(t / interval);
  const a = survivalAt(km, k * interval);
  const b = survivalAt(km, (k + 1) * interval);
  return a + ((t - k * interval) / interval) * (b - a);
}

/**
 * The day on which Ŝ, read at the assessment days and interpolated linearly between them (scanInterpolatedSurvival),
 * reaches 0.5; infinity when it stays above 0.5 up to the curve's last time.
 */
export function scanInterpolatedMedian(km: KaplanMeierResult, interval: number): number {
  const end = km.time.length > 0 ? km.time[km.time.length - 1] : 0;
  let before = 1;
  for (let k = 1; (k - 1) * interval < end; k++) {
    const s = survivalAt(km, k * interval);
    if (s <= 0.5) return before === s ? k * interval : (k - 1 + (before - 0.5) / (before - s)) * interval;
    before = s;
  }
  return Number.POSITIVE_INFINITY;
}

/** IMbrave150's confirmed responders on atezolizumab + bevacizumab (ORR 27.3 % of 336), whose median is the target. */
export const TRIAL_RESPONDERS = Math.round(N[1] * published('orr', 1).value);

/** Binomial probabilities P(X = k), k = 0..n, for X ~ Bin(n, p). */
function binomialPmf(n: number, p: number): Float64Array {
  const out = new Float64Array(n + 1);
  if (p <= 0) out[0] = 1;
  else if (p >= 1) out[n] = 1;
  else {
    let log = n * Math.log1p(-p);
    const ratio = Math.log(p) - Math.log1p(-p);
    for (let k = 0; k <= n; k++) {
      out[k] = Math.exp(log);
      log += Math.log(n - k) - Math.log(k + 1) + ratio;
    }
  }
  return out;
}

/**
 * The chance that a trial of n responders reports its (step) median time to response at the second assessment, as
 * IMbrave150 did (2.8 months), when each responder is first seen at the first assessment with probability `first`
 * and by the second with probability `firstOrSecond`: the median of an even n is the mean of the (n/2)th and
 * (n/2 + 1)th response days, so both are at the second scan when fewer than n/2 responders are seen at the first and at
 * least n/2 + 1 by the second (an odd n: the ((n + 1)/2)th day). Exact (multinomial), continuous in both shares.
 */
export function medianAtSecondScanChance(first: number, firstOrSecond: number, n: number = TRIAL_RESPONDERS): number {
  const lower = Math.floor((n - 1) / 2); // at most this many at the first scan
  const upper = Math.floor(n / 2) + 1; // at least this many by the second
  const p1 = Math.min(Math.max(first, 0), 1);
  const p2 = Math.min(Math.max(firstOrSecond, p1), 1);
  const atFirst = binomialPmf(n, p1);
  // given k at the first scan, each of the n - k others is seen at the second with probability q
  const q = p1 < 1 ? (p2 - p1) / (1 - p1) : 0;
  let chance = 0;
  for (let k = 0; k <= lower; k++) {
    if (atFirst[k] === 0) continue;
    const rest = binomialPmf(n - k, q);
    let tail = 0;
    for (let j = Math.max(0, upper - k); j <= n - k; j++) tail += rest[j];
    chance += atFirst[k] * tail;
  }
  return Math.min(1, chance);
}

/**
 * The standardised distance the fit uses, continuous in the model's parameters: a median PFS as the median of the
 * Kaplan–Meier curve read at the assessment days and interpolated between them (scanInterpolatedMedian) against the
 * trial's, SE from its 95 % interval (version 6 took the PFS at the trial's median against 50 %, SE binomial at 50 %:
 * a curve flat around 50 % then sat 1.3 SE from the target at 6.8 months while its median lay at 9.5); the time to response by the chance c that a
 * trial of IMbrave150's 92 responders reports its median at the second assessment given the model's shares of
 * responders seen at the first and by the second (medianAtSecondScanChance), as the distance sqrt(−2 ln c) (its square
 * is the term's −2 log-likelihood; positive when the median would more likely fall later, negative when earlier).
 * Every other target as standardisedDistance.
 */
export function fitDistance(target: TrialTarget, metrics: Record<string, number>): number {
  if (target.id.startsWith('mpfs.') && (target.arm === 0 || target.arm === 1)) {
    return standardisedDistance(target, metrics[`pfsScanMedian.${target.arm}`]);
  }
  if (target.id === 'ttr.1') {
    const first = metrics['ttr1.1'];
    const bysecond = metrics['ttr12.1'];
    if (!Number.isFinite(first) || !Number.isFinite(bysecond)) return 1e3;
    const chance = Math.max(medianAtSecondScanChance(first, bysecond), 1e-300);
    // later: too few responders by the second scan (the usual case); earlier: half of them at the first already
    const later = 0.5 - bysecond > first - 0.5;
    return (later ? 1 : -1) * Math.sqrt(-2 * Math.log(chance));
  }
  return standardisedDistance(target, metrics[target.id]);
}

/** One target's standardised distance (model − target) / SE, on the log scale for hazard ratios. */
export function standardisedDistance(target: TrialTarget, model: number): number {
  if (!Number.isFinite(model)) return 1e3;
  if (target.kind === 'hazard-ratio') return (Math.log(Math.max(model, 1e-6)) - Math.log(target.value)) / target.se;
  return (model - target.value) / target.se;
}

/**
 * The calibration loss: the sum of squared standardised distances over the fitted targets; `fit`: with the continuous
 * distances of fitDistance (what the fit minimises), else the report's.
 */
export function calibrationLoss(metrics: Record<string, number>, fit = false): number {
  let loss = 0;
  for (const t of CALIBRATION_TARGETS) {
    if (t.fitted) loss += (fit ? fitDistance(t, metrics) : standardisedDistance(t, metrics[t.id])) ** 2;
  }
  return loss;
}
