/**
 * Virtual trials: virtual patients drawn from documented distributions, every arm of a scenario given to the same
 * patients, RECIST 1.1 responses and progression-free survival per patient, and per-arm statistics (response rates,
 * Kaplan–Meier, hazard ratio, log-rank). Pure: runs in the worker pool, in tests and in the CLI alike.
 * docs/model.md ("Virtual cohort") gives every distribution with its source and the calibration.
 */

import {
  BIOMARKER_SETTINGS,
  hypothesisArms,
  matchFlauraArm,
  matchFlauraComparatorArm,
  NRF2_ACTIVE_SHARE,
  RESPONSE_CODES,
  type Response,
  SPIDER_PATIENTS,
} from '../scenario/catalogue/trial';
import { COHORT_LIMITS } from '../scenario/limits';
import type { Arm, CohortSettings, Inputs, Scenario, Setting } from '../scenario/types';
import type { Integrator } from '../solver/types';
import type {
  CensorMarks,
  CoxResult,
  KaplanMeierResult,
  LogRankResult,
  MedianSurvival,
  ProportionInterval,
  SurvivalAtTime,
} from '../stats';
import {
  censorMarks,
  coxHazardRatio,
  createRandom,
  kaplanMeier,
  logRank,
  medianSurvival,
  survivalIntervalAt,
  wilsonInterval,
} from '../stats';
import type { ModelParameters } from './parameters';
import {
  type CohortPopulation,
  isLungPopulation,
  LUNG_TRIAL_POPULATION,
  type LungTrialPopulation,
  measuredVolume,
  type OutcomePopulation,
  TRIAL_POPULATION,
  type TrialPopulation,
} from './population';
import type { SeriesName } from './series';
import { settingParameters } from './settings';
import { armTables, initialState, simulateArm } from './simulate';
import { deathDay, newLesionDay } from './survival';
import { integratorFor } from './tolerances';

/**
 * Distributions of the virtual patients (chosen; docs/model.md). Lognormal multipliers have median 1 and the given
 * SD of the logarithm; they multiply the patient-scale parameter.
 */
export const COHORT_DISTRIBUTIONS = {
  /** NRF2 activation of an NRF2-active tumour: uniform on [0.7, 1]; of the others uniform on [0, 0.4] */
  nrf2Active: [0.7, 1] as const,
  nrf2Inactive: [0, 0.4] as const,
  /** NEAT1 expression: uniform on [0, 1] (tumours vary; seed 001 gives no distribution) */
  neat1: [0, 1] as const,
  /** IL-6 level: lognormal, median 0.2, SD of log 0.8, capped at 1 */
  il6Median: 0.2,
  il6LogSd: 0.8,
  /**
   * tumour growth rate: SD of log 1.5, within x0.1–10 of the median. Nathani et al., Gut 2021 (meta-analysis of 1374
   * untreated HCCs): pooled volume-doubling time 4.6 months, 35 % under 3 months and 37.6 % over 9 months; a lognormal
   * with those two shares has SD of log (ln 9 − ln 3) / (0.316 + 0.385) = 1.57
   */
  growthLogSd: 1.5,
  growthRange: [0.1, 10] as const,
  // the T-cell kill rate's spread is the population's killLogSd (fitted since version 7)
  /** T-cell recruitment: SD of log 0.4 */
  recruitmentLogSd: 0.4,
  /** NRF2-independent PGE2 production: SD of log 0.4 */
  pge2LogSd: 0.4,
  /** target-lesion volume at baseline: median 10 cm3 (1e10 cells), SD of log 0.7, within [1, 100] cm3 */
  baselineCellsMedian: 1e10,
  baselineLogSd: 0.7,
  baselineCells: [1e9, 1e11] as const,
};

export interface VirtualPatient {
  index: number;
  nrf2Active: boolean;
  inputs: Inputs;
  overrides: Partial<ModelParameters>;
  baselineCells: number;
  /** Exp(1) deviate that sets the patient's death time against the cumulative hazard (the same in every arm) */
  deathDraw: number;
  /** Exp(1) deviate that sets when a new lesion appears against the new-lesion hazard (the same in every arm) */
  newLesionDraw: number;
  /**
   * the patient's multiple of the new-lesion hazard (HCC trial: the tumour's growth multiplier, since occult deposits
   * grow as the target lesion does and become visible at that pace; absent: 1, the lung trial)
   */
  newLesionScale?: number;
  /**
   * the patient's untreated growth rate, 1/day (its sensitive cells' intrinsic rate): the net growth at which a
   * following new-lesion hazard (population newLesionFloor; the HCC trial) is at its full value (absent: the lung trial)
   */
  newLesionGrowthRate?: number;
  /** fraction of the lost volume that stays as non-viable tissue in the measured lesion (0: fully resorbed) */
  residual: number;
  /** the draws behind `residual`: a uniform (resorbed when below residualResorbed) and a lognormal spread */
  residualDraws: readonly [number, number];
  /**
   * Exp(1) deviate that sets when the patient leaves the trial's scans against the arm's withdrawal hazard (the HCC
   * trial's patients; the lung trial has no withdrawal: FLAURA is not calibrated for "not evaluable")
   */
  withdrawalDraw?: number;
  /**
   * uniform deviate that decides whether the patient, on the lung trial's comparator, crosses over to osimertinib at
   * progression (below the population's crossoverShare; the same in every arm; absent: the HCC trial, no crossover)
   */
  crossoverDraw?: number;
  /**
   * the day from which the patient's tumour no longer responds to sorafenib (acquired resistance, population
   * sorafenibEscapeHazard; the HCC trial's patients): an arm that gives sorafenib stops its dosing on that day in this
   * patient's simulation, so that the tumour regrows as sorafenib washes out. Infinity or absent: never
   */
  sorafenibEscapeDay?: number;
}

/** A patient's residual fraction under a population (the patient's own draws, the population's distribution). */
export function residualOf(draws: readonly [number, number], population: Readonly<OutcomePopulation>): number {
  return draws[0] < population.residualResorbed ? 0 : Math.min(1, population.residualMedian * draws[1]);
}

/**
 * The seed of patient `index`'s own stream of outcome draws (death, ...), apart from the baseline stream so that adding
 * an outcome draw never changes who the patients are. seed < 2^31 and index < 2^20, so the result is a safe integer.
 */
export function outcomeSeed(seed: number, index: number): number {
  return -(seed * 2 ** 20 + index + 1);
}

const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

/**
 * Draws the cohort. The same settings (seed included) give the same patients, in the same order. `changed`: the
 * scenario's own parameter changes, which the patients' multipliers then vary around.
 */
