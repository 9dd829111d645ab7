/**
 * The claims of the five studies (shared science summary, "Claims a correct model reproduces") and the assertions of
 * the model brief's section C, each a named test run on the presets that mirror the experiments.
 */
import { describe, expect, it } from 'vitest';
import type { ArmResult, SeriesName } from '../../src/model/series';
import { simulate, valueAt } from '../../src/model/simulate';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Scenario } from '../../src/scenario/types';

function run(scenario: Scenario): Map<string, ArmResult> {
  const result = simulate(scenario);
  return new Map(result.arms.map((a) => [a.name, a]));
}

function presetScenario(id: string): Scenario {
  const preset = presetById(id);
  if (!preset) throw new Error(`no preset ${id}`);
  return structuredClone(preset.scenario);
}

function at(arms: Map<string, ArmResult>, arm: string, series: SeriesName, day: number): number {
  const a = arms.get(arm);
  if (!a) throw new Error(`no arm ${arm}; arms: ${[...arms.keys()].join(', ')}`);
  return valueAt(a.t, a.series[series], day);
}

describe('seed 000: NRF2 -> COX-2 -> PGE2 and atezolizumab + bevacizumab (HCC, mice)', () => {
  const arms = run(presetScenario('nrf2-atezo-bev'));
  const v = (arm: string, day = 28) => at(arms, arm, 'tumourVolume', day);
  const ratio = (treated: string, control: string) => v(treated) / v(control);

  it('S1.1 NRF2-high tumours have less than half the intratumoral CD8 T cells before treatment (day 14)', () => {
    expect(at(arms, 'NRF2-high, untreated', 'cd8', 14) / at(arms, 'NRF2-low, untreated', 'cd8', 14)).toBeLessThan(0.5);
  });

  it('S1.2 atezolizumab + bevacizumab works in NRF2-low tumours (day-28 volume <= 0.4 x untreated)', () => {
    expect(ratio('NRF2-low, atezo/bev', 'NRF2-low, untreated')).toBeLessThanOrEqual(0.4);
  });

  it('S1.3 NRF2-high tumours resist atezolizumab + bevacizumab (day-28 volume >= 0.7 x untreated)', () => {
    expect(ratio('NRF2-high, atezo/bev', 'NRF2-high, untreated')).toBeGreaterThanOrEqual(0.7);
  });

  it('claim 1: under atezo/bev NRF2-high tumours shrink less, have fewer and sparser T cells, and more plasma PGE2', () => {
    expect(v('NRF2-high, atezo/bev')).toBeGreaterThan(2 * v('NRF2-low, atezo/bev'));
    expect(at(arms, 'NRF2-high, atezo/bev', 'cd8PerTumourCell', 21)).toBeLessThan(
      at(arms, 'NRF2-low, atezo/bev', 'cd8PerTumourCell', 21),
    );
    expect(at(arms, 'NRF2-high, atezo/bev', 'pge2Plasma', 14)).toBeGreaterThan(
      2 * at(arms, 'NRF2-low, atezo/bev', 'pge2Plasma', 14),
    );
  });

  it('S1.4 / claim 2: adding a COX-2 inhibitor restores T-cell infiltration and tumour control in NRF2-high tumours', () => {
    expect(at(arms, 'NRF2-high, atezo/bev + COX-2i', 'cd8', 14)).toBeGreaterThan(
      2 * at(arms, 'NRF2-high, atezo/bev', 'cd8', 14),
    );
    expect(ratio('NRF2-high, atezo/bev + COX-2i', 'NRF2-high, untreated')).toBeLessThanOrEqual(0.3);
    // "most of the tumour control seen with NRF2 low": at least as small as NRF2-low under atezo/bev alone
    expect(v('NRF2-high, atezo/bev + COX-2i')).toBeLessThanOrEqual(v('NRF2-low, atezo/bev'));
  });

  it('S1.5 the treated tumour grows monotonically larger as NRF2 activation rises', () => {
    const base = presetScenario('nrf2-atezo-bev');
    const treated = base.arms[1];
    const levels = [0, 0.25, 0.5, 0.75, 1];
    const volumes = levels.map((nrf2) => {
      const s: Scenario = { ...base, arms: [{ ...treated, inputs: { nrf2 } }] };
      return simulate(s).arms[0].summary.volumeEnd;
    });
    for (let i = 1; i < volumes.length; i++) expect(volumes[i]).toBeGreaterThan(volumes[i - 1]);
  });
});

