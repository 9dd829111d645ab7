/**
 * The trial catalogue is what a virtual trial reports and draws from: the RECIST response codes, how many patients'
 * trajectories a spider plot keeps, and the share of NRF2-active tumours of each cancer type. It exists because the
 * model (which computes the outcomes) and the views (which label and colour them) must agree on these.
 */
import type { Arm, CancerType, DrugId, Setting } from '../types';

/**
 * RECIST 1.1 best overall response; NE: not evaluable, no post-baseline assessment (the patient died or left the
 * trial's scans before the first one), as IMbrave150 reported it.
 */
export type Response = 'CR' | 'PR' | 'SD' | 'PD' | 'NE';
/** Response codes in the order results store them (a block's `best` is an index into this list). */
export const RESPONSE_CODES: readonly Response[] = ['CR', 'PR', 'SD', 'PD', 'NE'];

/** Patients whose whole trajectories are kept for the spider plot. */
export const SPIDER_PATIENTS = 30;

/**
 * The trial settings whose virtual patients carry the seed-000 biomarkers (NRF2 stratum, baseline plasma PGE2, NEAT1),
 * so that a trial's results split by them: the HCC trial's. The lung trial's patients differ in other ways.
 */
export const BIOMARKER_SETTINGS: readonly Setting[] = ['hcc-patient'];

/** Share of NRF2-active tumours per cancer type. */
export const NRF2_ACTIVE_SHARE: Record<CancerType, { share: number; source: string }> = {
  hcc: { share: 0.361, source: 'P-NRF2-positive in 36.1 % of 335 resected HCCs (Iseda et al. 2021)' },
  escc: { share: 0.359, source: 'NFE2L2 hotspot mutations in 35.9 % of oesophageal SCC (seed 002, C-CAT)' },
  lusc: { share: 0.196, source: 'NFE2L2 hotspot mutations in 19.6 % of lung SCC (seed 002, C-CAT)' },
  lung: { share: 0.11, source: 'KEAP1 mutations in 11.0 % of lung cancers (seed 002, C-CAT)' },
  'pan-cancer': { share: 0.025, source: 'KEAP1 mutations in 2.5 % of 60,056 advanced solid tumours (seed 002, C-CAT)' },
};

// --- IMbrave150: what the model is compared with ---------------------------------------------------------------------

/** A published figure with its 95 % interval when the source gives one. */
export interface PublishedFigure {
  value: number;
  lower?: number;
  upper?: number;
}

/** The figures the "model vs IMbrave150" table compares: rates are fractions, medians months. */
export type TrialTargetId =
  | 'orr'
  | 'cr'
  | 'pr'
  | 'sd'
  | 'pd'
  | 'ne'
  | 'dcr'
  | 'timeToResponse'
  | 'medianPfs'
  | 'pfsHr'
  | 'os12'
  | 'osHr';

export interface TrialTarget {
  id: TrialTargetId;
  kind: 'rate' | 'months' | 'ratio';
  /** per arm; for a hazard ratio, `atezoBev` holds atezolizumab + bevacizumab against sorafenib */
  atezoBev?: PublishedFigure;
  sorafenib?: PublishedFigure;
  source: string;
  /** which source: the interface shows it in its own language (src/i18n, 'source.<key>') */
  sourceKey: 'finn2020' | 'salem2021';
}

/** A percentage as the fraction the statistics use. */
const pct = (percent: number): number => percent / 100;

const FINN_2020 = 'Finn et al., NEJM 2020; 382:1894–1905 (IMbrave150 primary analysis)';

/**
 * IMbrave150's outcome profile (unresectable HCC, first line; atezolizumab 1200 mg + bevacizumab 15 mg/kg every
 * 3 weeks, n = 336, vs sorafenib 400 mg twice daily, n = 165; assessments every 6 weeks). Responses: confirmed,
 * RECIST 1.1, independent review. Median overall survival is left out: not reached with atezolizumab + bevacizumab
 * at the primary analysis.
 */
