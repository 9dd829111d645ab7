/**
 * Validation of the Dormand–Prince 5(4) integrator against problems with known solutions.
 *
 * References:
 * - [HNW] E. Hairer, S.P. Nørsett, G. Wanner, Solving Ordinary Differential Equations I, 2nd ed., Springer 1993.
 * - [DETEST] T.E. Hull, W.H. Enright, B.M. Fellen, A.E. Sedgwick, "Comparing numerical methods for ordinary
 *   differential equations", SIAM J. Numer. Anal. 9 (1972) 603–637.
 */
import { describe, expect, it } from 'vitest';
import { createDormandPrince, type RightHandSide, SolverError, type SolverOptions } from '../../src/solver';

const NO_GRID = new Float64Array(0);
const ignore = (): void => {};

interface Run {
  y: Float64Array;
  accepted: number;
  rejected: number;
  evaluations: number;
}

function solve(f: RightHandSide, t0: number, t1: number, y0: ArrayLike<number>, options: Partial<SolverOptions>): Run {
  const integrator = createDormandPrince(y0.length, options);
  const y = Float64Array.from(y0);
  integrator.integrate(f, t0, t1, y, NO_GRID, 0, ignore, false);
  const s = integrator.statistics;
  return { y, accepted: s.acceptedSteps, rejected: s.rejectedSteps, evaluations: s.rhsEvaluations };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/**
 * Tightening the tolerance 100x must reduce the global error, and the error must fall with the number of steps N
 * like N^-5 (observed order log(e1/e2) / log(N2/N1) close to 5).
 */
function expectFifthOrder(
  f: RightHandSide,
  t0: number,
  t1: number,
  y0: ArrayLike<number>,
  exact: ArrayLike<number>,
  rtol: number,
  atolFactor = 1e-3,
): void {
  const coarse = solve(f, t0, t1, y0, { rtol, atol: rtol * atolFactor });
  const fine = solve(f, t0, t1, y0, { rtol: rtol / 100, atol: (rtol / 100) * atolFactor });
  const e1 = maxAbsDiff(coarse.y, exact);
  const e2 = maxAbsDiff(fine.y, exact);
  expect(e2).toBeLessThan(e1 / 10);
  const order = Math.log(e1 / e2) / Math.log(fine.accepted / coarse.accepted);
  expect(order).toBeGreaterThan(4);
  expect(order).toBeLessThan(6.5);
}

// --- problems -----------------------------------------------------------------------------------------------------

const decay: RightHandSide = (_t, y, dy) => {
  dy[0] = -y[0];
};

const LOGISTIC_R = 0.8;
const LOGISTIC_K = 50;
const logistic: RightHandSide = (_t, y, dy) => {
  dy[0] = LOGISTIC_R * y[0] * (1 - y[0] / LOGISTIC_K);
};
const logisticExact = (t: number, y0: number): number =>
  LOGISTIC_K / (1 + (LOGISTIC_K / y0 - 1) * Math.exp(-LOGISTIC_R * t));

const oscillator: RightHandSide = (_t, y, dy) => {
  dy[0] = y[1];
  dy[1] = -y[0];
};

// Arenstorf orbit [HNW] §II.0, eq. (0.1): restricted three-body problem, periodic solution.
const MU = 0.012277471;
const MU1 = 1 - MU;
const arenstorf: RightHandSide = (_t, y, dy) => {
  const y1 = y[0];
  const y2 = y[1];
  const a = y1 + MU;
  const b = y1 - MU1;
  const q = y2 * y2;
  const r1 = a * a + q;
  const r2 = b * b + q;
  const d1 = r1 * Math.sqrt(r1);
  const d2 = r2 * Math.sqrt(r2);
  dy[0] = y[2];
  dy[1] = y[3];
  dy[2] = y1 + 2 * y[3] - (MU1 * a) / d1 - (MU * b) / d2;
  dy[3] = y2 - 2 * y[2] - (MU1 * y2) / d1 - (MU * y2) / d2;
};
// y2'(0) = -2.00158510637908252240537862224 and T = 17.0652165601579625588917206249 ([HNW] §II.0), as doubles
const ARENSTORF_Y0 = [0.994, 0, 0, -2.0015851063790824];
const ARENSTORF_T = 17.065216560157964;

// Kepler two-body problem in the plane, unit mass and gravitational parameter: q'' = -q/|q|^3.
const kepler: RightHandSide = (_t, y, dy) => {
  const r2 = y[0] * y[0] + y[1] * y[1];
  const r3 = r2 * Math.sqrt(r2);
  dy[0] = y[2];
  dy[1] = y[3];
  dy[2] = -y[0] / r3;
  dy[3] = -y[1] / r3;
};
/** start at pericentre: q = (1 - e, 0), p = (0, sqrt((1 + e)/(1 - e))); period 2π, energy -1/2, L = sqrt(1 - e²) */
const keplerStart = (e: number): number[] => [1 - e, 0, 0, Math.sqrt((1 + e) / (1 - e))];
/** exact solution through Kepler's equation u - e sin u = t (Newton iteration) */
function keplerExact(e: number, t: number): number[] {
  let u = t;
  for (let i = 0; i < 50; i++) {
    const du = (u - e * Math.sin(u) - t) / (1 - e * Math.cos(u));
    u -= du;
    if (Math.abs(du) < 1e-16) break;
  }
  const c = Math.cos(u);
  const s = Math.sin(u);
  const w = Math.sqrt(1 - e * e);
  const d = 1 - e * c;
  return [c - e, w * s, -s / d, (w * c) / d];
}
const keplerEnergy = (y: ArrayLike<number>): number =>
  0.5 * (y[2] * y[2] + y[3] * y[3]) - 1 / Math.sqrt(y[0] * y[0] + y[1] * y[1]);
const keplerMomentum = (y: ArrayLike<number>): number => y[0] * y[3] - y[1] * y[2];

// --- tests ---------------------------------------------------------------------------------------------------------

describe('DOPRI5 against problems with known solutions', () => {
  it("exponential decay y' = -y, y(0) = 1 on [0, 10] (analytic e^-t)", () => {
    const exact = [Math.exp(-10)];
    const run = solve(decay, 0, 10, [1], { rtol: 1e-6, atol: 1e-9 });
    // relative global error a few times rtol (it accumulates linearly with t; measured 4.6e-6)
    expect(Math.abs(run.y[0] - exact[0]) / exact[0]).toBeLessThan(1e-5);
    expectFifthOrder(decay, 0, 10, [1], exact, 1e-5);
  });

  it("logistic growth y' = r y (1 - y/K) (analytic K / (1 + (K/y0 - 1) e^-rt))", () => {
    const y0 = 0.05;
    const exact = [logisticExact(20, y0)];
    const run = solve(logistic, 0, 20, [y0], { rtol: 1e-6, atol: 1e-9 });
    const relative = Math.abs(run.y[0] - exact[0]) / exact[0];
    expect(relative).toBeLessThan(1e-6);
    // also along the way: the sigmoid's steep middle
    const mid = solve(logistic, 0, 8.6, [y0], { rtol: 1e-6, atol: 1e-9 });
    expect(Math.abs(mid.y[0] - logisticExact(8.6, y0)) / logisticExact(8.6, y0)).toBeLessThan(1e-5);
    expectFifthOrder(logistic, 0, 20, [y0], exact, 1e-5);
  });

  it("harmonic oscillator y'' = -y over 100 periods (analytic sin, cos)", () => {
    const t1 = 200 * Math.PI;
    const exact = [Math.sin(t1), Math.cos(t1)];
    // the global error grows linearly with time on a periodic orbit: about 56·rtol after 100 periods
    const run = solve(oscillator, 0, t1, [0, 1], { rtol: 1e-8, atol: 1e-11 });
    expect(maxAbsDiff(run.y, exact)).toBeLessThan(2e-6);
    const tight = solve(oscillator, 0, t1, [0, 1], { rtol: 1e-10, atol: 1e-13 });
    expect(maxAbsDiff(tight.y, exact)).toBeLessThan(2e-8);
    // amplitude (energy) drift over 100 periods
    expect(Math.abs(Math.hypot(tight.y[0], tight.y[1]) - 1)).toBeLessThan(1e-7);
    expectFifthOrder(oscillator, 0, t1, [0, 1], exact, 1e-6);
  });

  it('Arenstorf orbit, HNW I §II.0 eq. (0.1): returns to its initial state after one period T at rtol 1e-10', () => {
    const run = solve(arenstorf, 0, ARENSTORF_T, ARENSTORF_Y0, { rtol: 1e-10, atol: 1e-10 });
    // a very sensitive orbit (close approaches to the moon): Hairer's own DOPRI5 code gives 2.4e-6 here
    expect(maxAbsDiff(run.y, ARENSTORF_Y0)).toBeLessThan(1e-5);
    // about 850 steps at this tolerance, none or few rejected
    expect(run.accepted).toBeGreaterThan(700);
    expect(run.accepted).toBeLessThan(1000);
    expectFifthOrder(arenstorf, 0, ARENSTORF_T, ARENSTORF_Y0, ARENSTORF_Y0, 1e-9, 1);
  });

  it('Kepler two-body problem, eccentricity 0.5 (DETEST D3): one period returns to start; energy and angular momentum conserved', () => {
    const e = 0.5;
    const y0 = keplerStart(e);
    const tol = 1e-10;
    const run = solve(kepler, 0, 2 * Math.PI, y0, { rtol: tol, atol: tol });
    expect(maxAbsDiff(run.y, y0)).toBeLessThan(1e3 * tol);
    expect(Math.abs(keplerEnergy(run.y) - -0.5)).toBeLessThan(10 * tol);
    expect(Math.abs(keplerMomentum(run.y) - Math.sqrt(1 - e * e))).toBeLessThan(10 * tol);
    // DETEST D3 itself: t in [0, 20], checked against Kepler's equation
    const d3 = solve(kepler, 0, 20, y0, { rtol: 1e-8, atol: 1e-8 });
    expect(maxAbsDiff(d3.y, keplerExact(e, 20))).toBeLessThan(1e-5);
    expectFifthOrder(kepler, 0, 20, y0, keplerExact(e, 20), 1e-7, 1);
  });

  it('DETEST D1–D5 (Kepler orbits, e = 0.1 … 0.9, t = 20) at rtol = atol = 1e-9', () => {
    for (const e of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      const run = solve(kepler, 0, 20, keplerStart(e), { rtol: 1e-9, atol: 1e-9 });
      expect(maxAbsDiff(run.y, keplerExact(e, 20))).toBeLessThan(1e-6);
    }
  });

  it("DETEST A1: y' = -y, y(0) = 1 on [0, 20] (e^-t)", () => {
    const run = solve(decay, 0, 20, [1], { rtol: 1e-8, atol: 1e-8 });
    expect(Math.abs(run.y[0] - Math.exp(-20))).toBeLessThan(1e-8);
  });

  it("DETEST A2: y' = -y³/2, y(0) = 1 on [0, 20] (1/sqrt(1 + t))", () => {
    const f: RightHandSide = (_t, y, dy) => {
      dy[0] = -0.5 * y[0] * y[0] * y[0];
    };
    const run = solve(f, 0, 20, [1], { rtol: 1e-8, atol: 1e-8 });
    expect(Math.abs(run.y[0] - 1 / Math.sqrt(21))).toBeLessThan(1e-8);
  });

  it("DETEST A3: y' = y cos t, y(0) = 1 on [0, 20] (e^sin t)", () => {
    const f: RightHandSide = (t, y, dy) => {
      dy[0] = y[0] * Math.cos(t);
    };
    const run = solve(f, 0, 20, [1], { rtol: 1e-8, atol: 1e-8 });
    expect(Math.abs(run.y[0] - Math.exp(Math.sin(20)))).toBeLessThan(3e-7);
  });

  it("DETEST A4: y' = y/4 (1 - y/20), y(0) = 1 on [0, 20] (20 / (1 + 19 e^(-t/4)))", () => {
    const f: RightHandSide = (_t, y, dy) => {
      dy[0] = 0.25 * y[0] * (1 - y[0] / 20);
    };
    const run = solve(f, 0, 20, [1], { rtol: 1e-8, atol: 1e-8 });
    expect(Math.abs(run.y[0] - 20 / (1 + 19 * Math.exp(-5))) / 20).toBeLessThan(1e-7);
  });

  it("DETEST C1: linear chain y1' = -y1, yi' = y(i-1) - yi (i = 2..9), y10' = y9 on [0, 20]", () => {
    const f: RightHandSide = (_t, y, dy) => {
      dy[0] = -y[0];
      for (let i = 1; i < 9; i++) dy[i] = y[i - 1] - y[i];
      dy[9] = y[8];
    };
    const t = 20;
    // y_i(t) = t^(i-1) e^-t / (i-1)!, i = 1..9; y10 = 1 - sum (mass conservation)
    const exact: number[] = [];
    let term = Math.exp(-t);
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      exact.push(term);
      sum += term;
      term *= t / (i + 1);
    }
    exact.push(1 - sum);
    const y0 = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const run = solve(f, 0, t, y0, { rtol: 1e-8, atol: 1e-8 });
    expect(maxAbsDiff(run.y, exact)).toBeLessThan(1e-7);
    let total = 0;
    for (let i = 0; i < 10; i++) total += run.y[i];
    expect(Math.abs(total - 1)).toBeLessThan(1e-12);
  });
});

