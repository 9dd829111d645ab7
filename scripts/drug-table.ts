// Prints the treatment table of docs/model.md from src/model/treatments.ts (pharmacology) and
// src/scenario/catalogue/drugs.ts (units, typical schedules): npx tsx scripts/drug-table.ts
import { DRUG_LIST, type DrugPharmacology, pharmacology } from '../src/model/treatments';
import { DRUG_CATALOGUE } from '../src/scenario/catalogue/drugs';
import type { Scale } from '../src/scenario/types';

const f = (x: number) => String(Number(x.toPrecision(3)));
console.log(
  '| drug | blocks | route | K (nM) | mouse: unit, nM per unit, k_el (1/day), default | patient: unit, nM per unit, k_el (1/day), default |',
);
console.log('|---|---|---|---|---|---|');
for (const d of DRUG_LIST) {
  const s = (p: DrugPharmacology, scale: Scale) => {
    const { unit, defaultSchedule: sch } = DRUG_CATALOGUE[d.id][scale];
    return `${unit}; ${f(p.nMPerUnit)}; ${f(p.eliminationRate)}; ${sch.dose} ${unit} days ${sch.start}–${sch.stop} every ${sch.interval} d`;
  };
  console.log(
    `| \`${d.id}\` ${d.label} | ${d.target} | ${d.route} | ${d.halfMaximal} | ${s(pharmacology(d.id, 'mouse'), 'mouse')} | ${s(pharmacology(d.id, 'patient'), 'patient')} |`,
  );
}
