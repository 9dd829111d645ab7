/**
 * Stacking: layers of one series each, placed on top of each other, as the bands a stacked area chart fills. A pure
 * function of its data: it knows nothing of arms' meaning or of where the values came from.
 */
import type { ChartArea } from './timeSeries';

/** One layer of a stack, bottom first. */
export interface StackLayer {
  /** series name, written to the band's data-series */
  series: string;
  /** the layer's own values, one per time point; a missing or non-finite value counts as 0 */
  values: ArrayLike<number>;
  fill: string;
}

/** Whose stack it is: the band's data-arm and palette slot. */
export interface StackOwner {
  arm: number;
  slot: number;
}

/**
 * Bands of `layers` stacked over time `t`, bottom first: band k spans from the sum of layers 0..k-1 to the sum of
 * layers 0..k. Band k's `upper` array is band k+1's `lower` (no copy), so the stack's top is the last band's upper.
 */
export function stackAreas(t: Float64Array, layers: readonly StackLayer[], owner: StackOwner): ChartArea[] {
  const n = t.length;
  const areas: ChartArea[] = [];
  let lower = new Float64Array(n);
  for (const layer of layers) {
    const upper = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = layer.values[i];
      upper[i] = lower[i] + (Number.isFinite(v) ? v : 0);
    }
    areas.push({ arm: owner.arm, slot: owner.slot, series: layer.series, t, lower, upper, fill: layer.fill });
    lower = upper;
  }
  return areas;
}
