import { describe, expect, it } from 'vitest';
import {
  type CohortBlock,
  cohortPatients,
  cohortStatistics,
  newLesionOn,
  patientOutcome,
  runCohortBlock,
  YEAR_DAYS,
} from '../../src/model/cohort';
import { TRIAL_POPULATION } from '../../src/model/population';
import { settingParameters } from '../../src/model/settings';
import {
  BURDEN_REFERENCE_MM3,
  deathDay,
  newLesionDay,
  newLesionFactor,
  type SurvivalParameters,
} from '../../src/model/survival';
import { presetById } from '../../src/scenario/catalogue/presets';
import { RESPONSE_CODES } from '../../src/scenario/catalogue/trial';
import type { CohortSettings, Scenario } from '../../src/scenario/types';
import { kaplanMeier, survivalIntervalAt } from '../../src/stats';

const cm3 = (d: number) => (Math.PI * d ** 3) / 6; // volume of a sphere of diameter d mm, mm3
const flat: SurvivalParameters = { backgroundHazard: 0.01, burdenHazard: 0, postProgressionHazard: 0 };
// a population with only the flat death hazard: no new lesions, no residual tissue
const population = { ...TRIAL_POPULATION, ...flat, newLesionHazard: 0 };
const patient = (deathDraw: number) => ({ deathDraw, newLesionDraw: 1, residual: 0 });

describe('death hazard (background + tumour burden + after progression)', () => {
  const days = [0, 42, 84, 126, 168];

  it('with a constant hazard h, death comes when the cumulative hazard h t reaches the Exp(1) draw: t = E / h', () => {
    const v = days.map(() => 1000);
    expect(deathDay(days, v, Number.POSITIVE_INFINITY, 0.5, flat)).toBeCloseTo(50, 9);
    expect(deathDay(days, v, Number.POSITIVE_INFINITY, 1.68, flat)).toBeCloseTo(168, 9);
    // not reached by the last assessment: alive at the data cut
    expect(deathDay(days, v, Number.POSITIVE_INFINITY, 1.7, flat)).toBeNull();
  });

  it('the burden term grows with the lesion: a hazard linear in time between scans is inverted exactly', () => {
    const p: SurvivalParameters = { backgroundHazard: 0, burdenHazard: 0.01, postProgressionHazard: 0 };
    // burden rises linearly from 1 to 2 reference volumes over [0, 42]: h(t) = 0.01 (1 + t / 42)
    const v = [BURDEN_REFERENCE_MM3, 2 * BURDEN_REFERENCE_MM3, 2 * BURDEN_REFERENCE_MM3];
    const t = deathDay([0, 42, 84], v, Number.POSITIVE_INFINITY, 0.3, p) ?? Number.NaN;
    expect(0.01 * (t + (t * t) / 84)).toBeCloseTo(0.3, 9);
    // a bigger tumour dies sooner
    const small = deathDay([0, 42, 84], [1e3, 1e3, 1e3], Number.POSITIVE_INFINITY, 0.3, p);
    expect(small).toBeNull();
  });

  it('switches the post-progression hazard on from the day of progression', () => {
    const p: SurvivalParameters = { backgroundHazard: 0.001, burdenHazard: 0, postProgressionHazard: 0.01 };
    const v = days.map(() => 1000);
    // cumulative at 84: 0.084; then 0.011/day
    expect(deathDay(days, v, 84, 0.084 + 0.011 * 10, p)).toBeCloseTo(94, 9);
    expect(deathDay(days, v, Number.POSITIVE_INFINITY, 0.084 + 0.011 * 10, p)).toBeNull();
  });
});

