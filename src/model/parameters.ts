/**
 * Every model parameter: id, unit, value at each scale, plausible range and source. docs/model.md lists the same
 * table (a unit test checks that every id here appears there). "chosen:" marks a number we had to choose, with why.
 *
 * Mouse values follow the reference prototype of the model brief (hand-tuned to the seed experiments, anchored on
 * published models where one exists). Patient values are set per parameter, each with its source or reason: human
 * cell kinetics from the human QSP models (QSP-IO, QSPIO-TNBC) where they have one, the same cellular rate as the
 * mouse where the process does not depend on the species, and calibration to IMbrave150 where stated. Drug
 * pharmacokinetics (half-life; central volume of an antibody, apparent oral clearance of a small molecule) are rows of
 * this table too, so that they can be changed like any other parameter; treatments.ts turns them into each drug's
 * elimination rate and level per unit of dose.
 */

export interface ModelParameters {
  // tumour
  /** net growth rate of drug-sensitive cells at low density, 1/day */
  sensitiveGrowthRate: number;
  /** growth rate of resistant cells, 1/day */
  resistantGrowthRate: number;
  /** carrying capacity, cells */
  carryingCapacity: number;
  /** M2-macrophage boost of tumour growth at fM2 = 1, fraction */
  m2GrowthSupport: number;
  // CD8 T cells
  /** recruitment of effector CD8 T cells per tumour cell, per day, at full priming and access */
  tCellRecruitment: number;
  /** effector T-cell death, 1/day */
  tCellDeath: number;
  /** largest PD-1-driven exhaustion, 1/day */
  tCellExhaustion: number;
  /** maximal kill rate per tumour cell when T cells are in excess, 1/day */
  tCellKillRate: number;
  /** T cells per tumour cell for half-maximal kill (ratio-dependent lysis) */
  tCellKillHalfRatio: number;
  /** suppression of killing by M2 macrophages at fM2 = 1, fraction */
  m2KillSuppression: number;
  /** suppression of killing (perforin/granzyme) by IL-6 at full IL-6 signalling, fraction */
  il6KillSuppression: number;
  // PD-1 / PD-L1
  /** basal tumour PD-L1, relative */
  pdl1Basal: number;
  /** largest IFN-driven fold increase of PD-L1 above basal (minus one) */
  pdl1IfnInduction: number;
  /** IFN signal for half-maximal PD-L1 induction, relative */
  pdl1IfnHalf: number;
  /** PD-L1 for half-maximal PD-1 inhibition, relative */
  pd1HalfPdl1: number;
  /** Hill coefficient of PD-1 inhibition */
  pd1Hill: number;
  /** type-I IFN from mature DCs when IL-6 is absent, relative to the T-cell IFN-gamma maximum */
  type1IfnFromDc: number;
  // NRF2 -> COX-2 -> PGE2
  /** PGE2 production of an NRF2-wild-type tumour, relative (varies between patients: COX-2 has other inducers) */
  pge2Basal: number;
  /** fold increase of PGE2 production at full NRF2 activation (minus one) */
  nrf2Pge2Induction: number;
  /** largest PGE2 inhibition of T-cell infiltration, fraction */
  pge2MaxInhibition: number;
  /** PGE2 for half-maximal inhibition, relative to NRF2-wild-type */
  pge2Half: number;
  /** Hill coefficient of PGE2 inhibition */
  pge2Hill: number;
  /** share of PGE2's T-cell inhibition that also applies to killing (effector differentiation in the tumour), fraction */
  pge2EffectorSuppression: number;
  /** share of DC maturation lost at full NRF2 activation (NRF2 represses tumour STING, so less type-I IFN), fraction */
  nrf2StingSuppression: number;
  /** plasma PGE2 of the host without a tumour, pg/mL */
  pge2PlasmaBaseline: number;
  /** PGE2 released per tumour cell per day at COX-2 activity 1 (NRF2 wild type), pg/cell/day */
  pge2CellProduction: number;
  /** whole-body metabolic clearance of plasma PGE2, L/day */
  pge2Clearance: number;
  /** rise of plasma NEAT1 per 1e9 tumour cells at NEAT1-low expression, relative to a tumour-free host */
  neat1PlasmaRelease: number;
  // VEGF
  /** VEGF-driven exclusion of T cells without bevacizumab (access = 1 / (1 + exclusion)) */
  vegfExclusion: number;
  /** fraction of tumour growth that depends on VEGF-driven angiogenesis (lost when VEGF-A is fully blocked) */
  angiogenesisGrowthDependence: number;
  /** fraction of tumour proliferation blocked by sorafenib at full occupancy (RAF/MEK/ERK), besides its anti-angiogenesis */
  sorafenibGrowthInhibition: number;
  /** apoptosis of tumour cells at full sorafenib occupancy (Mcl-1 loss after RAF/MEK/ERK blockade), whatever their growth, 1/day */
  sorafenibApoptosis: number;
  // dendritic cells and IL-6
  /** DC maturation rate, 1/day */
  dcMaturationRate: number;
  /** loss of mature DCs, 1/day */
  dcLoss: number;
  /** tumour cells for half-maximal antigen supply to DCs, cells */
  dcAntigenHalf: number;
  /** IL-6 for half-maximal IL-6 signalling, relative */
  il6Half: number;
  // macrophages
  /** macrophage recruitment per tumour cell, 1/day */
  macrophageRecruitment: number;
  /** macrophage death, 1/day */
  macrophageDeath: number;
  /** fraction of recruited macrophages that arrive as M1 */
  m1RecruitedFraction: number;
  /** basal M1 -> M2 repolarisation, 1/day */
  m1ToM2Rate: number;
  /** basal M2 -> M1 repolarisation, 1/day */
  m2ToM1Rate: number;
  /** fold increase of M2 -> M1 (minus one) at saturating IFN-gamma from T cells */
  ifnRepolarisation: number;
  /** fold increase of M1 -> M2 at full CD24 engagement */
  cd24Polarisation: number;
  /** share of M1 -> M2 repolarisation that needs IL-6 signalling (lost when IL-6 is absent), fraction */
  il6M2Polarisation: number;
  /** share of CD8 T-cell priming that needs macrophage phagocytosis of tumour cells (blocked by CD24 engagement), fraction */
  phagocyticPriming: number;
  /** phagocytosis rate per tumour cell when M1 are in excess, 1/day */
  phagocytosisRate: number;
  /** M1 per tumour cell for half-maximal phagocytosis (scaled) */
  phagocytosisHalfRatio: number;
  // NEAT1 -> CD24
  /** basal CD24, relative to the CD24 level for half engagement */
  cd24Basal: number;
  /** fold increase of CD24 at full NEAT1 expression (minus one) */
  neat1Cd24Induction: number;
  // persisters (EGFR-mutant lung)
  /** killing of sensitive cells by osimertinib at full occupancy, 1/day */
  osimertinibKill: number;
  /**
   * switching of sensitive cells to persisters under osimertinib (drug-induced persister entry, on top of the
   * persisters present at the start, persisterFraction), 1/day
   */
  persisterEntry: number;
  /** reversion of persisters to sensitive cells off drug, 1/day */
  persisterReversion: number;
  /** conversion of persisters to resistant cells under drug, 1/day */
  resistanceAcquisition: number;
  /** basal persister death, 1/day */
  persisterDeath: number;
  /** persister killing by IGF-1R inhibition at full occupancy (AXL-low), 1/day */
  igf1rPersisterKill: number;
  /** IGF-1R dependence of persisters when AXL is high, fraction of the AXL-low dependence */
  axlHighIgf1rDependence: number;
  /**
   * drug-tolerant persisters present before treatment (EGFR-mutant tumours): the cells whose chance to persist is set
   * before the drug comes, fraction of tumour cells at day 0
   */
  persisterFraction: number;
  /** osimertinib-resistant cells present before treatment (EGFR-mutant tumours), fraction of tumour cells at day 0 */
  resistantFraction: number;
  /**
   * EGFR T790M cells present before treatment (EGFR-mutant tumours), fraction of tumour cells at day 0: not killed by
   * a first-generation EGFR inhibitor (gefitinib), killed by osimertinib
   */
  t790mFraction: number;
  /** conversion of persisters to T790M cells under a first-generation EGFR inhibitor, 1/day */
  t790mAcquisition: number;
  /**
   * kill of sensitive cells at full occupancy of a first-generation EGFR inhibitor (gefitinib), relative to
   * osimertinib's at full occupancy (osimertinibKill), on the EGFR receptors osimertinib leaves free
   */
  gefitinibRelativeKill: number;
  // immune escape and small populations
  /** immune-escape variants (B2M, JAK1/2, HLA loss) arising per division of a sensitive cell */
  immuneEscapeRate: number;
  /** cell-loss factor: death / birth of untreated tumour cells (sets births and deaths behind the net growth rate) */
  cellLossFactor: number;
  /** a compartment whose expected surviving lineages fall below this is set to zero (P(survival) below it) */
  extinctionThreshold: number;
  // drug pharmacokinetics (one compartment; treatments.ts): half-life, day; central volume of an antibody, L;
  // apparent oral clearance (CL/F) of a small molecule, L/day
  atezolizumabHalfLife: number;
  atezolizumabVolume: number;
  bevacizumabHalfLife: number;
  bevacizumabVolume: number;
  antiPD1HalfLife: number;
  antiPD1Volume: number;
  cox2iHalfLife: number;
  cox2iClearance: number;
  antiCD24HalfLife: number;
  antiCD24Volume: number;
  antiIL6HalfLife: number;
  antiIL6Volume: number;
  osimertinibHalfLife: number;
  osimertinibClearance: number;
  sorafenibHalfLife: number;
  sorafenibClearance: number;
  igf1riHalfLife: number;
  igf1riClearance: number;
  gefitinibHalfLife: number;
  gefitinibClearance: number;
}