export function samplePatients(
  settings: CohortSettings,
  axl: Inputs['axl'] = 'low',
  changed?: Partial<ModelParameters>,
  population: Readonly<TrialPopulation> = TRIAL_POPULATION,
  /** the first patient returned (the ones before it are drawn from the stream and dropped): patients [from, size) */
  from = 0,
): VirtualPatient[] {
  const random = createRandom(settings.seed);
  const d = COHORT_DISTRIBUTIONS;
  const setting = settingParameters('hcc-patient');
  const base = changed ? { ...setting, ...changed } : setting;
  // a hold the population fits in place of the setting's value (0 there): the scenario's own change of it (a link's
  // p.<id>, a value other than the setting's) is the user's and replaces the population's; the plausible ensemble
  // draws these at the setting's 0 (zero width), so its draws keep the population's
  const held = (id: 'pge2EffectorSuppression' | 'nrf2StingSuppression'): number =>
    base[id] !== setting[id] ? base[id] : population[id];
  const share = NRF2_ACTIVE_SHARE[settings.cancer].share;
  const patients: VirtualPatient[] = [];
  for (let index = 0; index < settings.size; index++) {
    // A fixed number of draws per patient, in a fixed order, so patient i is the same whatever the cohort size.
    const nrf2Active = random.bernoulli(share);
    const [lo, hi] = nrf2Active ? d.nrf2Active : d.nrf2Inactive;
    const nrf2 = lo + (hi - lo) * random.next();
    const neat1 = d.neat1[0] + (d.neat1[1] - d.neat1[0]) * random.next();
    const il6 = Math.min(1, random.lognormal(Math.log(d.il6Median), d.il6LogSd));
    const growth = clamp(random.lognormal(0, d.growthLogSd), d.growthRange[0], d.growthRange[1]);
    const kill = random.lognormal(0, population.killLogSd);
    const recruitment = random.lognormal(0, d.recruitmentLogSd);
    const pge2 = random.lognormal(0, d.pge2LogSd);
    const baselineCells = clamp(
      random.lognormal(Math.log(d.baselineCellsMedian), d.baselineLogSd),
      d.baselineCells[0],
      d.baselineCells[1],
    );
    // a patient before `from`: its draws of the shared stream are made (the next patients' depend on them); its own
    // stream and record are not needed (a late block of a 10,000-patient trial drew and built all 10,000 twice)
    if (index < from) continue;
    // the patient's second stream, in a fixed order: death, new lesion, residual tissue, sorafenib sensitivity, its
    // dose reduction, withdrawal
    const outcome = createRandom(outcomeSeed(settings.seed, index));
    const deathDraw = outcome.exponential(1);
    const newLesionDraw = outcome.exponential(1);
    const residualDraws = [outcome.next(), outcome.lognormal(0, population.residualLogSd)] as const;
    const sorafenib = outcome.lognormal(0, population.sorafenibLogSd);
    const reduced = outcome.next() < population.sorafenibDoseReducedShare;
    const withdrawalDraw = outcome.exponential(1);
    // drawn last of this stream (population version 8), so that adding it moved no earlier draw of any patient
    const escapeDraw = outcome.exponential(1);
    // one sorafenib sensitivity per patient for both of its actions on the tumour (growth inhibition, apoptosis),
    // capped where the growth inhibition reaches sorafenibInhibitionCap
    const growthInhibition = base.sorafenibGrowthInhibition * population.sorafenibScale;
    const sensitivity = Math.min(
      sorafenib,
      growthInhibition > 0 ? population.sorafenibInhibitionCap / growthInhibition : sorafenib,
    );
    const kept = reduced ? population.sorafenibReducedEffect : 1;
    patients.push({
      index,
      nrf2Active,
      inputs: { nrf2, neat1, il6, axl, cd8Depleted: false },
      overrides: {
        sensitiveGrowthRate: base.sensitiveGrowthRate * population.growthScale * growth,
        resistantGrowthRate: base.resistantGrowthRate * population.growthScale * growth,
        tCellKillRate: base.tCellKillRate * population.killScale * kill,
        tCellRecruitment: base.tCellRecruitment * population.recruitmentScale * recruitment,
        pge2Basal: base.pge2Basal * pge2,
        sorafenibGrowthInhibition: Math.min(population.sorafenibInhibitionCap, growthInhibition * sorafenib) * kept,
        sorafenibApoptosis: base.sorafenibApoptosis * population.sorafenibApoptosisScale * sensitivity * kept,
        pge2EffectorSuppression: held('pge2EffectorSuppression'),
        nrf2StingSuppression: held('nrf2StingSuppression'),
        angiogenesisGrowthDependence: base.angiogenesisGrowthDependence * population.angiogenesisScale,
      },
      baselineCells,
      deathDraw,
      newLesionDraw,
      newLesionScale: growth,
      newLesionGrowthRate: base.sensitiveGrowthRate * population.growthScale * growth,
      residual: residualOf(residualDraws, population),
      residualDraws,
      withdrawalDraw,
      sorafenibEscapeDay:
        population.sorafenibEscapeHazard > 0 ? escapeDraw / population.sorafenibEscapeHazard : Infinity,
    });
  }
  return patients;
}

/**
 * The arm as a patient receives it: an arm that gives sorafenib stops dosing it on the patient's sorafenibEscapeDay
 * (acquired resistance: from that day the tumour no longer responds, which the model shows as sorafenib's exposure
 * washing out; the arm's other drugs, and the sorafenib arm's own liver and withdrawal hazards, are unchanged).
 */
export function patientArm<A extends Pick<Arm, 'treatments'>>(
  arm: A,
  patient: Pick<VirtualPatient, 'sorafenibEscapeDay'>,
): A {
  const sorafenib = arm.treatments.sorafenib;
  const day = patient.sorafenibEscapeDay;
  if (sorafenib === undefined || day === undefined || !(day < sorafenib.stop)) return arm;
  return {
    ...arm,
    treatments: { ...arm.treatments, sorafenib: { ...sorafenib, stop: Math.max(sorafenib.start, day) } },
  };
}

/**
 * Draws the lung trial's cohort (FLAURA's patients, the lung-patient setting): per patient, in a fixed order, the
 * multipliers of osimertinib's kill, of the share of resistant cells at the start and of both growth rates, and the
 * target lesion; then, from the patient's outcome stream, the death and new-lesion draws. The tumour's biology
 * (EGFR status, AXL, ...) is the scenario's own for every patient: these patients have no NRF2 strata (`cancer` is
 * not read). `changed`: the scenario's parameter changes, which the multipliers vary around.
 */
