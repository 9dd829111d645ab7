/**
 * A variable is one number of a scenario that a scan or an analysis moves: a model parameter, a slider (NRF2, NEAT1,
 * IL-6; shared or one arm's), or one drug's dose, start day or window length (in every arm that gives the drug, or in
 * one arm). Written as text the way the link names things:
 *
 *   p.tCellKillRate          a model parameter (any id of the parameter table)
 *   nrf2, neat1, il6         a shared slider;  arm3.nrf2  arm 3's own value (counting from 1)
 *   cox2.dose  cox2.start  cox2.window       a drug (link code) in every arm that gives it;  arm5.cox2.start  one arm
 *
 * Moving the start day keeps the window's length; moving the window length keeps the start. Pure.
 *
 * Scans and sensitivity analyses build their scenarios here (scenario-level knowledge: link names, ranges, arms);
 * the model reads the results (src/model/analysis); the worker and the command line put the two together.
 */
import {
  isParameterId,
  orderedParameters,
  PARAMETER_KEY_PREFIX,
  type ParameterId,
  parameterDefault,
  parameterRange,
} from './catalogue/parameters';
import { DRUG_BY_CODE, DRUG_CODES } from './encode';
import { doseRange, HORIZON_LIMITS, NUMERIC_INPUTS, type NumericInput, SCHEDULE_LIMITS } from './limits';
import type { DrugId, Scenario } from './types';

export type ScheduleField = 'dose' | 'start' | 'window';

export type Variable =
  | { kind: 'parameter'; id: ParameterId }
  | { kind: 'input'; key: NumericInput; arm?: number }
  | { kind: 'schedule'; drug: DrugId; field: ScheduleField; arm?: number };

export interface VariableRange {
  min: number;
  max: number;
  unit: string;
  /** sample on a log scale (a positive range over two decades or more) */
  log: boolean;
}

/** The text form of a variable (what `parseVariable` reads). */
export function variableName(v: Variable): string {
  const arm = v.kind !== 'parameter' && v.arm !== undefined ? `arm${v.arm + 1}.` : '';
  if (v.kind === 'parameter') return `${PARAMETER_KEY_PREFIX}${v.id}`;
  if (v.kind === 'input') return `${arm}${v.key}`;
  return `${arm}${DRUG_CODES[v.drug]}.${v.field}`;
}

/** A variable from its text form, or a message saying what is wrong. */
export function parseVariable(text: string): Variable | { error: string } {
  const t = text.trim();
  if (t.startsWith(PARAMETER_KEY_PREFIX)) {
    const id = t.slice(PARAMETER_KEY_PREFIX.length);
    return isParameterId(id)
      ? { kind: 'parameter', id }
      : { error: `unknown model parameter '${id}' (see docs/model.md, "Parameters")` };
  }
  let rest = t;
  let arm: number | undefined;
  const armMatch = /^arm(\d+)\.(.*)$/.exec(t);
  if (armMatch) {
    arm = Number(armMatch[1]) - 1;
    rest = armMatch[2];
    if (arm < 0) return { error: `arms count from 1: '${t}'` };
  }
  if ((NUMERIC_INPUTS as readonly string[]).includes(rest)) return { kind: 'input', key: rest as NumericInput, arm };
  const dot = rest.indexOf('.');
  const drug = dot > 0 ? DRUG_BY_CODE.get(rest.slice(0, dot)) : undefined;
  const field = rest.slice(dot + 1);
  if (drug && (field === 'dose' || field === 'start' || field === 'window')) {
    return { kind: 'schedule', drug, field, arm };
  }
  return {
    error: `'${t}' is not a variable; write p.<parameter>, nrf2, neat1, il6, <drug>.dose, <drug>.start or <drug>.window (drug codes ${Object.values(DRUG_CODES).join(', ')}), optionally after armN.`,
  };
}

