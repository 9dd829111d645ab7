/**
 * Option parsing shared by the toolkit commands (scan, sensitivity, fit): `--name value` or `--name=value`, options
 * that repeat, one positional link, `--shard k/N`, and the scenario read from the link with its messages.
 */
import { PARAMETER_KEY_PREFIX } from '../scenario/catalogue/parameters';
import { decodeScenario } from '../scenario/codec';
import type { Scenario } from '../scenario/types';
import { defaultRange, type Factor, parseVariable, type Variable, type VariableRange } from '../scenario/variables';
import type { CliOutput } from './run';
import { queryPart } from './run';

export interface ParsedArgs {
  options: Map<string, string[]>;
  flags: Set<string>;
  positional: string[];
}

/** Splits arguments; `flagNames` take no value. Unknown options are the caller's to report (`allowed`). */
export function parseArgs(args: string[], flagNames: readonly string[] = []): ParsedArgs {
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (flagNames.includes(name)) {
        flags.add(name);
        continue;
      }
      const value = eq > 0 ? a.slice(eq + 1) : (args[++i] ?? '');
      options.set(name, [...(options.get(name) ?? []), value]);
    } else if (a === '-h') flags.add('help');
    else positional.push(a);
  }
  return { options, flags, positional };
}

export function fail(command: string, lines: string | string[], usage = ''): CliOutput {
  const text = (Array.isArray(lines) ? lines : [lines]).map((l) => `${command}: ${l}`).join('\n');
  return { status: 2, stdout: '', stderr: `${text}\n${usage}` };
}

/** Options not in `allowed`, as messages. */
export function unknownOptions(parsed: ParsedArgs, allowed: readonly string[]): string[] {
  return [...parsed.options.keys()].filter((k) => !allowed.includes(k)).map((k) => `unknown option --${k}`);
}

/** The scenario of the one positional link, or the decoder's messages. */
export function readLink(parsed: ParsedArgs): { scenario: Scenario; query: string } | { errors: string[] } {
  if (parsed.positional.length !== 1) {
    return { errors: [`expected one query string or share URL, got ${parsed.positional.length}`] };
  }
  const decoded = decodeScenario(queryPart(parsed.positional[0]));
  if (decoded.errors.length > 0) return { errors: decoded.errors.map((e) => `${e.field}: ${e.message}`) };
  return { scenario: decoded.scenario, query: decoded.normalised };
}

/** A number option, or the default; a message when it is not a number in [min, max] (and whole when asked). */
export function readNumberOption(
  parsed: ParsedArgs,
  name: string,
  fallback: number,
  min: number,
  max: number,
  whole = false,
): number | { error: string } {
  const values = parsed.options.get(name);
  if (!values) return fallback;
  const text = values[values.length - 1];
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x) || x < min || x > max || (whole && !Number.isInteger(x))) {
    return { error: `--${name} must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}, not '${text}'` };
  }
  return x;
}

/**
 * A variable with an optional range: `p.tCellKillRate`, `cox2.start=0:21`. Without a range, the documented one (log
 * spaced where the table's range spans two decades or more); with one, linear unless `log` is asked.
 */
export function readFactor(
  text: string,
  scenario: Scenario,
  log = false,
): { variable: Variable; range: VariableRange; explicit: boolean } | { error: string } {
  const eq = text.indexOf('=');
  const name = eq >= 0 ? text.slice(0, eq) : text;
  const variable = parseVariable(name);
  if ('error' in variable) return variable;
  const documented = defaultRange(scenario, variable);
  if (eq < 0)
    return { variable, range: log ? { ...documented, log: documented.min > 0 } : documented, explicit: false };
  const m = /^([^:]+):([^:]+)$/.exec(text.slice(eq + 1));
  const min = m ? Number(m[1]) : Number.NaN;
  const max = m ? Number(m[2]) : Number.NaN;
  if (!Number.isFinite(min) || !Number.isFinite(max) || min < 0 || max < min) {
    return { error: `${name}: write the range as MIN:MAX with 0 <= MIN <= MAX, not '${text.slice(eq + 1)}'` };
  }
  return { variable, range: { min, max, unit: documented.unit, log: log && min > 0 }, explicit: true };
}

export type { Factor };

/**
 * The analysis a link sets up (its `tool` keys, scenario/toolSettings.ts) as this command's options, for every option
 * the command line does not give itself: `npm run -s scan '<link of a heat map>'` runs the heat map the link shares.
 * Returns the --vary texts that came from the link (their axes are spaced as the app spaces them).
 */
export function applyToolDefaults(parsed: ParsedArgs, command: 'scan' | 'sensitivity' | 'fit'): Set<string> {
  const fromLink = new Set<string>();
  if (parsed.positional.length !== 1) return fromLink;
  const { tool } = decodeScenario(queryPart(parsed.positional[0]));
  if (!tool) return fromLink;
  const has = (name: string) => parsed.options.has(name);
  const set = (name: string, value: string | number | undefined) => {
    if (!has(name) && value !== undefined) parsed.options.set(name, [String(value)]);
  };
  const arms = () => {
    set('arm', tool.arm === undefined ? undefined : tool.arm + 1);
    if (tool.arm !== undefined) set('versus', tool.versus === undefined ? undefined : tool.versus + 1);
  };
  const params = (tool.factors ?? []).filter((f) => f.startsWith(PARAMETER_KEY_PREFIX));
  const others = (tool.factors ?? []).filter((f) => !f.startsWith(PARAMETER_KEY_PREFIX));
  if (command === 'scan' && (tool.kind === 'scan' || tool.kind === 'heatmap')) {
    if (!has('vary') && tool.x) {
      const axes = [tool.x, ...(tool.kind === 'heatmap' && tool.y ? [tool.y] : [])];
      const texts = axes.map((a) => `${a.variable}=${a.min}:${a.max}:${a.points}`);
      for (const t of texts) fromLink.add(t);
      parsed.options.set('vary', texts);
    }
    set('readout', tool.readout);
    if (tool.kind === 'heatmap') arms();
  } else if (command === 'sensitivity' && (tool.kind === 'tornado' || tool.kind === 'sobol')) {
    set('method', tool.kind);
    if (!has('parameters') && !has('vary') && params.length > 0)
      parsed.options.set('parameters', [params.map((p) => p.slice(PARAMETER_KEY_PREFIX.length)).join(',')]);
    set('readout', tool.readout);
    arms();
    set('samples', tool.kind === 'sobol' ? tool.samples : undefined);
  } else if (command === 'fit' && tool.kind === 'fit' && !has('parameters') && !has('vary')) {
    if (params.length > 0)
      parsed.options.set('parameters', [params.map((p) => p.slice(PARAMETER_KEY_PREFIX.length)).join(',')]);
    if (others.length > 0) parsed.options.set('vary', others);
  }
  return fromLink;
}
