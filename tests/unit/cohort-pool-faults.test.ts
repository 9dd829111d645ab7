// Virtual-trial pool faults: a worker that throws or stops answering ends the run with an error, and the blocks that
// finished before were reported as partial results.
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/types';
import { simulationApi } from '../../src/worker/api';
import { blockDeadline, type CohortProgress, runCohort } from '../../src/worker/cohortPool';
import { twoArmTrial } from './trial-fixtures';

type Behaviour = 'answer' | 'throw' | 'hang';

/** Workers with the real API, except that call `failAt` of worker 0 misbehaves. */
/** `after`: the fault happens only once this settles (a test that needs a block reported before it). */
function faultyFactory(behaviour: Behaviour, failAt: number, after: Promise<void> = Promise.resolve()) {
  let created = 0;
  let terminated = 0;
  const factory = (): Worker => {
    const index = created++;
    let calls = 0;
    const { port1, port2 } = new MessageChannel();
    const api = {
      ...simulationApi,
      cohortBlock(scenario: Scenario, from: number, to: number) {
        if (index === 0 && calls++ === failAt) {
          if (behaviour === 'throw') {
            after.then(() =>
              setTimeout(() => port1.dispatchEvent(Object.assign(new Event('error'), { message: 'Uncaught boom' }))),
            );
          }
          return new Promise(() => {});
        }
        return simulationApi.cohortBlock(scenario, from, to);
      },
    };
    Comlink.expose(api, port2);
    return Object.assign(port1, {
      terminate() {
        terminated++;
        port1.close();
        port2.close();
      },
    }) as unknown as Worker;
  };
  return { factory, created: () => created, terminated: () => terminated };
}

const trial = (size: number): Scenario => twoArmTrial(size, 5);

describe('cohort pool faults', () => {
  it('a worker that throws ends the run with its error; blocks finished before it were reported', async () => {
    // the second block throws once the first was reported (with two blocks in flight, an error dispatched at once
    // could overtake the first block's answer on a busy machine)
    let reported: () => void = () => undefined;
    const first = new Promise<void>((resolve) => {
      reported = resolve;
    });
    const workers = faultyFactory('throw', 1, first);
    const progress: CohortProgress[] = [];
    const run = runCohort(
      trial(40),
      (p) => {
        progress.push(p);
        reported();
      },
      { workers: 1, factory: workers.factory },
    );
    await expect(run.result).rejects.toThrow('Uncaught boom');
    // at least the first block (another may finish before the error lands), never the whole cohort
    expect(progress.length).toBeGreaterThanOrEqual(1);
    for (const p of progress) expect(p.done).toBe(p.partial.to);
    expect(progress.at(-1)?.done ?? 40).toBeLessThan(40);
    expect(workers.terminated()).toBe(workers.created());
  });

  it('a worker that stops answering misses its deadline: the run fails instead of waiting for ever', async () => {
    const workers = faultyFactory('hang', 1);
    const progress: CohortProgress[] = [];
    const run = runCohort(trial(40), (p) => progress.push(p), {
      workers: 1,
      factory: workers.factory,
      deadline: (first) => (first ? 5_000 : 200),
    });
    // the message names the deadline that fired: the 0.2 s one, not the first block's 5 s
    await expect(run.result).rejects.toThrow(/did not answer within 0.2 s/);
    expect(progress.length).toBe(1);
    expect(workers.terminated()).toBe(1);
  });

  it("with two workers, one's failure stops the other at once", async () => {
    const workers = faultyFactory('hang', 0);
    const run = runCohort(trial(200), () => {}, {
      workers: 2,
      factory: workers.factory,
      deadline: () => 300,
    });
    await expect(run.result).rejects.toThrow(/did not answer/);
    expect(workers.terminated()).toBe(2);
  });

  it('the deadline follows the median block: a slow start-up does not make a later hang wait long', async () => {
    // Worker 0 hangs on its second block; the other worker's quick blocks set the median, so the deadline shrinks
    // to its floor (here 100 ms) although worker 0's own first block took long.
    const workers = faultyFactory('hang', 1);
    const run = runCohort(trial(200), () => {}, {
      workers: 2,
      factory: workers.factory,
      deadline: (first, median) => (first || median === null ? 5_000 : Math.max(100, 10 * median)),
    });
    // the message names the deadline that fired: ten times the median block (floor 0.1 s), not a first block's 5 s
    const error = await run.result.then(
      () => null,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    const seconds = Number(/did not answer within ([0-9.]+) s/.exec(error ?? '')?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(0.1);
    expect(seconds).toBeLessThan(5);
  });

  it('deadlines: long for a fresh worker, ten times the median block (at least 3 s) after that', () => {
    expect(blockDeadline(true, 10)).toBe(30_000);
    expect(blockDeadline(false, null)).toBe(30_000);
    expect(blockDeadline(false, 50)).toBe(3_000);
    expect(blockDeadline(false, 800)).toBe(8_000);
  });
});
