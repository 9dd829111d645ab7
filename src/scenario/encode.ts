/**
 * Writing a scenario as a query string (format version 1). The format is described in codec.ts; this module holds
 * the writer and the vocabulary (keys and drug codes) the reader shares.
 */
import { isParameterId, orderedParameters, PARAMETER_IDS, PARAMETER_KEY_PREFIX } from './catalogue/parameters';
import { PRESETS } from './catalogue/presets';
import { TOOL_KEYS, TOOL_ORDER, type ToolAxis, type ToolSettings, toolUses } from './toolSettings';
import type { Arm, CohortSettings, DrugId, Inputs, Scenario } from './types';
import { DRUG_IDS } from './types';
import {
  COMPARTMENT_VIEWS,
  ENSEMBLE_DRAWS_LIMITS,
  LINK_LANGUAGES,
  MACROPHAGE_VIEWS,
  VIEW_KEYS,
  VIEW_ORDER,
  type ViewOptions,
} from './view';

/** The format version this code writes. Bump it only with a migration from the previous version (migrations.ts). */
export const FORMAT_VERSION = 2;

/** Short, stable drug codes used in links. Never change one: old links would lose the drug. */
export const DRUG_CODES: Record<DrugId, string> = {
  atezolizumab: 'atz',
  bevacizumab: 'bev',
  antiPD1: 'pd1',
  cox2i: 'cox2',
  antiCD24: 'cd24',
  antiIL6: 'il6ab',
  osimertinib: 'osi',
  sorafenib: 'sor',
  gefitinib: 'gef',
  igf1ri: 'igf',
};

export const DRUG_BY_CODE: ReadonlyMap<string, DrugId> = new Map(DRUG_IDS.map((id) => [DRUG_CODES[id], id]));

/** Query keys of the inputs (shared ones at the top level, overrides inside an arm), in the order they are written. */
export const INPUT_KEYS: Record<keyof Inputs, string> = {
  nrf2: 'nrf2',
  neat1: 'neat1',
  il6: 'il6',
  axl: 'axl',
  cd8Depleted: 'cd8',
  egfr: 'egfr',
};
/** 'egfr' is optional: written only when the scenario sets it (absent = the setting's default). */
export const INPUT_ORDER = [
  'nrf2',
  'neat1',
  'il6',
  'axl',
  'cd8Depleted',
  'egfr',
] as const satisfies readonly (keyof Inputs)[];
export const INPUT_BY_KEY: ReadonlyMap<string, keyof Inputs> = new Map(INPUT_ORDER.map((k) => [INPUT_KEYS[k], k]));

/**
 * Query keys of the cohort settings (a virtual trial), in the order they are written: only when the scenario has a
 * cohort, after the shared inputs and before the arms.
 */
export const COHORT_KEYS: Record<keyof CohortSettings, string> = {
  size: 'n',
  seed: 'seed',
  cancer: 'cancer',
  assessmentInterval: 'assess',
  pge2Cutoff: 'pge2cut',
};
export const COHORT_ORDER = [
  'size',
  'seed',
  'cancer',
  'assessmentInterval',
  'pge2Cutoff',
] as const satisfies readonly (keyof CohortSettings)[];
export const COHORT_BY_KEY: ReadonlyMap<string, keyof CohortSettings> = new Map(
  COHORT_ORDER.map((k) => [COHORT_KEYS[k], k]),
);

/** The link's own keys, written first: format version, setting, horizon, output step. */
export const BASE_KEYS = ['v', 's', 'h', 'dt'] as const;

/**
 * Every top-level key the codec reads, in the order they are written (the model parameters' `p.<id>` keys apart:
 * PARAMETER_LINK_KEYS): what the link fuzzers draw from, so that a key added here is fuzzed without editing them.
 */
export const LINK_KEYS: readonly string[] = [
  ...BASE_KEYS,
  ...INPUT_ORDER.map((k) => INPUT_KEYS[k]),
  ...COHORT_ORDER.map((k) => COHORT_KEYS[k]),
  ...VIEW_ORDER.map((k) => VIEW_KEYS[k]),
  ...TOOL_ORDER.map((k) => TOOL_KEYS[k]),
  'arm',
];