export const IMBRAVE150_TARGETS: readonly TrialTarget[] = [
  {
    id: 'orr',
    kind: 'rate',
    atezoBev: { value: pct(27.3) },
    sorafenib: { value: pct(11.9) },
    source: FINN_2020,
    sourceKey: 'finn2020',
  },
  {
    id: 'cr',
    kind: 'rate',
    atezoBev: { value: pct(5.5) },
    sorafenib: { value: pct(0) },
    source: FINN_2020,
    sourceKey: 'finn2020',
  },
  {
    id: 'pr',
    kind: 'rate',
    atezoBev: { value: pct(21.8) },
    sorafenib: { value: pct(11.9) },
    source: FINN_2020,
    sourceKey: 'finn2020',
  },
  {
    id: 'sd',
    kind: 'rate',
    atezoBev: { value: pct(46.3) },
    sorafenib: { value: pct(43.4) },
    source: FINN_2020,
    sourceKey: 'finn2020',
  },
  {
    id: 'pd',
    kind: 'rate',
    atezoBev: { value: pct(19.6) },
    sorafenib: { value: pct(24.5) },
    source: FINN_2020,
    sourceKey: 'finn2020',
  },
  // not evaluable or missing: the remainder of the four categories above (NEJM 2020, Table 2)
  {
    id: 'ne',
    kind: 'rate',
    atezoBev: { value: pct(6.8) },
    sorafenib: { value: pct(20.2) },
    source: FINN_2020,
    sourceKey: 'finn2020',
  },
  {
    id: 'dcr',
    kind: 'rate',
    atezoBev: { value: pct(73.6) },
    sorafenib: { value: pct(55.3) },
    source: FINN_2020,
    sourceKey: 'finn2020',
  },
  {
    id: 'timeToResponse',
    kind: 'months',
    atezoBev: { value: 2.8 },
    source:
      'Salem et al., Cancer Med 2021; 10:5437–5447 (characterisation of response in IMbrave150: median time to response, RECIST 1.1, range 1.2–12.3 months)',
    sourceKey: 'salem2021',
  },
  {
    id: 'medianPfs',
    kind: 'months',
    atezoBev: { value: 6.8, lower: 5.7, upper: 8.3 },
    sorafenib: { value: 4.3, lower: 4.0, upper: 5.6 },
    source: FINN_2020,
    sourceKey: 'finn2020',
  },
  {
    id: 'pfsHr',
    kind: 'ratio',
    atezoBev: { value: 0.59, lower: 0.47, upper: 0.76 },
    source: FINN_2020,
    sourceKey: 'finn2020',
  },
  {
    id: 'os12',
    kind: 'rate',
    atezoBev: { value: pct(67.2), lower: pct(61.3), upper: pct(73.1) },
    sorafenib: { value: pct(54.6), lower: pct(45.2), upper: pct(64) },
    source: FINN_2020,
    sourceKey: 'finn2020',
  },
  {
    id: 'osHr',
    kind: 'ratio',
    atezoBev: { value: 0.58, lower: 0.42, upper: 0.79 },
    source: FINN_2020,
    sourceKey: 'finn2020',
  },
];

/**
 * Untreated HCC's natural history, which the virtual trial's calibration adds to IMbrave150's figures (IMbrave150 had
 * no untreated arm, so without these the fit can trade the tumours' growth away): the volume-doubling time of
 * untreated HCCs (median, months) and, reported beside it but not fitted, SHARP placebo's median time to radiologic
 * progression and median OS (months; SHARP also assessed every 6 weeks). Not in the shared targets table: an addition
 * of this project (docs/model.md, "Calibration").
 */
export const UNTREATED_HCC_TARGETS = {
  doublingTime: {
    value: 4.6,
    lower: 3.9,
    upper: 5.3,
    source:
      'Nathani et al., Gut 2021; 70:401–407 (meta-analysis of 1374 untreated HCCs in 20 studies: pooled volume-doubling time 4.6 months, 95 % CI 3.9–5.3; 35 % under 3 months, 37.6 % over 9)',
  },
  medianTimeToProgression: {
    value: 2.8,
    source:
      'Llovet et al., NEJM 2008; 359:378–390 (SHARP, placebo arm, n = 303: median time to radiologic progression)',
  },
  medianOs: {
    value: 7.9,
    source: 'Llovet et al., NEJM 2008; 359:378–390 (SHARP, placebo arm: median overall survival)',
  },
} as const;

