/**
 * Tumour-cell mechanisms of the second model (docs/model.md, "Tumour cells: EGFR status, resistance, cure as a
 * probability"): the graded IGF-1R window, relapse on continuous osimertinib, the EGFR status, and immunotherapy
 * resistance. Named after the behaviour each proves.
 */
import { describe, expect, it } from 'vitest';
import { simulate, valueAt } from '../../src/model/simulate';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Scenario } from '../../src/scenario/types';

function presetScenario(id: string): Scenario {
  const preset = presetById(id);
  if (!preset) throw new Error(`no preset ${id}`);
  return structuredClone(preset.scenario);
}

describe('seed 003: cure as a probability and resistance that comes (EGFR-mutant lung, xenograft)', () => {
  it('S4.5 the probability of eradication rises gradually with the IGF-1R window (days 0–3 … 0–8), with no cliff, and levels off once the persisters present at the start are gone', () => {
    const s = presetScenario('osimertinib-igf1r');
    const osi = s.arms[1].treatments.osimertinib;
    const igf = s.arms[2].treatments.igf1ri;
    if (!osi || !igf) throw new Error('preset schedules missing');
    const windows = [3, 4, 5, 6, 7, 8, 10, 12, 15, 20];
    s.arms = windows.map((w) => ({
      name: `0–${w}`,
      inputs: {},
      treatments: { osimertinib: osi, igf1ri: { ...igf, stop: w } },
    }));
    const p = simulate(s).arms.map((a) => a.summary.eradicationProbability);
    // never lower with a longer window (to the solver's tolerance once it has levelled off: the lineage weights'
    // absolute tolerance, 1e-5, bounds P(eradication)'s; the arms of the plateau take different steps, their own
    // IGF-1R stop day, and differ by up to 5e-6, where a run at rtol 1e-9 gives them equal to 1e-7)
    for (let i = 1; i < p.length; i++) expect(p[i]).toBeGreaterThanOrEqual(p[i - 1] - 1e-5);
    const at = (w: number) => p[windows.indexOf(w)];
    expect(at(3)).toBeLessThan(0.05);
    expect(at(4)).toBeLessThan(at(5));
    expect(at(5)).toBeLessThan(at(7));
    expect(at(10)).toBeGreaterThan(0.75);
    expect(at(20)).toBeGreaterThan(0.9);
    // the persisters are gone by then: 20 days add nothing to 10 (S4.3: little extra control for more toxicity)
    expect(at(20) - at(10)).toBeLessThan(0.01);
    // graded: one more day of IGF-1R inhibition never moves the probability from ~0 to ~1
    for (let i = 1; i < 6; i++) expect(p[i] - p[i - 1]).toBeLessThan(0.75);
  });

  it('an EGFR-mutant graft has its persisters before the drug (persisterFraction of its cells at day 0); osimertinib does not add to them (mouse persisterEntry 0)', () => {
    const s = presetScenario('osimertinib-igf1r');
    s.arms = [s.arms[0], s.arms[1]];
    const [untreated, osi] = simulate(s).arms;
    const p0 = osi.series.persisterVolume[0] / osi.series.tumourVolume[0];
    expect(p0).toBeCloseTo(1.5e-3, 6);
    expect(untreated.series.persisterVolume[0]).toBe(osi.series.persisterVolume[0]);
    // under the drug the persisters only decline (basal death, acquisition, the little reversion the drug allows)
    for (let k = 1; k < osi.t.length && osi.t[k] <= 40; k++)
      expect(osi.series.persisterVolume[k]).toBeLessThanOrEqual(osi.series.persisterVolume[k - 1] * (1 + 1e-9));
    expect(valueAt(osi.t, osi.series.persisterVolume, 40)).toBeGreaterThan(0.3 * osi.series.persisterVolume[0]);
  });

  it('S4.8 the 10-day IGF-1R window most likely eradicates across the drawn osimertinib kill (1.12–2.08/day) and fails below about 0.7/day', () => {
    const s = presetScenario('osimertinib-igf1r');
    s.arms = [s.arms[2]];
    const p = (osimertinibKill: number) =>
      simulate(s, { parameterOverrides: { osimertinibKill } }).arms[0].summary.eradicationProbability;
    expect(p(1.12)).toBeGreaterThan(0.75);
    expect(p(2.08)).toBeGreaterThan(0.75);
    expect(p(0.8)).toBeGreaterThan(0.75);
    // the sensitive cells must be gone by day 40, not by day 10 when the window closes
    expect(p(0.6)).toBeLessThan(0.1);
  });

  it('S4.6 continuous osimertinib relapses: resistant clones grow out during treatment', () => {
    const s = presetScenario('osimertinib-igf1r');
    const osi = s.arms[1].treatments.osimertinib;
    if (!osi) throw new Error('preset schedule missing');
    s.arms = [{ name: 'Osimertinib continuous', inputs: {}, treatments: { osimertinib: { ...osi, stop: 150 } } }];
    const arm = simulate(s).arms[0];
    expect(valueAt(arm.t, arm.series.tumourVolume, 40)).toBeLessThan(1);
    expect(valueAt(arm.t, arm.series.tumourVolume, 150)).toBeGreaterThan(valueAt(arm.t, arm.series.tumourVolume, 0));
    expect(valueAt(arm.t, arm.series.resistantVolume, 150)).toBeGreaterThan(
      0.5 * valueAt(arm.t, arm.series.tumourVolume, 150),
    );
    expect(arm.summary.eradicationProbability).toBeLessThan(0.01);
  });

  it('S4.7 if osimertinib killed live cells only as fast as measured graft volumes shrink, the graft would regress by about 90 % in 40 days and no IGF-1R window would eradicate it', () => {
    // Martin, Aarons & Yates 2018 (docs/model.md, "Osimertinib's kill in the xenograft"): volume loss 0.150/day at
    // 5 mg/kg, i.e. k = 0.163/day at the mouse occupancy 0.91, with the net growth 0.0855/day fitted with it
    const measured = { osimertinibKill: 0.163, sensitiveGrowthRate: 0.0855 };
    const s = presetScenario('osimertinib-igf1r');
    const osi = s.arms[1].treatments.osimertinib;
    const igf = s.arms[2].treatments.igf1ri;
    if (!osi || !igf) throw new Error('preset schedules missing');
    s.arms = [
      { name: 'osimertinib 40 d', inputs: {}, treatments: { osimertinib: osi } },
      ...[10, 40].map((w) => ({
        name: `+ IGF-1R inhibitor 0–${w}`,
        inputs: {},
        treatments: { osimertinib: osi, igf1ri: { ...igf, stop: w } },
      })),
    ];
    const [alone, ten, forty] = simulate(s, { parameterOverrides: measured }).arms;
    const shrink = valueAt(alone.t, alone.series.tumourVolume, 40) / valueAt(alone.t, alone.series.tumourVolume, 0);
    expect(shrink).toBeGreaterThan(0.03);
    expect(shrink).toBeLessThan(0.3);
    expect(ten.summary.eradicationProbability).toBeLessThan(0.01);
    expect(forty.summary.eradicationProbability).toBeLessThan(0.01);
    // at the default (chosen) kill of 1.6/day the same 10-day window most likely eradicates (S4.2)
    const atDefault = simulate({ ...s, arms: [s.arms[1]] }).arms[0];
    expect(atDefault.summary.eradicationProbability).toBeGreaterThan(0.75);
  });
});

