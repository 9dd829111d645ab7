/**
 * Generic ODE-solver interfaces. The solver knows nothing of tumours: it integrates dy/dt = f(t, y).
 */

/** Right-hand side: writes dy/dt at (t, y) into `dy`. Must not allocate or keep references to y or dy. */
export type RightHandSide = (t: number, y: Float64Array, dy: Float64Array) => void;

export interface SolverOptions {
  /** relative tolerance, per component */
  rtol: number;
  /** absolute tolerance: one number for all components, or one per component */
  atol: number | Float64Array;
  /** largest step, in time units (default: unbounded) */
  maxStep: number;
  /** give up after this many steps in one call to integrate (accepted + rejected) */
  maxSteps: number;
  /**
   * A call that starts where the previous one ended (t0 equal to its t1: the next segment after a breakpoint; or to
   * the output at which its callback stopped it) tries the step size the controller last proposed, instead of
   * estimating a starting step (default false). The error
   * control is the same; it saves the estimate's evaluation and the steps that grow from a small start again.
   */
  carryStepSize: boolean;
  /**
   * Stiffness detection (Dormand–Prince only; default false): Hairer's test of the DOPRI5 code (HNW II, §IV.2), an
   * estimate of h·|λ| for the dominant eigenvalue λ of the Jacobian from the last two stages of an accepted step. It is
   * tested every STIFFNESS_CHECK_STEPS accepted steps of a call, and at every step while it is above the boundary of
   * the method's stability region; after 15 such steps in a row integrate throws StiffnessDetected, with the state
   * there in its state argument: the caller (withStiffFallback) continues with a stiff method. The test changes no
   * step: where it does not fire, the results are those without it, bit for bit.
   */
  detectStiffness: boolean;
}

export interface SolverStatistics {
  rhsEvaluations: number;
  acceptedSteps: number;
  rejectedSteps: number;
}

/**
 * Called for each output time with the dense-output state there. `y` is a workspace owned by the solver:
 * copy what you need before returning. Returning `true` (exactly; any other value is ignored) stops the integration at this output time: integrate then
 * leaves y(t) of this output in its state argument and returns index + 1.
 */
export type OutputCallback = (index: number, t: number, y: Float64Array) => unknown;

export interface Integrator {
  /** cumulative counts since creation or the last resetStatistics() */
  readonly statistics: SolverStatistics;
  resetStatistics(): void;
  /**
   * Whether the stiffness test runs (integrators that have one: Dormand–Prince, and the stiff fallback around it);
   * starts as SolverOptions.detectStiffness and may be changed between calls.
   */
  detectStiffness?: boolean;
  /**
   * Integrate from t0 to t1 (> t0), overwriting `y` (length n) with y(t1). The right-hand side is assumed smooth on
   * [t0, t1]; discontinuities (dose times) go between calls, and each call starts afresh (no step carried over).
   *
   * Output: for k = from, from + 1, ... while grid[k] < t1 (or <= t1 when `includeEnd`), with grid[k] >= t0,
   * calls onOutput(k, grid[k], y(grid[k])) from the dense output. Returns the first index not yet output.
   * `grid` must be ascending. An output callback that returns `true` ends the call there (see OutputCallback).
   *
   * Throws SolverError when the step size underflows, maxSteps is exceeded, or the state stays non-finite.
   */
  integrate(
    f: RightHandSide,
    t0: number,
    t1: number,
    y: Float64Array,
    grid: Float64Array,
    from: number,
    onOutput: OutputCallback,
    includeEnd: boolean,
  ): number;
}

export class SolverError extends Error {
  readonly t: number;
  constructor(message: string, t: number) {
    super(message);
    this.name = 'SolverError';
    this.t = t;
  }
}

/**
 * Thrown by an integrator with detectStiffness when the problem has become stiff at `t`: integrate has left y(t) in its
 * state argument, and every output before `next` (the first grid index not yet output) was given.
 */
export class StiffnessDetected extends Error {
  readonly t: number;
  readonly next: number;
  constructor(t: number, next: number) {
    super(`the problem has become stiff at t = ${t}`);
    this.name = 'StiffnessDetected';
    this.t = t;
    this.next = next;
  }
}
