/**
 * Acquired resistance to sorafenib in the virtual HCC trial (population sorafenibEscapeHazard, version 8; docs/model.md,
 * "Virtual cohort", "Acquired resistance to sorafenib"): each patient's tumour stops responding to sorafenib on a day
 * drawn from its own outcome stream, which the simulation shows as the arm's sorafenib dosing ending that day.
 */
import { describe, expect, it } from 'vitest';
import { cohortPatients, patientArm, runCohortBlock, simulateTrajectories } from '../../src/model/cohort';
import { TRIAL_POPULATION, type TrialPopulation } from '../../src/model/population';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Arm, Scenario } from '../../src/scenario/types';

const preset = presetById('imbrave150-trial');
if (!preset?.scenario.cohort) throw new Error('preset imbrave150-trial missing');
/** IMbrave150's two arms (0 sorafenib, 1 atezolizumab + bevacizumab) on `size` patients of seed 7. */
const trial = (size: number): Scenario => ({
  ...preset.scenario,
  cohort: { ...(preset.scenario.cohort ?? { cancer: 'hcc', assessmentInterval: 42, pge2Cutoff: 100 }), size, seed: 7 },
});
const population = (sorafenibEscapeHazard: number): TrialPopulation => ({ ...TRIAL_POPULATION, sorafenibEscapeHazard });

describe("a patient's arm after sorafenib resistance", () => {
  const sorafenib: Arm = {
    name: 'Sorafenib',
    inputs: {},
    treatments: { sorafenib: { dose: 800, start: 0, stop: 720, interval: 1 } },
  };

  it("ends the arm's sorafenib dosing on the patient's escape day, and changes nothing else", () => {
    const arm = patientArm(sorafenib, { sorafenibEscapeDay: 150.5 });
    expect(arm.treatments.sorafenib).toEqual({ dose: 800, start: 0, stop: 150.5, interval: 1 });
    expect(arm.name).toBe('Sorafenib');
    expect(sorafenib.treatments.sorafenib?.stop).toBe(720);
  });

  it('is the arm itself without sorafenib, without an escape day, or when the escape comes after the dosing', () => {
    const atezoBev: Arm = { name: 'A+B', inputs: {}, treatments: {} };
    expect(patientArm(atezoBev, { sorafenibEscapeDay: 10 })).toBe(atezoBev);
    expect(patientArm(sorafenib, { sorafenibEscapeDay: Number.POSITIVE_INFINITY })).toBe(sorafenib);
    expect(patientArm(sorafenib, {})).toBe(sorafenib);
    expect(patientArm(sorafenib, { sorafenibEscapeDay: 800 })).toBe(sorafenib);
  });

  it('gives no dose at all when the escape comes before the first dose', () => {
    const late: Arm = { ...sorafenib, treatments: { sorafenib: { dose: 800, start: 30, stop: 720, interval: 1 } } };
    expect(patientArm(late, { sorafenibEscapeDay: 5 }).treatments.sorafenib?.stop).toBe(30);
  });
});

describe('the escape day is drawn from the patient’s own stream', () => {
  it('changes no other draw of any patient, and scales as 1 / hazard', () => {
    const slow = cohortPatients(trial(60), 0, 60, population(1e-3));
    const fast = cohortPatients(trial(60), 0, 60, population(4e-3));
    slow.forEach((p, i) => {
      const { sorafenibEscapeDay: a, ...rest } = p;
      const { sorafenibEscapeDay: b, ...restFast } = fast[i];
      expect(restFast).toEqual(rest);
      expect(a).toBeGreaterThan(0);
      expect((a ?? 0) / (b ?? 1)).toBeCloseTo(4, 9);
    });
    // an exponential: the median escape day is near ln 2 / hazard (693 days at 1e-3/day)
    const days = slow.map((p) => p.sorafenibEscapeDay ?? 0).sort((x, y) => x - y);
    expect(days[30]).toBeGreaterThan(693 / 2);
    expect(days[30]).toBeLessThan(693 * 2);
  });
});

describe('sorafenib resistance in the trial', () => {
  it('lets tumours that sorafenib held regrow after their escape day, and moves no atezolizumab + bevacizumab patient', () => {
    const n = 80;
    const scenario = trial(n);
    const never = simulateTrajectories(scenario, 0, n, population(1e-9));
    const escapes = simulateTrajectories(scenario, 0, n, population(4e-3));
    const k = never.days.length;
    // atezolizumab + bevacizumab (arm 1) gives no sorafenib: identical to the last bit
    expect(Array.from(escapes.volumes[1])).toEqual(Array.from(never.volumes[1]));
    const patients = cohortPatients(scenario, 0, n, population(4e-3));
    let regrown = 0;
    patients.forEach((p, i) => {
      const day = p.sorafenibEscapeDay ?? Number.POSITIVE_INFINITY;
      for (let j = 0; j < k; j++) {
        const a = never.volumes[0][i * k + j];
        const b = escapes.volumes[0][i * k + j];
        // before the escape day the patient's sorafenib course is the same (within the trial tolerance: the solver's
        // steps differ once the dose events do)
        if (never.days[j] <= day) expect(Math.abs(b - a)).toBeLessThanOrEqual(1e-4 * a);
        // after it, the tumour is never smaller than with sorafenib working
        else expect(b).toBeGreaterThanOrEqual(a * (1 - 1e-4));
      }
      const last = (i + 1) * k - 1;
      if (day < never.days[k - 1] && escapes.volumes[0][last] > 2 * never.volumes[0][last]) regrown++;
    });
    expect(regrown).toBeGreaterThan(n / 10);
  });

  it('shortens the sorafenib arm’s progression-free survival and not the other arm’s', () => {
    const n = 200;
    const never = runCohortBlock(trial(n), 0, n, undefined, population(1e-9));
    const escapes = runCohortBlock(trial(n), 0, n, undefined, population(4e-3));
    expect(Array.from(escapes.arms[1].pfsDays)).toEqual(Array.from(never.arms[1].pfsDays));
    const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
    expect(sum(escapes.arms[0].pfsDays)).toBeLessThan(0.95 * sum(never.arms[0].pfsDays));
    for (let i = 0; i < n; i++) expect(escapes.arms[0].pfsDays[i]).toBeLessThanOrEqual(never.arms[0].pfsDays[i] + 1e-9);
  });
});
