/**
 * The drug catalogue is what a scenario needs to know about each drug at each scale: the dose unit shown to the user
 * and a typical schedule to start from when the drug is switched on. It exists because the views and the store offer
 * these without reaching into the model, which keeps only the pharmacology (src/model/treatments.ts).
 */
import { DOSE_LIMITS } from '../limits';
import type { DoseSchedule, DrugId, Scale } from '../types';
import { DRUG_IDS } from '../types';

export interface DrugDefaults {
  /** dose unit shown to the user: the unit of DOSE_LIMITS (scenario/limits.ts), the one source of units and maxima */
  readonly unit: string;
  /** a typical schedule at this scale */
  readonly defaultSchedule: Readonly<DoseSchedule>;
}

type Schedules = Record<DrugId, Record<Scale, DoseSchedule>>;

// Sources of each schedule: docs/model.md, section "Treatments".
const SCHEDULES: Schedules = {
  atezolizumab: {
    mouse: { dose: 10, start: 7, stop: 20, interval: 3 },
    // 1200 mg flat dose every 3 weeks (label)
    patient: { dose: 1200, start: 0, stop: 540, interval: 21 },
  },
  bevacizumab: {
    mouse: { dose: 10, start: 7, stop: 20, interval: 3 },
    // 15 mg/kg every 3 weeks (label)
    patient: { dose: 15, start: 0, stop: 540, interval: 21 },
  },
  antiPD1: {
    // seed 001: 10 µg per mouse (0.5 mg/kg) i.p. on days 6, 9 and 12
    mouse: { dose: 0.5, start: 6, stop: 13, interval: 3 },
    // pembrolizumab-like 200 mg every 3 weeks
    patient: { dose: 200, start: 0, stop: 540, interval: 21 },
  },
  cox2i: {
    mouse: { dose: 30, start: 7, stop: 28, interval: 1 },
    // 200 mg twice daily = 400 mg/day
    patient: { dose: 400, start: 0, stop: 540, interval: 1 },
  },
  antiCD24: {
    mouse: { dose: 0.5, start: 6, stop: 13, interval: 3 },
    // hypothetical: 10 mg/kg every 3 weeks
    patient: { dose: 10, start: 0, stop: 540, interval: 21 },
  },
  antiIL6: {
    mouse: { dose: 10, start: 7, stop: 20, interval: 3 },
    // siltuximab-like 11 mg/kg every 3 weeks
    patient: { dose: 11, start: 0, stop: 540, interval: 21 },
  },
  osimertinib: {
    // the usual xenograft dose, 5 mg/kg/day
    mouse: { dose: 5, start: 0, stop: 40, interval: 1 },
    // 80 mg daily
    patient: { dose: 80, start: 0, stop: 540, interval: 1 },
  },
  sorafenib: {
    // chosen: 30 mg/kg/day, a usual xenograft dose (Wilhelm 2004 used 30–60 mg/kg orally)
    mouse: { dose: 30, start: 0, stop: 28, interval: 1 },
    // 400 mg twice daily = 800 mg/day (label; IMbrave150's comparator arm)
    patient: { dose: 800, start: 0, stop: 540, interval: 1 },
  },
  gefitinib: {
    // chosen: 25 mg/kg/day, a usual oral xenograft dose of gefitinib (25–50 mg/kg/day in PC9/HCC827 grafts)
    mouse: { dose: 25, start: 0, stop: 40, interval: 1 },
    // 250 mg once daily (label; FLAURA's comparator, Soria 2018)
    patient: { dose: 250, start: 0, stop: 540, interval: 1 },
  },
  igf1ri: {
    // seed 003: 10 of the 40 days of osimertinib
    mouse: { dose: 25, start: 0, stop: 10, interval: 1 },
    // 150 mg twice daily (the MTD)
    patient: { dose: 300, start: 0, stop: 60, interval: 1 },
  },
};

export const DRUG_CATALOGUE: Readonly<Record<DrugId, Readonly<Record<Scale, DrugDefaults>>>> = Object.fromEntries(
  DRUG_IDS.map((id) => [
    id,
    {
      mouse: { unit: DOSE_LIMITS[id].mouse.unit, defaultSchedule: SCHEDULES[id].mouse },
      patient: { unit: DOSE_LIMITS[id].patient.unit, defaultSchedule: SCHEDULES[id].patient },
    },
  ]),
) as Record<DrugId, Record<Scale, DrugDefaults>>;

/** A fresh copy of the typical schedule of a drug at a scale (safe to edit). */
export function defaultSchedule(drug: DrugId, scale: Scale): DoseSchedule {
  return { ...DRUG_CATALOGUE[drug][scale].defaultSchedule };
}
