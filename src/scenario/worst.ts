/**
 * The heaviest scenarios the codec accepts, built from the limits (limits.ts) rather than by hand, so that a change of
 * a limit changes them too: the most arms, the longest horizon with the most output points, every drug in every arm
 * at its largest dose as often as allowed. Smaller ones (fewer arms, a shorter horizon, fewer doses) measure how the
 * cost grows with each limit (scripts/limits-cost.ts, tests/unit/limits-cost.test.ts, docs/performance.md).
 */
import { type ParameterId, parameterRange, variableParameters } from './catalogue/parameters';
import {
  ARM_LIMITS,
  COHORT_LIMITS,
  DEFAULT_COHORT_SETTING,
  DOSE_LIMITS,
  HORIZON_LIMITS,
  OUTPUT_STEP_LIMITS,
  SCHEDULE_LIMITS,
  SETTING_SCALE,
} from './limits';
import { DRUG_IDS, type Scenario, type Setting } from './types';

/** The setting with the longest horizon: the most output points and the most room for doses. */
export function longestSetting(): Setting {
  return (Object.keys(HORIZON_LIMITS) as Setting[]).reduce((a, b) =>
    HORIZON_LIMITS[b].max > HORIZON_LIMITS[a].max ? b : a,
  );
}

export interface WorstOptions {
  /** arms (default the most allowed) */
  arms?: number;
  /** horizon, days (default the longest of the setting) */
  horizon?: number;
  /** doses of each drug in each arm, every `interval.min` days from day 0 (default the most allowed) */
  dosesPerDrug?: number;
  setting?: Setting;
}

/** The heaviest explorer scenario within the limits, or a lighter one along one dimension. */
export function worstScenario(options: WorstOptions = {}): Scenario {
  const setting = options.setting ?? longestSetting();
  const horizon = options.horizon ?? HORIZON_LIMITS[setting].max;
  const doses = options.dosesPerDrug ?? SCHEDULE_LIMITS.maxDoses;
  const interval = SCHEDULE_LIMITS.interval.min;
  return {
    setting,
    horizon,
    outputStep: Math.max(OUTPUT_STEP_LIMITS.min, horizon / OUTPUT_STEP_LIMITS.maxPoints),
    inputs: { nrf2: 0.5, neat1: 0.5, il6: 0.5, axl: 'high', cd8Depleted: false },
    arms: Array.from({ length: options.arms ?? ARM_LIMITS.maxArms }, (_, i) => ({
      name: `Arm ${i + 1}`,
      inputs: {},
      hidden: false,
      treatments: Object.fromEntries(
        DRUG_IDS.map((drug) => [
          drug,
          {
            dose: DOSE_LIMITS[drug][SETTING_SCALE[setting]].max,
            start: 0,
            stop: doses * interval,
            interval: doses > 1 ? interval : SCHEDULE_LIMITS.interval.max,
          },
        ]),
      ),
    })),
  };
}

/** The heaviest virtual trial: the worst scenario in the trial's setting, the most patients, the densest assessments. */
export function worstTrial(options: WorstOptions & { size?: number } = {}): Scenario {
  const scenario = worstScenario({ ...options, setting: DEFAULT_COHORT_SETTING });
  return {
    ...scenario,
    cohort: {
      size: options.size ?? COHORT_LIMITS.size.max,
      seed: 1,
      cancer: 'hcc',
      assessmentInterval: COHORT_LIMITS.assessmentInterval.min,
      pge2Cutoff: COHORT_LIMITS.pge2Cutoff.default,
    },
  };
}

/**
 * A corner of the parameter box a link may set (every parameter with a range at its minimum or its maximum, as
 * `high(index)` says): the extremes a link can reach, where the model is stiffest.
 */
export function parameterCorner(
  setting: Setting,
  high: (index: number) => boolean,
): Partial<Record<ParameterId, number>> {
  return Object.fromEntries(
    variableParameters(setting).map((id, i) => {
      const range = parameterRange(id, setting);
      return [id, high(i) ? range.max : range.min];
    }),
  );
}
