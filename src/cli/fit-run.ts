/**
 * The fit command as a pure function of its arguments and the data file's text: fits chosen parameters (or any scan
 * variable) of a scenario given as a link to measurements in a CSV file (src/formats/measurements.ts), by weighted
 * least squares (bounded Levenberg–Marquardt; src/model/analysis/fit.ts).
 *
 * JSON (stable): { version, query, fittedQuery, scale, factors: [{ name, estimate, standardError, lower, upper,
 *   start, log, profile? }], goodness: { points, parameters, ssr, reducedChiSquare, aic, rSquared }, iterations, converged,
 *   evaluations, rows: [{ line, arm, series, day, value, model, residual }], problems: [{ line, message }] }
 * fittedQuery is the link with the fitted values (p.<id>=...), to open the fitted scenario. CSV: the factors table.
 * With --profile, each factor also has a 95 % profile-likelihood interval (model/analysis/fit.ts): profile { lower,
 * upper, lowerBounded, upperBounded, threshold, points: [{ value, deltaSsr }], evaluations }; the CSV gains the
 * columns profileLower, profileUpper. A fit that did not converge (or was stopped by --max-seconds)
 * has no profile.
 * Rows of the file that cannot be used are listed in `problems` (and on stderr) and left out; the fit uses the rest.
 */
import { csvField } from '../formats/csv';
import { readMeasurements } from '../formats/measurements';
import { type FitFactor, fitMeasurements, SERIES_NAMES } from '../model';
import { PARAMETER_KEY_PREFIX, parameterDefault } from '../scenario/catalogue/parameters';
import { encodeScenario } from '../scenario/encode';
import { currentValue, type Factor, valuesScenario, variableName } from '../scenario/variables';
import { applyToolDefaults, fail, parseArgs, readFactor, readLink, unknownOptions } from './options';
import {
  MAX_SECONDS_USAGE,
  type ProgressSink,
  readMaxSeconds,
  silentSink,
  startProgress,
  stoppedOutput,
} from './progress';
import { CLI_VERSION, type CliOutput } from './run';

const USAGE = `usage: fit --data FILE.csv [--parameters ID,ID,...] [--vary VAR[=MIN:MAX]]... [--scale log|linear]
           [--profile] [--max-seconds N] [--format json|csv] '<query string or share URL>'
  Fits the factors (model parameters, or any scan variable) within their ranges to the measurements in FILE.csv:
    day,arm,value[,sd][,n][,series]     (header required; series defaults to tumourVolume)
  --scale log (default): residuals of log10 values; linear: of the values. Weights from sd / sqrt(n) when given.
  --profile: 95 % profile-likelihood intervals too (the other factors re-fitted along each factor), besides the
    Wald intervals from the Jacobian.
${MAX_SECONDS_USAGE}; the best
                   point so far is printed with "converged": false and "partial": {"done": iterations, ...}
  A link with tool=fit and tool.f gives the factors when neither --parameters nor --vary does.
  Progress (iterations, model evaluations, sum of squares) goes to stderr.
  e.g. fit --data volumes.csv --parameters tCellKillRate,sensitiveGrowthRate 'v=1&s=hcc-mouse&h=28&arm=...'
`;

const ALLOWED = ['data', 'parameters', 'vary', 'scale', 'format', 'max-seconds'];

