/**
 * Scenario <-> URL query string, so that a scenario can be shared as a link.
 *
 * Format, version 1 (every field is always written, in this order; values are URL-encoded, see below):
 *
 *   v=1&s=hcc-mouse&h=28&dt=0.25&nrf2=1&neat1=0&il6=0.5&axl=low&cd8=0
 *     &arm=Control&arm=Atezo/bev*atz:10@7-20/3*bev:10@7-20/3&arm=NRF2+low*hide*nrf2=0
 *
 *   v      format version (a link without 'v' is read as version 1, the first format)
 *   s      setting: hcc-mouse | hcc-patient | lung-egfr | crc-liver | lung-patient
 *   h      horizon, days
 *   dt     output step, days
 *   nrf2, neat1, il6   shared inputs, 0..1
 *   axl    low | high
 *   cd8    CD8 depletion, 0 | 1
 *   egfr   optional: mutant | wild-type, the tumour's EGFR status; written only when set. Absent: the setting's
 *          default (lung-egfr, lung-patient mutant; hcc-mouse, hcc-patient, crc-liver wild type), so older links read as before.
 *   n, seed, cancer, assess, pge2cut   optional: a virtual trial (Scenario.cohort), e.g.
 *            n=500&seed=1&cancer=hcc&assess=42&pge2cut=100
 *          n        cohort size, a whole number of patients, 10..10000 (default 500)
 *          seed     seed of the random generator, a whole number 0..2147483647 (default 1)
 *          cancer   hcc | escc | lusc | lung | pan-cancer: the share of NRF2-active tumours (default hcc; the lung-patient
 *                   trial has no NRF2 strata and does not read it)
 *          assess   days between RECIST assessments, 7..182 (default 42)
 *          pge2cut  baseline plasma PGE2 cut-off of the biomarker split, pg/mL, 1..1000 (default 100)
 *          Written only when the scenario has a cohort (all five, between cd8 and the first arm), so links without
 *          a cohort are exactly as before. Any one of them makes a cohort; the missing ones take their defaults.
 *          A cohort needs s=hcc-patient or s=lung-patient: in any other setting the keys are reported (field 'cohort', code
 *          'incompatible') and the cohort is dropped; the rest of the link is kept.
 *   p.<id>  optional, any number of them: a model parameter changed from the setting's value, e.g. p.tCellKillRate=4
 *          (ids and documented ranges: the parameter table, src/model/parameters.ts, via parameters.ts). Written after
 *          the view keys, in the table's order, only for changed parameters. A value outside the parameter's range in
 *          the link's setting, not a number, or an unknown id is reported (field 'p.<id>') and the setting's value is
 *          used; the rest of the link is kept. Renamed parameters are read under their new id (PARAMETER_RENAMES).
 *   log, comp, mac, drug, lang, draws, preset   optional: how the scenario is shown (chart options, language, the
 *          trial's ensemble size across plausible models, the preset whose arm names follow the language); see view.ts.
 *          Written only when given (encodeLink(s, view)); the decoder returns them as `view`.
 *   tool, tool.x, tool.y, tool.r, tool.arm, tool.vs, tool.f, tool.n   optional: the analysis set up in the toolkit (a
 *          scan, heat map, tornado, Sobol' indices or a fit, its variables, readout, arms and factors); see
 *          toolSettings.ts. Written after the view keys (encodeLink(s, view, tool)); the decoder returns it as `tool`,
 *          checked against the link's scenario, each bad field reported and left out.
 *   arm    one per arm, in order: the name, then '*'-separated items:
 *            hide                             the arm is hidden (kept and shared, not drawn)
 *            nrf2=1, neat1=…, il6=…, axl=…, cd8=…, egfr=…   an input override for this arm
 *            CODE:DOSE@START-STOP/INTERVAL    a treatment, e.g. atz:10@7-20/3 = 10 (mg/kg) on days 7, 10, …, 19
 *          drug codes: atz bev pd1 cox2 cd24 il6ab osi igf (DRUG_CODES). A '*' inside a name is written '**'.
 *
 * Numbers are written shortest round-trip (String(x)), so they read back exactly. Letters, digits and
 * - . _ ~ * : @ / = ! , are written as they are; a space is '+'; anything else (other punctuation, any non-ASCII
 * text such as Japanese names) is percent-encoded UTF-8, which is what URLSearchParams reads.
 *
 * Reading never throws. Every problem becomes a FieldError and the field falls back to its default (a bad
 * treatment or override is dropped from its arm, a bad name is replaced; other arms are untouched). Missing fields
 * take their defaults without an error, so '?s=hcc-patient' is a valid short link.
 */

