/**
 * Who are the virtual IMbrave150 trial's primary progressors (best response PD) on atezolizumab + bevacizumab, and
 * what makes them progress? Runs the calibrated trial (the preset imbrave150-trial with an untreated arm added, the
 * population of src/model/trial-population.json) and compares the atezo/bev arm's PD patients with its other evaluable
 * patients: their draws of growth, T-cell kill and recruitment, the NRF2 stratum, the baseline lesion and PGE2, and
 * what progression was seen first (target-lesion growth, a new lesion, or both at the same scan).
 *
 *   npx tsx scripts/pd-patients.ts [patients] [seed] [name=value ...]
 *
 * name=value pairs change the population (what-ifs, e.g. newLesionHazard=0.002).
 */
import {
  assessRecist,
  cohortOutcomes,
  cohortPatients,
  diameterOf,
  newLesionOn,
  simulateTrajectories,
} from '../src/model/cohort';
import { measuredVolume, TRIAL_POPULATION, type TrialPopulation } from '../src/model/population';
import { settingParameters } from '../src/model/settings';
import { presetById } from '../src/scenario/catalogue/presets';
import { RESPONSE_CODES } from '../src/scenario/catalogue/trial';
import type { Scenario } from '../src/scenario/types';

const size = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 1);
const changes = Object.fromEntries(
  process.argv.slice(4).map((a) => {
    const [name, value] = a.split('=');
    if (!(name in TRIAL_POPULATION) || !Number.isFinite(Number(value))) throw new Error(`${a}: not a population value`);
    return [name, Number(value)];
  }),
);
const population: TrialPopulation = { ...TRIAL_POPULATION, ...changes };
const preset = presetById('imbrave150-trial');
if (!preset?.scenario.cohort) throw new Error('preset imbrave150-trial missing');
const scenario: Scenario = {
  ...preset.scenario,
  arms: [...preset.scenario.arms, { name: 'Untreated', inputs: {}, treatments: {} }],
  cohort: { ...preset.scenario.cohort, size, seed },
};
const ARM = 1; // atezo/bev
const UNTREATED = 2;

const t = simulateTrajectories(scenario, 0, size, population);
const block = cohortOutcomes(scenario, t, population);
const patients = cohortPatients(scenario, 0, size, population);
const base = settingParameters('hcc-patient');
const k = t.days.length;