/** The arms a variable changes (all arms giving the drug, or the one arm); [] when it changes nothing. */
export function affectedArms(scenario: Scenario, v: Variable): number[] {
  if (v.kind === 'parameter') return scenario.arms.map((_, i) => i);
  if (v.kind === 'input') return v.arm === undefined ? scenario.arms.map((_, i) => i) : [v.arm];
  const arms = v.arm === undefined ? scenario.arms.map((_, i) => i) : [v.arm];
  return arms.filter((i) => scenario.arms[i]?.treatments[v.drug] !== undefined);
}

/** A problem with using the variable on this scenario (an arm that does not exist, a drug no arm gives), or null. */
export function checkVariable(scenario: Scenario, v: Variable): string | null {
  return checkVariableProblem(scenario, v)?.message ?? null;
}

/** checkVariable's problem with its Japanese text, or null. */
export function checkVariableProblem(scenario: Scenario, v: Variable): { message: string; messageJa: string } | null {
  const name = variableName(v);
  if (v.kind !== 'parameter' && v.arm !== undefined && v.arm >= scenario.arms.length) {
    return {
      message: `${name}: the scenario has ${scenario.arms.length} arms`,
      messageJa: `${name}: このシナリオの群は ${scenario.arms.length} 個です`,
    };
  }
  if (v.kind === 'schedule' && affectedArms(scenario, v).length === 0) {
    return {
      message: `${name}: no arm${v.arm === undefined ? '' : ` ${v.arm + 1}`} gives ${v.drug}`,
      messageJa: `${name}: ${v.arm === undefined ? '' : `群 ${v.arm + 1} で`}${v.drug} を投与する群がありません`,
    };
  }
  if (v.kind === 'parameter') {
    const r = parameterRange(v.id, scenario.setting);
    if (!(r.max > r.min))
      return {
        message: `${name} has no range to vary over in ${scenario.setting}`,
        messageJa: `${name} は ${scenario.setting} では動かせる範囲がありません`,
      };
  }
  return null;
}

/** The range a variable is varied over when none is given: the documented one. */
export function defaultRange(scenario: Scenario, v: Variable): VariableRange {
  if (v.kind === 'parameter') {
    const r = parameterRange(v.id, scenario.setting);
    return { ...r, log: r.min > 0 && r.max / r.min >= 100 };
  }
  if (v.kind === 'input') return { min: 0, max: 1, unit: '', log: false };
  const horizon = Math.min(scenario.horizon, HORIZON_LIMITS[scenario.setting].max);
  if (v.field === 'dose') {
    const r = doseRange(v.drug, scenario.setting);
    return { min: r.min, max: r.max, unit: r.unit, log: false };
  }
  if (v.field === 'start') return { min: SCHEDULE_LIMITS.start.min, max: horizon, unit: 'days', log: false };
  return { min: 0, max: horizon, unit: 'days', log: false };
}

/** A unit coordinate in [0, 1] mapped onto a range (log-uniform on a log range). */
export function fromUnit(r: VariableRange, u: number): number {
  if (r.log) return r.min * (r.max / r.min) ** u;
  return r.min + u * (r.max - r.min);
}

/** The value a variable has in a scenario (for a drug in several arms: in the first of them). */
export function currentValue(scenario: Scenario, v: Variable, defaults: Readonly<Record<string, number>>): number {
  if (v.kind === 'parameter') return scenario.parameters?.[v.id] ?? defaults[v.id];
  if (v.kind === 'input') {
    const arm = v.arm === undefined ? undefined : scenario.arms[v.arm];
    return (arm?.inputs[v.key] as number | undefined) ?? scenario.inputs[v.key];
  }
  const i = affectedArms(scenario, v)[0];
  const s = scenario.arms[i]?.treatments[v.drug];
  if (!s) return Number.NaN;
  return v.field === 'dose' ? s.dose : v.field === 'start' ? s.start : s.stop - s.start;
}

