/** A benchmark worker thread: simulates a block of a cohort and reports how long it took. */
import { parentPort, workerData } from 'node:worker_threads';
import { runCohortBlock } from '../src/model/cohort';
import type { Scenario } from '../src/scenario/types';

const { scenario, from, to } = workerData as { scenario: Scenario; from: number; to: number };
const block = runCohortBlock(scenario, from, to);
parentPort?.postMessage({ from: block.from, to: block.to });
