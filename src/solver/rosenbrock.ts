/**
 * RODAS3: an L-stable, stiffly accurate Rosenbrock method of order 3 with an embedded order-2 error estimate, 4
 * stages and 3 right-hand-side evaluations per step (Sandu, Verwer, Blom, Spee, Carmichael & Potra, "Benchmarking
 * stiff ODE solvers for atmospheric chemistry problems II: Rosenbrock solvers", Atmospheric Environment 31, 1997;
 * the method class and its implementation: Hairer & Wanner, "Solving Ordinary Differential Equations II", 2nd ed.,
 * Springer 1996, §IV.7). The stiff counterpart of the Dormand–Prince integrator, for the problems it cannot follow.
 *
 * One step from (t, y) with step h, in the form without matrix-vector products (HW II, (7.4'), the C = Γ⁻¹-like
 * coefficients c_ij), γ = 1/2:
 *
 *   (I/(hγ) − J) k_i = f(t + α_i h, y + Σ_j a_ij k_j) + Σ_j (c_ij / h) k_j + h γ_i ∂f/∂t,   i = 1..4
 *   y_new = y + Σ m_i k_i,   error estimate = k_4 (the embedded solution is the 3rd stage value)
 *
 * with J = ∂f/∂y at (t, y) and ∂f/∂t both by forward differences (n + 1 evaluations per step), one LU factorisation
 * (partial pivoting) per attempted step. Stiffly accurate: y_new is the last stage value, so the stability function
 * vanishes at infinity (L-stable) and the fast components are damped rather than followed.
 *
 * Step-size control: mixed tolerance sc_i = atol_i + rtol·max(|y_i|, |ynew_i|), RMS norm, h_new = h·0.9·err^(-1/3)
 * bounded to [0.2 h, 6 h] (no growth right after a rejection). Output: every output time is the end of a step (a
 * step that would pass one is cut to end on it), so outputs are solutions of the method itself. No interpolant: a
 * Hermite interpolant would use f at the step's ends, and in stiff components f is only as accurate as |λ|·error
 * (measured: errors of 4 on y = cos t with λ = -1e9 between exact step ends).
 *
 * All work vectors are allocated once, in createRosenbrock; the step loop allocates nothing.
 */

import {
  type Integrator,
  type OutputCallback,
  type RightHandSide,
  SolverError,
  type SolverOptions,
  type SolverStatistics,
} from './types';

// RODAS3 coefficients (Sandu et al. 1997, in the c_ij form of HW II §IV.7; a_21 = a_32 = a_42 = 0)
const GAMMA = 0.5;
const A31 = 2;
const A41 = 2;
const A43 = 1;
const C21 = 4;
const C31 = 1;
const C32 = -1;
const C41 = 1;
const C42 = -1;
const C43 = -8 / 3;
// y_new = y + 2 k1 + k3 + k4 (m_2 = 0): the 4th stage value plus k4
// γ_i = Σ_j γ_ij: (1/2, 3/2, 0, 0); α_i: (0, 0, 1, 1)
const G1 = 0.5;
const G2 = 1.5;

const SAFETY = 0.9;
const FACMIN = 0.2;
const FACMAX = 6;
const NONFINITE_SHRINK = 0.25;
const EPS = Number.EPSILON;
const SQRT_EPS = Math.sqrt(EPS);

/**
 * Creates a RODAS3 integrator for systems of dimension `n`, with the Integrator contract of createDormandPrince (the
 * same options and defaults; carryStepSize likewise). Statistics: every attempted step after an accepted one costs
 * n + 4 evaluations (Jacobian n, ∂f/∂t 1, stages 2, f at the new point 1); a rejected step costs 2 (the Jacobian at
 * the step's start is kept).
 *
 * Failure handling: a step whose stages or error estimate are not finite, or whose matrix is singular, is rejected
 * and retried with h/4; SolverError when h ≤ 16·eps·|t| (step-size underflow at the current time), when maxSteps
 * attempted steps are exceeded in one call, or when the initial state or f(t0, y0) is not finite.
 */
