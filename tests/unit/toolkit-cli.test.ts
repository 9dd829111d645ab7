/**
 * The scan and sensitivity commands: variables and readouts by name, the values they report against direct
 * simulations, bad options reported, and sharded runs merged into exactly the output of the whole run.
 */
import { describe, expect, it } from 'vitest';
import { runMergeCli } from '../../src/cli/merge-run';
import { runScanCli } from '../../src/cli/scan-run';
import { runSensitivityCli } from '../../src/cli/sensitivity-run';
import { evaluateReadout, parseReadout, simulate, timeToProgression } from '../../src/model';
import { applyVariable, encodeScenario, parseVariable, type Scenario, scanScenario } from '../../src/scenario';
import { presetById } from '../../src/scenario/catalogue';

const NRF2 = presetById('nrf2-atezo-bev')?.scenario as Scenario;
const LUNG = presetById('osimertinib-igf1r')?.scenario as Scenario;
const nrf2Link = encodeScenario(NRF2);

describe('variables', () => {
  it('moving a drug’s start day keeps its window length, in every arm that gives it and no other', () => {
    const v = parseVariable('cox2.start');
    if ('error' in v) throw new Error(v.error);
    const moved = applyVariable(NRF2, v, 10);
    const before = NRF2.arms[4].treatments.cox2i;
    const after = moved.arms[4].treatments.cox2i;
    expect(after?.start).toBe(10);
    expect((after?.stop ?? 0) - (after?.start ?? 0)).toBe((before?.stop ?? 0) - (before?.start ?? 0));
    expect(moved.arms.slice(0, 4)).toEqual(NRF2.arms.slice(0, 4));
  });

  it('an arm’s own slider changes that arm only; a window length moves the stop day', () => {
    const v = parseVariable('arm2.il6');
    const w = parseVariable('igf.window');
    if ('error' in v || 'error' in w) throw new Error('unparsed');
    expect(applyVariable(NRF2, v, 0.9).arms.map((a) => a.inputs.il6)).toEqual([
      undefined,
      0.9,
      undefined,
      undefined,
      undefined,
    ]);
    expect(applyVariable(LUNG, w, 25).arms[3].treatments.igf1ri?.stop).toBe(25);
    expect(parseVariable('cox9.start')).toHaveProperty('error');
  });
});

describe('readouts', () => {
  it('time to progression is the first day the volume reaches 1.728 × its nadir after a response', () => {
    expect(timeToProgression([0, 1, 2, 3, 4], [10, 5, 4, 6, 7])).toBe(4);
    expect(timeToProgression([0, 1, 2], [10, 11, 12])).toBe(2);
    expect(timeToProgression([0, 1, 2, 3], [10, 12, 18, 30])).toBe(2);
  });
});

