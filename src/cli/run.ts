/**
 * The simulate command as a pure function of its arguments (testable without spawning a process).
 * Output schema (stable; documented in docs/model.md, "Command line"):
 *   { version, query, arms: [arm names], t: [days], series: { name: [[values of arm 0], [values of arm 1], ...] },
 *     summary: [per-arm summary] }
 */
import { csvField } from '../formats/csv';
import { SERIES_NAMES, SERIES_UNITS, simulate } from '../model';
import { decodeScenario } from '../scenario/codec';

export const CLI_VERSION = '1';

export interface CliOutput {
  status: number;
  stdout: string;
  stderr: string;
}

const USAGE = `usage: simulate [--format json|csv] '<query string or share URL>'
  Simulates every arm of the scenario and prints its time series.
  --format json   (default) {"version","query","arms","t","series","summary"}
  --format csv    one row per arm and output day: arm,day,<series...>
Series and units: ${SERIES_NAMES.map((s) => `${s} (${SERIES_UNITS[s]})`).join(', ')}
`;

/** The query of a share URL (between '?' and '#'), or the query string itself without a leading '?'. */
export function queryPart(input: string): string {
  const q = input.indexOf('?');
  const hash = input.indexOf('#');
  const body = q >= 0 ? input.slice(q + 1, hash > q ? hash : undefined) : input;
  return body.startsWith('?') ? body.slice(1) : body;
}

export function runCli(args: string[]): CliOutput {
  let format = 'json';
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') return { status: 0, stdout: USAGE, stderr: '' };
    if (a === '--format') {
      format = args[++i] ?? '';
    } else if (a.startsWith('--format=')) {
      format = a.slice('--format='.length);
    } else if (a.startsWith('--')) {
      return { status: 2, stdout: '', stderr: `simulate: unknown option ${a}\n${USAGE}` };
    } else {
      positional.push(a);
    }
  }
  if (format !== 'json' && format !== 'csv') {
    return { status: 2, stdout: '', stderr: `simulate: --format must be json or csv, not "${format}"\n` };
  }
  if (positional.length !== 1) {
    return { status: 2, stdout: '', stderr: `simulate: expected one query string, got ${positional.length}\n${USAGE}` };
  }

  const decoded = decodeScenario(queryPart(positional[0]));
  if (decoded.errors.length > 0) {
    const lines = decoded.errors.map((e) => `simulate: ${e.field}: ${e.message}`);
    return { status: 2, stdout: '', stderr: `${lines.join('\n')}\n` };
  }
  const scenario = decoded.scenario;
  const result = simulate(scenario);
  const t = result.arms[0]?.t ?? new Float64Array(0);

  if (format === 'csv') {
    const rows = [['arm', 'day', ...SERIES_NAMES].join(',')];
    for (const arm of result.arms) {
      const name = csvField(arm.name);
      for (let k = 0; k < arm.t.length; k++) {
        const cells = [name, String(arm.t[k])];
        for (const s of SERIES_NAMES) cells.push(String(arm.series[s][k]));
        rows.push(cells.join(','));
      }
    }
    return { status: 0, stdout: `${rows.join('\n')}\n`, stderr: '' };
  }

  const series: Record<string, number[][]> = {};
  for (const s of SERIES_NAMES) series[s] = result.arms.map((a) => Array.from(a.series[s]));
  const json = {
    version: CLI_VERSION,
    query: decoded.normalised,
    arms: result.arms.map((a) => a.name),
    t: Array.from(t),
    series,
    summary: result.arms.map((a) => ({ ...a.summary, solver: a.stats })),
  };
  return { status: 0, stdout: `${JSON.stringify(json)}\n`, stderr: '' };
}
