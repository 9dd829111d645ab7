/**
 * The npm package `odex` (Hairer & Wanner's GBS extrapolation code, ported) as a peer in benchmarks, loaded through
 * require: its package points TypeScript at its .ts source, which does not compile under this project's strict
 * settings, so only the part of its API used here is declared.
 */
import { createRequire } from 'node:module';
import type { Integrator, OutputCallback, RightHandSide, SolverStatistics } from '../src/solver/types';

export interface OdexResult {
  y: number[];
  outcome: number;
  nStep: number;
  nAccept: number;
  nReject: number;
  nEval: number;
}
export type OdexObserver = (
  n: number,
  xOld: number,
  x: number,
  y: number[],
  dense?: (i: number, x: number) => number,
) => boolean | undefined;
export interface OdexSolver {
  relativeTolerance: number | number[];
  absoluteTolerance: number | number[];
  maxSteps: number;
  denseOutput: boolean;
  solve(f: (x: number, y: number[]) => number[], x: number, y0: number[], xEnd: number, out?: OdexObserver): OdexResult;
  grid(dt: number, out: (x: number, y: number[]) => unknown): OdexObserver;
}

export const OdexSolverClass = createRequire(import.meta.url)('odex').Solver as new (n: number) => OdexSolver;

/**
 * odex behind this project's Integrator interface, so that the model's own simulate() drives it through exactly the
 * same right-hand side, breakpoints and output grid as our solver.
 */
export function createOdexIntegrator(n: number, rtol: number, atol: Float64Array): Integrator {
  const solver = new OdexSolverClass(n);
  solver.relativeTolerance = rtol;
  solver.absoluteTolerance = Array.from(atol);
  solver.denseOutput = true;
  solver.maxSteps = 100_000;
  const yIn = new Float64Array(n);
  const dyOut = new Float64Array(n);
  const yDense = new Float64Array(n);
  const statistics: SolverStatistics = { rhsEvaluations: 0, acceptedSteps: 0, rejectedSteps: 0 };
  return {
    statistics,
    resetStatistics() {
      statistics.rhsEvaluations = 0;
      statistics.acceptedSteps = 0;
      statistics.rejectedSteps = 0;
    },
    integrate(
      f: RightHandSide,
      t0: number,
      t1: number,
      y: Float64Array,
      grid: Float64Array,
      from: number,
      onOutput: OutputCallback,
      includeEnd: boolean,
    ): number {
      // odex's convention: f returns a new array.
      const g = (t: number, yy: number[]): number[] => {
        yIn.set(yy);
        f(t, yIn, dyOut);
        return Array.from(dyOut);
      };
      let k = from;
      while (k < grid.length && grid[k] < t0) k++;
      // an output callback that returns true stops the integration there (OutputCallback), with y at that output
      let stopped = false;
      const observer: OdexObserver = (_n, xOld, x, yy, dense) => {
        while (k < grid.length && grid[k] <= x && (grid[k] < t1 || (includeEnd && grid[k] <= t1))) {
          const tk = grid[k];
          if (tk === x || !dense) yDense.set(yy);
          else for (let i = 0; i < n; i++) yDense[i] = tk < xOld ? yy[i] : dense(i, tk);
          k++;
          if (onOutput(k - 1, tk, yDense) === true) {
            stopped = true;
            return false;
          }
        }
        return undefined;
      };
      const result = solver.solve(g, t0, Array.from(y), t1, observer);
      // outcome 0: converged; 2: stopped early by the observer
      if (result.outcome !== 0 && !(stopped && result.outcome === 2)) {
        throw new Error(`odex failed with outcome ${result.outcome} on [${t0}, ${t1}]`);
      }
      y.set(stopped ? yDense : result.y);
      statistics.rhsEvaluations += result.nEval;
      statistics.acceptedSteps += result.nAccept;
      statistics.rejectedSteps += result.nReject;
      return k;
    },
  };
}
