/**
 * How fast the virtual IMbrave150 trial's responses come, and why (docs/model.md, "Time to response"): runs the
 * calibrated trial (the preset imbrave150-trial, the population of src/model/trial-population.json), then simulates
 * every evaluable patient of one arm again on a daily grid with the model's signals, and prints per best response
 * (CR/PR, SD, PD): the residual tissue and the viable fraction a measured partial response needs, the day the viable
 * and the measured volume first fall to 0.343 of baseline (a 30 % smaller diameter), the nadir, the net shrinkage
 * rate over windows, and the CD8 T cells (per tumour cell, and relative to day 0), the immune kill per tumour cell and
 * the PD-1 inhibition at days 0-126; then the responders by the scan that first showed their response.
 *
 *   npx tsx scripts/response-kinetics.ts [patients] [seed] [name=value ...] [p.name=value ...]
 *
 * name=value changes the population, p.name=value a patient-scale model parameter (what-ifs); ARM=0 in the
 * environment reads the sorafenib arm instead of atezo/bev (its day 0 is the untreated state's PD-1 inhibition).
 * The dense run is the model's own (simulateArm, as a trial runs an arm: its breakpoints and extinction checks), read
 * at every output day through its onOutput hook, because the immune kill and the PD-1 inhibition are signals, not
 * output series.
 */
import { cohortOutcomes, cohortPatients, simulateTrajectories } from '../src/model/cohort';
import { TRIAL_POPULATION, type TrialPopulation } from '../src/model/population';
import { armTables, initialState, simulateArm } from '../src/model/simulate';
import { CD8, TUMOUR_COMPARTMENTS } from '../src/model/state';
import { integratorFor } from '../src/model/tolerances';
import { presetById } from '../src/scenario/catalogue/presets';
import { RESPONSE_CODES } from '../src/scenario/catalogue/trial';
import type { Arm, Scenario } from '../src/scenario/types';

const size = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 1);
const popChanges: Record<string, number> = {};
const parChanges: Record<string, number> = {};
for (const a of process.argv.slice(4)) {
  const [n, v] = a.split('=');
  if (n.startsWith('p.')) parChanges[n.slice(2)] = Number(v);
  else popChanges[n] = Number(v);
}
const population: TrialPopulation = { ...TRIAL_POPULATION, ...popChanges };
const preset = presetById('imbrave150-trial');
if (!preset?.scenario.cohort) throw new Error('no preset');
const scenario: Scenario = {
  ...preset.scenario,
  parameters: { ...(preset.scenario.parameters ?? {}), ...parChanges },
  cohort: { ...preset.scenario.cohort, size, seed },
};
const ARM = Number(process.env.ARM ?? 1);
const t = simulateTrajectories(scenario, 0, size, population);
const block = cohortOutcomes(scenario, t, population);
const patients = cohortPatients(scenario, 0, size, population);
const armOut = block.arms[ARM];
const days = t.days;
console.log(`seed ${seed}, ${size} patients, changes ${JSON.stringify(popChanges)} ${JSON.stringify(parChanges)}`);
console.log(`scan days ${Array.from(days.slice(0, 6)).join(', ')}`);
for (const a of [0, 1]) {
  const counts = RESPONSE_CODES.map((r, c) => `${r} ${block.arms[a].best.filter((b) => b === c).length}`).join(' ');
  const rd = Array.from(block.arms[a].responseDays)
    .filter((d) => d > 0)
    .sort((x, y) => x - y);
  const hist: Record<number, number> = {};
  for (const d of rd) hist[d] = (hist[d] ?? 0) + 1;
  const med = rd.length % 2 ? rd[(rd.length - 1) / 2] : 0.5 * (rd[rd.length / 2 - 1] + rd[rd.length / 2]);
  console.log(
    `${scenario.arms[a].name}: ${counts}; TTR median day ${med} (${(med / 30.44).toFixed(2)} mo); by day ${JSON.stringify(hist)}`,
  );
}

