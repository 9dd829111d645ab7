// The extinction rule on check days, tested on the solver's dense output: a solver call ends at a check day only
// where the rule removes something. The rule still acts exactly on the check days, the work falls, and the results
// agree with a reference that ends a solver call at every check day and tests the rule on the step's end state.
import { describe, expect, it } from 'vitest';
import { assessmentScenario, cohortOutcomes, cohortPatients, trialPopulation } from '../../src/model/cohort';
import { SETTING_INFO, settingParameters } from '../../src/model/settings';
import {
  armTables,
  checkGrid,
  EXTINCTION_CHECK_DAYS,
  initialState,
  modelIntegrator,
  simulate,
  simulateArm,
} from '../../src/model/simulate';
import { LINEAGE_WEIGHTS, TUMOUR_COMPARTMENTS } from '../../src/model/state';
import { integratorFor } from '../../src/model/tolerances';
import { PRESETS, presetById } from '../../src/scenario/catalogue/presets';
import type { Arm, Scenario } from '../../src/scenario/types';
import type { Integrator, OutputCallback, RightHandSide } from '../../src/solver/types';

/** An integrator that passes every call on, counting them and seeing every point the solver calls back at. */
function watching(inner: Integrator, see: (t: number, y: Float64Array) => void): Integrator & { calls: number } {
  const watcher = {
    calls: 0,
    statistics: inner.statistics,
    resetStatistics: () => inner.resetStatistics(),
    get detectStiffness() {
      return inner.detectStiffness;
    },
    set detectStiffness(on: boolean | undefined) {
      inner.detectStiffness = on;
    },
    integrate(
      f: RightHandSide,
      t0: number,
      t1: number,
      y: Float64Array,
      grid: Float64Array,
      from: number,
      onOutput: OutputCallback,
      includeEnd: boolean,
    ): number {
      watcher.calls++;
      const seeing: OutputCallback = (k, t, yk) => {
        see(t, yk);
        return onOutput(k, t, yk);
      };
      return inner.integrate(f, t0, t1, y, grid, from, seeing, includeEnd);
    },
  };
  return watcher;
}

/**
 * The reference: every call split at every check day (period, 2 period, ...), so that the solver ends a step there
 * and the callback tests the rule on that step's end state (the next piece's first point), as the schedule before
 * the rule moved onto the dense output did (it ended a call at every check day the rule could act on).
 */
function cuttingAtCheckDays(inner: Integrator, period: number): Integrator {
  return {
    statistics: inner.statistics,
    resetStatistics: () => inner.resetStatistics(),
    integrate(f, t0, t1, y, grid, from, onOutput, includeEnd): number {
      let t = t0;
      let next = from;
      let stopped = false;
      const relay: OutputCallback = (k, tk, yk) => {
        stopped = onOutput(k, tk, yk) === true;
        return stopped;
      };
      for (;;) {
        const day = (Math.floor(t / period + 1e-9) + 1) * period;
        const end = day < t1 ? day : t1;
        stopped = false;
        next = inner.integrate(f, t, end, y, grid, next, relay, end === t1 && includeEnd);
        if (stopped || end === t1) return next;
        t = end;
      }
    },
  };
}

const onCheckDay = (t: number, period: number) => Math.abs(t / period - Math.round(t / period)) < 1e-9;

describe('the check grid', () => {
  it('merges the output days and the check days before the horizon, a day that is both once', () => {
    const grid = Float64Array.from([0, 3, 6, 7, 9, 14, 15, 21]);
    const merged = checkGrid(grid, 7, 21);
    expect(Array.from(merged.t)).toEqual([0, 3, 6, 7, 9, 14, 15, 21]);
    expect(Array.from(merged.output)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(merged.check)).toEqual([0, 0, 0, 1, 0, 1, 0, 0]);
    const sparse = checkGrid(Float64Array.from([0, 10, 20]), 7, 20);
    expect(Array.from(sparse.t)).toEqual([0, 7, 10, 14, 20]);
    expect(Array.from(sparse.output)).toEqual([0, -1, 1, -1, 2]);
    expect(Array.from(sparse.check)).toEqual([0, 1, 0, 1, 0]);
  });
});

