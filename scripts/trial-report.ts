/**
 * The virtual IMbrave150 trial's tables of docs/model.md ("Virtual cohort") that are not the calibration's:
 *
 *   npx tsx scripts/trial-report.ts os [patients] [seed]
 *       one run (default 1000 patients, seed 1) of the imbrave150-trial preset with an untreated arm: best responses,
 *       ORR, DCR, median PFS and OS with their intervals, 12-month OS, hazard ratios, time to response, the untreated
 *       doubling time, the atezo/bev waterfall and its biomarker splits
 *   npx tsx scripts/trial-report.ts ensemble [patients] [draws] [seed]
 *       "across plausible models" (default 200 patients, seed 1, 12 draws of ensemble seed 1): each figure of one run
 *       with its sampling interval beside its spread over the ensemble draws, for the IMbrave150 trial and the
 *       celecoxib add-on (hcc-atezo-bev-trial)
 *   npx tsx scripts/trial-report.ts pfs [patients] [seed]
 *       one run (default 1000 patients, seed 1) of the imbrave150-trial preset: each arm's Kaplan–Meier PFS at the
 *       assessments (every 6 weeks, to week 72), the curves' shape behind the hazard ratio
 *
 * All use the population of src/model/trial-population.json (its version is printed).
 */
import { medianDoublingMonths } from '../src/model/calibration';
import { cohortOutcomes, cohortStatistics, simulateTrajectories } from '../src/model/cohort';
import { ensembleTrial } from '../src/model/ensemble-trial';
import { TRIAL_POPULATION_VERSION } from '../src/model/population';
import { DAYS_PER_MONTH } from '../src/scenario/catalogue/calendar';
import { presetById } from '../src/scenario/catalogue/presets';
import type { Scenario } from '../src/scenario/types';
import { survivalAt } from '../src/stats';

const [mode = 'os', ...rest] = process.argv.slice(2);
const num = (i: number, fallback: number) => (rest[i] !== undefined ? Number(rest[i]) : fallback);

function trial(id: string, size: number, seed: number, untreated: boolean): Scenario {
  const s = presetById(id)?.scenario;
  const cohort = s?.cohort;
  if (!s || !cohort) throw new Error(`preset ${id} missing`);
  return {
    ...s,
    arms: untreated ? [...s.arms, { name: 'Untreated', inputs: {}, treatments: {} }] : s.arms,
    cohort: { ...cohort, size, seed },
  };
}

const mo = (days: number | null) => (days === null ? 'NR' : (days / DAYS_PER_MONTH).toFixed(1));
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function osTable(size: number, seed: number): void {
  const scenario = trial('imbrave150-trial', size, seed, true);
  const t = simulateTrajectories(scenario, 0, size);
  const block = cohortOutcomes(scenario, t);
  const stats = cohortStatistics(scenario, block);
  console.log(`population version ${TRIAL_POPULATION_VERSION}; ${size} patients, seed ${seed}\n`);
  console.log(
    '| arm | CR/PR/SD/PD/NE | ORR | DCR | median PFS (95 % CI) | median OS (95 % CI) | OS at 12 months (95 % CI) | time to response: median, share at scan 1-2 |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const a of [2, 0, 1]) {
    const arm = stats.arms[a];
    const r = arm.responses;
    const os12 = arm.os12 ? `${pct(arm.os12.estimate)} (${pct(arm.os12.lower)}–${pct(arm.os12.upper)})` : '–';
    const ttr = arm.timeToResponse;
    console.log(
      `| ${arm.name} | ${r.CR}/${r.PR}/${r.SD}/${r.PD}/${r.NE} | ${pct(arm.orr.estimate)} | ${pct(arm.dcr.estimate)} | ${mo(arm.medianPfs.median)} (${mo(arm.medianPfs.lower)}–${mo(arm.medianPfs.upper)}) months | ${mo(arm.medianOs.median)} (${mo(arm.medianOs.lower)}–${mo(arm.medianOs.upper)}) months | ${os12} | ${ttr.responders > 0 ? `${mo(ttr.median)} months, ${(100 * ttr.firstOrSecond).toFixed(0)} % of ${ttr.responders}` : '–'} |`,
    );
  }
  for (const c of stats.comparisons)
    console.log(
      `\n${stats.arms[c.comparison].name} vs ${stats.arms[c.reference].name}: PFS HR ${c.cox.hazardRatio.toFixed(3)} (${c.cox.lower.toFixed(2)}–${c.cox.upper.toFixed(2)}), OS HR ${c.osCox.hazardRatio.toFixed(3)} (${c.osCox.lower.toFixed(2)}–${c.osCox.upper.toFixed(2)})`,
    );
  // the untreated lesions' volume-doubling time over the first two scans (Nathani 2021: 4.6 months, 35 % < 3, 37.6 % > 9)
  const k = t.days.length;
  const v = t.volumes[2];
  const times: number[] = [];
  for (let i = 0; i < size; i++) {
    const ratio = v[i * k + 2] / v[i * k];
    times.push(ratio > 1 ? (t.days[2] * Math.LN2) / Math.log(ratio) / DAYS_PER_MONTH : Number.POSITIVE_INFINITY);
  }
  console.log(
    `\nuntreated volume doubling (first 12 weeks): median ${medianDoublingMonths(t).toFixed(2)} months, ${pct(times.filter((x) => x < 3).length / size)} under 3 months, ${pct(times.filter((x) => x > 9).length / size)} over 9`,
  );
  // the atezo/bev waterfall: best change of the evaluable patients
  const arm = block.arms[1];
  const edges = [-90, -70, -50, -30, -10, 0, 20];
  const bins = new Array(edges.length + 1).fill(0);
  let evaluable = 0;
  arm.best.forEach((b, i) => {
    if (b === 4) return; // NE
    evaluable++;
    const x = arm.bestChange[i];
    let j = 0;
    while (j < edges.length && x >= edges[j]) j++;
    bins[j]++;
  });
  const labels = [
    'below −90 %',
    '−90 to −70',
    '−70 to −50',
    '−50 to −30',
    '−30 to −10',
    '−10 to 0',
    '0 to +20',
    'above +20',
  ];
  console.log(`atezo/bev waterfall (${evaluable} evaluable): ${labels.map((l, j) => `${l}: ${bins[j]}`).join(', ')}`);
  for (const b of stats.biomarkers.filter((x) => x.name !== 'NEAT1'))
    console.log(
      `atezo/bev ${b.name}-high vs low: median PFS ${mo(b.high.arms[1].medianPfs.median)} vs ${mo(b.low.arms[1].medianPfs.median)} months (log-rank p ${b.logRankP[1].toExponential(1)})`,
    );
}

