/**
 * Model benchmark: for each preset, the time of a whole simulation (all arms), right-hand-side evaluations,
 * and two ratios measured in the same run:
 *  - against odex (npm), driven through the same simulate() code path (same right-hand side, breakpoints, output
 *    grid, rtol and per-component atol) via an Integrator adapter;
 *  - against the floor: our evaluations x the measured cost of one right-hand-side evaluation, i.e. the time a
 *    solver with no overhead at all would need for the same number of evaluations;
 *  - against a second floor, the method's own floor: that plus our steps x the cost of the vector arithmetic of one
 *    Dormand–Prince step (its 6 stage combinations, the 5th-order solution and error terms, the error norm and the
 *    dense-output coefficients, over the model's 13 states), measured by a bare loop doing that arithmetic and
 *    nothing else (no calls, no step-size control, no output). What is above it is control, breakpoints and output.
 */

import {
  absoluteTolerances,
  buildArmProblem,
  DEFAULT_RTOL,
  simulate,
  simulateArm,
  startDrugSegment,
} from '../src/model/simulate';
import { STATE_SIZE } from '../src/model/state';
import { PRESETS } from '../src/scenario/catalogue/presets';
import { DRUG_IDS } from '../src/scenario/types';
import { createOdexIntegrator } from './odex';
import { measure } from './timing';

/**
 * Which statistic of the timed runs the table uses: the median (default), or with BENCH_STAT=min the fastest run,
 * the one least disturbed by other processes: on a loaded machine the medians of two measurements taken seconds
 * apart see different loads, and their ratio (ours against the floor or odex) moves with it.
 */
const BENCH_STAT = process.env.BENCH_STAT === 'min' ? 'min' : 'median';
const pick = (m: { min: number; median: number }) => (BENCH_STAT === 'min' ? m.min : m.median);

export interface ModelBenchRow {
  preset: string;
  arms: number;
  oursMs: number;
  oursEvaluations: number;
  odexMs: number;
  odexEvaluations: number;
  floorMs: number;
  /** odex time / our time (> 1: ours is faster) */
  speedupVsOdex: number;
  /** our time / floor (1 = no overhead) */
  overFloor: number;
  /** solver steps (accepted + rejected) */
  steps: number;
  /** floor + steps x the bare vector arithmetic of a step, ms */
  methodFloorMs: number;
  /** our time / methodFloorMs */
  overMethodFloor: number;
}

/**
 * The vector arithmetic of one Dormand–Prince step over STATE_SIZE components, in a bare loop (the right-hand side
 * replaced by nothing: its cost is the first floor's), ms per step.
 */
function bareStepCost(): number {
  const n = STATE_SIZE;
  const v = () => Float64Array.from({ length: n }, (_, i) => 1 + i * 1e-3);
  const [y, k1, k2, k3, k4, k5, k6, k7, ys, yn, ep, r2, r3, r4, r5] = Array.from({ length: 15 }, v);
  const atol = v();
  const reps = 20_000;
  const m = measure(
    () => {
      let acc = 0;
      let h = 1e-3;
      for (let r = 0; r < reps; r++) {
        h += 1e-12;
        for (let i = 0; i < n; i++) ys[i] = y[i] + h * 0.2 * k1[i];
        for (let i = 0; i < n; i++) ys[i] = y[i] + h * (0.075 * k1[i] + 0.225 * k2[i]);
        for (let i = 0; i < n; i++) ys[i] = y[i] + h * (0.97 * k1[i] - 3.7 * k2[i] + 3.5 * k3[i]);
        for (let i = 0; i < n; i++) ys[i] = y[i] + h * (2.9 * k1[i] - 11.5 * k2[i] + 9.8 * k3[i] - 0.29 * k4[i]);
        for (let i = 0; i < n; i++) {
          ys[i] = y[i] + h * (2.8 * k1[i] - 10.7 * k2[i] + 8.9 * k3[i] + 0.27 * k4[i] - 0.27 * k5[i]);
        }
        for (let i = 0; i < n; i++) {
          yn[i] = y[i] + h * (0.091 * k1[i] + 0.449 * k3[i] + 0.651 * k4[i] - 0.322 * k5[i] + 0.131 * k6[i]);
          ep[i] = 0.0012 * k1[i] - 0.0042 * k3[i] + 0.037 * k4[i] - 0.051 * k5[i] + 0.042 * k6[i];
        }
        let err = 0;
        for (let i = 0; i < n; i++) {
          const sk = atol[i] + 1e-6 * Math.max(Math.abs(y[i]), Math.abs(yn[i]));
          const e = (h * (ep[i] - 0.025 * k7[i])) / sk;
          err += e * e;
        }
        for (let i = 0; i < n; i++) {
          const d = yn[i] - y[i];
          const b = h * k1[i] - d;
          r2[i] = d;
          r3[i] = b;
          r4[i] = d - h * k7[i] - b;
          r5[i] = h * (-1.1 * k1[i] + 2.7 * k3[i] - 5.7 * k4[i] + 3.5 * k5[i] - 1.8 * k6[i] + 2.4 * k7[i]);
        }
        acc += err + r5[r % n];
      }
      return acc;
    },
    { warmup: 5, runs: 15 },
  );
  return (BENCH_STAT === 'min' ? m.min : m.median) / reps;
}