import {
  checkParameter,
  isParameterId,
  PARAMETER_KEY_PREFIX,
  PARAMETER_RENAMES,
  parameterDefault,
} from './catalogue/parameters';
import {
  controlArm,
  DEFAULT_INPUTS,
  DEFAULT_SETTING,
  defaultArmName,
  defaultCohort,
  defaultHorizon,
  defaultOutputStep,
  defaultScenario,
} from './defaults';
import {
  COHORT_KEYS,
  COHORT_ORDER,
  DRUG_BY_CODE,
  DRUG_CODES,
  encodeLink,
  encodeScenario,
  FORMAT_VERSION,
  HIDE_ITEM,
  INPUT_BY_KEY,
  parseViewValue,
  viewAllowed,
} from './encode';
import {
  ARM_LIMITS,
  doseRange,
  EGFR_DEFAULT,
  HORIZON_LIMITS,
  INPUT_RANGE,
  MAX_QUERY_LENGTH,
  outputStepRange,
  type Range,
  SCHEDULE_LIMITS,
} from './limits';
import { FIRST_VERSION, type MigrationRegistry, migrations } from './migrations';
import { stripNameControls } from './names';
import { NUMBER, parseNumber } from './number';
import { readTool } from './tool';
import { TOOL_BY_KEY, TOOL_QUERY_RESERVE, type ToolSettings } from './toolSettings';
import type { Arm, CancerType, CohortSettings, DoseSchedule, Inputs, Scenario, Setting } from './types';
import { DRUG_IDS } from './types';
import {
  armLabel,
  checkArmName,
  checkCancer,
  checkCohortNumber,
  checkCohortSetting,
  checkHorizon,
  checkInput,
  checkOutputStep,
  checkSchedule,
  checkSetting,
  describeCohortRange,
  describeRange,
  FIELD_LABELS,
  type FieldError,
  nameLength,
  quote,
} from './validate';
import { VIEW_BY_KEY, VIEW_KEYS, VIEW_ORDER, VIEW_QUERY_RESERVE, type ViewOptions } from './view';

export { encodeLink, encodeScenario, FORMAT_VERSION } from './encode';
export type { ToolSettings } from './toolSettings';
export type { FieldError, FieldErrorCode } from './validate';
export { validateScenario } from './validate';
export type { ViewOptions } from './view';

export interface DecodeResult {
  /** the scenario the link describes, with defaults in place of anything missing or invalid; always valid */
  scenario: Scenario;
  /** what was wrong with the link, in the order found; [] for a clean link */
  errors: FieldError[];
  /** the view options the link gives (only those it gives, and only valid ones) */
  view: ViewOptions;
  /** the analysis the link sets up (toolSettings.ts; only valid fields), when it has one */
  tool?: ToolSettings;
  /** encodeLink(scenario, view, tool): the canonical form of the link, to put back in the address bar */
  normalised: string;
}

/** Reads a query string (with or without the leading '?'). Never throws. */
export function decodeScenario(query: string): DecodeResult {
  return decodeWith(query, migrations, FORMAT_VERSION);
}

/**
 * decodeScenario with an explicit migration registry and current version (exported so the upgrade mechanism can
 * be tested before there is a real migration).
 */
export function decodeWith(query: string, registry: MigrationRegistry, currentVersion: number): DecodeResult {
  try {
    return decodeUnguarded(query, registry, currentVersion);
  } catch {
    // A bug, not a bad link: every bad link is handled above. Still, a link must never break the page.
    return finish(defaultScenario(), {}, [
      { field: 'query', code: 'malformed', message: 'This link could not be read; the default scenario is shown.' },
    ]);
  }
}