function ensembleTable(size: number, draws: number, seed: number): void {
  console.log(
    `population version ${TRIAL_POPULATION_VERSION}; ${size} patients, seed 1, ${draws} draws of ensemble seed ${seed}\n`,
  );
  const range = (s: { low: number | null; high: number | null; median: number | null }, f: (x: number) => string) =>
    `${s.low === null ? 'NR' : f(s.low)}–${s.high === null ? 'NR' : f(s.high)} (median ${s.median === null ? 'NR' : f(s.median)})`;
  const hr = (x: number) => x.toFixed(2);
  const rate = (x: number) => (100 * x).toFixed(1);
  console.log('| figure | one run, with its sampling interval | across plausible models (2.5th–97.5th percentile) |');
  console.log('| --- | --- | --- |');
  for (const id of ['imbrave150-trial', 'hcc-atezo-bev-trial']) {
    const scenario = trial(id, size, 1, false);
    const one = cohortStatistics(scenario, cohortOutcomes(scenario, simulateTrajectories(scenario, 0, size)));
    const spread = ensembleTrial(scenario, draws, seed);
    const c = one.comparisons[0];
    const e = spread.comparisons[0];
    const name =
      id === 'imbrave150-trial' ? 'IMbrave150 trial, atezo/bev vs sorafenib' : '+ celecoxib vs atezo/bev (hypothesis)';
    console.log(
      `| ${name}: PFS HR | ${hr(c.cox.hazardRatio)} (${hr(c.cox.lower)}–${hr(c.cox.upper)}) | ${range(e.hrPfs, hr)} |`,
    );
    console.log(
      `| ${name}: OS HR | ${hr(c.osCox.hazardRatio)} (${hr(c.osCox.lower)}–${hr(c.osCox.upper)}) | ${range(e.hrOs, hr)} |`,
    );
    one.arms.forEach((arm, a) => {
      const s = spread.arms[a];
      console.log(
        `| ${arm.name}: ORR | ${rate(arm.orr.estimate)} % (${rate(arm.orr.lower)}–${rate(arm.orr.upper)}) | ${range(s.orr, rate)} % |`,
      );
      const os12 = arm.os12;
      console.log(
        `| ${arm.name}: OS at 12 months | ${os12 ? `${rate(os12.estimate)} % (${rate(os12.lower)}–${rate(os12.upper)})` : '–'} | ${range(s.os12, rate)} % |`,
      );
      console.log(
        `| ${arm.name}: draws in which NRF2-active / plasma-PGE2-high patients have the shorter PFS | | ${(100 * s.nrf2Shorter).toFixed(0)} % / ${(100 * s.pge2Shorter).toFixed(0)} % |`,
      );
    });
  }
}

function pfsAtScans(size: number, seed: number): void {
  const scenario = trial('imbrave150-trial', size, seed, false);
  const stats = cohortStatistics(scenario, cohortOutcomes(scenario, simulateTrajectories(scenario, 0, size)));
  const interval = scenario.cohort?.assessmentInterval ?? 42;
  const scans = Array.from({ length: 12 }, (_, k) => k + 1);
  console.log(`population version ${TRIAL_POPULATION_VERSION}; ${size} patients, seed ${seed}\n`);
  console.log(`| arm | ${scans.map((k) => `week ${(k * interval) / 7}`).join(' | ')} |`);
  console.log(`| --- | ${scans.map(() => '---').join(' | ')} |`);
  for (const arm of stats.arms)
    console.log(`| ${arm.name} | ${scans.map((k) => pct(survivalAt(arm.pfs, k * interval))).join(' | ')} |`);
}

const started = performance.now();
if (mode === 'os') osTable(num(0, 1000), num(1, 1));
else if (mode === 'ensemble') ensembleTable(num(0, 200), num(1, 12), num(2, 1));
else if (mode === 'pfs') pfsAtScans(num(0, 1000), num(1, 1));
else throw new Error(`unknown mode ${mode}: os, ensemble or pfs`);
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`);
