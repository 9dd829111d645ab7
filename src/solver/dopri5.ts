/**
 * Dormand–Prince 5(4) explicit Runge–Kutta integrator (DOPRI5), after Hairer, Nørsett & Wanner, "Solving Ordinary
 * Differential Equations I", 2nd ed., Springer 1993:
 *
 * - coefficients of Table 5.2 (§II.5), first-same-as-last (FSAL): the 7th stage of a step is the 1st of the next;
 * - embedded 4th-order error estimate, mixed tolerance sc_i = atol_i + rtol·max(|y_i|, |ynew_i|), RMS norm (§II.4);
 * - PI step-size control as in the authors' DOPRI5 code (β = 0.04, safety 0.9, factor bounded to [0.2, 10], no growth
 *   right after a rejection);
 * - automatic initial step size (§II.4, "Starting Step Size", p. 169), one extra right-hand-side evaluation;
 * - 4th-order continuous extension (dense output, §II.6, coefficients d1..d7 of the DOPRI5 code), so output at grid
 *   times costs no extra right-hand-side evaluations.
 *
 * All work vectors are allocated once, in createDormandPrince; the step loop allocates nothing.
 */

import {
  type Integrator,
  type OutputCallback,
  type RightHandSide,
  SolverError,
  type SolverOptions,
  type SolverStatistics,
  StiffnessDetected,
} from './types';

export const DEFAULT_SOLVER_OPTIONS: Readonly<SolverOptions> = Object.freeze({
  rtol: 1e-6,
  atol: 1e-9,
  maxStep: Number.POSITIVE_INFINITY,
  maxSteps: 100_000,
  carryStepSize: false,
  detectStiffness: false,
});

// Nodes c_i and coefficients a_ij (HNW I, Table 5.2).
const C2 = 1 / 5;
const C3 = 3 / 10;
const C4 = 4 / 5;
const C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40;
const A32 = 9 / 40;
const A41 = 44 / 45;
const A42 = -56 / 15;
const A43 = 32 / 9;
const A51 = 19372 / 6561;
const A52 = -25360 / 2187;
const A53 = 64448 / 6561;
const A54 = -212 / 729;
const A61 = 9017 / 3168;
const A62 = -355 / 33;
const A63 = 46732 / 5247;
const A64 = 49 / 176;
const A65 = -5103 / 18656;
// 5th-order weights b_i (= a_7i; b2 = b7 = 0)
const A71 = 35 / 384;
const A73 = 500 / 1113;
const A74 = 125 / 192;
const A75 = -2187 / 6784;
const A76 = 11 / 84;
// error coefficients e_i = b_i - b̂_i (e2 = 0)
const E1 = 71 / 57600;
const E3 = -71 / 16695;
const E4 = 71 / 1920;
const E5 = -17253 / 339200;
const E6 = 22 / 525;
const E7 = -1 / 40;
// dense output (continuous extension of order 4; d2 = 0)
const D1 = -12715105075 / 11282082432;
const D3 = 87487479700 / 32700410799;
const D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632;
const D6 = -1453857185 / 822651844;
const D7 = 69997945 / 29380423;

// step-size control
const SAFETY = 0.9;
const BETA = 0.04;
/** exponent of err in the PI controller: 1/5 - 0.75·β */
const EXPO1 = 0.2 - BETA * 0.75;
/** h_new ≥ FACMIN·h */
const FACMIN = 0.2;
/** h_new ≤ FACMAX·h */
const FACMAX = 10;
/** step shrink factor after a non-finite candidate or error estimate */
const NONFINITE_SHRINK = 0.25;
const EPS = Number.EPSILON;
// slots of an integrator's `carried` array (see createDormandPrince)
const CARRIED_FROM = 0;
const CARRIED_STEP = 1;

// stiffness detection (HNW II, §IV.2, and the DOPRI5 code's NSTIFF, IASTI, NONSTI)
/** the test runs every this many accepted steps of a call (the DOPRI5 code's default NSTIFF) */
export const STIFFNESS_CHECK_STEPS = 1000;
/** h·|λ| above this: the step is at the boundary of the stability region (3.3 on the negative real axis) */
const STIFF_H_LAMBDA = 3.25;
/** this many tests in a row above it: stiff */
const STIFF_STEPS = 15;
/** this many tests in a row below it reset the count */
const NONSTIFF_STEPS = 6;

