/**
 * Fitting your own data: a measurements file with bad rows gets one message per row and keeps the rest; parameters
 * are recovered within their intervals from synthetic data made with known values and noise; the fit command reads
 * the same link format.
 */
import { describe, expect, it } from 'vitest';
import { runFitCli } from '../../src/cli/fit-run';
import { readMeasurements } from '../../src/formats/measurements';
import { fitMeasurements, SERIES_NAMES, simulate, valueAt } from '../../src/model';
import { decodeScenario, encodeScenario, parseVariable, type Scenario, valuesScenario } from '../../src/scenario';
import { defaultRange, type Factor } from '../../src/scenario/variables';
import { createRandom, levenbergMarquardt } from '../../src/stats';

const ARMS = ['Control', 'Atezo, 10 mg/kg'];

describe('measurements file', () => {
  it('a bad file gets a message per bad row (columns, text in numbers, negative volume, unknown arm) and keeps the rest', () => {
    const text = [
      'day,arm,value,sd',
      '0,Control,1,0.1',
      '7,Control,12',
      '7,Control,twelve,1',
      '14,Control,-3,1',
      '14,Placebo,40,4',
      '14,"Atezo, 10 mg/kg",20,2',
      '',
      '21,control,80,8',
    ].join('\n');
    const read = readMeasurements(text, ARMS, SERIES_NAMES, 28);
    expect(read.rows.map((r) => r.line)).toEqual([2, 7, 9]);
    expect(read.rows[2].arm).toBe('Control');
    expect(read.rows[1].armIndex).toBe(1);
    expect(read.problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
    expect(read.problems[0].message).toContain('3 columns where the header has 4');
    expect(read.problems[1].message).toContain("value 'twelve' is not a number");
    expect(read.problems[2].message).toContain('value -3 is negative');
    expect(read.problems[3].message).toContain("arm 'Placebo' is not an arm");
    for (const p of read.problems) expect(p.messageJa).toMatch(/行目/);
  });

  it('a header without a required column, or with an unknown one, is reported once', () => {
    const read = readMeasurements('time,arm,volume\n1,Control,3\n', ARMS, SERIES_NAMES, 28);
    expect(read.rows).toEqual([]);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0].message).toContain('no day, value column');
    expect(read.problems[0].message).toContain("unknown column 'time', 'volume'");
  });
});

describe('Levenberg–Marquardt', () => {
  it('fits an exponential decay within its bounds, with standard errors from the Jacobian', () => {
    const t = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    const random = createRandom(3);
    const y = t.map((x) => 5 * Math.exp(-0.4 * x) + 0.02 * random.normal());
    const fit = levenbergMarquardt({
      residuals: (p) => Float64Array.from(t, (x, i) => p[0] * Math.exp(-p[1] * x) - y[i]),
      x0: [1, 1],
      lower: [0, 0],
      upper: [10, 2],
    });
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.x[0] - 5)).toBeLessThan(3 * fit.standardErrors[0] + 1e-9);
    expect(Math.abs(fit.x[1] - 0.4)).toBeLessThan(3 * fit.standardErrors[1] + 1e-9);
    expect(fit.standardErrors[1]).toBeLessThan(0.05);
    // a bound holds: the decay rate cannot go below 0.5 when the box says so
    const bounded = levenbergMarquardt({
      residuals: (p) => Float64Array.from(t, (x, i) => p[0] * Math.exp(-p[1] * x) - y[i]),
      x0: [1, 1],
      lower: [0, 0.5],
      upper: [10, 2],
    });
    expect(bounded.x[1]).toBeGreaterThanOrEqual(0.5);
  });
});

