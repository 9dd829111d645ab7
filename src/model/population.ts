/**
 * The virtual trial's population parameters: what `npm run calibrate` fits to IMbrave150 (targets in docs/model.md,
 * "Virtual cohort") and what is fixed. They are read from the versioned file trial-population.json, which the
 * calibration writes; a unit test checks that the model uses exactly that file.
 *
 * - killScale, growthScale, recruitmentScale: medians of the patients' lognormal multipliers of the patient-scale
 *   T-cell kill rate, tumour growth rate and T-cell recruitment (the spreads of growth and recruitment are fixed:
 *   COHORT_DISTRIBUTIONS).
 * - killLogSd: the SD of log of the patients' T-cell kill multiplier, how far tumours differ in what one T cell can
 *   kill (immunogenicity, antigen presentation): fixed at 0.5 (chosen) up to version 6, fitted since version 7 (the
 *   lung trial's kill spread is fitted to FLAURA the same way): a wider spread gives the responders a stronger kill
 *   and the non-responders a weaker one, so responses come sooner without holding the others' tumours longer
 *   (docs/model.md, "Time to response").
 *   growthScale was fixed in versions 3 and 4 (at version 2's fit, 0.8391): left free without a target on untreated
 *   tumours, the fit took it to its lower bound and they doubled in 17 months against HCC's measured 4.6 (Nathani et
 *   al., Gut 2021). Since version 5 it is fitted again, with that doubling time among the targets (calibration.ts,
 *   NATURAL_HISTORY_TARGETS).
 * - sorafenibScale, sorafenibLogSd: the patients' sensitivity to sorafenib, a lognormal multiplier (median, SD of
 *   log) of the patient-scale sorafenibGrowthInhibition, capped at SORAFENIB_INHIBITION_CAP. Above 1 the growth term
 *   turns negative under full occupancy: the tumour loses cells (necrosis after VEGFR and RAF blockade), which is how
 *   the few sorafenib responses arise; below 1 sorafenib only slows growth.
 * - residualResorbed: share of patients in whom killed tumour tissue is fully resorbed (only they can reach a
 *   complete response); residualMedian, residualLogSd: in the others, non-viable tissue (necrosis, fibrosis) stays in
 *   the lesion as a lognormal fraction of the volume lost (median, SD of log), so that the measured diameter of a
 *   responder shrinks to a patient-specific floor: a continuous waterfall instead of only −100 %. The SD of log was
 *   fixed at 1 (chosen) up to version 6 and is fitted since version 7: it sets how many responders need a deep viable
 *   shrinkage (a floor just under the partial-response threshold) and so respond late (docs/model.md, "Time to
 *   response").
 * - newLesionHazard: new lesions (progression outside the target lesion) per day for the median patient (growth
 *   multiplier 1) while its occult deposits grow at the untreated rate. Since version 6 the hazard follows the
 *   deposits' net growth under the patient's treatment: newLesionHazard x growth multiplier x the target lesion's net
 *   growth rate over each interval between scans relative to the patient's untreated growth rate, within [floor, 1]
 *   (src/model/survival.ts newLesionFactor): the rate at which deposits cross the size a scan sees is proportional to
 *   their growth, and they are held by the same drug effects as the target lesion. Versions 1-5: x V(t)/V(0).
 * - newLesionFloor, sorafenibNewLesionFloor: the least share of the untreated new-lesion hazard that a treatment
 *   leaves (deposits it does not hold), in an arm without sorafenib and in one that gives sorafenib (fitted, 0..1).
 * - backgroundHazard, burdenHazard, postProgressionHazard: the death hazard (src/model/survival.ts), 1/day.
 * - sorafenibLiverHazard: the death hazard added in an arm that gives sorafenib, 1/day: sorafenib worsens liver
 *   function (ALBI score) sooner than atezolizumab + bevacizumab (Kudo et al., Liver Cancer 2023, IMbrave150 post hoc).
 * - sorafenibInhibitionCap: the largest per-patient sorafenibGrowthInhibition (chosen 4: at full occupancy the most
 *   sensitive tumours lose cells at up to about three times their own growth rate, sorafenib's pro-apoptotic action,
 *   so that responses within months are possible; version 1 had 2, which allowed almost none).
 * - sorafenibDoseReducedShare, sorafenibReducedEffect: the share of patients whose sorafenib dose is reduced or
 *   interrupted for toxicity (SHARP: reductions 26 %, interruptions 44 %; Llovet et al., NEJM 2008), and the fraction
 *   of their sensitivity that remains (fitted: from 0, stopped, to 1, no change; the dose halves, 400 of 800 mg a day,
 *   and interruptions leave the tumour untreated for a while).
 * - withdrawalHazard, sorafenibWithdrawalHazard: leaving the trial's scans before the first assessment, 1/day, in any
 *   arm and added in an arm that gives sorafenib (not treated after randomisation, consent withdrawn, early toxicity):
 *   with the deaths before the first scan, what makes a patient "not evaluable".
 * - pge2EffectorSuppression: the patient-scale PGE2 hold on T-cell effector differentiation (parameters.ts), 0..1.
 * - sorafenibApoptosisScale: the median patient's multiple of the patient-scale sorafenibApoptosis (parameters.ts), a
 *   loss of tumour cells under sorafenib that does not scale with the tumour's growth (Mcl-1 loss after RAF/MEK/ERK
 *   blockade), so that a slow tumour can reach a partial response. Each patient's multiple is this times the same
 *   sensitivity draw as the growth inhibition, capped where the growth inhibition reaches its cap, and times
 *   sorafenibReducedEffect after a dose modification.
 * - sorafenibNecrosis: in an arm that gives sorafenib, the least residual fraction of every patient: the tissue
 *   sorafenib kills stays in the lesion's outline as non-enhancing necrosis, so that its responses are seen by
 *   viable-tumour criteria (mRECIST, EASL) more than by size (RECIST 1.1; Takada et al., BMC Res Notes 2015: 13.1 vs
 *   7.8 % of 191 patients; Hepatol Int 2013: 15 vs 2 % at the first scan), and RECIST 1.1 sees no complete response
 *   on sorafenib (IMbrave150 0 %; SHARP, 7 partial and no complete responses, Llovet et al., NEJM 2008).
 * - nrf2StingSuppression: the patient-scale share of DC maturation lost at full NRF2 activation (parameters.ts),
 *   0..0.3 (the parameter's documented range).
 * - sorafenibEscapeHazard: acquired resistance to sorafenib, 1/day (fitted since version 8, within 1e-4..0.05): each
 *   patient's tumour stops responding to sorafenib on a day drawn as Exp(1) / hazard from the patient's own stream;
 *   the simulation ends the arm's sorafenib dosing that day (patientArm in cohort.ts), so the tumour regrows as the drug
 *   washes out. Tumours that respond to sorafenib become resistant within months (about 6 months, Ermi and Sarkar,
 *   Cancers 2024, 16:3944; mechanisms: Tang et al., Signal Transduct Target Ther 2020, 5:87); without it, patients
 *   that sorafenib holds stayed held, and the sorafenib arm's PFS curve kept a tail the trial does not have.
 * - angiogenesisScale: the multiple of the patient-scale angiogenesisGrowthDependence (parameters.ts: the share of
 *   tumour growth that depends on VEGF-driven angiogenesis, chosen 0.3) that every patient of the trial gets, fitted
 *   since version 9 within 1/3..2, so that at the setting's value the share stays inside its documented patient range
 *   0.1..0.6: how much bevacizumab, and sorafenib on VEGFR, slow a tumour from the first day, before T cells build up;
 *   it sets atezolizumab + bevacizumab's primary progressors against sorafenib's (IMbrave150 PD 19.6 against 24.5 %).
 *   A multiple, not a value, so that a scenario's own change of the share (a link's p.angiogenesisGrowthDependence)
 *   and the plausible ensemble's draws of it still reach the trial's patients.
 * - postProgressionGrowthShare: post-progression therapy (fitted since version 10, 0..1): after progression on a
 *   treated first line, the death hazard's burden term reads the lesion grown by only this share of its simulated
 *   log-growth since the progression scan (src/model/survival.ts deathDay); an untreated arm, the natural history, is
 *   left as simulated. Second-line drugs lengthen survival after sorafenib (regorafenib: median OS 10.6 against 7.8
 *   months, HR 0.63; Bruix et al., Lancet 2017, 389:56, RESORCE), and over 16 first-line trials of 2005-2019 the
 *   sorafenib arms' median OS rose by 4.5 months while their PFS did not change (Gastrointest Tumors 2022, 9:19,
 *   doi 10.1159/000521625). It moves overall survival only: progression is seen before it acts.
 */