/** The scenario with the variable set to `value` (a new object; the input is not changed). */
export function applyVariable(scenario: Scenario, v: Variable, value: number): Scenario {
  if (v.kind === 'parameter') return { ...scenario, parameters: { ...scenario.parameters, [v.id]: value } };
  if (v.kind === 'input') {
    if (v.arm === undefined) {
      // a shared slider: arms with their own value of this input keep it, as in the app
      return { ...scenario, inputs: { ...scenario.inputs, [v.key]: value } };
    }
    return {
      ...scenario,
      arms: scenario.arms.map((a, i) => (i === v.arm ? { ...a, inputs: { ...a.inputs, [v.key]: value } } : a)),
    };
  }
  const targets = new Set(affectedArms(scenario, v));
  return {
    ...scenario,
    arms: scenario.arms.map((a, i) => {
      const s = a.treatments[v.drug];
      if (!targets.has(i) || !s) return a;
      const length = s.stop - s.start;
      const next =
        v.field === 'dose'
          ? { ...s, dose: value }
          : v.field === 'start'
            ? { ...s, start: value, stop: value + length }
            : { ...s, stop: s.start + value };
      return { ...a, treatments: { ...a.treatments, [v.drug]: next } };
    }),
  };
}

/** A factor of a sensitivity analysis or a fit: a variable and the range it moves over. */
export interface Factor {
  variable: Variable;
  range: VariableRange;
}

/**
 * The scenario of one run of a design: each factor at the value of its unit coordinate (NaN: left as it is), and only
 * the arms listed (all when absent), in that order.
 */
export function factorScenario(
  base: Scenario,
  factors: readonly Factor[],
  unit: ArrayLike<number>,
  arms?: number[],
): Scenario {
  let s = base;
  factors.forEach((f, j) => {
    if (!Number.isNaN(unit[j])) s = applyVariable(s, f.variable, fromUnit(f.range, unit[j]));
  });
  return arms ? { ...s, arms: arms.map((i) => s.arms[i]) } : s;
}

/** The scenario with each factor at a value (not a unit coordinate): what a fit evaluates. */
export function valuesScenario(base: Scenario, factors: readonly Factor[], values: ArrayLike<number>): Scenario {
  let s = base;
  factors.forEach((f, j) => {
    s = applyVariable(s, f.variable, values[j]);
  });
  return s;
}

/** A model parameter the scenario changes from its setting's value. */
export interface ParameterChange {
  id: string;
  value: number;
  default: number;
}

/**
 * The model parameters a scenario changes (the parameter table's order), each with the setting's value: what a
 * chart's caption and an exported figure list, so that a figure made with changed parameters says so.
 */
export function parameterChanges(scenario: Pick<Scenario, 'setting' | 'parameters'>): ParameterChange[] {
  return orderedParameters(scenario.parameters).map(([id, value]) => ({
    id,
    value,
    default: parameterDefault(id, scenario.setting),
  }));
}

/**
 * The range a fit may move a variable over: a parameter's documented range; a drug's dose within the setting's dose
 * limits; its start day from day 0 to the horizon (the window's length kept, as applyVariable moves it); its window
 * length from the shortest dose interval (SCHEDULE_LIMITS) to the horizon, and no longer than keeps every arm giving
 * the drug within the dose-count limit. Every value inside keeps each schedule valid (validateScenario), so a fit's
 * steps and its result are scenarios the codec accepts.
 */
export function fitRange(scenario: Scenario, v: Variable): VariableRange {
  const r = defaultRange(scenario, v);
  if (v.kind !== 'schedule') return r;
  if (v.field === 'dose') return r;
  const horizon = Math.min(scenario.horizon, HORIZON_LIMITS[scenario.setting].max);
  if (v.field === 'start')
    return { ...r, min: SCHEDULE_LIMITS.start.min, max: Math.min(horizon, SCHEDULE_LIMITS.start.max) };
  const intervals = affectedArms(scenario, v).map((i) => scenario.arms[i].treatments[v.drug]?.interval ?? Infinity);
  const longest = Math.min(horizon, ...intervals.map((dt) => (SCHEDULE_LIMITS.maxDoses - 1) * dt));
  return { ...r, min: SCHEDULE_LIMITS.interval.min, max: longest };
}
