/**
 * The command line: simulate and cohort through their pure run functions (same code as the scripts), and one real
 * process to check the exit status and the streams of `npm run -s simulate`.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COX_METHOD, runCohortCli } from '../../src/cli/cohort-run';
import { runCli } from '../../src/cli/run';
import { flauraComparisonScenario } from '../../src/model/flaura';
import { SERIES_NAMES } from '../../src/model/series';
import { decodeScenario, encodeScenario } from '../../src/scenario';
import { RESPONSE_CODES } from '../../src/scenario/catalogue/trial';

const SHORT = 's=hcc-mouse&h=7&dt=1&arm=Control&arm=Atezo*atz:10@1-7/3';

/** Lines of stderr (without the final newline). */
function lines(stderr: string): string[] {
  return stderr.replace(/\n$/, '').split('\n');
}

describe('simulate', () => {
  it('prints JSON with the normalised query, the arms, the grid, every series and a summary per arm', () => {
    const out = runCli([SHORT]);
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('');
    const json = JSON.parse(out.stdout);
    expect(Object.keys(json)).toEqual(['version', 'query', 'arms', 't', 'series', 'summary']);
    expect(json.version).toBe('1');
    expect(json.query).toBe(decodeScenario(SHORT).normalised);
    expect(json.query).toBe(
      'v=2&s=hcc-mouse&h=7&dt=1&nrf2=0&neat1=0&il6=0.5&axl=low&cd8=0&arm=Control&arm=Atezo*atz:10@1-7/3',
    );
    expect(json.arms).toEqual(['Control', 'Atezo']);
    expect(json.t).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Object.keys(json.series)).toEqual([...SERIES_NAMES]);
    for (const name of SERIES_NAMES) {
      expect(json.series[name]).toHaveLength(2);
      for (const values of json.series[name]) expect(values).toHaveLength(8);
    }
    expect(json.summary).toHaveLength(2);
    expect(json.summary[0]).toMatchObject({ name: 'Control' });
    expect(json.summary[0].solver).toBeDefined();
  });

  it('accepts a full share URL, with a leading "?" or a fragment, and gives the same query', () => {
    const plain = JSON.parse(runCli([SHORT]).stdout).query;
    for (const input of [`?${SHORT}`, `https://example.org/timescape/?${SHORT}#chart`]) {
      const out = runCli([input]);
      expect(out.status).toBe(0);
      expect(JSON.parse(out.stdout).query).toBe(plain);
    }
  });

  it('--format csv: a header and one row per arm and output day', () => {
    for (const args of [
      ['--format', 'csv', SHORT],
      ['--format=csv', SHORT],
    ]) {
      const out = runCli(args);
      expect(out.status).toBe(0);
      const rows = out.stdout.trimEnd().split('\n');
      expect(rows[0]).toBe(['arm', 'day', ...SERIES_NAMES].join(','));
      expect(rows).toHaveLength(1 + 2 * 8);
      expect(rows[1].startsWith('Control,0,')).toBe(true);
      expect(rows[16].startsWith('Atezo,7,')).toBe(true);
      for (const row of rows) expect(row.split(',')).toHaveLength(2 + SERIES_NAMES.length);
    }
    // a name with a comma is quoted
    const quoted = runCli(['--format', 'csv', 'h=1&arm=a,+b']);
    expect(quoted.stdout.split('\n')[1].startsWith('"a, b",0,')).toBe(true);
    // a name a spreadsheet would run as a formula opens as text
    const formula = runCli(['--format', 'csv', 'h=1&arm=%3D1%2B1']);
    expect(formula.stdout.split('\n')[1].startsWith("'=1+1,0,")).toBe(true);
  });

  it('every bad link: status 2, one "simulate: <field>: <message>" line per problem, nothing on stdout', () => {
    const cases: [string, string[]][] = [
      ['h=abc', ['horizon']],
      ['s=hcc-rat', ['setting']],
      ['foo=1', ['foo']],
      ['v=3', ['v']],
      ['h=28&dt=30', ['outputStep']],
      ['nrf2=2&axl=medium', ['nrf2', 'axl']],
      ['arm=A*atz:10@7/3', ['arm[0].treatments.atezolizumab']],
      ['arm=A*atz:1000@0-10/1', ['arm[0].treatments.atezolizumab.dose']],
      ['arm=A*igf:25@10-5/1', ['arm[0].treatments.igf1ri.stop']],
      ['arm=A*nrf2=1*nrf2=0', ['arm[0].inputs.nrf2']],
      ['arm=+++', ['arm[0].name']],
      [`arm=${'x'.repeat(41)}`, ['arm[0].name']],
      [Array.from({ length: 9 }, (_, i) => `arm=A${i}`).join('&'), ['arms']],
      [`arm=${'x'.repeat(9500)}`, ['query']],
      ['h=40&h=50', ['horizon']],
      ['n=40', ['cohort']],
      ['s=hcc-patient&n=5&cancer=liver', ['cohort.size', 'cohort.cancer']],
    ];
    for (const [query, fields] of cases) {
      const out = runCli([query]);
      expect(out.status, query).toBe(2);
      expect(out.stdout, query).toBe('');
      expect(out.stderr.endsWith('\n')).toBe(true);
      const got = lines(out.stderr);
      expect(
        got.map((l) => /^simulate: (\S+): \S.*$/.exec(l)?.[1]),
        query,
      ).toEqual(fields);
      const expected = decodeScenario(query).errors.map((e) => `simulate: ${e.field}: ${e.message}`);
      expect(got).toEqual(expected);
    }
  });

  it('bad usage: status 2 and nothing on stdout; --help: status 0', () => {
    for (const args of [[], [SHORT, SHORT], ['--format', 'xml', SHORT], ['--format'], ['--verbose', SHORT]]) {
      const out = runCli(args);
      expect(out.status, args.join(' ')).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr.startsWith('simulate: ')).toBe(true);
    }
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: simulate');
  });

  it('npm run -s simulate with a bad query exits with status 2 and prints nothing on stdout', () => {
    const run = spawnSync('npm', ['run', '-s', 'simulate', '--', 'h=abc&arm=A'], {
      cwd: process.cwd(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("simulate: horizon: Horizon (h) for hcc-mouse is 'abc'");
  }, 60_000);
});

describe('cohort, the lung trial', () => {
  it("reports the share of FLAURA's comparator patients who crossed over to osimertinib at progression, and none on osimertinib", () => {
    const scenario = flauraComparisonScenario({}, 40, 1);
    const run = runCohortCli([encodeScenario(scenario)]);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    const [comparator, osimertinib] = json.arms;
    expect(comparator.crossover.estimate).toBeGreaterThan(0);
    expect(comparator.crossover.lower).toBeLessThanOrEqual(comparator.crossover.estimate);
    expect(comparator.crossover.upper).toBeGreaterThanOrEqual(comparator.crossover.estimate);
    expect(osimertinib.crossover.estimate).toBe(0);
  }, 60_000);
});

describe('cohort', () => {
  const TRIAL = 'n=40&seed=1&arm=Control&arm=Atezo/bev*atz:1200@0-540/21*bev:15@0-540/21';
  const first = runCohortCli([TRIAL]);

  it('prints JSON: per-arm responses, rates, median PFS and Kaplan–Meier, comparisons and biomarker splits', () => {
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('');
    const json = JSON.parse(first.stdout);
    expect(Object.keys(json)).toEqual(['version', 'query', 'patients', 'arms', 'comparisons', 'biomarkers']);
    expect(json.version).toBe('1');
    expect(json.patients).toBe(40);
    // read in the hcc-patient setting, the missing cohort keys written out with their defaults
    expect(json.query).toBe(
      'v=2&s=hcc-patient&h=540&dt=1&nrf2=0&neat1=0&il6=0.5&axl=low&cd8=0&n=40&seed=1&cancer=hcc&assess=42&pge2cut=100' +
        '&arm=Control&arm=Atezo/bev*atz:1200@0-540/21*bev:15@0-540/21',
    );
    expect(json.arms.map((a: { name: string }) => a.name)).toEqual(['Control', 'Atezo/bev']);
    for (const arm of json.arms) {
      expect(Object.keys(arm)).toEqual([
        'name',
        'patients',
        'responses',
        'orr',
        'dcr',
        'medianPfsDays',
        'km',
        'medianOsDays',
        'os12',
        'osKm',
        'timeToResponseDays',
        'crossover',
      ]);
      // no crossover in the HCC trial
      expect(arm.crossover.estimate).toBe(0);
      expect(arm.patients).toBe(40);
      expect(Object.keys(arm.responses)).toEqual([...RESPONSE_CODES]);
      expect(Object.values(arm.responses as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(40);
      for (const rate of [arm.orr, arm.dcr]) {
        expect(Object.keys(rate)).toEqual(['estimate', 'lower', 'upper']);
        expect(rate.lower).toBeGreaterThanOrEqual(0);
        expect(rate.lower).toBeLessThanOrEqual(rate.estimate);
        expect(rate.estimate).toBeLessThanOrEqual(rate.upper);
        expect(rate.upper).toBeLessThanOrEqual(1);
      }
      expect(arm.orr.estimate).toBe((arm.responses.CR + arm.responses.PR) / 40);
      expect(Object.keys(arm.medianPfsDays)).toEqual(['median', 'lower', 'upper']);
      expect(arm.km[0]).toEqual({ day: 0, atRisk: 40, events: 0, censored: 0, survival: 1, lower: 1, upper: 1 });
      for (let j = 1; j < arm.km.length; j++) {
        const [prev, row] = [arm.km[j - 1], arm.km[j]];
        expect(Object.keys(row)).toEqual(['day', 'atRisk', 'events', 'censored', 'survival', 'lower', 'upper']);
        expect(row.day).toBeGreaterThan(prev.day);
        expect(row.survival).toBeLessThanOrEqual(prev.survival);
        expect(row.lower).toBeLessThanOrEqual(row.survival);
        expect(row.upper).toBeGreaterThanOrEqual(row.survival);
        // progression at an assessment (every 42 days), a death on its own day, or censored at the horizon
        expect(row.day).toBeLessThanOrEqual(540);
      }
      // censored at the horizon, or (not evaluable) on the day a patient left the scans, before the first one
      const censoredDays = arm.km
        .filter((r: { censored: number }) => r.censored > 0)
        .map((r: { day: number }) => r.day);
      for (const day of censoredDays) expect(day === 540 || day < 42, String(day)).toBe(true);
      expect(arm.osKm[0]).toEqual({ day: 0, atRisk: 40, events: 0, censored: 0, survival: 1, lower: 1, upper: 1 });
      const last = arm.km[arm.km.length - 1];
      const ended = arm.km.reduce((n: number, r: { events: number; censored: number }) => n + r.events + r.censored, 0);
      expect(ended).toBe(40);
      expect(last.atRisk).toBe(last.events + last.censored);
    }
    expect(json.comparisons).toHaveLength(1);
    const c = json.comparisons[0];
    expect(Object.keys(c)).toEqual([
      'reference',
      'comparison',
      'hazardRatio',
      'lower',
      'upper',
      'method',
      'logRankChiSquare',
      'logRankP',
      'os',
    ]);
    expect(Object.keys(c.os)).toEqual(['hazardRatio', 'lower', 'upper', 'logRankChiSquare', 'logRankP']);
    expect(c).toMatchObject({ reference: 'Control', comparison: 'Atezo/bev', method: COX_METHOD });
    expect(c.method).toBe('Cox proportional hazards, Efron ties, Wald CI');
    expect(c.lower).toBeLessThan(c.hazardRatio);
    expect(c.hazardRatio).toBeLessThan(c.upper);
    expect(c.logRankChiSquare).toBeGreaterThan(0);
    expect(c.logRankP).toBeGreaterThan(0);
    expect(c.logRankP).toBeLessThan(1);
    expect(json.biomarkers.map((b: { name: string }) => b.name)).toEqual(['NRF2', 'PGE2', 'NEAT1']);
    expect(json.biomarkers[1].definition).toContain('PGE2 >= 100 pg/mL');
    for (const b of json.biomarkers) {
      expect(b.arms).toHaveLength(2);
      for (const arm of b.arms) {
        expect(Object.keys(arm)).toEqual(['name', 'high', 'low', 'logRankP']);
        expect(arm.high.patients + arm.low.patients).toBe(40);
        for (const group of [arm.high, arm.low]) {
          expect(Object.keys(group)).toEqual(['patients', 'medianPfsDays', 'orr']);
          expect(group.orr).toBeGreaterThanOrEqual(0);
          expect(group.orr).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('is deterministic for a seed, and another seed gives other patients', () => {
    expect(runCohortCli([TRIAL])).toEqual(first);
    const other = runCohortCli([TRIAL.replace('seed=1', 'seed=2')]);
    expect(other.status).toBe(0);
    const strip = (stdout: string) => {
      const { query: _query, ...rest } = JSON.parse(stdout);
      return rest;
    };
    expect(strip(other.stdout)).not.toEqual(strip(first.stdout));
    expect(JSON.parse(other.stdout).query).toContain('&seed=2&');
  });

  it('without cohort keys: the default cohort (500 patients, seed 1, hcc, every 42 days, cut-off 100 pg/mL)', () => {
    const out = runCohortCli(['s=hcc-patient&h=30&arm=Control']);
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.patients).toBe(500);
    expect(json.query).toContain('&n=500&seed=1&cancer=hcc&assess=42&pge2cut=100&');
    expect(json.comparisons).toEqual([]);
  });

  it('--format csv: a header and one row per patient and arm', () => {
    const out = runCohortCli(['--format', 'csv', 'n=10&seed=3&arm=Control&arm=Atezo*atz:1200@0-540/21']);
    expect(out.status).toBe(0);
    const rows = out.stdout.trimEnd().split('\n');
    expect(rows[0]).toBe('patient,arm,best,bestChange,pfsDays,progressed,osDays,death,nrf2Active,baselinePge2');
    expect(rows).toHaveLength(1 + 10 * 2);
    const cells = rows.slice(1).map((r) => r.split(','));
    expect(cells.map((c) => c[0])).toEqual(Array.from({ length: 10 }, (_, i) => [`${i + 1}`, `${i + 1}`]).flat());
    expect(cells.map((c) => c[1]).slice(0, 2)).toEqual(['Control', 'Atezo']);
    for (const c of cells) {
      expect(c).toHaveLength(10);
      expect(RESPONSE_CODES).toContain(c[2]);
      expect(Number(c[3])).toBeGreaterThanOrEqual(-100); // best change, %: positive for a tumour that only grew
      expect(Number(c[4])).toBeGreaterThan(0);
      expect(['0', '1']).toContain(c[5]);
      // overall survival is never shorter than PFS
      expect(Number(c[6])).toBeGreaterThanOrEqual(Number(c[4]));
      expect(['0', '1']).toContain(c[7]);
      expect(['0', '1']).toContain(c[8]);
      expect(Number(c[9])).toBeGreaterThan(0);
    }
    // a patient's covariates are the same in every arm
    expect(cells[0].slice(8)).toEqual(cells[1].slice(8));
  });

  it('every bad input: status 2, one "cohort: <field>: <message>" line per problem, nothing on stdout', () => {
    const cases: [string, string[]][] = [
      ['n=5', ['cohort.size']],
      ['n=40.5', ['cohort.size']],
      ['seed=-1', ['cohort.seed']],
      ['cancer=liver', ['cohort.cancer']],
      ['assess=200', ['cohort.assessmentInterval']],
      ['pge2cut=abc', ['cohort.pge2Cutoff']],
      ['n=20&n=30', ['cohort.size']],
      ['s=hcc-mouse&n=40', ['cohort']],
      ['s=hcc-mouse', ['setting']],
      ['s=lung-egfr&arm=A', ['setting']],
      ['h=10', ['horizon']],
      ['n=40&arm=A*atz:10@7/3', ['arm[0].treatments.atezolizumab']],
      ['n=7&seed=x&foo=1', ['foo', 'cohort.size', 'cohort.seed']],
    ];
    for (const [query, fields] of cases) {
      const out = runCohortCli([query]);
      expect(out.status, query).toBe(2);
      expect(out.stdout, query).toBe('');
      expect(
        lines(out.stderr).map((l) => /^cohort: (\S+): \S.*$/.exec(l)?.[1]),
        query,
      ).toEqual(fields);
    }
    expect(runCohortCli(['s=hcc-mouse']).stderr).toBe(
      "cohort: setting: A virtual trial runs only in the hcc-patient or lung-patient setting; the link's setting (s) is hcc-mouse.\n",
    );
    for (const args of [[], ['n=40', 'n=40'], ['--format', 'tsv', 'n=40'], ['--quick', 'n=40']]) {
      const out = runCohortCli(args);
      expect(out.status, args.join(' ')).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr.startsWith('cohort: ')).toBe(true);
    }
    expect(runCohortCli(['--help'])).toMatchObject({ status: 0, stderr: '' });
  });
});
