/**
 * Progress on stderr and --max-seconds in the long-running commands (cohort, scan, sensitivity, fit, robustness): the
 * progress line reports the measured rate and never reaches stdout; a run stopped by the limit prints what it has,
 * marked as partial, says so on stderr and exits with status 3. A clock that moves one second per reading makes the
 * limits deterministic.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCohortCli } from '../../src/cli/cohort-run';
import { runFitCli } from '../../src/cli/fit-run';
import { PARTIAL_STATUS, type ProgressSink, startProgress } from '../../src/cli/progress';
import { runScanCli } from '../../src/cli/scan-run';
import { runSensitivityCli } from '../../src/cli/sensitivity-run';

/** A sink whose clock advances `stepMs` at every reading, keeping what is written. */
function fakeSink(tty: boolean, stepMs = 1000): ProgressSink & { text: () => string } {
  let t = 0;
  const parts: string[] = [];
  return {
    write: (s) => {
      parts.push(s);
    },
    tty,
    now: () => {
      t += stepMs;
      return t;
    },
    text: () => parts.join(''),
  };
}

describe('the progress line', () => {
  it('on a terminal: rewritten in place once a second, with the time left from the measured rate, then cleared', () => {
    const sink = fakeSink(true, 500);
    const progress = startProgress('cohort', 10, 'patients', null, sink);
    for (let done = 1; done <= 4; done++) expect(progress.step(done)).toBe(false);
    progress.finish();
    const text = sink.text();
    // readings at 0.5 s steps: printed at 1 s (2 done) and 2 s (4 done); 4 patients in 2 s -> 6 left take 3 s
    expect(text).toContain('\r\x1b[Kcohort: 2/10 patients (20 %), 1 s, about 4 s left');
    expect(text).toContain('\r\x1b[Kcohort: 4/10 patients (40 %), 2 s, about 3 s left');
    expect(text.endsWith('\r\x1b[K')).toBe(true);
    expect(text).not.toContain('\n');
  });

  it('on a pipe: a line every 10 seconds, nothing for a run that ends sooner', () => {
    const quick = fakeSink(false);
    const a = startProgress('scan', 5, 'points', null, quick);
    for (let done = 1; done <= 5; done++) a.step(done);
    a.finish();
    expect(quick.text()).toBe('');
    const slow = fakeSink(false);
    const b = startProgress('scan', 30, 'points', null, slow);
    for (let done = 1; done <= 30; done++) b.step(done);
    b.finish();
    expect(slow.text().split('\n').filter(Boolean)).toEqual([
      'scan: 10/30 points (33 %), 10 s, about 20 s left',
      'scan: 20/30 points (66 %), 20 s, about 10 s left',
      'scan: 30/30 points (100 %), 30 s',
    ]);
  });

  it('stops at the first unit that ends after the limit; a run whose last unit ends after it is whole, not partial', () => {
    const p = startProgress('fit', null, 'iterations', 3, fakeSink(false));
    expect([p.step(1), p.step(2), p.step(3)]).toEqual([false, false, true]);
    expect(p.partial(3)).toEqual({ reason: 'max-seconds', maxSeconds: 3, done: 3, total: null, unit: 'iterations' });
    const done = startProgress('scan', 1, 'points', 1, fakeSink(false));
    expect(done.step(1)).toBe(false);
    expect(done.partial(1)).toBeNull();
  });
});

const TRIAL = 'n=40&seed=1&arm=Control&arm=Atezo/bev*atz:1200@0-540/21*bev:15@0-540/21';

