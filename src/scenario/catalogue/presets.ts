/**
 * The seed experiments as ready scenarios (model brief, section C). Each preset names its study; loading one sets
 * every arm. Doses are in the units of treatments.ts: mouse antibodies in mg/kg (10 mg/kg = 200 µg per 20 g mouse),
 * oral drugs in mg/kg/day.
 */
import type { Arm, DoseSchedule, DrugId, Inputs, Scenario } from '../types';
import { FLAURA_DESIGN } from './trial';

/**
 * A seed experiment. Its title, two-line summary and arm names for display are in the message catalogues
 * (src/i18n/teaching.*.ts, keyed by id); the arm names here are the English ones, used by the CLI and the tests.
 */
export interface Preset {
  id: string;
  citation: string;
  doi?: string;
  scenario: Scenario;
}

const BASE_INPUTS: Inputs = { nrf2: 0, neat1: 0, il6: 0.1, axl: 'low', cd8Depleted: false };

function arm(name: string, inputs: Partial<Inputs>, treatments: Partial<Record<DrugId, DoseSchedule>> = {}): Arm {
  return { name, inputs, treatments };
}

function schedule(dose: number, start: number, stop: number, interval: number): DoseSchedule {
  return { dose, start, stop, interval };
}

// Seed 000 / brief C: anti-PD-L1 + anti-VEGF-A 10 mg/kg on days 7, 10, 13, 16, 19; celecoxib daily from day 7.
const ATEZO = schedule(10, 7, 20, 3);
const BEV = schedule(10, 7, 20, 3);
const CELECOXIB = schedule(30, 7, 28, 1);
// Seed 001: 10 µg (0.5 mg/kg) i.p. on days 6, 9 and 12.
const PD1_SEED001 = schedule(0.5, 6, 13, 3);
const CD24_SEED001 = schedule(0.5, 6, 13, 3);
// Seed 003: osimertinib for 40 days; IGF-1R inhibitor for 10 of them (transient) or all 40.
const OSI_40 = schedule(5, 0, 40, 1);
const IGF_10 = schedule(25, 0, 10, 1);
const IGF_40 = schedule(25, 0, 40, 1);
// Seed 004 / brief C: anti-PD-L1 and anti-IL-6 10 mg/kg on days 7–19.
const PDL1_SEED004 = schedule(10, 7, 20, 3);
const IL6_SEED004 = schedule(10, 7, 20, 3);
// IMbrave150: atezolizumab 1200 mg + bevacizumab 15 mg/kg every 3 weeks.
const ATEZO_PATIENT = schedule(1200, 0, 540, 21);
const BEV_PATIENT = schedule(15, 0, 540, 21);
const CELECOXIB_PATIENT = schedule(400, 0, 540, 1);
// FLAURA: osimertinib 80 mg once daily until progression (here for the whole follow-up).
const FLAURA_HORIZON = FLAURA_DESIGN.horizonDays;
const OSI_PATIENT = schedule(FLAURA_DESIGN.osimertinibDose, 0, FLAURA_HORIZON, 1);
// FLAURA's comparator: gefitinib 250 mg once daily, for the whole follow-up as osimertinib.
const GEFITINIB_PATIENT = schedule(FLAURA_DESIGN.comparatorDose, 0, FLAURA_HORIZON, 1);
// IMbrave150's comparator: sorafenib 400 mg twice daily (800 mg/day), continuously.
const SORAFENIB_PATIENT = schedule(800, 0, 540, 1);

