/**
 * Every model parameter: id, unit, value at each scale, plausible range and source. docs/model.md lists the same
 * table (a unit test checks that every id here appears there). "chosen:" marks a number we had to choose, with why.
 *
 * Mouse values follow the reference prototype of the model brief (hand-tuned to the seed experiments, anchored on
 * published models where one exists). Patient values: tumour kinetics slowed by PATIENT_GROWTH_SCALE and immune kinetics by PATIENT_IMMUNE_SCALE (see
 * below); drug pharmacokinetics are per drug in treatments.ts.
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
  // VEGF
  /** VEGF-driven exclusion of T cells without bevacizumab (access = 1 / (1 + exclusion)) */
  vegfExclusion: number;
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
  /** macrophage recruitment at large tumours, cells/day */
  macrophageRecruitment: number;
  /** tumour size for half-maximal macrophage recruitment, cells */
  macrophageRecruitmentHalf: number;
  /** macrophage death, 1/day */
  macrophageDeath: number;
  /** fraction of recruited macrophages that arrive as M1 */
  m1RecruitedFraction: number;
  /** basal M1 -> M2 repolarisation, 1/day */
  m1ToM2Rate: number;
  /** basal M2 -> M1 repolarisation, 1/day */
  m2ToM1Rate: number;
  /** fold increase of M1 -> M2 at full CD24 engagement */
  cd24Polarisation: number;
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
  /** switching of sensitive cells to persisters under osimertinib, 1/day */
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
  // extinction
  /** a tumour compartment below this many cells is set to zero (checked at every segment boundary) */
  extinctionThreshold: number;
}

/** One documented parameter. */
export interface ParameterInfo {
  id: keyof ModelParameters;
  unit: string;
  mouse: number;
  patient: number;
  /** a plausible range for sensitivity analysis and cohort sampling */
  range: [number, number];
  source: string;
}

/**
 * Patient kinetics: chosen, in two factors. Human HCC proliferates far more slowly than a mouse graft: untreated
 * volume-doubling times of about 3–5 months instead of 2–3 days, so tumour growth rates are the mouse rates x 1/55
 * (0.3/day -> 0.0055/day; calibrated with the virtual cohort to IMbrave150's median PFS, see docs/model.md). Immune and drug-effect kinetics (recruitment, death, killing, polarisation, DC maturation)
 * are slowed less, x 1/12, so that responses to atezolizumab + bevacizumab appear after about 2–3 months, as in
 * IMbrave150 (median time to response 2.8 months, Salem 2021). Refined per patient by the cohort calibration.
 */
export const PATIENT_GROWTH_SCALE = 1 / 55;
export const PATIENT_IMMUNE_SCALE = 1 / 12;

const G = PATIENT_GROWTH_SCALE;
const P = PATIENT_IMMUNE_SCALE;

