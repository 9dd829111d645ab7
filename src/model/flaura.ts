/**
 * FLAURA, the first-line osimertinib trial the lung trial (the lung-patient setting's virtual patients) is calibrated
 * to: its published figures (scenario/catalogue/trial.ts), the fit's trial (FLAURA's osimertinib arm, run by the one
 * virtual trial of src/model/cohort.ts), the median patient's growth rates and the fit's loss. scripts/fit-flaura.ts fits the
 * setting and its population with these; docs/model.md ("EGFR-mutant lung, patient") gives the loss and the result.
 * Pure: no I/O.
 */
import { DAYS_PER_MONTH } from '../scenario/catalogue/calendar';
import { FLAURA_DESIGN, FLAURA_OSIMERTINIB } from '../scenario/catalogue/trial';
import type { Scenario } from '../scenario/types';
import { survivalAt } from '../stats';
import { scanInterpolatedSurvival } from './calibration';
import {
  type ArmStatistics,
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
  const scenario = flauraComparisonScenario(changes, n, seed);
  const trajectories = simulateTrajectories(scenario, 0, n, population);
  const block = cohortOutcomes(scenario, trajectories, population, cohortPatients(scenario, 0, n, population));
  const stats = cohortStatistics(scenario, block, { biomarkers: false });
  const comparison = stats.comparisons.find((c) => c.reference === 0 && c.comparison === 1);
  if (!comparison) throw new Error('FLAURA comparison: the two arms were not compared');
  return {
    comparator: flauraFigures(stats.arms[0]),
    osimertinib: flauraFigures(stats.arms[1]),
    pfsHr: comparison.cox.hazardRatio,
    osHr: comparison.osCox.hazardRatio,
  };
}

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
}

const monthsOf = (days: number | null | undefined): number =>
  days === null || days === undefined ? Number.POSITIVE_INFINITY : days / MONTH;

/** FLAURA's figures of one arm of a trial's statistics (cohortStatistics), assessed every `interval` days. */
export function flauraFigures(arm: ArmStatistics, interval: number = FLAURA_DESIGN.assessmentInterval): FlauraResult {
  return {
    patients: arm.patients,
    orr: arm.orr.estimate,
    medianPfsMonths: monthsOf(arm.medianPfs.median),
    medianOsMonths: monthsOf(arm.medianOs.median),
    os12: survivalAt(arm.os, 12 * MONTH),
    os24: survivalAt(arm.os, 24 * MONTH),
    os36: survivalAt(arm.os, 36 * MONTH),
    pfsAtTarget: scanInterpolatedSurvival(arm.pfs, FLAURA_OSIMERTINIB.medianPfs.value * MONTH, interval),
    osAtTarget: survivalAt(arm.os, FLAURA_OSIMERTINIB.medianOs.value * MONTH),
  };
}

/** The fit's trial, simulated once: its scenario, patients and trajectories (outcomes can then vary cheaply). */
export interface FlauraRun {
  scenario: Scenario;
  patients: VirtualPatient[];
  trajectories: CohortTrajectories;
}

/** Simulates the fit's trial (one osimertinib arm) with these parameter changes and this population. */
export function simulateFlaura(
  changes: Partial<ModelParameters>,
  n = 200,
  seed = 1,
  population: Readonly<LungTrialPopulation> = LUNG_TRIAL_POPULATION,
): FlauraRun {
  const scenario = flauraTrialScenario(changes, n, seed);
  return {
    scenario,
    patients: cohortPatients(scenario, 0, n, population),
    trajectories: simulateTrajectories(scenario, 0, n, population),
  };
}

/** The figures of a simulated fit's trial under a population's outcome parameters (its death hazard). */
export function flauraOutcomes(
  run: FlauraRun,
  population: Readonly<LungTrialPopulation> = LUNG_TRIAL_POPULATION,
): FlauraResult {
  const block = cohortOutcomes(run.scenario, run.trajectories, population, run.patients);
  return flauraFigures(cohortStatistics(run.scenario, block, { biomarkers: false }).arms[0]);
}

