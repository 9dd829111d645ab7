/**
 * The calibrated profile of the virtual IMbrave150 trial stays where `npm run calibrate` put it, on a smaller cohort
 * than the calibration's (400 patients, seed 11, apart from the fit's and the report's seeds). The calibration itself
 * is not run here (it takes minutes); this test reads its report from src/model/trial-population.json. The trial has
 * the untreated arm that the calibration adds (its natural-history targets: calibration.ts NATURAL_HISTORY_TARGETS).
 *
 * Bound per target: the aim of targets.md (rates 5 points, medians 1 month, hazard ratios 0.1), or the calibration's own
 * distance where it did not reach the aim, plus three standard errors of this smaller cohort's figure, computed from
 * its own data: binomial for rates, Greenwood for 12-month OS, the Brookmeyer–Crowley interval's half-width / 1.96
 * for medians, the Cox interval's for hazard ratios, √(π/2)·SD/√m for the median time to response of m responders.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AIMS, CALIBRATION_TARGETS, type TrialTarget, trialMetrics, UNTREATED_ARM } from '../../src/model/calibration';
import { cohortOutcomes, cohortStatistics, simulateTrajectories } from '../../src/model/cohort';
import { DAYS_PER_MONTH } from '../../src/scenario/catalogue/calendar';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Scenario } from '../../src/scenario/types';

const SIZE = 400;
const preset = presetById('imbrave150-trial');
if (!preset?.scenario.cohort) throw new Error('preset imbrave150-trial missing');
// the trial's two arms and the untreated arm that the calibration adds for the natural history (calibration.ts)
const scenario: Scenario = {
  ...preset.scenario,
  arms: [...preset.scenario.arms, { name: 'Untreated', inputs: {}, treatments: {} }],
  cohort: { ...preset.scenario.cohort, size: SIZE, seed: 11 },
};
const trajectories = simulateTrajectories(scenario, 0, SIZE);
const block = cohortOutcomes(scenario, trajectories);
const stats = cohortStatistics(scenario, block);
const metrics = trialMetrics(stats, false, 42, trajectories);
const file = JSON.parse(readFileSync('src/model/trial-population.json', 'utf8'));
const report: Record<string, { mean: number; sd: number }> = file.calibration?.report ?? {};

const Z = 1.959964;

/** The standard error of this cohort's figure for a target, from the cohort's own data. */
function standardError(t: TrialTarget): number {
  if (t.kind === 'hazard-ratio') {
    const c = stats.comparisons[0][t.id === 'hr.pfs' ? 'cox' : 'osCox'];
    return (c.upper - c.lower) / (2 * Z);
  }
  const arm = stats.arms[t.arm === 'comparison' ? 0 : t.arm];
  if (t.id.startsWith('os12')) return arm.os12 ? (arm.os12.upper - arm.os12.lower) / (2 * Z) : 1;
  if (t.id.startsWith('mpfs') || t.id.startsWith('mos')) {
    const m = t.id.startsWith('mpfs') ? arm.medianPfs : arm.medianOs;
    return m.lower !== null && m.upper !== null ? (m.upper - m.lower) / (2 * Z) / DAYS_PER_MONTH : 1;
  }
  if (t.id === 'dt.2') {
    // the median's distribution-free 95 % interval: the order statistics n/2 ± 1.96 √n / 2
    const { days, volumes } = trajectories;
    const k = days.length;
    const v = volumes[UNTREATED_ARM];
    const times: number[] = [];
    for (let i = 0; i < SIZE; i++) {
      const ratio = v[i * k + 2] / v[i * k];
      times.push(ratio > 1 ? (days[2] * Math.LN2) / Math.log(ratio) / DAYS_PER_MONTH : Number.POSITIVE_INFINITY);
    }
    times.sort((x, y) => x - y);
    const half = (Z * Math.sqrt(SIZE)) / 2;
    return (times[Math.ceil(SIZE / 2 + half)] - times[Math.floor(SIZE / 2 - half)]) / (2 * Z);
  }
  if (t.id.startsWith('ttr')) {
    const days: number[] = [];
    const a = t.arm === 'comparison' ? 0 : t.arm;
    for (const d of block.arms[a].responseDays) if (d > 0) days.push(d / DAYS_PER_MONTH);
    const mean = days.reduce((x, y) => x + y, 0) / days.length;
    const sd = Math.sqrt(days.reduce((x, y) => x + (y - mean) ** 2, 0) / (days.length - 1));
    return (Math.sqrt(Math.PI / 2) * sd) / Math.sqrt(days.length);
  }
  const p = metrics[t.id];
  return Math.sqrt((p * (1 - p)) / SIZE);
}

describe(`the virtual IMbrave150 trial keeps its calibrated profile (${SIZE} patients, seed 11)`, () => {
  it('the population file holds the calibration report for every target', () => {
    for (const t of CALIBRATION_TARGETS) expect(report[t.id], t.id).toBeDefined();
  });

  for (const t of CALIBRATION_TARGETS) {
    const calibrated = report[t.id]?.mean ?? Number.NaN;
    const reached = Math.abs(calibrated - t.value) <= AIMS[t.kind];
    it(`${t.label}: within ${reached ? "targets.md's aim" : "the calibration's distance (it misses the aim)"} + 3 SE of ${SIZE} patients`, () => {
      const allowed = Math.max(AIMS[t.kind], Math.abs(calibrated - t.value)) + 3 * standardError(t);
      expect(Math.abs(metrics[t.id] - t.value)).toBeLessThanOrEqual(allowed);
    });
  }

  it('the arm ordering is right in ORR, CR, DCR, median PFS, 12-month OS and both hazard ratios, and sorafenib has more patients not evaluable', () => {
    for (const id of ['orr', 'cr', 'dcr', 'mpfs', 'os12'])
      expect(metrics[`${id}.1`], id).toBeGreaterThan(metrics[`${id}.0`]);
    expect(metrics['ne.0']).toBeGreaterThan(metrics['ne.1']);
    // PD (best response) is not ordered: version 6 had sorafenib's above atezo/bev's, as IMbrave150 (24.5 vs 19.6 %),
    // by 0.8 points over the report seeds; version 7 had it 1.7 points below (22.4 vs 24.1 %), version 9 0.7 points
    // (22.4 vs 23.1 %), each arm within its aim (the rows above): docs/model.md, "Calibration", what version 9 misses
    expect(metrics['hr.pfs']).toBeLessThan(1);
    expect(metrics['hr.os']).toBeLessThan(1);
  });
});
