/**
 * The patient-scale EGFR-mutant lung setting, fitted to both of FLAURA's arms on the same virtual patients (Soria 2018:
 * objective response 80 vs 76 %, median PFS 18.9 vs 10.2 months, PFS hazard ratio 0.46, osimertinib vs gefitinib or
 * erlotinib) by scripts/fit-flaura.ts; its fitted values live in src/model/fits/flaura.json.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model';
import { assessRecist, cohortStatistics, runCohortBlock } from '../../src/model/cohort';
import fit from '../../src/model/fits/flaura.json';
import {
  flauraFigures,
  flauraTrialScenario,
  regrowthPerMonth,
  runFlauraComparison,
  untreatedDoublingDays,
} from '../../src/model/flaura';
import { settingParameters } from '../../src/model/settings';
import { DAYS_PER_MONTH } from '../../src/scenario/catalogue/calendar';
import { presetById } from '../../src/scenario/catalogue/presets';
import { FLAURA_OSIMERTINIB, matchFlauraArm, matchFlauraComparatorArm } from '../../src/scenario/catalogue/trial';
import type { Scenario } from '../../src/scenario/types';

describe('EGFR-mutant lung, patient (FLAURA)', () => {
  it('the setting reads the fitted values of src/model/fits/flaura.json', () => {
    const p = settingParameters('lung-patient');
    for (const [id, value] of Object.entries(fit.parameters)) expect(p[id as keyof typeof p]).toBe(value);
  });

  it('the one trial runner reproduces FLAURA on 300 patients: ORR, median PFS and median OS within the aims', () => {
    // targets.md's aims (5 points, 1 month), widened by 3 standard errors of this cohort's own estimates (Wilson,
    // Brookmeyer–Crowley), as the HCC trial's profile test does: a small cohort's sampling error is not a model error
    const scenario = flauraTrialScenario({}, 300, 7);
    const arm = cohortStatistics(scenario, runCohortBlock(scenario, 0, 300)).arms[0];
    const r = flauraFigures(arm);
    const se = (lower: number | null, upper: number | null) =>
      lower === null || upper === null ? Number.POSITIVE_INFINITY : (upper - lower) / (2 * 1.96);
    const month = (days: number | null) => (days === null ? Number.NaN : days / DAYS_PER_MONTH);
    console.log(
      `FLAURA, 300 patients: ORR ${(100 * r.orr).toFixed(1)} %, median PFS ${r.medianPfsMonths.toFixed(2)} mo, median OS ${r.medianOsMonths.toFixed(2)} mo, OS 12/24/36 mo ${[r.os12, r.os24, r.os36].map((x) => (100 * x).toFixed(1)).join('/')} %`,
    );
    expect(Math.abs(r.orr - FLAURA_OSIMERTINIB.orr.value)).toBeLessThanOrEqual(
      0.05 + 3 * se(arm.orr.lower, arm.orr.upper),
    );
    const pfsSe = se(month(arm.medianPfs.lower), month(arm.medianPfs.upper));
    expect(Math.abs(r.medianPfsMonths - FLAURA_OSIMERTINIB.medianPfs.value)).toBeLessThanOrEqual(1 + 3 * pfsSe);
    const osSe = se(month(arm.medianOs.lower), month(arm.medianOs.upper));
    expect(Math.abs(r.medianOsMonths - FLAURA_OSIMERTINIB.medianOs.value)).toBeLessThanOrEqual(1 + 3 * osSe);
    // the bounds are not vacuous: each standard error is a fraction of the figure
    expect(pfsSe).toBeLessThan(2);
    expect(osSe).toBeLessThan(3);
    // the fit's own cohort (both arms, 300 patients of seed 1001) lands where the file says
    const check = runFlauraComparison({}, 300, 1001);
    expect(check.osimertinib.orr).toBeCloseTo(fit.result.osimertinib.orr, 3);
    expect(check.comparator.orr).toBeCloseTo(fit.result.comparator.orr, 3);
    expect(check.pfsHr).toBeCloseTo(fit.result.pfsHr, 3);
    expect(check.osimertinib.medianOsMonths).toBeCloseTo(fit.result.osimertinib.medianOsMonths, 2);
  });

  it('the median patient doubles untreated in the measured time, and regrows on gefitinib at the rate the fit gives', () => {
    expect(untreatedDoublingDays({})).toBeGreaterThan(170);
    expect(untreatedDoublingDays({})).toBeLessThan(210);
    expect(regrowthPerMonth({}, 'gefitinib')).toBeCloseTo(fit.result.regrowthPerMonth, 3);
  });

  it('the preset responds to osimertinib and then progresses within the time the trial reports (1-3 years)', () => {
    const preset = presetById('flaura-osimertinib');
    if (!preset) throw new Error('no flaura-osimertinib preset');
    const s: Scenario = { ...preset.scenario, outputStep: 42 };
    const arms = simulate(s).arms;
    const osimertinib = arms[matchFlauraArm(s.arms)];
    const untreated = arms[s.arms.findIndex((a) => Object.keys(a.treatments).length === 0)];
    const r = assessRecist(osimertinib.t, osimertinib.series.tumourVolume);
    expect(r.best).toBe('PR');
    expect(r.progressed).toBe(true);
    expect(r.pfsDays).toBeGreaterThan(365);
    expect(r.pfsDays).toBeLessThan(3 * 365);
    expect(assessRecist(untreated.t, untreated.series.tumourVolume).best).not.toBe('PR');
  });

  it('the FLAURA preset is a virtual trial of the one trial runner: gefitinib (the reference), osimertinib and untreated, with OS', () => {
    const preset = presetById('flaura-osimertinib');
    if (!preset?.scenario.cohort) throw new Error('the flaura-osimertinib preset has no cohort');
    const s: Scenario = { ...preset.scenario, cohort: { ...preset.scenario.cohort, size: 40 } };
    // FLAURA's comparator first, so that the hazard ratios are osimertinib's against it, as FLAURA reports them
    expect(matchFlauraComparatorArm(s.arms)).toBe(0);
    expect(matchFlauraArm(s.arms)).toBe(1);
    const stats = cohortStatistics(s, runCohortBlock(s, 0, 40));
    const [gefitinib, osimertinib, untreated] = stats.arms;
    expect(osimertinib.orr.estimate).toBeGreaterThan(0.6);
    expect(gefitinib.orr.estimate).toBeGreaterThan(0.6);
    expect(untreated.orr.estimate).toBe(0);
    const untreatedVsGefitinib = stats.comparisons.find((c) => c.comparison === 2);
    expect(untreatedVsGefitinib?.cox.hazardRatio).toBeGreaterThan(3);
    // overall survival is part of the lung trial's statistics; its patients carry no biomarker strata
    expect(osimertinib.os.time.length).toBeGreaterThan(0);
    expect(Number.isFinite(stats.comparisons[0].osCox.hazardRatio)).toBe(true);
    expect(stats.biomarkers).toEqual([]);
  });

  it('in an EGFR-wild-type lung trial, neither osimertinib nor gefitinib changes a patient: the same responses, PFS and OS as untreated', () => {
    const preset = presetById('flaura-osimertinib');
    if (!preset?.scenario.cohort) throw new Error('the flaura-osimertinib preset has no cohort');
    const s: Scenario = {
      ...preset.scenario,
      inputs: { ...preset.scenario.inputs, egfr: 'wild-type' },
      cohort: { ...preset.scenario.cohort, size: 20 },
    };
    const [gefitinib, osimertinib, untreated] = runCohortBlock(s, 0, 20).arms;
    for (const treated of [osimertinib, gefitinib]) {
      expect(Array.from(treated.best)).toEqual(Array.from(untreated.best));
      expect(Array.from(treated.pfsDays)).toEqual(Array.from(untreated.pfsDays));
      expect(Array.from(treated.osDays)).toEqual(Array.from(untreated.osDays));
    }
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
