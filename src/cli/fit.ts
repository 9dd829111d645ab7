/**
 * Command line: fit chosen parameters of a scenario given as a link to measurements in a CSV file (see fit-run.ts).
 *
 *   npm run -s fit -- --data volumes.csv --parameters tCellKillRate,sensitiveGrowthRate 'v=1&s=hcc-mouse&...'
 */
import { readFileSync } from 'node:fs';
import { runFitCli } from './fit-run';
import { emit, guardSolver } from './io';
import { processSink } from './progress';

emit(guardSolver('fit', () => runFitCli(process.argv.slice(2), (path) => readFileSync(path, 'utf8'), processSink())));