/** One documented parameter. */
export interface ParameterInfo {
  id: keyof ModelParameters;
  unit: string;
  mouse: number;
  patient: number;
  /** a plausible range for sensitivity analysis and cohort sampling (the mouse's, and the patient's unless below) */
  range: [number, number];
  /** the patient scale's plausible range, where it differs from the mouse's (a different species or organ) */
  patientRange?: [number, number];
  source: string;
}

/**
 * The EGFR-mutant lung parameters (osimertinib, persisters) are still the mouse rates x 1/12 at the patient scale
 * (chosen: responses after 2–3 months); the immune and HCC parameters no longer use this factor.
 */
export const PATIENT_IMMUNE_SCALE = 1 / 12;

const P = PATIENT_IMMUNE_SCALE;

/** Mouse antibody half-life, day: elimination 0.15/day (Kosinsky 2018, mouse anti-PD-L1). */
const MOUSE_ANTIBODY_HALF_LIFE = Math.LN2 / 0.15;
/** Mouse antibody distribution volume, L: 3 mL in a 20 g mouse (Kosinsky 2018, V_d 0.003 L). */
const MOUSE_ANTIBODY_VOLUME = 3e-3;

/**
 * The apparent oral clearance (L/day) at which `mgPerUnit` mg per unit of daily dose of a drug of this molar mass
 * (g/mol) gives an average level of `nMPerUnit` nM: for the levels the model brief and the labels state per dose.
 */
function oralClearance(mgPerUnit: number, molarMass: number, nMPerUnit: number): number {
  return (mgPerUnit * 1e-3) / molarMass / nMPerUnit / 1e-9;
}

/** The PK range rule where no between-patient range is published: ×0.5–2 of the value (chosen). */
const pkRange = (value: number): [number, number] => [value / 2, value * 2];

const MOUSE_PK_ANTIBODY =
  'mouse: elimination 0.15/day (half-life 4.6 days) and 3 mL distribution volume (Kosinsky 2018, mouse anti-PD-L1), ' +
  'for every antibody (no drug-specific mouse PK used); range x0.5-2 chosen';
const PATIENT_PK_RANGE = 'patient range x0.5-2 chosen, around the between-patient spread that popPK reports';

