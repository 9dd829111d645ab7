/**
 * The sensitivity command as a pure function of its arguments: which parameters (or any variables) decide one
 * readout of one arm, or the difference between two arms, of a scenario given as a link.
 *
 *   --method sobol (default): first-order and total Sobol' indices, Saltelli design of N (d + 2) runs, 95 % bootstrap
 *            intervals; prcc: partial rank correlations over a Latin hypercube of N runs; tornado: each factor at
 *            the two ends of its range (1 + 2d runs).
 *   factors: --parameters id,id,... (or 'all': every parameter with a range in the setting) and/or --vary VAR[=MIN:MAX].
 *
 * JSON (stable): { version, query, method, readout: {name, unit}, arm, versus, samples, seed, runs, shard,
 *   factors: [{ name, min, max, log, first, firstLower, firstUpper, total, totalLower, totalUpper }] (sobol, sorted by
 *   total index) | [{ name, min, max, log, prcc, p }] (prcc, sorted by |prcc|) | [{ name, low, high, outputLow,
 *   outputHigh, swing }] (tornado, sorted by swing), base (tornado), variance, mean }.
 * CSV: the factors table. With --shard k/N: a shard file (cli/shard.ts) with the outputs of runs [from, to) of the
 * design; `npm run -s merge -- part-*.json` reduces them to exactly the output of the run without --shard.
 */
import { csvField } from '../formats/csv';
import {
  analyseSensitivity,
  type DesignSpec,
  designPoints,
  designRunCount,
  parseReadout,
  readoutName,
  readoutUnit,
  runScalar,
  SENSITIVITY_METHODS,
  type SensitivityMethod,
  type SensitivityResult,
} from '../model';
import { PARAMETER_KEY_PREFIX, variableParameters } from '../scenario/catalogue/parameters';
import type { Scenario } from '../scenario/types';
import { checkVariable, type Factor, factorScenario, variableName } from '../scenario/variables';
import {
  applyToolDefaults,
  fail,
  type ParsedArgs,
  parseArgs,
  readFactor,
  readLink,
  readNumberOption,
  unknownOptions,
} from './options';
import {
  MAX_SECONDS_USAGE,
  type PartialMark,
  type ProgressSink,
  readMaxSeconds,
  silentSink,
  startProgress,
  stoppedOutput,
} from './progress';
import { CLI_VERSION, type CliOutput } from './run';
import { parseShardArgument, registerMerge, type Shard, shardOutput, shardRange } from './shard';

const USAGE = `usage: sensitivity [--method sobol|prcc|tornado] [--parameters ID,ID,...|all] [--vary VAR[=MIN:MAX]]...
                   [--readout R] [--arm N] [--versus M] [--samples N] [--seed S] [--log]
                   [--shard k/N] [--max-seconds N] [--format json|csv] '<query string or share URL>'
  Factors: model parameters over their documented ranges (--parameters; 'all' = every parameter with a range in
  the setting) and any scan variable (--vary, as in scan). R: a readout as in scan (default volume at the horizon).
  --arm N       the arm read, counting from 1 (default 1); --versus M: the readout is arm N minus arm M
  --samples N   Sobol': base samples (runs N (d + 2); default 256, a power of two); PRCC: runs (default 256)
  --seed S      seed of the design's randomisation and of the bootstrap (default 1)
  --second-order  Sobol': second-order indices S_jk too (Saltelli 2002; N (2d + 2) runs), in JSON "second"
  --shard k/N   run only part k of N of the design's runs and print a shard file; 'merge' joins the N files into
                exactly this command's output without --shard
${MAX_SECONDS_USAGE}; the indices need
                   every run of the design, so a stopped run prints {"partial", "outputs"} (CSV run,output) instead
  A link with an analysis (tool=tornado or sobol, tool.f, tool.r, tool.arm, tool.vs, tool.n) gives the options this
  command line leaves out: 'sensitivity <link>' runs the analysis the link shares.
  Progress (runs done, time left) goes to stderr.
  e.g. sensitivity --parameters pge2Half,nrf2Pge2Induction,tCellKillRate --readout change@28 --arm 5 --versus 4 \\
       'v=1&s=hcc-mouse&h=28&...'
`;