export function sampleLungPatients(
  settings: CohortSettings,
  inputs: Inputs,
  changed?: Partial<ModelParameters>,
  population: Readonly<LungTrialPopulation> = LUNG_TRIAL_POPULATION,
  /** the first patient returned (as samplePatients): patients [from, size) */
  from = 0,
): VirtualPatient[] {
  const random = createRandom(settings.seed);
  const base = changed ? { ...settingParameters('lung-patient'), ...changed } : settingParameters('lung-patient');
  const patients: VirtualPatient[] = [];
  for (let index = 0; index < settings.size; index++) {
    const kill = random.lognormal(0, population.killLogSd);
    const resistant = random.lognormal(0, population.resistantLogSd);
    const growth = random.lognormal(0, population.growthLogSd);
    const baselineCells = random.lognormal(Math.log(population.baselineCellsMedian), population.baselineLogSd);
    if (index < from) continue;
    const outcome = createRandom(outcomeSeed(settings.seed, index));
    const deathDraw = outcome.exponential(1);
    const newLesionDraw = outcome.exponential(1);
    const residualDraws = [outcome.next(), outcome.lognormal(0, population.residualLogSd)] as const;
    // drawn after the others of this stream, so that adding it moved no earlier draw
    const t790m = outcome.lognormal(0, population.t790mLogSd);
    // drawn last of this stream (after T790M), so that adding it moved no earlier draw of any patient
    const crossoverDraw = outcome.next();
    patients.push({
      index,
      nrf2Active: false,
      inputs: { ...inputs, cd8Depleted: false },
      overrides: {
        osimertinibKill: base.osimertinibKill * kill,
        resistantFraction: Math.min(population.resistantCap, base.resistantFraction * resistant),
        t790mFraction: Math.min(population.t790mCap, base.t790mFraction * t790m),
        sensitiveGrowthRate: base.sensitiveGrowthRate * growth,
        resistantGrowthRate: base.resistantGrowthRate * growth,
      },
      baselineCells,
      deathDraw,
      newLesionDraw,
      residual: residualOf(residualDraws, population),
      residualDraws,
      crossoverDraw,
    });
  }
  return patients;
}

/** The population a trial in this setting draws its patients from, and whose outcome parameters it uses. */
export function trialPopulation(setting: Setting): CohortPopulation {
  if (setting === 'lung-patient') return LUNG_TRIAL_POPULATION;
  if (setting === 'hcc-patient') return TRIAL_POPULATION;
  throw new Error(`a virtual trial does not run in the ${setting} setting`);
}

// --- RECIST 1.1 -----------------------------------------------------------------------------------------------------

/** Longest diameter of a spherical lesion of this volume, mm: d = (6 V / π)^(1/3). */
export function diameterOf(volumeMm3: number): number {
  return volumeMm3 > 0 ? Math.cbrt((6 * volumeMm3) / Math.PI) : 0;
}

/**
 * Chosen: a lesion whose measured diameter (viable tumour and residual tissue) is below 3 mm is no longer seen on CT
 * or MRI (about the slice thickness of a liver scan); it counts as disappeared (complete response). RECIST 1.1 records
 * lesions that are still seen but too small to measure as 5 mm, so a complete response needs them gone.
 */
export const UNMEASURABLE_DIAMETER_MM = 3;

export interface RecistOutcome {
  /** best overall response, confirmed (CR and PR need the next assessment to agree, as in IMbrave150) */
  best: Response;
  /** best (smallest) change of the diameter from baseline at any assessment up to progression, %: positive for a
   * tumour that only grew (the waterfall's bars above zero) */
  bestChange: number;
  progressed: boolean;
  /** day of the first assessment showing progression, or of the last assessment (censored) */
  pfsDays: number;
  /** day of the assessment that first showed the confirmed response (CR or PR); 0 without one (never a scan day) */
  responseDays: number;
}

/**
 * RECIST 1.1 for one target lesion, from its volume at day 0 and at each assessment. Progression: diameter up at least
 * 20 % from the smallest so far (baseline included) and at least 5 mm, or a new lesion (one that appeared on day
 * `newLesion`, seen at the first assessment from then on). Partial response: down at least 30 % from baseline.
 * Complete response: not measurable any more.
 */
export function assessRecist(
  days: ArrayLike<number>,
  volumes: ArrayLike<number>,
  newLesion = Number.POSITIVE_INFINITY,
): RecistOutcome {
  const baseline = diameterOf(volumes[0]);
  let nadir = baseline;
  // the smallest change at any assessment up to and including progression: positive when the tumour only grew
  let bestChange = Number.POSITIVE_INFINITY;
  const responses: Response[] = [];
  let pfsDays = days[days.length - 1];
  let progressed = false;
  for (let k = 1; k < days.length; k++) {
    const d = diameterOf(volumes[k]);
    const change = baseline > 0 ? (100 * (d - baseline)) / baseline : 0;
    if (change < bestChange) bestChange = change;
    // a new lesion (appeared since the last scan) is progression whatever the target lesion does
    if ((d - nadir >= 0.2 * nadir && d - nadir >= 5) || days[k] >= newLesion) {
      progressed = true;
      pfsDays = days[k];
      break;
    }
    if (d < nadir) nadir = d;
    responses.push(d < UNMEASURABLE_DIAMETER_MM ? 'CR' : change <= -30 ? 'PR' : 'SD');
  }
  // best confirmed response: CR/PR count when the next assessment is at least as good
  let best: Response = progressed && responses.length === 0 ? 'PD' : 'SD';
  let responseDays = 0;
  for (let k = 0; k + 1 < responses.length; k++) {
    const now = responses[k];
    const next = responses[k + 1];
    const confirmed = (now === 'PR' || now === 'CR') && next !== 'SD';
    // responses[k] is the assessment on days[k + 1]
    if (confirmed && responseDays === 0) responseDays = days[k + 1];
    if (now === 'CR' && next === 'CR') best = 'CR';
    else if (confirmed && best !== 'CR') best = 'PR';
  }
  if (bestChange === Number.POSITIVE_INFINITY) bestChange = 0; // no assessment after baseline
  return { best, bestChange: Math.max(bestChange, -100), progressed, pfsDays, responseDays };
}

export interface PatientOutcome extends RecistOutcome {
  /** day of death, or of the last assessment when alive at the data cut (censored) */
  osDays: number;
  /** true when the death was observed (false: censored at osDays) */
  death: boolean;
  /** true when the patient crossed over to osimertinib at its progression (lung trial's comparator only) */
  crossover: boolean;
}

/** The outcome side of a population with the HCC trial's arm-specific hazards, which the lung trial does not have. */
export type OutcomeHazards = OutcomePopulation &
  Partial<
    Pick<
      TrialPopulation,
      | 'sorafenibLiverHazard'
      | 'withdrawalHazard'
      | 'sorafenibWithdrawalHazard'
      | 'sorafenibNecrosis'
      | 'newLesionFloor'
      | 'sorafenibNewLesionFloor'
      | 'postProgressionGrowthShare'
    >
  >;

/**
 * A patient's residual fraction in an arm: in an arm that gives sorafenib, at least the population's
 * sorafenibNecrosis (tissue sorafenib kills stays in the lesion's outline as non-enhancing necrosis, which RECIST 1.1
 * measures; docs/model.md, "Virtual cohort").
 */
export function armResidual(residual: number, population: Readonly<OutcomeHazards>, risk: ArmRisk): number {
  return risk.sorafenib ? Math.max(residual, population.sorafenibNecrosis ?? 0) : residual;
}

/** What an arm changes in a patient's outcome besides the tumour: it gives sorafenib (toxicity) or not. */
export interface ArmRisk {
  sorafenib: boolean;
  /** the arm gives a treatment (post-progression therapy follows a treated first line; absent: untreated) */
  treated?: boolean;
}

