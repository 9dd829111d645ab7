/**
 * Command line: simulate a scenario given as a share-URL query string.
 *
 *   npm run -s simulate -- 'v=1&s=hcc-mouse&h=28&...'            JSON on stdout
 *   npm run -s simulate -- --format csv 'v=1&s=hcc-mouse&...'     CSV on stdout
 *
 * A full share URL (https://host/?v=1&...) is accepted too. Bad input: exit status 2, the decoder's messages on
 * stderr, nothing on stdout.
 */
import { emit, guardSolver } from './io';
import { runCli } from './run';

emit(guardSolver('simulate', () => runCli(process.argv.slice(2))));