/** Keys of single-valued parameters, other than 'v', with the field each one fills. */
const SINGLE_KEYS: Record<string, string> = {
  s: 'setting',
  h: 'horizon',
  dt: 'outputStep',
  nrf2: 'nrf2',
  neat1: 'neat1',
  il6: 'il6',
  axl: 'axl',
  cd8: 'cd8Depleted',
  egfr: 'egfr',
  n: 'cohort.size',
  seed: 'cohort.seed',
  cancer: 'cohort.cancer',
  assess: 'cohort.assessmentInterval',
  pge2cut: 'cohort.pge2Cutoff',
  ...Object.fromEntries([...VIEW_BY_KEY].map(([key, field]) => [key, `view.${field}`])),
  // the analysis keys: their field is the key itself (tool, tool.x, ...)
  ...Object.fromEntries([...TOOL_BY_KEY.keys()].map((key) => [key, key])),
};

function notANumber(field: string, label: string, text: string, allowed: string): FieldError {
  const what = !NUMBER.test(text)
    ? 'not a number'
    : Number(text) === 0
      ? 'too small to be a number (it would read as 0)'
      : 'too large to be a number';
  return {
    field,
    code: 'not-a-number',
    message: `${label} is ${quote(text)}, which is ${what}; it must be ${allowed}.`,
  };
}

function then(error: FieldError, consequence: string): FieldError {
  return { ...error, message: `${error.message} ${consequence}` };
}

function finish(scenario: Scenario, view: ViewOptions, errors: FieldError[]): DecodeResult {
  return { scenario, errors, view, normalised: encodeLink(scenario, view) };
}

/** Longest query read: the scenario's limit, plus room for the view keys and the analysis keys. */
export const MAX_LINK_LENGTH = MAX_QUERY_LENGTH + VIEW_QUERY_RESERVE + TOOL_QUERY_RESERVE;

function decodeUnguarded(query: string, registry: MigrationRegistry, currentVersion: number): DecodeResult {
  const errors: FieldError[] = [];
  const text = typeof query === 'string' ? query : '';
  if (text.length > MAX_LINK_LENGTH) {
    errors.push({
      field: 'query',
      code: 'too-long',
      message: `The link's query is ${text.length} characters long; at most ${MAX_LINK_LENGTH} are read. The default scenario is shown instead.`,
    });
    return finish(defaultScenario(), {}, errors);
  }
  const params = upgrade(new URLSearchParams(text), registry, currentVersion, errors);

  // sort the parameters: single-valued ones (first one wins), arms (in order), unknown ones (reported)
  const single = new Map<string, string>();
  const armValues: string[] = [];
  const parameterValues: [string, string][] = [];
  for (const [key, value] of params) {
    if (key === 'v') continue;
    if (key === 'arm') armValues.push(value);
    else if (key.startsWith(PARAMETER_KEY_PREFIX))
      parameterValues.push([key.slice(PARAMETER_KEY_PREFIX.length), value]);
    else if (Object.hasOwn(SINGLE_KEYS, key)) {
      const first = single.get(key);
      if (first === undefined) single.set(key, value);
      else {
        const field = SINGLE_KEYS[key];
        errors.push({
          field,
          code: 'duplicate',
          message: `${FIELD_LABELS[field]} is given more than once (${quote(first)}, then ${quote(value)}); the first is used.`,
        });
      }
    } else {
      errors.push({
        // the field names the key; a parameter with no name at all ("=1", "&&") still gets a field to show
        field: key === '' ? '(unnamed)' : key.length > 40 ? `${key.slice(0, 40)}…` : key,
        code: 'unknown-key',
        message: `Unknown parameter ${quote(key)} is ignored; the parameters are v, s, h, dt, nrf2, neat1, il6, axl, cd8, egfr, n, seed, cancer, assess, pge2cut, log, comp, mac, drug, lang, draws, tool, tool.x, tool.y, tool.r, tool.arm, tool.vs, tool.f, tool.n, p.<parameter> and arm.`,
      });
    }
  }

  let setting: Setting = DEFAULT_SETTING;
  const settingText = single.get('s');
  if (settingText !== undefined) {
    const e = checkSetting(settingText);
    if (e) errors.push(then(e, `The default ${DEFAULT_SETTING} is used.`));
    else setting = settingText as Setting;
  }

  const horizon = readNumber(
    single.get('h'),
    'horizon',
    `${FIELD_LABELS.horizon} for ${setting}`,
    describeRange(HORIZON_LIMITS[setting]),
    (x) => checkHorizon(x, setting),
    defaultHorizon(setting),
    errors,
  );
  const stepRange = outputStepRange(horizon);
  const outputStep = readNumber(
    single.get('dt'),
    'outputStep',
    FIELD_LABELS.outputStep,
    describeRange(stepRange),
    (x) => checkOutputStep(x, horizon),
    defaultOutputStep(setting, horizon),
    errors,
  );

  const inputs: Inputs = { ...DEFAULT_INPUTS };
  for (const [key, inputKey] of INPUT_BY_KEY) {
    const value = single.get(key);
    if (value === undefined) continue;
    const read = readInput(inputKey, value, inputKey, '');
    if ('error' in read)
      errors.push(
        then(
          read.error,
          inputKey === 'egfr'
            ? `The setting's default (${EGFR_DEFAULT[setting]}) is used.`
            : `The default ${formatInputValue(DEFAULT_INPUTS[inputKey] as Inputs[keyof Inputs])} is used.`,
        ),
      );
    else (inputs as unknown as Record<string, unknown>)[inputKey] = read.value;
  }

  const { maxArms } = ARM_LIMITS;
  if (armValues.length > maxArms) {
    errors.push({
      field: 'arms',
      code: 'too-many',
      message: `The link has ${armValues.length} arms; at most ${maxArms} are allowed, so arms ${maxArms + 1} to ${armValues.length} are dropped.`,
    });
  }
  const arms = armValues.slice(0, maxArms).map((value, i) => readArm(value, i, setting, errors));
  if (arms.length === 0) arms.push(controlArm());

  const scenario: Scenario = { setting, horizon, outputStep, inputs, arms };
  const cohort = readCohort(single, setting, errors);
  if (cohort) scenario.cohort = cohort;
  const view = readView(single, errors);
  const parameters = readParameters(parameterValues, setting, errors);
  if (parameters) scenario.parameters = parameters;
  // A link read back must fit the length limit itself: numbers written in full and names percent-encoded can make
  // the canonical form longer than what was pasted. Drop arms from the end until it fits (one arm always fits).
  let normalised = encodeScenario(scenario);
  while (normalised.length > MAX_QUERY_LENGTH && arms.length > 1) {
    const i = arms.length - 1;
    const dropped = arms.pop() as Arm;
    errors.push({
      field: `arm[${i}]`,
      code: 'too-long',
      message: `${armLabel(i, dropped.name)} is dropped: with it the link would be longer than ${MAX_QUERY_LENGTH} characters.`,
    });
    normalised = encodeScenario(scenario);
  }
  // the analysis is read against the final scenario (its arms, horizon and setting)
  const tool = readTool(single, scenario, errors);
  return { scenario, errors, view, ...(tool ? { tool } : {}), normalised: encodeLink(scenario, view, tool) };
}

