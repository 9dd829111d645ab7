// targets.md's aims, one table for the calibration's report and the "Model vs" tables' marks (scenario/catalogue/trial.ts).
import { describe, expect, it } from 'vitest';
import { AIMS } from '../../src/model/calibration';
import { COMPARISON_AIMS, FLAURA_HAZARD_RATIOS, withinAim } from '../../src/scenario/catalogue/trial';

describe("a model figure against the trial's, within targets.md's aim", () => {
  it('is one table of aims for the calibration and the tables', () => {
    expect(AIMS).toEqual({
      rate: COMPARISON_AIMS.rate,
      months: COMPARISON_AIMS.months,
      'hazard-ratio': COMPARISON_AIMS.ratio,
    });
  });

  it('counts a figure at the aim as within and one past it as outside, for each kind', () => {
    expect(withinAim('rate', 0.75, 0.8)).toBe(true);
    expect(withinAim('rate', 0.74, 0.8)).toBe(false);
    expect(withinAim('months', 19.9, 18.9)).toBe(true);
    expect(withinAim('months', 18.8, 10.2)).toBe(false);
    // FLAURA's comparator: the model's PFS hazard ratio 0.91 against 0.46 is the known miss
    expect(withinAim('ratio', 0.91, FLAURA_HAZARD_RATIOS.pfs.value)).toBe(false);
    expect(withinAim('ratio', 0.52, FLAURA_HAZARD_RATIOS.pfs.value)).toBe(true);
  });

  it('never counts a figure the model could not give (no such arm, a median not reached) as within', () => {
    expect(withinAim('months', null, 18.9)).toBe(false);
    expect(withinAim('ratio', Number.NaN, 0.46)).toBe(false);
  });
});