/** The link key of every model parameter (`p.<id>`). */
export const PARAMETER_LINK_KEYS: readonly string[] = PARAMETER_IDS.map((id) => `${PARAMETER_KEY_PREFIX}${id}`);

/** The link text of one view option. */
export function viewValue<K extends keyof ViewOptions>(key: K, value: NonNullable<ViewOptions[K]>): string {
  if (key === 'logScale') return value ? '1' : '0';
  if (key === 'drugView') return DRUG_CODES[value as DrugId];
  return String(value);
}

/** The allowed values of a view option, as the link writes them, for messages. */
export function viewAllowed(key: keyof ViewOptions): readonly string[] {
  switch (key) {
    case 'logScale':
      return ['0', '1'];
    case 'compartments':
      return COMPARTMENT_VIEWS;
    case 'macrophageView':
      return MACROPHAGE_VIEWS;
    case 'drugView':
      return Object.values(DRUG_CODES);
    case 'language':
      return LINK_LANGUAGES;
    case 'ensembleDraws':
      return [`a whole number from ${ENSEMBLE_DRAWS_LIMITS.min} to ${ENSEMBLE_DRAWS_LIMITS.max}`];
    case 'preset':
      return PRESETS.map((p) => p.id);
  }
}

/** The value a link text stands for, or undefined when the text is not one of the allowed values. */
export function parseViewValue<K extends keyof ViewOptions>(key: K, text: string): ViewOptions[K] | undefined {
  if (key === 'logScale') return (text === '1' ? true : text === '0' ? false : undefined) as ViewOptions[K];
  if (key === 'drugView') return DRUG_BY_CODE.get(text) as ViewOptions[K];
  if (key === 'ensembleDraws') {
    const n = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
    const ok = Number.isInteger(n) && n >= ENSEMBLE_DRAWS_LIMITS.min && n <= ENSEMBLE_DRAWS_LIMITS.max;
    return (ok ? n : undefined) as ViewOptions[K];
  }
  return (viewAllowed(key).includes(text) ? text : undefined) as ViewOptions[K];
}

function axisText(a: ToolAxis): string {
  return `${a.variable}:${formatNumber(a.min)}:${formatNumber(a.max)}:${formatNumber(a.points)}`;
}

/** A factor as tool.f writes it: a parameter by its bare id, any other variable by its name. */
export function factorText(name: string): string {
  return name.startsWith(PARAMETER_KEY_PREFIX) && isParameterId(name.slice(PARAMETER_KEY_PREFIX.length))
    ? name.slice(PARAMETER_KEY_PREFIX.length)
    : name;
}

/** The key-value pairs of an analysis (only what its tool uses), in TOOL_ORDER, before URL encoding. */
export function toolPairs(tool: ToolSettings | undefined): [string, string][] {
  if (!tool) return [];
  const out: [string, string][] = [[TOOL_KEYS.kind, tool.kind]];
  const has = (k: keyof ToolSettings) => toolUses(tool.kind, k) && tool[k] !== undefined;
  if (has('x')) out.push([TOOL_KEYS.x, axisText(tool.x as ToolAxis)]);
  if (has('y')) out.push([TOOL_KEYS.y, axisText(tool.y as ToolAxis)]);
  if (has('readout')) out.push([TOOL_KEYS.readout, tool.readout as string]);
  if (has('arm')) out.push([TOOL_KEYS.arm, String((tool.arm as number) + 1)]);
  if (has('versus') && has('arm')) out.push([TOOL_KEYS.versus, String((tool.versus as number) + 1)]);
  if (has('factors') && (tool.factors as string[]).length > 0)
    out.push([TOOL_KEYS.factors, (tool.factors as string[]).map(factorText).join(',')]);
  if (has('samples')) out.push([TOOL_KEYS.samples, String(tool.samples)]);
  return out;
}

/** The item that marks an arm as hidden. */
export const HIDE_ITEM = 'hide';

/**
 * Shortest text that reads back as exactly the same double (ECMAScript's Number-to-String is shortest round-trip),
 * with -0 written as 0.
 */
export function formatNumber(x: number): string {
  return String(x);
}

