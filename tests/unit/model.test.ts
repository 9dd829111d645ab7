import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARAMETERS, parameterRange } from '../../src/model/parameters';
import { SERIES_NAMES } from '../../src/model/series';
import { settingParameters } from '../../src/model/settings';
import { simulate, simulateArm, valueAt } from '../../src/model/simulate';
import { pharmacology } from '../../src/model/treatments';
import { doseTimes, outputGrid } from '../../src/scenario/catalogue/calendar';
import { PRESETS } from '../../src/scenario/catalogue/presets';
import { DOSE_LIMITS } from '../../src/scenario/limits';
import type { DoseSchedule, DrugId, Scenario, Setting } from '../../src/scenario/types';
import { DRUG_IDS, SETTINGS } from '../../src/scenario/types';

function scenario(setting: Setting, horizon: number, treatments: Partial<Record<DrugId, DoseSchedule>> = {}): Scenario {
  return {
    setting,
    horizon,
    outputStep: 0.25,
    inputs: { nrf2: 0, neat1: 0, il6: 0.1, axl: 'low', cd8Depleted: false },
    arms: [{ name: 'arm', inputs: {}, treatments }],
  };
}

describe('dosing schedules', () => {
  it('doses at start, start + interval, ... before stop (days 7, 10, 13, 16, 19 for 7–20 every 3)', () => {
    expect(doseTimes({ dose: 10, start: 7, stop: 20, interval: 3 }, 28)).toEqual([7, 10, 13, 16, 19]);
  });
  it('gives no dose for a zero dose, an empty window, or a window past the horizon', () => {
    expect(doseTimes({ dose: 0, start: 0, stop: 10, interval: 1 }, 28)).toEqual([]);
    expect(doseTimes({ dose: 1, start: 5, stop: 5, interval: 1 }, 28)).toEqual([]);
    expect(doseTimes({ dose: 1, start: 30, stop: 40, interval: 1 }, 28)).toEqual([]);
  });
});

describe('pharmacokinetics', () => {
  it('a bolus antibody dose jumps by dose x nM per unit and decays exponentially (analytic)', () => {
    const s = scenario('hcc-mouse', 14, { atezolizumab: { dose: 10, start: 2, stop: 3, interval: 3 } });
    const arm = simulate(s).arms[0];
    const pk = pharmacology('atezolizumab', 'mouse');
    const c0 = 10 * pk.nMPerUnit;
    expect(c0).toBeCloseTo(444.4, 1); // 10 mg/kg = 200 µg in a 20 g mouse, 3 mL, 150 kDa
    for (const day of [2, 3.5, 8, 14]) {
      const exact = c0 * Math.exp(-pk.eliminationRate * (day - 2));
      expect(valueAt(arm.t, arm.series['drug.atezolizumab'], day)).toBeCloseTo(exact, 3);
    }
    expect(valueAt(arm.t, arm.series['drug.atezolizumab'], 1.75)).toBe(0);
  });

  it('daily oral dosing reaches the average steady-state level and washes out after the last interval', () => {
    const s = scenario('lung-egfr', 20, { osimertinib: { dose: 5, start: 0, stop: 10, interval: 1 } });
    const arm = simulate(s).arms[0];
    const pk = pharmacology('osimertinib', 'mouse');
    // 5 mg/kg/day -> 100 nM average (treatments.ts); mouse half-life 3 h, so steady state within a day
    expect(valueAt(arm.t, arm.series['drug.osimertinib'], 5)).toBeCloseTo(5 * pk.nMPerUnit, 3);
    const afterStop = 100 * Math.exp(-pk.eliminationRate * 1);
    expect(valueAt(arm.t, arm.series['drug.osimertinib'], 11)).toBeCloseTo(afterStop, 3);
  });

  it('the PK rows of the parameter table set the drug levels: a link that halves the half-life doubles the decay rate', () => {
    const s = scenario('hcc-mouse', 14, { atezolizumab: { dose: 10, start: 2, stop: 3, interval: 3 } });
    const base = pharmacology('atezolizumab', 'mouse');
    const changed: Scenario = { ...s, parameters: { atezolizumabHalfLife: Math.LN2 / base.eliminationRate / 2 } };
    const arm = simulate(changed).arms[0];
    const c0 = 10 * base.nMPerUnit;
    expect(valueAt(arm.t, arm.series['drug.atezolizumab'], 8)).toBeCloseTo(
      c0 * Math.exp(-2 * base.eliminationRate * 6),
      3,
    );
    // a larger central volume lowers the jump of a bolus, a larger oral clearance the average level, in proportion
    const wide = simulate({ ...s, parameters: { atezolizumabVolume: 0.006 } }).arms[0];
    expect(valueAt(wide.t, wide.series['drug.atezolizumab'], 2)).toBeCloseTo(c0 / 2, 3);
    const params = { ...settingParameters('hcc-patient'), osimertinibClearance: 686 };
    expect(pharmacology('osimertinib', 'patient', params).nMPerUnit).toBeCloseTo(
      pharmacology('osimertinib', 'patient').nMPerUnit / 2,
      12,
    );
  });

  it('the PK rows reproduce the label figures: atezolizumab 1200 mg jumps by 2.52 uM, t1/2 27 days; osimertinib 80 mg/day averages 467 nM', () => {
    const atezo = pharmacology('atezolizumab', 'patient');
    expect(1200 * atezo.nMPerUnit).toBeCloseTo(2523, 0); // 1200 mg / 145 kDa / 3.28 L
    expect(Math.LN2 / atezo.eliminationRate).toBeCloseTo(27, 10);
    expect(80 * pharmacology('osimertinib', 'patient').nMPerUnit).toBeCloseTo(466.85, 1); // 80 mg/day / 343 L/day / 499.6
    expect(10 * pharmacology('atezolizumab', 'mouse').nMPerUnit).toBeCloseTo(444.4, 1);
  });
});

