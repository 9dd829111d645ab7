/**
 * What arms share: a patient's day-0 state (after the pre-treatment history) and the tables of its problem are made
 * once, not once per arm, and every value is the same, bit for bit, as when each arm makes its own.
 */
import { describe, expect, it } from 'vitest';
import { assessmentScenario, cohortPatients, simulateTrajectories } from '../../src/model/cohort';
import { initialState, modelIntegrator, simulate, simulateArm } from '../../src/model/simulate';
import { integratorFor } from '../../src/model/tolerances';
import { presetById } from '../../src/scenario/catalogue/presets';
import type { Arm, Scenario } from '../../src/scenario/types';
import { runSimulation } from '../../src/worker/api';

function preset(id: string): Scenario {
  const p = presetById(id);
  if (!p) throw new Error(`preset ${id} missing`);
  return p.scenario;
}

const evaluations = (r: ReturnType<typeof simulate>) => r.arms.reduce((n, a) => n + a.stats.rhsEvaluations, 0);

describe('arms of the same biology in the explorer', () => {
  it('share one pre-treatment history: every series equals the arm simulated on its own, bit for bit', () => {
    // IMbrave150: three arms of one biology; keap1-nrf2-patients: two NRF2 statuses, two arms each
    for (const id of ['imbrave150', 'keap1-nrf2-patients']) {
      const scenario = preset(id);
      const together = simulate(scenario);
      scenario.arms.forEach((arm, a) => {
        const alone = simulateArm(scenario, arm);
        expect(Object.keys(together.arms[a].series)).toEqual(Object.keys(alone.series));
        for (const [name, values] of Object.entries(alone.series)) {
          const shared = together.arms[a].series[name as keyof typeof alone.series];
          expect(shared.length, `${id} ${arm.name} ${name}`).toBe(values.length);
          for (let k = 0; k < values.length; k++) {
            if (!Object.is(shared[k], values[k]))
              expect.fail(`${id} ${arm.name} ${name}[${k}]: ${shared[k]} != ${values[k]}`);
          }
        }
        expect(together.arms[a].summary).toEqual(alone.summary);
      });
    }
  });

  it('integrate the history once per biology: the evaluations saved are the other arms’ histories', () => {
    const scenario = preset('imbrave150');
    const integrator = modelIntegrator();
    integrator.resetStatistics();
    initialState(scenario, scenario.arms[0], { integrator });
    const history = integrator.statistics.rhsEvaluations;
    expect(history).toBeGreaterThan(0);
    const separately = scenario.arms.reduce((n, arm) => n + simulateArm(scenario, arm).stats.rhsEvaluations, 0);
    expect(evaluations(simulate(scenario))).toBe(separately - (scenario.arms.length - 1) * history);
  });

  it('do not share a state across different biology or in a setting without a history', () => {
    // keap1-nrf2-patients: KEAP1/NRF2-mutant and wild-type patients start from different day-0 states
    const keap1 = preset('keap1-nrf2-patients');
    const starts = new Set(simulate(keap1).arms.map((a) => a.series.tumourVolume[0]));
    expect(starts.size).toBe(2);
    // a mouse setting: tumours are implanted, no history; nothing is shared and nothing changes
    const mouse = preset('nrf2-atezo-bev');
    const alone = mouse.arms.reduce((n, arm) => n + simulateArm(mouse, arm).stats.rhsEvaluations, 0);
    expect(evaluations(simulate(mouse))).toBe(alone);
  });
});

