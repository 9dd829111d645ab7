/**
 * A benchmark worker thread. Messages: { scenario, from, to } simulates that block of the cohort and answers with
 * { from, to, ms, outcomes } (outcomes: the block's typed arrays, transferred); { spinMs } runs a fixed amount of
 * model work (the peer for what the machine's cores can give right now) and answers with { ms }.
 */
import { parentPort } from 'node:worker_threads';
import { runCohortBlock } from '../src/model/cohort';
import type { Scenario } from '../src/scenario/types';

type Message = { scenario: Scenario; from: number; to: number } | { spin: Scenario; repeats: number };

parentPort?.on('message', (message: Message) => {
  const start = performance.now();
  if ('spin' in message) {
    for (let i = 0; i < message.repeats; i++) runCohortBlock(message.spin, 0, 10);
    parentPort?.postMessage({ ms: performance.now() - start });
    return;
  }
  const block = runCohortBlock(message.scenario, message.from, message.to);
  const buffers = block.arms.flatMap((a) => [a.pfsDays.buffer as ArrayBuffer, a.best.buffer as ArrayBuffer]);
  parentPort?.postMessage({ from: block.from, to: block.to, ms: performance.now() - start }, buffers);
});