/** The drugs of IMbrave150's arms: an arm is compared with an arm of the trial when it gives exactly these. */
export const IMBRAVE150_ARMS = {
  atezoBev: ['atezolizumab', 'bevacizumab'],
  sorafenib: ['sorafenib'],
} as const;

/**
 * Which arms give IMbrave150's regimens (exactly these drugs, whatever their names): their indices, -1 for none. The
 * first such arm of each kind counts.
 */
export function matchImbrave150Arms(arms: readonly Pick<Arm, 'treatments'>[]): { atezoBev: number; sorafenib: number } {
  const gives = (arm: Pick<Arm, 'treatments'>, drugs: readonly string[]) => {
    const given = Object.keys(arm.treatments).filter((d) => arm.treatments[d as keyof Arm['treatments']] !== undefined);
    return given.length === drugs.length && drugs.every((d) => given.includes(d));
  };
  return {
    atezoBev: arms.findIndex((a) => gives(a, IMBRAVE150_ARMS.atezoBev)),
    sorafenib: arms.findIndex((a) => gives(a, IMBRAVE150_ARMS.sorafenib)),
  };
}

// --- FLAURA: what the lung trial is compared with ------------------------------------------------------------------

/**
 * FLAURA's design, shared by the flaura-osimertinib preset and the lung trial's fit (src/model/flaura.ts):
 * osimertinib 80 mg once daily until progression (here for the whole follow-up), RECIST every 6 weeks; 35 assessments
 * (1470 days, 48.3 months: past the median OS of 38.6 months; FLAURA's median follow-up was 35.8 months, and every
 * virtual patient alive at the end is censored there, a stated simplification of staggered entry).
 */
export const FLAURA_DESIGN = {
  horizonDays: 1470,
  assessmentInterval: 42,
  osimertinibDose: 80,
  /** the comparator: gefitinib 250 mg once daily (FLAURA allowed gefitinib 250 mg or erlotinib 150 mg daily) */
  comparatorDose: 250,
} as const;

const SORIA_2018 = 'Soria et al., NEJM 2018; 378:113–125 (FLAURA primary analysis)';
const RAMALINGAM_2020 = 'Ramalingam et al., NEJM 2020; 382:41–50 (FLAURA final overall survival)';

/**
 * FLAURA's osimertinib arm (untreated EGFR-mutant advanced NSCLC, n = 279): objective response (RECIST 1.1), median
 * PFS and median duration of response from the primary analysis, median OS with its 95 % interval and OS at 24 and 36 months from the final analysis.
 */
export const FLAURA_OSIMERTINIB = {
  patients: 279,
  orr: { value: pct(80), source: SORIA_2018, sourceKey: 'soria2018' },
  medianPfs: { value: 18.9, source: SORIA_2018, sourceKey: 'soria2018' },
  /** median duration of response, months (Kaplan–Meier, among the confirmed responders) */
  medianDor: { value: 17.2, source: SORIA_2018, sourceKey: 'soria2018' },
  medianOs: { value: 38.6, lower: 34.5, upper: 41.8, source: RAMALINGAM_2020, sourceKey: 'ramalingam2020' },
  os24: { value: pct(74), source: RAMALINGAM_2020, sourceKey: 'ramalingam2020' },
  os36: { value: pct(54), source: RAMALINGAM_2020, sourceKey: 'ramalingam2020' },
} as const;

/**
 * FLAURA's comparator arm (standard EGFR-TKI, gefitinib 250 mg or erlotinib 150 mg once daily, n = 277): objective
 * response, median PFS and median duration of response from the primary analysis, median OS and the crossover to
 * osimertinib from the final analysis.
 */
export const FLAURA_COMPARATOR = {
  patients: 277,
  orr: { value: pct(76), source: SORIA_2018, sourceKey: 'soria2018' },
  medianPfs: { value: 10.2, source: SORIA_2018, sourceKey: 'soria2018' },
  /** median duration of response, months (Kaplan–Meier, among the confirmed responders) */
  medianDor: { value: 8.5, source: SORIA_2018, sourceKey: 'soria2018' },
  medianOs: { value: 31.8, source: RAMALINGAM_2020, sourceKey: 'ramalingam2020' },
  /**
   * share of the arm that crossed over to open-label osimertinib after progression with T790M (31 % of 277; the 47 %
   * often quoted is the share among the patients given a second-line therapy, not of the arm)
   */
  crossover: { value: pct(31), source: RAMALINGAM_2020, sourceKey: 'ramalingam2020' },
} as const;

