/**
 * The corners of the parameter box a link may set (every parameter at an end of its range), with the heaviest
 * schedule the codec accepts: the extremes the model can be driven to. At 3 of these 10 corners the solver used to
 * give up (step-size underflow at day 4, 14 and 23): with the angiogenesis dependence at its maximum (3 in patients)
 * and the carrying capacity at its minimum, bevacizumab turned the growth factor negative, so that a tumour above its
 * carrying capacity grew as N^2 and blew up in finite time (not stiffness: the Jacobian there has eigenvalues up to
 * +3e9 per day, and the stiff solver failed at the same day). The factor now stops at zero.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model';
import { buildArmProblem, startDrugSegment } from '../../src/model/simulate';
import { LINEAGE_SENSITIVE, SENSITIVE, STATE_SIZE } from '../../src/model/state';
import { longestSetting, parameterCorner, worstScenario } from '../../src/scenario';
import { createRandom } from '../../src/stats';

describe('the parameter box corners', () => {
  it('every corner (all minima, all maxima, 8 random, seed 1) solves with the worst schedule, finite and non-negative', () => {
    const setting = longestSetting();
    const random = createRandom(1);
    for (let k = 0; k < 10; k++) {
      const high = k === 0 ? () => false : k === 1 ? () => true : () => random.next() < 0.5;
      const scenario = { ...worstScenario(), parameters: parameterCorner(setting, high) };
      const result = simulate(scenario);
      for (const arm of result.arms) {
        for (const [name, values] of Object.entries(arm.series)) {
          for (let i = 0; i < values.length; i++) {
            const v = values[i];
            if (!(Number.isFinite(v) && v >= 0)) throw new Error(`corner ${k}, ${arm.name}, ${name}[${i}] = ${v}`);
          }
        }
      }
    }
  });

  it('a full VEGF block with growth 3x dependent on angiogenesis: a tumour above its carrying capacity does not grow', () => {
    const scenario = {
      ...worstScenario({ arms: 1 }),
      parameters: { angiogenesisGrowthDependence: 3, carryingCapacity: 1e9 },
    };
    const problem = buildArmProblem(scenario, scenario.arms[0]);
    startDrugSegment(problem, problem.breakpoints[0]); // day 0: the largest bevacizumab dose, among others
    const y = new Float64Array(STATE_SIZE);
    y[SENSITIVE] = 2e9; // twice the carrying capacity; no immune cells, so nothing but growth acts
    y[LINEAGE_SENSITIVE] = 2e9;
    const dy = new Float64Array(STATE_SIZE);
    problem.model.derivatives(0.01, y, dy);
    expect(problem.model.s.angiogenesisBlocked).toBeGreaterThan(0.9);
    expect(dy[SENSITIVE]).toBeLessThanOrEqual(0);
  });
});
