/**
 * The fitted model's curves the charts draw over the measurements (dashed, per arm by name), with the explorer's
 * scenario they were fitted from: the charts draw them while that scenario is the current one. Beside them, what the
 * exports write of the fit (the fitted values with their intervals and the goodness of fit). Kept apart from the fit
 * itself (store/fit.ts, loaded with the fit panel's chunk) so that the page's first load carries only this. Removing
 * or replacing the measurements (store/measurements.ts) removes them: a fit belongs to the data it was fitted to.
 */
import { create } from 'zustand';
import type { Scenario } from '../scenario/types';

/** One fitted factor as the exports write it. */
export interface FittedValue {
  /** a model parameter's id, or a variable's name (cox2.start) */
  name: string;
  unit: string;
  start: number;
  estimate: number;
  standardError: number;
  /** 95 % Wald interval, cut to the bounds */
  lower: number;
  upper: number;
  profile?: { lower: number; upper: number; lowerBounded: boolean; upperBounded: boolean };
}

export interface FitSummary {
  /** the measurements' file */
  file: string;
  scale: 'log' | 'linear';
  weighted: boolean;
  converged: boolean;
  factors: FittedValue[];
  goodness: { points: number; parameters: number; ssr: number; reducedChiSquare: number; aic: number };
}

export interface FittedCurves {
  scenario: Scenario | null;
  curves: { arm: string; t: Float64Array; series: Record<string, Float64Array> }[];
  summary: FitSummary | null;
}

export const NO_FIT: FittedCurves = Object.freeze({ scenario: null, curves: [], summary: null });

export const useFitCurves = create<FittedCurves>()(() => NO_FIT);
