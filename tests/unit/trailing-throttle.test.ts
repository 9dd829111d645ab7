// The trailing throttle behind the trial's partial statistics and its count of patients done (store/cohort.ts): the
// first request runs at once, later ones at most once per interval, the last one is never lost, and flush, cancel
// and reset do what a run's end and a new run need.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trailingThrottle } from '../../src/store/throttle';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A throttle on the fake clock whose calls record the latest value at the time they run. */
function setUp(interval: () => number) {
  let latest = 0;
  const calls: { value: number; at: number }[] = [];
  const throttle = trailingThrottle(
    () => calls.push({ value: latest, at: Date.now() }),
    interval,
    () => Date.now(),
  );
  const request = (value: number) => {
    latest = value;
    throttle.request();
  };
  return { throttle, calls, request, start: Date.now() };
}

describe('trailing throttle', () => {
  it('runs the first request at once, then at most once per interval, ending on the latest value', () => {
    const { calls, request, start } = setUp(() => 250);
    for (let i = 1; i <= 100; i++) {
      request(i);
      if (i === 1) expect(calls).toEqual([{ value: 1, at: start }]);
      vi.advanceTimersByTime(10);
    }
    // 100 requests over 1,000 ms: the first at once, then one per 250 ms
    vi.advanceTimersByTime(250);
    expect(calls.map((c) => c.at - start)).toEqual([0, 250, 500, 750, 1000]);
    expect(calls.at(-1)?.value).toBe(100);
    for (let i = 1; i < calls.length; i++) expect(calls[i].at - calls[i - 1].at).toBeGreaterThanOrEqual(250);
  });

  it('runs a request at once when the interval has passed since the last call', () => {
    const { calls, request, start } = setUp(() => 250);
    request(1);
    vi.advanceTimersByTime(400);
    request(2);
    expect(calls).toEqual([
      { value: 1, at: start },
      { value: 2, at: start + 400 },
    ]);
  });

  it('reads the interval when a wait begins, so it can grow during a run', () => {
    let interval = 100;
    const { calls, request, start } = setUp(() => interval);
    request(1);
    interval = 300;
    request(2);
    vi.advanceTimersByTime(299);
    expect(calls.length).toBe(1);
    vi.advanceTimersByTime(1);
    expect(calls.map((c) => [c.value, c.at - start])).toEqual([
      [1, 0],
      [2, 300],
    ]);
  });

  it('cancel drops a waiting call; reset also lets the next request run at once', () => {
    const { throttle, calls, request, start } = setUp(() => 250);
    request(1);
    request(2);
    throttle.cancel();
    vi.advanceTimersByTime(1000);
    expect(calls.map((c) => c.value)).toEqual([1]);
    request(3);
    request(4);
    throttle.reset();
    vi.advanceTimersByTime(1000);
    expect(calls.map((c) => c.value)).toEqual([1, 3]);
    // right after a call, a request after reset runs at once
    request(5);
    request(6);
    throttle.reset();
    request(7);
    expect(calls.map((c) => [c.value, c.at - start])).toEqual([
      [1, 0],
      [3, 1000],
      [5, 2000],
      [7, 2000],
    ]);
  });
});