/** [id, unit, mouse value, patient value, range, source] */
const TABLE: ParameterInfo[] = [
  p(
    'sensitiveGrowthRate',
    '1/day',
    0.3,
    7.5e-3,
    [0.1, 0.6],
    'mouse: Kosinsky 2018 r = 0.4/day; de Pillis 2005 a = 0.514/day; prototype 0.30; patient: untreated HCC volume doubling of 3–5 months once the immune response and phagocytosis take their share (calibrated with the virtual trial); patient range: doubling times from weeks to a year',
    [2e-3, 2e-2],
  ),
  p(
    'resistantGrowthRate',
    '1/day',
    0.25,
    6.5e-3,
    [0.05, 0.5],
    'chosen (prototype): resistant clones grow a little slower than sensitive ones (patient: the same ratio)',
    [2e-3, 2e-2],
  ),
  p(
    'carryingCapacity',
    'cells',
    2e9,
    1e12,
    [1e9, 1e13],
    'Kosinsky 2018 TVmax 2500 mm3; den Breems 2016 bt = 2e9; patient ~1 L',
  ),
  p(
    'm2GrowthSupport',
    '-',
    0.05,
    0.05,
    [0, 0.2],
    'den Breems & Eftimie 2016 (rmn term); size chosen: seed 001, anti-CD24 alone (which repolarises M2 to M1) left tumour volume unchanged, so M2 support of growth is small',
  ),
  p(
    'tCellRecruitment',
    '1/day',
    0.1565,
    0.011,
    [0.03, 0.5],
    'chosen: at this value the untreated NRF2-low HCC graft holds 0.027 CD8 per tumour cell on day 16 (0.15 before ' +
      'priming through phagocytosis, phagocyticPriming, took its 4 % share in NEAT1-low grafts; 0.012–0.063 over ' +
      'the ensemble; a model output, with M2 holding back expansion; no count in untreated grafts of the seeds\' lines was found, docs/model.md "Why the claims below 80 % ' +
      'fail"); between animals, T-cell influx into CT26 grafts fitted to their growth varies with a random effect of 0.696 ' +
      "(Kosinsky 2018, Table 1), wider than the ensemble's ×0.7–1.3; patient: the base that the virtual trial's " +
      'patients multiply (recruitmentScale, fitted to IMbrave150: its median patient has 0.011 × 4.52 = 0.050/day, ' +
      'population version 8); patient range from the immune-cold EGFR-mutant lung setting (1.1e-3) to 0.06, above ' +
      "that fitted median (widened from 0.02, which the trial's fit had left since version 3)",
    [1e-3, 6e-2],
  ),
  p(
    'tCellDeath',
    '1/day',
    0.15,
    0.01,
    [0.01, 2],
    'patient: QSPIO-TNBC k_CD8_death 0.01/day (De Boer & Perelson 1995); mouse: chosen (prototype), between that and QSP-IO 2/day; ' +
      'patient range down to 0.001/day: human antigen-specific CD8 T cells can live far longer (deuterium labelling after ' +
      'yellow-fever vaccination: division plateaus at 0.1 %/day within a year, Zarnitsyna 2021 PLoS Comput Biol; ' +
      'quiescent memory cells divide less than once a year, Akondy 2017 Nature)',
    [1e-3, 2],
  ),
  p('tCellExhaustion', '1/day', 0.1, 0.1, [0.05, 0.5], 'QSP-IO k_Tcell 0.1/day (Sové 2020; QSPIO-TNBC the same)'),
  p(
    'tCellKillRate',
    '1/day',
    6,
    0.9,
    [0.9, 18],
    'patient: QSPIO-TNBC k_C_Tcell 0.9/day (Robertson-Tessi 2012); mouse: chosen (prototype) 6, inside the span QSPIO-TNBC 0.9 to QSP-IO 18/day (estimated)',
  ),
  p('tCellKillHalfRatio', '-', 1.2, 1.2, [0.5, 3], 'QSPIO-TNBC K_T_C (Robertson-Tessi 2012)'),
  p(
    'm2KillSuppression',
    '-',
    0.95,
    0.95,
    [0.5, 0.98],
    'chosen: M2 hold back T-cell killing and expansion (seed 001: M2 express PD-L1; arginase, IL-10, TGF-beta); below 1: an all-M2 tumour keeps 5 % of its T-cell killing and expansion, because these signals saturate (QSPIO-TNBC: a TGF-beta Hill term)',
  ),
  p(
    'il6KillSuppression',
    '-',
    0.85,
    0.85,
    [0, 1],
    'seed 004: IL-6 lowers perforin/granzyme B effector T cells; prototype',
  ),
  p('pdl1Basal', 'relative', 1, 1, [0.2, 3], 'chosen: unit of PD-L1'),
  p(
    'pdl1IfnInduction',
    '-',
    6,
    6,
    [1, 6],
    'QSPIO-TNBC r_PDL1_IFNg = 6 in PD-L1 = basal (1 + r H_IFNg), up to 7x (Shin 2017)',
  ),
  p('pdl1IfnHalf', 'relative', 0.3, 0.3, [0.1, 1], 'chosen (prototype)'),
  p(
    'pd1HalfPdl1',
    'relative',
    1,
    1,
    [0.5, 7],
    'chosen (prototype): PD1_50 in units of basal PD-L1, at most the IFN-induced maximum 1 + r (QSPIO-TNBC r = 6); colorectal liver setting 6',
  ),
  p('pd1Hill', '-', 2, 2, [1, 3], 'QSP-IO n_PD1 = 2'),
  p('type1IfnFromDc', '-', 0.2, 0.2, [0, 1], 'seed 004: IL-6-low DCs make IFN-alpha/beta; size chosen (prototype)'),
  p(
    'pge2Basal',
    'relative',
    1,
    1,
    [0.3, 3],
    'chosen: unit of PGE2; virtual patients vary it (COX-2 has NRF2-independent inducers)',
  ),
  p(
    'nrf2Pge2Induction',
    '-',
    4,
    4,
    [1, 9],
    'seed 000: NRF2 -> COX-2 (Ptgs2) -> PGE2; 5x at full activation chosen (prototype)',
  ),
  p(
    'pge2MaxInhibition',
    '-',
    0.95,
    0.95,
    [0.5, 1],
    'seed 000: PGE2 keeps T cells out ("cold"); size chosen: NRF2-high grafts resist anti-PD-L1 + anti-VEGF-A',
  ),
  p('pge2Half', 'relative', 2, 2, [1, 4], 'chosen (prototype): wild-type PGE2 (1) is below half effect'),
  p('pge2Hill', '-', 2, 2, [1, 4], 'chosen (prototype)'),
  p(
    'pge2EffectorSuppression',
    '-',
    1,
    0,
    [0, 1],
    'Lacher 2024 (Nature): tumour PGE2 acting on EP2/EP4 of CD8 T cells restricts their expansion and effector ' +
      'differentiation inside the tumour, not their priming; mouse: chosen 1, the same PGE2 signal that keeps them ' +
      'out; patient: 0 in a single simulated patient; the virtual trial fits it to IMbrave150 as a population parameter ' +
      '(src/model/trial-population.json)',
  ),
  p(
    'nrf2StingSuppression',
    '-',
    0.1,
    0,
    [0, 0.3],
    'Olagnier 2018 (Nat Commun): NRF2 activation lowers STING (its mRNA stability) and type-I IFN production in human ' +
      'cells, a route from NRF2 to priming that a COX-2 inhibitor leaves; size chosen: seed 000 finds that a COX-2 ' +
      'inhibitor restores most of the control of NRF2-high grafts, so the PGE2-independent share stays small (0.1; ' +
      'at 0.3 the COX-2 rescue fails in a third of the plausible ensemble); patient: 0 in a single simulated ' +
      'patient; the virtual trial fits it to IMbrave150 within 0–0.3 as a population parameter ' +
      '(src/model/trial-population.json)',
  ),
  p(
    'pge2PlasmaBaseline',
    'pg/mL',
    40,
    40,
    [25, 60],
    'healthy plasma PGE2 28 +/- 5 pg/mL (head and neck cancer study controls, PMID 1577849) and 50 +/- 17 pg/mL (gastric cancer study controls, Gong 1990); mouse: chosen the same',
  ),
  p(
    'pge2CellProduction',
    'pg/cell/day',
    7e-3,
    7e-3,
    [2e-3, 2e-2],
    'chosen: a 10 cm3 NRF2-wild-type tumour adds ~15 pg/mL in a patient, so advanced burdens reach the 50–80 pg/mL of stage III–IV cancers (PMID 1577849); the order of tumour-cell PGE2 output in culture (ng per 1e6 cells per day)',
  ),
  p(
    'pge2Clearance',
    'L/day',
    10.6,
    4832,
    [7, 14],
    'patient: whole-blood metabolic clearance of PGE1 in man 4832 +/- 1518 L/day, mostly by the lung (Golub 1975), taken for PGE2 (plasma half-life under a minute); mouse: allometric, 4832 x (0.02 / 70)^0.75',
    [3300, 6400],
  ),
  p(
    'neat1PlasmaRelease',
    'per 1e9 cells',
    0.05,
    0.05,
    [0.01, 0.2],
    'chosen: plasma NEAT1 rises with tumour burden and expression and falls after treatment (seed 001); 3.5x a tumour-free host for a 10 cm3 NEAT1-high tumour',
  ),
  p('vegfExclusion', '-', 1, 1, [0, 3], 'chosen (prototype): VEGF halves T-cell access; anti-VEGF normalises vessels'),
  p(
    'angiogenesisGrowthDependence',
    '-',
    0.02,
    0.3,
    [0, 0.2],
    "mouse: chosen small, seed 000: anti-PD-L1 + anti-VEGF-A left NRF2-high grafts growing; patient: chosen so that bevacizumab alone slows HCC (bevacizumab monotherapy ORR 13 %, median PFS 6.9 months, Siegel 2008); the virtual trial's patients get it times the fitted angiogenesisScale (since population version 9: atezo/bev's primary progressors against sorafenib's; version 10: 1.165, the share 0.350, inside the patient range)",
    [0.1, 0.6],
  ),
  p(
    'sorafenibGrowthInhibition',
    '-',
    0.5,
    0.3,
    [0.1, 0.8],
    'chosen: sorafenib is anti-proliferative (RAF/MEK/ERK) as well as anti-angiogenic (Wilhelm 2004: it slows HCC and other xenografts at 30–60 mg/kg); patient: it roughly doubles time to progression in HCC (SHARP: 5.5 vs 2.8 months, Llovet 2008), a modest effect',
    [0.1, 0.6],
  ),
  p(
    'sorafenibApoptosis',
    '1/day',
    0,
    2e-3,
    [0, 0.05],
    'Liu 2006 (Cancer Res): sorafenib blocks RAF/MEK/ERK and induces apoptosis of HCC cells (PLC/PRF/5 in vitro and ' +
      'as xenografts); Yu 2005 (Oncogene): the loss of Mcl-1 in its pro-apoptotic activity; a loss of cells ' +
      'that does not scale with the tumour growth rate, so a slow tumour can shrink (sorafenib ORR by RECIST 1.1 in ' +
      'IMbrave150 11.9 %, independent review; SHARP 2 %, Asia-Pacific 3.3 %); mouse: 0 (chosen: the mouse setting ' +
      'keeps its calibrated sorafenib, a growth inhibition); patient: chosen 2e-3/day, a quarter of the untreated ' +
      'growth rate, as the base that the virtual trial scales per patient (sorafenibApoptosisScale, fitted to ' +
      'IMbrave150, src/model/trial-population.json)',
  ),
  p(
    'dcMaturationRate',
    '1/day',
    0.5,
    0.05,
    [0.1, 1.5],
    'mouse: QSP-IO APC maturation 1.5/day as the top, prototype 0.5; patient: chosen 2.5x dcLoss, the mouse ratio of maturation to loss, so that IL-6 and PGE2 move the mature fraction as in the mouse',
    [0.02, 1.5],
  ),
  p(
    'dcLoss',
    '1/day',
    0.2,
    0.02,
    [0.01, 0.5],
    'patient: QSPIO-TNBC mature APC death 0.02/day (Marino & Kirschner 2004); mouse: chosen (prototype), includes migration to the lymph node',
  ),
  p('dcAntigenHalf', 'cells', 1e7, 1e9, [1e6, 1e10], 'chosen (prototype); patient: scaled to a 1 cm3 tumour'),
  p(
    'il6Half',
    'relative',
    0.3,
    0.3,
    [0.03, 1],
    'chosen (prototype); range: between the IL-6-deficient host (0.03) and the wild type (1), the two levels seed 004 ' +
      'compares (deficiency removes the signalling, the wild type has it); colorectal liver setting 0.1',
  ),
  p(
    'macrophageRecruitment',
    '1/day',
    0.025,
    2e-3,
    [5e-3, 0.1],
    'chosen: per tumour cell, so that TAM density M/N = recruitment / (death + growth) is about 8 % of tumour cells (see Macrophage density); form as QSPIO-TNBC k_Mac_rec per tumour volume',
    [5e-4, 5e-3],
  ),
  p(
    'macrophageDeath',
    '1/day',
    0.02,
    0.02,
    [0.01, 0.1],
    'QSPIO-TNBC k_Mac_death 0.02/day (Ginhoux 2016); Eftimie 2017 0.02/day',
  ),
  p('m1RecruitedFraction', '-', 0.5, 0.5, [0.2, 0.8], 'chosen (prototype): monocytes arrive unpolarised'),
  p(
    'm1ToM2Rate',
    '1/day',
    0.05,
    0.05,
    [0.02, 0.25],
    'Eftimie 2017 0.05/day; QSPIO-TNBC 0.25/day (2–3 days at full TGF-beta/IL-10); a cellular rate, the same in both species',
  ),
  p(
    'm2ToM1Rate',
    '1/day',
    0.05,
    0.05,
    [0.02, 0.1],
    'Eftimie 2017 0.09/day; QSPIO-TNBC 0.045/day; a cellular rate, the same in both species',
  ),
  p(
    'ifnRepolarisation',
    '-',
    3,
    3,
    [1, 10],
    'IFN-gamma repolarises M2 to M1 (QSPIO-TNBC: M2 -> M1 only through IFN-gamma and IL-12 Hill terms); size chosen (prototype 3)',
  ),
  p(
    'cd24Polarisation',
    '-',
    40,
    40,
    [10, 60],
    'seed 001: NEAT1-high cells shift M1 -> M2 (CD80, HLA-DR down; CXCR2 up); size chosen: the M1 fraction of NEAT1-high tumours about a third of NEAT1-low',
  ),
  p(
    'il6M2Polarisation',
    '-',
    0,
    0,
    [0, 1],
    'IL-6 drives alternative (M2) polarisation: it induces the IL-4 receptor on macrophages, and macrophages without ' +
      'IL-6Ralpha resist IL-4-driven M2 polarisation (Mauer 2014, Nat Immunol); IL-6 induces M2 differentiation via ' +
      'STAT3 (Fu 2017, Cancer Immunol Immunother) and shifts macrophages in colorectal tumours towards M2 (Chen 2018, ' +
      'Oncotarget; Wunderlich 2018, Nat Commun); colorectal liver setting: chosen 0.5 (IL-6 one of the M2 inducers ' +
      'beside IL-4/IL-13, IL-10, TGF-beta and CSF-1; no study gives its share); 0 elsewhere: the HCC and lung settings ' +
      'were calibrated without it (seed claims at their default points, IMbrave150, FLAURA) and their seeds do not vary IL-6',
  ),
  p(
    'phagocyticPriming',
    '-',
    0.5,
    0,
    [0, 1],
    'seed 001 (its glossary: macrophages present the antigens of what they engulf to T cells and so activate immunity; ' +
      'M2 have lost this); anti-CD47-driven phagocytosis by macrophages primes cytotoxic CD8 T cells (Tseng 2013, PNAS ' +
      '110:11103); how much tumour macrophages cross-present against dendritic cells is unsettled (Lecoultre 2020, ' +
      'J Immunother Cancer 8:e001408); HCC mouse setting: chosen 0.5 (no study gives the share); 0 in the colorectal ' +
      'liver and patient settings, calibrated without it (seed 004, IMbrave150)',
  ),
  p('phagocytosisRate', '1/day', 0.33, 0.33, [0.1, 1], 'QSPIO-TNBC k_M1_phago 0.33/day (Pan 2020)'),
  p(
    'phagocytosisHalfRatio',
    '-',
    2,
    2,
    [0.5, 5],
    'QSPIO-TNBC K_Mac_C 2 (estimated there); with TAMs at their real density phagocytosis is ~0.01/day in mice (a few % of growth) and of the order of growth in patients',
  ),
  p('cd24Basal', 'relative', 0.3, 0.3, [0.1, 1], 'chosen (prototype): low CD24 engagement in NEAT1-low tumours'),
  p('neat1Cd24Induction', '-', 4, 4, [1, 9], 'seed 001: NEAT1 ⊣ miR-320a ⊣ SP1 → CD24; 5x at full NEAT1 chosen'),
  p(
    'osimertinibKill',
    '1/day',
    1.6,
    1.6 * P,
    [0.5, 3],
    'chosen (prototype): AXL-low cells very sensitive; ~80 % respond in patients (seed 003). Measured in xenografts: ' +
      'EGFR-mutant NSCLC graft volumes lose 0.150/day (95 % 0.030–0.33) to an EGFR inhibitor at 5 mg/kg (Martin, Aarons ' +
      '& Yates 2018: Emax 0.519/day, ED50 21.5 mg/kg, γ 0.617), k = 0.16/day (0.03–0.36) at the mouse occupancy 0.91; a ' +
      'lower bound on the kill of live cells, since calipers also measure cells not yet cleared; the 10-day IGF-1R window ' +
      'of seed 003 needs about 0.7/day, the sensitive cells gone by day 40 (1.5/day while persisters were made by the ' +
      'drug: docs/model.md, "Osimertinib\'s kill in the xenograft", "Persisters before the drug"); patient range: the ' +
      'mouse range x 1/12, as the value (PATIENT_IMMUNE_SCALE); the patient lung setting fits its own (FLAURA)',
    [0.5 * P, 3 * P],
  ),
  p(
    'persisterEntry',
    '1/day',
    0,
    2.4e-3 * P,
    [0, 1e-2],
    'mouse 0: the persisters of a graft are there before the drug (persisterFraction): under EGFR inhibition a lung ' +
      "cancer cell's chance to persist is a stable inherited trait set before treatment, in vitro and in vivo (Nature " +
      'Cancer 2021, doi 10.1038/s43018-021-00261-1, "IRS1 phosphorylation underlies the non-stochastic probability of ' +
      'cancer cells to persist during EGFR inhibition therapy"), and PC9 persisters under osimertinib come from ' +
      'lineages with their own programs before the drug (Oren 2021 Nature 596:576); the range keeps up to 1e-2/day of ' +
      'drug-induced entry (docs/model.md, "Persisters before the drug"); patient: the prototype\'s 2.4e-3 x 1/12 ' +
      '(PATIENT_IMMUNE_SCALE), kept with the FLAURA fit of the patient lung setting',
  ),
  p(
    'persisterReversion',
    '1/day',
    0.1,
    0.1 * P,
    [0.01, 0.3],
    'Sharma 2010: tolerance relinquished within ~9 doublings off drug; patient range: the mouse range x 1/12, as the ' +
      'value (PATIENT_IMMUNE_SCALE)',
    [0.01 * P, 0.3 * P],
  ),
  p(
    'resistanceAcquisition',
    '1/day',
    1e-7,
    1e-7,
    [0, 1e-3],
    'chosen: about one resistant clone from ~1e5 persisters over 100 days of drug, as resistant colonies emerge from ' +
      'persister pools within weeks to months (Hata 2016 Nat Med; Ramirez 2016 Nat Commun)',
  ),
  p('persisterDeath', '1/day', 0.01, 0.01 * P, [0, 0.05], 'chosen (prototype)'),
  p(
    'igf1rPersisterKill',
    '1/day',
    2.5,
    2.5 * P,
    [0.5, 4],
    'Sharma 2010: IGF-1R inhibition ablates persisters; seed 003; size chosen (2.5: a 10-day window leaves well under one persister, seed 003); patient range: the mouse range x 1/12, as the value (PATIENT_IMMUNE_SCALE)',
    [0.5 * P, 4 * P],
  ),
  p(
    'axlHighIgf1rDependence',
    '-',
    0.2,
    0.2,
    [0, 1],
    'seed 003: the FOXA1/IGF-1R route is in AXL-low cells; 0.2 chosen',
  ),
  p(
    'persisterFraction',
    'fraction',
    1.5e-3,
    0,
    [1e-3, 3e-3],
    'mouse: the share of PC9 cells that survive 9 days of an EGFR inhibitor at 100x its IC50 as drug-tolerant ' +
      'persisters, ~0.1–0.3 % (Sharma 2010 Cell 141:69), present at the start because the chance to persist is set ' +
      'before treatment (persisterEntry); 1.5e-3 is the share the prototype made by drug-induced entry (2.4e-3/day ' +
      'against a kill of 1.6/day), moved to day 0; patient 0: the FLAURA-fitted patient lung setting keeps ' +
      'drug-induced entry and its fitted resistant share (not refitted with this)',
    [0, 3e-3],
  ),
  p(
    'resistantFraction',
    'fraction',
    1e-10,
    3e-6,
    [0, 1e-5],
    'patient: Bozic 2013 (eLife) X = M n (u/s) ln(M s) with u = 1e-9 per base per division, n = 10 resistance-conferring ' +
      'events, s = 1 - d/b = 0.07, M = 3e10 cells; mouse: below the bound of seed 003 (the transient combination ' +
      'prevented relapse almost completely, so well under one resistant cell per 1e8-cell graft; Hata 2016: PC9 ' +
      'resistance arises mostly from persisters); 0.01 cell per graft chosen',
  ),
  p(
    't790mFraction',
    'fraction',
    0,
    7.5e-5,
    [0, 0.3],
    'patient: the median of a lognormal fitted to pre-treatment digital PCR of 109 EGFR-mutant NSCLCs (T790M detected ' +
      'in 38.5 %, lowest 0.02 %, median 0.14 % of the positive ones, highest 28.5 %: P(>2e-4) = 0.385 and P(>1.4e-3) = ' +
      '0.1925 give a median of 7.5e-5 and an SD of log 3.4; variant allele fraction taken as the share of cells); ' +
      'mouse 0, chosen: no first-generation inhibitor in seed 003, and osimertinib kills T790M cells as it kills the ' +
      'others',
  ),
  p(
    't790mAcquisition',
    '1/day',
    1e-7,
    1e-7,
    [0, 1e-3],
    'chosen as resistanceAcquisition: drug-tolerant persisters under gefitinib evolve T790M (Hata 2016 Nat Med), at ' +
      'the rate resistant clones emerge from persister pools',
  ),
  p(
    'gefitinibRelativeKill',
    '-',
    1,
    1,
    [0.2, 1.5],
    'chosen 1: at full occupancy either inhibitor blocks the sensitising-mutant receptor, so one kill (the two differ ' +
      'in occupancy, gefitinib 0.87 against osimertinib 0.98 in patients, and in T790M cells); range chosen: ' +
      "osimertinib's own kill from a fifth to 1.5 times; the patient lung setting fits its own (FLAURA)",
  ),
  p(
    'immuneEscapeRate',
    'per division',
    0,
    1e-6,
    [0, 1e-5],
    'patient, chosen: a loss-of-function event in one of several antigen-presentation or IFN-gamma genes (B2M, JAK1, ' +
      'JAK2, HLA; Zaretsky 2016 NEJM, Shin 2017) from ~1e-9 per base per division (Bozic 2013) x ~1000 inactivating ' +
      'sites; mouse 0: a 2-4-week graft of 1e6 cells makes under 1e4 escape cells, below what the seed experiments ' +
      'resolve, but as much as a nearly cleared graft, so they would decide comparisons the studies do not report',
  ),
  p(
    'cellLossFactor',
    '-',
    0.5,
    0.93,
    [0.3, 0.95],
    'patient: Bozic 2013 (eLife), b = 0.14/day, d = 0.13/day in human lesions (d/b = 0.93; cell loss in large human ' +
      'tumours is often 80-90 %); mouse: chosen 0.5, transplants grow with less cell loss',
  ),
  p(
    'extinctionThreshold',
    'lineages',
    0.01,
    0.01,
    [0.01, 0.01],
    'chosen: a compartment still populated with probability under 1 % leaves the curves; its lineages stay in ' +
      'P(eradication) (hybrid scheme, docs/model.md)',
  ),
  // --- drug pharmacokinetics (treatments.ts turns these into elimination rates and levels per unit of dose) -----
  p(
    'atezolizumabHalfLife',
    'day',
    MOUSE_ANTIBODY_HALF_LIFE,
    27,
    pkRange(MOUSE_ANTIBODY_HALF_LIFE),
    `patient: terminal half-life 27 days (label; Cancer Chemother Pharmacol 2019, doi 10.1007/s00280-019-03954-8); covariates move its clearance by at most +/-30 % (Cancer Chemother Pharmacol 2021;88:211); ${MOUSE_PK_ANTIBODY}; ${PATIENT_PK_RANGE}`,
    pkRange(27),
  ),
  p(
    'atezolizumabVolume',
    'L',
    MOUSE_ANTIBODY_VOLUME,
    3.28,
    pkRange(MOUSE_ANTIBODY_VOLUME),
    `patient: central volume V1 3.28 L of the typical patient (label popPK, 472 patients; 1200 mg flat dose, 145 kDa); ${MOUSE_PK_ANTIBODY}; ${PATIENT_PK_RANGE}`,
    pkRange(3.28),
  ),
  p(
    'bevacizumabHalfLife',
    'day',
    MOUSE_ANTIBODY_HALF_LIFE,
    20,
    pkRange(MOUSE_ANTIBODY_HALF_LIFE),
    `patient: half-life 20 days, range 11-50 days (label; Cancer Chemother Pharmacol 2008;62:779, 491 patients; Han 2016: 19.6 days); ${MOUSE_PK_ANTIBODY}; patient range: the label's 11-50 days`,
    [11, 50],
  ),
  p(
    'bevacizumabVolume',
    'L',
    MOUSE_ANTIBODY_VOLUME,
    2.9,
    pkRange(MOUSE_ANTIBODY_VOLUME),
    `patient: central volume 2.9 L (CV 22 %, label; Han 2016: 2.88 L for 70 kg; 15 mg/kg for 70 kg, 149 kDa); ${MOUSE_PK_ANTIBODY}; ${PATIENT_PK_RANGE}`,
    pkRange(2.9),
  ),
  p(
    'antiPD1HalfLife',
    'day',
    MOUSE_ANTIBODY_HALF_LIFE,
    22,
    pkRange(MOUSE_ANTIBODY_HALF_LIFE),
    `patient: pembrolizumab-like, terminal half-life 22 days (geometric mean, CV 32 %; Keytruda label, Swiss product information, 2993 patients); ${MOUSE_PK_ANTIBODY}; ${PATIENT_PK_RANGE}`,
    pkRange(22),
  ),
  p(
    'antiPD1Volume',
    'L',
    MOUSE_ANTIBODY_VOLUME,
    6,
    pkRange(MOUSE_ANTIBODY_VOLUME),
    `patient: pembrolizumab-like, volume at steady state ~6.0 L (CV 20 %; Keytruda label, Swiss product information; with the 22-day half-life, clearance 0.19 L/day, the label's 195 mL/day at steady state; 200 mg flat dose, 149 kDa); ${MOUSE_PK_ANTIBODY}; ${PATIENT_PK_RANGE}`,
    pkRange(6),
  ),
  p(
    'cox2iHalfLife',
    'day',
    11.2 / 24,
    11.2 / 24,
    pkRange(11.2 / 24),
    `celecoxib effective half-life 11.2 h (label table); mouse: chosen the same; ranges x0.5-2 chosen`,
    pkRange(11.2 / 24),
  ),
  p(
    'cox2iClearance',
    'L/day',
    oralClearance(0.02, 381.4, 5000 / 30),
    665,
    pkRange(oralClearance(0.02, 381.4, 5000 / 30)),
    'patient: celecoxib CL/F 27.7 L/h = 665 L/day (label table; 381.4 g/mol, so 3.95 nM average per mg/day); mouse: ' +
      'chosen so that 30 mg/kg/day (0.6 mg/day in a 20 g mouse) gives 5 uM average (mouse plasma levels of a few ' +
      `ug/mL), the prototype's occupancy of 0.91; range x0.5-2 chosen; ${PATIENT_PK_RANGE}`,
    pkRange(665),
  ),
  p(
    'antiCD24HalfLife',
    'day',
    MOUSE_ANTIBODY_HALF_LIFE,
    20,
    pkRange(MOUSE_ANTIBODY_HALF_LIFE),
    `hypothetical: no approved anti-CD24 and no PK found; patient: an IgG1 like bevacizumab (20 days), chosen; ${MOUSE_PK_ANTIBODY}; range x0.5-2 chosen`,
    pkRange(20),
  ),
  p(
    'antiCD24Volume',
    'L',
    MOUSE_ANTIBODY_VOLUME,
    2.9,
    pkRange(MOUSE_ANTIBODY_VOLUME),
    `hypothetical: patient an IgG1 like bevacizumab (2.9 L; 10 mg/kg for 70 kg, 150 kDa), chosen; ${MOUSE_PK_ANTIBODY}; range x0.5-2 chosen`,
    pkRange(2.9),
  ),
  p(
    'antiIL6HalfLife',
    'day',
    MOUSE_ANTIBODY_HALF_LIFE,
    20.6,
    pkRange(MOUSE_ANTIBODY_HALF_LIFE),
    `patient: siltuximab-like, half-life 20.6 days (label); popPK of 460 patients, median 19.1 days in Castleman disease, 22.2 days in other tumours, 24.5 days in healthy volunteers (Nikanjam 2019, Cancer Chemother Pharmacol 84:993); ${MOUSE_PK_ANTIBODY}; ${PATIENT_PK_RANGE}`,
    pkRange(20.6),
  ),
  p(
    'antiIL6Volume',
    'L',
    MOUSE_ANTIBODY_VOLUME,
    4.5,
    pkRange(MOUSE_ANTIBODY_VOLUME),
    `patient: siltuximab-like, volume 4.5 L (chosen: the label's volume was not confirmed here; an IgG1's volume at steady state, between bevacizumab's central 2.9 L and pembrolizumab's 6.0 L; 11 mg/kg for 70 kg, 145 kDa); ${MOUSE_PK_ANTIBODY}; ${PATIENT_PK_RANGE}`,
    pkRange(4.5),
  ),
  p(
    'osimertinibHalfLife',
    'day',
    3 / 24,
    48.3 / 24,
    pkRange(3 / 24),
    `patient: mean half-life 48.3 h (Planchard 2016, AURA); mouse: ~3 h (model review); ranges x0.5-2 chosen`,
    pkRange(48.3 / 24),
  ),
  p(
    'osimertinibClearance',
    'L/day',
    oralClearance(0.02, 499.6, 100 / 5),
    343,
    pkRange(oralClearance(0.02, 499.6, 100 / 5)),
    'patient: CL/F 14.3 L/h = 343 L/day (label; popPK 14.2 L/h, Brown 2017; 499.6 g/mol, so 5.84 nM average per ' +
      "mg/day); mouse: chosen so that 5 mg/kg/day (the usual xenograft dose) gives the prototype's 100 nM; range " +
      `x0.5-2 chosen; ${PATIENT_PK_RANGE}`,
    pkRange(343),
  ),
  p(
    'sorafenibHalfLife',
    'day',
    6 / 24,
    36 / 24,
    pkRange(6 / 24),
    "patient: half-life 25-48 h (label), 36 h taken; mouse: chosen 6 h; patient range: the label's 25-48 h; mouse " +
      'range x0.5-2 chosen',
    [25 / 24, 48 / 24],
  ),
  p(
    'sorafenibClearance',
    'L/day',
    oralClearance(0.02, 464.8, 10000 / 30),
    oralClearance(1, 464.8, 10000 / 800),
    pkRange(oralClearance(0.02, 464.8, 10000 / 30)),
    'chosen: 800 mg/day gives ~10 uM average total plasma level in patients (steady-state levels of a few mg/L, ' +
      'label; 464.8 g/mol: CL/F 172 L/day = 7.2 L/h), and 30 mg/kg/day the same order in mice; ranges x0.5-2 chosen',
    pkRange(oralClearance(1, 464.8, 10000 / 800)),
  ),
  p(
    'igf1riHalfLife',
    'day',
    3 / 24,
    6 / 24,
    pkRange(3 / 24),
    'chosen: linsitinib, no half-life found (mouse 3 h and patient 6 h, like other small molecules); ranges x0.5-2 chosen',
    pkRange(6 / 24),
  ),
  p(
    'igf1riClearance',
    'L/day',
    oralClearance(0.02, 421.5, 300 / 25),
    oralClearance(1, 421.5, 1000 / 300),
    pkRange(oralClearance(0.02, 421.5, 300 / 25)),
    "chosen: no clearance found for linsitinib (421.5 g/mol); 25 mg/kg/day gives the prototype's 300 nM in mice, " +
      '150 mg twice daily (the MTD) ~1 uM in patients (CL/F 712 L/day); ranges x0.5-2 chosen',
    pkRange(oralClearance(1, 421.5, 1000 / 300)),
  ),
  p(
    'gefitinibHalfLife',
    'day',
    3 / 24,
    48 / 24,
    pkRange(3 / 24),
    'patient: elimination half-life about 48 h (label); mouse: chosen 3 h, like the other small molecules in mice (no ' +
      `preset gives it to mice); mouse range x0.5-2 chosen; ${PATIENT_PK_RANGE}`,
    pkRange(48 / 24),
  ),
  p(
    'gefitinibClearance',
    'L/day',
    oralClearance(0.02, 446.9, 1000 / 25),
    856.8 / 0.6,
    pkRange(oralClearance(0.02, 446.9, 1000 / 25)),
    'patient: clearance 595 mL/min = 857 L/day after i.v. dosing and oral bioavailability 60 % (label; 57-59 % in ' +
      'the single-dose studies, Clin Pharmacokinet 2005), so CL/F 1428 L/day; 446.9 g/mol: 250 mg daily averages 392 ' +
      'nM; mouse: chosen so that 25 mg/kg/day gives ~1 uM; ranges x0.5-2 chosen',
    pkRange(856.8 / 0.6),
  ),
];

function p(
  id: keyof ModelParameters,
  unit: string,
  mouse: number,
  patient: number,
  range: [number, number],
  source: string,
  patientRange?: [number, number],
): ParameterInfo {
  return patientRange
    ? { id, unit, mouse, patient, range, patientRange, source }
    : { id, unit, mouse, patient, range, source };
}

/** The documented range of a parameter at a scale. */
export function parameterRange(info: ParameterInfo, scale: 'mouse' | 'patient'): [number, number] {
  return scale === 'patient' && info.patientRange ? info.patientRange : info.range;
}

export const PARAMETERS: readonly ParameterInfo[] = TABLE;

function build(scale: 'mouse' | 'patient'): ModelParameters {
  const out: Partial<ModelParameters> = {};
  for (const info of TABLE) out[info.id] = info[scale];
  return out as ModelParameters;
}

export const MOUSE_PARAMETERS: Readonly<ModelParameters> = Object.freeze(build('mouse'));
export const PATIENT_PARAMETERS: Readonly<ModelParameters> = Object.freeze(build('patient'));
