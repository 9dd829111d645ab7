/**
 * Minimal wall-clock timing for benchmarks: warm up (so the JIT has compiled the hot code), then time each run
 * separately and report the median and the minimum.
 */

export interface MeasureOptions {
  /** untimed runs first (default 20) */
  warmup?: number;
  /**
   * and keep warming up for at least this long (default 300 ms): short functions need many calls before the JIT
   * optimises them, and timings taken earlier can be several times too slow
   */
  warmupMs?: number;
  /** timed runs (default 50) */
  runs?: number;
}

export interface Measurement {
  /** median time per run, ms */
  median: number;
  /** fastest run, ms */
  min: number;
  /** number of timed runs */
  runs: number;
  /** what the last run returned (returned so that the measured work cannot be optimised away) */
  result: unknown;
}

/** Times `fn` (synchronous). */
export function measure(fn: () => unknown, options: MeasureOptions = {}): Measurement {
  const warmup = options.warmup ?? 20;
  const runs = options.runs ?? 50;
  if (!(runs >= 1)) throw new RangeError(`runs must be >= 1, got ${runs}`);
  const warmupMs = options.warmupMs ?? 300;
  let sink: unknown;
  const warmupStart = performance.now();
  for (let i = 0; i < warmup || performance.now() - warmupStart < warmupMs; i++) sink = fn();
  const times = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    sink = fn();
    times[i] = performance.now() - start;
  }
  times.sort();
  const mid = runs >> 1;
  const median = runs % 2 === 1 ? times[mid] : 0.5 * (times[mid - 1] + times[mid]);
  return { median, min: times[0], runs, result: sink };
}

/** Formats milliseconds with three significant digits. */
export function formatMs(ms: number): string {
  return `${ms.toPrecision(3)} ms`;
}
