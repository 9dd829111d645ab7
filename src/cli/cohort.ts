/**
 * Command line: a virtual trial of a scenario given as a share-URL query string (see cohort-run.ts for the schema).
 *
 *   npm run -s cohort -- 's=hcc-patient&n=200&seed=1&arm=Control&arm=Atezo/bev*atz:1200@0-540/21*bev:15@0-540/21'
 *   npm run -s cohort -- --format csv 'n=40&arm=Control'          per-patient CSV on stdout
 *
 * A full share URL (https://host/?v=1&...) is accepted too. Bad input: exit status 2, the decoder's messages on
 * stderr, nothing on stdout.
 */

import { runCohortCli } from './cohort-run';
import { emit, guardSolver } from './io';
import { processSink } from './progress';

emit(guardSolver('cohort', () => runCohortCli(process.argv.slice(2), processSink())));
