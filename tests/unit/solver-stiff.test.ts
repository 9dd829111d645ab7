/**
 * Validation of the stiff integrator (RODAS3, src/solver/rosenbrock.ts) and of the explicit integrator's stiff
 * fallback (src/solver/fallback.ts) against published reference solutions.
 *
 * References:
 * - [TS] F. Mazzia, F. Iavernaro, C. Magherini, "Test Set for Initial Value Problem Solvers", release 2.4
 *   (University of Bari, 2008): problems ROBER (reference at t = 1e11) and VDPOL (van der Pol, mu = 1000 in the
 *   scaled form y2' = ((1 - y1^2) y2 - y1) / eps, eps = 1e-6, reference at t = 2), computed with RADAU at 1e-18.
 * - [HW] E. Hairer, G. Wanner, Solving Ordinary Differential Equations II, 2nd ed., Springer 1996 (ROBER, VDPOL).
 */
import { describe, expect, it } from 'vitest';
import {
  createDormandPrince,
  createRosenbrock,
  type RightHandSide,
  SolverError,
  STIFFNESS_CHECK_STEPS,
  StiffnessDetected,
  withStiffFallback,
} from '../../src/solver';

const NO_GRID = new Float64Array(0);
const ignore = (): void => {};

const robertson: RightHandSide = (_t, y, dy) => {
  dy[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
  dy[2] = 3e7 * y[1] * y[1];
  dy[1] = -dy[0] - dy[2];
};
/** [TS] ROBER at t = 1e11 */
const ROBERTSON_1E11 = [0.2083340149701255e-7, 0.8333360770334713e-13, 0.999999979166505];

const EPS_VDP = 1e-6;
const vanDerPol: RightHandSide = (_t, y, dy) => {
  dy[0] = y[1];
  dy[1] = ((1 - y[0] * y[0]) * y[1] - y[0]) / EPS_VDP;
};
/** [TS] VDPOL at t = 2 */
const VAN_DER_POL_2 = [0.1706167732170483e1, -0.8928097010247975];

describe('RODAS3 against published reference solutions', () => {
  it('Robertson to t = 1e11: within the absolute tolerances of the Test Set reference, errors falling with rtol', () => {
    const relative: number[][] = [];
    for (const rtol of [1e-6, 1e-8]) {
      const atol = Float64Array.from([rtol * 1e-2, rtol * 1e-8, rtol * 1e-2]);
      const integrator = createRosenbrock(3, { rtol, atol });
      const y = Float64Array.from([1, 0, 0]);
      integrator.integrate(robertson, 0, 1e11, y, NO_GRID, 0, ignore, true);
      // y1 and y3 within a few absolute tolerances (y1 ~ 2e-8 has decayed to the size of its atol)
      expect(Math.abs(y[0] - ROBERTSON_1E11[0])).toBeLessThan(5 * atol[0]);
      expect(Math.abs(y[2] - ROBERTSON_1E11[2])).toBeLessThan(5 * atol[2]);
      relative.push([0, 1].map((i) => Math.abs(y[i] / ROBERTSON_1E11[i] - 1)));
      // mass is conserved (Rosenbrock methods keep linear invariants)
      expect(Math.abs(y[0] + y[1] + y[2] - 1)).toBeLessThan(1e-12);
      // 16 decades of time in a few hundred steps at rtol 1e-6
      if (rtol === 1e-6) expect(integrator.statistics.acceptedSteps).toBeLessThan(1000);
    }
    // y1 and y2 (quasi-steady with y1): relative errors 12 % at rtol 1e-6, 1.2 % at 1e-8
    for (const i of [0, 1]) {
      expect(relative[1][i]).toBeLessThan(0.02);
      expect(relative[1][i]).toBeLessThan(relative[0][i] / 5);
    }
  });

  it('van der Pol, mu = 1000, to t = 2: within 3 rtol of the Test Set reference, error falling with rtol', () => {
    const errors: number[] = [];
    for (const rtol of [1e-4, 1e-6, 1e-8]) {
      const integrator = createRosenbrock(2, { rtol, atol: rtol });
      const y = Float64Array.from([2, 0]);
      integrator.integrate(vanDerPol, 0, 2, y, NO_GRID, 0, ignore, true);
      const error = Math.max(Math.abs(y[0] - VAN_DER_POL_2[0]), Math.abs(y[1] - VAN_DER_POL_2[1]));
      expect(error).toBeLessThan(3 * rtol);
      errors.push(error);
    }
    expect(errors[1]).toBeLessThan(errors[0] / 20);
    expect(errors[2]).toBeLessThan(errors[1] / 20);
  });

  it('is L-stable: a very stiff linear problem (lambda = -1e9) is solved in few steps, the fast mode damped', () => {
    // y' = lambda (y - cos t) - sin t, y(0) = 1: exact y = cos t; the explicit method would need |lambda| t / 3.3 steps
    const lambda = -1e9;
    const f: RightHandSide = (t, y, dy) => {
      dy[0] = lambda * (y[0] - Math.cos(t)) - Math.sin(t);
    };
    const grid = Float64Array.from({ length: 101 }, (_, k) => k * 0.1);
    const integrator = createRosenbrock(1, { rtol: 1e-6, atol: 1e-9 });
    let worst = 0;
    const y = Float64Array.from([1]);
    integrator.integrate(
      f,
      0,
      10,
      y,
      grid,
      0,
      (_k, t, yk) => {
        worst = Math.max(worst, Math.abs(yk[0] - Math.cos(t)));
      },
      true,
    );
    expect(worst).toBeLessThan(1e-5); // at every output time
    expect(integrator.statistics.acceptedSteps).toBeLessThan(500);
  });

  it('outputs on a grid are accurate on a smooth non-stiff problem (every output time is a step end)', () => {
    const f: RightHandSide = (_t, y, dy) => {
      dy[0] = y[1];
      dy[1] = -y[0];
    };
    const grid = Float64Array.from({ length: 629 }, (_, k) => k * 0.01);
    const integrator = createRosenbrock(2, { rtol: 1e-8, atol: 1e-10 });
    let worst = 0;
    integrator.integrate(
      f,
      0,
      6.28,
      Float64Array.from([0, 1]),
      grid,
      0,
      (_k, t, yk) => {
        worst = Math.max(worst, Math.abs(yk[0] - Math.sin(t)), Math.abs(yk[1] - Math.cos(t)));
      },
      true,
    );
    expect(worst).toBeLessThan(1e-6);
  });

  it('stops at an output when the callback returns true, with y at that output', () => {
    const integrator = createRosenbrock(3, { rtol: 1e-6, atol: Float64Array.from([1e-8, 1e-14, 1e-8]) });
    const y = Float64Array.from([1, 0, 0]);
    const grid = Float64Array.from([1, 10, 100, 1000]);
    const next = integrator.integrate(robertson, 0, 1e11, y, grid, 0, (_k, t) => t === 10, true);
    expect(next).toBe(2);
    // y3 at t = 10 by [HW]'s figure IV.1.3: about 0.16
    expect(y[2]).toBeGreaterThan(0.1);
    expect(y[2]).toBeLessThan(0.2);
  });

  it('throws SolverError (not an endless loop) when the right-hand side turns non-finite for good', () => {
    // y' = y while y < 2, NaN beyond: no step can pass y = 2
    const f: RightHandSide = (_t, y, dy) => {
      dy[0] = y[0] < 2 ? y[0] : Number.NaN;
    };
    const integrator = createRosenbrock(1, { rtol: 1e-6, atol: 1e-9 });
    expect(() => integrator.integrate(f, 0, 2, Float64Array.from([1]), NO_GRID, 0, ignore, true)).toThrow(SolverError);
  });
});

describe('Dormand–Prince with the stiff fallback', () => {
  it('changes nothing where Dormand–Prince succeeds: bit-identical results and statistics, no stiff call', () => {
    const f: RightHandSide = (t, y, dy) => {
      dy[0] = -0.5 * y[0] + Math.sin(t);
      dy[1] = y[0] - y[1];
    };
    const options = { rtol: 1e-6, atol: 1e-9, carryStepSize: true };
    const plain = createDormandPrince(2, options);
    const wrapped = withStiffFallback(createDormandPrince(2, options), 2, options);
    const grid = Float64Array.from({ length: 50 }, (_, k) => k * 0.2);
    const outPlain: number[] = [];
    const outWrapped: number[] = [];
    const a = Float64Array.from([1, 0]);
    const b = Float64Array.from([1, 0]);
    let nextA = 0;
    let nextB = 0;
    for (let s = 0; s < 5; s++) {
      nextA = plain.integrate(
        f,
        2 * s,
        2 * s + 2,
        a,
        grid,
        nextA,
        (_k, _t, y) => void outPlain.push(y[0], y[1]),
        s === 4,
      );
      nextB = wrapped.integrate(
        f,
        2 * s,
        2 * s + 2,
        b,
        grid,
        nextB,
        (_k, _t, y) => void outWrapped.push(y[0], y[1]),
        s === 4,
      );
    }
    expect(outWrapped).toEqual(outPlain);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect({ ...wrapped.statistics }).toEqual({ ...plain.statistics });
    expect(wrapped.stiffCalls).toBe(0);
  });

  it('solves van der Pol (mu = 1000), which Dormand–Prince gives up on, as RODAS3 alone does', () => {
    const options = { rtol: 1e-6, atol: 1e-6, maxSteps: 20_000 };
    const y0 = Float64Array.from([2, 0]);
    expect(() =>
      createDormandPrince(2, options).integrate(vanDerPol, 0, 2, Float64Array.from(y0), NO_GRID, 0, ignore, true),
    ).toThrow(SolverError);
    const fallback = withStiffFallback(createDormandPrince(2, options), 2, options);
    const grid = Float64Array.from([0.5, 1, 1.5, 2]);
    const outputs = new Map<number, number>();
    const y = Float64Array.from(y0);
    fallback.integrate(vanDerPol, 0, 2, y, grid, 0, (k, _t, yk) => void outputs.set(k, yk[0]), true);
    const alone = Float64Array.from(y0);
    createRosenbrock(2, options).integrate(vanDerPol, 0, 2, alone, grid, 0, ignore, true);
    expect(Array.from(y)).toEqual(Array.from(alone));
    expect(Math.abs(y[0] - VAN_DER_POL_2[0])).toBeLessThan(3e-6);
    expect(fallback.stiffCalls).toBe(1);
    // every output given, the last value of each from the stiff solution
    expect([...outputs.keys()].sort()).toEqual([0, 1, 2, 3]);
    expect(outputs.get(3)).toBe(y[0]);
    // the failed explicit attempt's work is counted
    expect(fallback.statistics.rhsEvaluations).toBeGreaterThan(6 * 20_000);
  });

  it('stays stiff for the calls that continue the run, and tries Dormand–Prince again on a new run', () => {
    const options = { rtol: 1e-6, atol: 1e-6, maxSteps: 5_000 };
    const fallback = withStiffFallback(createDormandPrince(2, options), 2, options);
    const y = Float64Array.from([2, 0]);
    fallback.integrate(vanDerPol, 0, 0.5, y, NO_GRID, 0, ignore, true);
    expect(fallback.stiffCalls).toBe(1);
    const before = fallback.statistics.rhsEvaluations;
    fallback.integrate(vanDerPol, 0.5, 1, y, NO_GRID, 0, ignore, true);
    expect(fallback.stiffCalls).toBe(2);
    // no failed explicit attempt in between (that alone would cost 6 x 5000 evaluations)
    expect(fallback.statistics.rhsEvaluations - before).toBeLessThan(6 * 5_000);
    // a new, non-stiff run goes to Dormand–Prince
    const decay: RightHandSide = (_t, z, dz) => {
      dz[0] = -z[0];
      dz[1] = -2 * z[1];
    };
    fallback.integrate(decay, 0, 1, Float64Array.from([1, 1]), NO_GRID, 0, ignore, true);
    expect(fallback.stiffCalls).toBe(2);
  });

  it('stays stiff after a stiff call that its callback stopped, from the output where it stopped', () => {
    const options = { rtol: 1e-6, atol: 1e-6, maxSteps: 5_000 };
    const fallback = withStiffFallback(createDormandPrince(2, options), 2, options);
    const y = Float64Array.from([2, 0]);
    fallback.integrate(vanDerPol, 0, 0.5, y, NO_GRID, 0, ignore, true);
    expect(fallback.stiffCalls).toBe(1);
    // a stiff call stopped at 0.75, before its end at 1
    const stopAt = Float64Array.from([0.75]);
    let seen = Number.NaN;
    const stop = (_k: number, t: number) => {
      seen = t;
      return true;
    };
    const next = fallback.integrate(vanDerPol, 0.5, 1, y, stopAt, 0, stop, true);
    expect(next).toBe(1);
    expect(seen).toBe(0.75);
    expect(fallback.stiffCalls).toBe(2);
    // the run goes on from there: stiff, no failed explicit attempt (that alone would cost 6 x 5000 evaluations)
    const before = fallback.statistics.rhsEvaluations;
    fallback.integrate(vanDerPol, 0.75, 1, y, NO_GRID, 0, ignore, true);
    expect(fallback.stiffCalls).toBe(3);
    expect(fallback.statistics.rhsEvaluations - before).toBeLessThan(6 * 5_000);
    // and it gets where an unstopped run gets, within the tolerance
    const z = Float64Array.from([2, 0]);
    createRosenbrock(2, options).integrate(vanDerPol, 0, 1, z, NO_GRID, 0, ignore, true);
    expect(Math.abs(y[0] - z[0])).toBeLessThan(1e-4);
  });

  it('RODAS3 with carryStepSize: a call that starts where a stop left off tries the step proposed there', () => {
    const decay: RightHandSide = (_t, z, dz) => {
      dz[0] = -z[0];
    };
    const run = (carryStepSize: boolean) => {
      const stiff = createRosenbrock(1, { rtol: 1e-6, atol: 1e-9, carryStepSize });
      const y = Float64Array.from([1]);
      stiff.integrate(decay, 0, 10, y, Float64Array.from([2]), 0, () => true, false);
      const steps = stiff.statistics.acceptedSteps + stiff.statistics.rejectedSteps;
      stiff.integrate(decay, 2, 10, y, NO_GRID, 0, ignore, true);
      return { y: y[0], steps: stiff.statistics.acceptedSteps + stiff.statistics.rejectedSteps - steps };
    };
    const carried = run(true);
    const fresh = run(false);
    expect(carried.steps).toBeLessThan(fresh.steps);
    expect(Math.abs(carried.y - Math.exp(-10)) / Math.exp(-10)).toBeLessThan(1e-3);
  });

  it("passes on other errors and the stiff solver's own failure", () => {
    const options = { rtol: 1e-6, atol: 1e-9 };
    const fallback = withStiffFallback(createDormandPrince(1, options), 1, options);
    const poisoned: RightHandSide = (_t, y, dy) => {
      dy[0] = y[0] < 2 ? y[0] : Number.NaN;
    };
    expect(() => fallback.integrate(poisoned, 0, 2, Float64Array.from([1]), NO_GRID, 0, ignore, true)).toThrow(
      SolverError,
    );
    const broken: RightHandSide = () => {
      throw new TypeError('bug in the right-hand side');
    };
    expect(() => fallback.integrate(broken, 0, 1, Float64Array.from([1]), NO_GRID, 0, ignore, true)).toThrow(
      'bug in the right-hand side',
    );
  });
});

describe("Dormand–Prince's stiffness test and the switch to RODAS3", () => {
  it('van der Pol (mu = 1000): switches after the test fires and reaches the reference, each output once', () => {
    const options = { rtol: 1e-6, atol: 1e-6, detectStiffness: true };
    const fallback = withStiffFallback(createDormandPrince(2, options), 2, options);
    const grid = Float64Array.from({ length: 40 }, (_, k) => (k + 1) * 0.05);
    const seen: number[] = [];
    const y = Float64Array.from([2, 0]);
    fallback.integrate(vanDerPol, 0, 2, y, grid, 0, (k) => void seen.push(k), true);
    expect(fallback.stiffSwitches).toBe(1);
    expect(fallback.stiffCalls).toBe(1);
    expect(Math.abs(y[0] - VAN_DER_POL_2[0])).toBeLessThan(3e-6);
    expect(Math.abs(y[1] - VAN_DER_POL_2[1])).toBeLessThan(3e-6);
    // every output once, in order (nothing is repeated: the stiff method continues where the explicit one stopped)
    expect(seen).toEqual(Array.from(grid, (_, k) => k));
    // the explicit method's share: the test's first check after STIFFNESS_CHECK_STEPS steps, then 15 in a row
    // (before, the explicit method ran into its step limit: more than 6 x 100,000 evaluations wasted)
    expect(fallback.statistics.rhsEvaluations).toBeLessThan(6 * (STIFFNESS_CHECK_STEPS + 100) + 20_000);
  });

  it('Robertson: switches in its first call, then continues stiff, matching RODAS3 alone at a tight tolerance', () => {
    // (to t = 1e11 in one call Dormand–Prince cannot even start: its smallest step, 16 ulps of t, is above the first
    // step it needs; the fallback on failure covers that case, above)
    const rtol = 1e-6;
    const atol = Float64Array.from([1e-8, 1e-14, 1e-8]);
    const options = { rtol, atol, carryStepSize: true, detectStiffness: true };
    const fallback = withStiffFallback(createDormandPrince(3, options), 3, options);
    const ends = [40, 400, 4e3, 4e4, 4e5];
    const y = Float64Array.from([1, 0, 0]);
    let t = 0;
    for (const end of ends) {
      fallback.integrate(robertson, t, end, y, NO_GRID, 0, ignore, true);
      t = end;
      if (end === 40) expect(fallback.stiffSwitches).toBe(1);
    }
    expect(fallback.stiffCalls).toBe(ends.length);
    expect(fallback.statistics.acceptedSteps).toBeLessThan(STIFFNESS_CHECK_STEPS + 1000);
    const reference = Float64Array.from([1, 0, 0]);
    const tight = createRosenbrock(3, { rtol: 1e-10, atol: Float64Array.from([1e-14, 1e-20, 1e-14]) });
    tight.integrate(robertson, 0, 4e5, reference, NO_GRID, 0, ignore, true);
    for (let i = 0; i < 3; i++)
      expect(Math.abs(y[i] - reference[i])).toBeLessThan(10 * (atol[i] + rtol * reference[i]));
    expect(Math.abs(y[0] + y[1] + y[2] - 1)).toBeLessThan(1e-12);
  });

  it('changes nothing where the problem is not stiff: bit-identical over thousands of steps per call', () => {
    // a lightly damped oscillator over 200 periods: |h lambda| stays well inside the stability region, and each call
    // takes more than STIFFNESS_CHECK_STEPS steps, so the test runs
    const f: RightHandSide = (_t, y, dy) => {
      dy[0] = y[1];
      dy[1] = -y[0] - 1e-3 * y[1];
    };
    const grid = Float64Array.from({ length: 400 }, (_, k) => k * Math.PI);
    const run = (detectStiffness: boolean) => {
      const options = { rtol: 1e-9, atol: 1e-12, carryStepSize: true, detectStiffness };
      const integrator = withStiffFallback(createDormandPrince(2, options), 2, options);
      const out: number[] = [];
      const y = Float64Array.from([1, 0]);
      let next = 0;
      for (let s = 0; s < 2; s++) {
        next = integrator.integrate(
          f,
          s * 200 * Math.PI,
          (s + 1) * 200 * Math.PI,
          y,
          grid,
          next,
          (_k, _t, yk) => {
            out.push(yk[0], yk[1]);
          },
          s === 1,
        );
      }
      return { out, y: Array.from(y), stats: { ...integrator.statistics }, switches: integrator.stiffSwitches };
    };
    const on = run(true);
    const off = run(false);
    expect(on.stats.acceptedSteps).toBeGreaterThan(2 * STIFFNESS_CHECK_STEPS);
    expect(on.switches).toBe(0);
    expect(on.out).toEqual(off.out);
    expect(on.y).toEqual(off.y);
    expect(on.stats).toEqual(off.stats);
  });

  it('Dormand–Prince alone throws StiffnessDetected with the state at that time; turned off, it does not', () => {
    const integrator = createDormandPrince(2, { rtol: 1e-6, atol: 1e-6, detectStiffness: true, maxSteps: 5_000 });
    const y = Float64Array.from([2, 0]);
    let stopped: unknown = null;
    try {
      integrator.integrate(vanDerPol, 0, 2, y, NO_GRID, 0, ignore, true);
    } catch (error) {
      stopped = error;
    }
    expect(stopped).toBeInstanceOf(StiffnessDetected);
    const at = (stopped as StiffnessDetected).t;
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(2);
    // y is the state at that time: still on the slow manifold near y1 = 2
    expect(Math.abs(y[0] - 2)).toBeLessThan(0.1);
    integrator.detectStiffness = false;
    // without the test the explicit method grinds on until its step limit
    expect(() => integrator.integrate(vanDerPol, 0, 2, Float64Array.from([2, 0]), NO_GRID, 0, ignore, true)).toThrow(
      SolverError,
    );
  });
});
