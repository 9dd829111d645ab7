/**
 * The designs and reductions of a sensitivity analysis of one readout: global (Sobol' indices over a Saltelli design,
 * PRCC over a Latin hypercube) or local (a tornado: each factor at the two ends of its range, the others as they
 * are). Run k of a design is a pure function of k (its factors' unit coordinates), so a design can be split into
 * blocks and shards; the caller maps coordinates to scenarios (scenario/variables.ts factorScenario) and runs them
 * (run.ts); `analyseSensitivity` reduces the outputs, in run order.
 */
import {
  latinHypercube,
  type PrccEntry,
  prcc,
  type SobolResult,
  saltelliDesign,
  saltelliRunCount,
  sobolIndices,
  type TornadoBar,
  tornado,
} from '../../stats';

export const SENSITIVITY_METHODS = ['sobol', 'prcc', 'tornado'] as const;
export type SensitivityMethod = (typeof SENSITIVITY_METHODS)[number];

export interface DesignSpec {
  method: SensitivityMethod;
  /** number of factors */
  factors: number;
  /** Sobol': base samples N (N (d + 2) runs); PRCC: runs; tornado: ignored (1 + 2d runs) */
  samples: number;
  /** the Sobol' digital shift's or the hypercube's seed, and the bootstrap's */
  seed: number;
  /** Sobol': second-order indices too (the design's BA rows: N (2d + 2) runs) */
  secondOrder?: boolean;
}

export function designRunCount(spec: DesignSpec): number {
  if (spec.method === 'sobol') return saltelliRunCount(spec.samples, spec.factors, spec.secondOrder === true);
  if (spec.method === 'prcc') return spec.samples;
  return 1 + 2 * spec.factors;
}

/** The unit coordinates of run k (tornado: run 0 is the scenario as it is (all NaN), then low and high per factor). */
export function designPoints(spec: DesignSpec): (k: number) => Float64Array {
  const d = spec.factors;
  if (spec.method === 'sobol') {
    const design = saltelliDesign(d, spec.samples, { shiftSeed: spec.seed, secondOrder: spec.secondOrder === true });
    return (k) => design.run(k);
  }
  if (spec.method === 'prcc') {
    const x = latinHypercube(spec.samples, d, spec.seed);
    return (k) => x.slice(k * d, (k + 1) * d);
  }
  return (k) => {
    const u = new Float64Array(d).fill(Number.NaN);
    if (k > 0) u[Math.floor((k - 1) / 2)] = (k - 1) % 2;
    return u;
  };
}

export interface SensitivityResult {
  method: SensitivityMethod;
  runs: number;
  sobol?: SobolResult;
  prcc?: PrccEntry[];
  tornado?: { base: number; bars: TornadoBar[] };
}

/** Reduces the outputs of every run (in run order). `names`, `ranges`: the factors', for the tornado's bars. */
export function analyseSensitivity(
  spec: DesignSpec,
  y: ArrayLike<number>,
  names: readonly string[],
  ranges: readonly { min: number; max: number }[],
): SensitivityResult {
  const out: SensitivityResult = { method: spec.method, runs: y.length };
  if (spec.method === 'sobol')
    out.sobol = sobolIndices(y, spec.factors, { seed: spec.seed, secondOrder: spec.secondOrder === true });
  else if (spec.method === 'prcc')
    out.prcc = prcc(latinHypercube(spec.samples, spec.factors, spec.seed), y, spec.factors);
  else {
    out.tornado = {
      base: y[0],
      bars: tornado(
        y[0],
        names.map((name, j) => ({
          name,
          low: ranges[j].min,
          high: ranges[j].max,
          outputLow: y[1 + 2 * j],
          outputHigh: y[2 + 2 * j],
        })),
      ),
    };
  }
  return out;
}
