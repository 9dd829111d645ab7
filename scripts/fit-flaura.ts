/**
 * Fits the patient-scale EGFR-mutant lung setting to FLAURA (src/model/flaura.ts; docs/model.md, "EGFR-mutant lung,
 * patient") and writes the result to src/model/fits/flaura.json, which the setting reads.
 *
 *   npx tsx scripts/fit-flaura.ts            fit and write
 *   npx tsx scripts/fit-flaura.ts --check    print the current file's figures, write nothing
 *
 * Four parameters, four figures. The two growth rates are solved by bisection on the median patient (its untreated
 * doubling time and its regrowth after the nadir); osimertinib's kill and the resistant share at the start are then
 * chosen on a log grid, refined twice around the best point, minimising
 *   loss = ((ORR - 0.80) / 0.05)^2 + ((median PFS - 18.9 months) / 1 month)^2
 * over 200 virtual patients (seed 1). The growth rates are solved again at every grid point, since kill and resistant
 * share change what the immune response leaves of them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { FLAURA_TARGETS, flauraLoss, regrowthPerMonth, runFlaura, untreatedDoublingDays } from '../src/model/flaura';
import type { ModelParameters } from '../src/model/parameters';

const FILE = new URL('../src/model/fits/flaura.json', import.meta.url);
const PATIENTS = 200;
const SEED = 1;

/** x in [lo, hi] (log scale) where f(x) crosses the target; f increasing in x. */
function bisect(f: (x: number) => number, target: number, lo: number, hi: number): number {
  for (let i = 0; i < 40; i++) {
    const mid = Math.sqrt(lo * hi);
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

function growthRates(kill: number, resistant: number): Partial<ModelParameters> {
  const fixed = { osimertinibKill: kill, resistantFraction: resistant };
  const sensitiveGrowthRate = bisect(
    (r) => -untreatedDoublingDays({ ...fixed, sensitiveGrowthRate: r }),
    -FLAURA_TARGETS.untreatedDoublingDays,
    1e-3,
    5e-2,
  );
  const resistantGrowthRate = bisect(
    (r) => regrowthPerMonth({ ...fixed, sensitiveGrowthRate, resistantGrowthRate: r }),
    FLAURA_TARGETS.regrowthPerMonth,
    1e-3,
    5e-2,
  );
  return { ...fixed, sensitiveGrowthRate, resistantGrowthRate };
}

function evaluate(kill: number, resistant: number) {
  const parameters = growthRates(kill, resistant);
  const result = runFlaura(parameters, PATIENTS, SEED);
  return { parameters, result, loss: flauraLoss(result) };
}

function main(): void {
  if (process.argv.includes('--check')) {
    const current = JSON.parse(readFileSync(FILE, 'utf8'));
    const p = current.parameters as Partial<ModelParameters>;
    const r = runFlaura(p, PATIENTS, SEED);
    console.log(
      JSON.stringify({ ...r, untreatedDoublingDays: untreatedDoublingDays(p), regrowthPerMonth: regrowthPerMonth(p) }),
    );
    return;
  }
  let centre = { kill: 0.03, resistant: 0.03 };
  let span = 4; // x/÷ this factor around the centre
  let best = evaluate(centre.kill, centre.resistant);
  for (let round = 0; round < 3; round++) {
    for (let i = -2; i <= 2; i++) {
      for (let j = -2; j <= 2; j++) {
        const kill = centre.kill * span ** (i / 2);
        const resistant = Math.min(0.5, centre.resistant * span ** (j / 2));
        const e = evaluate(kill, resistant);
        console.error(
          `kill ${kill.toPrecision(3)} resistant ${resistant.toPrecision(3)}: ORR ${e.result.orr.toFixed(3)}, median PFS ${e.result.medianPfsMonths.toFixed(2)} mo, loss ${e.loss.toFixed(3)}`,
        );
        if (e.loss < best.loss) best = e;
      }
    }
    centre = {
      kill: best.parameters.osimertinibKill as number,
      resistant: best.parameters.resistantFraction as number,
    };
    span = Math.sqrt(span);
  }
  const round4 = (x: number) => Number(x.toPrecision(4));
  const parameters = Object.fromEntries(Object.entries(best.parameters).map(([k, v]) => [k, round4(v as number)]));
  const check = runFlaura(parameters, PATIENTS, SEED);
  const current = JSON.parse(readFileSync(FILE, 'utf8'));
  const out = {
    version: 1,
    fittedBy: 'scripts/fit-flaura.ts',
    loss: '((ORR - 0.80) / 0.05)^2 + ((median PFS - 18.9 months) / 1 month)^2, 200 virtual patients, seed 1',
    targets: FLAURA_TARGETS,
    parameters,
    result: {
      orr: round4(check.orr),
      medianPfsMonths: round4(check.medianPfsMonths),
      loss: round4(flauraLoss(check)),
      untreatedDoublingDays: round4(untreatedDoublingDays(parameters)),
      regrowthPerMonth: round4(regrowthPerMonth(parameters)),
    },
    population: current.population,
  };
  writeFileSync(FILE, `${JSON.stringify(out, null, 2)}\n`);
  console.log(JSON.stringify(out.result));
}

main();