describe('DOPRI5 dense output and grid semantics (as documented in src/solver/types.ts)', () => {
  it('oscillator on a fine grid: dense-output values between steps match sin/cos to ~tolerance, at no extra cost', () => {
    const t1 = 20;
    const grid = new Float64Array(2001);
    for (let k = 0; k < grid.length; k++) grid[k] = k * 0.01;
    const integrator = createDormandPrince(2, { rtol: 1e-8, atol: 1e-10 });
    const y = Float64Array.from([0, 1]);
    let worst = 0;
    let calls = 0;
    const next = integrator.integrate(
      oscillator,
      0,
      t1,
      y,
      grid,
      0,
      (k, t, yk) => {
        expect(t).toBe(grid[k]);
        expect(k).toBe(calls);
        calls++;
        worst = Math.max(worst, Math.abs(yk[0] - Math.sin(t)), Math.abs(yk[1] - Math.cos(t)));
      },
      true,
    );
    expect(calls).toBe(2001);
    expect(next).toBe(2001);
    // 4th-order interpolant: error of the order of the tolerance, not of the step size
    expect(worst).toBeLessThan(1e-6);
    // dense output costs no right-hand-side evaluations: same work as without a grid
    const plain = solve(oscillator, 0, t1, [0, 1], { rtol: 1e-8, atol: 1e-10 });
    expect(integrator.statistics.rhsEvaluations).toBe(plain.evaluations);
    expect(integrator.statistics.acceptedSteps).toBe(plain.accepted);
    expect(Array.from(y)).toEqual(Array.from(plain.y));
  });

  it('grid[k] >= t0 and < t1 (or <= t1 with includeEnd); points before t0 are skipped; returns the next index', () => {
    const grid = Float64Array.from([-1, 0, 0.5, 1, 1.5, 2, 2.5, 3]);
    const integrator = createDormandPrince(1, { rtol: 1e-10, atol: 1e-12 });
    const seen: number[] = [];
    const values: number[] = [];
    const record = (k: number, t: number, yk: Float64Array): void => {
      seen.push(k);
      expect(t).toBe(grid[k]);
      values.push(yk[0]);
    };
    const y = Float64Array.from([1]);
    // [0, 1): 0 and 0.5 (t1 = 1 excluded); -1 skipped
    let next = integrator.integrate(decay, 0, 1, y, grid, 0, record, false);
    expect(seen).toEqual([1, 2]);
    expect(next).toBe(3);
    // [1, 2.2): the point at t0 = 1 comes from the initial state exactly, then 1.5 and 2
    next = integrator.integrate(decay, 1, 2.2, y, grid, next, record, false);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(next).toBe(6);
    // [2.2, 3] with includeEnd: 2.5 and 3
    next = integrator.integrate(decay, 2.2, 3, y, grid, next, record, true);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(next).toBe(8);
    expect(values[0]).toBe(1);
    for (let j = 0; j < seen.length; j++) {
      expect(Math.abs(values[j] - Math.exp(-grid[seen[j]]))).toBeLessThan(1e-9);
    }
    // the final state is y(t1) itself, and the value output at t1 equals it exactly
    expect(values[values.length - 1]).toBe(y[0]);
  });

  it('t1 as a grid point without includeEnd is left for the next call; grid points beyond t1 are not output', () => {
    const grid = Float64Array.from([0, 1, 2, 5]);
    const integrator = createDormandPrince(1);
    const seen: number[] = [];
    const y = Float64Array.from([1]);
    const next = integrator.integrate(decay, 0, 1, y, grid, 0, (k) => seen.push(k), false);
    expect(seen).toEqual([0]);
    expect(next).toBe(1);
    const next2 = integrator.integrate(decay, 1, 3, y, grid, next, (k) => seen.push(k), true);
    expect(seen).toEqual([0, 1, 2]);
    expect(next2).toBe(3);
  });
});