interface Row {
  growth: number;
  kill: number;
  recruitment: number;
  nrf2Active: number;
  baselineCm3: number;
  pge2: number;
  newLesionDraw: number;
  firstScanChange: number;
  untreatedDoublingMonths: number;
}
const groups: Record<string, Row[]> = { PD: [], 'CR/PR': [], SD: [] };
const cause = { target: 0, newLesion: 0, both: 0, death: 0 };
let firstScanPd = 0;
const days = t.days;
patients.forEach((p, i) => {
  const best = RESPONSE_CODES[block.arms[ARM].best[i]];
  if (best === 'NE') return;
  const viable = t.volumes[ARM].subarray(i * k, (i + 1) * k);
  const untreated = t.volumes[UNTREATED].subarray(i * k, (i + 1) * k);
  const measured = Array.from(viable, (v) => measuredVolume(v, viable[0], p.residual));
  const d0 = diameterOf(measured[0]);
  const d1 = diameterOf(measured[1]);
  // the untreated lesion's volume-doubling time over the first 12 weeks (two scans), months
  const ratio = untreated[2] / untreated[0];
  const row: Row = {
    growth: (p.overrides.sensitiveGrowthRate ?? 0) / (base.sensitiveGrowthRate * population.growthScale),
    kill: (p.overrides.tCellKillRate ?? 0) / (base.tCellKillRate * population.killScale),
    recruitment: (p.overrides.tCellRecruitment ?? 0) / (base.tCellRecruitment * population.recruitmentScale),
    nrf2Active: p.nrf2Active ? 1 : 0,
    baselineCm3: p.baselineCells / 1e9,
    pge2: t.baselinePge2[i],
    newLesionDraw: p.newLesionDraw,
    firstScanChange: (100 * (d1 - d0)) / d0,
    untreatedDoublingMonths: ratio > 1 ? (days[2] * Math.LN2) / Math.log(ratio) / 30.44 : Number.POSITIVE_INFINITY,
  };
  if (best === 'PD') {
    groups.PD.push(row);
    const pfs = block.arms[ARM].pfsDays[i];
    if (pfs <= days[1] + 1e-6) firstScanPd++;
    // what was seen at the progression scan: the target lesion's growth, a new lesion, or both
    const lesion = newLesionOn(days, viable, p, population);
    const targetOnly = assessRecist(days, measured);
    const scan = days.findIndex((d) => d >= pfs - 1e-6);
    const seenNew = lesion <= pfs + 1e-6;
    const seenTarget = targetOnly.progressed && targetOnly.pfsDays <= pfs + 1e-6;
    if (scan < 0 || (!seenNew && !seenTarget)) cause.death++;
    else if (seenNew && seenTarget) cause.both++;
    else if (seenNew) cause.newLesion++;
    else cause.target++;
  } else groups[best === 'SD' ? 'SD' : 'CR/PR'].push(row);
});

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length;
  return m === 0 ? Number.NaN : m % 2 ? s[(m - 1) / 2] : 0.5 * (s[m / 2 - 1] + s[m / 2]);
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const evaluable = Object.values(groups).reduce((n, g) => n + g.length, 0);
console.log(`seed ${seed}, ${size} patients; population version with changes ${JSON.stringify(changes)}`);
for (const a of [0, 1, 2]) {
  const counts = RESPONSE_CODES.map((r, c) => `${r} ${block.arms[a].best.filter((b) => b === c).length}`).join(' ');
  console.log(`${scenario.arms[a].name}: ${counts}`);
}
console.log(`\natezo/bev, evaluable ${evaluable}; PD ${groups.PD.length}, ${firstScanPd} of them at the first scan`);
console.log(
  `what was seen at the PD patients' progression scan: target growth only ${cause.target}, new lesion only ${cause.newLesion}, both ${cause.both}, death before a progression scan ${cause.death}`,
);
const fields: (keyof Row)[] = [
  'growth',
  'kill',
  'recruitment',
  'nrf2Active',
  'baselineCm3',
  'pge2',
  'newLesionDraw',
  'firstScanChange',
  'untreatedDoublingMonths',
];
console.log(`\n| draw (median; NRF2-active: share) | ${Object.keys(groups).join(' | ')} |`);
console.log(
  `|---|${Object.keys(groups)
    .map(() => '---')
    .join('|')}|`,
);
for (const f of fields) {
  const cells = Object.values(groups).map((g) => {
    const xs = g.map((r) => r[f]);
    return (f === 'nrf2Active' ? mean(xs) : median(xs)).toPrecision(3);
  });
  console.log(`| ${f} | ${cells.join(' | ')} |`);
}
// growth against kill: the shares of PD among the evaluable patients by growth tercile
const all = Object.entries(groups).flatMap(([g, rows]) => rows.map((r) => ({ g, ...r })));
const byGrowth = [...all].sort((a, b) => a.growth - b.growth);
const third = Math.floor(byGrowth.length / 3);
for (const [label, part] of [
  ['slowest third', byGrowth.slice(0, third)],
  ['middle third', byGrowth.slice(third, 2 * third)],
  ['fastest third', byGrowth.slice(2 * third)],
] as const) {
  const pd = part.filter((r) => r.g === 'PD').length;
  console.log(
    `growth ${label} (x${part[0].growth.toFixed(2)}-${part[part.length - 1].growth.toFixed(2)}): PD ${((100 * pd) / part.length).toFixed(1)} %`,
  );
}
const doubling = all.map((r) => r.untreatedDoublingMonths);
console.log(
  `\nuntreated volume doubling over the first 12 weeks (all evaluable on atezo/bev): median ${median(doubling).toFixed(2)} months, under 3 months ${((100 * doubling.filter((d) => d < 3).length) / doubling.length).toFixed(1)} %, over 9 ${((100 * doubling.filter((d) => d > 9).length) / doubling.length).toFixed(1)} %`,
);