describe('the extinction rule on the dense output', () => {
  it('removes a compartment on the first check day its lineage weight is below the threshold, on no other day', () => {
    let removals = 0;
    let waited = 0;
    for (const preset of PRESETS) {
      const scenario = preset.scenario;
      const period = EXTINCTION_CHECK_DAYS[SETTING_INFO[scenario.setting].scale];
      const threshold = { ...settingParameters(scenario.setting), ...scenario.parameters }.extinctionThreshold;
      for (const arm of scenario.arms) {
        // every point the solver calls back at (output days and check days), in order: at a check day where the
        // rule removes something, the day comes twice, before the removal (the stopped call) and after it
        const seen: { t: number; w: number[]; n: number[] }[] = [];
        const inner = modelIntegrator();
        const integrator = watching(inner, (t, y) => {
          seen.push({ t, w: LINEAGE_WEIGHTS.map((i) => y[i]), n: TUMOUR_COMPARTMENTS.map((i) => y[i]) });
        });
        // the history of a patient first, unwatched
        const y0 = initialState(scenario, arm, { integrator: inner });
        simulateArm(scenario, arm, { integrator, initialState: y0 });
        for (let c = 0; c < TUMOUR_COMPARTMENTS.length; c++) {
          // where the weight went from at least the threshold to below it, and where the compartment was removed
          let above = false;
          let firstCheckBelow = Number.NaN;
          let firstDayBelow = Number.NaN;
          let removedOn = Number.NaN;
          for (let j = 0; j < seen.length; j++) {
            const { t, w, n } = seen[j];
            if (w[c] >= threshold) above = true;
            else if (above && Number.isNaN(firstDayBelow) && w[c] > 0) firstDayBelow = t;
            if (above && Number.isNaN(firstCheckBelow) && w[c] < threshold && onCheckDay(t, period)) {
              firstCheckBelow = t;
            }
            if (Number.isNaN(removedOn) && j > 0 && (w[c] !== 0 || n[c] !== 0) === false) {
              const before = seen[j - 1];
              if (before.w[c] !== 0 || before.n[c] !== 0) removedOn = t;
            }
          }
          if (Number.isNaN(firstCheckBelow) && Number.isNaN(removedOn)) continue;
          // removed on a check day, the first on which its weight was below the threshold
          expect(removedOn, `${preset.id} ${arm.name} compartment ${c}`).toBe(firstCheckBelow);
          expect(onCheckDay(removedOn, period)).toBe(true);
          removals++;
          // the weight fell below the threshold between check days: the rule waited for the check day
          if (firstDayBelow < removedOn) waited++;
        }
      }
    }
    expect(removals).toBeGreaterThan(5);
    expect(waited).toBeGreaterThan(3);
  });

  it('ends a solver call only at a breakpoint or where the rule removes something: fewer evaluations', () => {
    // before the rule moved onto the dense output: 6,300 and 5,517 evaluations, 463 and 504 calls
    const bounds = { 'osimertinib-igf1r': 4_800, 'flaura-osimertinib': 4_500 } as const;
    for (const [id, bound] of Object.entries(bounds)) {
      const preset = presetById(id);
      if (!preset) throw new Error(`preset ${id} missing`);
      const integrator = watching(modelIntegrator(), () => {});
      const run = simulate(preset.scenario, { integrator });
      const evaluations = run.arms.reduce((sum, a) => sum + a.stats.rhsEvaluations, 0);
      expect(evaluations, id).toBeLessThan(bound);
      expect(integrator.calls, id).toBeLessThan(40);
    }
  });
});