import lungFile from './fits/flaura.json' with { type: 'json' };
import file from './trial-population.json' with { type: 'json' };

export interface TrialPopulation {
  killScale: number;
  killLogSd: number;
  growthScale: number;
  recruitmentScale: number;
  sorafenibScale: number;
  sorafenibLogSd: number;
  residualResorbed: number;
  residualMedian: number;
  residualLogSd: number;
  newLesionHazard: number;
  newLesionFloor: number;
  sorafenibNewLesionFloor: number;
  backgroundHazard: number;
  burdenHazard: number;
  postProgressionHazard: number;
  sorafenibLiverHazard: number;
  sorafenibInhibitionCap: number;
  sorafenibDoseReducedShare: number;
  sorafenibReducedEffect: number;
  withdrawalHazard: number;
  sorafenibWithdrawalHazard: number;
  pge2EffectorSuppression: number;
  sorafenibApoptosisScale: number;
  nrf2StingSuppression: number;
  sorafenibNecrosis: number;
  sorafenibEscapeHazard: number;
  angiogenesisScale: number;
  postProgressionGrowthShare: number;
}

/** The population parameters that the calibration fits, in its order. */
export const FITTED_PARAMETERS = [
  'growthScale',
  'killScale',
  'killLogSd',
  'recruitmentScale',
  'sorafenibScale',
  'sorafenibLogSd',
  'sorafenibReducedEffect',
  'pge2EffectorSuppression',
  'sorafenibApoptosisScale',
  'nrf2StingSuppression',
  'residualResorbed',
  'residualMedian',
  'residualLogSd',
  'newLesionHazard',
  'newLesionFloor',
  'sorafenibNewLesionFloor',
  'burdenHazard',
  'postProgressionHazard',
  'sorafenibLiverHazard',
  'withdrawalHazard',
  'sorafenibWithdrawalHazard',
  'sorafenibNecrosis',
  'sorafenibEscapeHazard',
  'angiogenesisScale',
  'postProgressionGrowthShare',
] as const satisfies readonly (keyof TrialPopulation)[];
export type FittedParameter = (typeof FITTED_PARAMETERS)[number];