// dense simulation of atezo/bev responders (and all evaluable), with signals
const dense: Scenario = { ...scenario, outputStep: 1, horizon: 400 };
const solver = integratorFor('trial');
interface Rec {
  i: number;
  best: string;
  ttr: number;
  residual: number;
  need: number; // viable fraction needed for measured <= 0.343 baseline
  cross343: number; // day viable <= 0.343
  crossNeed: number; // day viable <= need (measured crosses PR)
  baselineCm3: number;
  growth: number;
  net: number[]; // d ln V / dt over windows
  cd8Ratio: number[]; // CD8 per tumour cell at days
  cd8Count: number[];
  kill: number[]; // tCellKill per tumour cell at days
  pd1: number[];
  nadirFrac: number;
  nadirDay: number;
}
const recs: Rec[] = [];
const atDays = [0, 7, 14, 21, 42, 63, 84, 126];
const windows: [number, number][] = [
  [0, 7],
  [7, 21],
  [21, 42],
  [42, 84],
  [84, 126],
];
const PR = 0.7 ** 3;
patients.forEach((p, i) => {
  const best = RESPONSE_CODES[armOut.best[i]];
  if (best === 'NE') return;
  const s: Scenario = { ...dense, inputs: p.inputs };
  const untreated: Arm = { name: '', inputs: {}, treatments: {} };
  const base = { integrator: solver, parameterOverrides: p.overrides, initialTumourCells: p.baselineCells };
  const options = { ...base, tables: armTables(s, untreated, base) };
  const y0 = initialState(s, untreated, options);
  const arm = { ...scenario.arms[ARM], inputs: {} };
  const { model, grid } = options.tables;
  const V = new Float64Array(grid.length);
  const C = new Float64Array(grid.length);
  const K = new Float64Array(grid.length);
  const P = new Float64Array(grid.length);
  const record = (k: number, tt: number, y: Float64Array) => {
    let tum = 0;
    for (const c of TUMOUR_COMPARTMENTS) tum += Math.max(0, y[c]);
    V[k] = tum;
    C[k] = Math.max(0, y[CD8]);
    const sg = model.signals(tt, y);
    K[k] = sg.tCellKill + sg.phagocytosis;
    P[k] = sg.pd1Inhibition;
  };
  // the volume alone as a series (the trial's path); the rest is read from the state at each output day
  simulateArm(s, arm, { ...options, initialState: y0, series: ['tumourVolume'], onOutput: record });
  const v0 = V[0];
  const need = (PR - p.residual) / (1 - p.residual);
  let cross343 = Number.POSITIVE_INFINITY;
  let crossNeed = Number.POSITIVE_INFINITY;
  let nadir = 1;
  let nadirDay = 0;
  for (let k = 0; k < grid.length; k++) {
    const f = V[k] / v0;
    if (f <= PR && cross343 === Number.POSITIVE_INFINITY) cross343 = grid[k];
    if (need > 0 && f <= need && crossNeed === Number.POSITIVE_INFINITY) crossNeed = grid[k];
    if (f < nadir) {
      nadir = f;
      nadirDay = grid[k];
    }
  }
  const idx = (d: number) => Math.round(d);
  recs.push({
    i,
    best,
    ttr: armOut.responseDays[i],
    residual: p.residual,
    need,
    cross343,
    crossNeed,
    baselineCm3: p.baselineCells / 1e9,
    growth: p.overrides.sensitiveGrowthRate ?? 0,
    net: windows.map(([a, c]) =>
      V[idx(c)] > 0 && V[idx(a)] > 0 ? Math.log(V[idx(c)] / V[idx(a)]) / (c - a) : Number.NEGATIVE_INFINITY,
    ),
    cd8Ratio: atDays.map((d) => C[idx(d)] / Math.max(V[idx(d)], 1)),
    cd8Count: atDays.map((d) => C[idx(d)] / C[0]),
    kill: atDays.map((d) => K[idx(d)]),
    pd1: atDays.map((d) => P[idx(d)]),
    nadirFrac: nadir,
    nadirDay,
  });
});