/** The arm risk of an arm: whether it gives sorafenib, and whether it gives any treatment. */
export function armRisk(arm: Pick<Scenario['arms'][number], 'treatments'>): ArmRisk {
  return {
    sorafenib: arm.treatments.sorafenib !== undefined,
    treated: Object.values(arm.treatments).some((t) => t !== undefined),
  };
}

/**
 * RECIST 1.1 and survival together, from the viable target-lesion volume at the assessment days: scans measure it
 * with the patient's residual tissue, new lesions come from the new-lesion hazard, and death from the death hazard
 * (src/model/survival.ts). `progressed`/`pfsDays` are progression-free survival as IMbrave150 defined it: progression
 * or death, whichever comes first. Assessments after a death do not happen. A patient with no assessment after
 * baseline is not evaluable (NE): one who died before the first scan (a PFS event on the day of death), or who left
 * the trial's scans before it (withdrawal hazard of the arm; PFS censored that day, survival still followed, on the
 * arm's tumour course: a stated simplification).
 */
export function patientOutcome(
  days: ArrayLike<number>,
  viable: ArrayLike<number>,
  patient: Pick<
    VirtualPatient,
    'deathDraw' | 'newLesionDraw' | 'residual' | 'withdrawalDraw' | 'newLesionScale' | 'newLesionGrowthRate'
  >,
  population: Readonly<OutcomeHazards> = TRIAL_POPULATION,
  risk: ArmRisk = { sorafenib: false },
  /**
   * a crossover at progression (a comparator patient drawn to switch): the same patient's viable volumes at the same
   * days on the trial's osimertinib arm, whose course the death hazard follows from the progression day on; the
   * progression on that course is read from them as on this arm
   */
  crossover?: ArrayLike<number>,
): PatientOutcome {
  const { measured, lesion, recist } = scannedCourse(days, viable, patient, population, risk);
  const progressionDay = progressionOf(recist);
  // sorafenib's liver hazard; second-line therapy after progression on a treated first line only (an untreated arm
  // is the natural history): the population itself where neither changes anything
  const liver = risk.sorafenib ? (population.sorafenibLiverHazard ?? 0) : 0;
  const share = risk.treated ? population.postProgressionGrowthShare : undefined;
  const hazards =
    liver === 0 && share === population.postProgressionGrowthShare
      ? population
      : { ...population, backgroundHazard: population.backgroundHazard + liver, postProgressionGrowthShare: share };
  // the switch happens at a progression seen while alive (a death before it leaves the course unchanged); from then
  // on the death hazard follows the osimertinib course, and its progression day as the scans would see it
  const switched =
    crossover && recist.progressed
      ? {
          switchDay: progressionDay,
          volumes: crossover,
          progressionDay: progressionOf(scannedCourse(days, crossover, patient, population, risk).recist),
        }
      : undefined;
  const died = deathDay(days, viable, progressionDay, patient.deathDraw, hazards, switched);
  const crossed = switched !== undefined && (died === null || died >= progressionDay);
  const last = days[days.length - 1];
  // leaving the scans before the first assessment (no later withdrawal: a stated simplification)
  const withdrawal =
    (population.withdrawalHazard ?? 0) + (risk.sorafenib ? (population.sorafenibWithdrawalHazard ?? 0) : 0);
  const left =
    withdrawal > 0 && patient.withdrawalDraw !== undefined
      ? patient.withdrawalDraw / withdrawal
      : Number.POSITIVE_INFINITY;
  const firstScan = days.length > 1 ? days[1] : Number.POSITIVE_INFINITY;
  if (left < firstScan && (died === null || died > left)) {
    return {
      best: 'NE',
      bestChange: 0,
      progressed: false,
      pfsDays: left,
      responseDays: 0,
      osDays: died ?? last,
      death: died !== null,
      crossover: false,
    };
  }
  if (died === null) return { ...recist, osDays: last, death: false, crossover: crossed };
  if (died >= progressionDay) return { ...recist, osDays: died, death: true, crossover: crossed };
  // died before progression was seen: only the assessments before the death count
  let k = 1;
  while (k < days.length && days[k] < died) k++;
  const seen = assessRecist(Array.prototype.slice.call(days, 0, k), measured.subarray(0, k), lesion);
  return {
    ...seen,
    best: k === 1 ? 'NE' : seen.best,
    bestChange: k === 1 ? 0 : seen.bestChange,
    progressed: true,
    pfsDays: died,
    osDays: died,
    death: true,
    crossover: false,
  };
}

/** The day a course's progression is seen (Infinity: never). */
function progressionOf(recist: RecistOutcome): number {
  return recist.progressed ? recist.pfsDays : Number.POSITIVE_INFINITY;
}

/**
 * The day a new lesion appears on a course (Infinity: none): the population's newLesionHazard times the patient's
 * multiple and the viable target lesion's size relative to baseline; with the population's newLesionFloor and the
 * patient's untreated growth rate (the HCC trial), also the deposits' net growth under the course's treatment.
 */
export function newLesionOn(
  days: ArrayLike<number>,
  viable: ArrayLike<number>,
  patient: Pick<VirtualPatient, 'newLesionDraw' | 'newLesionScale' | 'newLesionGrowthRate'>,
  population: Readonly<OutcomeHazards>,
  risk: ArmRisk = { sorafenib: false },
): number {
  const floor =
    risk.sorafenib && population.sorafenibNewLesionFloor !== undefined
      ? population.sorafenibNewLesionFloor
      : population.newLesionFloor;
  const following =
    floor !== undefined && patient.newLesionGrowthRate !== undefined
      ? { growthRate: patient.newLesionGrowthRate, floor }
      : undefined;
  return (
    newLesionDay(
      days,
      viable,
      population.newLesionHazard * (patient.newLesionScale ?? 1),
      patient.newLesionDraw,
      following,
    ) ?? Number.POSITIVE_INFINITY
  );
}

/**
 * A course as the trial's scans see it: what a scan measures (the viable lesion plus the non-viable tissue left where
 * cells died), the day a new lesion appears (Infinity: none) and RECIST 1.1 on both.
 */
function scannedCourse(
  days: ArrayLike<number>,
  viable: ArrayLike<number>,
  patient: Pick<VirtualPatient, 'newLesionDraw' | 'residual' | 'newLesionScale' | 'newLesionGrowthRate'>,
  population: Readonly<OutcomeHazards>,
  risk: ArmRisk,
): { measured: Float64Array; lesion: number; recist: RecistOutcome } {
  const residual = armResidual(patient.residual, population, risk);
  const measured = new Float64Array(days.length);
  for (let k = 0; k < days.length; k++) measured[k] = measuredVolume(viable[k], viable[0], residual);
  const lesion = newLesionOn(days, viable, patient, population, risk);
  return { measured, lesion, recist: assessRecist(days, measured, lesion) };
}

