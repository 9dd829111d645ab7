/**
 * Command line: joins the shard files of a sharded run into the output of the whole run.
 *
 *   for k in 1 2 3 4; do npm run -s cohort -- --shard $k/4 'n=1000&arm=Control' > part-$k.json; done
 *   npm run -s merge -- part-*.json > trial.json      identical to: npm run -s cohort -- 'n=1000&arm=Control'
 */
import { readFileSync } from 'node:fs';
import { runMergeCli } from './merge-run';

const { status, stdout, stderr } = runMergeCli(process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
if (stdout) process.stdout.write(stdout);
if (stderr) process.stderr.write(stderr);
process.exitCode = status;
