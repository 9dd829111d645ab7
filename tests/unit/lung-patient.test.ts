/**
 * The patient-scale EGFR-mutant lung setting, fitted to FLAURA's osimertinib arm (Soria 2018: objective response 80 %,
 * median PFS 18.9 months) by scripts/fit-flaura.ts; its fitted values live in src/model/fits/flaura.json.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model';
import { assessRecist, cohortStatistics, runCohortBlock } from '../../src/model/cohort';
import fit from '../../src/model/fits/flaura.json';
import { FLAURA_TARGETS, regrowthPerMonth, runFlaura, untreatedDoublingDays } from '../../src/model/flaura';
import { settingParameters } from '../../src/model/settings';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Scenario } from '../../src/scenario/types';

describe('EGFR-mutant lung, patient (FLAURA)', () => {
  it('the setting reads the fitted values of src/model/fits/flaura.json', () => {
    const p = settingParameters('lung-patient');
    for (const [id, value] of Object.entries(fit.parameters)) expect(p[id as keyof typeof p]).toBe(value);
  });

  it('reproduces FLAURA: response rate within 5 points of 80 % and median PFS within 1.5 months of 18.9', () => {
    const r = runFlaura({}, 200, 1);
    expect(Math.abs(r.orr - FLAURA_TARGETS.orr)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(r.medianPfsMonths - FLAURA_TARGETS.medianPfsMonths)).toBeLessThanOrEqual(1.5);
    // the file records what the fit produced, and a fresh run gives the same figures
    expect(r.orr).toBeCloseTo(fit.result.orr, 6);
    expect(r.medianPfsMonths).toBeCloseTo(fit.result.medianPfsMonths, 2);
  });

  it('the median patient grows and regrows at the volumetric rates it was fitted to', () => {
    expect(untreatedDoublingDays({})).toBeGreaterThan(170);
    expect(untreatedDoublingDays({})).toBeLessThan(210);
    expect(regrowthPerMonth({})).toBeCloseTo(FLAURA_TARGETS.regrowthPerMonth, 2);
  });

  it('the preset responds to osimertinib and then progresses within the time the trial reports (1-3 years)', () => {
    const preset = presetById('flaura-osimertinib');
    if (!preset) throw new Error('no flaura-osimertinib preset');
    const s: Scenario = { ...preset.scenario, outputStep: 42 };
    const [untreated, osimertinib] = simulate(s).arms;
    const r = assessRecist(osimertinib.t, osimertinib.series.tumourVolume);
    expect(r.best).toBe('PR');
    expect(r.progressed).toBe(true);
    expect(r.pfsDays).toBeGreaterThan(365);
    expect(r.pfsDays).toBeLessThan(3 * 365);
    expect(assessRecist(untreated.t, untreated.series.tumourVolume).best).not.toBe('PR');
  });

  it('the FLAURA preset is a virtual trial of the one trial runner: osimertinib against untreated, with OS', () => {
    const preset = presetById('flaura-osimertinib');
    if (!preset?.scenario.cohort) throw new Error('the flaura-osimertinib preset has no cohort');
    const s: Scenario = { ...preset.scenario, cohort: { ...preset.scenario.cohort, size: 40 } };
    const stats = cohortStatistics(s, runCohortBlock(s, 0, 40));
    const [untreated, osimertinib] = stats.arms;
    expect(osimertinib.orr.estimate).toBeGreaterThan(0.6);
    expect(untreated.orr.estimate).toBe(0);
    expect(stats.comparisons[0].cox.hazardRatio).toBeLessThan(0.3);
    // overall survival is part of the lung trial's statistics; its patients carry no biomarker strata
    expect(osimertinib.os.time.length).toBeGreaterThan(0);
    expect(Number.isFinite(stats.comparisons[0].osCox.hazardRatio)).toBe(true);
    expect(stats.biomarkers).toEqual([]);
  });

  it('osimertinib does nothing to an EGFR-wild-type lung tumour, nor to HCC or CRC (wild type by default)', () => {
    const osi = { osimertinib: { dose: 80, start: 0, stop: 365, interval: 1 } };
    const mouseOsi = { osimertinib: { dose: 5, start: 0, stop: 28, interval: 1 } };
    const cases: Scenario[] = [
      {
        setting: 'lung-patient',
        horizon: 365,
        outputStep: 5,
        inputs: { nrf2: 0, neat1: 0, il6: 0.1, axl: 'low', cd8Depleted: false, egfr: 'wild-type' },
        arms: [
          { name: 'U', inputs: {}, treatments: {} },
          { name: 'O', inputs: {}, treatments: osi },
        ],
      },
      {
        setting: 'hcc-patient',
        horizon: 365,
        outputStep: 5,
        inputs: { nrf2: 0, neat1: 0, il6: 0.1, axl: 'low', cd8Depleted: false },
        arms: [
          { name: 'U', inputs: {}, treatments: {} },
          { name: 'O', inputs: {}, treatments: osi },
        ],
      },
      {
        setting: 'crc-liver',
        horizon: 28,
        outputStep: 1,
        inputs: { nrf2: 0, neat1: 0, il6: 1, axl: 'low', cd8Depleted: false },
        arms: [
          { name: 'U', inputs: {}, treatments: {} },
          { name: 'O', inputs: {}, treatments: mouseOsi },
        ],
      },
    ];
    for (const s of cases) {
      const [u, o] = simulate(s).arms;
      const last = u.t.length - 1;
      expect(o.series.tumourVolume[last], s.setting).toBeCloseTo(u.series.tumourVolume[last], 6);
    }
  });
});
