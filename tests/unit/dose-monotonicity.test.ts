/**
 * Dose monotonicity where the mechanism implies it: over random scenarios (any setting, sliders, other drugs and
 * schedules) and random members of the plausible parameter ensemble, a larger dose of one drug never leaves a larger
 * tumour at any output day. Each of these drugs only removes a brake on killing or a support of growth: anti-PD-L1
 * and anti-PD-1 release the PD-1 brake, bevacizumab opens vessels to T cells, a COX-2 inhibitor lowers PGE2, anti-CD24
 * frees phagocytosis and M1 polarisation, anti-IL-6 frees DC maturation and effector function (the PD-L1 it induces
 * through IFN is a brake, not a reversal), and an IGF-1R inhibitor kills persisters.
 *
 * The exception is osimertinib: drug-tolerant persisters enter under EGFR-inhibitor pressure (seed 003), so more
 * osimertinib can leave more persisters, and more tumour when they regrow; no monotonicity is asserted for it, and
 * the test below shows the exception on the seed's own preset.
 *
 * Tolerance: 1e-4 relative and one cell (1e-6 mm3) absolute, the solver's accumulated error between two runs whose
 * steps differ.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ensembleDraw, ensembleParameters, simulate, valueAt } from '../../src/model';
import { presetById } from '../../src/scenario/catalogue/presets';
import { DOSE_LIMITS, SETTING_SCALE } from '../../src/scenario/limits';
import type { DrugId, Scenario } from '../../src/scenario/types';
import { arbArm, arbInputs, arbSchedule, arbSetting } from './arbitraries';

const MONOTONE: DrugId[] = [
  'atezolizumab',
  'antiPD1',
  'bevacizumab',
  'cox2i',
  'antiCD24',
  'antiIL6',
  'igf1ri',
  'sorafenib',
];
const RUNS = 60;
const RELATIVE = 1e-4;
const ONE_CELL_MM3 = 1e-6;

describe('dose monotonicity: more of a drug never leaves a larger tumour where the mechanism implies it', () => {
  for (const drug of MONOTONE) {
    it(`more ${drug} never gives a larger tumour volume on any output day (random scenarios, plausible parameters)`, () => {
      fc.assert(
        fc.property(
          arbSetting.chain((setting) =>
            fc.record({
              setting: fc.constant(setting),
              inputs: arbInputs,
              arm: arbArm(setting),
              schedule: arbSchedule(drug, setting),
              more: fc.double({ min: 0, max: 1, noNaN: true }),
              horizon: fc.integer({ min: 7, max: setting === 'hcc-patient' ? 540 : 150 }),
              draw: fc.integer({ min: 0, max: 199 }),
            }),
          ),
          ({ setting, inputs, arm, schedule, more, horizon, draw }) => {
            const max = DOSE_LIMITS[drug][SETTING_SCALE[setting]].max;
            const higher = schedule.dose + more * (max - schedule.dose);
            const scenario = (dose: number): Scenario => ({
              setting,
              horizon,
              outputStep: horizon / 20,
              inputs,
              arms: [{ ...arm, treatments: { ...arm.treatments, [drug]: { ...schedule, dose } } }],
            });
            const options = { parameterOverrides: ensembleParameters(ensembleDraw(1, draw), setting) };
            const low = simulate(scenario(schedule.dose), options).arms[0].series.tumourVolume;
            const high = simulate(scenario(higher), options).arms[0].series.tumourVolume;
            for (let k = 0; k < low.length; k++) {
              if (high[k] > low[k] * (1 + RELATIVE) + ONE_CELL_MM3) {
                throw new Error(
                  `${drug} ${schedule.dose} -> ${higher}: output ${k} volume ${low[k]} -> ${high[k]} mm3`,
                );
              }
            }
          },
        ),
        { numRuns: RUNS, seed: 20261201 },
      );
    });
  }

  it('exception: more osimertinib leaves more drug-tolerant persisters at day 40 (seed 003 preset, 1 -> 5 mg/kg/day)', () => {
    const preset = presetById('osimertinib-igf1r');
    if (!preset) throw new Error('preset');
    const osiArm = preset.scenario.arms.find((a) => a.name === 'Osimertinib 40 d');
    const schedule = osiArm?.treatments.osimertinib;
    if (!osiArm || !schedule) throw new Error('osimertinib arm');
    const persistersAt40 = (dose: number): number => {
      const s: Scenario = {
        ...preset.scenario,
        arms: [{ ...osiArm, treatments: { osimertinib: { ...schedule, dose } } }],
      };
      const a = simulate(s).arms[0];
      return valueAt(a.t, a.series.persisterVolume, 40);
    };
    expect(persistersAt40(5)).toBeGreaterThan(1.5 * persistersAt40(1));
  });
});