const ALLOWED = [
  'method',
  'parameters',
  'vary',
  'readout',
  'arm',
  'versus',
  'samples',
  'seed',
  'format',
  'shard',
  'merge',
  'max-seconds',
];

export interface SensitivitySetup {
  scenario: Scenario;
  query: string;
  design: DesignSpec;
  factors: Factor[];
  names: string[];
  readoutText: string;
  readoutUnitText: string;
  arm: number;
  versus: number | undefined;
  shard: Shard | null;
  format: 'json' | 'csv';
  maxSeconds: number | null;
}

/** Reads and checks every option: the setup of the run, or the messages. */
export function readSensitivity(parsed: ParsedArgs): SensitivitySetup | { errors: string[] } {
  applyToolDefaults(parsed, 'sensitivity');
  const problems = unknownOptions(parsed, ALLOWED);
  const format = parsed.options.get('format')?.at(-1) ?? 'json';
  if (format !== 'json' && format !== 'csv') problems.push(`--format must be json or csv, not '${format}'`);
  const method = (parsed.options.get('method')?.at(-1) ?? 'sobol') as SensitivityMethod;
  if (!SENSITIVITY_METHODS.includes(method)) problems.push(`--method must be sobol, prcc or tornado, not '${method}'`);
  if (problems.length > 0) return { errors: problems };
  const link = readLink(parsed);
  if ('errors' in link) return link;
  const { scenario } = link;

  const factors: Factor[] = [];
  const log = parsed.flags.has('log');
  for (const list of parsed.options.get('parameters') ?? []) {
    const ids = list === 'all' ? variableParameters(scenario.setting) : list.split(',').map((s) => s.trim());
    for (const id of ids) {
      if (id === '') continue;
      const f = readFactor(`${PARAMETER_KEY_PREFIX}${id}`, scenario, log);
      if ('error' in f) problems.push(f.error);
      else factors.push(f);
    }
  }
  for (const text of parsed.options.get('vary') ?? []) {
    const f = readFactor(text, scenario, log);
    if ('error' in f) problems.push(f.error);
    else factors.push(f);
  }
  if (factors.length === 0 && problems.length === 0)
    problems.push('give the factors: --parameters ID,... and/or --vary VAR');
  const names = factors.map((f) => variableName(f.variable));
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) problems.push(`${duplicate} is given twice`);
  for (const f of factors) {
    const e = checkVariable(scenario, f.variable);
    if (e) problems.push(e);
  }
  if (method === 'sobol' && factors.length > 32)
    problems.push(
      `Sobol' indices of at most 32 factors (the sequence has 64 dimensions), not ${factors.length}; use --method prcc or tornado for more`,
    );

  const readoutText = parsed.options.get('readout')?.at(-1) ?? `volume@${scenario.horizon}`;
  const readout = parseReadout(readoutText);
  if ('error' in readout) problems.push(readout.error);
  else if ('day' in readout && readout.day !== undefined && readout.day > scenario.horizon) {
    problems.push(`${readoutText} is after the horizon (${scenario.horizon} days)`);
  }
  const armCount = scenario.arms.length;
  const arm = readNumberOption(parsed, 'arm', 1, 1, armCount, true);
  const versus = parsed.options.has('versus') ? readNumberOption(parsed, 'versus', 1, 1, armCount, true) : undefined;
  const samples = readNumberOption(parsed, 'samples', 256, method === 'prcc' ? factors.length + 3 : 2, 65536, true);
  const seed = readNumberOption(parsed, 'seed', 1, 0, 2 ** 31 - 1, true);
  for (const x of [arm, versus, samples, seed]) if (typeof x === 'object' && x) problems.push(x.error);
  if (typeof arm === 'number' && typeof versus === 'number' && arm === versus)
    problems.push('--versus must be another arm');
  if (problems.length > 0 || 'error' in readout) return { errors: problems };

  const secondOrder = parsed.flags.has('second-order');
  if (secondOrder && method !== 'sobol') return { errors: ['--second-order needs --method sobol'] };
  const design: DesignSpec = {
    method,
    factors: factors.length,
    samples: samples as number,
    seed: seed as number,
    ...(secondOrder ? { secondOrder } : {}),
  };
  const shardText = parsed.options.get('shard')?.at(-1);
  const shard = shardText === undefined ? null : parseShardArgument(shardText);
  if (shard && 'error' in shard) return { errors: [shard.error] };
  const maxSeconds = readMaxSeconds(parsed);
  if (maxSeconds !== null && typeof maxSeconds === 'object') return { errors: [maxSeconds.error] };
  return {
    maxSeconds,
    scenario,
    query: link.query,
    design,
    factors,
    names,
    readoutText: readoutName(readout),
    readoutUnitText: readoutUnit(readout),
    arm: (arm as number) - 1,
    versus: typeof versus === 'number' ? versus - 1 : undefined,
    shard,
    format: format as 'json' | 'csv',
  };
}

