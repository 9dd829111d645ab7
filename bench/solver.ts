/**
 * Solver benchmark: our DOPRI5 against the npm package `odex` (Hairer & Wanner's GBS extrapolation code ported to
 * JavaScript) on the same problems, tolerances and output times, in the same run.
 *
 *   npm run bench (with the model and cohort benchmarks)
 *
 * Each line: median (and fastest) wall time per full integration, right-hand-side evaluations, and the time ratio
 * odex / ours (> 1: ours is faster). odex is given dense output only where output falls between its steps.
 */
import { createDormandPrince, type Integrator, type RightHandSide } from '../src/solver';
import { OdexSolverClass } from './odex';
import { formatMs, type Measurement, measure } from './timing';

// --- problems --------------------------------------------------------------------------------------------------------

/** Arenstorf orbit (Hairer, Nørsett & Wanner I, §II.0), one period. */
const MU = 0.012277471;
const MU1 = 1 - MU;
const ARENSTORF_Y0 = [0.994, 0, 0, -2.0015851063790824];
const ARENSTORF_T = 17.065216560157964;

const arenstorf: RightHandSide = (_t, y, dy) => {
  const a = y[0] + MU;
  const b = y[0] - MU1;
  const q = y[1] * y[1];
  const r1 = a * a + q;
  const r2 = b * b + q;
  const d1 = r1 * Math.sqrt(r1);
  const d2 = r2 * Math.sqrt(r2);
  dy[0] = y[2];
  dy[1] = y[3];
  dy[2] = y[0] + 2 * y[3] - (MU1 * a) / d1 - (MU * b) / d2;
  dy[3] = y[1] - 2 * y[2] - (MU1 * y[1]) / d1 - (MU * y[1]) / d2;
};

/**
 * A 15-state nonstiff test system shaped like a tumour–immune model (rates per day): three tumour populations with
 * logistic growth and kill terms, seven immune/inflammation states, five drugs with first-order elimination.
 * (A benchmark workload only, not the project's model.)
 */
const N15 = 15;
const REFERENCE_TOLERANCES = { rtol: 1e-13, atol: 1e-16 };
const KE = [0.7, 1.2, 0.35, 2.0, 0.9];
const DOSE = [1, 0.5, 2, 1, 0.3];
const Y15 = [0.1, 0.01, 0.001, 0.2, 0.05, 0.1, 0.1, 0.1, 0, 0, 0, 0, 0, 0, 0];

const system15: RightHandSide = (_t, y, dy) => {
  const s = y[0];
  const p = y[1];
  const r = y[2];
  const e = y[3];
  const treg = y[4];
  const m1 = y[5];
  const m2 = y[6];
  const dc = y[7];
  const il = y[8];
  const d0 = y[10];
  const d1 = y[11];
  const d2 = y[12];
  const d3 = y[13];
  const d4 = y[14];
  const tum = s + p + r;
  const room = 1 - tum;
  const kill = e / (0.3 + tum);
  const sense = tum / (0.2 + tum);
  dy[0] = 0.25 * s * room - ((0.8 * d0) / (0.5 + d0)) * s - 0.4 * kill * s - 0.02 * d1 * s + 0.01 * p;
  dy[1] = 0.05 * p * room + 0.02 * d1 * s - 0.01 * p - 0.2 * kill * p;
  dy[2] = 0.2 * r * room - 0.3 * kill * r + 1e-4 * s;
  dy[3] = 0.05 + 0.6 * dc * sense - 0.1 * e - 0.5 * treg * e + ((0.2 * d2) / (1 + d2)) * e;
  dy[4] = 0.02 + 0.1 * tum - 0.15 * treg;
  dy[5] = 0.05 - 0.1 * m1 + 0.2 * il * m2 - 0.1 * m1 * tum;
  dy[6] = 0.05 - 0.1 * m2 - 0.2 * il * m2 + 0.1 * m1 * tum;
  dy[7] = 0.3 * sense * (1 - dc) - 0.1 * dc + (0.2 * d3) / (1 + d3);
  dy[8] = 0.5 * e - il + 0.3 * d4;
  dy[9] = 0.1 * (d0 + d1) - 0.05 * y[9];
  for (let i = 0; i < 5; i++) dy[10 + i] = -KE[i] * y[10 + i];
};

