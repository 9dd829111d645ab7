/**
 * Uncertainty bands on a time-series chart: for each arm, the 5–95 % band over the plausible parameter ensemble as a
 * translucent area in the arm's colour, behind the curve, and the ensemble's median as a thin dotted line. Pure: builds
 * the ChartArea and ChartLine inputs of drawTimeSeries (timeSeries.ts) from the quantiles the worker computed.
 */
import { armStyle } from './palette';
import type { ChartArea, ChartLine } from './timeSeries';

export interface ArmBand {
  /** stable arm key and palette slot (as the arm's own line) */
  arm: number;
  slot: number;
  t: Float64Array;
  lower: Float64Array;
  median: Float64Array;
  upper: Float64Array;
}

/** The arm's colour at the band's opacity (hex #rrggbb → rgba). */
export function bandFill(slot: number, opacity = 0.16): string {
  const hex = armStyle(slot).colour.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${opacity})`;
}

export function bandAreas(bands: readonly ArmBand[], series: string): ChartArea[] {
  return bands.map((b) => ({
    arm: b.arm,
    slot: b.slot,
    series: `${series}.band`,
    t: b.t,
    lower: b.lower,
    upper: b.upper,
    fill: bandFill(b.slot),
  }));
}

export function bandMedians(bands: readonly ArmBand[], series: string): ChartLine[] {
  return bands.map((b) => ({
    arm: b.arm,
    slot: b.slot,
    series: `${series}.median`,
    t: b.t,
    values: b.median,
    variant: 'secondary',
    colour: armStyle(b.slot).colour,
    dash: '1 3',
  }));
}
