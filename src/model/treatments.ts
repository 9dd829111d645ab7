/**
 * Drugs: what each one blocks, its one-compartment pharmacokinetics at each scale, and the conversion of
 * a dosing schedule into dose events. Sources are in docs/model.md (section "Treatments"); every number here is quoted
 * there with its origin. Dose units and typical schedules are scenario-level knowledge (src/scenario/catalogue/drugs.ts),
 * and so are the days a schedule doses on (src/scenario/catalogue/calendar.ts).
 *
 * Two routes:
 * - 'bolus' (antibodies, i.v. or i.p.): each dose raises the drug level at once by `nMPerUnit * dose`; the level then
 *   falls with first-order elimination. Dose times are discontinuities of the ODE.
 * - 'oral' (small molecules, taken daily): each dose is spread evenly over its dosing interval (a zero-order input
 *   with the same area under the curve), so the level follows the average exposure. Chosen because the efficacy of
 *   these drugs tracks sustained target coverage, peak–trough swings are small in patients (osimertinib 1.6:1), and
 *   hour-scale mouse elimination with a spike per dose would force tiny solver steps for no gain in meaning.
 */

import type { DrugId, Scale } from '../scenario/types';
import { DRUG_IDS } from '../scenario/types';

export type Route = 'bolus' | 'oral';

export interface DrugPharmacology {
  /** level reached per unit dose: for a bolus, the jump (nM per unit); for an oral drug, the average steady-state
   * level per unit of daily dose (nM per unit of dose per day of dosing interval) */
  nMPerUnit: number;
  /** first-order elimination rate, 1/day (= ln 2 / half-life) */
  eliminationRate: number;
}

export interface DrugInfo {
  id: DrugId;
  /** English label; the UI translates by id */
  label: string;
  /** what it blocks */
  target: string;
  route: Route;
  /** level for half-maximal target occupancy, nM (Kd or IC50) */
  halfMaximal: number;
  mouse: DrugPharmacology;
  patient: DrugPharmacology;
}

const LN2 = Math.LN2;

/**
 * Mouse antibody dosing: 20 g mouse, 3 mL distribution volume (Kosinsky et al. 2018, V_d 0.003 L), IgG 150 kDa, so
 * 1 mg/kg = 20 µg = 1.33e-10 mol in 3 mL = 44.4 nM. Elimination 0.15/day (Kosinsky 2018, mouse anti-PD-L1).
 */
const MOUSE_ANTIBODY_NM_PER_MG_KG = (0.02e-3 / 150_000 / 3e-3) * 1e9;
const MOUSE_ANTIBODY_ELIMINATION = 0.15;

/** Patient IgG1 antibodies: 70 kg patient. */
function patientAntibodyNMPerUnit(mgPerUnit: number, molarMassKDa: number, volumeL: number): number {
  return (mgPerUnit * 1e-3) / (molarMassKDa * 1000) / volumeL / 1e-9;
}

