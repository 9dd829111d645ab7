/**
 * Reading the analysis settings of a link (toolSettings.ts describes the keys; encode.ts writes them): each field
 * checked against the scenario the link describes, a problem per field in English and Japanese.
 */
import { isParameterId, PARAMETER_KEY_PREFIX, variableParameters } from './catalogue/parameters';
import { factorText } from './encode';
import { type FieldError, quote } from './fieldError';
import { parseNumber } from './number';
import {
  DAY_READOUTS,
  TOOL_KEYS,
  TOOL_KINDS,
  TOOL_MAX_FACTORS,
  TOOL_ORDER,
  TOOL_POINTS,
  TOOL_READOUTS,
  TOOL_SAMPLES,
  type ToolAxis,
  type ToolKind,
  type ToolReadout,
  type ToolSettings,
  toolUses,
} from './toolSettings';
import type { Scenario } from './types';
import { checkVariableProblem, defaultRange, parseVariable, type Variable, variableName } from './variables';

/** The readout's problem for a scenario of this horizon, in English and Japanese, or null. */
export function checkToolReadout(text: string, horizon: number): { message: string; messageJa: string } | null {
  const at = text.indexOf('@');
  const kind = (at < 0 ? text : text.slice(0, at)) as ToolReadout;
  if (!(TOOL_READOUTS as readonly string[]).includes(kind))
    return {
      message: `${quote(text)} is not a readout; write volume@DAY, change@DAY, logvolume@DAY, toxicity[@DAY], ttp or eradication`,
      messageJa: `${quote(text)} は読み出しではありません。volume@日、change@日、logvolume@日、toxicity[@日]、ttp、eradication のいずれかにしてください`,
    };
  if (at < 0) {
    if (kind === 'toxicity' || !DAY_READOUTS.has(kind)) return null;
    return {
      message: `${quote(text)} needs a day: ${kind}@DAY`,
      messageJa: `${quote(text)} には日が必要です（${kind}@日）`,
    };
  }
  if (!DAY_READOUTS.has(kind)) return { message: `${kind} takes no day`, messageJa: `${kind} には日を付けません` };
  const day = parseNumber(text.slice(at + 1));
  if (day === undefined || day < 0 || day > horizon)
    return {
      message: `the day of ${quote(text)} must be a number from 0 to the horizon, ${horizon} days`,
      messageJa: `${quote(text)} の日は 0 から観察期間（${horizon} 日）までの数にしてください`,
    };
  return null;
}

const KIND_NAMES: Record<ToolKind, string> = {
  scan: 'a scan',
  heatmap: 'a heat map',
  tornado: 'a tornado',
  sobol: "Sobol' indices",
  fit: 'a fit',
};
const KIND_NAMES_JA: Record<ToolKind, string> = {
  scan: 'スキャン',
  heatmap: 'ヒートマップ',
  tornado: 'トルネード図',
  sobol: 'Sobol’ 指数',
  fit: 'フィット',
};

/**
 * The analysis of a link from its tool keys (`values`: key -> the first value given), checked against the scenario
 * the link describes; undefined when the link has none. Problems go to `errors`, one per field.
 */
