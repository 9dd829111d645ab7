/**
 * A scan is a scenario's readouts over a 1-D line or a 2-D grid of values of one or two variables (variables.ts).
 * This module builds the scan's scenarios: `scanScenario(base, spec, i)` is point i's scenario, a pure function of i,
 * so a scan can be split into blocks (the worker pool, with progress and cancel) or shards (the command line) and
 * merged by index. The readouts are read off the results by the model (src/model/analysis/readouts.ts).
 *
 * Point order: 1-D, i = index along the axis; 2-D, i = i0 * n1 + i1 (the second axis varies fastest).
 */
import type { Scenario } from './types';
import { applyVariable, checkVariableProblem, defaultRange, fromUnit, type Variable, variableName } from './variables';

export interface ScanAxis {
  variable: Variable;
  min: number;
  max: number;
  /** number of values (1: the single value `min`) */
  points: number;
  /** space the values evenly on a log scale */
  log: boolean;
}

export interface ScanSpec {
  axes: ScanAxis[];
}

/** The largest number of points of one scan (a 2-D scan of 100 × 100). */
export const MAX_SCAN_POINTS = 10_000;

/** An axis over [min, max] when given, else over the variable's documented range (log-spaced when it says so). */
export function scanAxis(scenario: Scenario, variable: Variable, points: number, min?: number, max?: number): ScanAxis {
  const r = defaultRange(scenario, variable);
  const lo = min ?? r.min;
  const hi = max ?? r.max;
  return { variable, min: lo, max: hi, points, log: r.log && lo > 0 };
}

export function axisValues(axis: ScanAxis): number[] {
  if (axis.points <= 1) return [axis.min];
  const range = { min: axis.min, max: axis.max, unit: '', log: axis.log };
  return Array.from({ length: axis.points }, (_, k) =>
    k === axis.points - 1 ? axis.max : fromUnit(range, k / (axis.points - 1)),
  );
}

export function scanSize(spec: ScanSpec): number {
  return spec.axes.reduce((n, a) => n * Math.max(1, a.points), 1);
}

/** The variables' values at point `index`. */
export function scanPoint(spec: ScanSpec, index: number): number[] {
  const values = spec.axes.map(axisValues);
  if (values.length === 1) return [values[0][index]];
  const n1 = values[1].length;
  return [values[0][Math.floor(index / n1)], values[1][index % n1]];
}

export function scanScenario(base: Scenario, spec: ScanSpec, index: number): Scenario {
  const point = scanPoint(spec, index);
  let s = base;
  spec.axes.forEach((axis, j) => {
    s = applyVariable(s, axis.variable, point[j]);
  });
  return s;
}

/** Everything wrong with a scan of this scenario ([] when it can run). */
/** A problem of a scan, in English and Japanese (the page shows the one of its language). */
export interface ScanProblem {
  message: string;
  messageJa: string;
}

export function checkScan(base: Scenario, spec: ScanSpec): string[] {
  return checkScanProblems(base, spec).map((p) => p.message);
}

/** checkScan's problems with their Japanese text. */
export function checkScanProblems(base: Scenario, spec: ScanSpec): ScanProblem[] {
  const problems: ScanProblem[] = [];
  const add = (message: string, messageJa: string) => problems.push({ message, messageJa });
  if (spec.axes.length < 1 || spec.axes.length > 2)
    add('a scan has one or two variables', 'スキャンの変数は 1 つか 2 つです');
  for (const axis of spec.axes) {
    const name = variableName(axis.variable);
    const e = checkVariableProblem(base, axis.variable);
    if (e) problems.push(e);
    if (!Number.isInteger(axis.points) || axis.points < 1)
      add(`${name}: points must be a whole number >= 1`, `${name}: 点数は 1 以上の整数にしてください`);
    if (!(Number.isFinite(axis.min) && Number.isFinite(axis.max)))
      add(`${name}: the range must be finite`, `${name}: 範囲は有限の数にしてください`);
    else if (axis.min < 0 || axis.max < 0)
      add(`${name}: the range must not be negative`, `${name}: 範囲に負の値は使えません`);
    if (axis.log && !(axis.min > 0))
      add(`${name}: a log-spaced range must be positive`, `${name}: 対数間隔の範囲は正の値にしてください`);
  }
  if (scanSize(spec) > MAX_SCAN_POINTS)
    add(`a scan has at most ${MAX_SCAN_POINTS} points`, `スキャンの点数は最大 ${MAX_SCAN_POINTS} です`);
  return problems;
}
