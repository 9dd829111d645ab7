/**
 * The two holds the virtual HCC trial's population fits in place of the setting's value (pge2EffectorSuppression and
 * nrf2StingSuppression: 0 in the hcc-patient setting; docs/model.md, "Virtual cohort", Patients): a scenario's own
 * change of one (a link's p.<id>) reaches the patients, and the plausible ensemble's draws, which hold both at the
 * setting's 0, keep the population's.
 */
import { describe, expect, it } from 'vitest';
import { cohortPatients } from '../../src/model/cohort';
import { ensembleScenario } from '../../src/model/ensemble-trial';
import { TRIAL_POPULATION } from '../../src/model/population';
import { settingParameters } from '../../src/model/settings';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Scenario } from '../../src/scenario/types';

const preset = presetById('imbrave150-trial');
if (!preset?.scenario.cohort) throw new Error('preset imbrave150-trial missing');
const trial: Scenario = {
  ...preset.scenario,
  cohort: { ...(preset.scenario.cohort ?? { cancer: 'hcc', assessmentInterval: 42, pge2Cutoff: 100 }), size: 8 },
};
const HOLDS = ['pge2EffectorSuppression', 'nrf2StingSuppression'] as const;

describe("the trial population's holds", () => {
  it('are the population’s fitted values when the scenario leaves them at the setting’s', () => {
    for (const id of HOLDS) {
      expect(settingParameters('hcc-patient')[id]).toBe(0);
      expect(TRIAL_POPULATION[id]).toBeGreaterThan(0);
      for (const p of cohortPatients(trial, 0, 8)) expect(p.overrides[id]).toBe(TRIAL_POPULATION[id]);
    }
  });

  it('are the scenario’s own values when a link changes them, and nothing else about the patients moves', () => {
    const changed: Scenario = { ...trial, parameters: { pge2EffectorSuppression: 0.25, nrf2StingSuppression: 0.05 } };
    const own = cohortPatients(changed, 0, 8);
    const fitted = cohortPatients(trial, 0, 8);
    own.forEach((p, i) => {
      expect(p.overrides.pge2EffectorSuppression).toBe(0.25);
      expect(p.overrides.nrf2StingSuppression).toBe(0.05);
      const { pge2EffectorSuppression: _a, nrf2StingSuppression: _b, ...rest } = p.overrides;
      const { pge2EffectorSuppression: _c, nrf2StingSuppression: _d, ...restFitted } = fitted[i].overrides;
      expect(rest).toEqual(restFitted);
    });
  });

  it('keep the population’s values in every plausible-ensemble draw (which holds them at the setting’s 0)', () => {
    for (const index of [0, 1, 2]) {
      const drawn = ensembleScenario(trial, 1, index);
      for (const id of HOLDS) {
        expect(drawn.parameters?.[id]).toBe(0);
        for (const p of cohortPatients(drawn, 0, 4)) expect(p.overrides[id]).toBe(TRIAL_POPULATION[id]);
      }
    }
  });
});