/**
 * The model parameters the link changes: undefined when it changes none. The first value of a parameter wins; a bad
 * one is reported (in English and Japanese) and left out, so the setting's value applies.
 */
function readParameters(
  values: [string, string][],
  setting: Setting,
  errors: FieldError[],
): Partial<Record<string, number>> | undefined {
  const out: Partial<Record<string, number>> = {};
  let any = false;
  for (const [written, text] of values) {
    const id = Object.hasOwn(PARAMETER_RENAMES, written) ? PARAMETER_RENAMES[written] : written;
    const field = `${PARAMETER_KEY_PREFIX}${id}`;
    if (isParameterId(id) && out[id] !== undefined) {
      errors.push({
        field,
        code: 'duplicate',
        message: `Parameter ${id} (${field}) is given more than once; the first value, ${out[id]}, is used.`,
        messageJa: `パラメーター ${id}（${field}）が複数回指定されています。最初の値 ${out[id]} を使います。`,
      });
      continue;
    }
    const x = parseNumber(text);
    const error = checkParameter(id, x === undefined ? text : x, setting);
    if (error) {
      if (isParameterId(id)) {
        const fallback = parameterDefault(id, setting);
        errors.push({
          ...then(error, `The setting's value ${fallback} is used.`),
          messageJa: `${error.messageJa ?? ''}設定の値 ${fallback} を使います。`,
        });
      } else errors.push(error);
      continue;
    }
    out[id] = x as number;
    any = true;
  }
  return any ? out : undefined;
}

