export { createDormandPrince, DEFAULT_SOLVER_OPTIONS, STIFFNESS_CHECK_STEPS } from './dopri5';
export { type FallbackIntegrator, withStiffFallback } from './fallback';
export { createRosenbrock } from './rosenbrock';
export type { Integrator, OutputCallback, RightHandSide, SolverOptions, SolverStatistics } from './types';
export { SolverError, StiffnessDetected } from './types';
