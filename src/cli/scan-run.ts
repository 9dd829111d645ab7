/**
 * The scan command as a pure function of its arguments: readouts of every arm over a 1-D or 2-D scan of any
 * parameter, slider, dose, start day or window length, for a scenario given as a link.
 *
 * JSON (stable): { version, query, variables: [{ name, min, max, points, log, unit, values }],
 *   readouts: [{ name, unit }], arms: [names], points: [{ index, x: [values], "<readout>": [per arm] }] }
 * CSV: point,<variable 1>[,<variable 2>],arm,<readout 1>,... one row per point and arm.
 * --shard k/N computes the k-th of N contiguous slices of the points and prints a shard file (cli/shard.ts); `merge`
 * joins the N files into exactly the output of the scan without --shard.
 */
import { csvField } from '../formats/csv';
import { parseReadout, type Readout, readoutName, readoutUnit, runReadouts } from '../model';
import { axisValues, checkScan, type ScanAxis, scanAxis, scanScenario, scanSize } from '../scenario/scan';
import type { Scenario } from '../scenario/types';
import { variableName } from '../scenario/variables';
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

const USAGE = `usage: scan --vary VAR[=MIN:MAX[:POINTS]] [--vary VAR2[=MIN:MAX[:POINTS]]] [--points N] [--readout R]...
            [--arm N [--versus M]] [--log] [--shard k/N] [--max-seconds N] [--format json|csv]
            '<query string or share URL>'
  VAR: p.<parameter> (any id of docs/model.md's table), nrf2, neat1, il6 (shared; armN.nrf2 for arm N only),
       <drug>.dose, <drug>.start, <drug>.window (drug codes atz bev pd1 cox2 cd24 il6ab osi igf; armN.cox2.start
       for arm N only). Without MIN:MAX, the documented range.
  R:   volume@DAY (default: at the horizon), change@DAY, logvolume@DAY, ttp, eradication, toxicity[@DAY],
       <series>@DAY.
  --points N    values per variable (default 21 for one variable, 11 for two); :POINTS after a range: that axis's
  --arm N       only arm N (counting from 1); --versus M: arms N and M, and their difference as a third "arm"
                named 'N's name − M's name' (the app's difference heat map)
  --log         space the values on a log scale
  A link with an analysis (tool=scan or heatmap, tool.x, tool.y, tool.r, tool.arm, tool.vs) gives the options
  this command line leaves out: 'scan <link>' runs the scan or heat map the link shares, spaced as the app spaces it.
  --shard k/N   compute part k of N of the points and print a shard file; 'merge' joins the N files
${MAX_SECONDS_USAGE}; JSON then has
                   "partial": {"done", "total", ...} and the points finished, CSV their rows
  Progress (points done, time left) goes to stderr.
  e.g. scan --vary cox2.start=0:21 --readout volume@28 'v=1&s=hcc-mouse&h=28&arm=...'
`;

const ALLOWED = ['vary', 'points', 'readout', 'arm', 'versus', 'format', 'shard', 'max-seconds'];

const FLAGS = ['help', 'log'];

interface ScanSetup {
  scenario: Scenario;
  query: string;
  axes: ScanAxis[];
  points: number;
  readouts: Readout[];
  /** the arms' names in the output; with a difference, the last is 'A − B' (computed, not simulated) */
  armNames: string[];
  difference: boolean;
  format: 'json' | 'csv';
  shard: Shard | null;
  maxSeconds: number | null;
}

