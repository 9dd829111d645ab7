/**
 * Clean output channels: CSV neutralised per OWASP (one test per case), control characters escaped in CSV and on
 * the command line's stderr, a closed pipe ending the command quietly, and arm names that are plain visible text,
 * so that every name the codec accepts exports as well-formed CSV that reads back as the name.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tidyCsv } from '../../src/charts/export';
import { runCohortCli } from '../../src/cli/cohort-run';
import { terminalText } from '../../src/cli/io';
import { runCli } from '../../src/cli/run';
import { csvField, parseCsv, readCsvField } from '../../src/formats/csv';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { decodeScenario, defaultScenario, validateScenario } from '../../src/scenario';

/** Control characters a terminal obeys (C0 but LF, DEL, C1). */
const TERMINAL_CONTROL = /(?!\n)\p{Cc}/u;

/** The single cell csvField writes for `text`, read back as a CSV reader does. */
function cell(text: string): string {
  const rows = parseCsv(`${csvField(text)}\n`);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toHaveLength(1);
  return rows[0][0];
}

describe('CSV fields neutralised per OWASP', () => {
  it('quotes a field holding a comma', () => expect(csvField('a,b')).toBe('"a,b"'));
  it('quotes a field holding a semicolon (a separator in many locales)', () => expect(csvField('a;b')).toBe('"a;b"'));
  it('quotes a field holding a quote, doubling it', () => expect(csvField('a"b')).toBe('"a""b"'));
  it('quotes a field holding a tab', () => expect(csvField('a\tb')).toBe('"a\tb"'));
  it('quotes a field holding a line feed', () => expect(csvField('a\nb')).toBe('"a\nb"'));
  it('quotes a field holding a carriage return', () => expect(csvField('a\rb')).toBe('"a\rb"'));
  for (const start of ['=', '+', '-', '@']) {
    it(`neutralises a field starting with ${start}`, () => expect(csvField(`${start}1+1`)).toBe(`'${start}1+1`));
  }
  it('neutralises a field starting with a tab', () => expect(csvField('\t=1')).toBe(`"'\t'=1"`));
  it('neutralises a field starting with a carriage return', () => expect(csvField('\r=1')).toBe(`"'\r=1"`));
  for (const trigger of ['=', '+', '-', '@', '\t', '\r']) {
    const shown = JSON.stringify(trigger);
    it(`neutralises ${shown} right after a semicolon`, () => {
      expect(readCsvField(cell(`a;${trigger}1`))).toBe(`a;${trigger}1`);
      expect(cell(`a;${trigger}1`)).toBe(`a;'${trigger}1`);
    });
    it(`neutralises ${shown} right after a tab`, () => {
      expect(cell(`a\t${trigger}1`)).toBe(`a\t'${trigger}1`);
    });
  }
  it('the finding: a;=1+1 is no longer written as a;=1+1', () => {
    expect(csvField('a;=1+1')).toBe(`"a;'=1+1"`);
    const out = runCli(['--format', 'csv', 'h=1&arm=a%3B%3D1%2B1']);
    expect(out.stdout.split('\n')[1].startsWith(`"a;'=1+1",0,`)).toBe(true);
  });
  it('an apostrophe in front is doubled, so that the field reads back exactly', () => {
    expect(csvField("'=1")).toBe("''=1");
    expect(readCsvField(cell("'=1"))).toBe("'=1");
  });
  it('leaves plain text and numbers as they are', () => {
    expect(csvField('Control')).toBe('Control');
    expect(csvField('Atezo/bev 1200 mg')).toBe('Atezo/bev 1200 mg');
    expect(csvField(-1.5)).toBe('-1.5');
  });
  it('writes control characters as \\uXXXX text', () => {
    expect(csvField('a\u001b[2Jb\u0007\u009b')).toBe('a\\u001b[2Jb\\u0007\\u009b');
  });
});

