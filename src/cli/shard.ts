/**
 * Sharded runs: a command that simulates many independent items (the patients of a trial, the samples of a scan or
 * a sensitivity analysis) can run a contiguous part of them (`--shard k/N`, k = 1..N) on each machine, and `merge`
 * joins the parts into exactly the output of the single-machine run.
 *
 * For this the items must be deterministic per index (item i is the same whatever the run's size or shard), so that
 * the shards are independent; the parts are columns of numbers, one value per item, which JSON carries exactly
 * (JavaScript prints the shortest decimal that reads back to the same double). A shard file is:
 *
 *   { "format": "timescape-shard", "version": 1, "command", "output": "json"|"csv", "query",
 *     "shard": { "index": k, "count": N }, "total", "from", "to", "columns": { name: [values of items from..to-1] } }
 *
 * The commands register how they turn the merged columns into their output (registerMerge); merge checks that the
 * files are the N shards of one run (same command, query, output and count; every index once; ranges that tile
 * [0, total)) and calls it. Any other command adds `--shard` by calling parseShardArgument, shardRange and
 * shardOutput, and registerMerge for its finisher.
 */
import type { CliOutput } from './run';

export const SHARD_FORMAT = 'timescape-shard';
export const SHARD_VERSION = 1;

export interface Shard {
  /** 1..count */
  index: number;
  count: number;
}

export interface ShardFile {
  format: typeof SHARD_FORMAT;
  version: number;
  command: string;
  output: string;
  query: string;
  shard: Shard;
  total: number;
  from: number;
  to: number;
  columns: Record<string, number[]>;
}

/** Largest number of shards (far more than any cluster's job array needs; keeps a typo from making a million). */
export const MAX_SHARDS = 10_000;

/** Reads "k/N" (1 <= k <= N). Returns the shard or an English message. */
export function parseShardArgument(value: string): Shard | { error: string } {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!m) return { error: `--shard must look like k/N (for example 2/4), not "${value}"` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) return { error: `--shard: N must be 1 to ${MAX_SHARDS}, not ${count}` };
  if (index < 1 || index > count) return { error: `--shard: k must be 1 to ${count}, not ${index}` };
  return { index, count };
}

/** Items [from, to) of shard k of N over `total` items: contiguous, in order, sizes differing by at most one. */
export function shardRange(total: number, shard: Shard): { from: number; to: number } {
  const from = Math.floor(((shard.index - 1) * total) / shard.count);
  const to = Math.floor((shard.index * total) / shard.count);
  return { from, to };
}

/** Typed or plain arrays of numbers as JSON columns; every value must be finite (JSON has no NaN or Infinity). */
export function toColumns(arrays: Record<string, ArrayLike<number>>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [name, values] of Object.entries(arrays)) {
    const column = Array.from(values);
    for (let i = 0; i < column.length; i++) {
      if (!Number.isFinite(column[i])) throw new RangeError(`column ${name}[${i}] is not finite (${column[i]})`);
    }
    out[name] = column;
  }
  return out;
}

/** The shard file of one part of a run, as a command prints it. */
export function shardOutput(
  command: string,
  output: string,
  query: string,
  shard: Shard,
  total: number,
  columns: Record<string, ArrayLike<number>>,
): CliOutput {
  const { from, to } = shardRange(total, shard);
  const cols = toColumns(columns);
  for (const [name, values] of Object.entries(cols)) {
    if (values.length !== to - from) {
      throw new RangeError(`column ${name} has ${values.length} values for ${to - from} items`);
    }
  }
  const file: ShardFile = {
    format: SHARD_FORMAT,
    version: SHARD_VERSION,
    command,
    output,
    query,
    shard,
    total,
    from,
    to,
    columns: cols,
  };
  return { status: 0, stdout: `${JSON.stringify(file)}\n`, stderr: '' };
}

/** Turns a whole run's columns (items 0..total-1) into the command's output, exactly as its single run prints it. */
export type MergeFinisher = (
  query: string,
  output: string,
  total: number,
  columns: Record<string, number[]>,
) => CliOutput;

const finishers = new Map<string, MergeFinisher>();