export function readTool(
  values: ReadonlyMap<string, string>,
  scenario: Scenario,
  errors: FieldError[],
): ToolSettings | undefined {
  const given = TOOL_ORDER.filter((k) => values.has(TOOL_KEYS[k]));
  if (given.length === 0) return undefined;
  const kindText = values.get(TOOL_KEYS.kind);
  if (kindText === undefined || !(TOOL_KINDS as readonly string[]).includes(kindText)) {
    const keys = given.map((k) => TOOL_KEYS[k]).join(', ');
    errors.push(
      kindText === undefined
        ? {
            field: 'tool',
            code: 'malformed',
            message: `The analysis keys (${keys}) are ignored: the link does not say which tool (tool=scan, heatmap, tornado, sobol or fit). The rest of the link is kept.`,
            messageJa: `解析のキー（${keys}）は無視します。どの解析か（tool=scan、heatmap、tornado、sobol、fit）がリンクにありません。リンクの残りはそのまま使います。`,
          }
        : {
            field: 'tool',
            code: 'out-of-range',
            message: `Analysis (tool) is ${quote(kindText)}; it must be scan, heatmap, tornado, sobol or fit. The analysis keys are ignored; the rest of the link is kept.`,
            messageJa: `解析（tool）が ${quote(kindText)} です。scan、heatmap、tornado、sobol、fit のいずれかにしてください。解析のキーは無視し、リンクの残りはそのまま使います。`,
          },
    );
    return undefined;
  }
  const kind = kindText as ToolKind;
  const tool: ToolSettings = { kind };
  const fail = (key: keyof ToolSettings, code: FieldError['code'], message: string, messageJa: string) =>
    errors.push({
      field: TOOL_KEYS[key],
      code,
      message: `Analysis ${TOOL_KEYS[key]}: ${message}. It is left out (the panel's default is used); the rest of the link is kept.`,
      messageJa: `解析の ${TOOL_KEYS[key]}: ${messageJa}。この項目は使わず（パネルの既定値を使います）、リンクの残りはそのまま使います。`,
    });
  for (const key of given) {
    if (key === 'kind' || toolUses(kind, key)) continue;
    fail(key, 'incompatible', `${KIND_NAMES[kind]} does not use it`, `${KIND_NAMES_JA[kind]}では使いません`);
  }
  const text = (key: keyof ToolSettings) => (toolUses(kind, key) ? values.get(TOOL_KEYS[key]) : undefined);

  for (const key of ['x', 'y'] as const) {
    const t = text(key);
    if (t === undefined) continue;
    const axis = readAxis(t, kind === 'heatmap' ? TOOL_POINTS.heatmap : TOOL_POINTS.scan, scenario);
    if ('message' in axis) fail(key, axis.code, axis.message, axis.messageJa);
    else tool[key] = axis;
  }
  if (tool.x && tool.y && tool.x.variable === tool.y.variable) {
    fail(
      'y',
      'duplicate',
      `${tool.y.variable} is the first variable too`,
      `${tool.y.variable} は 1 つ目の変数と同じです`,
    );
    delete tool.y;
  }
  const r = text('readout');
  if (r !== undefined) {
    const e = checkToolReadout(r, scenario.horizon);
    if (e) fail('readout', 'malformed', e.message, e.messageJa);
    else tool.readout = r;
  }
  for (const key of ['arm', 'versus'] as const) {
    const t = text(key);
    if (t === undefined) continue;
    const n = /^\d{1,3}$/.test(t) ? Number(t) : Number.NaN;
    if (!(n >= 1 && n <= scenario.arms.length))
      fail(
        key,
        'out-of-range',
        `${quote(t)} is not an arm; arms count from 1 to ${scenario.arms.length}`,
        `${quote(t)} は群の番号ではありません。群は 1 から ${scenario.arms.length} まで数えます`,
      );
    else if (key === 'versus' && tool.arm === undefined)
      fail(key, 'incompatible', 'it needs tool.arm, the arm it is compared with', '比べる群（tool.arm）が必要です');
    else if (key === 'versus' && n - 1 === tool.arm)
      fail(key, 'duplicate', `arm ${n} is the arm read too`, `群 ${n} は読み出す群と同じです`);
    else tool[key] = n - 1;
  }
  const f = text('factors');
  if (f !== undefined) {
    const factors = readFactors(f, kind, scenario);
    for (const p of factors.problems) fail('factors', p.code, p.message, p.messageJa);
    if (factors.names.length > 0) tool.factors = factors.names;
  }
  const n = text('samples');
  if (n !== undefined) {
    const x = /^\d{1,4}$/.test(n) ? Number(n) : Number.NaN;
    if (!(TOOL_SAMPLES as readonly number[]).includes(x))
      fail(
        'samples',
        'out-of-range',
        `${quote(n)} is not one of ${TOOL_SAMPLES.join(', ')}`,
        `${quote(n)} は ${TOOL_SAMPLES.join('、')} のいずれかではありません`,
      );
    else tool.samples = x;
  }
  return tool;
}

type Problem = { code: FieldError['code']; message: string; messageJa: string };

