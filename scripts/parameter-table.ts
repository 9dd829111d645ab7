// Prints the parameter table of docs/model.md from src/model/parameters.ts: npx tsx scripts/parameter-table.ts
import { PARAMETERS } from '../src/model/parameters';

const fmt = (x: number) =>
  x === 0
    ? '0'
    : Math.abs(x) >= 1e4 || Math.abs(x) < 1e-2
      ? x.toExponential(3).replace(/\.?0+e/, 'e')
      : String(Number(x.toPrecision(4)));
console.log('| parameter | unit | mouse | patient | range (mouse; patient if different) | source |');
console.log('|---|---|---|---|---|---|');
for (const p of PARAMETERS)
  console.log(
    `| \`${p.id}\` | ${p.unit} | ${fmt(p.mouse)} | ${fmt(p.patient)} | ${fmt(p.range[0])}–${fmt(p.range[1])}${p.patientRange ? `; ${fmt(p.patientRange[0])}–${fmt(p.patientRange[1])}` : ''} | ${p.source} |`,
  );
