/**
 * The sbml command: one arm's SBML on stdout (the link kept in its notes), every arm with --out, and clean errors
 * (status 2, one line per problem, nothing on stdout) for bad links and options.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirectory } from '../../src/cli/io';
import { runSbmlCli } from '../../src/cli/sbml-run';
import { decodeScenario } from '../../src/scenario';
import { simulationApi } from '../../src/worker/api';
import { python } from './sbml-engine';

const LINK = 's=hcc-mouse&h=7&dt=1&arm=Control&arm=Atezo*atz:10@1-7/3';
const NOW = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));

describe('sbml command', () => {
  it('prints the first arm as SBML Level 3 Version 2 with the normalised link and the creation date', () => {
    const out = runSbmlCli([LINK], NOW);
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<sbml [^>]*level="3" version="2">/);
    expect(out.stdout).toContain('name="TIMEscape: Control (hcc-mouse)"');
    expect(out.stdout).toContain(decodeScenario(LINK).normalised.replace(/&/g, '&amp;'));
    expect(out.stdout).toContain('<dcterms:W3CDTF>2026-01-02T03:04:05Z</dcterms:W3CDTF>');
  });

  it('--arm picks another arm; --out gives one file per arm', () => {
    const second = runSbmlCli(['--arm', '2', `https://example.org/?${LINK}#x`], NOW);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('name="TIMEscape: Atezo (hcc-mouse)"');
    expect(second.stdout).toContain('<eventAssignment variable="drug_atezolizumab">');
    const all = runSbmlCli(['--out', 'models', LINK], NOW);
    expect(all.status).toBe(0);
    expect(all.files.map((f) => f.name)).toEqual(['timescape-arm1.xml', 'timescape-arm2.xml', 'timescape.sedml']);
    expect(all.files[1].text).toBe(second.stdout);
    expect(all.stdout).toBe('timescape-arm1.xml\ntimescape-arm2.xml\ntimescape.sedml\n');
  });

  it('--out adds a SED-ML time course whose models, tasks and variables point into the arm files', () => {
    const all = runSbmlCli(['--out', 'models', LINK], NOW);
    const sedml = all.files.find((f) => f.name === 'timescape.sedml')?.text ?? '';
    expect(sedml).toContain('<sedML xmlns="http://sed-ml.org/sed-ml/level1/version3"');
    expect(sedml).toContain('outputEndTime="7" numberOfPoints="7"><algorithm kisaoID="KISAO:0000088"/>');
    const sources = [...sedml.matchAll(/<model id="(arm\d+)"[^>]* source="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(sources).toEqual([
      ['arm1', 'timescape-arm1.xml'],
      ['arm2', 'timescape-arm2.xml'],
    ]);
    const variables = [...sedml.matchAll(/\[@id='([^']+)'\]" taskReference="task_(arm\d+)"/g)];
    expect(variables).toHaveLength(2 * 3);
    for (const [, id, arm] of variables) {
      const file = all.files.find((f) => f.name === `timescape-${arm}.xml`);
      expect(file?.text, `${id} in ${arm}`).toContain(` id="${id}"`);
    }
    for (const f of all.files) {
      const parsed = spawnSync(
        python(),
        ['-c', 'import sys, xml.etree.ElementTree as E; E.fromstring(sys.stdin.read())'],
        {
          input: f.text,
          encoding: 'utf8',
        },
      );
      expect(parsed.status, `${f.name} is well-formed XML: ${parsed.stderr}`).toBe(0);
    }
  });

  it('the worker (the Exports menu) gives the same file as the command line, but for its creation date', () => {
    const decoded = decodeScenario(LINK);
    const fromWorker = simulationApi.sbml(decoded.scenario, 1, decoded.normalised);
    const undated = (x: string) => x.replace(/<dcterms:W3CDTF>[^<]*<\/dcterms:W3CDTF>/g, '');
    expect(undated(fromWorker)).toBe(undated(runSbmlCli(['--arm', '2', LINK], NOW).stdout));
    expect(fromWorker).toContain('name="TIMEscape: Atezo (hcc-mouse)"');
  });

  it('refuses a bad link, a missing arm and unknown options with status 2 and nothing on stdout', () => {
    for (const [args, message] of [
      [['s=nonsense'], /^sbml: setting: /],
      [['--arm', '3', LINK], /--arm must be a whole number from 1 to 2/],
      [['--arm', 'x', LINK], /--arm must be a whole number/],
      [['--out'], /--out needs a value/],
      [['--arm', '1', '--out', 'd', LINK], /either --arm or --out/],
      [['--format', 'csv', LINK], /unknown option --format/],
      [[], /expected one query string, got 0/],
    ] as const) {
      const out = runSbmlCli([...args], NOW);
      expect(out.status, args.join(' ')).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(message);
    }
  });

  it('npm run -s sbml exits 0 with SBML on stdout, and 2 with messages on stderr for a bad link', () => {
    const good = spawnSync('npm', ['run', '-s', 'sbml', '--', LINK], { encoding: 'utf8' });
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core"');
    const bad = spawnSync('npm', ['run', '-s', 'sbml', '--', 's=hcc-mouse&h=-1'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^sbml: horizon: /m);
  }, 60_000);

  it('--out creates missing parent directories, and refuses a file in the way with a message', () => {
    const root = mkdtempSync(join(tmpdir(), 'sbml-out-'));
    try {
      makeDirectory(join(root, 'a', 'b', 'c'));
      expect(readdirSync(join(root, 'a', 'b'))).toEqual(['c']);
      makeDirectory(join(root, 'a', 'b', 'c')); // already there: nothing to do
      writeFileSync(join(root, 'file'), 'x');
      expect(() => makeDirectory(join(root, 'file'))).toThrow(/is not a directory/);
      expect(() => makeDirectory(join(root, 'file', 'sub'))).toThrow(/cannot create the directory/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it.runIf(process.platform === 'linux')(
    '--out under /proc fails at once with status 1 and a message (a recursive mkdir there never returns)',
    () => {
      const run = spawnSync('node_modules/.bin/tsx', ['src/cli/sbml.ts', '--out', '/proc/x', LINK], {
        encoding: 'utf8',
        timeout: 50_000,
      });
      expect(run.signal).toBeNull(); // not killed by the timeout
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^sbml: cannot write to \/proc\/x: cannot create the directory \/proc\/x: /m);
    },
    60_000,
  );
});