/** The outputs of runs [from, to) of the design. */
export function runSensitivityRuns(
  setup: SensitivitySetup,
  from: number,
  to: number,
  onEach?: (done: number) => boolean,
): Float64Array {
  const readout = parseReadout(setup.readoutText);
  if ('error' in readout) throw new Error(readout.error);
  const point = designPoints(setup.design);
  const arms = setup.versus === undefined ? [setup.arm] : [setup.arm, setup.versus];
  return runScalar(
    (k) => factorScenario(setup.scenario, setup.factors, point(k), arms),
    readout,
    setup.versus !== undefined,
    from,
    to,
    { onEach },
  );
}

/** The result document (JSON object) and its CSV table. */
export function reportSensitivity(setup: SensitivitySetup, y: ArrayLike<number>): { json: object; csv: string } {
  const ranges = setup.factors.map((f) => f.range);
  const result: SensitivityResult = analyseSensitivity(setup.design, y, setup.names, ranges);
  const head = {
    version: CLI_VERSION,
    query: setup.query,
    method: setup.design.method,
    readout: { name: setup.readoutText, unit: setup.readoutUnitText },
    arm: setup.arm + 1,
    armName: setup.scenario.arms[setup.arm].name,
    versus: setup.versus === undefined ? null : setup.versus + 1,
    versusName: setup.versus === undefined ? null : setup.scenario.arms[setup.versus].name,
    samples: setup.design.samples,
    seed: setup.design.seed,
    runs: result.runs,
  };
  const factorInfo = (j: number) => ({
    name: setup.names[j],
    min: ranges[j].min,
    max: ranges[j].max,
    log: ranges[j].log,
  });
  let rows: Record<string, unknown>[] = [];
  let extra: Record<string, unknown> = {};
  if (result.sobol) {
    const s = result.sobol;
    rows = s.indices
      .map((e, j) => ({ ...factorInfo(j), ...e }))
      .sort((p, q) => (q.total as number) - (p.total as number));
    extra = { mean: s.mean, variance: s.variance, constant: s.constant, bootstrap: s.bootstrap };
    // second-order indices (with --second-order): one entry per pair of factors
    if (s.second)
      extra.second = s.second.map((e) => ({
        factors: [setup.names[e.j], setup.names[e.k]],
        index: e.index,
        lower: e.lower,
        upper: e.upper,
        halfWidth: e.halfWidth,
      }));
  } else if (result.prcc) {
    rows = result.prcc
      .map((e, j) => ({ ...factorInfo(j), ...e }))
      .sort((p, q) => Math.abs(q.prcc as number) - Math.abs(p.prcc as number));
  } else if (result.tornado) {
    rows = result.tornado.bars.map((b) => ({ ...b }));
    extra = { base: result.tornado.base };
  }
  const columns = rows.length > 0 ? Object.keys(rows[0]) : ['name'];
  const csv = [
    columns.join(','),
    ...rows.map((r) => columns.map((c) => (c === 'name' ? csvField(String(r[c])) : String(r[c]))).join(',')),
  ].join('\n');
  return { json: { ...head, ...extra, factors: rows }, csv: `${csv}\n` };
}

