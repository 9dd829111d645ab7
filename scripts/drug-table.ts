// Prints the treatment table of docs/model.md from src/model/treatments.ts: npx tsx scripts/drug-table.ts
import { DRUG_LIST } from '../src/model/treatments';

const f = (x: number) => String(Number(x.toPrecision(3)));
console.log(
  '| drug | blocks | route | K (nM) | mouse: unit, nM per unit, k_el (1/day), default | patient: unit, nM per unit, k_el (1/day), default |',
);
console.log('|---|---|---|---|---|---|');
for (const d of DRUG_LIST) {
  const s = (p: typeof d.mouse) =>
    `${p.unit}; ${f(p.nMPerUnit)}; ${f(p.eliminationRate)}; ${p.defaultSchedule.dose} ${p.unit} days ${p.defaultSchedule.start}–${p.defaultSchedule.stop} every ${p.defaultSchedule.interval} d`;
  console.log(
    `| \`${d.id}\` ${d.label} | ${d.target} | ${d.route} | ${d.halfMaximal} | ${s(d.mouse)} | ${s(d.patient)} |`,
  );
}
