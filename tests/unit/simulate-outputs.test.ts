// simulateArm's `series` option: only the requested series are filled, with the same values as a full run.
import { describe, expect, it } from 'vitest';
import { simulateArm } from '../../src/model/simulate';
import { PRESETS } from '../../src/scenario/catalogue/presets';

describe('output series on request', () => {
  it('volume only: the same volumes and summary as a full run, every other series empty', () => {
    for (const preset of PRESETS) {
      for (const arm of preset.scenario.arms) {
        const full = simulateArm(preset.scenario, arm);
        const some = simulateArm(preset.scenario, arm, { series: ['tumourVolume'] });
        expect(Array.from(some.series.tumourVolume)).toEqual(Array.from(full.series.tumourVolume));
        expect(some.summary).toEqual(full.summary);
        expect(some.stats).toEqual(full.stats);
        expect(some.series.cd8.length).toBe(0);
        expect(some.series['drug.atezolizumab'].length).toBe(0);
      }
    }
  });

  it('a subset with signals: those series equal the full run, the rest are empty', () => {
    const preset = PRESETS[0];
    const arm = preset.scenario.arms[1];
    const full = simulateArm(preset.scenario, arm);
    const some = simulateArm(preset.scenario, arm, { series: ['pge2Plasma', 'cd8'] });
    expect(Array.from(some.series.pge2Plasma)).toEqual(Array.from(full.series.pge2Plasma));
    expect(Array.from(some.series.cd8)).toEqual(Array.from(full.series.cd8));
    expect(Array.from(some.series.tumourVolume)).toEqual(Array.from(full.series.tumourVolume));
    expect(some.series.m1.length).toBe(0);
  });
});