function readScan(parsed: ParsedArgs): ScanSetup | { errors: string[] } {
  const fromLink = applyToolDefaults(parsed, 'scan');
  const problems = unknownOptions(parsed, ALLOWED);
  const format = parsed.options.get('format')?.at(-1) ?? 'json';
  if (format !== 'json' && format !== 'csv') problems.push(`--format must be json or csv, not '${format}'`);
  if (problems.length > 0) return { errors: problems };
  const link = readLink(parsed);
  if ('errors' in link) return link;
  const armCount = link.scenario.arms.length;
  const arm = readNumberOption(parsed, 'arm', 1, 1, armCount, true);
  const versus = parsed.options.has('versus') ? readNumberOption(parsed, 'versus', 1, 1, armCount, true) : undefined;
  for (const x of [arm, versus]) if (typeof x === 'object' && x) return { errors: [x.error] };
  if (versus !== undefined && !parsed.options.has('arm')) return { errors: ['--versus needs --arm'] };
  if (versus !== undefined && versus === arm) return { errors: ['--versus must be another arm'] };
  // --arm (and --versus): only those arms are simulated, as the app's heat map of one arm (or a difference) does
  const picked = parsed.options.has('arm')
    ? [(arm as number) - 1, ...(typeof versus === 'number' ? [versus - 1] : [])]
    : null;
  const scenario = picked ? { ...link.scenario, arms: picked.map((i) => link.scenario.arms[i]) } : link.scenario;
  const difference = picked !== null && picked.length === 2;
  const armNames = scenario.arms.map((a) => a.name);
  if (difference) armNames.push(`${armNames[0]} − ${armNames[1]}`);
  const varies = parsed.options.get('vary') ?? [];
  if (varies.length < 1 || varies.length > 2) return { errors: ['give one or two --vary options'] };
  const points = readNumberOption(parsed, 'points', varies.length === 1 ? 21 : 11, 1, 1000, true);
  if (typeof points !== 'number') return { errors: [points.error] };
  const axes: ScanAxis[] = [];
  for (const text of varies) {
    // VAR=MIN:MAX:POINTS: this axis's own number of points
    const own = /^(.*=[^:]+:[^:]+):(\d+)$/.exec(text);
    const f = readFactor(own ? own[1] : text, scenario, parsed.flags.has('log'));
    const n = own ? Number(own[2]) : points;
    if (own && !(n >= 1 && n <= 1000)) problems.push(`${text}: POINTS must be a whole number from 1 to 1000`);
    if ('error' in f) problems.push(f.error);
    else {
      // an axis from the link is spaced as the app spaces it: log where the documented range is log-spaced
      const log = fromLink.has(text) ? scanAxis(scenario, f.variable, n, f.range.min, f.range.max).log : f.range.log;
      axes.push({ variable: f.variable, min: f.range.min, max: f.range.max, points: n, log });
    }
  }
  const readouts: Readout[] = [];
  for (const text of parsed.options.get('readout') ?? [`volume@${scenario.horizon}`]) {
    const r = parseReadout(text);
    if ('error' in r) problems.push(r.error);
    else if ('day' in r && r.day !== undefined && r.day > scenario.horizon) {
      problems.push(`${text} is after the horizon (${scenario.horizon} days)`);
    } else readouts.push(r);
  }
  if (problems.length > 0) return { errors: problems };
  const scanProblems = checkScan(scenario, { axes });
  if (scanProblems.length > 0) return { errors: scanProblems };
  const shardText = parsed.options.get('shard')?.at(-1);
  const shard = shardText === undefined ? null : parseShardArgument(shardText);
  if (shard && 'error' in shard) return { errors: [shard.error] };
  const maxSeconds = readMaxSeconds(parsed);
  if (maxSeconds !== null && typeof maxSeconds === 'object') return { errors: [maxSeconds.error] };
  return {
    scenario,
    query: link.query,
    axes,
    points,
    readouts,
    armNames,
    difference,
    format: format as 'json' | 'csv',
    shard,
    maxSeconds,
  };
}

/** Column name of readout ri of arm a in a shard file. */
const column = (ri: number, a: number): string => `r${ri}.a${a}`;

