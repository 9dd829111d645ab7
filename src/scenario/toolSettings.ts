/**
 * The analysis a link shares: which of the researcher's tools was run, over what, read how. Like the view options
 * (view.ts) it changes no curve, so it is not part of the Scenario; a link carries it so that whoever opens the link
 * finds the same analysis set up (and, when it is cheap, computed), and the command line (`npm run -s scan`,
 * `sensitivity`, `fit`) runs the same one. Optional keys of format version 2, written after the view keys:
 *
 *   tool      scan | heatmap | tornado | sobol | fit          which tool
 *   tool.x    VARIABLE:MIN:MAX:POINTS (or VARIABLE alone)       scan, heat map: the first variable (variables.ts
 *             names: p.tCellKillRate, nrf2, arm3.il6, cox2.start, arm5.cox2.dose, ...); alone: its documented range
 *   tool.y    the same                                         heat map: the second variable (rows)
 *   tool.r    volume@DAY | change@DAY | logvolume@DAY | toxicity[@DAY] | ttp | eradication      the readout
 *   tool.arm  N (arms count from 1, hidden ones too)           heat map, tornado, Sobol': the arm read
 *   tool.vs   M                                                with tool.arm: the readout is arm N minus arm M
 *   tool.f    ID,ID,... (model parameters; a fit also takes variables such as cox2.start)   the factors
 *   tool.n    32 | 64 | 128 | 256 | 512 | 1024                 Sobol': base samples N (N (d + 2) runs)
 *
 * Each key is written only when the analysis has it and its tool uses it. Reading never throws: a bad value is
 * reported per field (English and Japanese) and left out, so the panel's default applies to that field and the rest
 * of the link, the other tool keys included, is kept; a key the tool does not use is reported and ignored; tool keys
 * without `tool` are reported and ignored. A release that does not know these keys reports them as unknown and keeps
 * the rest, so no format version bump is needed (as for the view keys); a change of their meaning needs one
 * (migrations.ts).
 */

export const TOOL_KINDS = ['scan', 'heatmap', 'tornado', 'sobol', 'fit'] as const;
export type ToolKind = (typeof TOOL_KINDS)[number];

/** The readouts the panel offers (model/analysis/readouts.ts reads them); those of a day take `@DAY`. */
export const TOOL_READOUTS = ['volume', 'change', 'logvolume', 'ttp', 'eradication', 'toxicity'] as const;
export type ToolReadout = (typeof TOOL_READOUTS)[number];
export const DAY_READOUTS: ReadonlySet<ToolReadout> = new Set(['volume', 'change', 'logvolume', 'toxicity']);

/** The Sobol' base sample sizes the panel offers. */
export const TOOL_SAMPLES = [32, 64, 128, 256, 512, 1024] as const;

/** Points per axis: a scan's line and a heat map's side (the panel's limits). */
export const TOOL_POINTS = { scan: { min: 2, max: 200 }, heatmap: { min: 2, max: 40 } } as const;

/** At most this many factors (Sobol' indices: the sequence's 64 dimensions). */
export const TOOL_MAX_FACTORS = 32;

export interface ToolAxis {
  /** the variable's link name (variables.ts) */
  variable: string;
  min: number;
  max: number;
  points: number;
}

export interface ToolSettings {
  kind: ToolKind;
  x?: ToolAxis;
  y?: ToolAxis;
  readout?: string;
  /** the arm read, an index into the scenario's arms (from 0; the link counts from 1) */
  arm?: number;
  /** the arm compared with (the readout is arm minus versus) */
  versus?: number;
  /** factors: parameter ids, or variable names (a fit's doses and start days) */
  factors?: string[];
  samples?: number;
}

export const TOOL_KEYS = {
  kind: 'tool',
  x: 'tool.x',
  y: 'tool.y',
  readout: 'tool.r',
  arm: 'tool.arm',
  versus: 'tool.vs',
  factors: 'tool.f',
  samples: 'tool.n',
} as const satisfies Record<keyof ToolSettings, string>;
export const TOOL_ORDER = [
  'kind',
  'x',
  'y',
  'readout',
  'arm',
  'versus',
  'factors',
  'samples',
] as const satisfies readonly (keyof ToolSettings)[];
export const TOOL_BY_KEY: ReadonlyMap<string, keyof ToolSettings> = new Map(TOOL_ORDER.map((k) => [TOOL_KEYS[k], k]));

/** Which settings each tool uses (the others are neither written nor read). */
const USES: Record<ToolKind, ReadonlySet<keyof ToolSettings>> = {
  scan: new Set(['x', 'readout']),
  heatmap: new Set(['x', 'y', 'readout', 'arm', 'versus']),
  tornado: new Set(['readout', 'arm', 'versus', 'factors']),
  sobol: new Set(['readout', 'arm', 'versus', 'factors', 'samples']),
  fit: new Set(['factors']),
};

export function toolUses(kind: ToolKind, key: keyof ToolSettings): boolean {
  return key === 'kind' || USES[kind].has(key);
}

/**
 * Room the tool keys may take in a link on top of the scenario's and the view's: 32 factors of up to 34 characters
 * each, two axes of up to 80, and the short keys (tests/unit/scenario-codec.tool.test.ts checks the longest fits).
 */
export const TOOL_QUERY_RESERVE = 1400;
