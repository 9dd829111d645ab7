/**
 * A dosing schedule carried between the mouse and the patient scale when the setting changes. Doses and days mean
 * different things at the two scales (mg/kg i.p. or by gavage in mice over weeks; flat mg or mg/kg by infusion or by
 * mouth in patients over months), so a schedule is kept as what it is relative to its scale's reference regimen
 * (scenario/catalogue/drugs.ts: the mouse study schedule and the patient label regimen):
 *
 * - dose: the same multiple of the reference dose (a mouse at twice the study dose becomes a patient at twice the
 *   label dose), in the new scale's unit;
 * - interval: the same multiple of the reference interval (every 3 days in the mouse ↔ every 21 days in the patient);
 * - window: the same place in the reference course (the study window ↔ the label window, linearly), kept inside the
 *   new horizon.
 *
 * Not a human-equivalent dose: the FDA's body-surface-area conversion (FDA 2005, Estimating the maximum safe starting
 * dose; Nair & Jacob 2016: HED mg/kg = mouse mg/kg × 3/37) estimates a safe first dose in people, not an effective
 * one, and antibodies (most of these drugs) are scaled by mg/kg, not by surface area. docs/model.md gives the HED
 * beside each conversion.
 */
import { DRUG_CATALOGUE } from './catalogue/drugs';
import { DOSE_LIMITS, SCHEDULE_LIMITS } from './limits';
import type { DoseSchedule, DrugId, Scale } from './types';

/** Three significant digits: a converted dose reads like a dose, not like 1234.5678 mg. */
function significant(value: number): number {
  if (value === 0) return 0;
  return Number(value.toPrecision(3));
}

/** The schedule `schedule` of `drug` at scale `from`, carried to scale `to` within a horizon of `horizon` days. */
export function convertSchedule(
  drug: DrugId,
  schedule: Readonly<DoseSchedule>,
  from: Scale,
  to: Scale,
  horizon: number,
): DoseSchedule {
  if (from === to) return { ...schedule };
  const a = DRUG_CATALOGUE[drug][from].defaultSchedule;
  const b = DRUG_CATALOGUE[drug][to].defaultSchedule;
  const dose = Math.min(DOSE_LIMITS[drug][to].max, significant((schedule.dose / a.dose) * b.dose));
  const { min, max } = SCHEDULE_LIMITS.interval;
  const interval = Math.min(max, Math.max(min, Math.round((schedule.interval / a.interval) * b.interval * 4) / 4));
  // the same place in the reference course: the reference window maps onto the other scale's reference window
  const scale = (b.stop - b.start) / (a.stop - a.start);
  const day = (t: number) => Math.round(b.start + (t - a.start) * scale);
  const end = Math.max(1, horizon);
  const start = Math.min(Math.max(0, day(schedule.start)), end - 1);
  const stop = Math.min(Math.max(start + 1, day(schedule.stop)), end);
  return { dose, start, stop, interval };
}
