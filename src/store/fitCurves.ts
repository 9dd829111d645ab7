/**
 * The fitted model's curves the charts draw over the measurements (dashed, per arm by name), with the explorer's
 * scenario they were fitted from: the charts draw them while that scenario is the current one. Kept apart from the fit
 * itself (store/fit.ts, loaded with the fit panel's chunk) so that the page's first load carries only this.
 */
import { create } from 'zustand';
import type { Scenario } from '../scenario/types';

export interface FittedCurves {
  scenario: Scenario | null;
  curves: { arm: string; t: Float64Array; series: Record<string, Float64Array> }[];
}

export const useFitCurves = create<FittedCurves>()(() => ({ scenario: null, curves: [] }));