describe('DOPRI5 restarts at discontinuities', () => {
  it("y' = -k y with a jump added to y at each of t = 1..9 (daily doses) equals the analytic piecewise solution", () => {
    const rate = 0.3;
    const dose = 1;
    const f: RightHandSide = (_t, y, dy) => {
      dy[0] = -rate * y[0];
    };
    const grid = new Float64Array(101);
    for (let k = 0; k < grid.length; k++) grid[k] = k * 0.1;
    // exact: y(t) = e^(-rate t) + sum over doses at j <= t of dose e^(-rate (t - j)) (dose added at t = j itself)
    const exact = (t: number): number => {
      let v = Math.exp(-rate * t);
      for (let j = 1; j <= 9; j++) if (j <= t) v += dose * Math.exp(-rate * (t - j));
      return v;
    };
    const integrator = createDormandPrince(1, { rtol: 1e-8, atol: 1e-12 });
    const y = Float64Array.from([1]);
    let next = 0;
    let worst = 0;
    let outputs = 0;
    const record = (_k: number, t: number, yk: Float64Array): void => {
      outputs++;
      worst = Math.max(worst, Math.abs(yk[0] - exact(t)) / exact(t));
    };
    for (let day = 0; day < 10; day++) {
      if (day > 0) y[0] += dose;
      next = integrator.integrate(f, day, day + 1, y, grid, next, record, day === 9);
    }
    expect(outputs).toBe(101);
    expect(next).toBe(101);
    expect(worst).toBeLessThan(1e-7);
    expect(Math.abs(y[0] - exact(10)) / exact(10)).toBeLessThan(1e-7);
    // each call starts afresh: 2 evaluations (f at t0, initial-step estimate) + 6 per attempted step
    const s = integrator.statistics;
    expect(s.rhsEvaluations).toBe(10 * 2 + 6 * (s.acceptedSteps + s.rejectedSteps));
  });
});