describe('EGFR status: osimertinib acts only on EGFR-mutant tumours (review finding 1)', () => {
  const untreated = (setting: Scenario['setting'], egfr?: 'mutant' | 'wild-type', osi = 0): Scenario => {
    const base = presetScenario(setting === 'hcc-patient' ? 'imbrave150' : 'nrf2-atezo-bev');
    const dose = setting === 'hcc-patient' ? 80 : 5;
    return {
      ...base,
      setting,
      horizon: setting === 'hcc-patient' ? 540 : 28,
      inputs: { ...base.inputs, nrf2: 0, ...(egfr ? { egfr } : {}) },
      arms: [
        { name: 'untreated', inputs: {}, treatments: {} },
        {
          name: 'osimertinib',
          inputs: {},
          treatments: osi ? { osimertinib: { dose, start: 0, stop: 540, interval: 1 } } : {},
        },
      ],
    };
  };

  it("osimertinib does nothing to a wild-type HCC (mouse and patient) or CRC, the settings' default", () => {
    for (const setting of ['hcc-mouse', 'hcc-patient', 'crc-liver'] as const) {
      const [a, b] = simulate(untreated(setting, undefined, 1)).arms;
      expect(b.summary.volumeEnd / a.summary.volumeEnd).toBeCloseTo(1, 6);
      expect(b.summary.eradicationProbability).toBe(0);
    }
  });

  it('a student who makes the HCC EGFR-mutant sees osimertinib act (the status, not the setting, decides)', () => {
    const [a, b] = simulate(untreated('hcc-mouse', 'mutant', 1)).arms;
    expect(b.summary.volumeEnd).toBeLessThan(0.1 * a.summary.volumeEnd);
    expect(Math.max(...b.series.persisterVolume)).toBeGreaterThan(0);
  });

  it('an EGFR-wild-type lung xenograft makes no persisters and does not respond to osimertinib', () => {
    const s = presetScenario('osimertinib-igf1r');
    s.inputs = { ...s.inputs, egfr: 'wild-type' };
    s.arms = [s.arms[0], s.arms[1]];
    const [a, b] = simulate(s).arms;
    expect(b.summary.volumeEnd / a.summary.volumeEnd).toBeCloseTo(1, 6);
    expect(Math.max(...b.series.persisterVolume)).toBe(0);
  });
});

describe('immunotherapy resistance: cure is not the default (review finding 2)', () => {
  it('four cycles of atezolizumab + bevacizumab shrink an advanced HCC but do not eradicate it: escape variants regrow within 5 years', () => {
    const base = presetScenario('imbrave150');
    const four = { dose: 0, start: 0, stop: 84, interval: 21 };
    const s: Scenario = {
      ...base,
      horizon: 1825,
      inputs: { ...base.inputs, nrf2: 0 },
      arms: [
        {
          name: 'atezo/bev x4',
          inputs: {},
          treatments: { atezolizumab: { ...four, dose: 1200 }, bevacizumab: { ...four, dose: 15 } },
        },
      ],
    };
    const arm = simulate(s).arms[0];
    const v = arm.series.tumourVolume;
    const nadir = Math.min(...v);
    expect(nadir).toBeLessThan(0.01 * v[0]);
    expect(arm.summary.eradicationProbability).toBeLessThan(0.01);
    expect(v[v.length - 1]).toBeGreaterThan(100 * nadir);
    expect(Math.max(...arm.series.escapeVolume)).toBeGreaterThan(0.5 * v[v.length - 1]);
  });
});
