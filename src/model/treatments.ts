/**
 * Drugs: what each one blocks, its one-compartment pharmacokinetics at each scale, and the conversion of
 * a dosing schedule into dose events. The PK constants that vary (half-life; central volume of an antibody, apparent
 * oral clearance of a small molecule) are rows of the parameter table (parameters.ts, "drug pharmacokinetics"), so a
 * link, the command line and the parameters panel change them like any parameter; what stays here is fixed by the
 * drug or the dose unit (molar mass, mg per unit of dose). Sources are in docs/model.md (section "Treatments") and the
 * parameter table. Dose units and typical schedules are scenario-level knowledge (src/scenario/catalogue/drugs.ts),
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
import { MOUSE_PARAMETERS, type ModelParameters, PATIENT_PARAMETERS } from './parameters';

export type Route = 'bolus' | 'oral';

export interface DrugPharmacology {
  /** level reached per unit dose: for a bolus, the jump (nM per unit); for an oral drug, the average steady-state
   * level per unit of daily dose (nM per unit of dose per day of dosing interval) */
  nMPerUnit: number;
  /** first-order elimination rate, 1/day (= ln 2 / half-life) */
  eliminationRate: number;
}

/** What a dose unit means at one scale: mg of drug per unit, and the molar mass that turns mg into moles. */
export interface DoseUnitInfo {
  /** mg of drug per unit of dose: 1 for a flat dose in mg, the body weight in kg for a dose in mg/kg */
  mgPerUnit: number;
  /** g/mol (an IgG antibody ~145–150 kDa) */
  molarMass: number;
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
  /**
   * its rows of the parameter table: the half-life (day), and the central volume (L) of a bolus antibody or the
   * apparent oral clearance CL/F (L/day) of an oral drug
   */
  pk: { halfLife: keyof ModelParameters; exposure: keyof ModelParameters };
  mouse: DoseUnitInfo;
  patient: DoseUnitInfo;
}

const LN2 = Math.LN2;

/** Mouse doses are in mg/kg for a 20 g mouse (model brief); mouse antibodies are taken as 150 kDa IgG. */
const MOUSE_MG_PER_MG_KG = 0.02;
const MOUSE_ANTIBODY: DoseUnitInfo = { mgPerUnit: MOUSE_MG_PER_MG_KG, molarMass: 150_000 };
/** Patient doses in mg/kg are for a 70 kg patient. */
const PATIENT_KG = 70;

const pk = (drug: string, exposure: 'Volume' | 'Clearance') =>
  ({ halfLife: `${drug}HalfLife`, exposure: `${drug}${exposure}` }) as DrugInfo['pk'];