describe('DOPRI5 carrying the step size over breakpoints (carryStepSize)', () => {
  // y' = -k y + forcing that jumps at each day (a dose changes the right-hand side), solved day by day
  const rate = 0.3;
  const forcing = (day: number): number => 1 + 0.5 * (day % 3);
  const exactDaily = (days: number): number => {
    let v = 1;
    for (let d = 0; d < days; d++) {
      const plateau = forcing(d) / rate;
      v = plateau + (v - plateau) * Math.exp(-rate);
    }
    return v;
  };
  const run = (carryStepSize: boolean) => {
    const integrator = createDormandPrince(1, { rtol: 1e-8, atol: 1e-12, carryStepSize });
    const y = Float64Array.from([1]);
    let day = 0;
    const f: RightHandSide = (_t, yy, dy) => {
      dy[0] = forcing(day) - rate * yy[0];
    };
    for (day = 0; day < 30; day++) integrator.integrate(f, day, day + 1, y, NO_GRID, 0, ignore, false);
    return { y: y[0], evaluations: integrator.statistics.rhsEvaluations, calls: 30, s: integrator.statistics };
  };

  it('gives the analytic piecewise solution as accurately as fresh starts, with fewer evaluations', () => {
    const fresh = run(false);
    const carried = run(true);
    const exact = exactDaily(30);
    expect(Math.abs(fresh.y - exact) / exact).toBeLessThan(1e-7);
    expect(Math.abs(carried.y - exact) / exact).toBeLessThan(1e-7);
    // fresh: 2 evaluations per call; carried: only the first call estimates a starting step
    expect(fresh.evaluations).toBe(30 * 2 + 6 * (fresh.s.acceptedSteps + fresh.s.rejectedSteps));
    expect(carried.evaluations).toBe(30 + 1 + 6 * (carried.s.acceptedSteps + carried.s.rejectedSteps));
    expect(carried.evaluations).toBeLessThan(fresh.evaluations);
  });

  it('estimates a starting step again when a call does not start where the last one ended', () => {
    const integrator = createDormandPrince(1, { rtol: 1e-8, atol: 1e-12, carryStepSize: true });
    const decay: RightHandSide = (_t, y, dy) => {
      dy[0] = -y[0];
    };
    integrator.integrate(decay, 0, 1, Float64Array.from([1]), NO_GRID, 0, ignore, false);
    const first = integrator.statistics.rhsEvaluations;
    integrator.resetStatistics();
    integrator.integrate(decay, 5, 6, Float64Array.from([1]), NO_GRID, 0, ignore, false);
    expect(integrator.statistics.rhsEvaluations).toBe(first);
  });
});

