/**
 * Command line: sensitivity analysis of one readout of a scenario given as a link (see sensitivity-run.ts).
 *
 *   npm run -s sensitivity -- --parameters all --method prcc --readout logvolume@28 --arm 5 --versus 4 'v=1&...'
 */
import { emit, guardSolver } from './io';
import { processSink } from './progress';
import { runSensitivityCli } from './sensitivity-run';

emit(guardSolver('sensitivity', () => runSensitivityCli(process.argv.slice(2), processSink())));