/** The command's output from the values of points [0, total) (values[i * width + ri * arms + a]). */
function printScan(setup: ScanSetup, values: ArrayLike<number>, partial: PartialMark | null = null): CliOutput {
  const { axes, readouts, scenario } = setup;
  // a partial run: the points finished, [0, done)
  const total = partial ? partial.done : scanSize({ axes });
  const axisX = axes.map(axisValues);
  const n1 = axes.length === 2 ? axisX[1].length : 1;
  const xOf = (i: number): number[] =>
    axes.length === 1 ? [axisX[0][i]] : [axisX[0][Math.floor(i / n1)], axisX[1][i % n1]];
  const arms = setup.armNames;
  const simulated = scenario.arms.length;
  const width = readouts.length * simulated;
  /** readout ri of output arm a at point i (the difference arm: the first simulated arm minus the second) */
  const cellValue = (i: number, ri: number, a: number): number =>
    a < simulated
      ? values[i * width + ri * simulated + a]
      : values[i * width + ri * simulated] - values[i * width + ri * simulated + 1];
  if (setup.format === 'csv') {
    const header = ['point', ...axes.map((a) => csvField(variableName(a.variable))), 'arm'];
    for (const r of readouts) header.push(csvField(readoutName(r)));
    const rows = [header.join(',')];
    for (let i = 0; i < total; i++) {
      const x = xOf(i);
      arms.forEach((name, a) => {
        const cells = [String(i), ...x.map(String), csvField(name)];
        readouts.forEach((_, ri) => {
          cells.push(String(cellValue(i, ri, a)));
        });
        rows.push(cells.join(','));
      });
    }
    return { status: 0, stdout: `${rows.join('\n')}\n`, stderr: '' };
  }
  const json = {
    version: CLI_VERSION,
    query: setup.query,
    ...(partial ? { partial } : {}),
    variables: axes.map((a, j) => ({
      name: variableName(a.variable),
      min: a.min,
      max: a.max,
      points: a.points,
      log: a.log,
      values: axisX[j],
    })),
    readouts: readouts.map((r) => ({ name: readoutName(r), unit: readoutUnit(r) })),
    arms,
    ...(setup.difference ? { difference: { arm: arms[0], versus: arms[1], name: arms[2] } } : {}),
    points: Array.from({ length: total }, (_, i) => {
      const point: Record<string, unknown> = { index: i, x: xOf(i) };
      readouts.forEach((r, ri) => {
        point[readoutName(r)] = arms.map((_, a) => cellValue(i, ri, a));
      });
      return point;
    }),
  };
  return { status: 0, stdout: `${JSON.stringify(json)}\n`, stderr: '' };
}

/** What identifies a run for merge: the normalised link and every option but --shard and --max-seconds. */
function runKey(args: string[], query: string): string {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    // the run's own: where it is cut and how long it may take do not change its results
    if (a === '--shard' || a === '--max-seconds') i++;
    else if (a.startsWith('--shard=') || a.startsWith('--max-seconds=')) continue;
    else if (a.startsWith('--')) {
      kept.push(a);
      if (!a.includes('=') && !FLAGS.includes(a.slice(2)) && i + 1 < args.length) kept.push(args[++i]);
    }
  }
  return JSON.stringify({ link: query, options: kept });
}

export function runScanCli(args: string[], sink: ProgressSink = silentSink()): CliOutput {
  const parsed = parseArgs(args, FLAGS);
  if (parsed.flags.has('help')) return { status: 0, stdout: USAGE, stderr: '' };
  const setup = readScan(parsed);
  if ('errors' in setup) return fail('scan', setup.errors, USAGE);
  const spec = { axes: setup.axes };
  const total = scanSize(spec);
  const { from, to } = setup.shard ? shardRange(total, setup.shard) : { from: 0, to: total };
  const progress = startProgress('scan', to - from, 'points', setup.maxSeconds, sink);
  const block = runReadouts((i) => scanScenario(setup.scenario, spec, i), setup.readouts, from, to, {
    onEach: (done) => progress.step(done),
  });
  progress.finish();
  if (progress.stopped) {
    const done = block.to - block.from;
    return stoppedOutput(progress, done, setup.shard !== null, () =>
      printScan(setup, block.values, progress.partial(done)),
    );
  }
  if (setup.shard) {
    const arms = setup.scenario.arms.length;
    const width = setup.readouts.length * arms;
    const columns: Record<string, number[]> = {};
    setup.readouts.forEach((_, ri) => {
      for (let a = 0; a < arms; a++) {
        columns[column(ri, a)] = Array.from({ length: to - from }, (_, k) => block.values[k * width + ri * arms + a]);
      }
    });
    return shardOutput('scan', setup.format, runKey(args, setup.query), setup.shard, total, columns);
  }
  return printScan(setup, block.values);
}

registerMerge('scan', (query, _output, total, columns) => {
  const key = JSON.parse(query) as { link: string; options: string[] };
  const setup = readScan(parseArgs([...key.options, key.link], FLAGS));
  if ('errors' in setup) return fail('scan', setup.errors);
  const arms = setup.scenario.arms.length;
  const width = setup.readouts.length * arms;
  const values = new Float64Array(total * width);
  setup.readouts.forEach((_, ri) => {
    for (let a = 0; a < arms; a++) {
      const c = columns[column(ri, a)] ?? [];
      for (let i = 0; i < total; i++) values[i * width + ri * arms + a] = c[i];
    }
  });
  return printScan(setup, values);
});
