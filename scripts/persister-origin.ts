// What S4.2 rests on (docs/model.md, "Persisters before the drug"): the share of a graft's persisters that the drug
// makes from sensitive cells instead of finding them at the start, at a fixed total persister share.
//   npx tsx scripts/persister-origin.ts [draws]
// For each of the ensemble's draws (seed 1, setting lung-egfr) the drawn persisterFraction is split: (1 - share) of it
// is present at day 0, and share of it is made by the drug at persisterEntry = share x persisterFraction x
// osimertinibKill (a course then makes that share, sigma / k, as the prototype's entry did). S4.2 is evaluated by its
// own checks (src/science/claims.ts) on the IGF-1R days 0-10 arm (one-day grid, as the ensemble runs it).
import { ensembleDraws, ensembleParameters } from '../src/model/ensemble';
import { claimById, ERADICATED } from '../src/science/claims';
import { claimScenarios, runClaims } from '../src/science/robustness';

const draws = Number(process.argv[2] ?? 200);
const claim = claimById('S4.2');
if (!claim) throw new Error('claim S4.2 missing');
const scenarios = claimScenarios([claim]);

console.log(`| share of persisters made by the drug | S4.2 holds | P(eradication) day 150 >= ${ERADICATED} |`);
console.log('|---|---|---|');
for (const share of [0, 0.01, 0.1, 0.5, 1]) {
  let holds = 0;
  let eradicated = 0;
  for (const draw of ensembleDraws(draws, 1)) {
    const p = ensembleParameters(draw, 'lung-egfr');
    const total = p.persisterFraction;
    p.persisterFraction = total * (1 - share);
    p.persisterEntry = total * share * p.osimertinibKill;
    const o = runClaims([claim], { outputStep: 1, parameters: () => p }, scenarios).outcomes.get(claim.id);
    if (o?.holds) holds++;
    const probability = o?.checks.find((c) => c.measure === 'P(eradication) day 150');
    if (probability?.holds) eradicated++;
  }
  const pct = (n: number) => `${n}/${draws} = ${((100 * n) / draws).toFixed(1)} %`;
  console.log(`| ${share} | ${pct(holds)} | ${pct(eradicated)} |`);
}
