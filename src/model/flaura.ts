/**
 * FLAURA, the first-line osimertinib trial the lung trial (the lung-patient setting's virtual patients) is calibrated
 * to: its published figures of both arms (scenario/catalogue/trial.ts), its two arms on the same virtual patients (run
 * by the one virtual trial of src/model/cohort.ts), the median patient's growth and regrowth, and the fit's loss.
 * scripts/fit-flaura.ts fits the setting and its population with these; docs/model.md ("EGFR-mutant lung, patient")
 * gives the loss and the result. Pure: no I/O.
 */
import { DAYS_PER_MONTH } from '../scenario/catalogue/calendar';
import {
  FLAURA_COMPARATOR,
  FLAURA_DESIGN,
  FLAURA_HAZARD_RATIOS,
  FLAURA_OSIMERTINIB,
} from '../scenario/catalogue/trial';
import type { Scenario } from '../scenario/types';
import { kaplanMeier, medianSurvival, survivalAt } from '../stats';
import { scanInterpolatedSurvival } from './calibration';
import {
  type ArmStatistics,
  type CohortBlock,
  type CohortTrajectories,
  cohortOutcomes,
  cohortPatients,
  cohortStatistics,
  simulateTrajectories,
  type VirtualPatient,
} from './cohort';
import type { ModelParameters } from './parameters';
import { LUNG_TRIAL_POPULATION, type LungTrialPopulation } from './population';
import { settingParameters } from './settings';
import { simulate } from './simulate';

/**
 * The trial's figures (Soria et al., NEJM 2018, osimertinib arm n = 279: objective response 80 %, median PFS 18.9
 * months), and the two growth rates of the median patient measured by CT volumetry: untreated lung adenocarcinoma
 * doubles in a median 191 days (Mackintosh 2014), and EGFR-mutant tumours regrow after their nadir on a first-line
 * EGFR inhibitor with a log-volume slope of 0.096/month (Nishino 2016). The model's growth rates are gross of immune
 * killing, so they are fitted to these net rates rather than set to them.
 */
export const FLAURA_TARGETS = {
  orr: FLAURA_OSIMERTINIB.orr.value,
  medianPfsMonths: FLAURA_OSIMERTINIB.medianPfs.value,
  untreatedDoublingDays: 191,
  regrowthPerMonth: 0.096,
} as const;

/** The tumour's biology of FLAURA's patients: EGFR-mutant (the setting's default), AXL-low, no NRF2/NEAT1 strata. */
const FLAURA_INPUTS: Scenario['inputs'] = { nrf2: 0, neat1: 0, il6: 0.1, axl: 'low', cd8Depleted: false };

/**
 * The fit's trial: FLAURA's osimertinib arm (the flaura-osimertinib preset's, FLAURA_DESIGN) given to `n` virtual
 * patients (seed `seed`), with these changes to the lung-patient setting's parameters.
 */
export function flauraTrialScenario(changes: Partial<ModelParameters>, n: number, seed: number): Scenario {
  const d = FLAURA_DESIGN;
  return {
    setting: 'lung-patient',
    horizon: d.horizonDays,
    outputStep: d.assessmentInterval,
    inputs: { ...FLAURA_INPUTS },
    arms: [
      {
        name: 'Osimertinib 80 mg daily',
        inputs: {},
        treatments: { osimertinib: { dose: d.osimertinibDose, start: 0, stop: d.horizonDays, interval: 1 } },
      },
    ],
    parameters: { ...changes } as Partial<Record<string, number>>,
    cohort: { size: n, seed, cancer: 'lung', assessmentInterval: d.assessmentInterval, pge2Cutoff: 100 },
  };
}

/**
 * FLAURA's two arms side by side, on the same virtual patients: the comparator, gefitinib 250 mg daily, first (the
 * reference, so that the hazard ratios are osimertinib's against it, as FLAURA's), then osimertinib 80 mg daily.
 */
