// Dosing schedules carried between the mouse and the patient scale keep what they are relative to the scale's
// reference regimen: the mouse study schedule becomes the label regimen, a multiple of the dose stays that multiple,
// the interval scales with the reference interval, and the window stays inside the new horizon and the codec's limits.
import { describe, expect, it } from 'vitest';
import { DRUG_CATALOGUE } from '../../src/scenario/catalogue/drugs';
import { convertSchedule } from '../../src/scenario/convert';
import { defaultHorizon } from '../../src/scenario/defaults';
import { DOSE_LIMITS, SCHEDULE_LIMITS } from '../../src/scenario/limits';
import { DRUG_IDS } from '../../src/scenario/types';

const MOUSE_HORIZON = defaultHorizon('hcc-mouse');
const PATIENT_HORIZON = defaultHorizon('hcc-patient');

describe('schedule conversion between the mouse and the patient scale', () => {
  it.each(DRUG_IDS)('%s: the mouse study schedule becomes the label regimen, and back', (drug) => {
    const mouse = DRUG_CATALOGUE[drug].mouse.defaultSchedule;
    const patient = DRUG_CATALOGUE[drug].patient.defaultSchedule;
    const up = convertSchedule(drug, mouse, 'mouse', 'patient', Math.max(PATIENT_HORIZON, patient.stop));
    expect(up).toEqual(patient);
    const down = convertSchedule(drug, patient, 'patient', 'mouse', Math.max(MOUSE_HORIZON, mouse.stop));
    expect(down).toEqual(mouse);
  });

  it('atezolizumab 20 mg/kg every 6 days, days 7–20 in a mouse is 2,400 mg every 42 days from day 0 in a patient', () => {
    const up = convertSchedule(
      'atezolizumab',
      { dose: 20, start: 7, stop: 20, interval: 6 },
      'mouse',
      'patient',
      PATIENT_HORIZON,
    );
    expect(up).toEqual({ dose: 2400, start: 0, stop: 540, interval: 42 });
    expect(DOSE_LIMITS.atezolizumab.patient.unit).toBe('mg');
  });

  it('the same place in the course: a mouse window starting halfway through the study window starts halfway through the label window', () => {
    // anti-IL-6: mouse days 7–20 every 3 days (13 days) ↔ patient days 0–540 every 21 days
    const up = convertSchedule('antiIL6', { dose: 10, start: 13.5, stop: 20, interval: 3 }, 'mouse', 'patient', 540);
    expect(up.start).toBe(270);
    expect(up.stop).toBe(540);
  });

  it('stays inside the horizon, the dose maximum and the interval limits for extreme schedules', () => {
    for (const drug of DRUG_IDS) {
      for (const s of [
        { dose: 100, start: 0, stop: 1825, interval: 0.25 },
        { dose: 0, start: 1800, stop: 1825, interval: 365 },
        { dose: 0.5, start: 0, stop: 1, interval: 1 },
      ]) {
        for (const [from, to, horizon] of [
          ['mouse', 'patient', PATIENT_HORIZON],
          ['patient', 'mouse', MOUSE_HORIZON],
        ] as const) {
          const c = convertSchedule(drug, s, from, to, horizon);
          expect(c.dose).toBeGreaterThanOrEqual(0);
          expect(c.dose).toBeLessThanOrEqual(DOSE_LIMITS[drug][to].max);
          expect(c.interval).toBeGreaterThanOrEqual(SCHEDULE_LIMITS.interval.min);
          expect(c.interval).toBeLessThanOrEqual(SCHEDULE_LIMITS.interval.max);
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.stop).toBeGreaterThan(c.start);
          expect(c.stop).toBeLessThanOrEqual(horizon);
          for (const v of Object.values(c)) expect(Number.isFinite(v)).toBe(true);
        }
      }
    }
  });
});