const q = (xs: number[], f: number) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const pos = f * (s.length - 1);
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
};
const fmt = (xs: number[], d = 3) =>
  `median ${q(xs, 0.5).toPrecision(d)} [IQR ${q(xs, 0.25).toPrecision(d)}–${q(xs, 0.75).toPrecision(d)}]`;
const resp = recs.filter((r) => r.best === 'CR' || r.best === 'PR');
const groups: [string, Rec[]][] = [
  ['responders (CR/PR)', resp],
  ['SD', recs.filter((r) => r.best === 'SD')],
  ['PD', recs.filter((r) => r.best === 'PD')],
];
console.log(`\natezo/bev evaluable ${recs.length}, responders ${resp.length}`);
for (const [name, g] of groups) {
  console.log(`\n== ${name}: n ${g.length}`);
  console.log(`  residual ${fmt(g.map((r) => r.residual))}; resorbed (0): ${g.filter((r) => r.residual === 0).length}`);
  console.log(
    `  viable fraction needed for measured PR ${fmt(g.map((r) => r.need))}; impossible (need<=0): ${g.filter((r) => r.need <= 0).length}`,
  );
  console.log(
    `  day viable <= 0.343: ${fmt(g.map((r) => r.cross343))}; never by day 400: ${g.filter((r) => !Number.isFinite(r.cross343)).length}`,
  );
  console.log(`  day measured <= 0.343 (viable <= need): ${fmt(g.map((r) => r.crossNeed))}`);
  console.log(`  nadir viable fraction ${fmt(g.map((r) => r.nadirFrac))}, nadir day ${fmt(g.map((r) => r.nadirDay))}`);
  console.log(`  baseline cm3 ${fmt(g.map((r) => r.baselineCm3))}; growth rate /day ${fmt(g.map((r) => r.growth))}`);
  windows.forEach(([a, c], w) => {
    console.log(`  net d lnV/dt days ${a}-${c}: ${fmt(g.map((r) => r.net[w]))}`);
  });
  atDays.forEach((d, j) => {
    console.log(
      `  day ${d}: CD8/tumour ${fmt(g.map((r) => r.cd8Ratio[j]))}; CD8 count / day0 ${fmt(g.map((r) => r.cd8Count[j]))}; immune kill /day ${fmt(g.map((r) => r.kill[j]))}; PD-1 inhibition ${fmt(g.map((r) => r.pd1[j]))}`,
    );
  });
}
// responders: TTR by scan vs crossing day
const byScan: Record<number, number> = {};
for (const r of resp) byScan[r.ttr] = (byScan[r.ttr] ?? 0) + 1;
console.log(`\nresponders by TTR day: ${JSON.stringify(byScan)}`);
const hist = (xs: number[]) => {
  const h: Record<string, number> = {};
  for (const x of xs) {
    const k = !Number.isFinite(x)
      ? 'never'
      : x <= 42
        ? '<=42'
        : x <= 84
          ? '43-84'
          : x <= 126
            ? '85-126'
            : x <= 168
              ? '127-168'
              : '>168';
    h[k] = (h[k] ?? 0) + 1;
  }
  return JSON.stringify(h);
};
console.log(`responders: day viable <= 0.343: ${hist(resp.map((r) => r.cross343))}`);
console.log(`responders: day measured <= 0.343: ${hist(resp.map((r) => r.crossNeed))}`);
console.log(`all evaluable: day viable <= 0.343: ${hist(recs.map((r) => r.cross343))}`);
// lag between viable crossing and measured crossing
console.log(`responders: measured crossing - viable crossing, days: ${fmt(resp.map((r) => r.crossNeed - r.cross343))}`);
// residual bins among responders
for (const [lo, hi] of [
  [0, 0],
  [1e-9, 0.1],
  [0.1, 0.2],
  [0.2, 0.3],
  [0.3, 1],
]) {
  const g = resp.filter((r) => r.residual >= lo && r.residual <= hi);
  if (g.length)
    console.log(
      `  residual ${lo}-${hi}: n ${g.length}, TTR ${fmt(g.map((r) => r.ttr))}, viable-crossing ${fmt(g.map((r) => r.cross343))}`,
    );
}
