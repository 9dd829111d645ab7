/**
 * Sorafenib's growth-independent kill (docs/model.md, "Equations", "Sorafenib on the tumour: two actions"; Liu et al.,
 * Cancer Res 2006; Yu et al., Oncogene 2005) and what the virtual trial makes of it: a slow tumour can shrink on
 * sorafenib, the mouse settings are unchanged, and RECIST 1.1 sees sorafenib's dead tissue as necrosis, not a CR.
 */
import { describe, expect, it } from 'vitest';
import { armResidual, samplePatients } from '../../src/model/cohort';
import { TRIAL_POPULATION } from '../../src/model/population';
import { settingParameters } from '../../src/model/settings';
import { simulate } from '../../src/model/simulate';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Scenario } from '../../src/scenario/types';

/** One HCC patient on sorafenib 400 mg twice daily for a year, with this growth rate and apoptosis rate. */
function patientOnSorafenib(growth: number, apoptosis: number, sorafenib = true): Scenario {
  return {
    setting: 'hcc-patient',
    horizon: 365,
    outputStep: 7,
    inputs: { nrf2: 0.2, neat1: 0.2, il6: 0.2, axl: 'low', cd8Depleted: false },
    parameters: { sensitiveGrowthRate: growth, resistantGrowthRate: growth, sorafenibApoptosis: apoptosis },
    arms: [
      {
        name: sorafenib ? 'Sorafenib' : 'Untreated',
        inputs: {},
        treatments: sorafenib ? { sorafenib: { dose: 800, start: 0, stop: 365, interval: 1 } } : {},
      },
    ],
  };
}

const finalOverStart = (s: Scenario): number => {
  const v = simulate(s).arms[0].series.tumourVolume;
  return v[v.length - 1] / v[0];
};

describe("sorafenib's pro-apoptotic kill does not depend on the tumour's growth", () => {
  it('a slow tumour shrinks on sorafenib with the apoptotic kill and not without it', () => {
    const slow = 2e-3;
    const without = finalOverStart(patientOnSorafenib(slow, 0));
    const withKill = finalOverStart(patientOnSorafenib(slow, 0.01));
    expect(withKill).toBeLessThan(0.5 * without);
    // the kill removes about k_apo x occupancy x 365 days of log-volume more, whatever the growth rate
    const fast = 6e-3;
    const slowLoss = Math.log(without / withKill);
    const fastLoss = Math.log(
      finalOverStart(patientOnSorafenib(fast, 0)) / finalOverStart(patientOnSorafenib(fast, 0.01)),
    );
    expect(slowLoss).toBeGreaterThan(0.5);
    expect(fastLoss / slowLoss).toBeGreaterThan(0.6);
    expect(fastLoss / slowLoss).toBeLessThan(1.6);
  });

  it('does nothing without sorafenib', () => {
    expect(finalOverStart(patientOnSorafenib(4e-3, 0.05, false))).toBe(
      finalOverStart(patientOnSorafenib(4e-3, 0, false)),
    );
  });

  it('is 0 in the mouse settings (their sorafenib stays as calibrated) and a positive base at the patient scale', () => {
    expect(settingParameters('hcc-mouse').sorafenibApoptosis).toBe(0);
    expect(settingParameters('hcc-patient').sorafenibApoptosis).toBeGreaterThan(0);
  });
});

describe('the virtual trial gives each patient sorafenib sensitivity for both actions', () => {
  const preset = presetById('imbrave150-trial');
  if (!preset?.scenario.cohort) throw new Error('no preset imbrave150-trial');
  const patients = samplePatients({ ...preset.scenario.cohort, size: 300 });
  const base = settingParameters('hcc-patient');

  it('apoptosis follows the growth inhibition: the same sensitivity, the same cap, the same dose modification', () => {
    const p = TRIAL_POPULATION;
    const cap = p.sorafenibInhibitionCap;
    for (const patient of patients) {
      const gi = patient.overrides.sorafenibGrowthInhibition ?? Number.NaN;
      const apo = patient.overrides.sorafenibApoptosis ?? Number.NaN;
      expect(apo).toBeGreaterThanOrEqual(0);
      expect(gi).toBeLessThanOrEqual(cap);
      // apoptosis / its median = growth inhibition / its median, both capped at the same patient
      const apoMedian = base.sorafenibApoptosis * p.sorafenibApoptosisScale;
      const giMedian = base.sorafenibGrowthInhibition * p.sorafenibScale;
      if (apoMedian > 0) expect(apo / apoMedian).toBeCloseTo(gi / giMedian, 9);
    }
  });

  it('the NRF2-STING suppression is the population value for every patient', () => {
    for (const patient of patients)
      expect(patient.overrides.nrf2StingSuppression).toBe(TRIAL_POPULATION.nrf2StingSuppression);
  });
});

describe('RECIST 1.1 sees the tissue sorafenib kills as necrosis in the lesion', () => {
  it('in an arm that gives sorafenib the residual fraction is at least sorafenibNecrosis, elsewhere the patient’s own', () => {
    const population = { ...TRIAL_POPULATION, sorafenibNecrosis: 0.2 };
    expect(armResidual(0, population, { sorafenib: true })).toBe(0.2);
    expect(armResidual(0.5, population, { sorafenib: true })).toBe(0.5);
    expect(armResidual(0, population, { sorafenib: false })).toBe(0);
  });
});
