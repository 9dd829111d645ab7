/**
 * Field-by-field validation of a scenario against limits.ts. The decoder uses the same checks, so whatever it
 * returns passes `validateScenario`, and the UI can show the same messages next to its controls.
 */

import { checkParameters } from './catalogue/parameters';
import { COHORT_ORDER, encodeScenario } from './encode';
import { type FieldError, quote } from './fieldError';
import {
  ARM_LIMITS,
  AXL_LEVELS,
  COHORT_LIMITS,
  COHORT_SETTINGS,
  doseRange,
  HORIZON_LIMITS,
  INPUT_RANGE,
  isCohortSetting,
  MAX_QUERY_LENGTH,
  NUMERIC_INPUTS,
  OUTPUT_STEP_LIMITS,
  type Range,
  SCHEDULE_LIMITS,
  withinCount,
} from './limits';
import { hasNameControls, isInvisibleName } from './names';
import type { CohortSettings, DoseSchedule, DrugId, Inputs, Scenario, Setting } from './types';
import { CANCER_TYPES, DRUG_IDS, EGFR_STATUSES, SETTINGS } from './types';

export type { FieldError, FieldErrorCode } from './fieldError';
export { quote } from './fieldError';

/** Friendly names of the scenario fields, with their query keys. */
export const FIELD_LABELS: Record<string, string> = {
  setting: 'Setting (s)',
  horizon: 'Horizon (h)',
  outputStep: 'Output step (dt)',
  nrf2: 'NRF2 activation (nrf2)',
  neat1: 'NEAT1 expression (neat1)',
  il6: 'IL-6 level (il6)',
  axl: 'AXL status (axl)',
  cd8Depleted: 'CD8 depletion (cd8)',
  egfr: 'EGFR status (egfr)',
  cohort: 'Cohort settings (n, seed, cancer, assess, pge2cut)',
  'cohort.size': 'Cohort size (n)',
  'cohort.seed': 'Cohort seed (seed)',
  'cohort.cancer': 'Cancer type (cancer)',
  'cohort.assessmentInterval': 'Assessment interval (assess)',
  'cohort.pge2Cutoff': 'PGE2 cut-off (pge2cut)',
  'view.logScale': 'Log scale (log)',
  'view.compartments': 'Tumour compartments (comp)',
  'view.macrophageView': 'Macrophage chart (mac)',
  'view.drugView': 'Drug shown (drug)',
  'view.language': 'Language (lang)',
  'view.ensembleDraws': 'Ensemble size across plausible models (draws)',
  'view.preset': 'Preset the scenario came from (preset)',
  tool: 'Analysis (tool)',
  'tool.x': 'Analysis variable (tool.x)',
  'tool.y': 'Analysis second variable (tool.y)',
  'tool.r': 'Analysis readout (tool.r)',
  'tool.arm': 'Analysis arm (tool.arm)',
  'tool.vs': 'Analysis arm compared with (tool.vs)',
  'tool.f': 'Analysis factors (tool.f)',
  'tool.n': 'Analysis samples (tool.n)',
};

function withUnit(x: number, unit: string): string {
  return unit ? `${String(x)} ${unit}` : String(x);
}

export function describeRange(r: Range): string {
  return `from ${String(r.min)} to ${withUnit(r.max, r.unit)}`;
}

/** The error, if any, for a number that must lie in `range`. `label` starts the message. */
export function checkRange(field: string, label: string, value: number, range: Range): FieldError | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return {
      field,
      code: 'not-a-number',
      message: `${label} is ${String(value)}, not a finite number; it must be ${describeRange(range)}.`,
    };
  }
  if (value < range.min || value > range.max) {
    return {
      field,
      code: 'out-of-range',
      message: `${label} is ${withUnit(value, range.unit)}; it must be ${describeRange(range)}.`,
    };
  }
  return null;
}

export function checkSetting(value: unknown): FieldError | null {
  if (typeof value === 'string' && (SETTINGS as readonly string[]).includes(value)) return null;
  return {
    field: 'setting',
    code: 'out-of-range',
    message: `${FIELD_LABELS.setting} ${quote(String(value))} is not one of ${SETTINGS.join(', ')}.`,
  };
}

export function checkHorizon(value: number, setting: Setting): FieldError | null {
  return checkRange('horizon', `${FIELD_LABELS.horizon} for ${setting}`, value, HORIZON_LIMITS[setting]);
}

