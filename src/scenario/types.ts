/**
 * The one scenario type: everything that defines a simulation (inputs, setting, horizon, output grid and the
 * therapy arms with their dosing schedules). The store holds it, the URL mirrors it, the worker receives it and
 * the CLI reads it. Pure data: no functions, so it crosses the worker boundary by structured clone.
 */

/** Treatments, in the order the UI lists them. Stable identifiers: they appear in URLs and CLI output. */
export const DRUG_IDS = [
  'atezolizumab', // anti-PD-L1 (seed 000, 004)
  'bevacizumab', // anti-VEGF-A (seed 000)
  'antiPD1', // anti-PD-1 (seed 001)
  'cox2i', // COX-2 inhibitor, celecoxib-like (seed 000)
  'antiCD24', // anti-CD24 (seed 001)
  'antiIL6', // IL-6 blockade (seed 004)
  'osimertinib', // EGFR inhibitor (seed 003)
  'igf1ri', // IGF-1R inhibitor, linsitinib-like (seed 003)
  'sorafenib', // oral multi-kinase inhibitor (RAF, VEGFR, PDGFR): IMbrave150's comparator
  'gefitinib', // first-generation EGFR inhibitor: FLAURA's comparator (does not inhibit EGFR T790M)
] as const;
export type DrugId = (typeof DRUG_IDS)[number];

/**
 * A dosing schedule. Doses are given at `start`, `start + interval`, ... while the time is `< stop`
 * (so start 7, stop 20, interval 3 doses on days 7, 10, 13, 16, 19). `interval` 1 is daily.
 * The dose unit depends on the drug and the scale (mg/kg in mice, mg or mg/kg in patients); see DRUG_UNITS in the model.
 */
export interface DoseSchedule {
  /** amount per dose, in the drug's unit for the scenario's scale */
  dose: number;
  /** first dose, days from day 0 */
  start: number;
  /** no dose at or after this day (the end of the dosing window) */
  stop: number;
  /** days between doses (1 = daily) */
  interval: number;
}

/** Biology of the tumour: the controls a student moves. Each 0..1 unless stated. */
export interface Inputs {
  /** NRF2 activation: 0 = wild type KEAP1/NRF2, 1 = constitutively active (KEAP1 or NRF2-hotspot mutant) */
  nrf2: number;
  /** NEAT1 (v1) expression: 0 = low, as in surrounding liver; 1 = high, as in NEAT1-overexpressing HCC */
  neat1: number;
  /** IL-6 level in the tumour: 0 = IL-6 deficient, 1 = high (wild-type host with IL-6-rich microenvironment) */
  il6: number;
  /** AXL status of an EGFR-mutant lung tumour: 'low' cells depend on IGF-1R when they persist, 'high' much less */
  axl: 'low' | 'high';
  /** CD8 T cells depleted (the control experiment of seed 004) */
  cd8Depleted: boolean;
  /**
   * EGFR status of the tumour: 'mutant' (an activating EGFR mutation: osimertinib acts, and the persister / IGF-1R
   * route with it) or 'wild-type' (osimertinib does nothing). Absent: the setting's default (EGFR_DEFAULT in
   * limits.ts: lung EGFR-mutant; HCC and CRC wild type).
   */
  egfr?: EgfrStatus;
}

export const EGFR_STATUSES = ['mutant', 'wild-type'] as const;
export type EgfrStatus = (typeof EGFR_STATUSES)[number];

export const SETTINGS = ['hcc-mouse', 'hcc-patient', 'lung-egfr', 'crc-liver', 'lung-patient'] as const;
/**
 * hcc-mouse: syngeneic subcutaneous HCC in mice (seeds 000, 001); days, mm3.
 * hcc-patient: advanced HCC in patients (seed 000, IMbrave150); months shown, cm3.
 * lung-egfr: EGFR-mutant lung cancer xenograft, no adaptive immunity (seed 003); days, mm3.
 * crc-liver: colorectal cancer liver metastasis in mice (seed 004); days, mm3.
 * lung-patient: advanced EGFR-mutant lung cancer in patients, first-line osimertinib (FLAURA); months shown, cm3.
 */
export type Setting = (typeof SETTINGS)[number];
export type Scale = 'mouse' | 'patient';

export interface Arm {
  /** shown in the legend; free text (rendered as text, never as HTML) */
  name: string;
  /** inputs that differ from the scenario's shared inputs in this arm (e.g. NRF2-high vs NRF2-low arms) */
  inputs: Partial<Inputs>;
  /** treatments given in this arm; a drug that is absent is not given */
  treatments: Partial<Record<DrugId, DoseSchedule>>;
  /** hidden arms are kept (and shared) but not drawn */
  hidden?: boolean;
}

/** Cancer types with a documented share of NRF2-active (KEAP1/NRF2-mutant or P-NRF2-positive) tumours. */
export const CANCER_TYPES = ['hcc', 'escc', 'lusc', 'lung', 'pan-cancer'] as const;
export type CancerType = (typeof CANCER_TYPES)[number];

/** A virtual trial: every arm of the scenario given to the same virtual patients (patient scale). */
export interface CohortSettings {
  /** number of virtual patients, 10..10000 */
  size: number;
  /** seed of the random generator: the same seed gives the same patients */
  seed: number;
  /** sets the share of NRF2-active tumours (seed 002 and Iseda 2021) */
  cancer: CancerType;
  /** days between tumour assessments (RECIST), 42 = every 6 weeks as in IMbrave150 */
  assessmentInterval: number;
  /** plasma PGE2 cut-off for the biomarker split, pg/mL */
  pge2Cutoff: number;
}

export interface Scenario {
  setting: Setting;
  /** simulated time span, days */
  horizon: number;
  /** spacing of the output grid, days */
  outputStep: number;
  /** shared inputs; each arm may override some */
  inputs: Inputs;
  /** comparison arms, at least one */
  arms: Arm[];
  /** present when the scenario is a virtual trial */
  cohort?: CohortSettings;
  /**
   * model parameters changed from the setting's values, by parameter id (the parameter table, src/model/parameters.ts;
   * values in the table's units at the setting's scale). Absent or empty: every parameter has its setting's value.
   */
  parameters?: Partial<Record<string, number>>;
}

/** The effective inputs of one arm: the shared inputs with the arm's overrides. */
export function armInputs(scenario: Scenario, arm: Arm): Inputs {
  return { ...scenario.inputs, ...arm.inputs };
}