describe('the explorer’s requests (the worker)', () => {
  const sameSeries = (a: ReturnType<typeof simulate>, b: ReturnType<typeof simulate>) => {
    a.arms.forEach((arm, i) => {
      for (const [name, values] of Object.entries(arm.series)) {
        expect(Array.from(values), `${arm.name} ${name}`).toEqual(
          Array.from(b.arms[i].series[name as keyof typeof arm.series]),
        );
      }
    });
  };

  it('reuse the day-0 state while only treatments change, and make it again when a parameter changes', async () => {
    const scenario = preset('imbrave150');
    const integrator = modelIntegrator();
    initialState(scenario, scenario.arms[0], { integrator });
    const history = integrator.statistics.rhsEvaluations;

    const first = await runSimulation(scenario, 10_001);
    if (!first) throw new Error('superseded');
    sameSeries(first, simulate(scenario));
    expect(evaluations(first)).toBe(evaluations(simulate(scenario)));

    // a dose slider moved: the same biology, so the history is not integrated again; the values are a fresh run's
    const [drug, schedule] = Object.entries(scenario.arms[1].treatments)[0];
    if (!schedule) throw new Error('no treatment');
    const arms = scenario.arms.map((arm, i) =>
      i === 1 ? { ...arm, treatments: { ...arm.treatments, [drug]: { ...schedule, dose: schedule.dose / 2 } } } : arm,
    );
    const dose: Scenario = { ...scenario, arms };
    const second = await runSimulation(dose, 10_002);
    if (!second) throw new Error('superseded');
    sameSeries(second, simulate(dose));
    expect(evaluations(second)).toBe(evaluations(simulate(dose)) - history);

    // a parameter changed: another history, integrated once for the three arms
    const changed: Scenario = { ...dose, parameters: { ...dose.parameters, tCellKillRate: 0.3 } };
    const third = await runSimulation(changed, 10_003);
    if (!third) throw new Error('superseded');
    sameSeries(third, simulate(changed));
    expect(evaluations(third)).toBe(evaluations(simulate(changed)));
  });
});

describe('a virtual patient’s arms in a trial', () => {
  const base = preset('imbrave150');
  const scenario: Scenario = {
    ...base,
    arms: [base.arms[1], base.arms[2]],
    cohort: { size: 12, seed: 3, cancer: 'hcc', assessmentInterval: 42, pge2Cutoff: 100 },
  };

  it('give the same volumes, bit for bit, as arms that each build their own problem from the shared day-0 state', () => {
    const shared = simulateTrajectories(scenario, 0, 12);
    const settings = scenario.cohort;
    if (!settings) throw new Error('no cohort');
    const grid = assessmentScenario(scenario, settings);
    const untreated: Arm = { name: '', inputs: {}, treatments: {} };
    const k = shared.days.length;
    cohortPatients(scenario, 0, 12).forEach((patient, i) => {
      const s: Scenario = { ...grid, inputs: patient.inputs };
      const options = {
        integrator: integratorFor('trial'),
        parameterOverrides: patient.overrides,
        initialTumourCells: patient.baselineCells,
      };
      const y0 = initialState(s, untreated, options);
      scenario.arms.forEach((arm, a) => {
        const own = simulateArm(s, { ...arm, inputs: {} }, { ...options, initialState: y0, series: ['tumourVolume'] });
        const volumes = shared.volumes[a].subarray(i * k, (i + 1) * k);
        expect(Array.from(volumes), `patient ${i} arm ${a}`).toEqual(Array.from(own.series.tumourVolume));
      });
    });
  });

  it('pay the pre-treatment history once per patient, not once per arm', () => {
    const settings = scenario.cohort;
    if (!settings) throw new Error('no cohort');
    const patient = cohortPatients(scenario, 0, 1)[0];
    const s: Scenario = { ...assessmentScenario(scenario, settings), inputs: patient.inputs };
    const options = { parameterOverrides: patient.overrides, initialTumourCells: patient.baselineCells };
    const integrator = integratorFor('trial');
    initialState(s, { name: '', inputs: {}, treatments: {} }, { ...options, integrator });
    const history = integrator.statistics.rhsEvaluations;
    const y0 = initialState(s, { name: '', inputs: {}, treatments: {} }, { ...options, integrator });
    const arms = scenario.arms.reduce(
      (n, arm) =>
        n +
        simulateArm(s, { ...arm, inputs: {} }, { ...options, integrator, initialState: y0, series: ['tumourVolume'] })
          .stats.rhsEvaluations,
      0,
    );
    // count the trial's own work: every evaluation of its integrator
    const counting = integratorFor('trial');
    let total = 0;
    const integrate = counting.integrate;
    counting.integrate = (...args) => {
      const before = counting.statistics.rhsEvaluations;
      const next = integrate(...args);
      total += counting.statistics.rhsEvaluations - before;
      return next;
    };
    simulateTrajectories(scenario, 0, 1, undefined, counting);
    expect(history).toBeGreaterThan(0);
    expect(total).toBe(history + arms);
  });
});
