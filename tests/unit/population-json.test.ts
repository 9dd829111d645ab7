/**
 * npm run calibrate writes src/model/trial-population.json through populationJson (scripts/population-json.ts): its
 * text must be what the project's formatter makes of it, so that `npm run lint` passes right after a calibration. Checked
 * on the committed file (the writer on its values gives it back byte for byte, and Biome leaves that unchanged) and on
 * arrays at the line width's edge, where a wrong count would show.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LINE_WIDTH, populationJson } from '../../scripts/population-json';
import { TRIAL_POPULATION } from '../../src/model/population';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FILE = 'src/model/trial-population.json';
const BIOME = fileURLToPath(new URL('../../node_modules/.bin/biome', import.meta.url));

/** Biome's formatting of text as the population file (the project's biome.json applies). */
const biomeFormat = (text: string): string =>
  execFileSync(BIOME, ['format', `--stdin-file-path=${FILE}`], { cwd: ROOT, input: text, encoding: 'utf8' });

describe('the population file writer', () => {
  const committed = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8');

  it('gives back the committed file byte for byte from its values', () => {
    const file = JSON.parse(committed);
    // the values are the ones the model runs with
    for (const [k, v] of Object.entries(file.fitted))
      expect(TRIAL_POPULATION[k as keyof typeof TRIAL_POPULATION]).toBe(v);
    expect(populationJson(file)).toBe(committed);
  });

  it('writes what Biome leaves unchanged, where JSON.stringify alone does not', () => {
    const file = JSON.parse(committed);
    const text = populationJson(file);
    expect(biomeFormat(text)).toBe(text);
    // the check can fail: the plain layout (the script's before) is not Biome's
    const plain = `${JSON.stringify(file, null, 2)}\n`;
    expect(biomeFormat(plain)).not.toBe(plain);
  });

  it('matches Biome on arrays around the line width, nested, empty and long', () => {
    // one file of many members (one Biome run): number arrays whose one-line form grows a character at a time past
    // the width, with and without a comma after them, so that the fill's lines also end at every length
    const cases: Record<string, unknown> = {};
    for (let n = 14; n <= 40; n++)
      for (let d = 1; d <= 6; d++) {
        const seeds = [10 ** (d - 1), ...Array.from({ length: n }, (_, i) => 1000 + i)];
        cases[`last${n}.${d}`] = { patients: 1000, reportSeeds: seeds };
        cases[`first${n}.${d}`] = { reportSeeds: seeds, patients: 1000 };
      }
    // string arrays (one element a line when too long), arrays of arrays and of objects, empty ones
    for (let n = 1; n <= 14; n++) {
      const words = Array.from({ length: n }, (_, i) => `target-${i}`.padEnd(8 + (n % 3), 'x'));
      cases[`mixed${n}`] = { ids: words, nested: [words, [1, 2]], objects: [{ a: words }, {}], empty: [], none: {} };
    }
    const text = populationJson(cases);
    expect(biomeFormat(text)).toBe(text);
    // the cases reach the width exactly, where an off-by-one in the count would show
    const lengths = text.split('\n').map((l) => l.length);
    expect(lengths).toContain(LINE_WIDTH);
    expect(Math.max(...lengths)).toBe(LINE_WIDTH);
  });
});
