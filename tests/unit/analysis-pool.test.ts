// The toolkit's runs in the worker pool: scans and sensitivity analyses split into blocks over workers give the same
// numbers as one direct run, report progress up to the total, and stop at once when cancelled. Workers are the real
// API over MessageChannels (as in cohort-pool.test.ts); one test uses the real worker module.
import '@vitest/web-worker';
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { parseReadout, runReadouts } from '../../src/model';
import { parseVariable, type ScanSpec, type Scenario, scanScenario, scanSize } from '../../src/scenario';
import { presetById } from '../../src/scenario/catalogue';
import { defaultRange, type Factor, type Variable } from '../../src/scenario/variables';
import { sensitivityBlock, sensitivityResult } from '../../src/worker/analysis';
import { AnalysisCancelled, runScan, runSensitivity } from '../../src/worker/analysisPool';
import type { simulationApi } from '../../src/worker/api';
import { channelWorker } from './channel-worker';

const factory = channelWorker;
const realWorker = () => new Worker(new URL('../../src/worker/sim.worker.ts', import.meta.url), { type: 'module' });

const NRF2 = presetById('nrf2-atezo-bev')?.scenario as Scenario;
const variable = (text: string): Variable => {
  const v = parseVariable(text);
  if ('error' in v) throw new Error(v.error);
  return v;
};
const spec: ScanSpec = { axes: [{ variable: variable('cox2.start'), min: 0, max: 21, points: 12, log: false }] };

describe('toolkit runs in the worker pool', () => {
  it('a scan over two workers equals the direct run, with progress to the total', async () => {
    const progress: number[] = [];
    const run = runScan(NRF2, spec, ['volume@28', 'ttp'], scanSize(spec), (done) => progress.push(done), {
      workers: 2,
      factory,
      blockSize: 3,
    });
    const result = await run.result;
    const readouts = ['volume@28', 'ttp'].map((t) => parseReadout(t)) as never[];
    const direct = runReadouts((i) => scanScenario(NRF2, spec, i), readouts, 0, scanSize(spec));
    expect(Array.from(result.values)).toEqual(Array.from(direct.values));
    expect(progress.at(-1)).toBe(12);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('cancel rejects the run at once with AnalysisCancelled', async () => {
    const run = runScan(NRF2, spec, ['volume@28'], scanSize(spec), () => {}, { workers: 2, factory, blockSize: 1 });
    run.cancel();
    await expect(run.result).rejects.toBeInstanceOf(AnalysisCancelled);
  });

  it('a tornado in the real worker module gives the direct analysis', async () => {
    const factors: Factor[] = ['p.tCellKillRate', 'p.pge2Half'].map((t) => {
      const v = variable(t);
      return { variable: v, range: defaultRange(NRF2, v) };
    });
    const request = {
      scenario: NRF2,
      factors,
      design: { method: 'tornado' as const, factors: 2, samples: 0, seed: 1 },
      readout: 'logvolume@28',
      arms: [4, 3],
    };
    const run = runSensitivity(request, 5, () => {}, { workers: 1, factory: realWorker });
    const result = await run.result;
    expect(result).toEqual(sensitivityResult(request, sensitivityBlock(request, 0, 5)));
    expect(result.tornado?.bars).toHaveLength(2);
  });
});

describe('fitting in the worker', () => {
  it('the worker API fits a growth rate to measurements of the untreated arm', async () => {
    const worker = factory();
    const remote = Comlink.wrap<typeof simulationApi>(worker);
    const v = variable('p.sensitiveGrowthRate');
    const range = defaultRange(NRF2, v);
    const scenario = { ...NRF2, arms: [NRF2.arms[0]] };
    const data = [7, 14, 21, 28].map((day) => ({ armIndex: 0, series: 'tumourVolume', day, value: 0 }));
    const truth = runReadouts(
      () => ({ ...scenario, parameters: { sensitiveGrowthRate: 0.45 } }),
      data.map((d) => parseReadout(`volume@${d.day}`)) as never[],
      0,
      1,
    );
    data.forEach((d, i) => {
      d.value = truth.values[i];
    });
    const result = await remote.fit({
      scenario,
      factors: [{ variable: v, range }],
      fitFactors: [{ name: 'g', min: range.min, max: range.max, log: false, start: 0.3 }],
      data,
      scale: 'log',
    });
    worker.terminate();
    expect(result.factors[0].estimate).toBeCloseTo(0.45, 4);
  });
});
