/**
 * The codec's limits held to a measured budget: the heaviest link they allow (built from the limits, not by hand)
 * decodes as it is and simulates within WORST_LINK_STEP_BUDGET solver steps; its cost grows linearly with the arms
 * and less than linearly with the horizon and the doses. Steps are counted, not timed: the test holds on any machine.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model';
import {
  ARM_LIMITS,
  decodeScenario,
  encodeScenario,
  HORIZON_LIMITS,
  MAX_QUERY_LENGTH,
  OUTPUT_STEP_LIMITS,
  SCHEDULE_LIMITS,
  type Scenario,
  WORST_LINK_STEP_BUDGET,
  worstScenario,
  worstTrial,
} from '../../src/scenario';

function steps(scenario: Scenario): number {
  return simulate(scenario).arms.reduce((s, a) => s + a.stats.acceptedSteps + a.stats.rejectedSteps, 0);
}

describe('the heaviest link the codec accepts', () => {
  const worst = worstScenario();
  const worstSteps = steps(worst);

  it('is at every limit, fits the link length and decodes without a message', () => {
    expect(worst.arms).toHaveLength(ARM_LIMITS.maxArms);
    expect(worst.horizon).toBe(Math.max(...Object.values(HORIZON_LIMITS).map((h) => h.max)));
    expect(worst.horizon / worst.outputStep).toBeCloseTo(OUTPUT_STEP_LIMITS.maxPoints, 6);
    for (const arm of worst.arms)
      for (const t of Object.values(arm.treatments)) {
        expect(((t?.stop ?? 0) - (t?.start ?? 0)) / (t?.interval ?? 1)).toBeCloseTo(SCHEDULE_LIMITS.maxDoses, 6);
      }
    const query = encodeScenario(worst);
    expect(query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    const decoded = decodeScenario(query);
    expect(decoded.errors).toEqual([]);
    expect(decoded.scenario).toEqual(worst);
    // and so does the heaviest trial
    expect(decodeScenario(encodeScenario(worstTrial())).errors).toEqual([]);
  });

  it(`simulates within the budget of ${WORST_LINK_STEP_BUDGET.toLocaleString('en')} solver steps`, () => {
    console.log(`worst link: ${worstSteps.toLocaleString('en')} solver steps`);
    expect(worstSteps).toBeLessThanOrEqual(WORST_LINK_STEP_BUDGET);
  });

  it('costs the same per arm (linear in arms), and less than proportionally more for a longer horizon or more doses', () => {
    // the arms share one day-0 state (one pre-treatment history in a patient setting), then each costs the same
    const one = steps(worstScenario({ arms: 1 }));
    const two = steps(worstScenario({ arms: 2 }));
    expect(worstSteps).toBe(one + (ARM_LIMITS.maxArms - 1) * (two - one));
    const oneYear = steps(worstScenario({ arms: 1, horizon: 365 }));
    const fiveYears = steps(worstScenario({ arms: 1 }));
    expect(fiveYears).toBeGreaterThan(oneYear);
    expect(fiveYears).toBeLessThan((1825 / 365) * oneYear);
    const oneDose = steps(worstScenario({ arms: 1, dosesPerDrug: 1 }));
    expect(fiveYears).toBeLessThan(4 * oneDose); // 2000 doses of every drug: under 4x one dose each
  });
});