describe('seed 001: NEAT1 -> CD24 -> macrophages and anti-PD-1 (HCC, mice)', () => {
  const arms = run(presetScenario('neat1-cd24'));
  const v = (arm: string) => at(arms, arm, 'tumourVolume', 15);
  const ratio = (arm: string) => v(arm) / v('NEAT1-high, untreated');

  it('S2.1 / claim 3: NEAT1-high tumours grow faster, with a lower M1 fraction', () => {
    expect(v('NEAT1-high, untreated')).toBeGreaterThan(v('NEAT1-low, untreated'));
    expect(at(arms, 'NEAT1-high, untreated', 'm1Fraction', 15)).toBeLessThan(
      0.75 * at(arms, 'NEAT1-low, untreated', 'm1Fraction', 15),
    );
  });

  it('S2.2 / claim 4: anti-PD-1 alone and anti-CD24 alone leave NEAT1-high tumours close to untreated (>= 0.85)', () => {
    expect(ratio('NEAT1-high, anti-PD-1')).toBeGreaterThanOrEqual(0.85);
    expect(ratio('NEAT1-high, anti-CD24')).toBeGreaterThanOrEqual(0.85);
  });

  it('S2.3 / claim 4: anti-PD-1 + anti-CD24 lowers NEAT1-high tumour volume clearly (<= 0.8 x the better monotherapy)', () => {
    const better = Math.min(v('NEAT1-high, anti-PD-1'), v('NEAT1-high, anti-CD24'));
    expect(v('NEAT1-high, anti-PD-1 + anti-CD24')).toBeLessThanOrEqual(0.8 * better);
  });

  it('S2.4 NEAT1 creates anti-PD-1 resistance: anti-PD-1 works better in NEAT1-low tumours', () => {
    const s = presetScenario('neat1-cd24');
    s.arms = [s.arms[0], { ...s.arms[2], name: 'NEAT1-low, anti-PD-1', inputs: { neat1: 0 } }];
    const low = run(s);
    const lowRatio =
      at(low, 'NEAT1-low, anti-PD-1', 'tumourVolume', 15) / at(low, 'NEAT1-low, untreated', 'tumourVolume', 15);
    expect(lowRatio).toBeLessThan(ratio('NEAT1-high, anti-PD-1'));
  });

  it('anti-CD24 restores the M1 fraction of NEAT1-high tumours', () => {
    expect(at(arms, 'NEAT1-high, anti-CD24', 'm1Fraction', 15)).toBeGreaterThan(
      1.5 * at(arms, 'NEAT1-high, untreated', 'm1Fraction', 15),
    );
  });
});

describe('seed 002: KEAP1/NRF2-mutant tumours (patients)', () => {
  const arms = run(presetScenario('keap1-nrf2-patients'));

  it('S3.1 a KEAP1/NRF2-mutant tumour fares worse than wild type under atezolizumab + bevacizumab', () => {
    const day = 365;
    expect(at(arms, 'KEAP1/NRF2-mutant, atezo/bev', 'tumourVolume', day)).toBeGreaterThan(
      at(arms, 'NRF2 wild type, atezo/bev', 'tumourVolume', day),
    );
  });
});