describe('a patient outcome with survival', () => {
  it('PFS counts a death before progression as the event, on the day of death; later scans do not happen', () => {
    // a partial response, confirmed, then death on day 100 (E = 1 at 0.01/day), before any progression
    const o = patientOutcome([0, 42, 84, 126], [cm3(40), cm3(26), cm3(25), cm3(60)], patient(1), population);
    expect(o.death).toBe(true);
    expect(o.osDays).toBeCloseTo(100, 9);
    expect(o.progressed).toBe(true);
    expect(o.pfsDays).toBeCloseTo(100, 9);
    expect(o.best).toBe('PR');
    expect(o.responseDays).toBe(42);
  });

  it('a death before the first assessment is not evaluable (NE), and OS = PFS = the day of death', () => {
    const o = patientOutcome([0, 42, 84], [cm3(40), cm3(26), cm3(25)], patient(0.2), population);
    expect(o.best).toBe('NE');
    expect(o.progressed).toBe(true);
    expect(o.osDays).toBeCloseTo(20, 9);
    expect(o.pfsDays).toBeCloseTo(20, 9);
  });

  it('a patient alive at the data cut is censored there for OS; progression keeps its assessment day', () => {
    const o = patientOutcome([0, 42, 84], [cm3(30), cm3(37), cm3(45)], patient(10), population);
    expect(o).toMatchObject({ best: 'PD', progressed: true, pfsDays: 42, death: false, osDays: 84, responseDays: 0 });
  });
});

describe('not evaluable: leaving the scans before the first one', () => {
  const days = [0, 42, 84, 126];
  const shrinking = [cm3(40), cm3(26), cm3(20), cm3(18)];
  const leaving = { ...population, backgroundHazard: 0, withdrawalHazard: 0.01, sorafenibWithdrawalHazard: 0.02 };

  it('a withdrawal before the first scan is NE, with PFS censored on its day and survival still followed', () => {
    // withdrawal at draw / hazard = 0.2 / 0.01 = day 20
    const o = patientOutcome(days, shrinking, { ...patient(10), withdrawalDraw: 0.2 }, leaving);
    expect(o).toMatchObject({ best: 'NE', progressed: false, responseDays: 0, death: false, osDays: 126 });
    expect(o.pfsDays).toBeCloseTo(20, 9);
  });

  it('a withdrawal after the first scan changes nothing: the patient is evaluable', () => {
    const o = patientOutcome(days, shrinking, { ...patient(10), withdrawalDraw: 0.5 }, leaving);
    expect(o.best).toBe('PR');
  });

  it('an arm that gives sorafenib adds its own withdrawal hazard (early toxicity)', () => {
    const p = { ...patient(10), withdrawalDraw: 0.5 };
    // 0.5 / 0.01 = day 50 without sorafenib; 0.5 / 0.03 = day 16.7 with it
    expect(patientOutcome(days, shrinking, p, leaving, { sorafenib: false }).best).toBe('PR');
    const o = patientOutcome(days, shrinking, p, leaving, { sorafenib: true });
    expect(o.best).toBe('NE');
    expect(o.pfsDays).toBeCloseTo(0.5 / 0.03, 9);
  });

  it('an arm that gives sorafenib adds the liver-function death hazard', () => {
    const liver = { ...population, sorafenibLiverHazard: 0.01 };
    const p = patient(1);
    expect(patientOutcome(days, shrinking, p, liver, { sorafenib: false }).osDays).toBeCloseTo(100, 9);
    expect(patientOutcome(days, shrinking, p, liver, { sorafenib: true }).osDays).toBeCloseTo(50, 9);
  });
});