/** Bounds of the fit (chosen: wide, physically meaningful). */
export const FIT_BOUNDS: Record<FittedParameter, readonly [number, number]> = {
  growthScale: [0.3, 3],
  killScale: [0.2, 5],
  killLogSd: [0.2, 2],
  recruitmentScale: [0.2, 5],
  sorafenibScale: [0.3, 6],
  sorafenibLogSd: [0.2, 2],
  sorafenibReducedEffect: [0, 1],
  pge2EffectorSuppression: [0, 1],
  sorafenibApoptosisScale: [0, 20],
  nrf2StingSuppression: [0, 0.3],
  residualResorbed: [0, 1],
  residualMedian: [0.001, 1],
  residualLogSd: [0.3, 3],
  newLesionHazard: [0, 0.05],
  newLesionFloor: [0, 1],
  sorafenibNewLesionFloor: [0, 1],
  burdenHazard: [0, 0.01],
  postProgressionHazard: [0, 0.05],
  sorafenibLiverHazard: [0, 0.01],
  withdrawalHazard: [0, 0.02],
  sorafenibWithdrawalHazard: [0, 0.02],
  sorafenibNecrosis: [0, 1],
  sorafenibEscapeHazard: [1e-4, 0.05],
  angiogenesisScale: [1 / 3, 2],
  postProgressionGrowthShare: [0, 1],
};