export function flauraComparisonScenario(changes: Partial<ModelParameters>, n: number, seed: number): Scenario {
  const d = FLAURA_DESIGN;
  const osimertinib = flauraTrialScenario(changes, n, seed);
  return {
    ...osimertinib,
    arms: [
      {
        name: 'Gefitinib 250 mg daily',
        inputs: {},
        treatments: { gefitinib: { dose: d.comparatorDose, start: 0, stop: d.horizonDays, interval: 1 } },
      },
      ...osimertinib.arms,
    ],
  };
}

/** FLAURA's figures of both arms and osimertinib's hazard ratios against the comparator (Cox, PFS and OS). */
export interface FlauraComparison {
  osimertinib: FlauraResult;
  comparator: FlauraResult;
  pfsHr: number;
  osHr: number;
}

/** Runs FLAURA's two arms (flauraComparisonScenario) with these parameter changes and this population. */
export function runFlauraComparison(
  changes: Partial<ModelParameters>,
  n = 200,
  seed = 1,
  population: Readonly<LungTrialPopulation> = LUNG_TRIAL_POPULATION,
): FlauraComparison {
  return flauraComparisonOutcomes(simulateFlauraComparison(changes, n, seed, population), population);
}

/** FLAURA's two arms simulated once (flauraComparisonScenario): the outcomes can then vary cheaply (FlauraRun). */
export function simulateFlauraComparison(
  changes: Partial<ModelParameters>,
  n = 200,
  seed = 1,
  population: Readonly<LungTrialPopulation> = LUNG_TRIAL_POPULATION,
): FlauraRun {
  const scenario = flauraComparisonScenario(changes, n, seed);
  return {
    scenario,
    patients: cohortPatients(scenario, 0, n, population),
    trajectories: simulateTrajectories(scenario, 0, n, population),
  };
}

/** FLAURA's figures of both simulated arms and the hazard ratios, under a population's outcome parameters. */
export function flauraComparisonOutcomes(
  run: FlauraRun,
  population: Readonly<LungTrialPopulation> = LUNG_TRIAL_POPULATION,
): FlauraComparison {
  const { scenario } = run;
  const block = cohortOutcomes(scenario, run.trajectories, population, run.patients);
  const stats = cohortStatistics(scenario, block, { biomarkers: false });
  const comparison = stats.comparisons.find((c) => c.reference === 0 && c.comparison === 1);
  if (!comparison) throw new Error('FLAURA comparison: the two arms were not compared');
  return {
    comparator: flauraFigures(stats.arms[0], FLAURA_DESIGN.assessmentInterval, FLAURA_ARMS.comparator, block.arms[0]),
    osimertinib: flauraFigures(stats.arms[1], FLAURA_DESIGN.assessmentInterval, FLAURA_ARMS.osimertinib, block.arms[1]),
    pfsHr: comparison.cox.hazardRatio,
    osHr: comparison.osCox.hazardRatio,
  };
}

/** One of FLAURA's arms as the fit reads it: patients, response rate and the medians (months) it reports. */
export interface FlauraArmTargets {
  patients: number;
  orr: number;
  medianPfs: number;
  medianDor: number;
  medianOs: number;
}

/** FLAURA's two arms (Soria 2018, Ramalingam 2020; scenario/catalogue/trial.ts). */
export const FLAURA_ARMS: Readonly<Record<'osimertinib' | 'comparator', FlauraArmTargets>> = {
  osimertinib: {
    patients: FLAURA_OSIMERTINIB.patients,
    orr: FLAURA_OSIMERTINIB.orr.value,
    medianPfs: FLAURA_OSIMERTINIB.medianPfs.value,
    medianDor: FLAURA_OSIMERTINIB.medianDor.value,
    medianOs: FLAURA_OSIMERTINIB.medianOs.value,
  },
  comparator: {
    patients: FLAURA_COMPARATOR.patients,
    orr: FLAURA_COMPARATOR.orr.value,
    medianPfs: FLAURA_COMPARATOR.medianPfs.value,
    medianDor: FLAURA_COMPARATOR.medianDor.value,
    medianOs: FLAURA_COMPARATOR.medianOs.value,
  },
};