/**
 * FLAURA's hazard ratios, osimertinib against the comparator: progression or death 0.46 (95 % CI 0.37–0.57, primary
 * analysis), death 0.80 (95.05 % CI 0.64–1.00, final analysis).
 */
export const FLAURA_HAZARD_RATIOS = {
  pfs: { value: 0.46, lower: 0.37, upper: 0.57, source: SORIA_2018, sourceKey: 'soria2018' },
  os: { value: 0.8, lower: 0.64, upper: 1.0, source: RAMALINGAM_2020, sourceKey: 'ramalingam2020' },
} as const;

/**
 * targets.md's aims for a model's figure against a trial's: rates within 5 points, medians within 1 month, hazard
 * ratios within 0.1 (the calibration's loss reports against them, src/model/calibration.ts; the "Model vs" tables
 * mark the figures outside them).
 */
export const COMPARISON_AIMS = { rate: 0.05, months: 1, ratio: 0.1 } as const;

/**
 * Whether a model's figure is within its aim of the trial's: `model` and `published` in the table's units (rates as
 * shares, medians in months, hazard ratios); a figure the model could not give (null: no such arm, a median not
 * reached) is not within it.
 */
export function withinAim(kind: keyof typeof COMPARISON_AIMS, model: number | null, published: number): boolean {
  return model !== null && Number.isFinite(model) && Math.abs(model - published) <= COMPARISON_AIMS[kind] + 1e-9;
}

/** The arm (index) that gives exactly this one drug, whatever its name; -1 for none. */
function armGivingOnly(arms: readonly Pick<Arm, 'treatments'>[], drug: DrugId): number {
  return arms.findIndex((arm) => {
    const given = Object.keys(arm.treatments).filter((d) => arm.treatments[d as keyof Arm['treatments']] !== undefined);
    return given.length === 1 && given[0] === drug;
  });
}

/** The arm (index) that gives FLAURA's regimen, osimertinib alone, whatever its name; -1 for none. */
export function matchFlauraArm(arms: readonly Pick<Arm, 'treatments'>[]): number {
  return armGivingOnly(arms, 'osimertinib');
}

/** The arm (index) that gives FLAURA's comparator, a first-generation EGFR inhibitor (gefitinib) alone; -1 for none. */
export function matchFlauraComparatorArm(arms: readonly Pick<Arm, 'treatments'>[]): number {
  return armGivingOnly(arms, 'gefitinib');
}

// --- hypotheses -----------------------------------------------------------------------------------------------------

/**
 * Add-ons whose effect in the model is a hypothesis, not a tested treatment: an arm that gives one is labelled so in
 * the trial's results, with what the hypothesis rests on and the clinical caveat.
 */
export const HYPOTHESIS_DRUGS: readonly DrugId[] = ['cox2i'];

/**
 * The sources of the COX-2-inhibitor hypothesis and of its caveat (the texts themselves are the interface's, in each
 * language): the evidence is mouse HCC (a COX-2 inhibitor abolished NRF2-driven resistance to anti-PD-L1 + anti-VEGF)
 * and 549 treated patients, observational; the caveat is bevacizumab's bleeding risk (IMbrave150 required varices to
 * be assessed and treated before entry) and NSAIDs' renal and bleeding risks in cirrhosis.
 */
export const COX2_HYPOTHESIS = {
  evidence: 'Yamamoto, Kodama et al., Hepatology 2026 (DOI 10.1097/HEP.0000000000001677)',
  caveat:
    'Finn et al., NEJM 2020 (IMbrave150 eligibility); EASL Clinical Practice Guidelines on decompensated cirrhosis, J Hepatol 2018',
} as const;

/** The arms (indices) that give a hypothesis drug. */
export function hypothesisArms(arms: readonly Pick<Arm, 'treatments'>[]): number[] {
  return arms.flatMap((arm, i) => (HYPOTHESIS_DRUGS.some((d) => arm.treatments[d] !== undefined) ? [i] : []));
}