export function checkOutputStep(value: number, horizon: number): FieldError | null {
  const label = FIELD_LABELS.outputStep;
  const range: Range = { min: OUTPUT_STEP_LIMITS.min, max: horizon, step: 0, unit: 'days' };
  const basic = checkRange('outputStep', label, value, range);
  if (basic) {
    if (basic.code === 'out-of-range' && value > horizon) {
      basic.message = `${label} is ${value} days, longer than the horizon of ${horizon} days; it must be ${describeRange(range)}.`;
    }
    return basic;
  }
  const points = horizon / value;
  if (!withinCount(points, OUTPUT_STEP_LIMITS.maxPoints)) {
    const smallest = horizon / OUTPUT_STEP_LIMITS.maxPoints;
    return {
      field: 'outputStep',
      code: 'out-of-range',
      message:
        `${label} is ${value} days, which gives ${Math.ceil(points)} output points over ${horizon} days; at most ` +
        `${OUTPUT_STEP_LIMITS.maxPoints} are allowed, so it must be at least ${smallest} days.`,
    };
  }
  return null;
}

/** Checks one input value (shared or an arm override); `field` is where to report it. */
export function checkInput(field: string, key: keyof Inputs, value: unknown, labelPrefix = ''): FieldError | null {
  const label = `${labelPrefix}${FIELD_LABELS[key]}`;
  if ((NUMERIC_INPUTS as readonly string[]).includes(key))
    return checkRange(field, label, value as number, INPUT_RANGE);
  if (key === 'egfr') {
    if (typeof value === 'string' && (EGFR_STATUSES as readonly string[]).includes(value)) return null;
    return {
      field,
      code: 'out-of-range',
      message: `${label} is ${quote(String(value))}; it must be ${EGFR_STATUSES.join(' or ')}.`,
    };
  }
  if (key === 'axl') {
    if (typeof value === 'string' && (AXL_LEVELS as readonly string[]).includes(value)) return null;
    return {
      field,
      code: 'out-of-range',
      message: `${label} is ${quote(String(value))}; it must be ${AXL_LEVELS.join(' or ')}.`,
    };
  }
  if (typeof value === 'boolean') return null;
  return { field, code: 'out-of-range', message: `${label} is ${quote(String(value))}; it must be 0 (no) or 1 (yes).` };
}

const LONE_SURROGATE = /\p{Cs}/u;

/** Length of a name in Unicode code points (what 'characters' means for the 40-character limit). */
export function nameLength(name: string): number {
  return [...name].length;
}

export function checkArmName(field: string, name: unknown, armLabel: string, index = 0): FieldError | null {
  const { nameMinLength: min, nameMaxLength: max } = ARM_LIMITS;
  const rule = `names are ${min} to ${max} characters`;
  if (typeof name !== 'string') return { field, code: 'malformed', message: `${armLabel} has no name; ${rule}.` };
  if (LONE_SURROGATE.test(name)) {
    return { field, code: 'malformed', message: `${armLabel}'s name ${quote(name)} is not valid Unicode text.` };
  }
  if (hasNameControls(name)) {
    return {
      field,
      code: 'malformed',
      message: `${armLabel}'s name ${quote(name)} holds control or text-direction characters; names are plain text.`,
    };
  }
  if (name !== name.trim()) {
    return {
      field,
      code: 'malformed',
      message: `${armLabel}'s name ${quote(name)} starts or ends with white space; names are trimmed.`,
    };
  }
  const length = nameLength(name);
  if (length < min) return { field, code: 'malformed', message: `${armLabel} has an empty name; ${rule}.` };
  if (isInvisibleName(name)) {
    return {
      field,
      code: 'malformed',
      message: `${armLabel}'s name has no visible character (only blank, zero-width or combining characters); ${rule}, at least one of them visible.`,
      messageJa: `群 ${index + 1} の名前には目に見える文字がありません（空白、幅のない文字、結合文字だけです）。名前は ${min}〜${max} 文字で、少なくとも1文字は目に見える文字にしてください。`,
    };
  }
  if (length > max) {
    return {
      field,
      code: 'too-long',
      message: `${armLabel}'s name ${quote(name)} is ${length} characters long; ${rule}.`,
    };
  }
  return null;
}

/** 'Arm 3 (“Atezo/bev”)': how messages refer to arm `index` (0-based). */
export function armLabel(index: number, name?: string): string {
  return typeof name === 'string' && name.trim() !== '' && name !== `Arm ${index + 1}`
    ? `Arm ${index + 1} (“${[...name.trim()].slice(0, 20).join('')}”)`
    : `Arm ${index + 1}`;
}

/**
 * All problems of one dosing schedule. `prefix` is the field path of the treatment, e.g. 'arm[0].treatments.bevacizumab';
 * `who` starts each message, e.g. 'Arm 1 (“Control”): bevacizumab'.
 */