describe('--max-seconds', () => {
  it('cohort: JSON of the patients finished, marked partial, a message on stderr, exit status 3', () => {
    const out = runCohortCli(['--max-seconds', '3', TRIAL], fakeSink(false));
    expect(out.status).toBe(PARTIAL_STATUS);
    expect(out.stderr).toBe(
      'cohort: stopped by --max-seconds 3 after 3 of 40 patients; the output is PARTIAL (exit status 3)\n',
    );
    const json = JSON.parse(out.stdout);
    expect(json.partial).toEqual({ reason: 'max-seconds', maxSeconds: 3, done: 3, total: 40, unit: 'patients' });
    expect(json.patients).toBe(3);
    expect(json.arms.map((a: { patients: number }) => a.patients)).toEqual([3, 3]);
    // the link of the run asked for, so it can be run again without the limit
    expect(json.query).toContain('n=40');
  });

  it('cohort: the CSV has the finished patients only; a stopped shard prints no shard file', () => {
    const csv = runCohortCli(['--format', 'csv', '--max-seconds=2', TRIAL], fakeSink(false));
    expect(csv.status).toBe(PARTIAL_STATUS);
    expect(csv.stdout.trim().split('\n')).toHaveLength(1 + 2 * 2);
    const shard = runCohortCli(['--shard', '1/2', '--max-seconds', '2', TRIAL], fakeSink(false));
    expect(shard.status).toBe(PARTIAL_STATUS);
    expect(shard.stdout).toBe('');
    expect(shard.stderr).toContain('a partial shard cannot be merged');
  });

  it('cohort: without the limit, the same patients give the same statistics as the whole run', () => {
    const whole = JSON.parse(runCohortCli(['n=10&arm=A']).stdout);
    const limited = runCohortCli(['--max-seconds', '1000', 'n=10&arm=A'], fakeSink(false));
    expect(limited.status).toBe(0);
    expect(JSON.parse(limited.stdout)).toEqual(whole);
  });

  it('scan and sensitivity: the points or design runs finished, marked partial', () => {
    const link = 's=hcc-mouse&h=7&arm=Control';
    const scan = runScanCli(['--vary', 'nrf2', '--points', '9', '--max-seconds', '2', link], fakeSink(false));
    expect(scan.status).toBe(PARTIAL_STATUS);
    const points = JSON.parse(scan.stdout);
    expect(points.partial.done).toBe(2);
    expect(points.points).toHaveLength(2);
    expect(scan.stderr).toContain('scan: stopped by --max-seconds 2 after 2 of 9 points');
    const sens = runSensitivityCli(
      ['--method', 'tornado', '--vary', 'nrf2', '--vary', 'il6', '--max-seconds', '2', link],
      fakeSink(false),
    );
    expect(sens.status).toBe(PARTIAL_STATUS);
    const json = JSON.parse(sens.stdout);
    expect(json.partial).toMatchObject({ done: 2, total: 5, unit: 'runs' });
    expect(json.outputs).toHaveLength(2);
    expect(json).not.toHaveProperty('base');
  });

  it('fit: the best point after the iterations done, not converged, marked partial', () => {
    const data = 'day,arm,value\n0,Control,100\n7,Control,180\n14,Control,330\n';
    const out = runFitCli(
      ['--data', 'x.csv', '--parameters', 'sensitiveGrowthRate', '--max-seconds', '1', 's=hcc-mouse&h=14&arm=Control'],
      () => data,
      fakeSink(false),
    );
    expect(out.status).toBe(PARTIAL_STATUS);
    const json = JSON.parse(out.stdout);
    expect(json.partial).toMatchObject({ done: 1, total: null, unit: 'iterations' });
    expect(json.converged).toBe(false);
    expect(Number.isFinite(json.factors[0].estimate)).toBe(true);
    expect(out.stderr).toContain('fit: stopped by --max-seconds 1 after 1 iterations');
  });

  it('refuses a limit that is not a positive number of seconds', () => {
    for (const bad of ['0', '-1', 'abc', '', 'Infinity', '1e9']) {
      const out = runCohortCli(['--max-seconds', bad, TRIAL]);
      expect(out.status).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(/^cohort: --max-seconds must be a number of seconds above 0/);
      expect(runScanCli(['--vary', 'nrf2', `--max-seconds=${bad}`, 'arm=A']).stderr).toContain('--max-seconds must');
    }
  });

  it('a real process: a heavy trial stops within the limit, JSON on stdout, the message on stderr, status 3', () => {
    const heavy = `n=10000&h=1825&${Array.from({ length: 8 }, (_, i) => `arm=A${i}*atz:1200@0-1825/21`).join('&')}`;
    const run = spawnSync('node_modules/.bin/tsx', ['src/cli/cohort.ts', '--max-seconds', '1', heavy], {
      encoding: 'utf8',
      timeout: 100_000,
    });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(PARTIAL_STATUS);
    const json = JSON.parse(run.stdout);
    expect(json.partial.total).toBe(10000);
    expect(json.partial.done).toBeLessThan(10000);
    expect(run.stderr).toMatch(
      /^cohort: stopped by --max-seconds 1 after \d+ of 10000 patients; the output is PARTIAL/m,
    );
  }, 120_000);
});