export function registerMerge(command: string, finish: MergeFinisher): void {
  finishers.set(command, finish);
}

function isShardFile(value: unknown): value is ShardFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.format === SHARD_FORMAT &&
    typeof v.command === 'string' &&
    typeof v.output === 'string' &&
    typeof v.query === 'string' &&
    typeof v.total === 'number' &&
    typeof v.from === 'number' &&
    typeof v.to === 'number' &&
    typeof v.shard === 'object' &&
    v.shard !== null &&
    typeof v.columns === 'object' &&
    v.columns !== null
  );
}

/** Checks that `texts` are all the shards of one run and joins their columns. Errors are English lines. */
export function joinShards(
  texts: { name: string; text: string }[],
):
  | { file: Omit<ShardFile, 'shard' | 'from' | 'to' | 'columns'>; columns: Record<string, number[]> }
  | { errors: string[] } {
  const errors: string[] = [];
  const files: ShardFile[] = [];
  for (const { name, text } of texts) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      errors.push(`${name}: not JSON`);
      continue;
    }
    if (!isShardFile(parsed)) errors.push(`${name}: not a shard file (written by a command run with --shard k/N)`);
    else if (parsed.version !== SHARD_VERSION)
      errors.push(`${name}: shard format version ${parsed.version}, expected ${SHARD_VERSION}`);
    else files.push(parsed);
  }
  if (errors.length > 0) return { errors };
  if (files.length === 0) return { errors: ['no shard files given'] };
  const head = files[0];
  for (const f of files) {
    for (const key of ['command', 'output', 'query', 'total'] as const) {
      if (f[key] !== head[key])
        errors.push(`shards of different runs: ${key} ${JSON.stringify(f[key])} is not ${JSON.stringify(head[key])}`);
    }
    if (f.shard.count !== head.shard.count)
      errors.push(`shards of different runs: ${f.shard.count} shards is not ${head.shard.count}`);
  }
  if (errors.length > 0) return { errors: [...new Set(errors)] };
  const count = head.shard.count;
  const byIndex = new Map<number, ShardFile>();
  for (const f of files) {
    if (byIndex.has(f.shard.index)) errors.push(`shard ${f.shard.index}/${count} is given twice`);
    byIndex.set(f.shard.index, f);
  }
  for (let k = 1; k <= count; k++) if (!byIndex.has(k)) errors.push(`shard ${k}/${count} is missing`);
  if (errors.length > 0) return { errors };
  const names = Object.keys(head.columns);
  const columns: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  let at = 0;
  for (let k = 1; k <= count; k++) {
    const f = byIndex.get(k) as ShardFile;
    const range = shardRange(head.total, f.shard);
    if (f.from !== at || f.from !== range.from || f.to !== range.to) {
      errors.push(`shard ${k}/${count} covers items ${f.from}..${f.to - 1}, expected ${range.from}..${range.to - 1}`);
      continue;
    }
    for (const n of names) {
      const values = f.columns[n];
      if (!Array.isArray(values) || values.length !== f.to - f.from || !values.every((v) => typeof v === 'number')) {
        errors.push(`shard ${k}/${count}: column ${n} is missing or has the wrong length`);
        continue;
      }
      for (const v of values) columns[n].push(v);
    }
    at = f.to;
  }
  if (errors.length === 0 && at !== head.total) errors.push(`the shards cover ${at} of ${head.total} items`);
  if (errors.length > 0) return { errors };
  const { shard: _s, from: _f, to: _t, columns: _c, ...rest } = head;
  return { file: rest, columns };
}

/** merge: the output of the single run, from the texts of all its shard files. */
export function mergeShardTexts(texts: { name: string; text: string }[]): CliOutput {
  const joined = joinShards(texts);
  if ('errors' in joined) return { status: 2, stdout: '', stderr: joined.errors.map((e) => `merge: ${e}\n`).join('') };
  const finish = finishers.get(joined.file.command);
  if (!finish) return { status: 2, stdout: '', stderr: `merge: no merge for command "${joined.file.command}"\n` };
  return finish(joined.file.query, joined.file.output, joined.file.total, joined.columns);
}
