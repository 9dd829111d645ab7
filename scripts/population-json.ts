/**
 * The JSON text of src/model/trial-population.json as the project's formatter prints it, so that `npm run calibrate`
 * leaves a file that `npm run lint` accepts as it is: JSON.stringify's text passed through Biome itself (the project's
 * dev dependency and biome.json), run from the repository root as npm runs the script.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const POPULATION_FILE = 'src/model/trial-population.json';

/** `value` as the population file's text in Biome's layout, with a final newline; `root`: the repository root. */
export function populationJson(value: unknown, root: string = process.cwd()): string {
  return execFileSync(join(root, 'node_modules', '.bin', 'biome'), ['format', `--stdin-file-path=${POPULATION_FILE}`], {
    cwd: root,
    input: `${JSON.stringify(value, null, 2)}\n`,
    encoding: 'utf8',
  });
}
