/**
 * Command line: a scenario given as a share-URL query string, as SBML Level 3 Version 2.
 *
 *   npm run -s sbml -- 'v=1&s=hcc-mouse&...' > arm1.xml          the first arm on stdout
 *   npm run -s sbml -- --arm 2 'v=1&s=hcc-mouse&...'              another arm
 *   npm run -s sbml -- --out models 'v=1&s=hcc-mouse&...'         every arm, models/timescape-arm<N>.xml
 *
 * Bad input: exit status 2, one line per problem on stderr, nothing on stdout.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emit, makeDirectory } from './io';
import type { CliOutput } from './run';
import { runSbmlCli } from './sbml-run';

const out = runSbmlCli(process.argv.slice(2));
let result: CliOutput = out;
if (out.status === 0 && out.outDir !== undefined) {
  try {
    makeDirectory(out.outDir);
    for (const f of out.files) writeFileSync(join(out.outDir, f.name), f.text);
  } catch (error) {
    result = { status: 1, stdout: '', stderr: `sbml: cannot write to ${out.outDir}: ${(error as Error).message}\n` };
  }
}
emit(result);
