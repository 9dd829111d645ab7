/**
 * The allowed range of every scenario field. One table for the URL codec, the validation and the UI (slider
 * min/max/step), so a value the UI can produce is always one the codec accepts and the other way round.
 *
 * `step` is a UI hint only: the codec and the validation accept any finite value inside a range, not just the
 * multiples of `step`, so a shared link with 0.37 keeps 0.37.
 */
import type { CancerType, DrugId, EgfrStatus, Scale, Setting } from './types';

/** A closed interval [min, max] with a slider step and a unit for labels and messages ('' = dimensionless). */
export interface Range {
  min: number;
  max: number;
  step: number;
  unit: string;
}

/** Longest query string the decoder reads; longer input is rejected whole (error code 'too-long'). */
export const MAX_QUERY_LENGTH = 8000;

/**
 * Relative tolerance of the two ratio limits (output points, doses per schedule), so that a horizon of 250 days
 * with a 0.05-day step (250 / 0.05 = 5000.000000000001 in floating point) counts as the 5000 points it is.
 */
export const RATIO_TOLERANCE = 1e-9;

/** nrf2, neat1 and il6: fractions from 0 to 1. */
export const INPUT_RANGE: Range = { min: 0, max: 1, step: 0.01, unit: '' };
export const NUMERIC_INPUTS = ['nrf2', 'neat1', 'il6'] as const;
export type NumericInput = (typeof NUMERIC_INPUTS)[number];
export const AXL_LEVELS = ['low', 'high'] as const;

/** Which parameter set, and so which dose units and maxima, each setting uses. */
export const SETTING_SCALE: Record<Setting, Scale> = {
  'hcc-mouse': 'mouse',
  'hcc-patient': 'patient',
  'lung-egfr': 'mouse',
  'crc-liver': 'mouse',
  'lung-patient': 'patient',
};

/** EGFR status of each setting's tumour when the scenario does not set one: lung EGFR-mutant, HCC and CRC wild type. */
export const EGFR_DEFAULT: Record<Setting, EgfrStatus> = {
  'hcc-mouse': 'wild-type',
  'hcc-patient': 'wild-type',
  'lung-egfr': 'mutant',
  'crc-liver': 'wild-type',
  'lung-patient': 'mutant',
};

/** Simulated time span in days, per setting, with the default a new scenario starts from. */
export interface HorizonLimits extends Range {
  default: number;
}

export const HORIZON_LIMITS: Record<Setting, HorizonLimits> = {
  'hcc-mouse': { min: 1, max: 365, step: 1, unit: 'days', default: 28 },
  'hcc-patient': { min: 30, max: 1825, step: 1, unit: 'days', default: 540 },
  'lung-egfr': { min: 1, max: 365, step: 1, unit: 'days', default: 150 },
  'crc-liver': { min: 1, max: 365, step: 1, unit: 'days', default: 28 },
  'lung-patient': { min: 30, max: 1825, step: 1, unit: 'days', default: 1095 },
};

/**
 * Spacing of the output grid, days: at least 0.05 day, at most the horizon (so the grid has at least its two end
 * points), and no more than 5000 output points (horizon / outputStep <= 5000, within RATIO_TOLERANCE).
 */
export const OUTPUT_STEP_LIMITS = { min: 0.05, maxPoints: 5000, step: 0.05, unit: 'days' } as const;

/** The output step range for a given horizon (the UI slider; the validation checks the point count directly). */
export function outputStepRange(horizon: number): Range {
  return {
    min: Math.max(OUTPUT_STEP_LIMITS.min, horizon / OUTPUT_STEP_LIMITS.maxPoints),
    max: horizon,
    step: OUTPUT_STEP_LIMITS.step,
    unit: OUTPUT_STEP_LIMITS.unit,
  };
}

/** Arms: 1 to 8 per scenario; names 1 to 40 characters (Unicode code points) after trimming white space. */
export const ARM_LIMITS = { minArms: 1, maxArms: 8, nameMinLength: 1, nameMaxLength: 40 } as const;

/**
 * Dosing schedules. `start` from day 0 to day 1825; `stop` must be after `start` but may lie beyond the horizon (a
 * window that runs past the end of the simulation); `interval` from 6 hours to a year; at most 2000 doses per drug
 * per arm ((stop - start) / interval <= 2000, within RATIO_TOLERANCE).
 */
export const SCHEDULE_LIMITS = {
  start: { min: 0, max: 1825, step: 1, unit: 'days' } satisfies Range,
  interval: { min: 0.25, max: 365, step: 0.25, unit: 'days' } satisfies Range,
  maxDoses: 2000,
} as const;

/**
 * Largest dose per drug and scale, in the drug's unit at that scale. Deliberately generous (well above any dose
 * used in the studies): the limit only stops nonsense, it is not a safety bound. Units follow the drug table of
 * the model (mg/kg in mice; flat mg or mg/kg in patients, as labelled).
 */
