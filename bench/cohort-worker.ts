/**
 * A benchmark worker thread. Messages: { scenario, from, to } simulates that block of the cohort and answers with
 * { from, to, ms, cpuMs, outcomes } (outcomes: the block's typed arrays, transferred; cpuMs: this thread's own CPU
 * time in the block, which a loaded machine does not stretch as it does ms); { spinMs } runs a fixed amount of
 * model work (the peer for what the machine's cores can give right now) and answers with { ms }.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { runCohortBlock } from '../src/model/cohort';
import type { Scenario } from '../src/scenario/types';

/** This thread's CPU time so far, ms (Linux: /proc/thread-self/schedstat, ns on the CPU); NaN where there is none. */
function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

type Message = { scenario: Scenario; from: number; to: number } | { spin: Scenario; repeats: number };

parentPort?.on('message', (message: Message) => {
  const start = performance.now();
  if ('spin' in message) {
    for (let i = 0; i < message.repeats; i++) runCohortBlock(message.spin, 0, 10);
    parentPort?.postMessage({ ms: performance.now() - start });
    return;
  }
  const cpu = threadCpuMs();
  const block = runCohortBlock(message.scenario, message.from, message.to);
  const buffers = block.arms.flatMap((a) => [a.pfsDays.buffer as ArrayBuffer, a.best.buffer as ArrayBuffer]);
  const ms = performance.now() - start;
  parentPort?.postMessage({ from: block.from, to: block.to, ms, cpuMs: threadCpuMs() - cpu }, buffers);
});