/** A month in days, and the landmarks of FLAURA's overall survival. */
const MONTH = DAYS_PER_MONTH;

export interface FlauraResult {
  patients: number;
  /** confirmed complete + partial responses */
  orr: number;
  /** Kaplan–Meier median PFS and OS, months (Infinity: not reached within the follow-up) */
  medianPfsMonths: number;
  medianOsMonths: number;
  /** overall survival at 12, 24 and 36 months */
  os12: number;
  os24: number;
  os36: number;
  /**
   * PFS at FLAURA's median PFS (read off the curve at the assessment days, interpolated between them) and OS at its
   * median OS: the fit's distances for the two medians, continuous in the parameters (a step median jumps from scan
   * to scan)
   */
  pfsAtTarget: number;
  osAtTarget: number;
  /**
   * duration of response among the confirmed responders (first response to progression or death): its Kaplan–Meier
   * median, months, and its survival at the arm's reported median (interpolated between assessments, as PFS); NaN
   * when the figures were read without the patients' outcomes
   */
  medianDorMonths: number;
  dorAtTarget: number;
  /** median time to response among the responders, months, and the share of them seen at the first assessment */
  medianTtrMonths: number;
  firstScanResponse: number;
  /** median over the arm's patients of the best change of the measured diameter, % (the waterfall's middle bar) */
  medianBestChange: number;
  /** share of the arm's patients who crossed over to osimertinib at progression (the comparator's; 0 on osimertinib) */
  crossoverShare: number;
}

const monthsOf = (days: number | null | undefined): number =>
  days === null || days === undefined ? Number.POSITIVE_INFINITY : days / MONTH;

/** The median of a list of numbers (NaN for none). */
function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const v = [...values].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** Duration of response, time to response and best change of one arm's patients (a trial block's arm). */
function responseFigures(
  out: CohortBlock['arms'][number],
  target: FlauraArmTargets,
  interval: number,
): Pick<
  FlauraResult,
  'medianDorMonths' | 'dorAtTarget' | 'medianTtrMonths' | 'firstScanResponse' | 'medianBestChange'
> {
  const duration: number[] = [];
  const event: number[] = [];
  const ttr: number[] = [];
  for (let i = 0; i < out.best.length; i++) {
    // CR or PR (RESPONSE_CODES order): a confirmed response, first seen on responseDays
    if (out.best[i] > 1) continue;
    duration.push(out.pfsDays[i] - out.responseDays[i]);
    event.push(out.progressed[i]);
    ttr.push(out.responseDays[i]);
  }
  const km = duration.length > 0 ? kaplanMeier(duration, event) : null;
  return {
    medianDorMonths: km ? monthsOf(medianSurvival(km).median) : Number.NaN,
    dorAtTarget: km ? scanInterpolatedSurvival(km, target.medianDor * MONTH, interval) : Number.NaN,
    medianTtrMonths: median(ttr) / MONTH,
    firstScanResponse: ttr.length > 0 ? ttr.filter((d) => d <= interval).length / ttr.length : Number.NaN,
    medianBestChange: median(Array.from(out.bestChange)),
  };
}

/**
 * FLAURA's figures of one arm of a trial's statistics (cohortStatistics), assessed every `interval` days, against
 * that arm's reported medians (`target`); with the arm's patient outcomes (`out`), also the duration of response.
 */
export function flauraFigures(
  arm: ArmStatistics,
  interval: number = FLAURA_DESIGN.assessmentInterval,
  target: FlauraArmTargets = FLAURA_ARMS.osimertinib,
  out?: CohortBlock['arms'][number],
): FlauraResult {
  const none = {
    medianDorMonths: Number.NaN,
    dorAtTarget: Number.NaN,
    medianTtrMonths: Number.NaN,
    firstScanResponse: Number.NaN,
    medianBestChange: Number.NaN,
  };
  return {
    ...(out ? responseFigures(out, target, interval) : none),
    patients: arm.patients,
    orr: arm.orr.estimate,
    medianPfsMonths: monthsOf(arm.medianPfs.median),
    medianOsMonths: monthsOf(arm.medianOs.median),
    os12: survivalAt(arm.os, 12 * MONTH),
    os24: survivalAt(arm.os, 24 * MONTH),
    os36: survivalAt(arm.os, 36 * MONTH),
    pfsAtTarget: scanInterpolatedSurvival(arm.pfs, target.medianPfs * MONTH, interval),
    osAtTarget: survivalAt(arm.os, target.medianOs * MONTH),
    crossoverShare: arm.crossover.estimate,
  };
}