/**
 * The arms of a trial between which its comparator patients cross over: from the arm of gefitinib alone (FLAURA's
 * comparator) to the arm of osimertinib alone (the course they follow after the switch), in the lung trial whose
 * population has a crossover share; null in any other trial (no such pair of arms, or the HCC trial).
 */
export function crossoverArms(
  arms: readonly Pick<Arm, 'treatments'>[],
  population: CohortPopulation,
): { from: number; to: number; share: number } | null {
  if (!isLungPopulation(population) || !(population.crossoverShare > 0)) return null;
  const from = matchFlauraComparatorArm(arms);
  const to = matchFlauraArm(arms);
  return from >= 0 && to >= 0 ? { from, to, share: population.crossoverShare } : null;
}

// --- running a cohort -----------------------------------------------------------------------------------------------

/** Outcomes of a block of patients, per arm; typed arrays so that a worker can transfer them. */
export interface CohortBlock {
  from: number;
  to: number;
  arms: {
    /** progression-free survival, days: to progression or death (event), or to the last assessment (censored) */
    pfsDays: Float64Array;
    /** 1: the PFS event (progression or death) was observed */
    progressed: Uint8Array;
    /** overall survival, days: to death (event) or to the last assessment (censored) */
    osDays: Float64Array;
    /** 1: the death was observed */
    death: Uint8Array;
    /** day of the assessment that first showed the confirmed response; 0 for non-responders */
    responseDays: Float64Array;
    /** index into RESPONSE_CODES */
    best: Uint8Array;
    bestChange: Float64Array;
    /** 1: the patient crossed over to osimertinib at progression (the lung trial's comparator arm; else all 0) */
    crossover: Uint8Array;
    /** diameter change from baseline at each assessment, %, for the first `spiderCount` patients of the cohort */
    spider: Float64Array[];
  }[];
  /** per patient: covariates for the biomarker views */
  nrf2Active: Uint8Array;
  nrf2: Float64Array;
  neat1: Float64Array;
  il6: Float64Array;
  baselinePge2: Float64Array;
  baselineDiameter: Float64Array;
}

/** The assessment days of a scenario's cohort: 0, interval, 2 interval, ... up to the horizon. */
export function assessmentScenario(scenario: Scenario, settings: CohortSettings): Scenario {
  return { ...scenario, outputStep: settings.assessmentInterval };
}

/** What a trial reads of an arm: the volume at assessment days; of the first arm also the baseline PGE2. */
const VOLUME_ONLY: readonly SeriesName[] = ['tumourVolume'];
const BASELINE_SERIES: readonly SeriesName[] = ['tumourVolume', 'pge2Plasma'];

/** The viable target-lesion volume of patients [from, to) at the assessment days, per arm (what outcomes read). */
export interface CohortTrajectories {
  from: number;
  to: number;
  /** the assessment days (day 0 first) */
  days: Float64Array;
  /** per arm: volumes, mm³, patient-major (patient i's days at [i * days.length, (i + 1) * days.length)) */
  volumes: Float64Array[];
  /** per patient: plasma PGE2 at day 0, pg/mL */
  baselinePge2: Float64Array;
}

/** Patients [from, to) of a scenario's cohort, drawn from its setting's population (or `population`, of that setting). */
export function cohortPatients(
  scenario: Scenario,
  from: number,
  to: number,
  population: CohortPopulation = trialPopulation(scenario.setting),
): VirtualPatient[] {
  const settings = scenario.cohort;
  if (!settings) throw new Error('the scenario has no cohort settings');
  const changed = scenario.parameters as Partial<ModelParameters> | undefined;
  const all = { ...settings, size: to };
  const lung = scenario.setting === 'lung-patient';
  if (lung !== isLungPopulation(population)) {
    throw new Error(`the population given is not that of the ${scenario.setting} setting`);
  }
  return isLungPopulation(population)
    ? sampleLungPatients(all, scenario.inputs, changed, population, from)
    : samplePatients(all, scenario.inputs.axl, changed, population, from);
}

/**
 * Simulates patients [from, to) on every arm: the solver's part of a trial. Arms' own input overrides are ignored:
 * inputs come from the patient.
 */
export function simulateTrajectories(
  scenario: Scenario,
  from: number,
  to: number,
  population: CohortPopulation = trialPopulation(scenario.setting),
  integrator?: Integrator,
  /** the patients [from, to) as cohortPatients() draws them, when the caller has them already */
  sampled?: readonly VirtualPatient[],
): CohortTrajectories {
  const settings = scenario.cohort;
  if (!settings) throw new Error('the scenario has no cohort settings');
  const patients = sampled ?? cohortPatients(scenario, from, to, population);
  const grid = assessmentScenario(scenario, settings);
  // the trial's tolerance (tolerances.ts: the loosest that changes no patient's response or progression day)
  const solver = integrator ?? integratorFor('trial');
  const n = to - from;
  let days = new Float64Array(0);
  const volumes: Float64Array[] = scenario.arms.map(() => new Float64Array(0));
  const baselinePge2 = new Float64Array(n);
  patients.forEach((patient, i) => {
    const s: Scenario = { ...grid, inputs: patient.inputs };
    const untreated: Arm = { name: '', inputs: {}, treatments: {} };
    const base = {
      integrator: solver,
      parameterOverrides: patient.overrides,
      initialTumourCells: patient.baselineCells,
    };
    // Everything but the treatments depends on the patient only (the arms' own inputs are ignored), so it is made
    // once per patient and shared by every arm: the parameters, drug tables, output grid and model (armTables), and
    // the day-0 state after the pre-treatment history, which costs about as much as all the arms together.
    const options = { ...base, tables: armTables(s, untreated, base) };
    const y0 = initialState(s, untreated, options);
    scenario.arms.forEach((arm, a) => {
      // only what the trial reads: the volume at assessment days (and the first arm's baseline PGE2)
      const result = simulateArm(
        s,
        { ...patientArm(arm, patient), inputs: {} },
        { ...options, initialState: y0, series: a === 0 ? BASELINE_SERIES : VOLUME_ONLY },
      );
      const k = result.t.length;
      if (i === 0 && a === 0) days = Float64Array.from(result.t);
      if (volumes[a].length === 0) volumes[a] = new Float64Array(n * k);
      volumes[a].set(result.series.tumourVolume, i * k);
      if (a === 0) baselinePge2[i] = result.series.pge2Plasma[0];
    });
  });
  return { from, to, days, volumes, baselinePge2 };
}

/**
 * The outcomes of simulated patients (RECIST with residual tissue and new lesions, PFS, OS) under a population's
 * outcome parameters: cheap, so that a calibration can vary those without solving again.
 */