/**
 * Hairer's starting step size (HNW I, §II.4). Uses k1 = f(t0, y0); costs one evaluation (into k2, with ystage as
 * scratch). A module-level function, not a closure of each integrator: integrate's optimised code is shared by every
 * integrator made here, and a call to a per-integrator closure deoptimised it each time another integrator (a new
 * trial block, a new tolerance) called its own ("wrong call target"; seen under the TypeScript loader, not in the
 * bundled code: docs/performance.md).
 */
function initialStep(
  f: RightHandSide,
  t0: number,
  y0: Float64Array,
  k1: Float64Array,
  hmax: number,
  n: number,
  atol: Float64Array,
  rtol: number,
  k2: Float64Array,
  ystage: Float64Array,
): number {
  let d0 = 0;
  let d1 = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol[i] + rtol * Math.abs(y0[i]);
    const a = y0[i] / sk;
    const b = k1[i] / sk;
    d0 += a * a;
    d1 += b * b;
  }
  d0 = Math.sqrt(d0 / n);
  d1 = Math.sqrt(d1 / n);
  let h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * (d0 / d1);
  if (h0 > hmax) h0 = hmax;
  // one explicit Euler step, then estimate the second derivative
  for (let i = 0; i < n; i++) ystage[i] = y0[i] + h0 * k1[i];
  f(t0 + h0, ystage, k2);
  let d2 = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol[i] + rtol * Math.abs(y0[i]);
    const a = (k2[i] - k1[i]) / sk;
    d2 += a * a;
  }
  d2 = Math.sqrt(d2 / n) / h0;
  // a non-finite trial derivative: start small and let the step loop shrink further if needed
  if (!Number.isFinite(d2)) return h0 * 1e-2;
  const dmax = d1 > d2 ? d1 : d2;
  const h1 = dmax <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : (0.01 / dmax) ** (1 / 5);
  let h = 100 * h0 < h1 ? 100 * h0 : h1;
  if (h > hmax) h = hmax;
  return h;
}

/**
 * A call stopped by its callback at output time g, in a step of size h that the controller accepted: with
 * carryStepSize, a call that starts at g tries the step the controller proposed after it (h / fac, bounded as after any
 * accepted step) instead of estimating one; written into the integrator's `carried`. Not the first-same-as-last stage:
 * y(g) is an interpolant. A function of the module, not of each integrator: integrate's compiled code calls one target
 * whichever integrator runs it (a new integrator per trial block made a new closure, a new call target, and a
 * deoptimisation of integrate in every fresh worker).
 */
function stoppedAt(
  carried: Float64Array,
  maxStep: number,
  g: number,
  proposed: number,
  h: number,
  rejectedLast: boolean,
): void {
  let hnew = proposed > maxStep ? maxStep : proposed;
  if (rejectedLast && hnew > h) hnew = h;
  carried[CARRIED_STEP] = hnew;
  carried[CARRIED_FROM] = g;
}

/**
 * Creates a DOPRI5 integrator for systems of dimension `n`. Options default to DEFAULT_SOLVER_OPTIONS
 * (rtol 1e-6, atol 1e-9, maxStep ∞, maxSteps 100000). Statistics: every call to integrate costs
 * 2 + 6·(accepted + rejected steps) right-hand-side evaluations (1 at t0, 1 for the initial step estimate,
 * 6 per attempted step thanks to FSAL); a call with t1 === t0 costs none.
 *
 * Failure handling in integrate: a step whose candidate or error estimate is not finite is rejected and retried
 * with h/4; SolverError is thrown when h ≤ 16·eps·max(|t0|, |t1|) (step-size underflow), when maxSteps attempted
 * steps are exceeded in one call, or when the initial state or f(t0, y0) is not finite. t1 === t0 is allowed (only
 * grid points equal to t0 are output, and only with includeEnd); t1 < t0 is a RangeError.
 */
