/**
 * How the command-line entry points hand their output to the terminal: stderr with control and direction-override
 * characters made visible (a message quotes what the user typed, and a terminal would obey an ESC in it), and a
 * closed pipe (`simulate ... | head`) ending the process quietly with status 0, as Unix tools do.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { escapeControls } from '../formats/csv';
import type { CliOutput } from './run';

/** Bidirectional embedding, override and isolate controls: they make a line read differently from what it holds. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print on a terminal: every control character but the line feed, and every bidi control, as \uXXXX. */
export function terminalText(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      escapeControls(line)
        .replace(/[\t\r]/g, (c) => (c === '\t' ? '\\u0009' : '\\u000d'))
        .replace(BIDI_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    )
    .join('\n');
}

/** A reader that went away (EPIPE) is the normal end of `| head`: stop writing and exit 0, with no stack trace. */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/** Writes a command's output and sets its exit status. */
export function emit({ status, stdout, stderr }: CliOutput): void {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  if (stdout) process.stdout.write(stdout);
  if (stderr) process.stderr.write(terminalText(stderr));
  process.exitCode = status;
}

/**
 * Creates a directory and its missing parents, one level at a time, and fails at the first level that cannot be made.
 * Node's own `mkdirSync(dir, { recursive: true })` loops forever where a file system answers ENOENT for a directory
 * whose parent exists (/proc/x: the parent is there, the child can never be), so it is not used.
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  let current = resolve(dir);
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (missing.length === 0 && !statSync(current).isDirectory()) throw new Error(`${dir} is not a directory`);
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && statSync(level).isDirectory()) continue;
      const reason = code === 'ENOENT' ? 'the file system does not allow a directory there' : (error as Error).message;
      throw new Error(`cannot create the directory ${level}: ${reason}`);
    }
  }
}

/**
 * Runs a command; a scenario the solver cannot follow (SolverError: it gives up at extreme parameters with heavy
 * dosing) ends it with status 1 and a message instead of a stack trace. Other errors are bugs and still throw.
 */
export function guardSolver(command: string, run: () => CliOutput): CliOutput {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof Error && error.name === 'SolverError')) throw error;
    return {
      status: 1,
      stdout: '',
      stderr: `${command}: this scenario cannot be simulated: the solver could not follow it (${error.message}); change a parameter or a schedule\n`,
    };
  }
}