export interface DoseLimit {
  max: number;
  step: number;
  unit: 'mg/kg' | 'mg';
}

const MOUSE_DOSE: DoseLimit = { max: 100, step: 0.5, unit: 'mg/kg' };
const PATIENT_FLAT_DOSE: DoseLimit = { max: 5000, step: 10, unit: 'mg' };
const PATIENT_PER_KG_DOSE: DoseLimit = { max: 100, step: 0.5, unit: 'mg/kg' };

export const DOSE_LIMITS: Record<DrugId, Record<Scale, DoseLimit>> = {
  atezolizumab: { mouse: MOUSE_DOSE, patient: PATIENT_FLAT_DOSE },
  bevacizumab: { mouse: MOUSE_DOSE, patient: PATIENT_PER_KG_DOSE },
  antiPD1: { mouse: MOUSE_DOSE, patient: PATIENT_FLAT_DOSE },
  cox2i: { mouse: MOUSE_DOSE, patient: PATIENT_FLAT_DOSE },
  antiCD24: { mouse: MOUSE_DOSE, patient: PATIENT_PER_KG_DOSE },
  antiIL6: { mouse: MOUSE_DOSE, patient: PATIENT_PER_KG_DOSE },
  osimertinib: { mouse: MOUSE_DOSE, patient: PATIENT_FLAT_DOSE },
  sorafenib: { mouse: MOUSE_DOSE, patient: PATIENT_FLAT_DOSE },
  gefitinib: { mouse: MOUSE_DOSE, patient: PATIENT_FLAT_DOSE },
  igf1ri: { mouse: MOUSE_DOSE, patient: PATIENT_FLAT_DOSE },
};

/** Dose range of one drug in one setting (min is always 0: a zero dose is a vehicle arm). */
export function doseRange(drug: DrugId, setting: Setting): Range {
  const limit = DOSE_LIMITS[drug][SETTING_SCALE[setting]];
  return { min: 0, max: limit.max, step: limit.step, unit: limit.unit };
}

/** True when `count` is at most `limit`, allowing for floating-point rounding in the division that produced it. */
export function withinCount(count: number, limit: number): boolean {
  return count <= limit * (1 + RATIO_TOLERANCE);
}

/**
 * A virtual trial (Scenario.cohort), in a patient setting with a trial population (COHORT_SETTINGS). Size and seed are whole numbers; the seed is any
 * 31-bit non-negative integer (a safe integer, the same on every platform). The assessment interval is the spacing of
 * the RECIST assessments (42 days = every 6 weeks, as in IMbrave150); the PGE2 cut-off splits the cohort by baseline
 * plasma PGE2 in pg/mL (default 100 pg/mL, about twice the healthy level; docs/model.md).
 */
export const COHORT_LIMITS = {
  size: { min: 10, max: 10000, step: 10, unit: 'patients', default: 500 },
  seed: { min: 0, max: 2 ** 31 - 1, step: 1, unit: '', default: 1 },
  assessmentInterval: { min: 7, max: 182, step: 7, unit: 'days', default: 42 },
  pge2Cutoff: { min: 1, max: 1000, step: 1, unit: 'pg/mL', default: 100 },
} as const satisfies Record<string, HorizonLimits>;

/** The default cancer type of a cohort: HCC, the disease of the hcc-patient setting. */
export const DEFAULT_CANCER: CancerType = 'hcc';

/**
 * The settings a cohort can run in: patients with advanced HCC (IMbrave150) and patients with advanced EGFR-mutant lung
 * cancer (FLAURA). Each has its own virtual population and survival model (src/model/population.ts).
 */
export const COHORT_SETTINGS = ['hcc-patient', 'lung-patient'] as const satisfies readonly Setting[];
export type CohortSetting = (typeof COHORT_SETTINGS)[number];

/** The setting of a trial whose link names none (the CLI's default): patients with advanced HCC. */
export const DEFAULT_COHORT_SETTING: CohortSetting = 'hcc-patient';

/** True for a setting a virtual trial runs in. */
export function isCohortSetting(setting: Setting): setting is CohortSetting {
  return (COHORT_SETTINGS as readonly Setting[]).includes(setting);
}

/**
 * What the limits above are held to (measured by `npm run study:limits`; reasoning in docs/performance.md, "Codec
 * limits and what they cost"): the heaviest link they allow (scenario/worst.ts: every arm, the longest horizon with
 * the most output points, every drug at its largest dose as often as allowed), at the setting's own parameters,
 * takes at most this many solver steps (accepted + rejected, all arms) per simulation. Steps, not seconds: the same
 * on every machine. Measured 21,680 (2,710 per arm), about 0.07 s of CPU on the 2-core machine of the study.
 */
export const WORST_LINK_STEP_BUDGET = 30_000;