describe('extinction rule and toxicity', () => {
  const preset = PRESETS.find((p) => p.id === 'osimertinib-igf1r');
  if (!preset) throw new Error('preset missing');
  const arms = simulate(preset.scenario).arms;

  it('a compartment removed from the curves stays removed: once eradication is practically certain the volume is exactly zero', () => {
    const arm = arms.find((a) => a.name === 'Osimertinib + IGF-1R inhibitor days 0–40');
    if (!arm) throw new Error('arm missing');
    const v = arm.series.tumourVolume;
    const first = v.findIndex((x, k) => k > 0 && x === 0);
    expect(first).toBeGreaterThan(0);
    for (let k = first; k < v.length; k++) expect(v[k]).toBe(0);
    // from then on the probability of eradication no longer changes
    const p = arm.series.eradicationProbability;
    for (let k = first; k < p.length; k++) expect(p[k]).toBe(p[first]);
    expect(p[first]).toBeGreaterThan(0.9);
  });

  it('P(eradication) lies in [0, 1] and never falls (no tumour cell left is an absorbing state)', () => {
    for (const preset of PRESETS) {
      for (const a of simulate(preset.scenario).arms) {
        const p = a.series.eradicationProbability;
        for (let k = 0; k < p.length; k++) {
          expect(p[k]).toBeGreaterThanOrEqual(0);
          expect(p[k]).toBeLessThanOrEqual(1);
          if (k > 0) expect(p[k]).toBeGreaterThanOrEqual(p[k - 1] - 1e-6);
        }
        expect(a.summary.eradicationProbability).toBe(p[p.length - 1]);
      }
    }
  });

  it('the lineage weights reproduce the exact extinction probability of a linear birth-death process (Kendall 1948)', () => {
    // An untreated xenograft (no immune response) of 20 cells, Poisson-distributed: P(no cell at t) = exp(-n0 p(t)),
    // p(t) = (b - d) / (b - d e^{-(b - d) t}) the survival probability of one lineage, b = r / (1 - loss), d = b - r.
    const base = PRESETS.find((x) => x.id === 'osimertinib-igf1r');
    if (!base) throw new Error('preset missing');
    const scenario = { ...base.scenario, horizon: 30, arms: [base.scenario.arms[0]] };
    const n0 = 20;
    const arm = simulate(scenario, { initialTumourCells: n0, parameterOverrides: { resistantFraction: 0 } }).arms[0];
    const r = 0.15;
    const b = r / (1 - 0.5);
    const d = b - r;
    for (const day of [1, 3, 10, 30]) {
      const survive = (b - d) / (b - d * Math.exp(-(b - d) * day));
      expect(valueAt(arm.t, arm.series.eradicationProbability, day)).toBeCloseTo(Math.exp(-n0 * survive), 3);
    }
  });

  it('the IGF-1R toxicity index is the integral of target occupancy: zero without the inhibitor, rising only while it is given', () => {
    const untreated = arms[0];
    expect(untreated.summary.igf1rToxicity).toBe(0);
    const ten = arms[2];
    expect(valueAt(ten.t, ten.series.igf1rToxicity, 12)).toBeCloseTo(ten.summary.igf1rToxicity, 2);
    // 10 days at ~91 % occupancy (300 nM against IC50 30 nM), plus the washout of the last dose
    expect(ten.summary.igf1rToxicity).toBeGreaterThan(8.5);
    expect(ten.summary.igf1rToxicity).toBeLessThan(10);
  });
});