describe('DOPRI5 stopped by its output callback', () => {
  it('returning true at an output ends the call there, with y at that output time', () => {
    const integrator = createDormandPrince(1, { rtol: 1e-10, atol: 1e-14 });
    const grow: RightHandSide = (_t, y, dy) => {
      dy[0] = 0.1 * y[0];
    };
    const grid = Float64Array.from({ length: 100 }, (_, k) => k + 1);
    const y = Float64Array.from([1]);
    // stop at the first whole day on which y >= 2 (ln 2 / 0.1 = 6.93: day 7)
    const next = integrator.integrate(grow, 0, 100, y, grid, 0, (_k, _t, yk) => yk[0] >= 2, true);
    expect(next).toBe(7);
    expect(y[0]).toBeCloseTo(Math.exp(0.7), 8);
    // a callback that returns anything but true does not stop
    const z = Float64Array.from([1]);
    expect(integrator.integrate(grow, 0, 10, z, grid, 0, () => 1, true)).toBe(10);
    expect(z[0]).toBeCloseTo(Math.exp(1), 8);
  });

  it('with carryStepSize, a call that starts where a stop left off tries the step proposed there, no estimate', () => {
    const grow: RightHandSide = (_t, y, dy) => {
      dy[0] = 0.1 * y[0];
    };
    const grid = Float64Array.from([3]);
    const run = (carryStepSize: boolean) => {
      const integrator = createDormandPrince(1, { rtol: 1e-8, atol: 1e-12, carryStepSize });
      const y = Float64Array.from([1]);
      integrator.integrate(grow, 0, 10, y, grid, 0, () => true, false);
      const before = { ...integrator.statistics };
      integrator.integrate(grow, 3, 10, y, NO_GRID, 0, ignore, true);
      const s = integrator.statistics;
      return {
        y: y[0],
        evaluations: s.rhsEvaluations - before.rhsEvaluations,
        steps: s.acceptedSteps + s.rejectedSteps - before.acceptedSteps - before.rejectedSteps,
      };
    };
    const carried = run(true);
    const fresh = run(false);
    // no starting-step estimate (its evaluation) and no steps growing from a small start again
    expect(carried.evaluations).toBe(1 + 6 * carried.steps);
    expect(fresh.evaluations).toBe(2 + 6 * fresh.steps);
    expect(carried.steps).toBeLessThan(fresh.steps);
    expect(Math.abs(carried.y - Math.exp(1)) / Math.exp(1)).toBeLessThan(1e-7);
    // another start time: estimated again
    const integrator = createDormandPrince(1, { rtol: 1e-8, atol: 1e-12, carryStepSize: true });
    const y = Float64Array.from([1]);
    integrator.integrate(grow, 0, 10, y, grid, 0, () => true, false);
    const before = integrator.statistics.rhsEvaluations;
    const steps = integrator.statistics.acceptedSteps + integrator.statistics.rejectedSteps;
    integrator.integrate(grow, 3.5, 10, y, NO_GRID, 0, ignore, true);
    const s = integrator.statistics;
    expect(s.rhsEvaluations - before - 6 * (s.acceptedSteps + s.rejectedSteps - steps)).toBe(2);
  });
});

