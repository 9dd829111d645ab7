/**
 * Runs a list of scenarios given by index (a scan's points, a design's runs) and reads readouts off every arm. The
 * scenarios come from a builder (scenario/scan.ts, scenario/variables.ts), so this knows nothing of what varies.
 *
 * Values of a block [from, to): for scenario i, readout r and arm a, values[(i - from) * R * A + r * A + a].
 */
import type { Scenario } from '../../scenario/types';
import type { Integrator } from '../../solver/types';
import { simulate } from '../simulate';
import { integratorFor } from '../tolerances';
import { evaluateReadout, type Readout } from './readouts';

export interface RunOptions {
  integrator?: Integrator;
  /** called after each scenario with the number done in this block; returning true stops the block (cancel) */
  onEach?: (done: number) => boolean | undefined;
}

export interface ReadoutBlock {
  from: number;
  /** the end actually reached (less than asked when cancelled) */
  to: number;
  arms: number;
  values: Float64Array;
}

export function runReadouts(
  scenarioOf: (i: number) => Scenario,
  readouts: readonly Readout[],
  from: number,
  to: number,
  options: RunOptions = {},
): ReadoutBlock {
  // the explorer's tolerance: a scan's points are the explorer's own simulations (a test checks they are equal)
  const integrator = options.integrator ?? integratorFor('interactive');
  let arms = 0;
  let values = new Float64Array(0);
  for (let i = from; i < to; i++) {
    const result = simulate(scenarioOf(i), { integrator });
    if (i === from) {
      arms = result.arms.length;
      values = new Float64Array((to - from) * readouts.length * arms);
    }
    const width = readouts.length * arms;
    readouts.forEach((r, ri) => {
      result.arms.forEach((arm, a) => {
        values[(i - from) * width + ri * arms + a] = evaluateReadout(r, arm);
      });
    });
    if (options.onEach?.(i - from + 1) === true) {
      return { from, to: i + 1, arms, values: values.slice(0, (i + 1 - from) * width) };
    }
  }
  return { from, to, arms, values };
}

/**
 * One number per scenario: the readout of its first arm, or (with `contrast`) the first arm's minus the second's.
 * What a sensitivity analysis or a fit needs.
 */
export function runScalar(
  scenarioOf: (i: number) => Scenario,
  readout: Readout,
  contrast: boolean,
  from: number,
  to: number,
  options: RunOptions = {},
): Float64Array {
  const block = runReadouts(scenarioOf, [readout], from, to, options);
  const n = block.to - block.from;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = block.values[i * block.arms];
    out[i] = contrast ? v - block.values[i * block.arms + 1] : v;
  }
  return out;
}