describe('a call the stiff fallback repeats from its start', () => {
  it('tests the check days of the repeat as if the first attempt had not called back at all', () => {
    // the callback sees the points of a call twice, as after an explicit attempt that gave up: first with states that
    // are not the solution's (here the start state, far from the threshold, which moves the next check day on), then
    // from the start again with the solution's; the run must be the one without the first pass
    const preset = presetById('keap1-nrf2-patients');
    if (!preset) throw new Error('preset keap1-nrf2-patients missing');
    const scenario = preset.scenario;
    const inner = modelIntegrator();
    const repeating: Integrator = {
      statistics: inner.statistics,
      resetStatistics: () => inner.resetStatistics(),
      integrate(f, t0, t1, y, grid, from, onOutput, includeEnd) {
        const start = Float64Array.from(y);
        for (let k = from; k < grid.length && grid[k] < t1; k++) {
          if (grid[k] >= t0 && onOutput(k, grid[k], Float64Array.from(start)) === true) break;
        }
        return inner.integrate(f, t0, t1, y, grid, from, onOutput, includeEnd);
      },
    };
    let removals = 0;
    for (const arm of scenario.arms) {
      const y0 = initialState(scenario, arm, { integrator: inner });
      const plain = simulateArm(scenario, arm, { integrator: inner, initialState: y0 });
      const twice = simulateArm(scenario, arm, { integrator: repeating, initialState: y0 });
      expect(Array.from(twice.series.tumourVolume)).toEqual(Array.from(plain.series.tumourVolume));
      expect(Array.from(twice.series.eradicationProbability)).toEqual(Array.from(plain.series.eradicationProbability));
      const s = plain.series.sensitiveVolume;
      for (let k = 1; k < s.length; k++) if (s[k] === 0 && s[k - 1] > 0) removals++;
    }
    // the preset removes sensitive cells in mid-segment (day 119 and day 301)
    expect(removals).toBeGreaterThan(1);
  });
});

describe('agreement with a solver call ended at every check day', () => {
  it('FLAURA, 200 patients: every best response and response day the same, PFS and OS days within 0.01 day', () => {
    const preset = presetById('flaura-osimertinib');
    if (!preset?.scenario.cohort) throw new Error('preset flaura-osimertinib missing');
    const size = 200;
    const scenario: Scenario = { ...preset.scenario, cohort: { ...preset.scenario.cohort, size } };
    const settings = scenario.cohort;
    if (!settings) throw new Error('no cohort');
    const population = trialPopulation(scenario.setting);
    const patients = cohortPatients(scenario, 0, size, population);
    const grid = assessmentScenario(scenario, settings);
    const period = EXTINCTION_CHECK_DAYS[SETTING_INFO[scenario.setting].scale];
    const solver = integratorFor('trial');
    const reference = cuttingAtCheckDays(solver, period);
    // the trial's trajectories (as simulateTrajectories makes them), each arm solved by `integrator`; the day-0
    // state (the history) is the same for both
    const trajectories = (integrator: Integrator) => {
      let days = new Float64Array(0);
      const volumes = scenario.arms.map(() => new Float64Array(0));
      patients.forEach((patient, i) => {
        const s: Scenario = { ...grid, inputs: patient.inputs };
        const untreated: Arm = { name: '', inputs: {}, treatments: {} };
        const base = { parameterOverrides: patient.overrides, initialTumourCells: patient.baselineCells };
        const options = { ...base, integrator: solver, tables: armTables(s, untreated, base) };
        const y0 = initialState(s, untreated, options);
        scenario.arms.forEach((arm, a) => {
          const result = simulateArm(
            s,
            { ...arm, inputs: {} },
            { ...options, integrator, initialState: y0, series: ['tumourVolume'] },
          );
          const k = result.t.length;
          if (i === 0 && a === 0) days = Float64Array.from(result.t);
          if (volumes[a].length === 0) volumes[a] = new Float64Array(size * k);
          volumes[a].set(result.series.tumourVolume, i * k);
        });
      });
      return { from: 0, to: size, days, volumes, baselinePge2: new Float64Array(size) };
    };
    const dense = cohortOutcomes(scenario, trajectories(solver), population, patients);
    const cut = cohortOutcomes(scenario, trajectories(reference), population, patients);
    let compared = 0;
    dense.arms.forEach((arm, a) => {
      const other = cut.arms[a];
      expect(Array.from(arm.best), `arm ${a}`).toEqual(Array.from(other.best));
      expect(Array.from(arm.responseDays), `arm ${a}`).toEqual(Array.from(other.responseDays));
      for (let i = 0; i < size; i++) {
        expect(Math.abs(arm.pfsDays[i] - other.pfsDays[i])).toBeLessThan(0.01);
        expect(Math.abs(arm.osDays[i] - other.osDays[i])).toBeLessThan(0.01);
        compared++;
      }
    });
    expect(compared).toBe(size * scenario.arms.length);
  });
});