/** The file's version: bumped when the meaning of a field changes. */
export const TRIAL_POPULATION_VERSION: number = file.version;

/** The population the model uses: the file's fitted and fixed values. */
export const TRIAL_POPULATION: Readonly<TrialPopulation> = Object.freeze({ ...file.fixed, ...file.fitted });

/** Measured lesion volume: the viable volume plus the non-viable tissue left from what was lost since baseline. */
export function measuredVolume(viable: number, baseline: number, residual: number): number {
  return viable + (baseline > viable ? residual * (baseline - viable) : 0);
}

/**
 * What every trial setting's population gives the outcome side (patientOutcome): residual tissue in the measured
 * lesion, new lesions and the death hazard (src/model/survival.ts).
 */
export type OutcomePopulation = Pick<
  TrialPopulation,
  | 'residualResorbed'
  | 'residualMedian'
  | 'residualLogSd'
  | 'newLesionHazard'
  | 'backgroundHazard'
  | 'burdenHazard'
  | 'postProgressionHazard'
>;

/**
 * The virtual population of the EGFR-mutant lung trial (FLAURA's patients; docs/model.md, "EGFR-mutant lung,
 * patient"): lognormal multipliers (median 1, these SDs of the logarithm) of the lung-patient setting's osimertinib
 * kill, share of resistant cells at the start (capped at resistantCap) and growth rates (the kill's and the resistant
 * share's spreads fitted to both of FLAURA's arms, the growth rates' chosen); the share of EGFR T790M cells
 * at the start, a lognormal of SD of log t790mLogSd around the setting's t790mFraction (capped at t790mCap); a
 * lognormal target lesion; the outcome side of every trial. Read from src/model/fits/flaura.json, which
 * scripts/fit-flaura.ts writes.
 */
export interface LungTrialPopulation extends OutcomePopulation {
  setting: 'lung-patient';
  killLogSd: number;
  resistantLogSd: number;
  resistantCap: number;
  /** SD of log of the patients' share of T790M cells at the start (digital PCR of 109 tumours), and its cap */
  t790mLogSd: number;
  t790mCap: number;
  growthLogSd: number;
  /** target lesion at baseline: median cells and SD of log */
  baselineCellsMedian: number;
  baselineLogSd: number;
  /**
   * the chance that a comparator patient (an arm of gefitinib alone) whose disease progresses crosses over to
   * osimertinib: T790M found at progression (about half) x T790M-positive progressors who switched (derived, 0.6);
   * from the switch the death hazard follows the same patient's course on the trial's osimertinib arm (docs/model.md)
   */
  crossoverShare: number;
}

/** The lung trial's population: the fit file's fixed and fitted values. */
export const LUNG_TRIAL_POPULATION: Readonly<LungTrialPopulation> = Object.freeze({
  setting: 'lung-patient',
  ...lungFile.population.fixed,
  ...lungFile.population.fitted,
});

/** A trial population of either setting. */
export type CohortPopulation = Readonly<TrialPopulation> | Readonly<LungTrialPopulation>;

/** True for the lung trial's population (the HCC one has no `setting`). */
export function isLungPopulation(population: CohortPopulation): population is Readonly<LungTrialPopulation> {
  return 'setting' in population && population.setting === 'lung-patient';
}
