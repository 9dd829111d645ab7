// Prints the tumour-cell figures of docs/model.md (EGFR status, resistance, cure as a probability):
//   npx tsx scripts/tumour-report.ts

import type { ModelParameters } from '../src/model/parameters';
import type { ArmResult } from '../src/model/series';
import { simulate, valueAt } from '../src/model/simulate';
import { presetById } from '../src/scenario/catalogue/presets';
import { decodeScenario } from '../src/scenario/codec';
import type { Scenario } from '../src/scenario/types';

/** RECIST-like progression of one spherical lesion: diameter 20 % and 5 mm above its smallest value so far. */
function progressionDay(a: ArmResult): number | null {
  const d = (v: number) => Math.cbrt((6 * v) / Math.PI);
  let smallest = d(a.series.tumourVolume[0]);
  for (let k = 1; k < a.t.length; k++) {
    const x = d(a.series.tumourVolume[k]);
    if (x >= 1.2 * smallest && x >= smallest + 5) return a.t[k];
    smallest = Math.min(smallest, x);
  }
  return null;
}

function report(title: string, scenario: Scenario, parameterOverrides?: Partial<ModelParameters>): void {
  console.log(`\n${title}`);
  console.log(
    '| arm | volume day 0 | nadir (day) | volume at horizon | progression day | P(eradication) at horizon | day P >= 0.5 |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const a of simulate(scenario, parameterOverrides ? { parameterOverrides } : {}).arms) {
    const s = a.summary;
    console.log(
      `| ${a.name} | ${s.volumeStart.toPrecision(3)} | ${s.volumeNadir.toPrecision(3)} (${s.dayOfNadir}) | ` +
        `${s.volumeEnd.toPrecision(3)} | ${progressionDay(a) ?? '—'} | ${s.eradicationProbability.toFixed(3)} | ` +
        `${s.dayEradicated ?? '—'} |`,
    );
  }
}

const link = (q: string) => decodeScenario(q).scenario;

report(
  'Osimertinib on HCC (review finding 1), patient, 5 years, mm3',
  link('v=1&s=hcc-patient&h=1825&dt=7&nrf2=0&neat1=0&il6=0.1&arm=Untreated&arm=Osi*osi:80@0-540/1'),
);
report(
  'Four cycles of atezolizumab + bevacizumab (review finding 2), HCC patient, 5 years, mm3',
  link('v=1&s=hcc-patient&h=1825&dt=7&nrf2=0&neat1=0&il6=0.1&arm=Atezo/bev+x4*atz:1200@0-84/21*bev:15@0-84/21'),
);

const base = presetById('osimertinib-igf1r')?.scenario;
if (!base) throw new Error('preset missing');
const osi = base.arms[1].treatments.osimertinib;
const igf = base.arms[2].treatments.igf1ri;
if (!osi || !igf) throw new Error('preset schedules missing');
const windows: Scenario = {
  ...base,
  arms: [
    { name: 'osimertinib 40 d alone', inputs: {}, treatments: { osimertinib: osi } },
    { name: 'osimertinib continuous', inputs: {}, treatments: { osimertinib: { ...osi, stop: 150 } } },
    ...[3, 4, 5, 7, 8, 10, 20, 40].map((w) => ({
      name: `+ IGF-1R inhibitor days 0–${w}`,
      inputs: {},
      treatments: { osimertinib: osi, igf1ri: { ...igf, stop: w } },
    })),
  ],
};
report('Osimertinib 40 days + IGF-1R inhibitor days 0–w (review finding 3), xenograft, mm3', windows);
// docs/model.md, "Osimertinib's kill in the xenograft": the measured volume loss (Martin, Aarons & Yates 2018) taken as
// the kill of live cells, with the growth rate fitted with it
report(
  'The same, if osimertinib killed live cells only as fast as graft volumes shrink (k = 0.163/day, r_S = 0.0855/day), mm3',
  windows,
  { osimertinibKill: 0.163, sensitiveGrowthRate: 0.0855 },
);
// docs/model.md, "Persisters before the drug": the prototype's mechanism, every persister made by osimertinib from
// sensitive cells (drug-induced entry 2.4e-3/day, none at the start)
const induced: Partial<ModelParameters> = { persisterEntry: 2.4e-3, persisterFraction: 0 };
report(
  'The same with the persisters made by the drug instead (persisterEntry 2.4e-3/day, persisterFraction 0), mm3',
  windows,
  induced,
);
console.log(
  "\nIGF-1R days 0–10, P(eradication) at day 150 against osimertinib's kill (the ensemble draws 1.12–2.08/day)",
);
const kills = [0.163, 0.6, 0.7, 0.8, 1.12, 1.45, 1.6, 2.08];
console.log(`| persisters | ${kills.map((k) => `k = ${k}`).join(' | ')} |`);
console.log(`|---|${kills.map(() => '---').join('|')}|`);
for (const [label, o] of [
  ['before the drug (default)', {}],
  ['made by the drug (prototype)', induced],
] as const) {
  const p = kills.map(
    (k) =>
      simulate({ ...base, arms: [base.arms[2]] }, { parameterOverrides: { ...o, osimertinibKill: k } }).arms[0].summary
        .eradicationProbability,
  );
  console.log(`| ${label} | ${p.map((x) => x.toFixed(3)).join(' | ')} |`);
}
const tenDay = simulate({ ...base, arms: [base.arms[2]] }).arms[0];
console.log(
  `\nIGF-1R 0–10: persisters at day 40 ${(valueAt(tenDay.t, tenDay.series.persisterVolume, 40) * 1e6).toPrecision(3)} cells`,
);