/** One axis, VARIABLE or VARIABLE:MIN:MAX:POINTS; the variable's documented range when only the name is given. */
function readAxis(text: string, limits: { min: number; max: number }, scenario: Scenario): ToolAxis | Problem {
  const parts = text.split(':');
  if (parts.length !== 1 && parts.length !== 4)
    return {
      code: 'malformed',
      message: `${quote(text)} cannot be read; write VARIABLE:MIN:MAX:POINTS, e.g. cox2.start:0:21:8`,
      messageJa: `${quote(text)} を読み取れません。変数:最小:最大:点数（例 cox2.start:0:21:8）と書いてください`,
    };
  const variable = parseVariable(parts[0]);
  if ('error' in variable)
    return {
      code: 'unknown-key',
      message: variable.error.replace(/\.$/, ''),
      messageJa: `変数 ${quote(parts[0])} を読み取れません（p.<パラメーター>、nrf2、neat1、il6、<薬剤>.dose/start/window）`,
    };
  const problem = checkVariableProblem(scenario, variable);
  if (problem) return { code: 'incompatible', ...problem };
  const name = variableName(variable);
  if (parts.length === 1) return { variable: name, ...documentedAxis(scenario, variable, limits) };
  const [min, max, points] = parts.slice(1).map(parseNumber);
  if (min === undefined || max === undefined || !(min >= 0) || !(max > min))
    return {
      code: 'out-of-range',
      message: `the range ${parts[1]}:${parts[2]} must be two numbers with 0 <= MIN < MAX`,
      messageJa: `範囲 ${parts[1]}:${parts[2]} は 0 <= 最小 < 最大 の 2 つの数にしてください`,
    };
  if (points === undefined || !Number.isInteger(points) || points < limits.min || points > limits.max)
    return {
      code: 'out-of-range',
      message: `the number of points ${quote(parts[3])} must be a whole number from ${limits.min} to ${limits.max}`,
      messageJa: `点数 ${quote(parts[3])} は ${limits.min} から ${limits.max} までの整数にしてください`,
    };
  return { variable: name, min, max, points };
}

/** The panel's defaults for an axis given by name alone: the documented range, 21 points on a line, 8 a side. */
function documentedAxis(
  scenario: Scenario,
  variable: Variable,
  limits: { min: number; max: number },
): { min: number; max: number; points: number } {
  const { min, max } = defaultRange(scenario, variable);
  return { min, max, points: limits.max >= TOOL_POINTS.scan.max ? 21 : 8 };
}

function readFactors(text: string, kind: ToolKind, scenario: Scenario): { names: string[]; problems: Problem[] } {
  const names: string[] = [];
  const problems: Problem[] = [];
  const allowed = new Set<string>(variableParameters(scenario.setting));
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    const id = item.startsWith(PARAMETER_KEY_PREFIX) ? item.slice(PARAMETER_KEY_PREFIX.length) : item;
    let name: string;
    if (isParameterId(id)) {
      if (!allowed.has(id)) {
        problems.push({
          code: 'incompatible',
          message: `${id} has no range to vary over in ${scenario.setting}`,
          messageJa: `${id} は ${scenario.setting} では動かせる範囲がありません`,
        });
        continue;
      }
      name = `${PARAMETER_KEY_PREFIX}${id}`;
    } else {
      const v = kind === 'fit' ? parseVariable(item) : null;
      const problem = v && !('error' in v) ? checkVariableProblem(scenario, v) : null;
      if (!v || 'error' in v || v.kind === 'parameter' || problem) {
        problems.push(
          problem
            ? { code: 'incompatible', ...problem }
            : {
                code: 'unknown-key',
                message: `${quote(item)} is not a model parameter${kind === 'fit' ? ' or a variable' : ''}`,
                messageJa: `${quote(item)} はモデルパラメーター${kind === 'fit' ? 'でも変数' : ''}ではありません`,
              },
        );
        continue;
      }
      name = variableName(v);
    }
    if (names.includes(name)) {
      problems.push({
        code: 'duplicate',
        message: `${factorText(name)} is given twice`,
        messageJa: `${factorText(name)} が 2 回指定されています`,
      });
      continue;
    }
    if (names.length >= TOOL_MAX_FACTORS) {
      problems.push({
        code: 'too-many',
        message: `at most ${TOOL_MAX_FACTORS} factors; ${factorText(name)} and those after it are dropped`,
        messageJa: `因子は最大 ${TOOL_MAX_FACTORS} 個です。${factorText(name)} 以降は使いません`,
      });
      break;
    }
    names.push(name);
  }
  return { names, problems };
}