/** The same right-hand sides in odex's calling convention (returns a new array). */
function forOdex(f: RightHandSide, n: number): (x: number, y: number[]) => number[] {
  const yt = new Float64Array(n);
  const dy = new Float64Array(n);
  return (x, y) => {
    for (let i = 0; i < n; i++) yt[i] = y[i];
    f(x, yt, dy);
    return Array.from(dy);
  };
}

// --- scenarios -------------------------------------------------------------------------------------------------------

interface Outcome {
  y: ArrayLike<number>;
  evaluations: number;
  steps: number;
  outputs: number;
}

interface Scenario {
  name: string;
  ours: () => Outcome;
  odex: () => Outcome;
  /** the true final state (exact, or from our solver at a far tighter tolerance) */
  reference: () => ArrayLike<number>;
}

function arenstorfScenario(tol: number, gridPoints: number): Scenario {
  const grid = new Float64Array(gridPoints);
  for (let k = 0; k < gridPoints; k++) grid[k] = (k * ARENSTORF_T) / (gridPoints - 1);
  const integrator = createDormandPrince(4, { rtol: tol, atol: tol });
  const y = new Float64Array(4);
  const odexF = forOdex(arenstorf, 4);
  const odex = new OdexSolverClass(4);
  odex.relativeTolerance = tol;
  odex.absoluteTolerance = tol;
  odex.maxSteps = 100_000;
  odex.denseOutput = gridPoints > 0;
  const label = gridPoints > 0 ? `${gridPoints}-point output grid` : 'end point only';
  return {
    name: `Arenstorf orbit, one period, rtol = atol = ${tol}, ${label}`,
    ours: () => {
      integrator.resetStatistics();
      y.set(ARENSTORF_Y0);
      let outputs = 0;
      integrator.integrate(arenstorf, 0, ARENSTORF_T, y, grid, 0, () => outputs++, true);
      const s = integrator.statistics;
      return { y, evaluations: s.rhsEvaluations, steps: s.acceptedSteps + s.rejectedSteps, outputs };
    },
    odex: () => {
      let outputs = 0;
      const observer = gridPoints > 0 ? odex.grid(ARENSTORF_T / (gridPoints - 1), () => void outputs++) : undefined;
      const r = odex.solve(odexF, 0, ARENSTORF_Y0, ARENSTORF_T, observer);
      if (r.outcome !== 0) throw new Error(`odex failed: outcome ${r.outcome}`);
      return { y: r.y, evaluations: r.nEval, steps: r.nStep, outputs };
    },
    // periodic orbit: the exact final state is the initial state
    reference: () => ARENSTORF_Y0,
  };
}

/** Our solver through 365 daily pieces: all five drugs dosed at the start of each day, output once a day. */
function runDaily(integrator: Integrator, y: Float64Array, grid: Float64Array, out: Float64Array): number {
  const days = grid.length - 1;
  y.set(Y15);
  let next = 0;
  let outputs = 0;
  const record = (k: number, _t: number, yk: Float64Array): void => {
    out.set(yk, k * N15);
    outputs++;
  };
  for (let day = 0; day < days; day++) {
    for (let i = 0; i < 5; i++) y[10 + i] += DOSE[i];
    next = integrator.integrate(system15, day, day + 1, y, grid, next, record, day === days - 1);
  }
  return outputs;
}

/** 365 days with all five drugs dosed every day: 365 calls (a restart at each dose), output once a day. */
function dosingScenario(rtol: number, atol: number): Scenario {
  const days = 365;
  const grid = new Float64Array(days + 1);
  for (let k = 0; k <= days; k++) grid[k] = k;
  const integrator = createDormandPrince(N15, { rtol, atol });
  const y = new Float64Array(N15);
  const out = new Float64Array((days + 1) * N15);
  const odexF = forOdex(system15, N15);
  const odex = new OdexSolverClass(N15);
  odex.relativeTolerance = rtol;
  odex.absoluteTolerance = atol;
  odex.maxSteps = 100_000;
  // output times coincide with the doses (piece boundaries): no interpolation needed
  odex.denseOutput = false;
  return {
    name: `15-state system, 365 days, 5 drugs dosed daily (365 restarts), daily output, rtol ${rtol}, atol ${atol}`,
    ours: () => {
      integrator.resetStatistics();
      const outputs = runDaily(integrator, y, grid, out);
      const s = integrator.statistics;
      return { y, evaluations: s.rhsEvaluations, steps: s.acceptedSteps + s.rejectedSteps, outputs };
    },
    odex: () => {
      let state = Y15.slice();
      let evaluations = 0;
      let steps = 0;
      let outputs = 0;
      for (let day = 0; day < days; day++) {
        for (let i = 0; i < 5; i++) state[10 + i] += DOSE[i];
        out.set(state, day * N15);
        outputs++;
        const r = odex.solve(odexF, day, state, day + 1);
        if (r.outcome !== 0) throw new Error(`odex failed: outcome ${r.outcome}`);
        evaluations += r.nEval;
        steps += r.nStep;
        state = r.y;
      }
      out.set(state, days * N15);
      outputs++;
      return { y: state, evaluations, steps, outputs };
    },
    reference: () => {
      const yr = new Float64Array(N15);
      runDaily(createDormandPrince(N15, REFERENCE_TOLERANCES), yr, grid, new Float64Array(out.length));
      return yr;
    },
  };
}