/** A virtual HCC trial of 500 patients, seed 1, assessed every 6 weeks, over 18 months, with these arms. */
function hccTrial(arms: Arm[]): Scenario {
  return {
    setting: 'hcc-patient',
    horizon: 540,
    outputStep: 1,
    inputs: BASE_INPUTS,
    arms,
    cohort: { size: 500, seed: 1, cancer: 'hcc', assessmentInterval: 42, pge2Cutoff: 100 },
  };
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'nrf2-atezo-bev',
    citation: 'Yamamoto, Kodama et al., Hepatology 2026',
    doi: '10.1097/HEP.0000000000001677',
    scenario: {
      setting: 'hcc-mouse',
      horizon: 28,
      outputStep: 0.25,
      inputs: BASE_INPUTS,
      arms: [
        arm('NRF2-low, untreated', { nrf2: 0 }),
        arm('NRF2-low, atezo/bev', { nrf2: 0 }, { atezolizumab: ATEZO, bevacizumab: BEV }),
        arm('NRF2-high, untreated', { nrf2: 1 }),
        arm('NRF2-high, atezo/bev', { nrf2: 1 }, { atezolizumab: ATEZO, bevacizumab: BEV }),
        arm('NRF2-high, atezo/bev + COX-2i', { nrf2: 1 }, { atezolizumab: ATEZO, bevacizumab: BEV, cox2i: CELECOXIB }),
      ],
    },
  },
  {
    id: 'neat1-cd24',
    citation: 'Tsuchiya, Namba et al., Oncogene 2025',
    doi: '10.1038/s41388-025-03537-3',
    scenario: {
      setting: 'hcc-mouse',
      horizon: 15,
      outputStep: 0.25,
      inputs: { ...BASE_INPUTS, neat1: 1 },
      arms: [
        arm('NEAT1-low, untreated', { neat1: 0 }),
        arm('NEAT1-high, untreated', {}),
        arm('NEAT1-high, anti-PD-1', {}, { antiPD1: PD1_SEED001 }),
        arm('NEAT1-high, anti-CD24', {}, { antiCD24: CD24_SEED001 }),
        arm('NEAT1-high, anti-PD-1 + anti-CD24', {}, { antiPD1: PD1_SEED001, antiCD24: CD24_SEED001 }),
      ],
    },
  },
  {
    id: 'keap1-nrf2-patients',
    citation: 'Iwasaki, Shirota, Yamamoto et al., Cancer Science (C-CAT, 60,056 patients)',
    scenario: {
      setting: 'hcc-patient',
      horizon: 540,
      outputStep: 1,
      inputs: BASE_INPUTS,
      arms: [
        arm('NRF2 wild type, untreated', { nrf2: 0 }),
        arm('NRF2 wild type, atezo/bev', { nrf2: 0 }, { atezolizumab: ATEZO_PATIENT, bevacizumab: BEV_PATIENT }),
        arm('KEAP1/NRF2-mutant, untreated', { nrf2: 1 }),
        arm('KEAP1/NRF2-mutant, atezo/bev', { nrf2: 1 }, { atezolizumab: ATEZO_PATIENT, bevacizumab: BEV_PATIENT }),
      ],
    },
  },
  {
    id: 'osimertinib-igf1r',
    citation: 'Wang, Yamada, …, Yano, Nature Communications 2020',
    doi: '10.1038/s41467-020-18442-4',
    scenario: {
      setting: 'lung-egfr',
      horizon: 150,
      outputStep: 0.5,
      inputs: BASE_INPUTS,
      arms: [
        arm('Untreated', {}),
        arm('Osimertinib 40 d', {}, { osimertinib: OSI_40 }),
        arm('Osimertinib + IGF-1R inhibitor days 0–10', {}, { osimertinib: OSI_40, igf1ri: IGF_10 }),
        arm('Osimertinib + IGF-1R inhibitor days 0–40', {}, { osimertinib: OSI_40, igf1ri: IGF_40 }),
        arm('AXL-high: osimertinib + IGF-1R inh. 0–10', { axl: 'high' }, { osimertinib: OSI_40, igf1ri: IGF_10 }),
      ],
    },
  },
  {
    id: 'il6-pdl1',
    citation: 'Toyoshima, Kitamura et al., Cancer Immunology Research 2019',
    doi: '10.1158/2326-6066.CIR-18-0766',
    scenario: {
      setting: 'crc-liver',
      horizon: 28,
      outputStep: 0.25,
      inputs: { ...BASE_INPUTS, il6: 1 },
      arms: [
        arm('IL-6 high, untreated', {}),
        arm('IL-6 high, anti-PD-L1', {}, { atezolizumab: PDL1_SEED004 }),
        arm('IL-6 high, anti-IL-6 + anti-PD-L1', {}, { atezolizumab: PDL1_SEED004, antiIL6: IL6_SEED004 }),
        arm('IL-6 deficient, untreated', { il6: 0.03 }),
        arm('IL-6 deficient, anti-PD-L1', { il6: 0.03 }, { atezolizumab: PDL1_SEED004 }),
        arm('IL-6 deficient, CD8 depleted', { il6: 0.03, cd8Depleted: true }),
      ],
    },
  },
  {
    id: 'imbrave150',
    citation: 'Finn et al., NEJM 2020 (IMbrave150); Yamamoto, Kodama et al., Hepatology 2026',
    doi: '10.1056/NEJMoa1915745',
    scenario: {
      setting: 'hcc-patient',
      horizon: 540,
      outputStep: 1,
      inputs: { ...BASE_INPUTS, nrf2: 0.5 },
      arms: [
        arm('Untreated', {}),
        arm('Atezo/bev', {}, { atezolizumab: ATEZO_PATIENT, bevacizumab: BEV_PATIENT }),
        arm(
          'Atezo/bev + celecoxib',
          {},
          {
            atezolizumab: ATEZO_PATIENT,
            bevacizumab: BEV_PATIENT,
            cox2i: CELECOXIB_PATIENT,
          },
        ),
      ],
    },
  },
  {
    // Seed 000's trial: IMbrave150's regimen with and without celecoxib (a hypothesis arm; docs/model.md, "Virtual
    // cohort"), given to 500 virtual HCC patients. The calibrated trial is imbrave150-trial.
    id: 'hcc-atezo-bev-trial',
    citation: 'Finn et al., NEJM 2020 (IMbrave150); Yamamoto, Kodama et al., Hepatology 2026',
    doi: '10.1056/NEJMoa1915745',
    scenario: hccTrial([
      arm('Atezo/bev', {}, { atezolizumab: ATEZO_PATIENT, bevacizumab: BEV_PATIENT }),
      arm(
        'Atezo/bev + celecoxib',
        {},
        { atezolizumab: ATEZO_PATIENT, bevacizumab: BEV_PATIENT, cox2i: CELECOXIB_PATIENT },
      ),
    ]),
  },
  {
    // IMbrave150 as a whole trial (docs/model.md, "Virtual cohort"): both arms on the same virtual patients, sorafenib
    // first so that every hazard ratio is atezo/bev against sorafenib, as the trial reported it.
    id: 'imbrave150-trial',
    citation: 'Finn et al., NEJM 2020 (IMbrave150)',
    doi: '10.1056/NEJMoa1915745',
    scenario: hccTrial([
      arm('Sorafenib', {}, { sorafenib: SORAFENIB_PATIENT }),
      arm('Atezo/bev', {}, { atezolizumab: ATEZO_PATIENT, bevacizumab: BEV_PATIENT }),
    ]),
  },
  {
    // The patient-scale EGFR-mutant lung setting, fitted to FLAURA's osimertinib arm (docs/model.md, "EGFR-mutant
    // lung, patient"): the tumour responds, then the cells osimertinib does not kill regrow. A virtual trial of 500
    // patients (seed 1, assessed every 6 weeks as in FLAURA): FLAURA's comparator, gefitinib, first as the reference
    // (the hazard ratios are osimertinib's against it, as FLAURA's), then osimertinib, then untreated.
    id: 'flaura-osimertinib',
    citation: 'Soria et al., NEJM 2018 (FLAURA); Wang, Yamada, …, Yano, Nature Communications 2020',
    doi: '10.1056/NEJMoa1713137',
    scenario: {
      setting: 'lung-patient',
      horizon: FLAURA_HORIZON,
      outputStep: 1,
      inputs: BASE_INPUTS,
      arms: [
        arm('Gefitinib 250 mg daily', {}, { gefitinib: GEFITINIB_PATIENT }),
        arm('Osimertinib 80 mg daily', {}, { osimertinib: OSI_PATIENT }),
        arm('Untreated', {}),
      ],
      cohort: {
        size: 500,
        seed: 1,
        cancer: 'lung',
        assessmentInterval: FLAURA_DESIGN.assessmentInterval,
        pge2Cutoff: 100,
      },
    },
  },
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
