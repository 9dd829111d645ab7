/**
 * How the claims below 80 % depend on something a study could measure in its untreated arm (docs/model.md, "Why the
 * claims below 80 % fail"): the draws of the ensemble are split into thirds of one output of one arm on one day, and
 * the share of draws in which each claim (and each science-summary claim as a whole) holds is printed per third, over
 * all draws and over the plausible draws (src/science/plausibility.ts).
 *
 *   npx tsx scripts/claim-observables.ts                       CD8 per tumour cell, NRF2-low untreated HCC graft, day 16
 *   npx tsx scripts/claim-observables.ts il6-pdl1 'IL-6 high, untreated' cd8PerTumourCell 21 'S5.2,S5.3' 300
 *   npx tsx scripts/claim-observables.ts nrf2-atezo-bev 'NRF2-low, untreated' cd8PerTumourCell 16 'S1.2,S1.3,S2.2,S2.3' 300 0.02-0.03
 *
 * The optional last argument, low-high, also prints the shares over the draws whose value lies in that band: what a
 * measurement of the observable (a mean and its spread, converted to the model's unit) would make of the claims.
 */
import { ensembleDraw, ensembleParameters, integratorFor, type SeriesName, simulate, valueAt } from '../src/model';
import { CLAIMS, SCENARIOS, SEED_CLAIMS } from '../src/science/claims';
import { controlVolume, PLAUSIBILITY_CRITERIA, withinBand } from '../src/science/plausibility';
import { claimScenarios, ROBUSTNESS_SEED, runClaims } from '../src/science/robustness';

const [key, armName, series, dayText, idsText, nText, bandText] = [
  process.argv[2] ?? 'nrf2-atezo-bev',
  process.argv[3] ?? 'NRF2-low, untreated',
  (process.argv[4] ?? 'cd8PerTumourCell') as SeriesName,
  process.argv[5] ?? '16',
  process.argv[6] ?? 'S1.1,S1.2,S1.3,claim 1,S2.2,S2.3',
  process.argv[7] ?? '300',
  process.argv[8],
];
const day = Number(dayText);
const n = Number(nText);
const build = SCENARIOS[key];
if (!build) throw new Error(`no scenario ${key}`);
const scenario = build();
const arms = scenario.arms.filter((a) => a.name === armName);
if (arms.length !== 1) throw new Error(`scenario ${key} has no arm "${armName}"`);
const claims = CLAIMS.filter((c) => idsText.split(',').includes(c.id));
const scenarios = claimScenarios(claims);
const criterion = PLAUSIBILITY_CRITERIA.find((c) => c.setting === scenario.setting);
// the science-summary claims all of whose assertions are among the claims run
const wholes = SEED_CLAIMS.map((s) => ({
  claim: s.claim,
  ids: CLAIMS.filter((c) => c.seedClaims.includes(s.claim)).map((c) => c.id),
})).filter((s) => s.ids.length > 0 && s.ids.every((id) => claims.some((c) => c.id === id)));

interface Row {
  value: number;
  plausible: boolean;
  holds: Map<string, boolean>;
}
const rows: Row[] = [];
for (let i = 0; i < n; i++) {
  const draw = ensembleDraw(ROBUSTNESS_SEED, i);
  const run = simulate(
    { ...scenario, arms, outputStep: 1 },
    { parameterOverrides: ensembleParameters(draw, scenario.setting), integrator: integratorFor('ensemble') },
  );
  const a = run.arms[0];
  const outcomes = runClaims(claims, { outputStep: 1, parameters: (s) => ensembleParameters(draw, s) }, scenarios);
  const holds = new Map(claims.map((c) => [c.id, outcomes.outcomes.get(c.id)?.holds ?? false]));
  for (const w of wholes)
    holds.set(
      `claim ${w.claim} (all)`,
      w.ids.every((id) => holds.get(id)),
    );
  rows.push({
    value: valueAt(a.t, a.series[series], day),
    plausible: criterion ? withinBand(criterion, controlVolume(criterion, draw)) : true,
    holds,
  });
}
const labels = [...claims.map((c) => c.id), ...wholes.map((w) => `claim ${w.claim} (all)`)];
console.log(`${series} of "${armName}" (${key}) on day ${day}; ${n} draws, seed ${ROBUSTNESS_SEED}`);
for (const [label, group] of [
  ['all draws', rows],
  ['plausible draws', rows.filter((r) => r.plausible)],
] as const) {
  const sorted = [...group].sort((x, y) => x.value - y.value);
  console.log(`\n${label} (${sorted.length})`);
  for (let k = 0; k < 3; k++) {
    const third = sorted.slice(Math.floor((k * sorted.length) / 3), Math.floor(((k + 1) * sorted.length) / 3));
    const share = (id: string) => `${Math.round((100 * third.filter((r) => r.holds.get(id)).length) / third.length)} %`;
    console.log(
      `  ${third[0].value.toPrecision(2)}–${third[third.length - 1].value.toPrecision(2)} (${third.length}): ` +
        labels.map((id) => `${id} ${share(id)}`).join(', '),
    );
  }
}
if (bandText) {
  const [low, high] = bandText.split('-').map(Number);
  if (!(low >= 0 && high > low)) throw new Error(`band "${bandText}" is not low-high with 0 <= low < high`);
  for (const [label, group] of [
    ['all draws', rows],
    ['plausible draws', rows.filter((r) => r.plausible)],
  ] as const) {
    const inside = group.filter((r) => r.value >= low && r.value <= high);
    const share = (id: string) =>
      inside.length > 0 ? `${Math.round((100 * inside.filter((r) => r.holds.get(id)).length) / inside.length)} %` : '-';
    console.log(
      `\n${label} with ${series} in ${low}–${high} (${inside.length}): ${labels.map((id) => `${id} ${share(id)}`).join(', ')}`,
    );
  }
}