describe('scan command', () => {
  it('a 1-D scan of the COX-2 inhibitor start day gives the day-28 volumes of direct simulations', () => {
    const out = runScanCli(['--vary', 'cox2.start=0:21', '--points', '4', '--readout', 'volume@28', nrf2Link]);
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.variables[0].values).toEqual([0, 7, 14, 21]);
    expect(json.points).toHaveLength(4);
    const spec = { axes: [{ variable: parseVariable('cox2.start') as never, min: 0, max: 21, points: 4, log: false }] };
    const direct = simulate(scanScenario(NRF2, spec, 2)).arms[4];
    const readout = parseReadout('volume@28');
    if ('error' in readout) throw new Error(readout.error);
    expect(json.points[2]['volume@28'][4]).toBe(evaluateReadout(readout, direct));
    // arms without the drug do not change along the scan
    expect(new Set(json.points.map((p: Record<string, number[]>) => p['volume@28'][0])).size).toBe(1);
    // a later start of the COX-2 inhibitor leaves a larger tumour at day 28
    expect(json.points[3]['volume@28'][4]).toBeGreaterThan(json.points[0]['volume@28'][4]);
  });

  it('a 2-D scan in CSV has one row per point and arm', () => {
    const out = runScanCli([
      '--vary',
      'p.tCellKillRate=1:10',
      '--vary',
      'nrf2',
      '--points',
      '3',
      '--readout',
      'change@14',
      '--format',
      'csv',
      's=hcc-mouse&h=14&arm=A*atz:10@7-20/3&arm=B',
    ]);
    expect(out.status).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toBe('point,p.tCellKillRate,nrf2,arm,change@14');
    expect(lines).toHaveLength(1 + 9 * 2);
  });

  it('reports bad variables, readouts and ranges on stderr', () => {
    expect(runScanCli(['--vary', 'p.nope', nrf2Link]).stderr).toContain('unknown model parameter');
    expect(runScanCli(['--vary', 'nrf2', '--readout', 'volume@99', nrf2Link]).stderr).toContain('after the horizon');
    expect(runScanCli(['--vary', 'osi.start', nrf2Link]).stderr).toContain('no arm gives osimertinib');
    expect(runScanCli(['--vary', 'nrf2=1:0', nrf2Link]).status).toBe(2);
  });

  it('three shards merged give exactly the output of the whole scan', () => {
    const args = ['--vary', 'igf.window=0:40', '--points', '5', '--readout', 'eradication', '--readout', 'toxicity'];
    const link = encodeScenario(LUNG);
    const whole = runScanCli([...args, link]);
    const parts = [1, 2, 3].map((k) => runScanCli([...args, '--shard', `${k}/3`, link]).stdout);
    const merged = runMergeCli(['a', 'b', 'c'], (name) => parts['abc'.indexOf(name)]);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(whole.stdout);
    // a longer IGF-1R window eradicates the AXL-low persisters and costs more toxicity
    const json = JSON.parse(whole.stdout);
    expect(json.points[4].eradication[3]).toBeGreaterThan(0.9); // P(eradication), a lower bound (docs/model.md)
    expect(json.points[4].toxicity[3]).toBeGreaterThan(json.points[1].toxicity[3]);
  });
});

describe('sensitivity command', () => {
  const base = [
    '--parameters',
    'pge2Half,nrf2Pge2Induction,tCellKillRate',
    '--readout',
    'logvolume@28',
    '--arm',
    '5',
    '--versus',
    '4',
  ];

  it('a tornado puts each factor at both ends of its range and sorts the bars by swing', () => {
    const out = runSensitivityCli(['--method', 'tornado', ...base, nrf2Link]);
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.runs).toBe(7);
    const swings = json.factors.map((f: { swing: number }) => f.swing);
    expect([...swings].sort((a, b) => b - a)).toEqual(swings);
    expect(json.armName).toBe('NRF2-high, atezo/bev + COX-2i');
  });

  it('Sobol’ indices come with intervals, and shards merge into exactly the whole analysis', () => {
    const args = [...base, '--samples', '16', nrf2Link];
    const whole = runSensitivityCli(args);
    expect(whole.status).toBe(0);
    const json = JSON.parse(whole.stdout);
    expect(json.runs).toBe(16 * 5);
    for (const f of json.factors) {
      expect(f.firstLower).toBeLessThanOrEqual(f.first);
      expect(f.totalUpper).toBeGreaterThanOrEqual(f.total);
    }
    const parts = [1, 2].map((k) => runSensitivityCli(['--shard', `${k}/2`, ...args]).stdout);
    expect(runMergeCli(['a', 'b'], (n) => parts[n === 'a' ? 0 : 1]).stdout).toBe(whole.stdout);
  });

  it('--second-order adds S_jk for every pair of factors (N (2d + 2) runs), and its shards merge into exactly the whole analysis', () => {
    const args = [...base, '--samples', '16', '--second-order', nrf2Link];
    const whole = runSensitivityCli(args);
    expect(whole.stderr).toBe('');
    const json = JSON.parse(whole.stdout);
    expect(json.runs).toBe(16 * (2 * 3 + 2));
    expect(json.second.map((e: { factors: string[] }) => e.factors.join(' × '))).toEqual([
      'p.pge2Half × p.nrf2Pge2Induction',
      'p.pge2Half × p.tCellKillRate',
      'p.nrf2Pge2Induction × p.tCellKillRate',
    ]);
    for (const e of json.second) {
      expect(e.lower).toBeLessThanOrEqual(e.index);
      expect(e.upper).toBeGreaterThanOrEqual(e.index);
    }
    const parts = [1, 2].map((k) => runSensitivityCli(['--shard', `${k}/2`, ...args]).stdout);
    expect(runMergeCli(['a', 'b'], (n) => parts[n === 'a' ? 0 : 1]).stdout).toBe(whole.stdout);
    expect(runSensitivityCli(['--method', 'tornado', ...base, '--second-order', nrf2Link]).stderr).toContain(
      '--second-order needs --method sobol',
    );
  });

  it('PRCC ranks the factors with p-values; bad options are reported', () => {
    const out = runSensitivityCli(['--method', 'prcc', ...base, '--samples', '40', '--format', 'csv', nrf2Link]);
    expect(out.status).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('name,min,max,log,prcc,p');
    expect(runSensitivityCli(['--method', 'magic', nrf2Link]).stderr).toContain('--method');
    expect(runSensitivityCli([...base, '--versus', '5', nrf2Link]).stderr).toContain('another arm');
    expect(runSensitivityCli(['--readout', 'ttp', nrf2Link]).stderr).toContain('give the factors');
  });
});

