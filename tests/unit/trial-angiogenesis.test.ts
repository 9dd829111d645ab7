/**
 * The virtual HCC trial's share of tumour growth that depends on angiogenesis (population angiogenesisGrowthDependence,
 * fitted since version 9 within the parameter's documented patient range; docs/model.md, "Virtual cohort"): every
 * patient carries it, and it is what lets bevacizumab (and sorafenib, on VEGFR) slow a tumour from the first day.
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
const population = (angiogenesisGrowthDependence: number): TrialPopulation => ({
  ...TRIAL_POPULATION,
  angiogenesisGrowthDependence,
});
const PD = 3; // RESPONSE_CODES: CR, PR, SD, PD, NE

describe("the trial's angiogenesis dependence", () => {
  it("is fitted inside the parameter's documented patient range, and every patient carries the population's value", () => {
    const row = PARAMETERS.find((p) => p.id === 'angiogenesisGrowthDependence');
    expect(FIT_BOUNDS.angiogenesisGrowthDependence).toEqual(row?.patientRange);
    const [lo, hi] = FIT_BOUNDS.angiogenesisGrowthDependence;
    expect(TRIAL_POPULATION.angiogenesisGrowthDependence).toBeGreaterThanOrEqual(lo);
    expect(TRIAL_POPULATION.angiogenesisGrowthDependence).toBeLessThanOrEqual(hi);
    for (const p of cohortPatients(trial(20), 0, 20, population(0.45)))
      expect(p.overrides.angiogenesisGrowthDependence).toBe(0.45);
  });

  it('a larger dependence gives atezolizumab + bevacizumab fewer primary progressors and leaves untreated patients alone', () => {
    const n = 300;
    const low = runCohortBlock(trial(n), 0, n, undefined, population(0.15));
    const high = runCohortBlock(trial(n), 0, n, undefined, population(0.55));
    const count = (codes: Uint8Array, code: number) => codes.reduce((k, c) => k + (c === code ? 1 : 0), 0);
    const pdLow = count(low.arms[1].best, PD);
    const pdHigh = count(high.arms[1].best, PD);
    console.log(`atezo/bev PD, dependence 0.15 / 0.55: ${pdLow} / ${pdHigh} of ${n}`);
    expect(pdHigh).toBeLessThan(pdLow);
    // the untreated arm blocks no VEGF: the same patients, bit for bit
    expect(Array.from(high.arms[2].pfsDays)).toEqual(Array.from(low.arms[2].pfsDays));
    expect(Array.from(high.arms[2].bestChange)).toEqual(Array.from(low.arms[2].bestChange));
  });
});
