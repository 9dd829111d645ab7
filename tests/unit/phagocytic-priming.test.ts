/**
 * phagocyticPriming (docs/model.md, "Equations" and "Macrophage priming"; seed 001's glossary; Tseng et al., PNAS 2013):
 * macrophages that engulf tumour cells present their antigens to T cells, so the share of T-cell priming that needs
 * phagocytosis is lost where CD24 blocks it. It is on in the HCC mouse setting only.
 */
import { describe, expect, it } from 'vitest';
import { settingParameters } from '../../src/model/settings';
import { simulate } from '../../src/model/simulate';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Scenario } from '../../src/scenario/types';

function preset(id: string, value: number): Scenario {
  const p = presetById(id);
  if (!p) throw new Error(`no preset ${id}`);
  const s = structuredClone(p.scenario);
  s.parameters = { ...s.parameters, phagocyticPriming: value };
  return s;
}

const last = (v: ArrayLike<number>): number => v[v.length - 1];
// arms of neat1-cd24: 0 NEAT1-low, 1 NEAT1-high untreated, 2 anti-PD-1, 3 anti-CD24, 4 both
const LOW = 0;
const HIGH = 1;
const PD1 = 2;
const CD24 = 3;

describe('macrophage phagocytosis primes T cells (phagocyticPriming)', () => {
  it('is half of the priming in the HCC mouse setting and off in the colorectal liver and patient settings', () => {
    expect(settingParameters('hcc-mouse').phagocyticPriming).toBe(0.5);
    for (const setting of ['crc-liver', 'hcc-patient', 'lung-patient'] as const)
      expect(settingParameters(setting).phagocyticPriming, setting).toBe(0);
  });

  it('leaves NEAT1-high (CD24-high) grafts with fewer CD8 T cells per tumour cell, NEAT1-low grafts nearly as they were', () => {
    const off = simulate(preset('neat1-cd24', 0)).arms;
    const on = simulate(preset('neat1-cd24', 0.5)).arms;
    expect(last(on[HIGH].series.cd8PerTumourCell)).toBeLessThan(0.8 * last(off[HIGH].series.cd8PerTumourCell));
    const lowChange = last(on[LOW].series.cd8PerTumourCell) / last(off[LOW].series.cd8PerTumourCell);
    expect(lowChange).toBeGreaterThan(0.9);
    expect(lowChange).toBeLessThanOrEqual(1);
  });

  it('so anti-PD-1 alone does less in NEAT1-high grafts, and anti-CD24 restores the priming', () => {
    const off = simulate(preset('neat1-cd24', 0)).arms;
    const on = simulate(preset('neat1-cd24', 0.5)).arms;
    const pd1Effect = (arms: typeof on) => last(arms[PD1].series.tumourVolume) / last(arms[HIGH].series.tumourVolume);
    expect(pd1Effect(on)).toBeGreaterThan(pd1Effect(off));
    // blocking CD24 frees the phagocytosis, so the priming lost to CD24 comes back
    const restored = last(on[CD24].series.cd8PerTumourCell) / last(off[CD24].series.cd8PerTumourCell);
    expect(restored).toBeGreaterThan(0.95);
  });
});
