/**
 * The peers of the browser benchmark's rows (bench/browser.ts), measured in Node on one thread right after the page's
 * figure, so that a row's ratio reads the same whatever the machine's load:
 *  - trial: the same trial (the same link: scenario, arms, seed) simulated with its outcomes on one thread, on its
 *    first patients (after a warm-up block), scaled to the trial's size;
 *  - startup: the page's first simulation (its scenario, the first call in a fresh process: the code not yet compiled
 *    by the JIT, as in a fresh worker);
 *  - slider: the simulation a slider move asks for (the page's scenario, read from its address, with the bench's IL-6
 *    values), median of the same 30 values: the solver's part of a move, without the page's drawing.
 *
 * Run bundled (esbuild, as the app's build is: through a TypeScript loader every imported constant becomes a getter
 * call and the model runs ~25 % slower): `peerOf()` bundles this file once and runs it in a child process.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCohortBlock } from '../src/model/cohort';
import { simulate } from '../src/model/simulate';
import { decodeScenario } from '../src/scenario/codec';
import { measure } from './timing';

export type PeerRequest =
  | { kind: 'trial'; query: string; size: number; patients: number }
  | { kind: 'slider'; query: string; values: number[] }
  | { kind: 'startup'; query: string };

export interface PeerAnswer {
  /** trial: estimated ms of the whole trial on one thread; slider: median ms of one move's simulation; startup: ms */
  ms: number;
  /** trial: patients actually timed */
  patients?: number;
}

/** The slider bench's 30 IL-6 values (bench/browser.ts sliderToPaint). */
export const SLIDER_VALUES = Array.from({ length: 30 }, (_, i) => Number((0.12 + ((i * 7) % 30) / 36).toFixed(2)));

export function measurePeer(request: PeerRequest): PeerAnswer {
  const { scenario, errors } = decodeScenario(request.query.replace(/^\?/, ''));
  if (errors.length > 0) throw new Error(`peer link: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  if (request.kind === 'trial') {
    const patients = Math.max(1, Math.min(request.size, request.patients));
    runCohortBlock(scenario, 0, Math.min(20, patients)); // JIT warm-up, as a warm worker
    const start = performance.now();
    runCohortBlock(scenario, 0, patients);
    const ms = performance.now() - start;
    return { ms: (ms * request.size) / patients, patients };
  }
  if (request.kind === 'startup') {
    const start = performance.now();
    simulate(scenario);
    return { ms: performance.now() - start };
  }
  const times: number[] = [];
  for (let round = 0; round < 2; round++) {
    // the first round warms up
    for (const il6 of request.values) {
      const moved = { ...scenario, inputs: { ...scenario.inputs, il6 } };
      const m = measure(() => simulate(moved), { warmup: 0, warmupMs: 0, runs: 1 });
      if (round === 1) times.push(m.median);
    }
  }
  times.sort((a, b) => a - b);
  return { ms: (times[(times.length - 1) >> 1] + times[times.length >> 1]) / 2 };
}

/** The peer measured by the bundled copy of this file in a child process (see the header). */
export function peerOf(request: PeerRequest): PeerAnswer {
  const dir = join('node_modules', '.cache', 'timescape-bench');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'peers.mjs');
  const build = spawnSync(
    'npx',
    [
      '--no-install',
      'esbuild',
      'bench/peers.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--log-level=warning',
      `--outfile=${out}`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (build.status !== 0) throw new Error('esbuild of bench/peers.ts failed');
  const child = spawnSync('node', [out, JSON.stringify(request)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`peer failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as PeerAnswer;
}

const isMain = process.argv[1] && /peers\.(ts|mjs|js)$/.test(process.argv[1]);
if (isMain && process.argv[2]) console.log(JSON.stringify(measurePeer(JSON.parse(process.argv[2]) as PeerRequest)));
