/**
 * The virtual HCC trial's share of tumour growth that depends on angiogenesis (the setting's angiogenesisGrowthDependence
 * times the population's angiogenesisScale, fitted since version 9 so that the share stays inside the parameter's
 * documented patient range; docs/model.md, "Virtual cohort"): every patient carries it, a scenario's own change of the
 * share reaches them, and it is what lets bevacizumab (and sorafenib, on VEGFR) slow a tumour from the first day.
 */
import { describe, expect, it } from 'vitest';
import { cohortPatients, runCohortBlock } from '../../src/model/cohort';
import { PARAMETERS } from '../../src/model/parameters';
import { FIT_BOUNDS, TRIAL_POPULATION, type TrialPopulation } from '../../src/model/population';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Scenario } from '../../src/scenario/types';

const preset = presetById('imbrave150-trial');
if (!preset?.scenario.cohort) throw new Error('preset imbrave150-trial missing');
/** IMbrave150's two arms and an untreated one, on `size` patients of seed 5. */
const trial = (size: number): Scenario => ({
  ...preset.scenario,
  arms: [...preset.scenario.arms, { name: 'Untreated', inputs: {}, treatments: {} }],
  cohort: { ...(preset.scenario.cohort ?? { cancer: 'hcc', assessmentInterval: 42, pge2Cutoff: 100 }), size, seed: 5 },
});
const population = (angiogenesisScale: number): TrialPopulation => ({ ...TRIAL_POPULATION, angiogenesisScale });
const SETTING_SHARE = 0.3; // the hcc-patient setting's angiogenesisGrowthDependence
const PD = 3; // RESPONSE_CODES: CR, PR, SD, PD, NE

describe("the trial's angiogenesis dependence", () => {
  it("keeps the share inside the parameter's documented patient range, and every patient carries it", () => {
    const row = PARAMETERS.find((p) => p.id === 'angiogenesisGrowthDependence');
    expect(row?.patient).toBe(SETTING_SHARE);
    const [lo, hi] = FIT_BOUNDS.angiogenesisScale;
    expect([SETTING_SHARE * lo, SETTING_SHARE * hi].map((v) => Number(v.toFixed(12)))).toEqual(row?.patientRange);
    expect(TRIAL_POPULATION.angiogenesisScale).toBeGreaterThanOrEqual(lo);
    expect(TRIAL_POPULATION.angiogenesisScale).toBeLessThanOrEqual(hi);
    for (const p of cohortPatients(trial(20), 0, 20, population(1.5)))
      expect(p.overrides.angiogenesisGrowthDependence).toBeCloseTo(0.45, 12);
  });

  it("multiplies a scenario's own share (a link's p.angiogenesisGrowthDependence, an ensemble draw) instead of replacing it", () => {
    const changed: Scenario = { ...trial(5), parameters: { angiogenesisGrowthDependence: 0.2 } };
    for (const p of cohortPatients(changed, 0, 5, population(1.5)))
      expect(p.overrides.angiogenesisGrowthDependence).toBeCloseTo(0.3, 12);
  });

  it('a larger dependence gives atezolizumab + bevacizumab fewer primary progressors and leaves untreated patients alone', () => {
    const n = 300;
    const low = runCohortBlock(trial(n), 0, n, undefined, population(0.5));
    const high = runCohortBlock(trial(n), 0, n, undefined, population(1.8));
    const count = (codes: Uint8Array, code: number) => codes.reduce((k, c) => k + (c === code ? 1 : 0), 0);
    const pdLow = count(low.arms[1].best, PD);
    const pdHigh = count(high.arms[1].best, PD);
    console.log(`atezo/bev PD, share 0.15 / 0.54: ${pdLow} / ${pdHigh} of ${n}`);
    expect(pdHigh).toBeLessThan(pdLow);
    // the untreated arm blocks no VEGF: the same patients, bit for bit
    expect(Array.from(high.arms[2].pfsDays)).toEqual(Array.from(low.arms[2].pfsDays));
    expect(Array.from(high.arms[2].bestChange)).toEqual(Array.from(low.arms[2].bestChange));
  });
});