/** The view options the link gives; a bad value is reported and left out, so the default applies. */
function readView(single: Map<string, string>, errors: FieldError[]): ViewOptions {
  const view: ViewOptions = {};
  for (const key of VIEW_ORDER) {
    const text = single.get(VIEW_KEYS[key]);
    if (text === undefined) continue;
    const value = parseViewValue(key, text);
    if (value === undefined) {
      const field = `view.${key}`;
      errors.push({
        field,
        code: 'out-of-range',
        message: `${FIELD_LABELS[field]} is ${quote(text)}; it must be ${viewAllowed(key).join(', ')}. The default is used.`,
      });
    } else (view as Record<string, unknown>)[key] = value;
  }
  return view;
}

/**
 * The cohort settings: undefined when the link has none of their keys. Missing keys take their defaults silently, a
 * bad value takes its default with an error, and in a setting other than hcc-patient and lung-patient the cohort is
 * dropped with one error (its values are not read).
 */
function readCohort(single: Map<string, string>, setting: Setting, errors: FieldError[]): CohortSettings | undefined {
  if (!COHORT_ORDER.some((key) => single.has(COHORT_KEYS[key]))) return undefined;
  const settingError = checkCohortSetting(setting);
  if (settingError) {
    errors.push(then(settingError, 'The cohort is dropped; the rest of the link is kept.'));
    return undefined;
  }
  const cohort = defaultCohort();
  for (const key of COHORT_ORDER) {
    const text = single.get(COHORT_KEYS[key]);
    if (text === undefined) continue;
    if (key === 'cancer') {
      const e = checkCancer(text);
      if (e) errors.push(then(e, `The default ${cohort.cancer} is used.`));
      else cohort.cancer = text as CancerType;
      continue;
    }
    const field = `cohort.${key}`;
    cohort[key] = readNumber(
      text,
      field,
      FIELD_LABELS[field],
      describeCohortRange(key),
      (x) => checkCohortNumber(key, x),
      cohort[key],
      errors,
    );
  }
  return cohort;
}

/** Applies the migrations from the link's version up to `currentVersion`, reporting version problems. */
function upgrade(
  original: URLSearchParams,
  registry: MigrationRegistry,
  currentVersion: number,
  errors: FieldError[],
): URLSearchParams {
  const versions = original.getAll('v');
  if (versions.length > 1) {
    errors.push({
      field: 'v',
      code: 'duplicate',
      message: `Format version (v) is given more than once (${versions.map((v) => quote(v)).join(', ')}); the first is used.`,
    });
  }
  const text = versions[0];
  // no 'v': the first format, version 1 (FIRST_VERSION), upgraded like any version-1 link
  if (text === undefined) return migrate(original, FIRST_VERSION, registry, currentVersion, errors);
  const known =
    FIRST_VERSION === currentVersion ? `version ${currentVersion}` : `versions ${FIRST_VERSION} to ${currentVersion}`;
  const readAs = `The link is read as version ${currentVersion}; some settings may be lost or misread.`;
  if (!/^\d{1,9}$/.test(text)) {
    errors.push({
      field: 'v',
      code: 'unknown-version',
      message: `Format version (v) is ${quote(text)}, which is not a version number; this release reads ${known}. ${readAs}`,
    });
    return original;
  }
  const version = Number(text);
  if (version > currentVersion) {
    errors.push({
      field: 'v',
      code: 'unknown-version',
      message: `Format version (v) is ${version}, newer than this release reads (${known}); the link comes from a newer release. ${readAs}`,
    });
    return original;
  }
  return migrate(original, version, registry, currentVersion, errors);
}

/** Runs the migrations from `version` up to `currentVersion`; their notices and any failure go to `errors`. */
function migrate(
  original: URLSearchParams,
  version: number,
  registry: MigrationRegistry,
  currentVersion: number,
  errors: FieldError[],
): URLSearchParams {
  const known =
    FIRST_VERSION === currentVersion ? `version ${currentVersion}` : `versions ${FIRST_VERSION} to ${currentVersion}`;
  const readAs = `The link is read as version ${currentVersion}; some settings may be lost or misread.`;
  let params = original;
  for (let n = version; n < currentVersion; n++) {
    const migration = registry[n];
    if (!migration) {
      errors.push({
        field: 'v',
        code: 'unknown-version',
        message: `Format version (v) is ${version}, which this release cannot upgrade (it reads ${known}). ${readAs}`,
      });
      return params;
    }
    try {
      params = migration(new URLSearchParams(params), errors);
    } catch {
      errors.push({
        field: 'v',
        code: 'malformed',
        message: `The link could not be upgraded from format version ${n} to ${n + 1}. ${readAs}`,
      });
      return params;
    }
  }
  return params;
}