describe('seed 003: osimertinib and transient IGF-1R inhibition (EGFR-mutant lung, xenograft)', () => {
  const arms = run(presetScenario('osimertinib-igf1r'));
  const cells = (arm: string, series: SeriesName, day: number) => at(arms, arm, series, day) * 1e6;

  it('S4.1 / claim 5: osimertinib alone shrinks the tumour, leaves persisters and relapses after stopping', () => {
    const osi = 'Osimertinib 40 d';
    expect(at(arms, osi, 'tumourVolume', 40)).toBeLessThan(0.01 * at(arms, osi, 'tumourVolume', 0));
    expect(cells(osi, 'persisterVolume', 40)).toBeGreaterThan(1000);
    expect(at(arms, osi, 'tumourVolume', 100)).toBeGreaterThan(100 * at(arms, osi, 'tumourVolume', 40));
    expect(at(arms, osi, 'tumourVolume', 150)).toBeGreaterThan(at(arms, osi, 'tumourVolume', 0));
  });

  it('S4.2 / claim 5: osimertinib 40 days + IGF-1R inhibitor on 10 of them eradicates the tumour with no regrowth to day 150', () => {
    const arm = arms.get('Osimertinib + IGF-1R inhibitor days 0–10');
    expect(arm?.summary.dayEradicated).not.toBeNull();
    expect(arm?.summary.dayEradicated).toBeLessThanOrEqual(40);
    expect(at(arms, 'Osimertinib + IGF-1R inhibitor days 0–10', 'tumourVolume', 150)).toBe(0);
  });

  it('S4.3 / claim 5: IGF-1R inhibition for all 40 days gains no tumour control but accumulates about 4x the toxicity', () => {
    const ten = arms.get('Osimertinib + IGF-1R inhibitor days 0–10');
    const forty = arms.get('Osimertinib + IGF-1R inhibitor days 0–40');
    expect(forty?.summary.volumeEnd).toBe(0);
    expect(ten?.summary.volumeEnd).toBe(0);
    const toxicityRatio = (forty?.summary.igf1rToxicity ?? 0) / (ten?.summary.igf1rToxicity ?? 1);
    expect(toxicityRatio).toBeGreaterThan(3.5);
    expect(toxicityRatio).toBeLessThan(4.5);
  });

  it('S4.4 AXL-high tumours relapse despite the transient combination', () => {
    const arm = 'AXL-high: osimertinib + IGF-1R inh. 0–10';
    expect(at(arms, arm, 'tumourVolume', 150)).toBeGreaterThan(at(arms, arm, 'tumourVolume', 40));
    expect(at(arms, arm, 'tumourVolume', 150)).toBeGreaterThan(1);
  });
});

describe('seed 004: IL-6, dendritic cells and anti-PD-L1 (colorectal liver metastasis, mice)', () => {
  const arms = run(presetScenario('il6-pdl1'));
  const v = (arm: string) => at(arms, arm, 'tumourVolume', 28);

  it('S5.1 / claim 6: IL-6-deficient tumours have more mature DCs and more CD8 T cells (priming is higher)', () => {
    expect(at(arms, 'IL-6 deficient, untreated', 'dcMaturation', 21)).toBeGreaterThan(
      1.5 * at(arms, 'IL-6 high, untreated', 'dcMaturation', 21),
    );
    expect(at(arms, 'IL-6 deficient, untreated', 'cd8', 21)).toBeGreaterThan(
      1.5 * at(arms, 'IL-6 high, untreated', 'cd8', 21),
    );
  });

  it('claim 6: IL-6-deficient tumours express more PD-L1 (IFN-driven adaptive escape)', () => {
    expect(at(arms, 'IL-6 deficient, untreated', 'pdl1', 21)).toBeGreaterThan(
      at(arms, 'IL-6 high, untreated', 'pdl1', 21),
    );
  });

  it('S5.2 IL-6-deficient untreated tumours are smaller', () => {
    expect(v('IL-6 deficient, untreated')).toBeLessThan(v('IL-6 high, untreated'));
  });

  it('S5.3 depleting CD8 T cells abolishes the IL-6-deficient advantage', () => {
    expect(v('IL-6 deficient, CD8 depleted')).toBeGreaterThanOrEqual(v('IL-6 high, untreated'));
  });

  it('S5.4 / claim 6: anti-PD-L1 controls IL-6-deficient tumours much better than IL-6-high tumours', () => {
    const low = v('IL-6 deficient, anti-PD-L1') / v('IL-6 deficient, untreated');
    const high = v('IL-6 high, anti-PD-L1') / v('IL-6 high, untreated');
    expect(low).toBeLessThan(0.7);
    expect(high).toBeGreaterThan(0.85);
  });

  it('S5.5 IL-6 blockade and PD-L1 blockade are synergistic (Bliss)', () => {
    const s = presetScenario('il6-pdl1');
    s.arms = [
      s.arms[0],
      { name: 'IL-6 high, anti-IL-6', inputs: {}, treatments: { antiIL6: s.arms[2].treatments.antiIL6 } },
    ];
    const mono = run(s);
    const il6Only = at(mono, 'IL-6 high, anti-IL-6', 'tumourVolume', 28) / v('IL-6 high, untreated');
    const pdl1Only = v('IL-6 high, anti-PD-L1') / v('IL-6 high, untreated');
    const both = v('IL-6 high, anti-IL-6 + anti-PD-L1') / v('IL-6 high, untreated');
    expect(both).toBeLessThan(il6Only * pdl1Only);
  });
});
