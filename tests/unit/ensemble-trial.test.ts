import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cohortStatistics, runCohortBlock } from '../../src/model/cohort';
import {
  ensembleScenario,
  ensembleTrial,
  ensembleTrialDraw,
  summariseEnsembleTrial,
} from '../../src/model/ensemble-trial';
import { FITTED_PARAMETERS, TRIAL_POPULATION, TRIAL_POPULATION_VERSION } from '../../src/model/population';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Scenario } from '../../src/scenario/types';

function small(id: string, size: number): Scenario {
  const preset = presetById(id);
  if (!preset?.scenario.cohort) throw new Error(`preset ${id} missing`);
  return { ...preset.scenario, cohort: { ...preset.scenario.cohort, size, seed: 3 } };
}

describe('the trial across plausible models (the parameter ensemble)', () => {
  const scenario = small('imbrave150-trial', 30);

  it('a draw is reproducible and independent of how many draws are run; draws differ from each other', () => {
    const a = ensembleTrialDraw(scenario, 1, 2);
    expect(ensembleTrialDraw(scenario, 1, 2)).toEqual(a);
    expect(ensembleTrialDraw(scenario, 1, 0)).not.toEqual(a);
    expect(a.arms).toHaveLength(2);
    expect(a.comparisons).toHaveLength(1);
  });

  it("keeps the scenario's own parameter changes (the user fixed them) and draws every other parameter", () => {
    const fixed: Scenario = { ...scenario, parameters: { tCellKillRate: 0.5 } };
    const s = ensembleScenario(fixed, 1, 4);
    expect(s.parameters?.tCellKillRate).toBe(0.5);
    expect(s.parameters?.tCellDeath).toBeDefined();
    expect(s.parameters?.tCellDeath).not.toBe(ensembleScenario(fixed, 1, 5).parameters?.tCellDeath);
  });

  it('summarises each figure by its 2.5th, 50th and 97.5th percentiles over the draws', () => {
    const result = ensembleTrial(scenario, 4, 1);
    expect(result.draws).toBe(4);
    const hr = result.comparisons[0].hrPfs;
    expect(hr.low).not.toBeNull();
    expect(hr.low ?? 0).toBeLessThanOrEqual(hr.median ?? 0);
    expect(hr.median ?? 0).toBeLessThanOrEqual(hr.high ?? 0);
    for (const arm of result.arms) {
      expect(arm.orr.low ?? -1).toBeGreaterThanOrEqual(0);
      expect(arm.orr.high ?? 2).toBeLessThanOrEqual(1);
    }
  });

  it('a percentile that falls among draws whose median was not reached is "not reached" (null), never Infinity', () => {
    const pfs = [100, 110, 120, 130, null];
    const summaries = pfs.map((medianPfs, index) => ({
      index,
      arms: [{ orr: 0.2, medianPfs, medianOs: null, os12: 0.6 }],
      comparisons: [],
    }));
    const r = summariseEnsembleTrial(1, summaries);
    expect(r.arms[0].medianPfs).toMatchObject({ median: 120, high: null, notReached: 1, draws: 5 });
    expect(r.arms[0].medianPfs.low).toBeCloseTo(101, 9);
    expect(r.arms[0].medianOs).toMatchObject({ low: null, median: null, high: null, notReached: 5 });
  });
});

describe('the COX-2-inhibitor add-on is marked a hypothesis in the trial statistics and across plausible models', () => {
  it('in the arm that gets it, and only there', () => {
    const scenario = small('hcc-atezo-bev-trial', 10);
    const stats = cohortStatistics(scenario, runCohortBlock(scenario, 0, 10));
    expect(stats.arms.map((a) => a.hypothesis)).toEqual([false, true]);
    const spread = ensembleTrial(scenario, 1, 1);
    expect(spread.arms.map((a) => a.hypothesis)).toEqual([false, true]);
  });
});

describe('the population file', () => {
  it('is what the model uses: every fitted and fixed value of src/model/trial-population.json, and nothing else', () => {
    const file = JSON.parse(readFileSync('src/model/trial-population.json', 'utf8'));
    expect(TRIAL_POPULATION_VERSION).toBe(file.version);
    expect({ ...TRIAL_POPULATION }).toEqual({ ...file.fixed, ...file.fitted });
    expect(Object.keys(file.fitted).sort()).toEqual([...FITTED_PARAMETERS].sort());
  });
});
