/**
 * Command line: a 1-D or 2-D scan of a scenario given as a link (see scan-run.ts for the options and the output).
 *
 *   npm run -s scan -- --vary cox2.start=0:21 --readout volume@28 'v=1&s=hcc-mouse&h=28&arm=...'
 */
import { emit, guardSolver } from './io';
import { processSink } from './progress';
import { runScanCli } from './scan-run';

emit(guardSolver('scan', () => runScanCli(process.argv.slice(2), processSink())));