describe('new lesions and residual tissue', () => {
  it('a new lesion appears when the hazard rate x V(t)/V(0), integrated, reaches the draw; it is seen at the next scan', () => {
    const days = [0, 42, 84, 126];
    // constant burden: day = draw / rate
    expect(newLesionDay(days, [1e4, 1e4, 1e4, 1e4], 0.01, 0.5)).toBeCloseTo(50, 9);
    // a tumour that shrinks to nothing makes new lesions ever less likely
    expect(newLesionDay(days, [1e4, 0, 0, 0], 0.01, 0.5)).toBeNull();
    const o = patientOutcome(
      days,
      [cm3(30), cm3(29), cm3(29), cm3(29)],
      { deathDraw: 100, newLesionDraw: 0.5, residual: 0 },
      {
        ...population,
        newLesionHazard: 0.01,
      },
    );
    expect(o).toMatchObject({ progressed: true, pfsDays: 84, best: 'SD' });
  });

  it("a patient's new-lesion hazard is the population's times the patient's growth multiplier: a faster tumour shows its new lesion sooner", () => {
    const days = [0, 42, 84, 126];
    const v = [cm3(30), cm3(29), cm3(29), cm3(29)];
    const at = (newLesionScale?: number) =>
      patientOutcome(
        days,
        v,
        { deathDraw: 100, newLesionDraw: 0.5, residual: 0, newLesionScale },
        {
          ...population,
          newLesionHazard: 0.005,
        },
      );
    // 0.005/day: the cumulative hazard reaches 0.5 near day 100 (seen at day 126); x4: near day 25 (seen at day 42)
    expect(at()).toMatchObject({ progressed: true, pfsDays: 126 });
    expect(at(1)).toMatchObject({ progressed: true, pfsDays: 126 });
    expect(at(4)).toMatchObject({ progressed: true, pfsDays: 42, best: 'PD' });
    expect(at(0.25).progressed).toBe(false);
  });

  it('the HCC trial gives each patient their growth multiplier as the new-lesion scale; the lung trial none', () => {
    const hcc = presetById('imbrave150-trial')?.scenario as Scenario;
    const lung = presetById('flaura-osimertinib')?.scenario as Scenario;
    const base = settingParameters('hcc-patient');
    for (const p of cohortPatients({ ...hcc, cohort: { ...(hcc.cohort as CohortSettings), size: 20 } }, 0, 20)) {
      const growth = (p.overrides.sensitiveGrowthRate ?? 0) / (base.sensitiveGrowthRate * TRIAL_POPULATION.growthScale);
      expect(p.newLesionScale).toBeCloseTo(growth, 9);
    }
    for (const p of cohortPatients({ ...lung, cohort: { ...(lung.cohort as CohortSettings), size: 5 } }, 0, 5))
      expect(p.newLesionScale).toBeUndefined();
  });

  it("a following new-lesion hazard is rate x the lesion's size relative to baseline x its net growth relative to the untreated rate, within [floor, 1] per interval", () => {
    const days = [0, 42, 84, 126];
    const r = 0.01; // untreated growth rate, 1/day
    const following = { growthRate: r, floor: 0.2 };
    const grow = (rate: number, v0 = 1e4) => days.map((d) => v0 * Math.exp(rate * d));
    // growing at the untreated rate: the growth factor is 1 and the hazard is the size-following one, 0.01 x V(t)/V(0)
    // with the size linear between assessments: on the first interval 0.01 (t + a t^2 / 2) = 0.5, a = (e^0.42 - 1)/42
    const a = (Math.exp(r * 42) - 1) / 42;
    const first = (-1 + Math.sqrt(1 + 2 * a * 50)) / a;
    expect(newLesionDay(days, grow(r), 0.01, 0.5, following)).toBeCloseTo(first, 9);
    expect(newLesionDay(days, grow(r, 1e6), 0.01, 0.5, following)).toBeCloseTo(first, 9);
    expect(newLesionDay(days, grow(r), 0.01, 0.5, following)).toBeCloseTo(
      newLesionDay(days, grow(r), 0.01, 0.5) ?? 0,
      9,
    );
    // held at half the untreated rate: half the growth factor
    expect(newLesionFactor(days, grow(r / 2), 0, following)).toBeCloseTo(0.5, 9);
    // held at its size: the floor's share of the hazard (0.01 x 0.5: day 100)
    const held = days.map(() => 1e4);
    expect(newLesionDay(days, held, 0.01, 0.5, { ...following, floor: 0.5 })).toBeCloseTo(100, 9);
    expect(newLesionDay(days, held, 0.01, 0.5, following)).toBeNull();
    // shrinking, or gone: the floor; never above 1
    expect(newLesionFactor(days, grow(-r), 0, following)).toBe(0.2);
    expect(newLesionFactor(days, [1e4, 0, 0, 0], 1, following)).toBe(0.2);
    expect(newLesionFactor(days, grow(3 * r), 0, following)).toBe(1);
    // a responder whose lesion regrows (acquired resistance): the hazard rises from the floor to the full rate
    const relapse = [1e4, 1e3, 1e3 * Math.exp(42 * r), 1e3 * Math.exp(84 * r)];
    expect(newLesionFactor(days, relapse, 0, following)).toBe(0.2);
    expect(newLesionFactor(days, relapse, 1, following)).toBeCloseTo(1, 9);
    expect(newLesionFactor(days, relapse, 2, following)).toBeCloseTo(1, 9);
    // a target lesion that shrank to almost nothing: its deposits shrank with it, so almost no hazard is left, in
    // either form (the growth factor alone left the floor's, and a responder's risk then no longer fell)
    expect(newLesionDay(days, [1e4, 1, 1, 1], 0.01, 0.5, { ...following, floor: 0.5 })).toBeNull();
    expect(newLesionDay(days, [1e4, 1, 1, 1], 0.01, 0.5)).toBeNull();
  });

  it('in the HCC trial an effective treatment lowers new-lesion progression and the same draws give fewer new lesions; the lung trial keeps the size-following hazard', () => {
    const days = [0, 42, 84, 126, 168];
    const r = 0.01;
    const hcc = { ...population, newLesionHazard: 0.01, newLesionFloor: 0.2, sorafenibNewLesionFloor: 0.6 };
    const patient = { deathDraw: 100, newLesionDraw: 0.6, residual: 0, newLesionScale: 1, newLesionGrowthRate: r };
    const untreated = days.map((d) => cm3(30) * Math.exp(r * d));
    const held = days.map(() => cm3(30));
    // untreated: the growth factor is 1, so the hazard is the size-following one (0.01/day x V(t)/V(0)): the lesion
    // appears before day 60 (0.6 / 0.01) and is seen at day 84; held: 0.002/day, day 300: none by day 168
    const { newLesionGrowthRate: _, ...lung } = patient;
    const untreatedDay = newLesionOn(days, untreated, patient, hcc);
    expect(untreatedDay).toBeCloseTo(newLesionOn(days, untreated, lung, hcc), 9);
    expect(untreatedDay).toBeGreaterThan(42);
    expect(untreatedDay).toBeLessThan(60);
    expect(patientOutcome(days, untreated, patient, hcc)).toMatchObject({ progressed: true, pfsDays: 84 });
    expect(newLesionOn(days, held, patient, hcc)).toBe(Number.POSITIVE_INFINITY);
    // in an arm that gives sorafenib the floor is sorafenib's: 0.006/day, day 100 (seen at day 126)
    expect(newLesionOn(days, held, patient, hcc, { sorafenib: true })).toBeCloseTo(100, 9);
    expect(patientOutcome(days, held, patient, hcc, { sorafenib: true })).toMatchObject({
      progressed: true,
      pfsDays: 126,
    });
    expect(patientOutcome(days, held, patient, hcc).progressed).toBe(false);
    // without the patient's untreated rate (the lung trial's patients) the hazard follows the lesion's size as before
    expect(newLesionOn(days, held, lung, hcc)).toBeCloseTo(60, 9);
  });

  it("the HCC trial gives each patient their untreated growth rate for the new-lesion hazard; the lung trial's patients have none", () => {
    const hcc = presetById('imbrave150-trial')?.scenario as Scenario;
    const lung = presetById('flaura-osimertinib')?.scenario as Scenario;
    for (const p of cohortPatients({ ...hcc, cohort: { ...(hcc.cohort as CohortSettings), size: 20 } }, 0, 20))
      expect(p.newLesionGrowthRate).toBe(p.overrides.sensitiveGrowthRate);
    for (const p of cohortPatients({ ...lung, cohort: { ...(lung.cohort as CohortSettings), size: 5 } }, 0, 5))
      expect(p.newLesionGrowthRate).toBeUndefined();
  });

  it('residual tissue keeps a responder measurable: a partial response, not a complete one, with a continuous depth', () => {
    const days = [0, 42, 84, 126];
    const gone = [cm3(30), 0, 0, 0];
    expect(patientOutcome(days, gone, { deathDraw: 100, newLesionDraw: 100, residual: 0 }, population).best).toBe('CR');
    const partial = patientOutcome(days, gone, { deathDraw: 100, newLesionDraw: 100, residual: 0.1 }, population);
    expect(partial.best).toBe('PR');
    // the measured lesion is the residual tenth of the volume: diameter 0.1^(1/3) of baseline
    expect(partial.bestChange).toBeCloseTo(100 * (Math.cbrt(0.1) - 1), 6);
    expect(patientOutcome(days, gone, { deathDraw: 100, newLesionDraw: 100, residual: 0.5 }, population).best).toBe(
      'SD',
    );
  });
});