/**
 * Characters left as they are in a value: letters, digits and the punctuation of the arm syntax, all legal in a
 * URL query and shown as-is by browsers. Space becomes '+'; everything else (including '+', '&', '#', '%' and all
 * non-ASCII text) is percent-encoded as UTF-8, which URLSearchParams reads back exactly.
 */
const LITERAL = /^[A-Za-z0-9\-._~*:@/=!,]$/;
const UTF8 = new TextEncoder();

function encodeValue(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === ' ') out += '+';
    else if (LITERAL.test(ch)) out += ch;
    else {
      const code = ch.codePointAt(0) ?? 0xfffd;
      // a lone surrogate cannot be written in UTF-8: write U+FFFD, as URLSearchParams would
      const safe = code >= 0xd800 && code <= 0xdfff ? '\ufffd' : ch;
      for (const byte of UTF8.encode(safe)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/** An arm's name inside its value: '*' separates items, so a '*' in the name is written twice. */
export function escapeArmName(name: string): string {
  return name.replaceAll('*', '**');
}

function formatInput(key: keyof Inputs, value: Inputs[keyof Inputs]): string {
  if (key === 'cd8Depleted') return value ? '1' : '0';
  if (key === 'axl' || key === 'egfr') return String(value);
  return formatNumber(value as number);
}

/** The value of one `arm` parameter, before URL encoding: name, then `*`-separated items. */
export function armValue(arm: Arm): string {
  const items = [escapeArmName(arm.name)];
  if (arm.hidden) items.push(HIDE_ITEM);
  for (const key of INPUT_ORDER) {
    const value = arm.inputs[key];
    if (value !== undefined) items.push(`${INPUT_KEYS[key]}=${formatInput(key, value)}`);
  }
  for (const drug of DRUG_IDS) {
    const s = arm.treatments[drug];
    if (s === undefined) continue;
    items.push(
      `${DRUG_CODES[drug]}:${formatNumber(s.dose)}@${formatNumber(s.start)}-${formatNumber(s.stop)}/${formatNumber(s.interval)}`,
    );
  }
  return items.join('*');
}

/**
 * The scenario as a query string without the leading '?'. Every field is written, defaults included, in a fixed
 * order, so a link says everything it means and equal scenarios give equal strings. The cohort keys are written
 * (all of them) only when the scenario has a cohort, so a scenario without one gives the same link as before.
 * The view options (view.ts, see encodeLink) are written only as far as a view has them, after the cohort and
 * before the arms; then the changed model parameters (`p.<id>=<value>`, in the parameter table's order), if any.
 */
export function encodeScenario(s: Scenario): string {
  return encodeLink(s, {});
}

/**
 * encodeScenario with view options (chart options, language) and the analysis set up in the toolkit (toolSettings.ts,
 * after the view keys): what the app's address bar and shared links hold.
 */
export function encodeLink(s: Scenario, view: ViewOptions, tool?: ToolSettings): string {
  const pairs: [string, string][] = [
    ['v', String(FORMAT_VERSION)],
    ['s', s.setting],
    ['h', formatNumber(s.horizon)],
    ['dt', formatNumber(s.outputStep)],
  ];
  for (const key of INPUT_ORDER) {
    const value = s.inputs[key];
    if (value !== undefined) pairs.push([INPUT_KEYS[key], formatInput(key, value)]);
  }
  const cohort = s.cohort;
  if (cohort) {
    for (const key of COHORT_ORDER) {
      const value = cohort[key];
      pairs.push([COHORT_KEYS[key], typeof value === 'number' ? formatNumber(value) : String(value)]);
    }
  }
  for (const key of VIEW_ORDER) {
    const value = view[key];
    if (value !== undefined) pairs.push([VIEW_KEYS[key], viewValue(key, value)]);
  }
  pairs.push(...toolPairs(tool));
  for (const [id, value] of orderedParameters(s.parameters))
    pairs.push([`${PARAMETER_KEY_PREFIX}${id}`, formatNumber(value)]);
  for (const arm of s.arms) pairs.push(['arm', armValue(arm)]);
  return pairs.map(([k, v]) => `${k}=${encodeValue(v)}`).join('&');
}