/**
 * What identifies a run for `merge`: the normalised link and every option but --shard and --max-seconds, in order. The merge finisher
 * reads the run's setup back from it.
 */
function runKey(args: string[], query: string): string {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    // the run's own: where it is cut and how long it may take do not change its results
    if (a === '--shard' || a === '--max-seconds') i++;
    else if (a.startsWith('--shard=') || a.startsWith('--max-seconds=')) continue;
    else if (a.startsWith('--') || a === '-h') {
      kept.push(a);
      if (!a.includes('=') && !FLAGS.includes(a.slice(2)) && i + 1 < args.length) kept.push(args[++i]);
    }
  }
  return JSON.stringify({ link: query, options: kept });
}

const FLAGS = ['help', 'log', 'second-order'];

function print(setup: SensitivitySetup, y: ArrayLike<number>): CliOutput {
  const report = reportSensitivity(setup, y);
  return { status: 0, stdout: setup.format === 'csv' ? report.csv : `${JSON.stringify(report.json)}\n`, stderr: '' };
}

/** A stopped run: the design's outputs so far (runs [0, done)), without indices (they need every run). */
function printPartial(setup: SensitivitySetup, y: Float64Array, partial: PartialMark | null): CliOutput {
  if (setup.format === 'csv') {
    const rows = ['run,output', ...Array.from(y, (v, k) => `${k},${v}`)];
    return { status: 0, stdout: `${rows.join('\n')}\n`, stderr: '' };
  }
  const json = {
    version: CLI_VERSION,
    query: setup.query,
    partial,
    method: setup.design.method,
    readout: { name: setup.readoutText, unit: setup.readoutUnitText },
    arm: setup.arm + 1,
    versus: setup.versus === undefined ? null : setup.versus + 1,
    samples: setup.design.samples,
    seed: setup.design.seed,
    runs: designRunCount(setup.design),
    factors: setup.names,
    outputs: Array.from(y),
  };
  return { status: 0, stdout: `${JSON.stringify(json)}\n`, stderr: '' };
}

export function runSensitivityCli(args: string[], sink: ProgressSink = silentSink()): CliOutput {
  const parsed = parseArgs(args, FLAGS);
  if (parsed.flags.has('help')) return { status: 0, stdout: USAGE, stderr: '' };
  const setup = readSensitivity(parsed);
  if ('errors' in setup) return fail('sensitivity', setup.errors, USAGE);
  const total = designRunCount(setup.design);
  const { from, to } = setup.shard ? shardRange(total, setup.shard) : { from: 0, to: total };
  const progress = startProgress('sensitivity', to - from, 'runs', setup.maxSeconds, sink);
  const y = runSensitivityRuns(setup, from, to, (done) => progress.step(done));
  progress.finish();
  if (progress.stopped) {
    return stoppedOutput(progress, y.length, setup.shard !== null, () =>
      printPartial(setup, y, progress.partial(y.length)),
    );
  }
  if (setup.shard) {
    return shardOutput('sensitivity', setup.format, runKey(args, setup.query), setup.shard, total, { outputs: y });
  }
  return print(setup, y);
}

registerMerge('sensitivity', (query, _output, _total, columns) => {
  const key = JSON.parse(query) as { link: string; options: string[] };
  const setup = readSensitivity(parseArgs([...key.options, key.link], FLAGS));
  if ('errors' in setup) return fail('sensitivity', setup.errors);
  return print(setup, columns.outputs);
});