describe('DOPRI5 failure handling', () => {
  it("non-finite stage values (y' = -y guarded to NaN for y < 0) are rejected and the step shrunk", () => {
    // Once y(t) = e^-t falls below atol, accuracy no longer limits the step and it grows to DOPRI5's stability
    // limit, where stage values overshoot below zero: the guard returns NaN and the step must be retried smaller.
    let nanCalls = 0;
    const f: RightHandSide = (_t, y, dy) => {
      if (y[0] < 0) {
        dy[0] = Number.NaN;
        nanCalls++;
      } else {
        dy[0] = -y[0];
      }
    };
    const integrator = createDormandPrince(1, { rtol: 1e-6, atol: 1e-6 });
    const y = Float64Array.from([1]);
    integrator.integrate(f, 0, 100, y, NO_GRID, 0, ignore, false);
    expect(nanCalls).toBeGreaterThan(0);
    expect(integrator.statistics.rejectedSteps).toBeGreaterThan(0);
    expect(Number.isFinite(y[0])).toBe(true);
    expect(y[0]).toBeGreaterThanOrEqual(0);
    expect(Math.abs(y[0] - Math.exp(-100))).toBeLessThan(1e-6);
  });

  it('a right-hand side that is always NaN throws SolverError (no endless loop)', () => {
    const f: RightHandSide = (_t, _y, dy) => {
      dy[0] = Number.NaN;
    };
    const integrator = createDormandPrince(1);
    expect(() => integrator.integrate(f, 0, 1, Float64Array.from([1]), NO_GRID, 0, ignore, false)).toThrow(SolverError);
  });

  it('a right-hand side that turns NaN from t = 0.5 on (a blow-up) throws SolverError near t = 0.5', () => {
    const f: RightHandSide = (t, y, dy) => {
      dy[0] = t < 0.5 ? -y[0] : Number.NaN;
    };
    const integrator = createDormandPrince(1);
    let error: unknown;
    try {
      integrator.integrate(f, 0, 1, Float64Array.from([1]), NO_GRID, 0, ignore, false);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SolverError);
    expect((error as SolverError).t).toBeGreaterThan(0.49);
    expect((error as SolverError).t).toBeLessThan(0.5);
    // each attempt shrinks h by 4: the give-up comes after a few dozen rejections, not maxSteps
    expect(integrator.statistics.rejectedSteps).toBeLessThan(100);
  });

  it('exceeding maxSteps throws SolverError', () => {
    const integrator = createDormandPrince(4, { rtol: 1e-10, atol: 1e-10, maxSteps: 50 });
    const y = Float64Array.from(ARENSTORF_Y0);
    expect(() => integrator.integrate(arenstorf, 0, ARENSTORF_T, y, NO_GRID, 0, ignore, false)).toThrow(SolverError);
    expect(integrator.statistics.acceptedSteps + integrator.statistics.rejectedSteps).toBe(50);
  });

  it('maxStep bounds every step', () => {
    const run = solve(decay, 0, 10, [1], { maxStep: 0.5 });
    expect(run.accepted).toBeGreaterThanOrEqual(20);
  });
});