describe('12-month survival read off a Kaplan–Meier curve', () => {
  it('is the step value with its pointwise band, 1 before the first time, null past the follow-up', () => {
    const km = kaplanMeier([100, 200, 300, 400], [1, 1, 0, 1]);
    expect(survivalIntervalAt(km, 50)).toMatchObject({ estimate: 1, lower: 1, upper: 1 });
    const at = survivalIntervalAt(km, 250);
    expect(at?.estimate).toBeCloseTo(0.5, 12);
    expect(at?.lower).toBe(km.lower[1]);
    expect(at?.upper).toBe(km.upper[1]);
    expect(survivalIntervalAt(km, 401)).toBeNull();
  });
});

function trial(size: number, seed: number): { scenario: Scenario; block: CohortBlock } {
  const preset = presetById('hcc-atezo-bev-trial');
  if (!preset?.scenario.cohort) throw new Error('calibration preset missing');
  const scenario: Scenario = { ...preset.scenario, cohort: { ...preset.scenario.cohort, size, seed } };
  return { scenario, block: runCohortBlock(scenario, 0, size) };
}

describe('overall survival in a virtual trial', () => {
  const { scenario, block } = trial(200, 5);
  const stats = cohortStatistics(scenario, block);

  it('every patient has OS at least as long as PFS, and a death is a PFS event unless the patient had left the scans', () => {
    const ne = RESPONSE_CODES.indexOf('NE');
    for (const arm of block.arms) {
      for (let i = 0; i < arm.osDays.length; i++) {
        expect(arm.osDays[i]).toBeGreaterThanOrEqual(arm.pfsDays[i]);
        expect(arm.osDays[i]).toBeLessThanOrEqual(scenario.horizon);
        // a withdrawn patient (NE, PFS censored the day they left) is still followed for survival
        const withdrawn = arm.best[i] === ne && arm.progressed[i] === 0;
        if (arm.death[i] === 1 && !withdrawn) expect(arm.progressed[i]).toBe(1);
        if (withdrawn) expect(arm.pfsDays[i]).toBeLessThan(scenario.cohort?.assessmentInterval ?? 42);
      }
    }
  });

  it('gives each arm an OS curve, median OS with its interval and 12-month OS, and each comparison an OS hazard ratio', () => {
    for (const arm of stats.arms) {
      expect(arm.os.time.length).toBeGreaterThan(0);
      expect(arm.os12).not.toBeNull();
      const os12 = arm.os12 ?? { estimate: Number.NaN, lower: Number.NaN, upper: Number.NaN };
      expect(os12.lower).toBeLessThanOrEqual(os12.estimate);
      expect(os12.estimate).toBeLessThanOrEqual(os12.upper);
      // some patients die within a year of advanced HCC, and most live past 3 months
      expect(os12.estimate).toBeLessThan(0.95);
      expect(os12.estimate).toBeGreaterThan(0.2);
      if (arm.medianOs.median !== null && arm.medianPfs.median !== null) {
        expect(arm.medianOs.median).toBeGreaterThanOrEqual(arm.medianPfs.median);
      }
      expect(YEAR_DAYS).toBe(365.25);
    }
    const c = stats.comparisons[0];
    expect(c.osCox.lower).toBeLessThan(c.osCox.hazardRatio);
    expect(c.osCox.hazardRatio).toBeLessThan(c.osCox.upper);
    expect(c.osLogRank.pValue).toBeGreaterThanOrEqual(0);
  });

  it('time to response: the responders, their median response day and the share seen at scan 1 or 2', () => {
    const arm = stats.arms[0];
    expect(arm.timeToResponse.responders).toBe(arm.responses.CR + arm.responses.PR);
    expect(arm.timeToResponse.firstOrSecond).toBeGreaterThanOrEqual(0);
    expect(arm.timeToResponse.firstOrSecond).toBeLessThanOrEqual(1);
    if (arm.timeToResponse.median !== null) expect(arm.timeToResponse.median % 42).toBe(0);
  });
});