/** The fit's trial, simulated once: its scenario, patients and trajectories (outcomes can then vary cheaply). */
export interface FlauraRun {
  scenario: Scenario;
  patients: VirtualPatient[];
  trajectories: CohortTrajectories;
}

/** FLAURA's two arms, the hazard ratios and the comparator's median patient's regrowth, as the fit reads them. */
export interface FlauraFit extends FlauraComparison {
  /** log-volume slope over the 6 months after the nadir of the median patient on gefitinib, per month */
  regrowthPerMonth: number;
}

/** SE of a log hazard ratio from its 95 % interval. */
const logHrSe = (hr: { lower: number; upper: number }) => (Math.log(hr.upper) - Math.log(hr.lower)) / (2 * 1.96);

/**
 * The fit's targets over both of FLAURA's arms (osimertinib n = 279, comparator n = 277), each with its precision in
 * the trial: binomial SEs for the response rates and for a survival proportion of 50 % at each reported median (PFS,
 * duration of response over the arm's responders, OS), and at 24 and 36 months of osimertinib's OS; the SE of the log
 * hazard ratios from their 95 % intervals (PFS 0.37–0.57, OS 0.64–1.00); Nishino 2016's regrowth after the nadir on
 * first-line gefitinib/erlotinib, 0.096/month (SE 0.013), for the median patient on gefitinib.
 */
export interface FlauraTarget {
  id: string;
  /** a survival target (the death hazard's), not one of the tumour's */
  survival: boolean;
  label: string;
  target: number;
  se: number;
  model: (r: FlauraFit) => number;
}

export const FLAURA_COMPARISON_TARGETS: readonly FlauraTarget[] = (() => {
  const se = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);
  const hr = FLAURA_HAZARD_RATIOS;
  const sides = [
    { side: 'osimertinib', key: 'osi', name: 'osimertinib' },
    { side: 'comparator', key: 'gef', name: 'comparator' },
  ] as const;
  // per arm: the response rate, and PFS, duration of response and OS at the arm's reported medians against 50 %
  const perArm = sides.flatMap(({ side, key, name }): FlauraTarget[] => {
    const a = FLAURA_ARMS[side];
    const half = (id: string, survival: boolean, label: string, n: number, model: (f: FlauraResult) => number) => ({
      id: `${id}.${key}`,
      survival,
      label: `${label}, ${name}`,
      target: 0.5,
      se: se(0.5, n),
      model: (r: FlauraFit) => model(r[side]),
    });
    return [
      {
        id: `orr.${key}`,
        survival: false,
        label: `ORR, ${name}`,
        target: a.orr,
        se: se(a.orr, a.patients),
        model: (r) => r[side].orr,
      },
      half('pfs', false, `PFS at ${a.medianPfs} months`, a.patients, (f) => f.pfsAtTarget),
      half('dor', false, `response lasting ${a.medianDor} months`, a.patients * a.orr, (f) => f.dorAtTarget),
      half('os', true, `OS at ${a.medianOs} months`, a.patients, (f) => f.osAtTarget),
    ];
  });
  const o = FLAURA_OSIMERTINIB;
  const at = (id: 'os24' | 'os36', months: number): FlauraTarget => ({
    id: `${id}.osi`,
    survival: true,
    label: `OS at ${months} months, osimertinib`,
    target: o[id].value,
    se: se(o[id].value, o.patients),
    model: (r) => r.osimertinib[id],
  });
  const logHr = (id: 'pfsHr' | 'osHr', survival: boolean, ratio: { value: number; lower: number; upper: number }) => ({
    id,
    survival,
    label: `log ${id === 'pfsHr' ? 'PFS' : 'OS'} hazard ratio`,
    target: Math.log(ratio.value),
    se: logHrSe(ratio),
    model: (r: FlauraFit) => Math.log(r[id]),
  });
  return [
    ...perArm,
    at('os24', 24),
    at('os36', 36),
    logHr('pfsHr', false, hr.pfs),
    logHr('osHr', true, hr.os),
    {
      id: 'regrowth.gef',
      survival: false,
      label: 'regrowth after the nadir on gefitinib, /month',
      target: FLAURA_TARGETS.regrowthPerMonth,
      se: 0.013,
      model: (r) => r.regrowthPerMonth,
    },
  ];
})();