describe('DOPRI5 workspace reuse and statistics', () => {
  it('integrating twice on the same integrator gives bit-identical results; statistics add up exactly', () => {
    const integrator = createDormandPrince(4, { rtol: 1e-9, atol: 1e-9 });
    const grid = new Float64Array(171);
    for (let k = 0; k < grid.length; k++) grid[k] = (k * ARENSTORF_T) / 170;
    const outputs = [new Float64Array(171), new Float64Array(171)];
    const finals: Float64Array[] = [];
    const stats: { rhsEvaluations: number; acceptedSteps: number; rejectedSteps: number }[] = [];
    for (let pass = 0; pass < 2; pass++) {
      integrator.resetStatistics();
      const y = Float64Array.from(ARENSTORF_Y0);
      const out = outputs[pass];
      integrator.integrate(arenstorf, 0, ARENSTORF_T, y, grid, 0, (k, _t, yk) => (out[k] = yk[0]), true);
      finals.push(y);
      stats.push({ ...integrator.statistics });
    }
    expect(Array.from(finals[1])).toEqual(Array.from(finals[0]));
    expect(Array.from(outputs[1])).toEqual(Array.from(outputs[0]));
    expect(stats[1]).toEqual(stats[0]);
    const s = stats[0];
    expect(s.rhsEvaluations).toBe(2 + 6 * (s.acceptedSteps + s.rejectedSteps));
    // statistics are cumulative until reset
    const y = Float64Array.from(ARENSTORF_Y0);
    integrator.integrate(arenstorf, 0, ARENSTORF_T, y, NO_GRID, 0, ignore, false);
    expect(integrator.statistics.rhsEvaluations).toBe(2 * s.rhsEvaluations);
  });

  it('counts every right-hand-side call exactly', () => {
    let calls = 0;
    const f: RightHandSide = (t, y, dy) => {
      calls++;
      logistic(t, y, dy);
    };
    const integrator = createDormandPrince(1);
    integrator.integrate(f, 0, 20, Float64Array.from([0.05]), NO_GRID, 0, ignore, false);
    integrator.integrate(f, 20, 30, Float64Array.from([0.05]), NO_GRID, 0, ignore, false);
    expect(integrator.statistics.rhsEvaluations).toBe(calls);
  });

  it('rejects invalid arguments', () => {
    expect(() => createDormandPrince(0)).toThrow(RangeError);
    expect(() => createDormandPrince(2, { atol: new Float64Array(3) })).toThrow(RangeError);
    const integrator = createDormandPrince(1);
    expect(() => integrator.integrate(decay, 1, 0, new Float64Array(1), NO_GRID, 0, ignore, false)).toThrow(RangeError);
    expect(() => integrator.integrate(decay, 0, 1, new Float64Array(2), NO_GRID, 0, ignore, false)).toThrow(RangeError);
  });
});
