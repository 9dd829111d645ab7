/**
 * The default scenario, and the default of each field: the decoder puts these in place of a missing or invalid value.
 */
import { COHORT_LIMITS, DEFAULT_CANCER, HORIZON_LIMITS, SETTING_SCALE } from './limits';
import type { Arm, CohortSettings, Inputs, Scenario, Setting } from './types';

export const DEFAULT_SETTING: Setting = 'hcc-mouse';

/** Untreated wild-type biology with a moderate IL-6 level. */
export const DEFAULT_INPUTS: Readonly<Inputs> = Object.freeze({
  nrf2: 0,
  neat1: 0,
  il6: 0.5,
  axl: 'low',
  cd8Depleted: false,
});

export function defaultHorizon(setting: Setting): number {
  return HORIZON_LIMITS[setting].default;
}

/**
 * Output grid spacing for a horizon. Mouse settings: every 6 hours (0.25 day) — fine enough to draw dose-by-dose
 * responses over a few weeks — but never more than 1000 points, so long horizons stretch the step to horizon / 1000
 * (365 days: 0.365 day). Patients: daily, since those curves span months to years and a day is well below anything
 * visible on them (1825 days gives 1825 points, within the 5000-point limit).
 */
export function defaultOutputStep(setting: Setting, horizon: number): number {
  if (SETTING_SCALE[setting] === 'patient') return 1;
  return Math.max(0.25, horizon / 1000);
}

/** The name given to arm `index` (0-based) when its own name is missing or unusable. */
export function defaultArmName(index: number): string {
  return `Arm ${index + 1}`;
}

export function controlArm(): Arm {
  return { name: 'Control', inputs: {}, treatments: {}, hidden: false };
}

/** A fresh scenario: the setting's default horizon and output step, default inputs, one untreated 'Control' arm. */
export function defaultScenario(setting: Setting = DEFAULT_SETTING): Scenario {
  const horizon = defaultHorizon(setting);
  return {
    setting,
    horizon,
    outputStep: defaultOutputStep(setting, horizon),
    inputs: { ...DEFAULT_INPUTS },
    arms: [controlArm()],
  };
}

/** A cohort of 500 virtual HCC patients, seed 1, assessed every 42 days, PGE2 cut-off 3 (COHORT_LIMITS). */
export function defaultCohort(): CohortSettings {
  return {
    size: COHORT_LIMITS.size.default,
    seed: COHORT_LIMITS.seed.default,
    cancer: DEFAULT_CANCER,
    assessmentInterval: COHORT_LIMITS.assessmentInterval.default,
    pge2Cutoff: COHORT_LIMITS.pge2Cutoff.default,
  };
}
