/**
 * nrf2StingSuppression (docs/model.md, "Equations"; Olagnier et al., Nat Commun 2018): NRF2 represses STING in the tumour
 * cells, so DCs get less type-I IFN and mature less. It is a route from NRF2 to T cells that a COX-2 inhibitor leaves.
 */
import { describe, expect, it } from 'vitest';
import { samplePatients } from '../../src/model/cohort';
import { TRIAL_POPULATION } from '../../src/model/population';
import { settingParameters } from '../../src/model/settings';
import { simulate } from '../../src/model/simulate';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Scenario } from '../../src/scenario/types';

function withSting(value: number): Scenario {
  const preset = presetById('nrf2-atezo-bev');
  if (!preset) throw new Error('no preset nrf2-atezo-bev');
  const s = structuredClone(preset.scenario);
  s.parameters = { ...s.parameters, nrf2StingSuppression: value };
  return s;
}

const last = (v: ArrayLike<number>): number => v[v.length - 1];

describe('NRF2 represses STING, so fewer DCs mature (nrf2StingSuppression)', () => {
  it('is small in the mouse (bounded by the COX-2 rescue of seed 000), off in a single simulated patient, and the virtual trial gives its patients the calibrated value within 0–0.3', () => {
    expect(settingParameters('hcc-mouse').nrf2StingSuppression).toBe(0.1);
    expect(settingParameters('hcc-patient').nrf2StingSuppression).toBe(0);
    expect(TRIAL_POPULATION.nrf2StingSuppression).toBeGreaterThanOrEqual(0);
    expect(TRIAL_POPULATION.nrf2StingSuppression).toBeLessThanOrEqual(0.3);
    const preset = presetById('imbrave150-trial');
    if (!preset?.scenario.cohort) throw new Error('no preset imbrave150-trial');
    const [patient] = samplePatients({ ...preset.scenario.cohort, size: 1 });
    expect(patient.overrides.nrf2StingSuppression).toBe(TRIAL_POPULATION.nrf2StingSuppression);
  });

  it('lowers mature DCs and T cells in NRF2-high tumours even under full COX-2 inhibition, and leaves NRF2-low tumours alone', () => {
    const off = simulate(withSting(0)).arms;
    const on = simulate(withSting(0.1)).arms;
    // arms of the preset: 0 NRF2-low untreated, 1 NRF2-low atezo/bev, 3 NRF2-high atezo/bev, 4 + COX-2 inhibitor
    expect(last(on[1].series.dcMaturation)).toBe(last(off[1].series.dcMaturation));
    expect(last(on[1].series.tumourVolume)).toBe(last(off[1].series.tumourVolume));
    for (const arm of [3, 4]) {
      expect(last(on[arm].series.dcMaturation), `arm ${arm}`).toBeLessThan(0.99 * last(off[arm].series.dcMaturation));
      expect(last(on[arm].series.tumourVolume), `arm ${arm}`).toBeGreaterThan(last(off[arm].series.tumourVolume));
    }
  });
});
