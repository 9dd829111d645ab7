// While a trial runs, the count of patients done is shown at most every PROGRESS_INTERVAL_MS: a large trial finishes
// hundreds of blocks, and re-rendering the status at each took main-thread time from the workers. The first block
// shows at once, the last count is never lost, and a new run does not receive the old run's count.
import { afterEach, describe, expect, it, vi } from 'vitest';

type Progress = (p: { done: number; total: number; readonly partial: unknown }) => void;
const runs: { onProgress: Progress; resolve: (block: unknown) => void; reject: (e: unknown) => void }[] = [];

vi.mock('../../src/worker/cohortPool', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/worker/cohortPool')>();
  return {
    ...original,
    poolSize: () => 2,
    prewarmCohortWorkers: () => undefined,
    runCohort: (_scenario: unknown, onProgress: Progress) => {
      let resolve!: (block: unknown) => void;
      let reject!: (e: unknown) => void;
      const result = new Promise((res, rej) => {
        resolve = res;
        reject = rej;
      });
      result.catch(() => undefined);
      runs.push({ onProgress, resolve, reject });
      return { result, cancel: () => reject(new original.CohortCancelled()) };
    },
  };
});

const { PROGRESS_INTERVAL_MS, useCohort } = await import('../../src/store/cohort');
const { presetById } = await import('../../src/scenario/catalogue/presets');

function plan() {
  const preset = presetById('hcc-atezo-bev-trial');
  if (!preset?.scenario.cohort) throw new Error('preset missing');
  return { scenario: { ...preset.scenario, cohort: { ...preset.scenario.cohort, size: 1000 } }, slots: [0, 1] };
}

const block = { from: 0, to: 0, arms: [] };

afterEach(() => {
  useCohort.getState().cancel();
  vi.useRealTimers();
});

describe('trial progress', () => {
  it('shows the first block at once and then at most one count per interval, ending on the latest', async () => {
    vi.useFakeTimers();
    const shown: number[] = [];
    const unsubscribe = useCohort.subscribe((s, before) => {
      if (s.done !== before.done) shown.push(s.done);
    });
    useCohort.getState().start(plan() as never);
    const run = runs[runs.length - 1];
    for (let done = 10; done <= 500; done += 10) {
      run.onProgress({ done, total: 1000, partial: block });
      vi.advanceTimersByTime(5);
    }
    // 50 blocks over 250 ms: the first at once, then one per interval
    expect(shown[0]).toBe(10);
    expect(shown.length).toBeLessThanOrEqual(1 + Math.ceil(250 / PROGRESS_INTERVAL_MS));
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
    expect(useCohort.getState().done).toBe(500);
    unsubscribe();
  });

  it('keeps the last count when the run is cancelled, and a new run starts from zero', async () => {
    vi.useFakeTimers();
    useCohort.getState().start(plan() as never);
    const run = runs[runs.length - 1];
    run.onProgress({ done: 10, total: 1000, partial: block });
    run.onProgress({ done: 20, total: 1000, partial: block });
    expect(useCohort.getState().done).toBe(10);
    useCohort.getState().cancel();
    await vi.advanceTimersByTimeAsync(0);
    expect(useCohort.getState().status).toBe('cancelled');
    expect(useCohort.getState().done).toBe(20);
    useCohort.getState().start(plan() as never);
    expect(useCohort.getState().done).toBe(0);
    // the cancelled run's pending count never reaches the new run
    vi.advanceTimersByTime(2 * PROGRESS_INTERVAL_MS);
    expect(useCohort.getState().done).toBe(0);
  });
});