describe('the command line writes no control character a terminal would obey', () => {
  const attack = 'h=2&dt=1&arm=%1B%5B2J%1B%5D0%3Bpwned%07X';
  it('simulate and cohort refuse the link (status 2, nothing on stdout) with a message free of control characters', () => {
    const cohortAttack = 'n=10&arm=%1B%5D0%3Bx%07%C2%9B31m&arm=Control';
    for (const out of [
      runCli(['--format', 'csv', attack]),
      runCli([attack]),
      runCohortCli([cohortAttack]),
      runCohortCli(['--format', 'csv', cohortAttack]),
    ]) {
      expect(out.status).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(/arm\[0\]\.name: .*control or text-direction characters/);
      expect(out.stderr.replace(/\n/g, '')).not.toMatch(TERMINAL_CONTROL);
    }
  });
  it('stderr: messages quoting the link show its control and bidi characters as \\uXXXX', () => {
    const out = runCli(['h=2&%1B%5B2J%E2%80%AEx=1&dt=%07']);
    expect(out.status).toBe(2);
    const shown = terminalText(out.stderr);
    expect(shown).not.toMatch(TERMINAL_CONTROL);
    expect(shown).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(shown).toContain('\\u001b[2J\\u202ex');
    expect(shown.split('\n').length).toBe(out.stderr.split('\n').length);
  });
  it('a real process: stderr is escaped, and a reader that stops early (| head) ends it with status 0 and no trace', () => {
    const bad = spawnSync('node_modules/.bin/tsx', ['src/cli/simulate.ts', 'h=2&%1B%5B2J=1'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(TERMINAL_CONTROL);
    expect(bad.stderr).toContain('\\u001b[2J');
    // megabytes of output, read 100 bytes of it: the pipe closes while the command writes
    for (const script of ['src/cli/simulate.ts', 'src/cli/cohort.ts']) {
      const query = script.endsWith('simulate.ts') ? 's=hcc-patient&h=1825&dt=0.5' : 'n=300&arm=A&arm=B';
      const run = spawnSync(
        'bash',
        [
          '-c',
          `node_modules/.bin/tsx ${script} --format csv '${query}' | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      // nothing but the progress lines a slow run prints on a pipe (every 10 s): no trace, no message
      expect(run.stderr.replace(/^cohort: \d+\/\d+ patients .*\n/gm, '')).toBe('');
      expect(run.stdout.trim()).toBe('0');
    }
  }, 150_000);
});

describe('arm names are plain text with something visible', () => {
  it('control characters (A\\0B) are removed, with a message in English and Japanese', () => {
    const { scenario, errors } = decodeScenario('s=hcc-mouse&arm=A%00B&arm=ok');
    expect(scenario.arms.map((a) => a.name)).toEqual(['AB', 'ok']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: 'arm[0].name', code: 'malformed' });
    expect(errors[0].message).toMatch(/control or text-direction characters/);
    expect(errors[0].messageJa).toMatch(/^群 1 の名前に制御文字/);
  });
  it('right-to-left overrides and isolates (drawn as another name) are removed', () => {
    const { scenario, errors } = decodeScenario(`arm=${encodeURIComponent('\u202elortnoC\u2066x\u2069\u200f')}`);
    expect(scenario.arms[0].name).toBe('lortnoCx');
    expect(errors.map((e) => e.field)).toEqual(['arm[0].name']);
  });
  it('empty and invisible-only names are refused (default name, message in both languages)', () => {
    for (const invisible of ['\u200b', '\u200b\u200d\ufeff', '\u3164', '\u0301\u0302', '\u2800', '%E2%80%AE%20']) {
      const encoded = invisible.startsWith('%') ? invisible : encodeURIComponent(invisible);
      const { scenario, errors } = decodeScenario(`arm=${encoded}&arm=ok`);
      expect(scenario.arms[0].name).toBe('Arm 1');
      expect(errors.some((e) => e.field === 'arm[0].name')).toBe(true);
    }
    const { errors } = decodeScenario(`arm=${encodeURIComponent('\u200b')}`);
    expect(errors[0].message).toMatch(/no visible character/);
    expect(errors[0].messageJa).toMatch(/^群 1 の名前には目に見える文字がありません/);
    expect(ja['arms.nameInvisible']).toBe('名前には目に見える文字が少なくとも1つ必要です。');
    expect(en['arms.nameInvisible']).toBe('A name needs at least one visible character.');
  });
  it('validation refuses what the decoder would clean or refuse', () => {
    for (const name of ['A\u0000B', '\u202eA', 'a\u2028b', '\u200b', 'x\uffff']) {
      const s = defaultScenario();
      s.arms[0] = { ...s.arms[0], name };
      expect(validateScenario(s).some((e) => e.field === 'arm[0].name')).toBe(true);
    }
  });
  it('visible text with joiners and marks stays as it is (emoji sequences, Japanese, accents)', () => {
    for (const name of ['👨‍👩‍👧', '対照群', 'é', 'Atezo/bev']) {
      const { scenario, errors } = decodeScenario(`arm=${encodeURIComponent(name)}`);
      expect(errors).toEqual([]);
      expect(scenario.arms[0].name).toBe(name);
    }
  });
});

describe('exports are well-formed for every name the codec accepts', () => {
  const XML_CHAR = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;
  it('random Unicode names: the accepted name is XML text, and the CSV export reads back as the name', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', minLength: 0, maxLength: 50 }),
          fc.string({ unit: 'grapheme', minLength: 0, maxLength: 20 }),
          fc.string({
            unit: fc.constantFrom('=', '+', '-', '@', ';', '\t', '\r', '\n', '"', ',', "'", '\u0000', '\u202e', 'a'),
            maxLength: 12,
          }),
        ),
        (raw) => {
          const { scenario } = decodeScenario(new URLSearchParams([['arm', raw]]).toString());
          const name = scenario.arms[0].name;
          expect(name).toMatch(XML_CHAR);
          const csv = tidyCsv([{ name, t: Float64Array.of(0), series: { v: Float64Array.of(1) } }]);
          const rows = parseCsv(csv.replaceAll('\r\n', '\n'));
          expect(rows).toHaveLength(2);
          expect(rows[1]).toHaveLength(14);
          expect(readCsvField(rows[1][0])).toBe(name);
        },
      ),
      { numRuns: 2000, seed: 12 },
    );
  });
});

describe('numbers a double cannot hold are reported', () => {
  it('1e-400 (which Number() reads as 0) is an error, not a silent 0; 0e-400 and 1e-320 read as they are', () => {
    for (const link of ['nrf2=1e-400', 'h=7&arm=A*atz:1e-400@0-5/1', 'n=1e-999&s=hcc-patient']) {
      const { errors } = decodeScenario(link);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0].message).toMatch(/too small to be a number \(it would read as 0\)/);
    }
    expect(decodeScenario('nrf2=0e-400').errors).toEqual([]);
    expect(decodeScenario('nrf2=0.000').errors).toEqual([]);
    expect(decodeScenario('nrf2=1e-320').scenario.inputs.nrf2).toBe(1e-320);
  });
});