/**
 * A number parameter: `fallback` when absent, else the parsed value if `check` accepts it, else `fallback` with an
 * error. `allowed` describes the allowed range for the not-a-number message.
 */
function readNumber(
  text: string | undefined,
  field: string,
  label: string,
  allowed: string,
  check: (x: number) => FieldError | null,
  fallback: number,
  errors: FieldError[],
): number {
  if (text === undefined) return fallback;
  const x = parseNumber(text);
  const error = x === undefined ? notANumber(field, label, text, allowed) : check(x);
  if (!error) return x as number;
  errors.push(then(error, `The default ${fallback} is used.`));
  return fallback;
}

function formatInputValue(value: Inputs[keyof Inputs]): string {
  return typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
}

type InputRead = { value: Inputs[keyof Inputs] } | { error: FieldError };

/** One input value as written in a link (shared or an arm override). */
function readInput(key: keyof Inputs, text: string, field: string, labelPrefix: string): InputRead {
  const label = `${labelPrefix}${FIELD_LABELS[key]}`;
  if (key === 'nrf2' || key === 'neat1' || key === 'il6') {
    const x = parseNumber(text);
    if (x === undefined) return { error: notANumber(field, label, text, describeRange(INPUT_RANGE)) };
    const error = checkInput(field, key, x, labelPrefix);
    return error ? { error } : { value: x };
  }
  if (key === 'cd8Depleted' && (text === '0' || text === '1')) return { value: text === '1' };
  const error = checkInput(field, key, text, labelPrefix);
  return error ? { error } : { value: text as Inputs['axl'] | NonNullable<Inputs['egfr']> };
}

/** Splits an arm value into its name (with '**' read as '*') and its items. */
export function splitArm(value: string): { name: string; items: string[] } {
  let name = '';
  let i = 0;
  while (i < value.length) {
    const c = value[i];
    if (c === '*') {
      if (value[i + 1] !== '*') break;
      i += 1;
    }
    name += c;
    i += 1;
  }
  return { name, items: i < value.length ? value.slice(i + 1).split('*') : [] };
}

function readArm(value: string, index: number, setting: Setting, errors: FieldError[]): Arm {
  const at = `arm[${index}]`;
  const split = splitArm(value);
  const stripped = stripNameControls(split.name);
  let name = stripped.name.trim();
  if (stripped.removed) {
    errors.push({
      field: `${at}.name`,
      code: 'malformed',
      message: `${armLabel(index)}'s name held control or text-direction characters (which can hide or reorder what is shown); they are removed.`,
      messageJa: `群 ${index + 1} の名前に制御文字または文字の向きを変える文字が含まれていました（表示を隠したり並べ替えたりできるため）。取り除きました。`,
    });
  }
  const { nameMaxLength } = ARM_LIMITS;
  if (nameLength(name) > nameMaxLength) {
    errors.push({
      field: `${at}.name`,
      code: 'too-long',
      message: `${armLabel(index)}'s name ${quote(name)} is ${nameLength(name)} characters long; names are ${ARM_LIMITS.nameMinLength} to ${nameMaxLength} characters, so it is cut to ${nameMaxLength}.`,
    });
    name = [...name].slice(0, nameMaxLength).join('').trimEnd();
  }
  const nameError = checkArmName(`${at}.name`, name, armLabel(index), index);
  if (nameError) {
    name = defaultArmName(index);
    const named = then(nameError, `It is named '${name}' instead.`);
    if (nameError.messageJa) named.messageJa = `${nameError.messageJa}代わりに「${name}」とします。`;
    errors.push(named);
  }
  const label = armLabel(index, name);
  const arm: Arm = { name, inputs: {}, treatments: {}, hidden: false };
  const seen = new Set<string>(); // inputs and drugs met so far: the first of each wins
  for (const item of split.items) {
    if (item === '') continue; // a stray '*'
    if (item === HIDE_ITEM) {
      if (arm.hidden) {
        errors.push({ field: `${at}.hidden`, code: 'duplicate', message: `${label} says 'hide' more than once.` });
      }
      arm.hidden = true;
      continue;
    }
    const eq = item.indexOf('=');
    const colon = item.indexOf(':');
    if (eq >= 0 && (colon < 0 || eq < colon))
      readOverride(arm, item.slice(0, eq), item.slice(eq + 1), at, label, seen, errors);
    else if (colon >= 0) {
      readTreatment(arm, item.slice(0, colon), item.slice(colon + 1), at, label, setting, seen, errors);
    } else {
      errors.push({
        field: at,
        code: 'malformed',
        message: `${label}: the item ${quote(item)} is not understood and is ignored; an item is 'hide', an input such as nrf2=1, or a treatment such as atz:10@7-20/3.`,
      });
    }
  }
  return arm;
}

