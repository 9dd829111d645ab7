export { createDormandPrince, DEFAULT_SOLVER_OPTIONS } from './dopri5';
export { type FallbackIntegrator, withStiffFallback } from './fallback';
export { createRosenbrock } from './rosenbrock';
export type { Integrator, OutputCallback, RightHandSide, SolverOptions, SolverStatistics } from './types';
export { SolverError } from './types';
