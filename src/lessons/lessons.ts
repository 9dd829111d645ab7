/**
 * Guided lessons, one per study: each step shows an experiment (a preset, possibly changed: arms hidden, an input
 * moved) and the catalogues hold its text and a question for the audience (keys lesson.<id>.<n>.text and
 * lesson.<id>.<n>.question, n from 1). The science stays in the presets; a step only chooses what to show.
 */
import type { Scenario } from '../scenario/types';

export interface LessonStep {
  preset: string;
  /** arm indices of the preset to show; the others are hidden (kept, and shared in the link). All when absent. */
  show?: number[];
  /** a change to the preset's scenario after the arms are chosen */
  edit?: (scenario: Scenario) => Scenario;
}

export interface Lesson {
  id: string;
  steps: LessonStep[];
}

/** Sets NRF2 to `level` in the arms given by index (the mutant arms of the patient preset). */
function nrf2In(arms: number[], level: number): (s: Scenario) => Scenario {
  return (s) => ({
    ...s,
    arms: s.arms.map((arm, i) => (arms.includes(i) ? { ...arm, inputs: { ...arm.inputs, nrf2: level } } : arm)),
  });
}

export const LESSONS: readonly Lesson[] = [
  {
    id: 'nrf2',
    steps: [
      { preset: 'nrf2-atezo-bev', show: [0, 1] },
      { preset: 'nrf2-atezo-bev', show: [1, 2, 3] },
      { preset: 'nrf2-atezo-bev', show: [1, 3, 4] },
    ],
  },
  {
    id: 'neat1',
    steps: [
      { preset: 'neat1-cd24', show: [0, 1] },
      { preset: 'neat1-cd24', show: [1, 2, 3] },
      { preset: 'neat1-cd24' },
    ],
  },
  {
    id: 'keap1',
    steps: [{ preset: 'keap1-nrf2-patients' }, { preset: 'keap1-nrf2-patients', edit: nrf2In([2, 3], 0.5) }],
  },
  {
    id: 'osimertinib',
    steps: [
      { preset: 'osimertinib-igf1r', show: [0, 1] },
      { preset: 'osimertinib-igf1r', show: [1, 2, 3] },
      { preset: 'osimertinib-igf1r', show: [1, 2, 4] },
    ],
  },
  {
    id: 'il6',
    steps: [
      { preset: 'il6-pdl1', show: [0, 3] },
      { preset: 'il6-pdl1', show: [0, 1, 3, 4] },
      { preset: 'il6-pdl1', show: [1, 2, 4, 5] },
    ],
  },
];

/** The scenario a lesson step shows, from the preset's scenario (with names already chosen by the caller). */
export function stepScenario(step: LessonStep, preset: Scenario): Scenario {
  const chosen: Scenario = step.show
    ? { ...preset, arms: preset.arms.map((arm, i) => ({ ...arm, hidden: !step.show?.includes(i) })) }
    : preset;
  return step.edit ? step.edit(chosen) : chosen;
}
