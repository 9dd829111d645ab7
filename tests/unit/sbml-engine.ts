/**
 * The independent SBML engine (scripts/sbml/sbml_simulate.py: libSBML + SciPy LSODA) called from the tests. It
 * shares no code with the app; the tests fail, never skip, when Python or its packages are missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ENGINE = fileURLToPath(new URL('../../scripts/sbml/sbml_simulate.py', import.meta.url));

const INSTALL =
  'the SBML tests need Python 3 with libSBML, SciPy and NumPy: on Debian `apt-get install python3 python3-sbml5 ' +
  'python3-scipy python3-numpy` (.ci/run does this); set TIMESCAPE_PYTHON to choose an interpreter';

let found: string | undefined;

/** The first of $TIMESCAPE_PYTHON, python3 on the PATH and the system python3 that imports libsbml, scipy, numpy. */
export function python(): string {
  if (found) return found;
  const candidates = [process.env.TIMESCAPE_PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => !!c);
  const tried: string[] = [];
  for (const c of candidates) {
    const r = spawnSync(c, ['-c', 'import libsbml, scipy, numpy'], { encoding: 'utf8' });
    if (r.status === 0) {
      found = c;
      return c;
    }
    tried.push(`${c}: ${r.error ? r.error.message : (r.stderr.trim().split('\n').pop() ?? `exit ${r.status}`)}`);
  }
  throw new Error(`${INSTALL}. Tried ${tried.join('; ')}`);
}

export interface EngineResult {
  errors: string[];
  warnings: string[];
  t?: number[];
  values?: Record<string, number[]>;
}

function call(file: string, args: string[]): EngineResult {
  const r = spawnSync(python(), [ENGINE, file, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  try {
    return JSON.parse(r.stdout) as EngineResult;
  } catch {
    throw new Error(`SBML engine failed (exit ${r.status}): ${r.stderr || r.stdout}`);
  }
}

/** libSBML's consistency check (units included) of a file. */
export function validateFile(file: string): EngineResult {
  return call(file, ['--validate']);
}

/** Integrates a file to the given output times and returns the named values. */
export function simulateFile(file: string, times: ArrayLike<number>, ids: string[], rtol = 1e-10, atol = 1e-12) {
  return call(file, [
    '--times',
    Array.from(times, (x) => String(x)).join(','),
    '--ids',
    ids.join(','),
    '--rtol',
    String(rtol),
    '--atol',
    String(atol),
  ]);
}

/** Runs `use` with a temporary file holding `text`. */
export function withFile<T>(name: string, text: string, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'timescape-sbml-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, text);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface EngineJob {
  model: string;
  times?: number[];
  ids?: string[];
  rtol?: number;
  atol?: number;
}

/** Many files in one engine run (Python and SciPy start once). */
export function simulateMany(jobs: EngineJob[]): EngineResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'timescape-sbml-jobs-'));
  try {
    const file = join(dir, 'jobs.json');
    writeFileSync(file, JSON.stringify(jobs));
    const r = spawnSync(python(), [ENGINE, '--jobs', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.error) throw r.error;
    try {
      return JSON.parse(r.stdout) as EngineResult[];
    } catch {
      throw new Error(`SBML engine failed (exit ${r.status}): ${r.stderr || r.stdout}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
