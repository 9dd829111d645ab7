/**
 * An explicit integrator with a stiff fallback: every call goes to the explicit one (Dormand–Prince) first; when it
 * gives up (SolverError: step-size underflow, too many steps, a state that stays non-finite), the same call is
 * repeated from its start state with the stiff one (RODAS3). The default path costs nothing extra (no copy beyond
 * the start state, no allocation, no Jacobian): the stiff integrator is created at the first fallback.
 *
 * After a fallback, the calls that continue where the last one ended (the next segments of the same run, or the rest
 * of a segment after a call that its callback stopped) go to the stiff integrator directly: a problem stiff enough to
 * defeat the explicit method at one breakpoint usually still is at the next, and each failed explicit attempt costs
 * up to maxSteps steps. A call that does not continue (a new arm,
 * a new patient) goes to the explicit integrator again.
 *
 * Stiffness detection: when the explicit integrator was made with `detectStiffness` and its test fires (it throws
 * StiffnessDetected with the state at that time), the rest of the call goes to the stiff integrator from there: no
 * work is repeated, and the outputs before that time stay the explicit solution's. The calls that continue the run go
 * to the stiff integrator too, as after a failure.
 *
 * Output: a fallback call repeats the outputs the failed explicit attempt had already given, from the stiff solution
 * (the callback sees those indices twice; the later values are the ones to keep). A callback that stopped the
 * explicit attempt (returned true) ended it without a failure, so nothing is repeated after a stop.
 */
import { createRosenbrock } from './rosenbrock';
import type { Integrator, OutputCallback, RightHandSide, SolverOptions, SolverStatistics } from './types';
import { SolverError, StiffnessDetected } from './types';

export interface FallbackIntegrator extends Integrator {
  /** calls (since creation or resetStatistics) that the stiff integrator made, after a failure or in stiff mode */
  readonly stiffCalls: number;
  /** of those, the calls that switched to it when the explicit integrator's stiffness test fired */
  readonly stiffSwitches: number;
}

/**
 * Wraps `explicit` (an integrator of dimension n with `options`) with a RODAS3 fallback of the same tolerances.
 * Statistics are the sum of both integrators' (the failed explicit attempts included: they were work done).
 */
export function withStiffFallback(
  explicit: Integrator,
  n: number,
  options: Partial<SolverOptions> = {},
): FallbackIntegrator {
  let stiff: Integrator | null = null;
  const start = new Float64Array(n);
  let stiffCalls = 0;
  let stiffSwitches = 0;
  /** where the last stiff call ended (NaN: not in stiff mode) */
  let stiffUntil = Number.NaN;
  // A stiff call that its callback stops ends at that output, not at t1: the calls that continue from there go to the
  // stiff integrator too. The caller's callback is relayed to see the stop (stoppedAt: its time, NaN: none).
  const none: OutputCallback = () => undefined;
  let relayed = none;
  const stoppedAt = Float64Array.of(Number.NaN);
  const relay: OutputCallback = (k, t, y) => {
    if (relayed(k, t, y) !== true) return false;
    stoppedAt[0] = t;
    return true;
  };

  const statistics: SolverStatistics = {
    get rhsEvaluations() {
      return explicit.statistics.rhsEvaluations + (stiff ? stiff.statistics.rhsEvaluations : 0);
    },
    get acceptedSteps() {
      return explicit.statistics.acceptedSteps + (stiff ? stiff.statistics.acceptedSteps : 0);
    },
    get rejectedSteps() {
      return explicit.statistics.rejectedSteps + (stiff ? stiff.statistics.rejectedSteps : 0);
    },
  };

  function stiffIntegrate(
    f: RightHandSide,
    t0: number,
    t1: number,
    y: Float64Array,
    grid: Float64Array,
    from: number,
    onOutput: OutputCallback,
    includeEnd: boolean,
  ): number {
    if (!stiff) stiff = createRosenbrock(n, { ...options, carryStepSize: true });
    stiffCalls++;
    stiffUntil = Number.NaN;
    relayed = onOutput;
    stoppedAt[0] = Number.NaN;
    const next = stiff.integrate(f, t0, t1, y, grid, from, relay, includeEnd);
    relayed = none;
    stiffUntil = Number.isNaN(stoppedAt[0]) ? t1 : stoppedAt[0];
    return next;
  }

  return {
    statistics,
    get stiffCalls() {
      return stiffCalls;
    },
    get stiffSwitches() {
      return stiffSwitches;
    },
    get detectStiffness() {
      return explicit.detectStiffness;
    },
    set detectStiffness(on: boolean | undefined) {
      if (on !== undefined && explicit.detectStiffness !== undefined) explicit.detectStiffness = on;
    },
    resetStatistics(): void {
      explicit.resetStatistics();
      stiff?.resetStatistics();
      stiffCalls = 0;
      stiffSwitches = 0;
    },
    integrate(f, t0, t1, y, grid, from, onOutput, includeEnd): number {
      if (t0 === stiffUntil) return stiffIntegrate(f, t0, t1, y, grid, from, onOutput, includeEnd);
      stiffUntil = Number.NaN;
      if (y.length === n) start.set(y);
      try {
        return explicit.integrate(f, t0, t1, y, grid, from, onOutput, includeEnd);
      } catch (error) {
        if (error instanceof StiffnessDetected) {
          // y is the state at error.t: the rest of the call with the stiff integrator
          stiffSwitches++;
          return stiffIntegrate(f, error.t, t1, y, grid, error.next, onOutput, includeEnd);
        }
        if (!(error instanceof SolverError)) throw error;
        y.set(start);
        return stiffIntegrate(f, t0, t1, y, grid, from, onOutput, includeEnd);
      }
    },
  };
}