const DEFINITIONS: Record<DrugId, DrugInfo> = {
  atezolizumab: {
    id: 'atezolizumab',
    label: 'Atezolizumab (anti-PD-L1)',
    target: 'PD-L1',
    route: 'bolus',
    halfMaximal: 0.4, // Kd atezolizumab–PD-L1 0.4 nM (QSPIO-TNBC, Wang et al. 2021)
    pk: pk('atezolizumab', 'Volume'),
    mouse: MOUSE_ANTIBODY,
    // 1200 mg flat dose; 145 kDa (label)
    patient: { mgPerUnit: 1, molarMass: 145_000 },
  },
  bevacizumab: {
    id: 'bevacizumab',
    label: 'Bevacizumab (anti-VEGF-A)',
    target: 'VEGF-A',
    route: 'bolus',
    halfMaximal: 1, // chosen: sub-nanomolar to nanomolar VEGF-A affinity; fully occupied at any clinical level
    pk: pk('bevacizumab', 'Volume'),
    mouse: MOUSE_ANTIBODY,
    // 15 mg/kg for 70 kg; 149 kDa (label)
    patient: { mgPerUnit: PATIENT_KG, molarMass: 149_000 },
  },
  antiPD1: {
    id: 'antiPD1',
    label: 'Anti-PD-1',
    target: 'PD-1',
    route: 'bolus',
    halfMaximal: 1, // chosen: order of nivolumab's 2.6 nM (QSP-IO) and pembrolizumab's sub-nM affinity
    pk: pk('antiPD1', 'Volume'),
    mouse: MOUSE_ANTIBODY,
    // pembrolizumab-like 200 mg every 3 weeks; 149 kDa
    patient: { mgPerUnit: 1, molarMass: 149_000 },
  },
  cox2i: {
    id: 'cox2i',
    label: 'COX-2 inhibitor (celecoxib)',
    target: 'COX-2',
    route: 'oral',
    // Total plasma level for half inhibition of COX-2 in whole blood: chosen 500 nM. The enzyme IC50 is ~40 nM (model
    // brief), but 97 % of celecoxib is protein-bound (label) and whole-blood assays give ~0.3–1 µM.
    halfMaximal: 500,
    pk: pk('cox2i', 'Clearance'),
    // 381.4 g/mol
    mouse: { mgPerUnit: MOUSE_MG_PER_MG_KG, molarMass: 381.4 },
    // 200 mg twice daily = 400 mg/day
    patient: { mgPerUnit: 1, molarMass: 381.4 },
  },
  antiCD24: {
    id: 'antiCD24',
    label: 'Anti-CD24',
    target: 'CD24',
    route: 'bolus',
    halfMaximal: 1, // chosen: nanomolar antibody affinity (no published value found)
    pk: pk('antiCD24', 'Volume'),
    mouse: MOUSE_ANTIBODY,
    // hypothetical: no approved anti-CD24; IgG1 like bevacizumab (150 kDa), 10 mg/kg every 3 weeks
    patient: { mgPerUnit: PATIENT_KG, molarMass: 150_000 },
  },
  antiIL6: {
    id: 'antiIL6',
    label: 'Anti-IL-6',
    target: 'IL-6',
    route: 'bolus',
    halfMaximal: 1, // chosen: nanomolar antibody affinity
    pk: pk('antiIL6', 'Volume'),
    mouse: MOUSE_ANTIBODY,
    // siltuximab-like 11 mg/kg every 3 weeks; 145 kDa
    patient: { mgPerUnit: PATIENT_KG, molarMass: 145_000 },
  },
  osimertinib: {
    id: 'osimertinib',
    label: 'Osimertinib (EGFR inhibitor)',
    target: 'EGFR',
    route: 'oral',
    halfMaximal: 10, // chosen (prototype): low-nanomolar cellular potency on mutant EGFR
    pk: pk('osimertinib', 'Clearance'),
    // 499.6 g/mol; 80 mg daily in patients, 5 mg/kg/day in mice
    mouse: { mgPerUnit: MOUSE_MG_PER_MG_KG, molarMass: 499.6 },
    patient: { mgPerUnit: 1, molarMass: 499.6 },
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
    pk: pk('sorafenib', 'Clearance'),
    // 464.8 g/mol; 800 mg/day in patients, 30 mg/kg/day in mice
    mouse: { mgPerUnit: MOUSE_MG_PER_MG_KG, molarMass: 464.8 },
    patient: { mgPerUnit: 1, molarMass: 464.8 },
  },
  gefitinib: {
    id: 'gefitinib',
    label: 'Gefitinib (first-generation EGFR inhibitor)',
    target: 'EGFR with a sensitising mutation (not EGFR T790M)',
    route: 'oral',
    // 60 nM: gefitinib's IC50 in PC9 cells (EGFR exon 19 deletion; MTS and colony formation, Mol Cancer Ther table of
    // eleven lines), total level as for osimertinib. T790M raises it above 1 uM (the model: no kill of T790M cells).
    halfMaximal: 60,
    pk: pk('gefitinib', 'Clearance'),
    // 446.9 g/mol; 250 mg daily in patients (FLAURA's comparator), 25 mg/kg/day in mice
    mouse: { mgPerUnit: MOUSE_MG_PER_MG_KG, molarMass: 446.9 },
    patient: { mgPerUnit: 1, molarMass: 446.9 },
  },
  igf1ri: {
    id: 'igf1ri',
    label: 'IGF-1R inhibitor (linsitinib)',
    target: 'IGF-1R / insulin receptor',
    route: 'oral',
    halfMaximal: 30, // chosen (prototype): tens of nM cellular IC50 for IGF-1R and the insulin receptor alike
    pk: pk('igf1ri', 'Clearance'),
    // linsitinib 421.5 g/mol; 150 mg twice daily (the MTD) in patients, 25 mg/kg/day in mice
    mouse: { mgPerUnit: MOUSE_MG_PER_MG_KG, molarMass: 421.5 },
    patient: { mgPerUnit: 1, molarMass: 421.5 },
  },
};

export const DRUGS: Readonly<Record<DrugId, DrugInfo>> = DEFINITIONS;

export const DRUG_LIST: readonly DrugInfo[] = DRUG_IDS.map((id) => DRUGS[id]);

/**
 * A drug's one-compartment PK at a scale with these parameters (the scale's own when none are given): elimination
 * ln 2 / half-life, and the level per unit of dose, mg per unit / molar mass / volume for a bolus (the jump) or
 * / CL/F for an oral drug (the average level per unit of daily dose).
 */
export function pharmacology(
  drug: DrugId,
  scale: Scale,
  params: Readonly<ModelParameters> = scale === 'mouse' ? MOUSE_PARAMETERS : PATIENT_PARAMETERS,
): DrugPharmacology {
  const d = DRUGS[drug];
  const unit = d[scale];
  return {
    nMPerUnit: (unit.mgPerUnit * 1e-3) / unit.molarMass / params[d.pk.exposure] / 1e-9,
    eliminationRate: LN2 / params[d.pk.halfLife],
  };
}