function readOverride(
  arm: Arm,
  key: string,
  text: string,
  at: string,
  label: string,
  seen: Set<string>,
  errors: FieldError[],
): void {
  const inputKey = INPUT_BY_KEY.get(key);
  if (!inputKey) {
    errors.push({
      field: `${at}.inputs`,
      code: 'unknown-key',
      message: `${label}: unknown input ${quote(key)} is ignored; the inputs are ${[...INPUT_BY_KEY.keys()].join(', ')}.`,
    });
    return;
  }
  const field = `${at}.inputs.${inputKey}`;
  if (seen.has(inputKey)) {
    errors.push({
      field,
      code: 'duplicate',
      message: `${label}: ${FIELD_LABELS[inputKey]} is set more than once; the first value is used.`,
    });
    return;
  }
  seen.add(inputKey);
  const read = readInput(inputKey, text, field, `${label}: `);
  if ('error' in read) errors.push(then(read.error, 'The override is dropped.'));
  else (arm.inputs as Record<string, unknown>)[inputKey] = read.value;
}

/** The '-' between start and stop: the first one after a character that is not an exponent 'e' (1e-7-20). */
const WINDOW = /^(.*?[^eE])-(.*)$/s;

function readTreatment(
  arm: Arm,
  code: string,
  text: string,
  at: string,
  label: string,
  setting: Setting,
  seen: Set<string>,
  errors: FieldError[],
): void {
  const drug = DRUG_BY_CODE.get(code);
  if (!drug) {
    errors.push({
      field: `${at}.treatments`,
      code: 'unknown-key',
      message: `${label}: unknown drug code ${quote(code)} is ignored; the codes are ${DRUG_IDS.map((d) => DRUG_CODES[d]).join(', ')}.`,
    });
    return;
  }
  const prefix = `${at}.treatments.${drug}`;
  const who = `${label}: ${drug} (${code})`;
  if (seen.has(drug)) {
    errors.push({ field: prefix, code: 'duplicate', message: `${who} is given more than once; the first is used.` });
    return;
  }
  seen.add(drug);
  const dropped = 'The treatment is dropped.';
  const at1 = text.indexOf('@');
  const slash = text.lastIndexOf('/');
  const window = at1 >= 0 && slash > at1 ? WINDOW.exec(text.slice(at1 + 1, slash)) : null;
  if (!window) {
    errors.push({
      field: prefix,
      code: 'malformed',
      message: `${who} schedule ${quote(text)} cannot be read; write it as dose@start-stop/interval, e.g. ${code}:10@7-20/3. ${dropped}`,
    });
    return;
  }
  const parts: [keyof DoseSchedule, string, Range | string][] = [
    ['dose', text.slice(0, at1), doseRange(drug, setting)],
    ['start', window[1], SCHEDULE_LIMITS.start],
    ['stop', window[2], 'a day after the start'],
    ['interval', text.slice(slash + 1), SCHEDULE_LIMITS.interval],
  ];
  const schedule: Partial<DoseSchedule> = {};
  let ok = true;
  for (const [part, partText, allowed] of parts) {
    const x = parseNumber(partText);
    if (x === undefined) {
      const range = typeof allowed === 'string' ? allowed : describeRange(allowed);
      errors.push(then(notANumber(`${prefix}.${part}`, `${who} ${part}`, partText, range), dropped));
      ok = false;
    } else schedule[part] = x;
  }
  if (!ok) return;
  const problems = checkSchedule(prefix, who, drug, schedule as DoseSchedule, setting);
  if (problems.length > 0) {
    for (const p of problems) errors.push(then(p, dropped));
    return;
  }
  arm.treatments[drug] = schedule as DoseSchedule;
}
