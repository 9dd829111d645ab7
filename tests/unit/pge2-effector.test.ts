/**
 * pge2EffectorSuppression (docs/model.md, "Parameters"; Lacher et al., Nature 2024): tumour PGE2 also holds back the
 * effector function of the CD8 T cells that do get into the tumour, not only their entry. Named after what it proves.
 */
import { describe, expect, it } from 'vitest';
import { samplePatients } from '../../src/model/cohort';
import { TRIAL_POPULATION } from '../../src/model/population';
import { settingParameters } from '../../src/model/settings';
import { simulate } from '../../src/model/simulate';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Scenario } from '../../src/scenario/types';

function withSuppression(value: number): Scenario {
  const preset = presetById('nrf2-atezo-bev');
  if (!preset) throw new Error('no preset nrf2-atezo-bev');
  const s = structuredClone(preset.scenario);
  s.parameters = { ...s.parameters, pge2EffectorSuppression: value };
  return s;
}

const finalVolumes = (s: Scenario): number[] =>
  simulate(s).arms.map((a) => {
    const v = a.series.tumourVolume;
    return v[v.length - 1];
  });

describe('PGE2 holds back tumour T-cell effectors (pge2EffectorSuppression)', () => {
  it('is on in the mouse, off in a single simulated patient, and the virtual trial gives its patients the calibrated value', () => {
    expect(settingParameters('hcc-mouse').pge2EffectorSuppression).toBe(1);
    expect(settingParameters('hcc-patient').pge2EffectorSuppression).toBe(0);
    const preset = presetById('imbrave150-trial');
    if (!preset?.scenario.cohort) throw new Error('no preset imbrave150-trial');
    const [patient] = samplePatients({ ...preset.scenario.cohort, size: 1 });
    expect(patient.overrides.pge2EffectorSuppression).toBe(TRIAL_POPULATION.pge2EffectorSuppression);
  });

  it('makes treated tumours end larger, NRF2-high and NRF2-low alike (the immune-controlled NRF2-low tumour moves most)', () => {
    const off = finalVolumes(withSuppression(0));
    const on = finalVolumes(withSuppression(1));
    // arms of the preset: 1 NRF2-low atezo/bev, 3 NRF2-high atezo/bev
    const low = on[1] / off[1];
    const high = on[3] / off[3];
    console.log(
      `day-28 volume with / without effector suppression: NRF2-low x${low.toFixed(3)}, NRF2-high x${high.toFixed(3)}`,
    );
    expect(high).toBeGreaterThan(1);
    expect(low).toBeGreaterThan(1);
    // a tumour the T cells control feels a weaker kill most; an escaping (PGE2-high) one is already losing
    expect(low).toBeGreaterThan(high);
    for (const v of [...off, ...on]) expect(Number.isFinite(v) && v >= 0).toBe(true);
  });
});