export function createDormandPrince(n: number, options: Partial<SolverOptions> = {}): Integrator {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`system dimension must be a positive integer, got ${n}`);
  const rtol = options.rtol ?? DEFAULT_SOLVER_OPTIONS.rtol;
  const atolOpt = options.atol ?? DEFAULT_SOLVER_OPTIONS.atol;
  const maxStep = options.maxStep ?? DEFAULT_SOLVER_OPTIONS.maxStep;
  const maxSteps = options.maxSteps ?? DEFAULT_SOLVER_OPTIONS.maxSteps;
  const carryStepSize = options.carryStepSize ?? DEFAULT_SOLVER_OPTIONS.carryStepSize;
  let detectStiffness = options.detectStiffness ?? DEFAULT_SOLVER_OPTIONS.detectStiffness;
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

  // Workspaces. Within integrate, k1/k7 and y/ynew are swapped by reference after each accepted step (FSAL).
  const wk1 = new Float64Array(n);
  const wK2 = new Float64Array(n);
  const wK3 = new Float64Array(n);
  const wK4 = new Float64Array(n);
  const wK5 = new Float64Array(n);
  const wK6 = new Float64Array(n);
  const wk7 = new Float64Array(n);
  const wy = new Float64Array(n);
  const wynew = new Float64Array(n);
  const wYstage = new Float64Array(n);
  const wYout = new Float64Array(n);
  // the first five terms of the error estimate, summed while the 5th-order solution is formed (k7 comes after)
  const wErrPart = new Float64Array(n);
  // dense-output coefficients of the last accepted step (r1 = y at its start)
  const wR2 = new Float64Array(n);
  const wR3 = new Float64Array(n);
  const wR4 = new Float64Array(n);
  const wR5 = new Float64Array(n);

  const statistics: SolverStatistics = { rhsEvaluations: 0, acceptedSteps: 0, rejectedSteps: 0 };
  // What a call leaves for the next, in a typed array (a number variable of this closure that integrate changes is
  // kept boxed: every change would allocate a heap number): CARRIED_FROM, where the last call ended, and CARRIED_STEP,
  // the step size proposed there (carryStepSize; 0: none).
  const carried = Float64Array.of(Number.NaN, 0);

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
    // local references (k1/k7 and y/ynew swapped on acceptance) keep the hot loops free of closure-variable loads
    const stiffnessTest = detectStiffness;
    const k2 = wK2;
    const k3 = wK3;
    const k4 = wK4;
    const k5 = wK5;
    const k6 = wK6;
    const ystage = wYstage;
    const yout = wYout;
    const errPart = wErrPart;
    const r2 = wR2;
    const r3 = wR3;
    const r4 = wR4;
    const r5 = wR5;

    const gridLength = grid.length;
    let k = from;
    // grid points before t0 are skipped without output
    while (k < gridLength && grid[k] < t0) k++;
    // grid points at t0 (if t0 is an output time at all): the initial state, exactly
    while (k < gridLength && grid[k] === t0 && (t0 < t1 || includeEnd)) {
      yout.set(y);
      if (onOutput(k, t0, yout) === true) return k + 1;
      k++;
    }
    if (t1 === t0) return k;

    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(y[i])) throw new SolverError(`non-finite initial state y[${i}] = ${y[i]}`, t0);
    }
    let k1 = wk1;
    let k7 = wk7;
    let ycur = wy;
    let ynew = wynew;
    ycur.set(y);
    f(t0, ycur, k1);
    statistics.rhsEvaluations++;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(k1[i])) throw new SolverError(`non-finite derivative dy[${i}] = ${k1[i]} at t0`, t0);
    }

    const span = t1 - t0;
    const hmax = maxStep < span ? maxStep : span;
    let h: number;
    const carriedStep = carried[CARRIED_STEP];
    if (carryStepSize && t0 === carried[CARRIED_FROM] && carriedStep > 0) {
      h = carriedStep < hmax ? carriedStep : hmax;
    } else {
      h = initialStep(f, t0, ycur, k1, hmax, n, atol, rtol, k2, ystage);
      statistics.rhsEvaluations++;
    }
    carried[CARRIED_FROM] = Number.NaN;
    // underflow: a step below 16 ulps of the largest |t| on the interval cannot advance t meaningfully
    const tScale = Math.abs(t0) > Math.abs(t1) ? Math.abs(t0) : Math.abs(t1);
    const hmin = 16 * EPS * tScale;

    let t = t0;
    let facold = 1e-4;
    let rejectedLast = false;
    let steps = 0;
    // stiffness detection: accepted steps of this call, tests in a row above / below the boundary
    let accepted = 0;
    let stiffInRow = 0;
    let nonstiffInRow = 0;

    for (;;) {
      if (steps >= maxSteps) {
        throw new SolverError(`maximum number of steps (${maxSteps}) exceeded at t = ${t}`, t);
      }
      if (!(h > hmin)) {
        throw new SolverError(`step size underflow (h = ${h}) at t = ${t}`, t);
      }
      let last = false;
      // the step the controller proposed, before it is cut to end at t1
      const hProposed = h;
      if (t + 1.01 * h >= t1) {
        h = t1 - t;
        last = true;
      }
      steps++;

      // stages 2..7
      // h * A21 * k1[i] is (h * A21) * k1[i]: the product taken out of the loop is the same number
      const hA21 = h * A21;
      for (let i = 0; i < n; i++) ystage[i] = ycur[i] + hA21 * k1[i];
      f(t + C2 * h, ystage, k2);
      for (let i = 0; i < n; i++) ystage[i] = ycur[i] + h * (A31 * k1[i] + A32 * k2[i]);
      f(t + C3 * h, ystage, k3);
      for (let i = 0; i < n; i++) ystage[i] = ycur[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
      f(t + C4 * h, ystage, k4);
      for (let i = 0; i < n; i++) {
        ystage[i] = ycur[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
      }
      f(t + C5 * h, ystage, k5);
      for (let i = 0; i < n; i++) {
        ystage[i] = ycur[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
      }
      const tnew = last ? t1 : t + h;
      f(tnew, ystage, k6);
      for (let i = 0; i < n; i++) {
        const a1 = k1[i];
        const a3 = k3[i];
        const a4 = k4[i];
        const a5 = k5[i];
        const a6 = k6[i];
        ynew[i] = ycur[i] + h * (A71 * a1 + A73 * a3 + A74 * a4 + A75 * a5 + A76 * a6);
        errPart[i] = E1 * a1 + E3 * a3 + E4 * a4 + E5 * a5 + E6 * a6;
      }
      f(tnew, ynew, k7);
      statistics.rhsEvaluations += 6;

      // error estimate; `finite` turns NaN if any ynew_i is ±Infinity or NaN
      let err = 0;
      let finite = 0;
      for (let i = 0; i < n; i++) {
        const yi = ycur[i];
        const yn = ynew[i];
        // Math.abs, not `yi < 0 ? -yi : yi`: a negation that only a negative component reaches had no type feedback
        // when the loop was first compiled, and deoptimised it (and a recompile) in every fresh worker. The same sk:
        // the two differ only at -0, where max(|yi|, |yn|) is a zero of either sign and atol + rtol * (±0) is atol.
        const ayi = Math.abs(yi);
        const ayn = Math.abs(yn);
        const sk = atol[i] + rtol * (ayi > ayn ? ayi : ayn);
        // the same terms, in the same order, as h * (E1 k1 + E3 k3 + E4 k4 + E5 k5 + E6 k6 + E7 k7)
        const e = (h * (errPart[i] + E7 * k7[i])) / sk;
        err += e * e;
        finite += yn - yn;
      }
      err = Math.sqrt(err / n);

      if (finite !== 0 || !(err < Number.POSITIVE_INFINITY)) {
        // non-finite candidate or error estimate: shrink hard and retry
        statistics.rejectedSteps++;
        rejectedLast = true;
        h *= NONFINITE_SHRINK;
        continue;
      }

      // PI controller (HNW I, §IV.2 / the DOPRI5 code): fac = err^(1/5 - 0.75β) / errold^β
      const fac11 = err ** EXPO1;

      if (err <= 1) {
        statistics.acceptedSteps++;
        // new step size from this error and the previous accepted one, fac = h/hnew
        let fac = fac11 / facold ** BETA / SAFETY;
        if (fac > 1 / FACMIN) fac = 1 / FACMIN;
        else if (fac < 1 / FACMAX) fac = 1 / FACMAX;
        facold = err > 1e-4 ? err : 1e-4;

        // stiffness test (only read, nothing of the step changes): h·|λ| ≈ h ‖k7 − k6‖ / ‖ynew − ystage‖, both
        // stages at tnew (ystage still holds the 6th stage's state)
        let stiff = false;
        if (stiffnessTest) {
          accepted++;
          if (accepted % STIFFNESS_CHECK_STEPS === 0 || stiffInRow > 0) {
            let num = 0;
            let den = 0;
            for (let i = 0; i < n; i++) {
              const a = k7[i] - k6[i];
              const b = ynew[i] - ystage[i];
              num += a * a;
              den += b * b;
            }
            if (den > 0 && h * Math.sqrt(num / den) > STIFF_H_LAMBDA) {
              nonstiffInRow = 0;
              stiffInRow++;
              stiff = stiffInRow >= STIFF_STEPS;
            } else {
              nonstiffInRow++;
              if (nonstiffInRow >= NONSTIFF_STEPS) stiffInRow = 0;
            }
          }
        }

        // dense output at grid points in (t, tnew]
        if (k < gridLength) {
          let g = grid[k];
          if (g < tnew || (g === tnew && (!last || includeEnd))) {
            const g2 = k + 1 < gridLength ? grid[k + 1] : Number.POSITIVE_INFINITY;
            if (!(g2 < tnew || (g2 === tnew && (!last || includeEnd)))) {
              // one output in this step (the explorer's daily grid, mostly): the interpolant evaluated at once, from
              // the same coefficients in the same order as below (bit-identical), without storing them
              if (g === tnew) {
                yout.set(ynew);
              } else {
                const theta = (g - t) / h;
                const theta1 = 1 - theta;
                for (let i = 0; i < n; i++) {
                  const y0 = ycur[i];
                  const ydiff = ynew[i] - y0;
                  const bspl = h * k1[i] - ydiff;
                  const c4 = ydiff - h * k7[i] - bspl;
                  const c5 = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
                  yout[i] = y0 + theta * (ydiff + theta1 * (bspl + theta * (c4 + theta1 * c5)));
                }
              }
              if (onOutput(k, g, yout) === true) {
                stoppedAt(carried, maxStep, g, h / fac, h, rejectedLast);
                y.set(yout);
                return k + 1;
              }
              k++;
            } else {
              // dense-output coefficients of this step (HNW I, §II.6; as in the DOPRI5 code; r1 = y(t) is ycur)
              for (let i = 0; i < n; i++) {
                const y0 = ycur[i];
                const ydiff = ynew[i] - y0;
                const bspl = h * k1[i] - ydiff;
                r2[i] = ydiff;
                r3[i] = bspl;
                r4[i] = ydiff - h * k7[i] - bspl;
                r5[i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
              }
              do {
                if (g === tnew) {
                  yout.set(ynew);
                } else {
                  const theta = (g - t) / h;
                  const theta1 = 1 - theta;
                  for (let i = 0; i < n; i++) {
                    yout[i] = ycur[i] + theta * (r2[i] + theta1 * (r3[i] + theta * (r4[i] + theta1 * r5[i])));
                  }
                }
                if (onOutput(k, g, yout) === true) {
                  // stopped by the caller at this output: y(g) is its state
                  stoppedAt(carried, maxStep, g, h / fac, h, rejectedLast);
                  y.set(yout);
                  return k + 1;
                }
                k++;
                if (k >= gridLength) break;
                g = grid[k];
              } while (g < tnew || (g === tnew && (!last || includeEnd)));
            }
          }
        }

        // FSAL: k7 = f(tnew, ynew) becomes k1 of the next step
        const kt = k1;
        k1 = k7;
        k7 = kt;
        const yt = ycur;
        ycur = ynew;
        ynew = yt;
        t = tnew;

        let hnew = h / fac;
        if (hnew > maxStep) hnew = maxStep;
        if (rejectedLast && hnew > h) hnew = h;
        rejectedLast = false;
        if (stiff) {
          // stiff from here: the state at t (this step's outputs given) goes back to the caller
          y.set(ycur);
          throw new StiffnessDetected(t, k);
        }
        if (last) {
          // the step the controller proposes after the last one (the last is often cut short to end at t1: then
          // the one it cut is proposed, since the error allowed it)
          carried[CARRIED_STEP] = hnew > hProposed ? hnew : hProposed;
          carried[CARRIED_FROM] = t1;
          break;
        }
        h = hnew;
      } else {
        statistics.rejectedSteps++;
        rejectedLast = true;
        const shrink = fac11 / SAFETY;
        h /= shrink < 1 / FACMIN ? shrink : 1 / FACMIN;
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
    get detectStiffness() {
      return detectStiffness;
    },
    set detectStiffness(on: boolean) {
      detectStiffness = on;
    },
    integrate,
  };
}