export function createRosenbrock(n: number, options: Partial<SolverOptions> = {}): Integrator {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`system dimension must be a positive integer, got ${n}`);
  const rtol = options.rtol ?? 1e-6;
  const atolOpt = options.atol ?? 1e-9;
  const maxStep = options.maxStep ?? Number.POSITIVE_INFINITY;
  const maxSteps = options.maxSteps ?? 100_000;
  const carryStepSize = options.carryStepSize ?? false;
  if (!(rtol >= 0) || !Number.isFinite(rtol)) throw new RangeError(`rtol must be finite and >= 0, got ${rtol}`);
  if (!(maxStep > 0)) throw new RangeError(`maxStep must be > 0, got ${maxStep}`);
  if (!(maxSteps >= 1)) throw new RangeError(`maxSteps must be >= 1, got ${maxSteps}`);
  const atol = new Float64Array(n);
  if (typeof atolOpt === 'number') {
    atol.fill(atolOpt);
  } else {
    if (atolOpt.length !== n) throw new RangeError(`atol has length ${atolOpt.length}, expected ${n}`);
    atol.set(atolOpt);
  }
  for (let i = 0; i < n; i++) {
    if (!(atol[i] >= 0) || !Number.isFinite(atol[i])) throw new RangeError(`atol[${i}] must be finite and >= 0`);
    if (atol[i] === 0 && rtol === 0) throw new RangeError(`atol[${i}] and rtol are both zero`);
  }

  const jac = new Float64Array(n * n); // row-major ∂f_i/∂y_j
  const lu = new Float64Array(n * n);
  const pivot = new Int32Array(n);
  const dfdt = new Float64Array(n);
  const ftmp = new Float64Array(n);
  const k1 = new Float64Array(n);
  const k2 = new Float64Array(n);
  const k3 = new Float64Array(n);
  const k4 = new Float64Array(n);
  const ystage = new Float64Array(n);
  const yout = new Float64Array(n);
  const wy = new Float64Array(n);
  const wynew = new Float64Array(n);
  const wf0 = new Float64Array(n);
  const wf1 = new Float64Array(n);

  const statistics: SolverStatistics = { rhsEvaluations: 0, acceptedSteps: 0, rejectedSteps: 0 };
  let carriedFrom = Number.NaN;
  let carriedStep = 0;

  /** ∂f/∂y by forward differences into jac, and ∂f/∂t into dfdt; fy = f(t, y). y is restored exactly. */
  function derivatives(f: RightHandSide, t: number, y: Float64Array, fy: Float64Array): void {
    for (let j = 0; j < n; j++) {
      const yj = y[j];
      const scale = yj < 0 ? -yj : yj;
      const trial = yj + SQRT_EPS * (scale > 1e-5 ? scale : 1e-5);
      const d = trial - yj; // exactly representable
      y[j] = trial;
      f(t, y, ftmp);
      y[j] = yj;
      for (let i = 0; i < n; i++) jac[i * n + j] = (ftmp[i] - fy[i]) / d;
    }
    const at = t < 0 ? -t : t;
    const tt = t + SQRT_EPS * (at > 1e-5 ? at : 1e-5);
    const dt = tt - t;
    f(tt, y, ftmp);
    for (let i = 0; i < n; i++) dfdt[i] = (ftmp[i] - fy[i]) / dt;
    statistics.rhsEvaluations += n + 1;
  }

  /** LU factorisation with partial pivoting of I/(hγ) − J into lu/pivot; false if singular or not finite. */
  function factorise(hgamma: number): boolean {
    const diag = 1 / hgamma;
    for (let i = 0; i < n * n; i++) lu[i] = -jac[i];
    for (let i = 0; i < n; i++) lu[i * n + i] += diag;
    for (let c = 0; c < n; c++) {
      let p = c;
      let best = Math.abs(lu[c * n + c]);
      for (let r = c + 1; r < n; r++) {
        const v = Math.abs(lu[r * n + c]);
        if (v > best) {
          best = v;
          p = r;
        }
      }
      if (!(best > 0) || !Number.isFinite(best)) return false;
      pivot[c] = p;
      if (p !== c) {
        for (let j = 0; j < n; j++) {
          const tmp = lu[c * n + j];
          lu[c * n + j] = lu[p * n + j];
          lu[p * n + j] = tmp;
        }
      }
      const inv = 1 / lu[c * n + c];
      for (let r = c + 1; r < n; r++) {
        const m = lu[r * n + c] * inv;
        lu[r * n + c] = m;
        if (m !== 0) for (let j = c + 1; j < n; j++) lu[r * n + j] -= m * lu[c * n + j];
      }
    }
    return true;
  }

  /** Solves (I/(hγ) − J) x = b in place, with the factorisation of factorise(). */
  function solve(b: Float64Array): void {
    for (let c = 0; c < n; c++) {
      const p = pivot[c];
      if (p !== c) {
        const tmp = b[c];
        b[c] = b[p];
        b[p] = tmp;
      }
    }
    for (let r = 1; r < n; r++) {
      let s = b[r];
      for (let j = 0; j < r; j++) s -= lu[r * n + j] * b[j];
      b[r] = s;
    }
    for (let r = n - 1; r >= 0; r--) {
      let s = b[r];
      for (let j = r + 1; j < n; j++) s -= lu[r * n + j] * b[j];
      b[r] = s / lu[r * n + r];
    }
  }

  function integrate(
    f: RightHandSide,
    t0: number,
    t1: number,
    y: Float64Array,
    grid: Float64Array,
    from: number,
    onOutput: OutputCallback,
    includeEnd: boolean,
  ): number {
    if (!Number.isFinite(t0) || !Number.isFinite(t1)) throw new RangeError(`non-finite interval [${t0}, ${t1}]`);
    if (t1 < t0) throw new RangeError(`integrate needs t1 >= t0, got [${t0}, ${t1}]`);
    if (y.length !== n) throw new RangeError(`state has length ${y.length}, expected ${n}`);

    const gridLength = grid.length;
    let k = from;
    while (k < gridLength && grid[k] < t0) k++;
    while (k < gridLength && grid[k] === t0 && (t0 < t1 || includeEnd)) {
      yout.set(y);
      if (onOutput(k, t0, yout) === true) return k + 1;
      k++;
    }
    if (t1 === t0) return k;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(y[i])) throw new SolverError(`non-finite initial state y[${i}] = ${y[i]}`, t0);
    }

    let ycur = wy;
    let ynew = wynew;
    let f0 = wf0;
    let f1 = wf1;
    ycur.set(y);
    f(t0, ycur, f0);
    statistics.rhsEvaluations++;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(f0[i])) throw new SolverError(`non-finite derivative dy[${i}] = ${f0[i]} at t0`, t0);
    }

    const span = t1 - t0;
    const hmax = maxStep < span ? maxStep : span;
    let h: number;
    if (carryStepSize && t0 === carriedFrom && carriedStep > 0) {
      h = carriedStep;
    } else {
      // a first step of 1 % of the solution's own time scale |y|/|f| in the error norm (at most hmax)
      let d0 = 0;
      let d1 = 0;
      for (let i = 0; i < n; i++) {
        const sk = atol[i] + rtol * Math.abs(ycur[i]);
        d0 += (ycur[i] / sk) ** 2;
        d1 += (f0[i] / sk) ** 2;
      }
      d0 = Math.sqrt(d0 / n);
      d1 = Math.sqrt(d1 / n);
      h = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * (d0 / d1);
    }
    if (h > hmax) h = hmax;
    carriedFrom = Number.NaN;

    let t = t0;
    let rejectedLast = false;
    let steps = 0;
    let jacobianAt = Number.NaN; // the t of the step start where jac/dfdt were computed (NaN: not yet)

    for (;;) {
      if (steps >= maxSteps) throw new SolverError(`maximum number of steps (${maxSteps}) exceeded at t = ${t}`, t);
      const at = t < 0 ? -t : t;
      if (!(h > 16 * EPS * at) || !(h > 0)) throw new SolverError(`step size underflow (h = ${h}) at t = ${t}`, t);
      // the step ends at the next output time, if it would pass it (outputs are step ends: no interpolation)
      while (k < gridLength && grid[k] <= t) k++;
      const output = k < gridLength && (grid[k] < t1 || (grid[k] === t1 && includeEnd));
      const stop = output && grid[k] < t1 ? grid[k] : t1;
      let cut = false;
      const hProposed = h;
      if (t + 1.01 * h >= stop) {
        h = stop - t;
        cut = true;
      }
      steps++;
      if (jacobianAt !== t) {
        derivatives(f, t, ycur, f0);
        jacobianAt = t;
      }
      const tnew = cut ? stop : t + h;

      let ok = factorise(h * GAMMA);
      let err = Number.POSITIVE_INFINITY;
      if (ok) {
        const hinv = 1 / h;
        // stage 1 at (t, y)
        for (let i = 0; i < n; i++) k1[i] = f0[i] + h * G1 * dfdt[i];
        solve(k1);
        // stage 2 at (t, y) again (alpha2 = 0, a21 = 0): f0 reused
        for (let i = 0; i < n; i++) k2[i] = f0[i] + hinv * C21 * k1[i] + h * G2 * dfdt[i];
        solve(k2);
        // stage 3 at (t + h, y + 2 k1)
        for (let i = 0; i < n; i++) ystage[i] = ycur[i] + A31 * k1[i];
        f(tnew, ystage, ftmp);
        for (let i = 0; i < n; i++) k3[i] = ftmp[i] + hinv * (C31 * k1[i] + C32 * k2[i]);
        solve(k3);
        // stage 4 at (t + h, y + 2 k1 + k3)
        for (let i = 0; i < n; i++) ystage[i] = ycur[i] + A41 * k1[i] + A43 * k3[i];
        f(tnew, ystage, ftmp);
        for (let i = 0; i < n; i++) k4[i] = ftmp[i] + hinv * (C41 * k1[i] + C42 * k2[i] + C43 * k3[i]);
        solve(k4);
        statistics.rhsEvaluations += 2;
        // y_new = 4th stage value + k4; the error estimate is k4
        err = 0;
        for (let i = 0; i < n; i++) {
          const yn = ystage[i] + k4[i];
          ynew[i] = yn;
          const yi = ycur[i];
          const ayi = yi < 0 ? -yi : yi;
          const ayn = yn < 0 ? -yn : yn;
          const e = k4[i] / (atol[i] + rtol * (ayi > ayn ? ayi : ayn));
          err += e * e;
        }
        err = Math.sqrt(err / n);
        if (!(err < Number.POSITIVE_INFINITY)) ok = false;
      }
      if (ok && err <= 1) {
        // f at the new point: the next step's f0 (and the base of its Jacobian)
        f(tnew, ynew, f1);
        statistics.rhsEvaluations++;
        for (let i = 0; i < n; i++) if (!Number.isFinite(f1[i])) ok = false;
      }
      if (!ok) {
        statistics.rejectedSteps++;
        rejectedLast = true;
        h *= NONFINITE_SHRINK;
        continue;
      }

      let fac = SAFETY * err ** (-1 / 3);
      if (!(fac < FACMAX)) fac = FACMAX;
      if (fac < FACMIN) fac = FACMIN;
      if (err > 1) {
        statistics.rejectedSteps++;
        rejectedLast = true;
        h *= fac;
        continue;
      }
      statistics.acceptedSteps++;
      const yt = ycur;
      ycur = ynew;
      ynew = yt;
      const ft = f0;
      f0 = f1;
      f1 = ft;
      t = tnew;
      let hnew = h * (rejectedLast && fac > 1 ? 1 : fac);
      // a step cut to end on an output or t1: the step it cut is proposed again (the error allowed it)
      if (cut && hnew < hProposed) hnew = hProposed;
      if (hnew > maxStep) hnew = maxStep;
      rejectedLast = false;
      h = hnew;
      // outputs at t (the step's end is the output time itself)
      while (k < gridLength && grid[k] === t && (t < t1 || includeEnd)) {
        yout.set(ycur);
        if (onOutput(k, t, yout) === true) {
          // stopped by the caller at this step's end: a call that starts here may try the step proposed after it
          carriedStep = h;
          carriedFrom = t;
          y.set(yout);
          return k + 1;
        }
        k++;
      }
      if (t === t1) {
        carriedStep = h;
        carriedFrom = t1;
        break;
      }
    }

    y.set(ycur);
    return k;
  }

  return {
    statistics,
    resetStatistics(): void {
      statistics.rhsEvaluations = 0;
      statistics.acceptedSteps = 0;
      statistics.rejectedSteps = 0;
    },
    integrate,
  };
}
