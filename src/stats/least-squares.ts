/**
 * Bounded nonlinear least squares by Levenberg–Marquardt (Marquardt 1963, with Marquardt's diagonal scaling): minimises
 * the sum of squared residuals r(x) over a box lower <= x <= upper. Steps that leave the box are projected back onto
 * it; the Jacobian is by forward differences (stepping inwards at an upper bound). Standard errors come from the
 * Jacobian at the optimum: covariance = s² (JᵀJ)⁻¹, with s² = 1 when the residuals are already divided by known
 * standard deviations, else the residual variance SSR / (n − p).
 */
import { invertMatrix } from './linear';

export interface LeastSquaresProblem {
  /** residuals at x (length n >= number of parameters) */
  residuals: (x: Float64Array) => Float64Array;
  x0: ArrayLike<number>;
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
}

export interface LeastSquaresOptions {
  maxIterations?: number;
  /** stop when the relative decrease of the cost is below this (default 1e-10) */
  tolerance?: number;
  /** residuals are divided by known SDs: the covariance is (JᵀJ)⁻¹ without rescaling (default false) */
  knownScale?: boolean;
  /** asked after every iteration with the counts so far and the cost; true stops with the best point yet (not converged) */
  shouldStop?: (iterations: number, evaluations: number, ssr: number) => boolean;
}

export interface LeastSquaresResult {
  x: Float64Array;
  residuals: Float64Array;
  /** sum of squared residuals */
  ssr: number;
  iterations: number;
  converged: boolean;
  /** covariance of x (row-major p × p); null when JᵀJ is singular (a parameter the data do not determine) */
  covariance: Float64Array | null;
  standardErrors: Float64Array;
  /** residual variance s² used for the covariance */
  scale: number;
  evaluations: number;
}

function sumSquares(r: Float64Array): number {
  let s = 0;
  for (const v of r) s += v * v;
  return s;
}

export function levenbergMarquardt(
  problem: LeastSquaresProblem,
  options: LeastSquaresOptions = {},
): LeastSquaresResult {
  const p = problem.x0.length;
  const lo = Float64Array.from(problem.lower);
  const hi = Float64Array.from(problem.upper);
  const clamp = (x: Float64Array): Float64Array => {
    for (let j = 0; j < p; j++) x[j] = Math.min(hi[j], Math.max(lo[j], x[j]));
    return x;
  };
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  let evaluations = 0;
  const evaluate = (x: Float64Array): Float64Array => {
    evaluations++;
    const r = problem.residuals(x);
    for (const v of r) if (!Number.isFinite(v)) throw new RangeError('a residual is not finite');
    return r;
  };
  const jacobian = (x: Float64Array, r: Float64Array): Float64Array => {
    const n = r.length;
    const J = new Float64Array(n * p);
    for (let j = 0; j < p; j++) {
      let h = 1e-6 * Math.max(Math.abs(x[j]), 1e-3 * (hi[j] - lo[j]), 1e-12);
      if (x[j] + h > hi[j]) h = -h;
      const xh = Float64Array.from(x);
      xh[j] += h;
      const rh = evaluate(xh);
      for (let i = 0; i < n; i++) J[i * p + j] = (rh[i] - r[i]) / h;
    }
    return J;
  };
  const normal = (J: Float64Array, n: number): Float64Array => {
    const A = new Float64Array(p * p);
    for (let a = 0; a < p; a++)
      for (let b = a; b < p; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += J[i * p + a] * J[i * p + b];
        A[a * p + b] = A[b * p + a] = s;
      }
    return A;
  };

  let x = clamp(Float64Array.from(problem.x0));
  let r = evaluate(x);
  let cost = sumSquares(r);
  let lambda = 1e-3;
  let converged = false;
  let iterations = 0;
  let J = jacobian(x, r);
  for (; iterations < maxIterations && !converged; iterations++) {
    const n = r.length;
    const A = normal(J, n);
    const g = new Float64Array(p);
    for (let a = 0; a < p; a++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += J[i * p + a] * r[i];
      g[a] = s;
    }
    let improved = false;
    for (let attempt = 0; attempt < 30; attempt++) {
      const M = Float64Array.from(A);
      for (let a = 0; a < p; a++) M[a * p + a] += lambda * Math.max(A[a * p + a], 1e-12);
      const inv = invertMatrix(M, p);
      if (!inv) {
        lambda *= 10;
        continue;
      }
      const next = Float64Array.from(x);
      for (let a = 0; a < p; a++) {
        let s = 0;
        for (let b = 0; b < p; b++) s += inv[a * p + b] * g[b];
        next[a] -= s;
      }
      clamp(next);
      const rn = evaluate(next);
      const cn = sumSquares(rn);
      if (cn < cost) {
        const decrease = (cost - cn) / Math.max(cost, 1e-300);
        x = next;
        r = rn;
        cost = cn;
        lambda = Math.max(lambda / 10, 1e-12);
        improved = true;
        if (decrease < tolerance) converged = true;
        break;
      }
      lambda *= 10;
    }
    if (!improved) {
      converged = true; // no step lowers the cost: a (local) minimum on the box
      break;
    }
    J = jacobian(x, r);
    // the Jacobian is at the point returned, so its standard errors are those of that point
    if (options.shouldStop?.(iterations + 1, evaluations, cost)) {
      iterations++;
      break;
    }
  }
  const n = r.length;
  const dof = Math.max(1, n - p);
  const scale = options.knownScale ? 1 : cost / dof;
  const inv = invertMatrix(normal(J, n), p);
  const covariance = inv ? inv.map((v) => v * scale) : null;
  const standardErrors = new Float64Array(p).map((_, j) =>
    covariance ? Math.sqrt(Math.max(covariance[j * p + j], 0)) : Number.NaN,
  );
  return { x, residuals: r, ssr: cost, iterations, converged, covariance, standardErrors, scale, evaluations };
}
