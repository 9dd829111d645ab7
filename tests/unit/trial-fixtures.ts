/**
 * Trials the pool and merge tests share: the imbrave150 preset's atezolizumab + bevacizumab arms (with and without
 * celecoxib) as a small virtual HCC trial.
 */
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Scenario } from '../../src/scenario/types';

/** The imbrave150 preset's second and third arms on `size` patients of `seed`, assessed every 6 weeks. */
export function twoArmTrial(size: number, seed: number): Scenario {
  const preset = presetById('imbrave150');
  if (!preset) throw new Error('preset missing');
  return {
    ...preset.scenario,
    arms: [preset.scenario.arms[1], preset.scenario.arms[2]],
    cohort: { size, seed, cancer: 'hcc', assessmentInterval: 42, pge2Cutoff: 100 },
  };
}
