/**
 * The calendar is the scenario's own arithmetic of time: the days a dosing schedule doses on and the days a result is
 * reported on. It exists because the model integrates between exactly these days and the views draw exactly these
 * days, so both must read one definition.
 */
import type { DoseSchedule } from '../types';

/** Mean month, days (365.25 / 12): months on the trial's axes, in its tables and CSVs, and in the calibration's targets. */
export const DAYS_PER_MONTH = 30.4375;

/**
 * Dose times of a schedule that fall in [0, horizon): start, start + interval, ... while < stop.
 * Allocation-light; schedules are validated upstream (interval > 0), but a non-positive interval gives one dose.
 */
export function doseTimes(schedule: DoseSchedule, horizon: number): number[] {
  const times: number[] = [];
  const { start, stop, interval } = schedule;
  if (!(schedule.dose > 0) || !(stop > start)) return times;
  const step = interval > 0 ? interval : Number.POSITIVE_INFINITY;
  for (let k = 0; ; k++) {
    const t = start + k * step;
    if (!(t < stop) || !(t < horizon)) break;
    times.push(t);
  }
  return times;
}

/** The output days of a scenario: 0, step, 2 step, ... and the horizon itself (last, even when off the step). */
export function outputGrid(horizon: number, step: number): Float64Array {
  const n = Math.floor(horizon / step + 1e-9);
  const endsOnGrid = Math.abs(n * step - horizon) <= 1e-9 * Math.max(1, horizon);
  const grid = new Float64Array(n + 1 + (endsOnGrid ? 0 : 1));
  for (let k = 0; k <= n; k++) grid[k] = Math.min(k * step, horizon);
  if (!endsOnGrid) grid[n + 1] = horizon;
  return grid;
}