const DEFINITIONS: Record<DrugId, DrugInfo> = {
  atezolizumab: {
    id: 'atezolizumab',
    label: 'Atezolizumab (anti-PD-L1)',
    target: 'PD-L1',
    route: 'bolus',
    halfMaximal: 0.4, // Kd atezolizumab–PD-L1 0.4 nM (QSPIO-TNBC, Wang et al. 2021)
    mouse: {
      nMPerUnit: MOUSE_ANTIBODY_NM_PER_MG_KG,
      eliminationRate: MOUSE_ANTIBODY_ELIMINATION,
    },
    patient: {
      // 1200 mg flat dose; V1 3.28 L, 145 kDa (label); half-life 27 days (label)
      nMPerUnit: patientAntibodyNMPerUnit(1, 145, 3.28),
      eliminationRate: LN2 / 27,
    },
  },
  bevacizumab: {
    id: 'bevacizumab',
    label: 'Bevacizumab (anti-VEGF-A)',
    target: 'VEGF-A',
    route: 'bolus',
    halfMaximal: 1, // chosen: sub-nanomolar to nanomolar VEGF-A affinity; fully occupied at any clinical level
    mouse: {
      nMPerUnit: MOUSE_ANTIBODY_NM_PER_MG_KG,
      eliminationRate: MOUSE_ANTIBODY_ELIMINATION,
    },
    patient: {
      // 15 mg/kg for 70 kg; Vc 2.9 L, 149 kDa, half-life 20 days (label)
      nMPerUnit: patientAntibodyNMPerUnit(70, 149, 2.9),
      eliminationRate: LN2 / 20,
    },
  },
  antiPD1: {
    id: 'antiPD1',
    label: 'Anti-PD-1',
    target: 'PD-1',
    route: 'bolus',
    halfMaximal: 1, // chosen: order of nivolumab's 2.6 nM (QSP-IO) and pembrolizumab's sub-nM affinity
    mouse: {
      nMPerUnit: MOUSE_ANTIBODY_NM_PER_MG_KG,
      eliminationRate: MOUSE_ANTIBODY_ELIMINATION,
    },
    patient: {
      // pembrolizumab-like 200 mg every 3 weeks; 149 kDa; Vss 6.0 L and half-life 22 days (label, from memory)
      nMPerUnit: patientAntibodyNMPerUnit(1, 149, 6.0),
      eliminationRate: LN2 / 22,
    },
  },
  cox2i: {
    id: 'cox2i',
    label: 'COX-2 inhibitor (celecoxib)',
    target: 'COX-2',
    route: 'oral',
    // Total plasma level for half inhibition of COX-2 in whole blood: chosen 500 nM. The enzyme IC50 is ~40 nM (model
    // brief), but 97 % of celecoxib is protein-bound (label) and whole-blood assays give ~0.3–1 µM.
    halfMaximal: 500,
    mouse: {
      // chosen: 30 mg/kg/day gives 5 µM average (mouse plasma levels of a few µg/mL), i.e. the prototype's occupancy
      // of 0.91 (400 nM against 40 nM)
      nMPerUnit: 5000 / 30,
      eliminationRate: LN2 / (11.2 / 24),
    },
    patient: {
      // 200 mg twice daily = 400 mg/day; CL/F 27.7 L/h = 665 L/day; 381.4 g/mol -> 3.95 nM per mg/day (label table)
      nMPerUnit: (1 / 665 / 381.4) * 1e6,
      eliminationRate: LN2 / (11.2 / 24),
    },
  },
  antiCD24: {
    id: 'antiCD24',
    label: 'Anti-CD24',
    target: 'CD24',
    route: 'bolus',
    halfMaximal: 1, // chosen: nanomolar antibody affinity (no published value found)
    mouse: {
      nMPerUnit: MOUSE_ANTIBODY_NM_PER_MG_KG,
      eliminationRate: MOUSE_ANTIBODY_ELIMINATION, // chosen: no anti-CD24 PK found; same as other mouse IgG
    },
    patient: {
      // hypothetical: no approved anti-CD24; IgG1 like bevacizumab (2.9 L, 150 kDa, 20 days), 10 mg/kg every 3 weeks
      nMPerUnit: patientAntibodyNMPerUnit(70, 150, 2.9),
      eliminationRate: LN2 / 20,
    },
  },
  antiIL6: {
    id: 'antiIL6',
    label: 'Anti-IL-6',
    target: 'IL-6',
    route: 'bolus',
    halfMaximal: 1, // chosen: nanomolar antibody affinity
    mouse: {
      nMPerUnit: MOUSE_ANTIBODY_NM_PER_MG_KG,
      eliminationRate: MOUSE_ANTIBODY_ELIMINATION,
    },
    patient: {
      // siltuximab-like 11 mg/kg every 3 weeks; 145 kDa; V 4.5 L and half-life 20.6 days (label, from memory)
      nMPerUnit: patientAntibodyNMPerUnit(70, 145, 4.5),
      eliminationRate: LN2 / 20.6,
    },
  },
  osimertinib: {
    id: 'osimertinib',
    label: 'Osimertinib (EGFR inhibitor)',
    target: 'EGFR',
    route: 'oral',
    halfMaximal: 10, // chosen (prototype): low-nanomolar cellular potency on mutant EGFR
    mouse: {
      // chosen: 5 mg/kg/day (the usual xenograft dose) gives the prototype's 100 nM; mouse half-life ~3 h (review)
      nMPerUnit: 100 / 5,
      eliminationRate: LN2 / (3 / 24),
    },
    patient: {
      // 80 mg daily; CL/F 14.3 L/h = 343 L/day; 499.6 g/mol -> 5.84 nM per mg/day; half-life 48.3 h (Planchard 2016)
      nMPerUnit: (1 / 343 / 499.6) * 1e6,
      eliminationRate: LN2 / (48.3 / 24),
    },
  },
  sorafenib: {
    id: 'sorafenib',
    label: 'Sorafenib (multi-kinase inhibitor)',
    target: 'RAF, VEGFR-1/2/3, PDGFR-beta',
    route: 'oral',
    // Total plasma level for half-maximal effect, chosen 5 uM: 99.5 % of sorafenib is protein-bound (label), so 5 uM
    // total leaves ~25 nM free, the range of its kinase IC50s (RAF-1 6, B-RAF 22, VEGFR-2 90, VEGFR-3 20, PDGFR-beta
    // 57 nM; Wilhelm 2004).
    halfMaximal: 5000,
    mouse: {
      // chosen: 30 mg/kg/day gives ~10 uM average, the order of the patients' exposure; half-life chosen 6 h
      nMPerUnit: 10000 / 30,
      eliminationRate: LN2 / (6 / 24),
    },
    patient: {
      // chosen: 800 mg/day gives ~10 uM average total plasma level (464.8 g/mol; steady-state levels of a few mg/L,
      // reached within 7 days, peak-to-trough under 2: label); half-life 25–48 h (label), 36 h taken
      nMPerUnit: 10000 / 800,
      eliminationRate: LN2 / (36 / 24),
    },
  },
  igf1ri: {
    id: 'igf1ri',
    label: 'IGF-1R inhibitor (linsitinib)',
    target: 'IGF-1R / insulin receptor',
    route: 'oral',
    halfMaximal: 30, // chosen (prototype): tens of nM cellular IC50 for IGF-1R and the insulin receptor alike
    mouse: {
      // chosen: 25 mg/kg/day gives the prototype's 300 nM; half-life ~3 h (chosen, like other small molecules)
      nMPerUnit: 300 / 25,
      eliminationRate: LN2 / (3 / 24),
    },
    patient: {
      // chosen: 150 mg twice daily (the MTD) gives ~1 µM average; no clearance found for linsitinib
      nMPerUnit: 1000 / 300,
      eliminationRate: LN2 / (6 / 24),
    },
  },
};

export const DRUGS: Readonly<Record<DrugId, DrugInfo>> = DEFINITIONS;

export const DRUG_LIST: readonly DrugInfo[] = DRUG_IDS.map((id) => DRUGS[id]);

export function pharmacology(drug: DrugId, scale: Scale): DrugPharmacology {
  return DRUGS[drug][scale];
}
