/**
 * The model's public face: what the worker and the CLI may call. Everything else in src/model is an implementation
 * detail that can change without notice; scenario-level knowledge (presets, drug units and schedules, the dose and
 * output calendar, response codes) lives in src/scenario/catalogue.
 */

export type { MedianSurvival, ProportionInterval } from '../stats';
export * from './analysis';
export type {
  ArmComparison,
  ArmStatistics,
  CohortBlock,
  CohortStatistics,
  SubgroupStatistics,
  SurvivalCurve,
  TimeToResponse,
} from './cohort';
export { type BlockMerger, blockMerger, cohortStatistics, mergeBlocks, runCohortBlock } from './cohort';
export type { EnsembleDraw, ParameterInterval } from './ensemble';
export { ENSEMBLE_FACTORS, ensembleDraw, ensembleDraws, ensembleParameters, plausibleIntervals } from './ensemble';
export type { EnsembleSpread, EnsembleTrialResult, TrialSummary } from './ensemble-trial';
export { ensembleTrial, ensembleTrialDraw, summariseEnsembleTrial } from './ensemble-trial';
export type { ModelParameters } from './parameters';
export type { SbmlOptions } from './sbml';
export { exportSbml, SBML_EXPORT_VERSION } from './sbml';
export { sedmlDocument } from './sedml';
export type { ArmResult, ArmSummary, SeriesName, SimulationResult, SolverStats } from './series';
export { SERIES_NAMES, SERIES_UNITS } from './series';
export type { SimulateOptions } from './simulate';
export { absoluteTolerances, DEFAULT_RTOL, simulate, simulateArm, valueAt } from './simulate';
export { STATE_SIZE } from './state';
export type { SolverUse } from './tolerances';
export { integratorFor, TOLERANCES } from './tolerances';