describe('fitting the model to synthetic data', () => {
  const scenario: Scenario = decodeScenario(
    `s=hcc-mouse&h=21&arm=${encodeURIComponent(ARMS[0])}&arm=${encodeURIComponent(ARMS[1]).replaceAll('%2C', ',')}*atz:10@7-20/3`,
  ).scenario;
  const factors: Factor[] = ['p.sensitiveGrowthRate', 'p.tCellKillRate'].map((t) => {
    const v = parseVariable(t);
    if ('error' in v) throw new Error(v.error);
    return { variable: v, range: defaultRange(scenario, v) };
  });
  const truth = [0.4, 3];
  /** day, arm, value rows with 5 % (log-normal) noise: what an experiment would measure */
  function synthetic(seed: number) {
    const result = simulate(valuesScenario(scenario, factors, truth));
    const random = createRandom(seed);
    const rows: { armIndex: number; series: string; day: number; value: number }[] = [];
    for (let a = 0; a < 2; a++) {
      for (let day = 3; day <= 21; day += 3) {
        const v = valueAt(result.arms[a].t, result.arms[a].series.tumourVolume, day);
        rows.push({ armIndex: a, series: 'tumourVolume', day, value: v * 10 ** (0.02 * random.normal()) });
      }
    }
    return rows;
  }
  /** The fit of both factors to the data, from the defaults 0.3 and 6 */
  const fitFrom = (data: ReturnType<typeof synthetic>, options: { profile?: boolean } = {}) =>
    fitMeasurements(
      (v) => valuesScenario(scenario, factors, v),
      factors.map((f, j) => ({
        name: String(j),
        min: f.range.min,
        max: f.range.max,
        log: f.range.log,
        start: [0.3, 6][j],
      })),
      data,
      'log',
      undefined,
      options,
    );

  it('recovers the growth and kill rates within their 95 % intervals, starting from the defaults', () => {
    const data = synthetic(11);
    const fit = fitFrom(data);
    expect(fit.converged).toBe(true);
    fit.factors.forEach((f, j) => {
      expect(truth[j]).toBeGreaterThanOrEqual(f.lower);
      expect(truth[j]).toBeLessThanOrEqual(f.upper);
      // the interval is informative: well inside the documented range
      expect(f.upper - f.lower).toBeLessThan((factors[j].range.max - factors[j].range.min) / 2);
    });
    // growth is pinned down tightly by the untreated arm; the kill rate, seen only through the treated arm, less so
    expect(fit.factors[0].upper - fit.factors[0].lower).toBeLessThan(0.02);
    expect(fit.goodness.rSquared).toBeGreaterThan(0.99);
    expect(fit.residuals).toHaveLength(data.length);
  });

  it('profile-likelihood intervals contain the true values, bracket the estimate, agree with the Wald intervals here and say when the data do not bound a factor', () => {
    const fit = fitFrom(synthetic(11), { profile: true });
    fit.factors.forEach((f, j) => {
      const prof = f.profile;
      if (!prof) throw new Error('no profile');
      expect(prof.lower).toBeLessThan(f.estimate);
      expect(prof.upper).toBeGreaterThan(f.estimate);
      expect(truth[j]).toBeGreaterThanOrEqual(prof.lower);
      expect(truth[j]).toBeLessThanOrEqual(prof.upper);
      // the profile rises from 0 at the estimate to the cut at both ends
      expect(Math.min(...prof.points.map((q) => q.deltaSsr))).toBeLessThan(1e-6 * prof.threshold + 1e-9);
      expect(Math.max(...prof.points.map((q) => q.deltaSsr))).toBeGreaterThanOrEqual(prof.threshold * 0.999);
      // the profile ends where the Wald interval does, within 10 % of its width, or at the range when neither is
      // bounded by the data
      const width = f.upper - f.lower;
      expect(Math.abs(prof.lower - f.lower)).toBeLessThan(0.1 * width);
      expect(Math.abs(prof.upper - f.upper)).toBeLessThan(0.1 * width);
    });
    // growth is bounded by the data on both sides; the kill rate, seen through one treated arm with 5 % noise, is
    // not bounded below within its range (0.9): the profile says so
    expect(fit.factors[0].profile?.lowerBounded || fit.factors[0].profile?.upperBounded).toBe(false);
    expect(fit.factors[1].profile?.lowerBounded).toBe(true);
    expect(fit.factors[1].profile?.lower).toBe(factors[1].range.min);
    expect(fit.factors[1].profile?.upperBounded).toBe(false);
  });

  it('the fit command with --profile adds profile intervals to JSON and CSV', () => {
    const data = synthetic(5);
    const lines = ['day,arm,value', ...data.map((d) => `${d.day},"${ARMS[d.armIndex]}",${d.value}`)];
    const args = ['--data', 'x.csv', '--parameters', 'sensitiveGrowthRate', '--profile', encodeScenario(scenario)];
    const json = JSON.parse(runFitCli(args, () => lines.join('\n')).stdout);
    const f = json.factors[0];
    expect(f.profile.lower).toBeLessThan(f.estimate);
    expect(f.profile.upper).toBeGreaterThan(f.estimate);
    const csv = runFitCli([...args.slice(0, -1), '--format', 'csv', args.at(-1) as string], () => lines.join('\n'));
    expect(csv.stdout.split('\n')[0]).toBe(
      'name,estimate,standardError,lower,upper,start,log,profileLower,profileUpper',
    );
    expect(csv.stdout.split('\n')[1].split(',')).toHaveLength(9);
  });

  it('the fit command reads the link and the file, reports bad rows and fits the rest', () => {
    const data = synthetic(5);
    const lines = ['day,arm,value', ...data.map((d) => `${d.day},"${ARMS[d.armIndex]}",${d.value}`), '9,Nobody,3'];
    const out = runFitCli(
      ['--data', 'x.csv', '--parameters', 'sensitiveGrowthRate,tCellKillRate', encodeScenario(scenario)],
      () => lines.join('\n'),
    );
    expect(out.status).toBe(0);
    expect(out.stderr).toContain("arm 'Nobody'");
    const json = JSON.parse(out.stdout);
    expect(json.rows).toHaveLength(data.length);
    expect(json.factors[0].name).toBe('p.sensitiveGrowthRate');
    expect(Math.abs(json.factors[0].estimate - 0.4)).toBeLessThan(0.05);
    expect(json.fittedQuery).toContain('p.sensitiveGrowthRate=');
    expect(runFitCli(['--parameters', 'pd1Hill', encodeScenario(scenario)], () => '').stderr).toContain('--data');
  });
});
