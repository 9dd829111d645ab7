// simulateArm's `series` option: only the requested series are filled, with the same values as a full run; its
// `onOutput` hook: the state at every output day, read without changing the run.
import { describe, expect, it } from 'vitest';
import { armTables, buildArmProblem, simulateArm, startDrugSegment } from '../../src/model/simulate';
import { CELLS_PER_MM3, STATE_SIZE, TUMOUR_COMPARTMENTS } from '../../src/model/state';
import { PRESETS } from '../../src/scenario/catalogue/presets';

describe('output series on request', () => {
  it('volume only: the same volumes and summary as a full run, every other series empty', () => {
    for (const preset of PRESETS) {
      for (const arm of preset.scenario.arms) {
        const full = simulateArm(preset.scenario, arm);
        const some = simulateArm(preset.scenario, arm, { series: ['tumourVolume'] });
        expect(Array.from(some.series.tumourVolume)).toEqual(Array.from(full.series.tumourVolume));
        expect(some.summary).toEqual(full.summary);
        expect(some.stats).toEqual(full.stats);
        expect(some.series.cd8.length).toBe(0);
        expect(some.series['drug.atezolizumab'].length).toBe(0);
      }
    }
  });

  it('a subset with signals: those series equal the full run, the rest are empty', () => {
    const preset = PRESETS[0];
    const arm = preset.scenario.arms[1];
    const full = simulateArm(preset.scenario, arm);
    const some = simulateArm(preset.scenario, arm, { series: ['pge2Plasma', 'cd8'] });
    expect(Array.from(some.series.pge2Plasma)).toEqual(Array.from(full.series.pge2Plasma));
    expect(Array.from(some.series.cd8)).toEqual(Array.from(full.series.cd8));
    expect(Array.from(some.series.tumourVolume)).toEqual(Array.from(full.series.tumourVolume));
    expect(some.series.m1.length).toBe(0);
  });

  it('the signals an output records are those of the full signals, bit for bit, at states along every preset arm', () => {
    const recorded = ['pge2', 'pge2PlasmaPgMl', 'neat1Plasma', 'ifn', 'il6Signal', 'pdl1', 'cd24'] as const;
    let compared = 0;
    for (const preset of PRESETS) {
      for (const arm of preset.scenario.arms) {
        const run = simulateArm(preset.scenario, arm);
        const problem = buildArmProblem(preset.scenario, arm);
        const model = problem.model;
        // every breakpoint's drug segment, at states of the run's trajectory (cells, T cells, macrophages, DCs)
        problem.breakpoints.forEach((b, i) => {
          startDrugSegment(problem, b);
          const k = Math.min(run.t.length - 1, Math.round((b.t / preset.scenario.horizon) * (run.t.length - 1)));
          const y = new Float64Array(STATE_SIZE);
          y.set(problem.y0);
          y[0] = run.series.sensitiveVolume[k] * 1e6 + i;
          y[3] = run.series.cd8[k];
          y[4] = run.series.m1[k];
          y[5] = run.series.m2[k];
          y[6] = run.series.dcMaturation[k];
          const t = b.t + 0.37;
          const full = { ...model.signals(t, y) };
          const fullLevels = Float64Array.from(model.drugs.levels);
          model.s.pdl1 = Number.NaN; // not left over from the full call
          const readout = model.readoutSignals(t, y);
          for (const name of recorded) expect(Object.is(readout[name], full[name])).toBe(true);
          expect(Array.from(model.drugs.levels)).toEqual(Array.from(fullLevels));
          compared++;
        });
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("onOutput: the state at every output day, whose tumour is the day's volume, and reading the signals there changes nothing", () => {
    for (const preset of PRESETS) {
      for (const arm of preset.scenario.arms) {
        const tables = armTables(preset.scenario, arm);
        const plain = simulateArm(preset.scenario, arm, { tables, series: ['tumourVolume'] });
        const seen = new Float64Array(plain.t.length).fill(Number.NaN);
        let kill = 0;
        const run = simulateArm(preset.scenario, arm, {
          tables,
          series: ['tumourVolume'],
          onOutput: (k, t, y) => {
            expect(t).toBe(plain.t[k]);
            let cells = 0;
            for (const c of TUMOUR_COMPARTMENTS) cells += y[c] > 0 ? y[c] : 0;
            seen[k] = cells / CELLS_PER_MM3;
            // what a script reads there (the model's drug levels are the day's)
            kill += tables.model.signals(t, y).tCellKill;
          },
        });
        expect(Number.isFinite(kill)).toBe(true);
        // every output day, the same volume as the series (to round-off: summed in another order)
        for (let k = 0; k < seen.length; k++) {
          expect(seen[k]).toBeCloseTo(run.series.tumourVolume[k], 9);
        }
        // the same run, bit for bit, as one without the hook
        expect(Array.from(run.series.tumourVolume)).toEqual(Array.from(plain.series.tumourVolume));
        expect(run.summary).toEqual(plain.summary);
        expect(run.stats).toEqual(plain.stats);
      }
    }
  });
});