export function checkSchedule(
  prefix: string,
  who: string,
  drug: DrugId,
  schedule: DoseSchedule,
  setting: Setting,
): FieldError[] {
  const errors: FieldError[] = [];
  const push = (e: FieldError | null) => {
    if (e) errors.push(e);
  };
  const dose = doseRange(drug, setting);
  const doseError = checkRange(`${prefix}.dose`, `${who} dose`, schedule.dose, dose);
  if (doseError?.code === 'out-of-range') doseError.message = doseError.message.replace(/\.$/, ` in ${setting}.`);
  push(doseError);
  const startError = checkRange(`${prefix}.start`, `${who} start`, schedule.start, SCHEDULE_LIMITS.start);
  push(startError);
  const { interval, stop, start } = schedule;
  let intervalError: FieldError | null;
  if (typeof interval === 'number' && Number.isFinite(interval) && interval <= 0) {
    intervalError = {
      field: `${prefix}.interval`,
      code: 'impossible-schedule',
      message:
        `${who} interval is ${interval} days; doses must be at least ` +
        `${SCHEDULE_LIMITS.interval.min} days apart (${describeRange(SCHEDULE_LIMITS.interval)}).`,
    };
  } else {
    intervalError = checkRange(`${prefix}.interval`, `${who} interval`, interval, SCHEDULE_LIMITS.interval);
  }
  push(intervalError);
  if (typeof stop !== 'number' || !Number.isFinite(stop)) {
    push({
      field: `${prefix}.stop`,
      code: 'not-a-number',
      message: `${who} stop is ${String(stop)}, not a finite number; it must be a day after the start.`,
    });
    return errors;
  }
  if (startError) return errors;
  if (stop <= start) {
    push({
      field: `${prefix}.stop`,
      code: 'impossible-schedule',
      message: `${who} stops on day ${stop}, which is not after its start on day ${start}; the stop must be later than the start.`,
    });
    return errors;
  }
  if (intervalError) return errors;
  const doses = (stop - start) / interval;
  if (!withinCount(doses, SCHEDULE_LIMITS.maxDoses)) {
    push({
      field: `${prefix}.interval`,
      code: 'impossible-schedule',
      message:
        `${who} from day ${start} to day ${stop} every ${interval} days is ${Math.ceil(doses)} doses; at most ` +
        `${SCHEDULE_LIMITS.maxDoses} are allowed (lengthen the interval or shorten the window).`,
    });
  }
  return errors;
}

/** The numeric cohort settings, and which of them must be whole numbers. */
export const COHORT_NUMBERS = ['size', 'seed', 'assessmentInterval', 'pge2Cutoff'] as const;
export type CohortNumber = (typeof COHORT_NUMBERS)[number];
const WHOLE_COHORT_NUMBERS: readonly CohortNumber[] = ['size', 'seed'];

/** How the allowed values of a numeric cohort setting are described in messages. */
export function describeCohortRange(key: CohortNumber): string {
  const range = describeRange(COHORT_LIMITS[key]);
  return WHOLE_COHORT_NUMBERS.includes(key) ? `a whole number ${range}` : range;
}

/** The error, if any, for one numeric cohort setting: in range, and a whole number for the size and the seed. */
export function checkCohortNumber(key: CohortNumber, value: number): FieldError | null {
  const field = `cohort.${key}`;
  const label = FIELD_LABELS[field];
  const range = COHORT_LIMITS[key];
  const basic = checkRange(field, label, value, range);
  if (basic) {
    if (WHOLE_COHORT_NUMBERS.includes(key))
      basic.message = basic.message.replace(/it must be /, 'it must be a whole number ');
    return basic;
  }
  if (WHOLE_COHORT_NUMBERS.includes(key) && !Number.isInteger(value)) {
    return {
      field,
      code: 'out-of-range',
      message: `${label} is ${withUnit(value, range.unit)}, which is not a whole number; it must be ${describeCohortRange(key)}.`,
    };
  }
  return null;
}

export function checkCancer(value: unknown): FieldError | null {
  if (typeof value === 'string' && (CANCER_TYPES as readonly string[]).includes(value)) return null;
  return {
    field: 'cohort.cancer',
    code: 'out-of-range',
    message: `${FIELD_LABELS['cohort.cancer']} is ${quote(String(value))}; it must be one of ${CANCER_TYPES.join(', ')}.`,
  };
}

/** The error, if any, for a cohort in this setting: a virtual trial runs only in the COHORT_SETTINGS. */
export function checkCohortSetting(setting: Setting): FieldError | null {
  if (isCohortSetting(setting)) return null;
  return {
    field: 'cohort',
    code: 'incompatible',
    message: `${FIELD_LABELS.cohort} need the ${COHORT_SETTINGS.join(' or ')} setting; the setting is ${setting}.`,
  };
}

