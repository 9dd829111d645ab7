export { type CoxOptions, type CoxResult, coxBinary, coxHazardRatio, type Ties } from './cox';
export {
  betaQuantile,
  chiSquareCdf,
  chiSquareSf,
  logGamma,
  normalCdf,
  normalQuantile,
  normalSf,
  normalTwoSidedP,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
} from './distributions';
export {
  type CensorMarks,
  type ConfidenceType,
  censorMarks,
  type KaplanMeierOptions,
  type KaplanMeierResult,
  kaplanMeier,
  type MedianSurvival,
  medianSurvival,
  type SurvivalAtTime,
  survivalAt,
  survivalIntervalAt,
} from './kaplan-meier';
export {
  type LeastSquaresOptions,
  type LeastSquaresProblem,
  type LeastSquaresResult,
  levenbergMarquardt,
} from './least-squares';
export { invertMatrix } from './linear';
export { type LogRankHazardRatio, type LogRankResult, logRank, logRankHazardRatio } from './log-rank';
export { type NelderMeadOptions, type NelderMeadResult, nelderMead } from './nelder-mead';
export { clopperPearsonInterval, type ProportionInterval, wilsonInterval } from './proportions';
export { createRandom, type Random, xoshiro128ss } from './random';
export type { EventInput, SurvivalSample, TimeInput } from './risk-table';
export {
  bootstrapInterval,
  latinHypercube,
  type PrccEntry,
  prcc,
  quantileSorted,
  ranks,
  type SaltelliDesign,
  type SaltelliOptions,
  type SecondOrderIndex,
  type SobolAnalysisOptions,
  type SobolIndex,
  type SobolResult,
  saltelliDesign,
  saltelliRunCount,
  sobolIndices,
  type TornadoBar,
  type TornadoInput,
  tornado,
} from './sensitivity';
export { SOBOL_MAX_DIMENSION, type SobolOptions, type SobolSequence, sobolSequence } from './sobol';
