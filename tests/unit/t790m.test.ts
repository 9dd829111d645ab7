/**
 * EGFR T790M cells and the first-generation inhibitor (docs/model.md, "T790M and the first-generation inhibitors"):
 * gefitinib kills cells with the sensitising mutation but not T790M cells, osimertinib kills both; nothing changes
 * for a tumour without gefitinib; the lung patients' T790M shares follow the digital-PCR distribution.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model';
import { sampleLungPatients } from '../../src/model/cohort';
import { TumourImmuneModel } from '../../src/model/equations';
import { settingParameters } from '../../src/model/settings';
import { buildArmProblem } from '../../src/model/simulate';
import { SENSITIVE, STATE_SIZE, T790M } from '../../src/model/state';
import { DRUG_IDS, type Scenario } from '../../src/scenario/types';

const INPUTS: Scenario['inputs'] = { nrf2: 0, neat1: 0, il6: 0.1, axl: 'low', cd8Depleted: false };

function lungScenario(treatments: Scenario['arms'][number]['treatments'], horizon = 360): Scenario {
  return {
    setting: 'lung-patient',
    horizon,
    outputStep: 30,
    inputs: { ...INPUTS },
    arms: [{ name: 'arm', inputs: {}, treatments }],
  };
}

const GEFITINIB = { gefitinib: { dose: 250, start: 0, stop: 720, interval: 1 } };
const OSIMERTINIB = { osimertinib: { dose: 80, start: 0, stop: 720, interval: 1 } };

describe('EGFR T790M and the first-generation inhibitor (gefitinib)', () => {
  it('gefitinib kills sensitive cells but not T790M cells; osimertinib kills both', () => {
    // a lung patient whose tumour is one tenth T790M at the start
    const overrides = { t790mFraction: 0.1 };
    const run = (treatments: Scenario['arms'][number]['treatments']) =>
      simulate(lungScenario(treatments), { parameterOverrides: overrides }).arms[0];
    const untreated = run({});
    const gefitinib = run(GEFITINIB);
    const osimertinib = run(OSIMERTINIB);
    const last = (a: ArrayLike<number>) => a[a.length - 1];
    expect(gefitinib.series.t790mVolume[0]).toBeGreaterThan(0);
    // sensitive cells fall on either drug
    expect(last(gefitinib.series.sensitiveVolume)).toBeLessThan(0.5 * gefitinib.series.sensitiveVolume[0]);
    expect(last(osimertinib.series.sensitiveVolume)).toBeLessThan(0.5 * osimertinib.series.sensitiveVolume[0]);
    // T790M cells grow on gefitinib nearly as without treatment (a little slower: a smaller tumour meets more immune
    // killing per cell), and fall on osimertinib
    expect(last(gefitinib.series.t790mVolume)).toBeGreaterThan(gefitinib.series.t790mVolume[0]);
    expect(last(gefitinib.series.t790mVolume)).toBeGreaterThan(0.75 * last(untreated.series.t790mVolume));
    expect(last(osimertinib.series.t790mVolume)).toBeLessThan(0.5 * osimertinib.series.t790mVolume[0]);
    // so the same tumour ends larger on gefitinib
    expect(last(gefitinib.series.tumourVolume)).toBeGreaterThan(last(osimertinib.series.tumourVolume));
  });

  it("gefitinib kills at its own potency (gefitinibRelativeKill), and osimertinib's arm does not depend on it", () => {
    const run = (treatments: Scenario['arms'][number]['treatments'], gefitinibRelativeKill: number) =>
      simulate(lungScenario(treatments, 84), { parameterOverrides: { gefitinibRelativeKill } }).arms[0].series;
    const day84 = (a: ArrayLike<number>) => a[a.length - 1];
    const weak = day84(run(GEFITINIB, 0.5).sensitiveVolume);
    const strong = day84(run(GEFITINIB, 1.5).sensitiveVolume);
    expect(strong).toBeLessThan(0.5 * weak);
    expect(run(OSIMERTINIB, 0.5).tumourVolume).toEqual(run(OSIMERTINIB, 1.5).tumourVolume);
  });

  it('the right-hand side: gefitinib takes no T790M cell, and leaves every derivative as it was when it is absent', () => {
    const scenario = lungScenario(GEFITINIB);
    const problem = buildArmProblem(scenario, scenario.arms[0], { parameterOverrides: { t790mFraction: 0.1 } });
    const p = problem.model.p;
    const y = Float64Array.from(problem.y0);
    const model = new TumourImmuneModel(
      p,
      problem.model.inputs,
      problem.model.halfMaximal,
      problem.model.drugs.elimination,
    );
    const withDrug = new Float64Array(STATE_SIZE);
    const without = new Float64Array(STATE_SIZE);
    // gefitinib at its 250 mg average level (392 nM), nothing else
    model.drugs.start.fill(0);
    model.drugs.input.fill(0);
    model.derivatives(0, y, without);
    const slot = DRUG_IDS.indexOf('gefitinib');
    model.drugs.start[slot] = 392;
    model.derivatives(0, y, withDrug);
    // T790M cells: the same derivative with and without gefitinib (no kill; the persister flux is that of day 0's
    // empty persister pool)
    expect(withDrug[T790M]).toBeCloseTo(without[T790M], 6);
    expect(withDrug[SENSITIVE]).toBeLessThan(without[SENSITIVE]);
  });

  it('without gefitinib the model is the one before T790M cells existed: an osimertinib trajectory does not depend on them', () => {
    const scenario = lungScenario(OSIMERTINIB, 720);
    const none = simulate(scenario, { parameterOverrides: { t790mFraction: 0 } }).arms[0];
    const some = simulate(scenario, { parameterOverrides: { t790mFraction: 7.5e-5 } }).arms[0];
    none.series.tumourVolume.forEach((v, k) => {
      expect(Math.abs(some.series.tumourVolume[k] - v) / v).toBeLessThan(1e-3);
    });
  });

  it('persisters under gefitinib acquire T790M at t790mAcquisition: none without it, more the faster it is', () => {
    // no pre-existing T790M cells, so every T790M cell at the end came from a persister that acquired it
    const scenario = lungScenario(GEFITINIB, 720);
    const t790mAt = (t790mAcquisition: number) => {
      const arm = simulate(scenario, { parameterOverrides: { t790mFraction: 0, t790mAcquisition } }).arms[0];
      return arm.series.t790mVolume[arm.series.t790mVolume.length - 1];
    };
    expect(t790mAt(0)).toBe(0);
    const slow = t790mAt(1e-4);
    const fast = t790mAt(1e-3);
    expect(slow).toBeGreaterThan(0);
    expect(fast).toBeGreaterThan(2 * slow);
  });

  it("the lung patients' T790M shares follow the digital-PCR distribution: about 38.5 % above 0.02 %, median 7.5e-5", () => {
    const patients = sampleLungPatients(
      { size: 2000, seed: 3, cancer: 'lung', assessmentInterval: 42, pge2Cutoff: 100 },
      {
        ...INPUTS,
        egfr: 'mutant',
      },
    );
    const shares = patients.map((p) => p.overrides.t790mFraction as number).sort((a, b) => a - b);
    const above = shares.filter((s) => s > 2e-4).length / shares.length;
    expect(above).toBeGreaterThan(0.385 - 0.035);
    expect(above).toBeLessThan(0.385 + 0.035);
    const median = shares[shares.length / 2];
    expect(median).toBeGreaterThan(7.5e-5 / 1.5);
    expect(median).toBeLessThan(7.5e-5 * 1.5);
    expect(shares[shares.length - 1]).toBeLessThanOrEqual(0.3);
    expect(settingParameters('hcc-mouse').t790mFraction).toBe(0);
  });
});
