/**
 * The parameter catalogue: what a link, the command line and the views may know about the model's parameters (id,
 * unit, default and documented range in each setting, source), read generically from the one parameter table
 * (src/model/parameters.ts, pure data) and the settings' overrides. Nothing here lists parameters by name, so a
 * parameter added to the table is editable, shareable and scannable at once.
 *
 * Ranges (the box a link, the command line and the panels accept): the table's documented range at the setting's
 * scale, the patient range where the table gives one (`patientRange`) and the mouse range otherwise, exactly as the
 * ensemble reads it (model/parameters.ts `parameterRange`). A setting's own value (e.g. no T-cell recruitment in an
 * immunodeficient xenograft, the FLAURA fit of the patient lung setting) widens the box to hold it, so a setting's
 * default is always accepted.
 */
// The one import of the model from the scenario layer, and on purpose: the parameter table is the single source of
// truth for ids, units, values and ranges, and it is pure data (parameters.ts and settings.ts run no model code).
import { parameterRange as documentedRange, PARAMETERS, type ParameterInfo } from '../../model/parameters';
import { settingParameters } from '../../model/settings';
import { type FieldError, quote } from '../fieldError';
import { SETTING_SCALE } from '../limits';
import type { Setting } from '../types';

export type ParameterId = ParameterInfo['id'];

/** Every parameter id, in the table's order (the order links write them). */
export const PARAMETER_IDS: readonly ParameterId[] = PARAMETERS.map((p) => p.id);

const INFO = new Map<string, ParameterInfo>(PARAMETERS.map((p) => [p.id, p]));

/** The link key prefix of a parameter: `p.<id>=<value>`. */
export const PARAMETER_KEY_PREFIX = 'p.';

/**
 * Renamed parameters: old id -> new id. A link written before a rename still sets the parameter (the key is read as
 * the new one and written back under the new name). Never remove an entry.
 */
export const PARAMETER_RENAMES: Readonly<Record<string, ParameterId>> = Object.freeze({});

export function isParameterId(id: string): id is ParameterId {
  return INFO.has(id);
}

export function parameterInfo(id: ParameterId): ParameterInfo {
  return INFO.get(id) as ParameterInfo;
}

/** The value the model uses in `setting` when the scenario does not change it. */
export function parameterDefault(id: ParameterId, setting: Setting): number {
  return settingParameters(setting)[id];
}

export interface ParameterRange {
  min: number;
  max: number;
  unit: string;
}

/** The documented range of a parameter in a setting, widened to hold the setting's own value (see the header). */
export function parameterRange(id: ParameterId, setting: Setting): ParameterRange {
  const info = parameterInfo(id);
  const [min, max] = documentedRange(info, SETTING_SCALE[setting]);
  const own = parameterDefault(id, setting);
  return { min: Math.min(min, own), max: Math.max(max, own), unit: info.unit };
}

/** Parameters whose range has width (extinctionThreshold, fixed at one cell, has none): the ones worth varying. */
export function variableParameters(setting: Setting): ParameterId[] {
  return PARAMETER_IDS.filter((id) => {
    const r = parameterRange(id, setting);
    return r.max > r.min;
  });
}

function unitText(unit: string): string {
  return unit && unit !== '-' ? ` ${unit}` : '';
}

/** The label of a parameter in messages: its id with its link key. */
export function parameterLabel(id: string): string {
  return `Parameter ${id} (${PARAMETER_KEY_PREFIX}${id})`;
}

/**
 * The error, if any, for one parameter value in `setting`: a known id, a finite number, inside the documented
 * range. The message is English; `messageJa` carries the same in Japanese.
 */
export function checkParameter(id: string, value: unknown, setting: Setting): FieldError | null {
  const field = `${PARAMETER_KEY_PREFIX}${id}`;
  if (!isParameterId(id)) {
    return {
      field,
      code: 'unknown-key',
      message: `Unknown model parameter ${quote(id)} is ignored; the parameters are listed in docs/model.md (e.g. ${PARAMETER_IDS.slice(0, 3).join(', ')}).`,
      messageJa: `モデルパラメーター ${quote(id)} は存在しないため無視します（一覧は docs/model.md、例: ${PARAMETER_IDS.slice(0, 3).join(', ')}）。`,
    };
  }
  const r = parameterRange(id, setting);
  const unit = unitText(r.unit);
  const allowed = `from ${r.min} to ${r.max}${unit} in ${setting}`;
  const allowedJa = `${setting} では ${r.min}〜${r.max}${unit}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return {
      field,
      code: 'not-a-number',
      message: `${parameterLabel(id)} is ${quote(String(value))}, which is not a number; it must be ${allowed}.`,
      messageJa: `パラメーター ${id}（${field}）の値 ${quote(String(value))} は数値ではありません。${allowedJa} の範囲で指定してください。`,
    };
  }
  if (value < r.min || value > r.max) {
    return {
      field,
      code: 'out-of-range',
      message: `${parameterLabel(id)} is ${value}${unit}, outside its documented range; it must be ${allowed}.`,
      messageJa: `パラメーター ${id}（${field}）の値 ${value}${unit} は文書化された範囲外です。${allowedJa} の範囲で指定してください。`,
    };
  }
  return null;
}

/** Every problem of a scenario's parameter overrides (robust to data that does not match the types). */
export function checkParameters(parameters: unknown, setting: Setting): FieldError[] {
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
    return [
      {
        field: 'parameters',
        code: 'malformed',
        message: 'The parameters are not a table of parameter ids and numbers.',
        messageJa: 'パラメーターが「パラメーター名と数値」の表になっていません。',
      },
    ];
  }
  const errors: FieldError[] = [];
  for (const [id, value] of Object.entries(parameters)) {
    if (value === undefined) continue;
    const e = checkParameter(id, value, setting);
    if (e) errors.push(e);
  }
  return errors;
}

/** The overrides in table order, without undefined entries (what a link writes). */
export function orderedParameters(parameters: Partial<Record<string, number>> | undefined): [ParameterId, number][] {
  if (!parameters) return [];
  const out: [ParameterId, number][] = [];
  for (const id of PARAMETER_IDS) {
    const value = parameters[id];
    if (value !== undefined) out.push([id, value]);
  }
  return out;
}
