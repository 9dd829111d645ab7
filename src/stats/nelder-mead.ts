/**
 * Bounded Nelder–Mead simplex minimisation (Nelder & Mead 1965, with the standard coefficients: reflection 1,
 * expansion 2, contraction 0.5, shrink 0.5; Lagarias et al. 1998). Derivative-free: for objectives that are noisy or
 * piecewise constant at a small scale (a virtual trial's rates and medians), where finite-difference Jacobians fail.
 * Bounds are kept by clamping every trial point into the box.
 */

export interface NelderMeadOptions {
  /** initial simplex: x0 plus, per coordinate, a step of this fraction of the box width (default 0.1) */
  initialStep?: number;
  maxEvaluations?: number;
  /** stop when the simplex's values differ by less than this (absolute, default 1e-6) */
  tolerance?: number;
}

export interface NelderMeadResult {
  x: Float64Array;
  value: number;
  evaluations: number;
  converged: boolean;
}

export function nelderMead(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const n = x0.length;
  const step = options.initialStep ?? 0.1;
  const maxEvaluations = options.maxEvaluations ?? 200 * n;
  const tolerance = options.tolerance ?? 1e-6;
  const clamp = (x: Float64Array): Float64Array => {
    for (let i = 0; i < n; i++) x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
    return x;
  };
  let evaluations = 0;
  const value = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  const points: Float64Array[] = [clamp(Float64Array.from(x0))];
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(points[0]);
    const width = upper[i] - lower[i];
    // step inwards when x0 sits at the upper bound
    p[i] += p[i] + step * width <= upper[i] ? step * width : -step * width;
    points.push(clamp(p));
  }
  let values = points.map(value);
  const combine = (a: Float64Array, b: Float64Array, t: number): Float64Array => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = a[i] + t * (b[i] - a[i]);
    return clamp(out);
  };
  let converged = false;
  while (evaluations < maxEvaluations) {
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    const sorted = order.map((i) => points[i]);
    values = order.map((i) => values[i]);
    points.splice(0, points.length, ...sorted);
    if (values[n] - values[0] <= tolerance) {
      converged = true;
      break;
    }
    const centroid = new Float64Array(n);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) centroid[i] += points[j][i] / n;
    const worst = points[n];
    const reflected = combine(centroid, worst, -1);
    const fr = value(reflected);
    if (fr < values[0]) {
      const expanded = combine(centroid, worst, -2);
      const fe = value(expanded);
      if (fe < fr) [points[n], values[n]] = [expanded, fe];
      else [points[n], values[n]] = [reflected, fr];
      continue;
    }
    if (fr < values[n - 1]) {
      [points[n], values[n]] = [reflected, fr];
      continue;
    }
    // contraction: outside when the reflection beat the worst, else inside
    const outside = fr < values[n];
    const contracted = combine(centroid, worst, outside ? -0.5 : 0.5);
    const fc = value(contracted);
    if (fc < (outside ? fr : values[n])) {
      [points[n], values[n]] = [contracted, fc];
      continue;
    }
    for (let j = 1; j <= n; j++) {
      points[j] = combine(points[0], points[j], 0.5);
      values[j] = value(points[j]);
    }
  }
  let best = 0;
  for (let j = 1; j < values.length; j++) if (values[j] < values[best]) best = j;
  return { x: points[best], value: values[best], evaluations, converged };
}
