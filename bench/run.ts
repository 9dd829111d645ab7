/**
 * `npm run bench`: every benchmark, printed with its peers measured in the same run. Figures are for the machine it
 * runs on; docs/performance.md records them for the reference machine. `npm run bench` bundles this file with esbuild
 * first, as the app's build does: run through a TypeScript loader instead, every imported constant becomes a getter
 * call and the model runs ~25 % slower than it does in the browser.
 */
import { cpus } from 'node:os';
import { benchBundle, printBundleBench } from './bundle';
import { benchCohort } from './cohort';
import { benchModel, printModelBench } from './model';
import { benchSolver } from './solver';

console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'})`);
benchSolver();
printModelBench(benchModel());
await benchCohort(new URL('./cohort-worker.mjs', import.meta.url));

const bundle = benchBundle();
printBundleBench(bundle);
if (bundle.initialGzip > bundle.budget) process.exitCode = 1;
