/**
 * Progress and a time limit for the long-running commands (cohort, scan, sensitivity, fit, robustness).
 *
 * - Progress goes to stderr, never to stdout (stdout may be piped data). On a terminal it is one line rewritten in
 *   place once a second; on a pipe or file it is one line every 10 seconds. Nothing is printed in the first second
 *   (or the first 10 on a pipe), so quick runs stay silent. The estimate of the time left comes from the rate
 *   measured so far, not from a constant.
 * - `--max-seconds N` stops the work at the first unit of work (a patient, a point, a run, an iteration, a draw) that
 *   ends after N seconds. The command then prints what it has, marked as partial (a `partial` member in JSON; the
 *   table says so; CSV has the finished rows only), says so on stderr, and exits with status PARTIAL_STATUS (3).
 */
import type { ParsedArgs } from './options';
import type { CliOutput } from './run';

/** Exit status of a run stopped by --max-seconds: its output is partial. */
export const PARTIAL_STATUS = 3;

/** Largest --max-seconds accepted: a week. */
export const MAX_SECONDS_LIMIT = 7 * 24 * 3600;

export const MAX_SECONDS_USAGE = `  --max-seconds N  stop after N seconds with the part done so far, marked as partial (exit status ${PARTIAL_STATUS})`;

/** Where progress goes and how time is read: the real stderr and clock, or a test's. */
export interface ProgressSink {
  /** writes text to stderr (already safe for a terminal) */
  write: (text: string) => void;
  /** true when stderr is a terminal (the line is rewritten in place) */
  tty: boolean;
  /** milliseconds, monotonic */
  now: () => number;
}

/** The process's stderr and clock. */
export function processSink(): ProgressSink {
  return {
    write: (text) => process.stderr.write(text),
    tty: process.stderr.isTTY === true,
    now: () => performance.now(),
  };
}

/** A sink that prints nothing and reads the real clock (the commands called as functions, in tests). */
export function silentSink(now: () => number = () => performance.now()): ProgressSink {
  return { write: () => undefined, tty: false, now };
}

/** How a partial output is marked in JSON. */
export interface PartialMark {
  reason: 'max-seconds';
  maxSeconds: number;
  done: number;
  total: number | null;
  unit: string;
}

export interface Progress {
  /** after each unit of work: reports it, and returns true when the time limit is reached (stop now) */
  step: (done: number, detail?: string) => boolean;
  /** true once step() returned true */
  readonly stopped: boolean;
  /** clears a terminal's progress line; call before printing the result */
  finish: () => void;
  /** the partial mark, or null when the run was not stopped */
  partial: (done: number) => PartialMark | null;
  /** the stderr line saying that the output is partial */
  partialMessage: (done: number) => string;
}

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 120 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/**
 * Progress of `total` units (null when the total is not known in advance, as for a fit's iterations), named `unit`
 * ("patients", "points", ...), with an optional time limit in seconds.
 */
export function startProgress(
  command: string,
  total: number | null,
  unit: string,
  maxSeconds: number | null,
  sink: ProgressSink,
): Progress {
  const started = sink.now();
  const every = sink.tty ? 1000 : 10_000;
  let lastPrint = started;
  let shown = false;
  let stopped = false;
  const line = (done: number, detail: string | undefined, elapsed: number): string => {
    const count =
      total === null ? `${done} ${unit}` : `${done}/${total} ${unit} (${Math.floor((100 * done) / total)} %)`;
    let left = '';
    if (total !== null && done > 0 && done < total) left = `, about ${seconds(((total - done) * elapsed) / done)} left`;
    const limit = maxSeconds === null ? '' : ` (limit ${maxSeconds} s)`;
    return `${command}: ${count}, ${seconds(elapsed)}${left}${limit}${detail ? `, ${detail}` : ''}`;
  };
  return {
    step(done, detail) {
      const now = sink.now();
      const elapsed = now - started;
      if (now - lastPrint >= every) {
        lastPrint = now;
        shown = true;
        sink.write(sink.tty ? `\r\x1b[K${line(done, detail, elapsed)}` : `${line(done, detail, elapsed)}\n`);
      }
      if (maxSeconds !== null && elapsed >= maxSeconds * 1000 && (total === null || done < total)) stopped = true;
      return stopped;
    },
    get stopped() {
      return stopped;
    },
    finish() {
      if (shown && sink.tty) sink.write('\r\x1b[K');
    },
    partial(done) {
      if (!stopped || maxSeconds === null) return null;
      return { reason: 'max-seconds', maxSeconds, done, total, unit };
    },
    partialMessage(done) {
      const of = total === null ? `${done} ${unit}` : `${done} of ${total} ${unit}`;
      return `${command}: stopped by --max-seconds ${maxSeconds} after ${of}; the output is PARTIAL (exit status ${PARTIAL_STATUS})\n`;
    },
  };
}

/** The --max-seconds option: null when absent, a number of seconds (> 0), or a message. */
export function readMaxSeconds(parsed: ParsedArgs): number | null | { error: string } {
  const values = parsed.options.get('max-seconds');
  if (!values) return null;
  const text = values[values.length - 1];
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x) || x <= 0 || x > MAX_SECONDS_LIMIT) {
    return {
      error: `--max-seconds must be a number of seconds above 0 and at most ${MAX_SECONDS_LIMIT}, not '${text}'`,
    };
  }
  return x;
}

/** What a stopped run prints: the partial output (or, for a shard, nothing: a partial shard cannot be merged). */
export function stoppedOutput(progress: Progress, done: number, shard: boolean, output: () => CliOutput): CliOutput {
  const message = progress.partialMessage(done);
  if (shard) {
    return {
      status: PARTIAL_STATUS,
      stdout: '',
      stderr: message.replace('the output is PARTIAL', 'no shard file is printed (a partial shard cannot be merged)'),
    };
  }
  return { ...output(), status: PARTIAL_STATUS, stderr: message };
}