/** [id, unit, mouse value, patient value, range, source] */
const TABLE: ParameterInfo[] = [
  p(
    'sensitiveGrowthRate',
    '1/day',
    0.3,
    0.3 * G,
    [0.1, 0.6],
    'Kosinsky 2018 r = 0.4/day; de Pillis 2005 a = 0.514/day; prototype 0.30',
  ),
  p(
    'resistantGrowthRate',
    '1/day',
    0.25,
    0.25 * G,
    [0.05, 0.5],
    'chosen (prototype): resistant clones grow a little slower',
  ),
  p(
    'carryingCapacity',
    'cells',
    2e9,
    1e12,
    [1e9, 1e13],
    'Kosinsky 2018 TVmax 2500 mm3; den Breems 2016 bt = 2e9; patient ~1 L',
  ),
  p('m2GrowthSupport', '-', 0.2, 0.2, [0, 1], 'den Breems & Eftimie 2016 (rmn term); prototype'),
  p(
    'tCellRecruitment',
    '1/day',
    0.06,
    0.06 * P,
    [0.01, 0.2],
    'chosen (prototype): gives CD8/tumour ratios of 0.02–0.05',
  ),
  p(
    'tCellDeath',
    '1/day',
    0.15,
    0.15 * P,
    [0.03, 2],
    'chosen (prototype), between Kirschner–Panetta 0.03 and QSP-IO 2/day',
  ),
  p('tCellExhaustion', '1/day', 0.2, 0.2 * P, [0.05, 0.5], 'QSP-IO k_Tcell 0.1/day; prototype 0.2'),
  p(
    'tCellKillRate',
    '1/day',
    6,
    6 * P * 0.8,
    [0.9, 18],
    'between QSPIO-TNBC 0.9/day and QSP-IO 18/day (prototype 6); patient x 0.8 calibrated to the IMbrave150 ORR',
  ),
  p('tCellKillHalfRatio', '-', 1.2, 1.2, [0.5, 3], 'QSPIO-TNBC K_T_C (Robertson-Tessi 2012)'),
  p(
    'm2KillSuppression',
    '-',
    1,
    1,
    [0, 1],
    'chosen (prototype): M2 suppress T cells (seed 001 glossary: M2 express PD-L1)',
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
  p('pdl1IfnInduction', '-', 3, 3, [1, 6], 'QSPIO-TNBC: IFN-gamma raises PD-L1 ~6-fold; prototype 3'),
  p('pdl1IfnHalf', 'relative', 0.3, 0.3, [0.1, 1], 'chosen (prototype)'),
  p('pd1HalfPdl1', 'relative', 1, 1, [0.3, 3], 'chosen (prototype): PD1_50 in PD-L1 units'),
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
  p('pge2MaxInhibition', '-', 0.9, 0.9, [0.5, 1], 'seed 000: PGE2 keeps T cells out ("cold"); size chosen (prototype)'),
  p('pge2Half', 'relative', 2, 2, [1, 4], 'chosen (prototype): wild-type PGE2 (1) is below half effect'),
  p('pge2Hill', '-', 2, 2, [1, 4], 'chosen (prototype)'),
  p('vegfExclusion', '-', 1, 1, [0, 3], 'chosen (prototype): VEGF halves T-cell access; anti-VEGF normalises vessels'),
  p('dcMaturationRate', '1/day', 0.5, 0.5 * P, [0.1, 1.5], 'QSP-IO APC maturation 1.5/day; prototype 0.5'),
  p('dcLoss', '1/day', 0.2, 0.2 * P, [0.05, 0.5], 'chosen (prototype)'),
  p('dcAntigenHalf', 'cells', 1e7, 1e9, [1e6, 1e10], 'chosen (prototype); patient: scaled to a 1 cm3 tumour'),
  p('il6Half', 'relative', 0.3, 0.3, [0.1, 1], 'chosen (prototype)'),
  p('macrophageRecruitment', 'cells/day', 5e4, 5e4 * 1000 * P, [1e4, 2e5], 'chosen (prototype); patient: x1000 tissue'),
  p('macrophageRecruitmentHalf', 'cells', 1e8, 1e11, [1e7, 1e12], 'chosen (prototype); patient x1000'),
  p('macrophageDeath', '1/day', 0.1, 0.1 * P, [0.02, 0.2], 'QSP-IO 0.02/day; Eftimie 2017 0.02/day; prototype 0.1'),
  p('m1RecruitedFraction', '-', 0.5, 0.5, [0.2, 0.8], 'chosen (prototype): monocytes arrive unpolarised'),
  p('m1ToM2Rate', '1/day', 0.05, 0.05 * P, [0.02, 0.25], 'Eftimie 2017 0.05/day; QSPIO-TNBC 0.25/day'),
  p('m2ToM1Rate', '1/day', 0.05, 0.05 * P, [0.02, 0.1], 'Eftimie 2017 0.09/day; QSPIO-TNBC 0.045/day'),
  p(
    'cd24Polarisation',
    '-',
    20,
    20,
    [5, 40],
    'seed 001: NEAT1-high cells shift M1 -> M2 (CD80, HLA-DR down; CXCR2 up); size chosen',
  ),
  p('phagocytosisRate', '1/day', 0.33, 0.33 * P, [0.1, 1], 'QSPIO-TNBC k_M1_phago 0.33/day'),
  p('phagocytosisHalfRatio', '-', 2, 2, [0.5, 5], 'QSPIO-TNBC K_Mac_C 2'),
  p('cd24Basal', 'relative', 0.3, 0.3, [0.1, 1], 'chosen (prototype): low CD24 engagement in NEAT1-low tumours'),
  p('neat1Cd24Induction', '-', 4, 4, [1, 9], 'seed 001: NEAT1 -| miR-320a -| SP1 -> CD24; 5x at full NEAT1 chosen'),
  p(
    'osimertinibKill',
    '1/day',
    1.6,
    1.6 * P,
    [0.5, 3],
    'chosen (prototype): AXL-low cells very sensitive; ~80 % respond in patients (seed 003)',
  ),
  p(
    'persisterEntry',
    '1/day',
    2.4e-3,
    2.4e-3 * P,
    [1e-4, 1e-2],
    'chosen (prototype): ~0.1–0.3 % persist after 9–10 days (Sharma 2010)',
  ),
  p(
    'persisterReversion',
    '1/day',
    0.1,
    0.1 * P,
    [0.01, 0.3],
    'Sharma 2010: tolerance relinquished within ~9 doublings off drug',
  ),
  p(
    'resistanceAcquisition',
    '1/day',
    1e-8,
    1e-6,
    [0, 1e-3],
    'chosen: mouse (prototype) 1e-8; patient set so relapse takes 1–2 years (seed 003)',
  ),
  p('persisterDeath', '1/day', 0.01, 0.01 * P, [0, 0.05], 'chosen (prototype)'),
  p(
    'igf1rPersisterKill',
    '1/day',
    2,
    2 * P,
    [0.5, 4],
    'Sharma 2010: IGF-1R inhibition ablates persisters; seed 003; size chosen',
  ),
  p(
    'axlHighIgf1rDependence',
    '-',
    0.2,
    0.2,
    [0, 1],
    'seed 003: the FOXA1/IGF-1R route is in AXL-low cells; 0.2 chosen',
  ),
  p('extinctionThreshold', 'cells', 1, 1, [1, 1], 'model brief: below one cell a compartment is gone'),
];

function p(
  id: keyof ModelParameters,
  unit: string,
  mouse: number,
  patient: number,
  range: [number, number],
  source: string,
): ParameterInfo {
  return { id, unit, mouse, patient, range, source };
}

export const PARAMETERS: readonly ParameterInfo[] = TABLE;

function build(scale: 'mouse' | 'patient'): ModelParameters {
  const out: Partial<ModelParameters> = {};
  for (const info of TABLE) out[info.id] = info[scale];
  return out as ModelParameters;
}

export const MOUSE_PARAMETERS: Readonly<ModelParameters> = Object.freeze(build('mouse'));
export const PATIENT_PARAMETERS: Readonly<ModelParameters> = Object.freeze(build('patient'));
