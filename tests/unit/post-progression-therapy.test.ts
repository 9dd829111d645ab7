/**
 * Post-progression therapy in the virtual HCC trial (population postProgressionGrowthShare, version 10; docs/model.md,
 * "Virtual cohort", "Overall survival"): after progression on a treated first line, the burden the death hazard reads
 * grows by only a share of the simulated lesion's log-growth since the progression scan (second-line therapy and care
 * slow the disease that kills). It moves overall survival and never progression-free survival.
 */
import { describe, expect, it } from 'vitest';
import { armRisk, patientOutcome, runCohortBlock } from '../../src/model/cohort';
import { TRIAL_POPULATION, type TrialPopulation } from '../../src/model/population';
import { deathDay } from '../../src/model/survival';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Scenario } from '../../src/scenario/types';

const days = [0, 42, 84, 126, 168, 210, 252, 294, 336];
/** a lesion that doubles every 42 days from 10 cm³ */
const growing = days.map((d) => 1e4 * 2 ** (d / 42));
const hazards = { backgroundHazard: 1e-4, burdenHazard: 2e-3, postProgressionHazard: 0 };

describe('the death hazard after progression with post-progression therapy', () => {
  it('is the simulated course with share 1 or without the share, to the last bit', () => {
    for (const draw of [0.05, 0.3, 1, 3]) {
      const without = deathDay(days, growing, 84, draw, hazards);
      expect(deathDay(days, growing, 84, draw, { ...hazards, postProgressionGrowthShare: 1 })).toBe(without);
    }
  });

  it('holds the burden at its progression-scan volume with share 0, and reads the course unchanged before progression', () => {
    // the course held flat from the progression scan (day 84) on
    const held = growing.map((v, k) => (days[k] >= 84 ? growing[2] : v));
    for (const draw of [0.3, 1, 2]) {
      expect(deathDay(days, growing, 84, draw, { ...hazards, postProgressionGrowthShare: 0 })).toBeCloseTo(
        deathDay(days, held, Number.POSITIVE_INFINITY, draw, hazards) ?? Number.NaN,
        9,
      );
    }
    // a death before the progression scan is the same day whatever the share
    const early = deathDay(days, growing, 84, 0.05, hazards);
    expect(early).not.toBeNull();
    expect(early).toBeLessThan(84);
    expect(deathDay(days, growing, 84, 0.05, { ...hazards, postProgressionGrowthShare: 0 })).toBe(early);
  });

  it('comes later the smaller the share, and never earlier than without it', () => {
    const at = (share: number) => deathDay(days, growing, 84, 2, { ...hazards, postProgressionGrowthShare: share });
    const d1 = at(1) ?? Number.POSITIVE_INFINITY;
    const d05 = at(0.5) ?? Number.POSITIVE_INFINITY;
    const d0 = at(0) ?? Number.POSITIVE_INFINITY;
    expect(d05).toBeGreaterThan(d1);
    expect(d0).toBeGreaterThan(d05);
  });

  it('leaves a lesion that shrinks after progression as simulated (no therapy makes it larger)', () => {
    const shrinking = days.map((d) => (d <= 84 ? 1e4 : 1e4 * 0.5 ** ((d - 84) / 42)));
    expect(deathDay(days, shrinking, 84, 0.5, { ...hazards, postProgressionGrowthShare: 0.2 })).toBe(
      deathDay(days, shrinking, 84, 0.5, hazards),
    );
  });
});

describe('post-progression therapy follows a treated first line only', () => {
  const patient = { deathDraw: 1.2, newLesionDraw: 50, residual: 1, withdrawalDraw: 50 };
  const population = { ...TRIAL_POPULATION, postProgressionGrowthShare: 0.2 };
  const none = { ...TRIAL_POPULATION, postProgressionGrowthShare: 1 };

  it('leaves an untreated arm (the natural history) alone, and lengthens a treated arm’s survival after progression', () => {
    const untreated = armRisk({ treatments: {} });
    expect(untreated.treated).toBe(false);
    expect(patientOutcome(days, growing, patient, population, untreated)).toEqual(
      patientOutcome(days, growing, patient, none, untreated),
    );
    const treated = armRisk({ treatments: { bevacizumab: { dose: 1200, start: 0, stop: 336, interval: 21 } } });
    expect(treated.treated).toBe(true);
    const withTherapy = patientOutcome(days, growing, patient, population, treated);
    const without = patientOutcome(days, growing, patient, none, treated);
    expect(withTherapy.pfsDays).toBe(without.pfsDays);
    expect(withTherapy.best).toBe(without.best);
    expect(withTherapy.osDays).toBeGreaterThan(without.osDays);
  });
});

describe('post-progression therapy in the IMbrave150 trial', () => {
  const preset = presetById('imbrave150-trial');
  if (!preset?.scenario.cohort) throw new Error('preset imbrave150-trial missing');
  const n = 200;
  const scenario: Scenario = {
    ...preset.scenario,
    cohort: {
      ...(preset.scenario.cohort ?? { cancer: 'hcc', assessmentInterval: 42, pge2Cutoff: 100 }),
      size: n,
      seed: 3,
    },
  };
  const at = (share: number): TrialPopulation => ({ ...TRIAL_POPULATION, postProgressionGrowthShare: share });

  it('moves no patient’s progression-free survival or best response, and lengthens overall survival in both arms', () => {
    const without = runCohortBlock(scenario, 0, n, undefined, at(1));
    const withTherapy = runCohortBlock(scenario, 0, n, undefined, at(0.3));
    const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
    for (const arm of [0, 1]) {
      const a = without.arms[arm];
      const b = withTherapy.arms[arm];
      for (let i = 0; i < n; i++) {
        // a death before progression is a PFS event at the same day either way; after progression only OS moves
        expect(b.pfsDays[i]).toBe(a.pfsDays[i]);
        expect(b.osDays[i]).toBeGreaterThanOrEqual(a.osDays[i]);
      }
      expect(Array.from(b.best)).toEqual(Array.from(a.best));
      expect(sum(b.osDays)).toBeGreaterThan(1.01 * sum(a.osDays));
    }
  });
});