describe('patient scale', () => {
  it('starts from an established tumour: 10 cm3 with T cells, macrophages and mature DCs already present', () => {
    const arm = simulate(scenario('hcc-patient', 60)).arms[0];
    expect(arm.series.tumourVolume[0]).toBeCloseTo(10_000, 6);
    expect(arm.series.cd8[0]).toBeGreaterThan(0);
    expect(arm.series.m1[0] + arm.series.m2[0]).toBeGreaterThan(0);
    expect(arm.series.dcMaturation[0]).toBeGreaterThan(0.1);
  });

  it('an untreated patient tumour doubles in months, not days (volume-doubling time 60–180 days)', () => {
    const arm = simulate(scenario('hcc-patient', 365)).arms[0];
    const v0 = arm.series.tumourVolume[0];
    const doubling = arm.t.find((_, k) => arm.series.tumourVolume[k] >= 2 * v0);
    expect(doubling).toBeGreaterThan(60);
    expect(doubling).toBeLessThan(180);
  });
});

describe('numerics of the model', () => {
  it('is deterministic: the same scenario gives bit-identical series', () => {
    const s = PRESETS[0].scenario;
    const a = simulate(s).arms[3];
    const b = simulate(s).arms[3];
    for (const name of SERIES_NAMES) expect(Array.from(a.series[name])).toEqual(Array.from(b.series[name]));
  });

  it('agrees with a 10,000x tighter tolerance to 1e-4 relative on every preset (default rtol is accurate)', () => {
    for (const preset of PRESETS) {
      for (const arm of preset.scenario.arms) {
        const coarse = simulateArm(preset.scenario, arm);
        const fine = simulateArm(preset.scenario, arm, { rtol: 1e-10 });
        const v = coarse.series.tumourVolume;
        const w = fine.series.tumourVolume;
        for (let k = 0; k < v.length; k++) {
          const scale = Math.max(Math.abs(w[k]), 1e-3); // volumes below 1e-3 mm3 (1000 cells) compared absolutely
          expect(Math.abs(v[k] - w[k]) / scale, `${preset.id} / ${arm.name} at day ${coarse.t[k]}`).toBeLessThan(1e-4);
        }
      }
    }
  });

  it('builds an output grid that always ends at the horizon', () => {
    expect(Array.from(outputGrid(1, 0.25))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(outputGrid(1, 0.3))).toEqual([0, 0.3, 0.6, 0.8999999999999999, 1]);
  });
});

// Claim 7: every output stays finite and non-negative for every slider setting and schedule.
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const arbSchedule = (drug: DrugId): fc.Arbitrary<DoseSchedule> =>
  fc
    .record({
      dose: fc.oneof(fc.constant(0), fc.double({ min: 0, max: DOSE_LIMITS[drug].mouse.max, noNaN: true })),
      start: fc.double({ min: 0, max: 60, noNaN: true }),
      length: fc.double({ min: 0, max: 120, noNaN: true }),
      interval: fc.oneof(fc.constant(1), fc.double({ min: 0.25, max: 30, noNaN: true })),
    })
    .map(({ dose, start, length, interval }) => ({ dose, start, stop: start + length, interval }));
