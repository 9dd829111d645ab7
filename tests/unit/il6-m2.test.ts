/**
 * il6M2Polarisation (docs/model.md, "Equations"; Mauer et al., Nat Immunol 2014; Chen et al., Oncotarget 2018): IL-6
 * drives M1 -> M2 polarisation, so without IL-6 the metastases keep more M1 macrophages and their T cells are held back
 * less. It is on in the colorectal liver setting only.
 */
import { describe, expect, it } from 'vitest';
import { settingParameters } from '../../src/model/settings';
import { simulate } from '../../src/model/simulate';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Scenario } from '../../src/scenario/types';

function il6Preset(value: number): Scenario {
  const preset = presetById('il6-pdl1');
  if (!preset) throw new Error('no preset il6-pdl1');
  const s = structuredClone(preset.scenario);
  s.parameters = { ...s.parameters, il6M2Polarisation: value };
  return s;
}

const last = (v: ArrayLike<number>): number => v[v.length - 1];
// arms of il6-pdl1: 0 IL-6 high untreated, 3 IL-6 deficient untreated, 5 IL-6 deficient CD8 depleted
const HIGH = 0;
const DEFICIENT = 3;
const DEPLETED = 5;

describe('IL-6 drives M2 polarisation (il6M2Polarisation)', () => {
  it('is half of the M1 -> M2 drive in the colorectal liver setting and off in the HCC and lung settings', () => {
    expect(settingParameters('crc-liver').il6M2Polarisation).toBe(0.5);
    for (const setting of ['hcc-mouse', 'hcc-patient', 'lung-egfr', 'lung-patient'] as const)
      expect(settingParameters(setting).il6M2Polarisation, setting).toBe(0);
  });

  it('keeps more M1 macrophages and smaller metastases in IL-6-deficient mice, and changes the wild type far less', () => {
    const off = simulate(il6Preset(0)).arms;
    const on = simulate(il6Preset(0.5)).arms;
    expect(last(on[DEFICIENT].series.m1Fraction)).toBeGreaterThan(1.1 * last(off[DEFICIENT].series.m1Fraction));
    expect(last(on[DEFICIENT].series.tumourVolume)).toBeLessThan(0.9 * last(off[DEFICIENT].series.tumourVolume));
    const wildTypeChange = last(on[HIGH].series.tumourVolume) / last(off[HIGH].series.tumourVolume);
    expect(wildTypeChange).toBeGreaterThan(0.9);
    expect(wildTypeChange).toBeLessThanOrEqual(1);
  });

  it('acts through the T cells: with CD8 T cells depleted the IL-6-deficient metastases stay as large as the wild type', () => {
    const on = simulate(il6Preset(0.5)).arms;
    expect(last(on[DEPLETED].series.tumourVolume)).toBeGreaterThanOrEqual(0.85 * last(on[HIGH].series.tumourVolume));
  });
});