// the same growth terciles on the other arms, and what their PD patients' progression scan showed
for (const a of [0, UNTREATED]) {
  const rows = patients.flatMap((p, i) => {
    const best = RESPONSE_CODES[block.arms[a].best[i]];
    if (best === 'NE') return [];
    const viable = t.volumes[a].subarray(i * k, (i + 1) * k);
    const residual = a === 0 ? Math.max(p.residual, population.sorafenibNecrosis) : p.residual;
    const measured = Array.from(viable, (v) => measuredVolume(v, viable[0], residual));
    const targetOnly = assessRecist(days, measured);
    const pfs = block.arms[a].pfsDays[i];
    const growth = (p.overrides.sensitiveGrowthRate ?? 0) / (base.sensitiveGrowthRate * population.growthScale);
    return [{ best, growth, target: targetOnly.progressed && targetOnly.pfsDays <= pfs + 1e-6 }];
  });
  const sorted = [...rows].sort((x, y) => x.growth - y.growth);
  const n3 = Math.floor(sorted.length / 3);
  const shares = [sorted.slice(0, n3), sorted.slice(n3, 2 * n3), sorted.slice(2 * n3)].map(
    (part) => `${((100 * part.filter((r) => r.best === 'PD').length) / part.length).toFixed(1)} %`,
  );
  const pd = rows.filter((r) => r.best === 'PD');
  console.log(
    `${scenario.arms[a].name}: PD by growth tercile (slow, middle, fast) ${shares.join(', ')}; of ${pd.length} PD, target growth seen at the progression scan in ${pd.filter((r) => r.target).length} (the others: a new lesion only)`,
  );
}

// the progression pattern of every arm: of all progressions seen at a scan (any best response; deaths apart), what
// the progression scan showed (as the pattern analyses of sorafenib cohorts classify them: a new lesion, with or
// without growth of the known disease, against growth alone)
for (const a of [0, ARM, UNTREATED]) {
  const risk = { sorafenib: scenario.arms[a].treatments.sorafenib !== undefined };
  const seen = { newOnly: 0, both: 0, target: 0 };
  patients.forEach((p, i) => {
    if (block.arms[a].progressed[i] !== 1) return;
    const pfs = block.arms[a].pfsDays[i];
    if (!days.some((d) => Math.abs(d - pfs) < 1e-6)) return; // a death before a progression scan
    const viable = t.volumes[a].subarray(i * k, (i + 1) * k);
    const residual = risk.sorafenib ? Math.max(p.residual, population.sorafenibNecrosis) : p.residual;
    const measured = Array.from(viable, (v) => measuredVolume(v, viable[0], residual));
    const targetOnly = assessRecist(days, measured);
    const target = targetOnly.progressed && targetOnly.pfsDays <= pfs + 1e-6;
    const lesion = newLesionOn(days, viable, p, population, risk) <= pfs + 1e-6;
    if (lesion && target) seen.both++;
    else if (lesion) seen.newOnly++;
    else seen.target++;
  });
  const n = seen.newOnly + seen.both + seen.target;
  const pct = (x: number) => `${((100 * x) / Math.max(1, n)).toFixed(1)} %`;
  console.log(
    `${scenario.arms[a].name}: ${n} progressions seen at a scan: a new lesion in ${pct(seen.newOnly + seen.both)} (alone ${pct(seen.newOnly)}), target growth alone ${pct(seen.target)}`,
  );
}