const arbTreatments = fc.record(
  Object.fromEntries(DRUG_IDS.map((d) => [d, fc.option(arbSchedule(d), { nil: undefined })])) as Record<
    DrugId,
    fc.Arbitrary<DoseSchedule | undefined>
  >,
);

describe('claim 7: outputs are finite and non-negative for every input', () => {
  it('holds for random sliders, settings and schedules (property test)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SETTINGS),
        unit,
        unit,
        unit,
        fc.constantFrom('low' as const, 'high' as const),
        fc.boolean(),
        arbTreatments,
        (setting, nrf2, neat1, il6, axl, cd8Depleted, treatments) => {
          const clean = Object.fromEntries(Object.entries(treatments).filter(([, v]) => v)) as Partial<
            Record<DrugId, DoseSchedule>
          >;
          const s: Scenario = {
            setting,
            horizon: setting === 'hcc-patient' ? 365 : 60,
            outputStep: 1,
            inputs: { nrf2, neat1, il6, axl, cd8Depleted },
            arms: [{ name: 'random', inputs: {}, treatments: clean }],
          };
          const arm = simulate(s).arms[0];
          for (const name of SERIES_NAMES) {
            for (const x of arm.series[name]) {
              if (!Number.isFinite(x) || x < 0) throw new Error(`${name} = ${x}`);
            }
          }
        },
      ),
      { numRuns: 120, seed: 20261123 },
    );
  });

  it('holds at the extremes: every drug at its largest dose every day, sliders at both ends', () => {
    for (const setting of SETTINGS) {
      for (const level of [0, 1]) {
        const scale = setting === 'hcc-patient' ? 'patient' : 'mouse';
        const treatments = Object.fromEntries(
          DRUG_IDS.map((d) => [d, { dose: DOSE_LIMITS[d][scale].max, start: 0, stop: 1e4, interval: 1 }]),
        );
        const s: Scenario = {
          ...scenario(setting, setting === 'hcc-patient' ? 1825 : 365, treatments),
          inputs: { nrf2: level, neat1: level, il6: level, axl: level ? 'high' : 'low', cd8Depleted: level === 1 },
        };
        const arm = simulate(s).arms[0];
        for (const name of SERIES_NAMES)
          for (const x of arm.series[name]) expect(Number.isFinite(x) && x >= 0).toBe(true);
      }
    }
    // 4 settings x 2 slider ends x every drug for 1-5 years: ~100 s on a loaded shared machine (origin and this change
    // alike), beyond the default 60 s
  }, 300_000);
});

describe('parameters', () => {
  it('every patient value lies within its documented patient range', () => {
    const outside = PARAMETERS.filter((info) => {
      const [lo, hi] = parameterRange(info, 'patient');
      return info.patient < lo || info.patient > hi;
    }).map((info) => info.id);
    expect(outside).toEqual([]);
  });

  it('every parameter has a finite value at both scales, within its documented range at the mouse scale', () => {
    for (const info of PARAMETERS) {
      expect(Number.isFinite(info.mouse) && Number.isFinite(info.patient), info.id).toBe(true);
      expect(info.mouse, info.id).toBeGreaterThanOrEqual(info.range[0]);
      expect(info.mouse, info.id).toBeLessThanOrEqual(info.range[1]);
    }
    const ids = PARAMETERS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const setting of SETTINGS) {
      for (const [id, value] of Object.entries(settingParameters(setting)))
        expect(Number.isFinite(value), id).toBe(true);
    }
  });
});

describe('documentation', () => {
  it('docs/model.md lists every parameter of src/model/parameters.ts', () => {
    const doc = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');
    for (const p of PARAMETERS) expect(doc, p.id).toContain(`\`${p.id}\``);
  });
  it('docs/model.md lists every output series', () => {
    const doc = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');
    for (const s of SERIES_NAMES) expect(doc, s).toContain(`\`${s}\``);
  });
});