/** Runs the fit's trial (one osimertinib arm) with these parameter changes and this population. */
export function runFlaura(
  changes: Partial<ModelParameters>,
  n = 200,
  seed = 1,
  population: Readonly<LungTrialPopulation> = LUNG_TRIAL_POPULATION,
): FlauraResult {
  return flauraOutcomes(simulateFlaura(changes, n, seed, population), population);
}

/**
 * The fit's targets, each with its precision in the trial (n = 279): the binomial SE of the response rate, of the
 * survival proportions at 24 and 36 months, and of a survival proportion of 50 % for the two medians (PFS at 18.9
 * months and OS at 38.6 months against 50 %).
 */
export const FLAURA_FIT_TARGETS = (() => {
  const n = FLAURA_OSIMERTINIB.patients;
  const se = (p: number) => Math.sqrt((p * (1 - p)) / n);
  const f = FLAURA_OSIMERTINIB;
  return [
    { id: 'orr', label: 'ORR', target: f.orr.value, se: se(f.orr.value), model: (r: FlauraResult) => r.orr },
    {
      id: 'pfsAtMedian',
      label: `PFS at ${f.medianPfs.value} months (median PFS)`,
      target: 0.5,
      se: se(0.5),
      model: (r: FlauraResult) => r.pfsAtTarget,
    },
    {
      id: 'osAtMedian',
      label: `OS at ${f.medianOs.value} months (median OS)`,
      target: 0.5,
      se: se(0.5),
      model: (r: FlauraResult) => r.osAtTarget,
    },
    {
      id: 'os24',
      label: 'OS at 24 months',
      target: f.os24.value,
      se: se(f.os24.value),
      model: (r: FlauraResult) => r.os24,
    },
    {
      id: 'os36',
      label: 'OS at 36 months',
      target: f.os36.value,
      se: se(f.os36.value),
      model: (r: FlauraResult) => r.os36,
    },
  ] as const;
})();

/** Each target's standardised distance (model − target) / SE, by id. */
export function flauraDistances(r: FlauraResult): Record<string, number> {
  return Object.fromEntries(FLAURA_FIT_TARGETS.map((t) => [t.id, (t.model(r) - t.target) / t.se]));
}

/** The fit's loss: the sum of the squared standardised distances (each target weighted by its precision). */
export function flauraLoss(r: FlauraResult): number {
  let loss = 0;
  for (const d of Object.values(flauraDistances(r))) loss += Number.isFinite(d) ? d * d : 1e6;
  return loss;
}

// --- the median patient ---------------------------------------------------------------------------------------------

/** Volume of the median patient (the setting itself) on a daily grid, untreated or on osimertinib. */
function referenceVolumes(changes: Partial<ModelParameters>, treated: boolean, horizon: number): ArrayLike<number> {
  const scenario: Scenario = {
    setting: 'lung-patient',
    horizon,
    outputStep: 1,
    inputs: { ...FLAURA_INPUTS },
    arms: [
      {
        name: treated ? 'osimertinib' : 'untreated',
        inputs: {},
        treatments: treated ? { osimertinib: { dose: 80, start: 0, stop: horizon, interval: 1 } } : {},
      },
    ],
  };
  const base = { ...settingParameters('lung-patient'), ...changes };
  return simulate(scenario, { parameterOverrides: base, series: ['tumourVolume'] }).arms[0].series.tumourVolume;
}

/** The median patient's untreated volume-doubling time over the first 6 months, days. */
export function untreatedDoublingDays(changes: Partial<ModelParameters>): number {
  const v = referenceVolumes(changes, false, 180);
  const slope = Math.log(v[180] / v[0]) / 180;
  return slope > 0 ? Math.LN2 / slope : Number.POSITIVE_INFINITY;
}

/** The median patient's log-volume slope over the 6 months after the nadir on osimertinib, per month. */
export function regrowthPerMonth(changes: Partial<ModelParameters>): number {
  const days = FLAURA_DESIGN.horizonDays;
  const v = referenceVolumes(changes, true, days + 180);
  let nadir = 0;
  for (let k = 1; k <= days; k++) if (v[k] < v[nadir]) nadir = k;
  if (!(v[nadir] > 0)) return Number.NEGATIVE_INFINITY;
  return (Math.log(v[nadir + 180] / v[nadir]) / 180) * DAYS_PER_MONTH;
}