describe('the commands read the analysis a link shares (tool keys)', () => {
  const heatmap =
    'tool=heatmap&tool.x=cox2.start:0:21:3&tool.y=p.tCellKillRate:2:12:2&tool.r=volume@28&tool.arm=5&tool.vs=4';

  it('scan runs the link’s difference heat map: the same numbers as the options written out, and the difference of the two arms', () => {
    const fromLink = runScanCli(['--format', 'csv', `${nrf2Link}&${heatmap}`]);
    expect(fromLink.stderr).toBe('');
    const explicit = runScanCli([
      ...['--vary', 'cox2.start=0:21:3', '--vary', 'p.tCellKillRate=2:12:2', '--readout', 'volume@28'],
      ...['--arm', '5', '--versus', '4', '--format', 'csv', nrf2Link],
    ]);
    expect(fromLink.stdout).toBe(explicit.stdout);
    const rows = fromLink.stdout.trim().split('\n').slice(1);
    // 3 × 2 points × (two arms and their difference); axes of their own lengths
    expect(rows).toHaveLength(3 * 2 * 3);
    expect(rows[0]).toMatch(/^0,0,2,"NRF2-high, atezo\/bev \+ COX-2i",/);
    expect(rows[17]).toMatch(/^5,21,12,"NRF2-high, atezo\/bev \+ COX-2i − NRF2-high, atezo\/bev",/);
    const value = (r: string) => Number(r.split(',').at(-1));
    for (let p = 0; p < 6; p++)
      expect(value(rows[3 * p + 2])).toBeCloseTo(value(rows[3 * p]) - value(rows[3 * p + 1]), 9);
    // what the command line gives itself wins over the link
    const own = JSON.parse(runScanCli(['--readout', 'volume@14', `${nrf2Link}&${heatmap}`]).stdout);
    expect(own.readouts[0].name).toBe('volume@14');
    expect(own.difference.name).toBe('NRF2-high, atezo/bev + COX-2i − NRF2-high, atezo/bev');
  });

  it('sensitivity runs the link’s tornado or Sobol’ analysis, as the options written out would', () => {
    const tornado =
      'tool=tornado&tool.r=logvolume@28&tool.arm=5&tool.vs=4&tool.f=pge2Half,nrf2Pge2Induction,tCellKillRate';
    const fromLink = runSensitivityCli([`${nrf2Link}&${tornado}`]);
    expect(fromLink.stderr).toBe('');
    const explicit = runSensitivityCli([
      ...['--method', 'tornado', '--parameters', 'pge2Half,nrf2Pge2Induction,tCellKillRate'],
      ...['--readout', 'logvolume@28', '--arm', '5', '--versus', '4', nrf2Link],
    ]);
    // the same analysis; only the query echoed differs (the link's own, with its tool keys)
    const { query: q1, ...a } = JSON.parse(fromLink.stdout);
    const { query: q2, ...b } = JSON.parse(explicit.stdout);
    expect(a).toEqual(b);
    expect(q1).toContain('tool=tornado');
    expect(q2).not.toContain('tool=');
    const sobol = JSON.parse(
      runSensitivityCli([`${nrf2Link}&${tornado.replace('tornado', 'sobol')}&tool.n=32`]).stdout,
    );
    expect(sobol.method).toBe('sobol');
    expect(sobol.runs).toBe(32 * 5);
  });
});