export function cohortOutcomes(
  scenario: Scenario,
  trajectories: CohortTrajectories,
  population: CohortPopulation = trialPopulation(scenario.setting),
  sampled?: readonly VirtualPatient[],
): CohortBlock {
  const { from, to, days } = trajectories;
  // the patients as drawn for the trajectories; only their residual depends on the outcome-side population
  const patients = (sampled ?? cohortPatients(scenario, from, to, population)).map((p) => ({
    ...p,
    residual: residualOf(p.residualDraws, population),
  }));
  const n = to - from;
  const k = days.length;
  const block: CohortBlock = {
    from,
    to,
    arms: scenario.arms.map(() => ({
      pfsDays: new Float64Array(n),
      progressed: new Uint8Array(n),
      osDays: new Float64Array(n),
      death: new Uint8Array(n),
      responseDays: new Float64Array(n),
      best: new Uint8Array(n),
      bestChange: new Float64Array(n),
      crossover: new Uint8Array(n),
      spider: [],
    })),
    nrf2Active: new Uint8Array(n),
    nrf2: new Float64Array(n),
    neat1: new Float64Array(n),
    il6: new Float64Array(n),
    baselinePge2: Float64Array.from(trajectories.baselinePge2),
    baselineDiameter: new Float64Array(n),
  };
  const risks = scenario.arms.map(armRisk);
  const switching = crossoverArms(scenario.arms, population);
  patients.forEach((patient, i) => {
    block.nrf2Active[i] = patient.nrf2Active ? 1 : 0;
    block.nrf2[i] = patient.inputs.nrf2;
    block.neat1[i] = patient.inputs.neat1;
    block.il6[i] = patient.inputs.il6;
    scenario.arms.forEach((_, a) => {
      const viable = trajectories.volumes[a].subarray(i * k, (i + 1) * k);
      const crosses =
        switching !== null && a === switching.from && (patient.crossoverDraw ?? 1) < switching.share
          ? trajectories.volumes[switching.to].subarray(i * k, (i + 1) * k)
          : undefined;
      const outcome = patientOutcome(days, viable, patient, population, risks[a], crosses);
      const out = block.arms[a];
      out.pfsDays[i] = outcome.pfsDays;
      out.progressed[i] = outcome.progressed ? 1 : 0;
      out.osDays[i] = outcome.osDays;
      out.death[i] = outcome.death ? 1 : 0;
      out.responseDays[i] = outcome.responseDays;
      out.best[i] = RESPONSE_CODES.indexOf(outcome.best);
      out.bestChange[i] = outcome.bestChange;
      out.crossover[i] = outcome.crossover ? 1 : 0;
      if (a === 0) block.baselineDiameter[i] = diameterOf(viable[0]);
      if (patient.index < SPIDER_PATIENTS) {
        // the measured diameter (viable lesion and residual tissue), as the scans see it
        const base = diameterOf(viable[0]);
        const trace = new Float64Array(k);
        const residual = armResidual(patient.residual, population, risks[a]);
        for (let j = 0; j < k; j++) {
          const d = diameterOf(measuredVolume(viable[j], viable[0], residual));
          trace[j] = base > 0 ? (100 * (d - base)) / base : 0;
        }
        out.spider.push(trace);
      }
    });
  });
  return block;
}

/** Simulates patients [from, to) on every arm and gives their outcomes. */
export function runCohortBlock(
  scenario: Scenario,
  from: number,
  to: number,
  integrator?: Integrator,
  population: CohortPopulation = trialPopulation(scenario.setting),
): CohortBlock {
  // drawn once for both (drawing patient `to` means drawing every patient's shared-stream values before it)
  const patients = cohortPatients(scenario, from, to, population);
  const trajectories = simulateTrajectories(scenario, from, to, population, integrator, patients);
  return cohortOutcomes(scenario, trajectories, population, patients);
}

/** Joins blocks (in any order) into one block covering [0, size). */
export function mergeBlocks(blocks: CohortBlock[]): CohortBlock {
  const sorted = [...blocks].sort((a, b) => a.from - b.from);
  const size = sorted.reduce((n, b) => n + (b.to - b.from), 0);
  const cat = <T extends Float64Array | Uint8Array>(make: (n: number) => T, pick: (b: CohortBlock) => T): T => {
    const out = make(size);
    let at = 0;
    for (const b of sorted) {
      out.set(pick(b), at);
      at += b.to - b.from;
    }
    return out;
  };
  const f64 = (n: number) => new Float64Array(n);
  const u8 = (n: number) => new Uint8Array(n);
  const armCount = sorted[0]?.arms.length ?? 0;
  return {
    from: 0,
    to: size,
    arms: Array.from({ length: armCount }, (_, a) => ({
      pfsDays: cat(f64, (b) => b.arms[a].pfsDays),
      progressed: cat(u8, (b) => b.arms[a].progressed),
      osDays: cat(f64, (b) => b.arms[a].osDays),
      death: cat(u8, (b) => b.arms[a].death),
      responseDays: cat(f64, (b) => b.arms[a].responseDays),
      best: cat(u8, (b) => b.arms[a].best),
      bestChange: cat(f64, (b) => b.arms[a].bestChange),
      crossover: cat(u8, (b) => b.arms[a].crossover),
      spider: sorted.flatMap((b) => b.arms[a].spider),
    })),
    nrf2Active: cat(u8, (b) => b.nrf2Active),
    nrf2: cat(f64, (b) => b.nrf2),
    neat1: cat(f64, (b) => b.neat1),
    il6: cat(f64, (b) => b.il6),
    baselinePge2: cat(f64, (b) => b.baselinePge2),
    baselineDiameter: cat(f64, (b) => b.baselineDiameter),
  };
}

/**
 * A running merge of blocks that arrive one by one, in any order (a trial's partial results): `add` takes the next
 * block and `merged(count)` gives mergeBlocks of the first `count` blocks added (default all), the same value for
 * value and field for field. The last merge is kept, and a later one copies it in a few long runs with the blocks
 * added since in their places, instead of concatenating every block again (each merge still makes new arrays: a merge
 * already handed out is never changed). A count below the last merge's is merged from its blocks at once.
 */
export interface BlockMerger {
  add(block: CohortBlock): void;
  /** blocks added so far */
  readonly count: number;
  merged(count?: number): CohortBlock;
}

/** One block inside a merge: its patients and, per arm, its spider lines. */
interface MergedPart {
  from: number;
  size: number;
  spiders: number[];
}