/** 365 days in one call (a single dose of each drug at day 0), output once a day from the dense output. */
function smoothScenario(rtol: number, atol: number): Scenario {
  const days = 365;
  const grid = new Float64Array(days + 1);
  for (let k = 0; k <= days; k++) grid[k] = k;
  const y0 = Y15.slice();
  for (let i = 0; i < 5; i++) y0[10 + i] = DOSE[i];
  const integrator = createDormandPrince(N15, { rtol, atol });
  const y = new Float64Array(N15);
  const odexF = forOdex(system15, N15);
  const odex = new OdexSolverClass(N15);
  odex.relativeTolerance = rtol;
  odex.absoluteTolerance = atol;
  odex.maxSteps = 100_000;
  odex.denseOutput = true;
  return {
    name: `15-state system, 365 days in one call, daily dense output, rtol ${rtol}, atol ${atol}`,
    ours: () => {
      integrator.resetStatistics();
      y.set(y0);
      let outputs = 0;
      integrator.integrate(system15, 0, days, y, grid, 0, () => outputs++, true);
      const s = integrator.statistics;
      return { y, evaluations: s.rhsEvaluations, steps: s.acceptedSteps + s.rejectedSteps, outputs };
    },
    odex: () => {
      let outputs = 0;
      const r = odex.solve(
        odexF,
        0,
        y0,
        days,
        odex.grid(1, () => void outputs++),
      );
      if (r.outcome !== 0) throw new Error(`odex failed: outcome ${r.outcome}`);
      return { y: r.y, evaluations: r.nEval, steps: r.nStep, outputs };
    },
    reference: () => {
      const yr = Float64Array.from(y0);
      createDormandPrince(N15, REFERENCE_TOLERANCES).integrate(system15, 0, days, yr, grid, 0, () => {}, true);
      return yr;
    },
  };
}

// --- run -------------------------------------------------------------------------------------------------------------

/** largest absolute error over the components, each scaled by max(1, |reference|) */
function error(y: ArrayLike<number>, reference: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < y.length; i++) {
    m = Math.max(m, Math.abs(y[i] - reference[i]) / Math.max(1, Math.abs(reference[i])));
  }
  return m;
}

function row(label: string, m: Measurement, o: Outcome): string {
  return `  ${label.padEnd(6)} median ${formatMs(m.median).padStart(10)}  min ${formatMs(m.min).padStart(10)}  RHS evaluations ${String(o.evaluations).padStart(7)}  steps ${String(o.steps).padStart(6)}  outputs ${o.outputs}`;
}

const scenarios: Scenario[] = [
  arenstorfScenario(1e-6, 0),
  arenstorfScenario(1e-10, 0),
  arenstorfScenario(1e-10, 200),
  smoothScenario(1e-6, 1e-9),
  dosingScenario(1e-6, 1e-9),
];

export function benchSolver(runs = Number(process.env.BENCH_RUNS ?? 30)): void {
  console.log(`\nSolver: reference problems, ours against odex, median of ${runs} runs after warm-up\n`);
  for (const s of scenarios) {
    const a = s.ours();
    const b = s.odex();
    const ours = measure(s.ours, { runs });
    const odex = measure(s.odex, { runs });
    console.log(s.name);
    console.log(row('ours', ours, a));
    console.log(row('odex', odex, b));
    const reference = s.reference();
    console.log(
      `  ratio odex/ours: time ${(odex.median / ours.median).toFixed(2)}x, RHS evaluations ${(b.evaluations / a.evaluations).toFixed(2)}x`,
    );
    console.log(
      `  error of the final state: ours ${error(a.y, reference).toExponential(1)}, odex ${error(b.y, reference).toExponential(1)}\n`,
    );
  }
}
