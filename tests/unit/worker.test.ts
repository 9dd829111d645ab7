// Runs the real worker module (Comlink.expose and all) inside Node through @vitest/web-worker's same-thread Worker.
import '@vitest/web-worker';
import * as Comlink from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulate';
import { PRESETS } from '../../src/scenario/catalogue/presets';
import { runSimulation, type SimulationApi, simulationApi, transferables } from '../../src/worker/api';

const worker = new Worker(new URL('../../src/worker/sim.worker.ts', import.meta.url), { type: 'module' });
const api = Comlink.wrap<SimulationApi>(worker);
afterAll(() => worker.terminate());

describe('simulation worker', () => {
  it('answers through Comlink with the same numbers as the model', async () => {
    expect(await api.ping()).toBe('pong');
    const scenario = PRESETS[0].scenario;
    const result = await api.simulate(scenario, 1);
    expect(result).not.toBeNull();
    const direct = simulate(scenario);
    expect(result?.arms.map((a) => a.name)).toEqual(direct.arms.map((a) => a.name));
    expect(Array.from(result?.arms[3].series.tumourVolume ?? [])).toEqual(
      Array.from(direct.arms[3].series.tumourVolume),
    );
    expect(result?.arms[0].t).toBeInstanceOf(Float64Array);
  });

  it('warms up without error', async () => {
    await expect(api.warmUp()).resolves.toBeUndefined();
  });

  it("answers the page's first request before its warm-up is over: the request does not queue behind 35 arms", async () => {
    const events: string[] = [];
    // as the page does: the warm-up asked for first, the first simulation right after (request ids in this module
    // only grow: 100 stays below the next test's)
    const warm = simulationApi.warmUp().then(() => events.push('warm-up done'));
    const answer = simulationApi.simulate(PRESETS[0].scenario, 100).then(() => events.push('answered'));
    await Promise.all([warm, answer]);
    expect(events).toEqual(['answered', 'warm-up done']);
  });
});

describe('latest request wins', () => {
  it('a request superseded by a newer one returns null; the newest returns its result', async () => {
    const scenario = PRESETS[1].scenario;
    const first = runSimulation(scenario, 101);
    const second = runSimulation(scenario, 102);
    const third = runSimulation(scenario, 103);
    expect(await first).toBeNull();
    expect(await second).toBeNull();
    const last = await third;
    expect(last?.arms).toHaveLength(scenario.arms.length);
  });

  it('lists every typed array buffer once for transfer', () => {
    const result = simulate(PRESETS[0].scenario);
    const buffers = transferables(result);
    expect(new Set(buffers).size).toBe(buffers.length);
    for (const arm of result.arms) {
      for (const values of [arm.t, ...Object.values(arm.series)]) expect(buffers).toContain(values.buffer);
    }
    // an arm's series are views of one buffer (one allocation per arm); arms of one biology share their time grid
    // (simulate() makes an output grid once per biology), so a shared grid is listed once
    const grids = new Set(result.arms.map((a) => a.t.buffer));
    expect(grids.size).toBeLessThan(result.arms.length);
    expect(buffers.length).toBe(result.arms.length + grids.size);
  });
});