export function blockMerger(): BlockMerger {
  const blocks: CohortBlock[] = [];
  /** the merge of blocks[0, mergedCount), its parts in patient order */
  let last: CohortBlock | null = null;
  let parts: MergedPart[] = [];
  let mergedCount = 0;
  const partOf = (b: CohortBlock): MergedPart => ({
    from: b.from,
    size: b.to - b.from,
    spiders: b.arms.map((arm) => arm.spider.length),
  });
  return {
    add: (block) => {
      blocks.push(block);
    },
    get count() {
      return blocks.length;
    },
    merged: (count = blocks.length) => {
      const n = Math.max(0, Math.min(count, blocks.length));
      if (n === mergedCount && last) return last;
      if (n < mergedCount || !last || mergedCount === 0) {
        const merge = mergeBlocks(blocks.slice(0, n));
        // a merge of fewer blocks than the last one is not kept: the next larger one goes on from the last
        if (last && n < mergedCount) return merge;
        last = merge;
        parts = blocks
          .slice(0, n)
          .map(partOf)
          .sort((a, b) => a.from - b.from);
        mergedCount = n;
        return merge;
      }
      // the new blocks in patient order, each placed after the kept parts that start before it (sort's order
      // for blocks of one start, as mergeBlocks has it: a stable sort keeps the order they were added in)
      const fresh = blocks.slice(mergedCount, n).sort((a, b) => a.from - b.from);
      const previous = last;
      const previousParts = parts;
      // runs: [a kept part range [p0, p1), or a fresh block], in patient order
      type Run = { kind: 'kept'; p0: number; p1: number } | { kind: 'fresh'; block: CohortBlock };
      const runs: Run[] = [];
      let p = 0;
      for (const block of fresh) {
        const start = p;
        while (p < previousParts.length && previousParts[p].from <= block.from) p++;
        if (p > start) runs.push({ kind: 'kept', p0: start, p1: p });
        runs.push({ kind: 'fresh', block });
      }
      if (p < previousParts.length) runs.push({ kind: 'kept', p0: p, p1: previousParts.length });
      // offsets of the kept parts in the last merge: patients, and spider lines per arm
      const armCount = previous.arms.length;
      const patientAt = new Array<number>(previousParts.length + 1);
      const spiderAt = Array.from({ length: armCount }, () => new Array<number>(previousParts.length + 1));
      patientAt[0] = 0;
      for (let a = 0; a < armCount; a++) spiderAt[a][0] = 0;
      for (let i = 0; i < previousParts.length; i++) {
        patientAt[i + 1] = patientAt[i] + previousParts[i].size;
        for (let a = 0; a < armCount; a++) spiderAt[a][i + 1] = spiderAt[a][i] + (previousParts[i].spiders[a] ?? 0);
      }
      const size = previous.to + fresh.reduce((s, b) => s + (b.to - b.from), 0);
      const cat = <T extends Float64Array | Uint8Array>(
        make: (n: number) => T,
        kept: T,
        pick: (b: CohortBlock) => T,
      ): T => {
        const out = make(size);
        let at = 0;
        for (const run of runs) {
          if (run.kind === 'kept') {
            out.set(kept.subarray(patientAt[run.p0], patientAt[run.p1]) as T, at);
            at += patientAt[run.p1] - patientAt[run.p0];
          } else {
            out.set(pick(run.block), at);
            at += run.block.to - run.block.from;
          }
        }
        return out;
      };
      const spiders = (a: number): Float64Array[] => {
        const out: Float64Array[] = [];
        const kept = previous.arms[a].spider;
        for (const run of runs) {
          if (run.kind === 'kept') {
            for (let i = spiderAt[a][run.p0]; i < spiderAt[a][run.p1]; i++) out.push(kept[i]);
          } else for (const line of run.block.arms[a].spider) out.push(line);
        }
        return out;
      };
      const f64 = (k: number) => new Float64Array(k);
      const u8 = (k: number) => new Uint8Array(k);
      const merge: CohortBlock = {
        from: 0,
        to: size,
        arms: previous.arms.map((arm, a) => ({
          pfsDays: cat(f64, arm.pfsDays, (b) => b.arms[a].pfsDays),
          progressed: cat(u8, arm.progressed, (b) => b.arms[a].progressed),
          osDays: cat(f64, arm.osDays, (b) => b.arms[a].osDays),
          death: cat(u8, arm.death, (b) => b.arms[a].death),
          responseDays: cat(f64, arm.responseDays, (b) => b.arms[a].responseDays),
          best: cat(u8, arm.best, (b) => b.arms[a].best),
          bestChange: cat(f64, arm.bestChange, (b) => b.arms[a].bestChange),
          crossover: cat(u8, arm.crossover, (b) => b.arms[a].crossover),
          spider: spiders(a),
        })),
        nrf2Active: cat(u8, previous.nrf2Active, (b) => b.nrf2Active),
        nrf2: cat(f64, previous.nrf2, (b) => b.nrf2),
        neat1: cat(f64, previous.neat1, (b) => b.neat1),
        il6: cat(f64, previous.il6, (b) => b.il6),
        baselinePge2: cat(f64, previous.baselinePge2, (b) => b.baselinePge2),
        baselineDiameter: cat(f64, previous.baselineDiameter, (b) => b.baselineDiameter),
      };
      const merged: MergedPart[] = [];
      for (const run of runs) {
        if (run.kind === 'kept') for (let i = run.p0; i < run.p1; i++) merged.push(previousParts[i]);
        else merged.push(partOf(run.block));
      }
      last = merge;
      parts = merged;
      mergedCount = n;
      return merge;
    },
  };
}

// --- statistics per arm ---------------------------------------------------------------------------------------------

/** A Kaplan–Meier estimate with the points where its censoring marks are drawn (so views need no statistics code). */
export type SurvivalCurve = KaplanMeierResult & { censor: CensorMarks };

function survivalCurve(time: ArrayLike<number>, event: ArrayLike<number>): SurvivalCurve {
  const km = kaplanMeier(time, event);
  return { ...km, censor: censorMarks(km) };
}

export interface ArmStatistics {
  name: string;
  patients: number;
  responses: Record<Response, number>;
  /** each best response's share of the arm's patients with its 95 % Wilson interval */
  responseRates: Record<Response, ProportionInterval>;
  /** objective response rate (CR + PR) with its 95 % Wilson interval */
  orr: ProportionInterval;
  /** disease control rate (CR + PR + SD) with its 95 % Wilson interval */
  dcr: ProportionInterval;
  /** progression-free survival: Kaplan–Meier (log-log 95 % CI) and its median, days */
  pfs: SurvivalCurve;
  medianPfs: MedianSurvival;
  /** overall survival: Kaplan–Meier (log-log 95 % CI) and its median (Brookmeyer–Crowley interval), days */
  os: SurvivalCurve;
  medianOs: MedianSurvival;
  /** overall survival at 12 months (365.25 days) with its pointwise log-log 95 % interval; null past the follow-up */
  os12: SurvivalAtTime | null;
  /** time to response among the confirmed responders, days: median and the share seen at the 1st or 2nd assessment */
  timeToResponse: TimeToResponse;
  /** share of the arm's patients who crossed over to osimertinib at progression, 95 % Wilson interval (0: none) */
  crossover: ProportionInterval;
  /**
   * true when the arm's effect is a hypothesis of the model, not a tested treatment (it gives a hypothesis drug, the
   * COX-2 inhibitor: scenario/catalogue/trial.ts HYPOTHESIS_DRUGS, whose sources and caveat COX2_HYPOTHESIS holds)
   */
  hypothesis: boolean;
}

export interface TimeToResponse {
  responders: number;
  /** median of the responders' response days; null without responders */
  median: number | null;
  /** share of the responders whose response was first seen at the first assessment */
  first: number;
  /** share of the responders whose response was first seen at the first or second assessment */
  firstOrSecond: number;
}