export function runFitCli(
  args: string[],
  readFile: (path: string) => string,
  sink: ProgressSink = silentSink(),
): CliOutput {
  const parsed = parseArgs(args, ['help', 'profile']);
  if (parsed.flags.has('help')) return { status: 0, stdout: USAGE, stderr: '' };
  applyToolDefaults(parsed, 'fit');
  const problems = unknownOptions(parsed, ALLOWED);
  const format = parsed.options.get('format')?.at(-1) ?? 'json';
  if (format !== 'json' && format !== 'csv') problems.push(`--format must be json or csv, not '${format}'`);
  const scale = parsed.options.get('scale')?.at(-1) ?? 'log';
  if (scale !== 'log' && scale !== 'linear') problems.push(`--scale must be log or linear, not '${scale}'`);
  const path = parsed.options.get('data')?.at(-1);
  if (!path) problems.push('give the measurements: --data FILE.csv');
  const maxSeconds = readMaxSeconds(parsed);
  if (maxSeconds !== null && typeof maxSeconds === 'object') problems.push(maxSeconds.error);
  if (problems.length > 0) return fail('fit', problems, USAGE);
  const link = readLink(parsed);
  if ('errors' in link) return fail('fit', link.errors, USAGE);
  const { scenario } = link;

  const factors: Factor[] = [];
  for (const list of parsed.options.get('parameters') ?? []) {
    for (const id of list.split(',').map((s) => s.trim())) {
      if (id === '') continue;
      const f = readFactor(`${PARAMETER_KEY_PREFIX}${id}`, scenario);
      if ('error' in f) problems.push(f.error);
      else factors.push(f);
    }
  }
  for (const text of parsed.options.get('vary') ?? []) {
    const f = readFactor(text, scenario);
    if ('error' in f) problems.push(f.error);
    else factors.push(f);
  }
  if (factors.length === 0 && problems.length === 0)
    problems.push('give the factors to fit: --parameters ID,... and/or --vary VAR');
  if (problems.length > 0) return fail('fit', problems);

  let text: string;
  try {
    text = readFile(path as string);
  } catch (e) {
    return fail('fit', `${path}: cannot read (${e instanceof Error ? e.message : String(e)})`);
  }
  const read = readMeasurements(
    text,
    scenario.arms.map((a) => a.name),
    SERIES_NAMES,
    scenario.horizon,
  );
  const warnings = read.problems.map((p) => `fit: ${p.message}`);
  if (read.rows.length < factors.length) {
    return fail('fit', [
      ...read.problems.map((p) => p.message),
      `${read.rows.length} usable measurements cannot fit ${factors.length} factors`,
    ]);
  }
  const defaults = Object.fromEntries(
    factors
      .filter((f) => f.variable.kind === 'parameter')
      .map((f) => {
        const id = (f.variable as { id: string }).id;
        return [id, parameterDefault(id as never, scenario.setting)];
      }),
  );
  const fitFactors: FitFactor[] = factors.map((f) => {
    const start = currentValue(scenario, f.variable, defaults);
    return {
      name: variableName(f.variable),
      min: f.range.min,
      max: f.range.max,
      log: f.range.log,
      start: Math.min(f.range.max, Math.max(f.range.min, Number.isFinite(start) ? start : f.range.min)),
    };
  });
  const withSd = read.rows.filter((r) => r.sd !== undefined).length;
  if (withSd > 0 && withSd < read.rows.length) {
    return fail('fit', `${withSd} of ${read.rows.length} measurements have an sd: give it for every row or for none`);
  }
  let result: ReturnType<typeof fitMeasurements>;
  const progress = startProgress('fit', null, 'iterations', maxSeconds as number | null, sink);
  try {
    result = fitMeasurements(
      (v) => valuesScenario(scenario, factors, v),
      fitFactors,
      read.rows,
      scale as 'log' | 'linear',
      (iterations, evaluations, ssr) =>
        progress.step(iterations, `${evaluations} model runs, sum of squares ${ssr.toPrecision(4)}`),
      { profile: parsed.flags.has('profile') },
    );
  } catch (e) {
    return fail('fit', e instanceof Error ? e.message : String(e));
  } finally {
    progress.finish();
  }
  const partial = progress.partial(result.iterations);
  const fittedScenario = valuesScenario(
    scenario,
    factors,
    result.factors.map((f) => f.estimate),
  );
  const stderr = warnings.length > 0 ? `${warnings.join('\n')}\n` : '';
  const output = (): CliOutput => {
    if (format === 'csv') {
      const profile = parsed.flags.has('profile');
      const rows = [`name,estimate,standardError,lower,upper,start,log${profile ? ',profileLower,profileUpper' : ''}`];
      for (const f of result.factors) {
        const cells: (string | number | boolean)[] = [
          csvField(f.name),
          f.estimate,
          f.standardError,
          f.lower,
          f.upper,
          f.start,
          f.log,
        ];
        if (profile) cells.push(f.profile?.lower ?? '', f.profile?.upper ?? '');
        rows.push(cells.join(','));
      }
      return { status: 0, stdout: `${rows.join('\n')}\n`, stderr };
    }
    const json = {
      version: CLI_VERSION,
      query: link.query,
      ...(partial ? { partial } : {}),
      fittedQuery: encodeScenario(fittedScenario),
      scale: result.scale,
      factors: result.factors,
      goodness: result.goodness,
      iterations: result.iterations,
      converged: result.converged,
      evaluations: result.evaluations,
      rows: read.rows.map((r, i) => ({
        line: r.line,
        arm: r.arm,
        series: r.series,
        day: r.day,
        value: r.value,
        model: result.predictions[i],
        residual: result.residuals[i],
      })),
      problems: read.problems.map((p) => ({ line: p.line, message: p.message, messageJa: p.messageJa })),
    };
    return { status: 0, stdout: `${JSON.stringify(json)}\n`, stderr };
  };
  if (partial) {
    const stopped = stoppedOutput(progress, result.iterations, false, output);
    return { ...stopped, stderr: `${stderr}${stopped.stderr}` };
  }
  return output();
}
