/**
 * npm run calibrate writes src/model/trial-population.json through populationJson (scripts/population-json.ts, which
 * passes JSON.stringify's text through Biome): its text must be what the project's formatter accepts, so that
 * `npm run lint` passes right after a calibration. Checked on the committed file: the writer on its values gives it
 * back byte for byte, and Biome leaves it unchanged, where it changes JSON.stringify's own layout.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { POPULATION_FILE, populationJson } from '../../scripts/population-json';
import { TRIAL_POPULATION } from '../../src/model/population';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIOME = fileURLToPath(new URL('../../node_modules/.bin/biome', import.meta.url));

/** Biome's formatting of text as the population file (the project's biome.json applies). */
const biomeFormat = (text: string): string =>
  execFileSync(BIOME, ['format', `--stdin-file-path=${POPULATION_FILE}`], { cwd: ROOT, input: text, encoding: 'utf8' });

describe('the population file writer', () => {
  const committed = readFileSync(new URL(`../../${POPULATION_FILE}`, import.meta.url), 'utf8');

  it('gives back the committed file byte for byte from its values', () => {
    const file = JSON.parse(committed);
    // the values are the ones the model runs with
    for (const [k, v] of Object.entries(file.fitted))
      expect(TRIAL_POPULATION[k as keyof typeof TRIAL_POPULATION]).toBe(v);
    expect(populationJson(file, ROOT)).toBe(committed);
  });

  it('writes what Biome leaves unchanged, where JSON.stringify alone is changed', () => {
    const file = JSON.parse(committed);
    const text = populationJson(file, ROOT);
    expect(biomeFormat(text)).toBe(text);
    // the check can fail: the plain layout (the script's before) is not Biome's
    const plain = `${JSON.stringify(file, null, 2)}\n`;
    expect(biomeFormat(plain)).not.toBe(plain);
  });
});