/** Twelve months in days. */
export const YEAR_DAYS = 365.25;

export interface ArmComparison {
  reference: number;
  comparison: number;
  /** PFS: Cox proportional hazards, one binary covariate (arm), Efron ties: hazard ratio with its 95 % Wald interval */
  cox: CoxResult;
  /** PFS: log-rank test */
  logRank: LogRankResult;
  /** OS: Cox hazard ratio (as for PFS) */
  osCox: CoxResult;
  /** OS: log-rank test */
  osLogRank: LogRankResult;
}

export interface SubgroupStatistics {
  label: string;
  /** per arm: the subgroup's PFS and response rate */
  arms: { patients: number; medianPfs: MedianSurvival; orr: ProportionInterval; pfs: SurvivalCurve }[];
}

export interface CohortStatistics {
  arms: ArmStatistics[];
  /** every arm against the first */
  comparisons: ArmComparison[];
  /** biomarker splits: NRF2-active vs not, baseline PGE2 above vs below the cut-off, NEAT1 >= 0.5 vs below */
  biomarkers: { name: string; high: SubgroupStatistics; low: SubgroupStatistics; logRankP: number[] }[];
}

/** Time to response of the confirmed responders (0 marks a non-responder). */
export function timeToResponse(responseDays: ArrayLike<number>, assessmentInterval: number): TimeToResponse {
  const days: number[] = [];
  for (let i = 0; i < responseDays.length; i++) if (responseDays[i] > 0) days.push(responseDays[i]);
  days.sort((x, y) => x - y);
  const m = days.length;
  const median = m === 0 ? null : m % 2 === 1 ? days[(m - 1) / 2] : 0.5 * (days[m / 2 - 1] + days[m / 2]);
  // the second assessment is on day 2 x interval (a small tolerance for the grid's rounding)
  const early = days.filter((d) => d <= 2 * assessmentInterval + 1e-6).length;
  const firstScan = days.filter((d) => d <= assessmentInterval + 1e-6).length;
  return { responders: m, median, first: m > 0 ? firstScan / m : 0, firstOrSecond: m > 0 ? early / m : 0 };
}

function select<T extends Float64Array | Uint8Array>(values: T, mask: Uint8Array, want: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (mask[i] === want) out.push(values[i]);
  return out;
}

function proportion(successes: number, n: number): ProportionInterval {
  return n > 0 ? wilsonInterval(successes, n) : { estimate: 0, lower: 0, upper: 0, level: 0.95 };
}

function subgroup(block: CohortBlock, mask: Uint8Array, want: number, label: string): SubgroupStatistics {
  return {
    label,
    arms: block.arms.map((arm) => {
      const time = select(arm.pfsDays, mask, want);
      const event = select(arm.progressed, mask, want);
      const best = select(arm.best, mask, want);
      const responders = best.filter((b) => b <= 1).length;
      const pfs = survivalCurve(time, event);
      return { patients: time.length, medianPfs: medianSurvival(pfs), orr: proportion(responders, time.length), pfs };
    }),
  };
}

/**
 * Every statistic of a trial. `biomarkers: false` leaves the biomarker splits out (empty): a calibration computes the
 * arms' and comparisons' figures thousands of times and reads nothing else.
 */
export function cohortStatistics(
  scenario: Scenario,
  block: CohortBlock,
  options: { biomarkers?: boolean } = {},
): CohortStatistics {
  const settings = scenario.cohort;
  const hypotheses = hypothesisArms(scenario.arms);
  const arms: ArmStatistics[] = block.arms.map((arm, a) => {
    const responses: Record<Response, number> = { CR: 0, PR: 0, SD: 0, PD: 0, NE: 0 };
    for (const b of arm.best) responses[RESPONSE_CODES[b]]++;
    const n = arm.best.length;
    let crossed = 0;
    for (const c of arm.crossover) crossed += c;
    const pfs = survivalCurve(arm.pfsDays, arm.progressed);
    const os = survivalCurve(arm.osDays, arm.death);
    return {
      name: scenario.arms[a].name,
      patients: n,
      responses,
      responseRates: Object.fromEntries(RESPONSE_CODES.map((r) => [r, proportion(responses[r], n)])) as Record<
        Response,
        ProportionInterval
      >,
      orr: proportion(responses.CR + responses.PR, n),
      dcr: proportion(responses.CR + responses.PR + responses.SD, n),
      pfs,
      medianPfs: medianSurvival(pfs),
      os,
      medianOs: medianSurvival(os),
      os12: survivalIntervalAt(os, YEAR_DAYS),
      timeToResponse: timeToResponse(arm.responseDays, settings?.assessmentInterval ?? 42),
      crossover: proportion(crossed, n),
      hypothesis: hypotheses.includes(a),
    };
  });
  const comparisons: ArmComparison[] = [];
  for (let a = 1; a < block.arms.length; a++) {
    const reference = { time: block.arms[0].pfsDays, event: block.arms[0].progressed };
    const comparison = { time: block.arms[a].pfsDays, event: block.arms[a].progressed };
    const osReference = { time: block.arms[0].osDays, event: block.arms[0].death };
    const osComparison = { time: block.arms[a].osDays, event: block.arms[a].death };
    comparisons.push({
      reference: 0,
      comparison: a,
      cox: coxHazardRatio(reference, comparison),
      logRank: logRank([reference, comparison]),
      osCox: coxHazardRatio(osReference, osComparison),
      osLogRank: logRank([osReference, osComparison]),
    });
  }
  // the biomarker splits need patients that carry the biomarkers (the HCC trial's; the lung trial's have none)
  if (options.biomarkers === false || !BIOMARKER_SETTINGS.includes(scenario.setting)) {
    return { arms, comparisons, biomarkers: [] };
  }
  const cutoff = settings?.pge2Cutoff ?? COHORT_LIMITS.pge2Cutoff.default;
  const above = (values: Float64Array, threshold: number): Uint8Array => {
    const mask = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) mask[i] = values[i] >= threshold ? 1 : 0;
    return mask;
  };
  const splits: [string, Uint8Array][] = [
    ['NRF2', block.nrf2Active],
    ['PGE2', above(block.baselinePge2, cutoff)],
    ['NEAT1', above(block.neat1, 0.5)],
  ];
  const biomarkers = splits.map(([name, mask]) => ({
    name,
    high: subgroup(block, mask, 1, `${name}-high`),
    low: subgroup(block, mask, 0, `${name}-low`),
    logRankP: block.arms.map((arm) => {
      const hi = { time: select(arm.pfsDays, mask, 1), event: select(arm.progressed, mask, 1) };
      const lo = { time: select(arm.pfsDays, mask, 0), event: select(arm.progressed, mask, 0) };
      return hi.time.length > 0 && lo.time.length > 0 ? logRank([hi, lo]).pValue : Number.NaN;
    }),
  }));
  return { arms, comparisons, biomarkers };
}