/** Each comparison target's standardised distance (model − target) / SE, by id. */
export function flauraComparisonDistances(r: FlauraFit): Record<string, number> {
  return Object.fromEntries(FLAURA_COMPARISON_TARGETS.map((t) => [t.id, (t.model(r) - t.target) / t.se]));
}

/**
 * The comparison fit's loss: the sum of the squared standardised distances (a missing figure counts 10⁶), over every
 * target or only the tumour's (`tumour`: response, PFS, duration of response, PFS hazard ratio and regrowth, which the
 * death hazard hardly moves; the survival targets are the death hazard's).
 */
export function flauraComparisonLoss(r: FlauraFit, targets: 'all' | 'tumour' = 'all'): number {
  const distances = flauraComparisonDistances(r);
  let loss = 0;
  for (const t of FLAURA_COMPARISON_TARGETS) {
    if (targets === 'tumour' && t.survival) continue;
    const d = distances[t.id];
    loss += Number.isFinite(d) ? d * d : 1e6;
  }
  return loss;
}

// --- the median patient ---------------------------------------------------------------------------------------------

/** The two drugs of FLAURA's arms, at FLAURA's doses. */
export type FlauraDrug = 'osimertinib' | 'gefitinib';
const FLAURA_DOSE: Record<FlauraDrug, number> = {
  osimertinib: FLAURA_DESIGN.osimertinibDose,
  gefitinib: FLAURA_DESIGN.comparatorDose,
};

/** Volume of the median patient (the setting itself) on a daily grid, untreated or on one of FLAURA's drugs. */
function referenceVolumes(
  changes: Partial<ModelParameters>,
  treated: FlauraDrug | null,
  horizon: number,
): ArrayLike<number> {
  const scenario: Scenario = {
    setting: 'lung-patient',
    horizon,
    outputStep: 1,
    inputs: { ...FLAURA_INPUTS },
    arms: [
      {
        name: treated ?? 'untreated',
        inputs: {},
        treatments: treated ? { [treated]: { dose: FLAURA_DOSE[treated], start: 0, stop: horizon, interval: 1 } } : {},
      },
    ],
  };
  const base = { ...settingParameters('lung-patient'), ...changes };
  return simulate(scenario, { parameterOverrides: base, series: ['tumourVolume'] }).arms[0].series.tumourVolume;
}

/** The median patient's untreated volume-doubling time over the first 6 months, days. */
export function untreatedDoublingDays(changes: Partial<ModelParameters>): number {
  const v = referenceVolumes(changes, null, 180);
  const slope = Math.log(v[180] / v[0]) / 180;
  return slope > 0 ? Math.LN2 / slope : Number.POSITIVE_INFINITY;
}

/** The median patient's log-volume slope over the 6 months after the nadir on a drug (osimertinib), per month. */
export function regrowthPerMonth(changes: Partial<ModelParameters>, drug: FlauraDrug = 'osimertinib'): number {
  const days = FLAURA_DESIGN.horizonDays;
  const v = referenceVolumes(changes, drug, days + 180);
  let nadir = 0;
  for (let k = 1; k <= days; k++) if (v[k] < v[nadir]) nadir = k;
  if (!(v[nadir] > 0)) return Number.NEGATIVE_INFINITY;
  return (Math.log(v[nadir + 180] / v[nadir]) / 180) * DAYS_PER_MONTH;
}