/** Cost of one right-hand-side evaluation of an arm's model, at the state halfway through the arm, ms. */
function evaluationCost(presetIndex: number): number {
  const scenario = PRESETS[presetIndex].scenario;
  let total = 0;
  for (const arm of scenario.arms) {
    const problem = buildArmProblem(scenario, arm);
    const result = simulateArm(scenario, arm);
    // a representative state: the output halfway through (drug levels and populations of a real trajectory)
    const k = result.t.length >> 1;
    const y = Float64Array.from(problem.y0);
    y[0] = result.series.sensitiveVolume[k] * 1e6;
    y[1] = result.series.persisterVolume[k] * 1e6;
    y[2] = result.series.resistantVolume[k] * 1e6;
    y[3] = result.series.cd8[k];
    y[4] = result.series.m1[k];
    y[5] = result.series.m2[k];
    y[6] = result.series.dcMaturation[k];
    // drug levels and oral inputs as at that time
    const drugs = problem.model.drugs;
    const tk = result.t[k];
    drugs.t0 = tk;
    DRUG_IDS.forEach((d, i) => {
      drugs.start[i] = result.series[`drug.${d}`][k];
    });
    const pending = problem.breakpoints.filter((b) => b.t <= tk).at(-1);
    if (pending) {
      const saved = Float64Array.from(drugs.start);
      startDrugSegment(problem, pending);
      drugs.start.set(saved);
      drugs.t0 = tk;
    }
    const dy = new Float64Array(STATE_SIZE);
    const reps = 20_000;
    const m = measure(
      () => {
        for (let i = 0; i < reps; i++) {
          y[3] += 1e-9; // defeat any hoisting of a loop-invariant call
          problem.model.derivatives(tk + i * 1e-9, y, dy);
        }
        return dy[0];
      },
      { warmup: 5, runs: 15 },
    );
    total += (BENCH_STAT === 'min' ? m.min : m.median) / reps;
  }
  return total / scenario.arms.length;
}

export function benchModel(runs = 30): ModelBenchRow[] {
  const rows: ModelBenchRow[] = [];
  const stepCost = bareStepCost();
  PRESETS.forEach((preset, index) => {
    const scenario = preset.scenario;
    const ours = measure(() => simulate(scenario), { warmup: 10, runs });
    const oursEvaluations = simulate(scenario).arms.reduce((n, a) => n + a.stats.rhsEvaluations, 0);
    const odexIntegrator = createOdexIntegrator(STATE_SIZE, DEFAULT_RTOL, absoluteTolerances());
    // through simulate() as ours: the arms of one biology share their day-0 state (one pre-treatment history) there too
    const odexRun = () => simulate(scenario, { integrator: odexIntegrator }).arms;
    const odex = measure(odexRun, { warmup: 3, runs: Math.max(5, runs >> 2) });
    const odexEvaluations = odexRun().reduce((n, a) => n + a.stats.rhsEvaluations, 0);
    const floorMs = oursEvaluations * evaluationCost(index);
    const steps = simulate(scenario).arms.reduce((n, a) => n + a.stats.acceptedSteps + a.stats.rejectedSteps, 0);
    const methodFloorMs = floorMs + steps * stepCost;
    rows.push({
      preset: preset.id,
      arms: scenario.arms.length,
      oursMs: pick(ours),
      oursEvaluations,
      odexMs: pick(odex),
      odexEvaluations,
      floorMs,
      speedupVsOdex: pick(odex) / pick(ours),
      overFloor: pick(ours) / floorMs,
      steps,
      methodFloorMs,
      overMethodFloor: pick(ours) / methodFloorMs,
    });
  });
  return rows;
}

export function printModelBench(rows: ModelBenchRow[]): void {
  console.log(
    `\nModel: one whole simulation of each preset (all arms), ${BENCH_STAT === 'min' ? 'fastest' : 'median'} of timed runs`,
  );
  console.log(
    `${'preset'.padEnd(22)} ${'arms'.padStart(4)} ${'ours'.padStart(9)} ${'evals'.padStart(7)} ${'odex'.padStart(9)} ${'evals'.padStart(7)} ${'odex/ours'.padStart(10)} ${'floor'.padStart(9)} ${'ours/floor'.padStart(11)} ${'steps'.padStart(6)} ${'+ steps'.padStart(9)} ${'ours/that'.padStart(10)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.preset.padEnd(22)} ${String(r.arms).padStart(4)} ${`${r.oursMs.toFixed(2)} ms`.padStart(9)} ${String(r.oursEvaluations).padStart(7)} ${`${r.odexMs.toFixed(2)} ms`.padStart(9)} ${String(r.odexEvaluations).padStart(7)} ${`${r.speedupVsOdex.toFixed(1)}x`.padStart(10)} ${`${r.floorMs.toFixed(2)} ms`.padStart(9)} ${`${r.overFloor.toFixed(2)}x`.padStart(11)} ${String(r.steps).padStart(6)} ${`${r.methodFloorMs.toFixed(2)} ms`.padStart(9)} ${`${r.overMethodFloor.toFixed(2)}x`.padStart(10)}`,
    );
  }
  const perArm = rows.map((r) => r.oursMs / r.arms).sort((a, b) => a - b);
  console.log(
    `per arm: ${perArm[0].toFixed(2)}–${perArm[perArm.length - 1].toFixed(2)} ms; targets: a preset in a few ms, >= 4x faster than odex, <= 2x the floor`,
  );
}