/** Every problem of the cohort settings of a scenario in `setting`. */
export function checkCohort(cohort: unknown, setting: Setting): FieldError[] {
  if (typeof cohort !== 'object' || cohort === null) {
    return [{ field: 'cohort', code: 'malformed', message: `${FIELD_LABELS.cohort}: the cohort is not an object.` }];
  }
  const errors: FieldError[] = [];
  const settingError = checkCohortSetting(setting);
  if (settingError) errors.push(settingError);
  const c = cohort as Partial<CohortSettings>;
  for (const key of COHORT_ORDER) {
    const e = key === 'cancer' ? checkCancer(c.cancer) : checkCohortNumber(key, c[key] as number);
    if (e) errors.push(e);
  }
  return errors;
}

const INPUT_KEYS_ALL: readonly string[] = ['nrf2', 'neat1', 'il6', 'axl', 'cd8Depleted', 'egfr'];

/**
 * Every problem of a scenario, [] when it is valid. Valid means: inside limits.ts, names trimmed and well-formed,
 * and a link no longer than MAX_QUERY_LENGTH characters (so that the scenario can be shared and read back).
 * Robust to data that does not match the types (from JSON, the CLI or old storage).
 */
export function validateScenario(s: Scenario): FieldError[] {
  const errors: FieldError[] = [];
  const push = (e: FieldError | null) => {
    if (e) errors.push(e);
  };
  const settingError = checkSetting(s.setting);
  push(settingError);
  const setting: Setting = settingError ? 'hcc-mouse' : s.setting;
  const horizonError = checkHorizon(s.horizon, setting);
  push(horizonError);
  // the output step is judged against the horizon, so only once the horizon is valid
  if (!horizonError) push(checkOutputStep(s.outputStep, s.horizon));
  const inputs = (s.inputs ?? {}) as Partial<Inputs>;
  for (const key of INPUT_KEYS_ALL as (keyof Inputs)[]) {
    // the EGFR status is optional (absent: the setting's default)
    if (key === 'egfr' && inputs.egfr === undefined) continue;
    push(checkInput(key, key, inputs[key]));
  }
  const arms = Array.isArray(s.arms) ? s.arms : [];
  if (arms.length < ARM_LIMITS.minArms || arms.length > ARM_LIMITS.maxArms) {
    push({
      field: 'arms',
      code: arms.length > ARM_LIMITS.maxArms ? 'too-many' : 'out-of-range',
      message: `The scenario has ${arms.length} arms; it must have ${ARM_LIMITS.minArms} to ${ARM_LIMITS.maxArms}.`,
    });
  }
  arms.forEach((arm, i) => {
    const at = `arm[${i}]`;
    const label = armLabel(i, arm?.name);
    push(checkArmName(`${at}.name`, arm?.name, label, i));
    if (arm?.hidden !== undefined && typeof arm.hidden !== 'boolean') {
      push({ field: `${at}.hidden`, code: 'malformed', message: `${label}: 'hidden' must be true or false.` });
    }
    for (const [key, value] of Object.entries(arm?.inputs ?? {})) {
      if (!INPUT_KEYS_ALL.includes(key)) {
        push({
          field: `${at}.inputs`,
          code: 'unknown-key',
          message: `${label} overrides unknown input ${quote(key)}.`,
        });
      } else if (value !== undefined) {
        push(checkInput(`${at}.inputs.${key}`, key as keyof Inputs, value, `${label}: `));
      }
    }
    for (const [drug, schedule] of Object.entries(arm?.treatments ?? {})) {
      if (!(DRUG_IDS as readonly string[]).includes(drug)) {
        push({ field: `${at}.treatments`, code: 'unknown-key', message: `${label} has unknown drug ${quote(drug)}.` });
      } else if (schedule !== undefined) {
        const prefix = `${at}.treatments.${drug}`;
        if (typeof schedule !== 'object' || schedule === null) {
          push({ field: prefix, code: 'malformed', message: `${label}: the ${drug} schedule is not a schedule.` });
        } else errors.push(...checkSchedule(prefix, `${label}: ${drug}`, drug as DrugId, schedule, setting));
      }
    }
  });
  if (s.cohort !== undefined) errors.push(...checkCohort(s.cohort, setting));
  if (s.parameters !== undefined) errors.push(...checkParameters(s.parameters, setting));
  if (errors.length === 0) {
    const length = encodeScenario(s).length;
    if (length > MAX_QUERY_LENGTH) {
      push({
        field: 'query',
        code: 'too-long',
        message: `The scenario's link would be ${length} characters long; links are limited to ${MAX_QUERY_LENGTH}. Remove an arm or a treatment, or shorten names.`,
      });
    }
  }
  return errors;
}
