/**
 * Toolkit benchmarks: a Sobol' analysis of 8 parameters with N = 512 (5,120 runs of two arms) of a preset's readout,
 * and a 50-point scan of a 5-arm preset, each on one thread, printed with their peer measured in the same run (one
 * simulation of the same arms), so the figures read as overhead over plain simulation whatever the machine's load.
 */
import { parseReadout, runReadouts, runScalar, simulate } from '../src/model';
import { analyseSensitivity, designPoints, designRunCount } from '../src/model/analysis';
import { presetById } from '../src/scenario/catalogue';
import { scanScenario } from '../src/scenario/scan';
import { defaultRange, type Factor, factorScenario, parseVariable, type Variable } from '../src/scenario/variables';
import { measure } from './timing';

export interface ToolkitBench {
  sobolMs: number;
  sobolRuns: number;
  sobolPeerMs: number;
  scanMs: number;
  scanPeerMs: number;
}

const PARAMETERS = [
  'tCellKillRate',
  'tCellRecruitment',
  'tCellDeath',
  'pge2Half',
  'pge2MaxInhibition',
  'nrf2Pge2Induction',
  'pge2Basal',
  'sensitiveGrowthRate',
];

function variable(text: string): Variable {
  const v = parseVariable(text);
  if ('error' in v) throw new Error(v.error);
  return v;
}

export function benchToolkit(): ToolkitBench {
  const scenario = presetById('nrf2-atezo-bev')?.scenario;
  if (!scenario) throw new Error('preset missing');
  const readout = parseReadout('logvolume@28');
  if ('error' in readout) throw new Error(readout.error);

  // Sobol': 8 parameters, N = 512, arm 5 (atezo/bev + COX-2i) minus arm 4 (atezo/bev), NRF2-high
  const factors: Factor[] = PARAMETERS.map((id) => {
    const v = variable(`p.${id}`);
    return { variable: v, range: defaultRange(scenario, v) };
  });
  const design = { method: 'sobol' as const, factors: factors.length, samples: 512, seed: 1 };
  const runs = designRunCount(design);
  const point = designPoints(design);
  const pair = { ...scenario, arms: [scenario.arms[4], scenario.arms[3]] };
  const peer = measure(() => simulate(pair), { runs: 30 });
  const t0 = performance.now();
  const y = runScalar((k) => factorScenario(scenario, factors, point(k), [4, 3]), readout, true, 0, runs);
  const result = analyseSensitivity(
    design,
    y,
    PARAMETERS,
    factors.map((f) => f.range),
  );
  const sobolMs = performance.now() - t0;

  // a 50-point scan of the 5-arm preset: COX-2 inhibitor start day 0–21 against day-28 volume
  const spec = { axes: [{ variable: variable('cox2.start'), min: 0, max: 21, points: 50, log: false }] };
  const scanPeer = measure(() => simulate(scenario), { runs: 20 });
  const volume = parseReadout('volume@28');
  if ('error' in volume) throw new Error(volume.error);
  const scan = measure(() => runReadouts((i) => scanScenario(scenario, spec, i), [volume], 0, 50), {
    warmup: 1,
    warmupMs: 0,
    runs: 5,
  });

  const top = result.sobol?.indices
    .map((e, j) => ({ name: PARAMETERS[j], total: e.total }))
    .sort((a, b) => b.total - a.total)
    .slice(0, 3)
    .map((e) => `${e.name} ${e.total.toFixed(2)}`)
    .join(', ');
  console.log('\nToolkit (one thread)');
  console.log(
    `  Sobol' 8 parameters, N = 512: ${runs} runs of 2 arms in ${(sobolMs / 1000).toFixed(1)} s ` +
      `(${(sobolMs / runs).toFixed(2)} ms per run; one plain simulation of the 2 arms ${peer.median.toFixed(2)} ms, ` +
      `overhead ${(sobolMs / runs / peer.median).toFixed(2)}x); largest total indices: ${top}`,
  );
  console.log(
    `  scan 50 points x 5 arms: ${scan.median.toFixed(0)} ms median (one plain simulation of the 5 arms ` +
      `${scanPeer.median.toFixed(2)} ms; 50 of them ${(50 * scanPeer.median).toFixed(0)} ms, ` +
      `overhead ${(scan.median / (50 * scanPeer.median)).toFixed(2)}x)`,
  );
  return { sobolMs, sobolRuns: runs, sobolPeerMs: peer.median, scanMs: scan.median, scanPeerMs: scanPeer.median };
}
