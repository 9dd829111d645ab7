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
import { type ArmStatistics, cohortStatistics, runCohortBlock } from './cohort';
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

export interface FlauraResult {
  patients: number;
  /** confirmed complete + partial responses */
  orr: number;
  /** Kaplan–Meier median PFS, months (Infinity: not reached within the horizon) */
  medianPfsMonths: number;
}

/** FLAURA's figures of one arm of a trial's statistics (cohortStatistics). */
export function flauraFigures(arm: ArmStatistics): FlauraResult {
  const median = arm.medianPfs.median;
  return {
    patients: arm.patients,
    orr: arm.orr.estimate,
    medianPfsMonths: median === null || median === undefined ? Number.POSITIVE_INFINITY : median / DAYS_PER_MONTH,
  };
}

/** Runs the fit's trial (one osimertinib arm) with these parameter changes and this population. */
export function runFlaura(
  changes: Partial<ModelParameters>,
  n = 200,
  seed = 1,
  population: Readonly<LungTrialPopulation> = LUNG_TRIAL_POPULATION,
): FlauraResult {
  const scenario = flauraTrialScenario(changes, n, seed);
  const block = runCohortBlock(scenario, 0, n, undefined, population);
  return flauraFigures(cohortStatistics(scenario, block, { biomarkers: false }).arms[0]);
}

/**
 * The fit's loss: squared distances from the trial's figures in units of the team's "close" (5 percentage points of
 * response rate, 1 month of median PFS; the calibration aims of the trial targets).
 */
export function flauraLoss(r: FlauraResult): number {
  const orr = (r.orr - FLAURA_TARGETS.orr) / 0.05;
  const pfs = Number.isFinite(r.medianPfsMonths) ? (r.medianPfsMonths - FLAURA_TARGETS.medianPfsMonths) / 1 : 100;
  return orr * orr + pfs * pfs;
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
