/**
 * The four experimental settings: which scale (parameter set and drug PK), which mechanisms are present, and the
 * starting tumour. A setting is an experiment's frame, not a patient: the sliders change the tumour's biology.
 */
import { SETTING_SCALE } from '../scenario/limits';
import type { Scale, Setting } from '../scenario/types';
import flaura from './fits/flaura.json' with { type: 'json' };
import { MOUSE_PARAMETERS, type ModelParameters, PATIENT_PARAMETERS } from './parameters';

export interface SettingInfo {
  id: Setting;
  scale: Scale;
  label: string;
  /** tumour cells at day 0 (all drug-sensitive) */
  initialTumourCells: number;
  /**
   * true: the immune microenvironment at day 0 is the one the untreated tumour built while growing to its initial size
   * (patients arrive with an established tumour); false: day 0 is the transplant, with no immune response yet (mice).
   */
  establishedAtStart: boolean;
  /** overrides of the scale's parameters */
  overrides: Partial<ModelParameters>;
  /** what it mirrors */
  description: string;
}

/**
 * Colorectal liver metastases (seed 004), chosen for this tumour: CT26-like metastases are immunogenic (more T-cell
 * recruitment than the HCC grafts), IL-6 signalling is half-maximal at a lower level (il6 = 1 is the wild-type host,
 * 0.03 the IL-6-deficient one), and the PD-1 brake is half-engaged at 6x basal PD-L1, so that the four findings of the
 * study hold together: IL-6-deficient metastases clearly smaller, CD8 depletion removing that benefit, anti-PD-L1
 * working in IL-6-deficient but hardly in wild-type mice. docs/model.md, "Settings".
 */
const CRC_LIVER_OVERRIDES: Partial<ModelParameters> = {
  tCellRecruitment: 0.3,
  pd1HalfPdl1: 6,
  il6Half: 0.1,
  // IL-6 drives M2 polarisation (Mauer 2014; Chen 2018 in colorectal tumours): half of the M1 -> M2 drive needs it (chosen)
  il6M2Polarisation: 0.5,
  // calibrated without priming through macrophage phagocytosis (seed 004's claims at the default point)
  phagocyticPriming: 0,
};

/**
 * Advanced EGFR-mutant lung cancer in patients on first-line osimertinib (FLAURA; docs/model.md, "Settings"): human
 * growth from CT volumetry, and the kill, persister and resistance parameters fitted to both of FLAURA's arms
 * (osimertinib and gefitinib, on the same virtual patients) by scripts/fit-flaura.ts, read from its versioned output,
 * src/model/fits/flaura.json.
 */
export const LUNG_PATIENT_OVERRIDES: Partial<ModelParameters> = {
  // chosen: immune-cold, a tenth of the HCC patients' T-cell recruitment (the bottom of its patient range): EGFR-mutant
  // lung cancers gain nothing from PD-1/PD-L1 blockade (pooled overall-survival HR vs docetaxel 1.05, against 0.66 in
  // EGFR wild type; meta-analysis of 9 trials, PMC5207545) and carry few mutations
  tCellRecruitment: 1.1e-3,
  // fitted to both of FLAURA's arms by scripts/fit-flaura.ts (docs/model.md, "EGFR-mutant lung, patient"): osimertinib's
  // kill and gefitinib's relative to it, persister entry and death, the acquisition of osimertinib resistance and of
  // T790M by persisters, macrophage recruitment (innate clearance of small residues), the resistant cells' growth, and
  // the sensitive cells' growth solved for the median patient's untreated doubling time (191 days, Mackintosh 2014).
  // The resistant and T790M shares at the start are the patient scale's sourced values (parameters.ts).
  ...(flaura.parameters as Partial<ModelParameters>),
};

export const SETTING_INFO: Record<Setting, SettingInfo> = {
  'hcc-mouse': {
    id: 'hcc-mouse',
    scale: SETTING_SCALE['hcc-mouse'],
    label: 'HCC, mouse (syngeneic, subcutaneous)',
    // 1e6 cells = 1 mm3 at transplant (model brief, section C)
    initialTumourCells: 1e6,
    establishedAtStart: false,
    overrides: {},
    description: 'Syngeneic HCC grafts in immunocompetent mice, as in seeds 000 and 001.',
  },
  'hcc-patient': {
    id: 'hcc-patient',
    scale: SETTING_SCALE['hcc-patient'],
    label: 'HCC, patient (advanced)',
    // chosen: 1e10 cells = 10 cm3, a measurable advanced HCC target lesion (model brief, human scale)
    initialTumourCells: 1e10,
    establishedAtStart: true,
    overrides: {},
    description: 'Advanced hepatocellular carcinoma in patients, as in IMbrave150 and seed 000.',
  },
  'lung-egfr': {
    id: 'lung-egfr',
    scale: SETTING_SCALE['lung-egfr'],
    label: 'EGFR-mutant lung cancer, xenograft',
    // model brief, seed 4: 1e8 cells (100 mm3) at the start of osimertinib
    initialTumourCells: 1e8,
    establishedAtStart: false,
    overrides: {
      // Xenografts grow in immunodeficient mice: no T cells, no tumour-associated macrophage response (brief S4).
      tCellRecruitment: 0,
      macrophageRecruitment: 0,
      // chosen (prototype): PC9-like xenografts double in ~4-5 days
      sensitiveGrowthRate: 0.15,
    },
    description: 'AXL-low EGFR-mutant lung cancer xenografts treated with osimertinib, as in seed 003.',
  },
  'crc-liver': {
    id: 'crc-liver',
    scale: SETTING_SCALE['crc-liver'],
    label: 'Colorectal cancer liver metastasis, mouse',
    initialTumourCells: 1e6,
    establishedAtStart: false,
    overrides: CRC_LIVER_OVERRIDES,
    description: 'CT26 colorectal cancer liver metastases in wild-type and IL-6-deficient mice, as in seed 004.',
  },
  'lung-patient': {
    id: 'lung-patient',
    scale: SETTING_SCALE['lung-patient'],
    label: 'EGFR-mutant lung cancer, patient (advanced)',
    // chosen: 3e10 cells = 30 cm3 (a 39 mm lesion), a measurable advanced lung target lesion
    initialTumourCells: 3e10,
    establishedAtStart: true,
    overrides: LUNG_PATIENT_OVERRIDES,
    description: 'Advanced EGFR-mutant lung cancer treated first line with osimertinib, as in FLAURA.',
  },
};

const PARAMETERS_BY_SETTING = Object.fromEntries(
  Object.values(SETTING_INFO).map((info) => {
    const base = info.scale === 'mouse' ? MOUSE_PARAMETERS : PATIENT_PARAMETERS;
    return [info.id, Object.freeze({ ...base, ...info.overrides })];
  }),
) as Record<Setting, Readonly<ModelParameters>>;

/** The parameters of a setting (frozen: copy before changing). */
export function settingParameters(setting: Setting): Readonly<ModelParameters> {
  return PARAMETERS_BY_SETTING[setting];
}
