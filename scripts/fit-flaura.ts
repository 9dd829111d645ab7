/**
 * Fits the patient-scale EGFR-mutant lung setting and its trial population to both of FLAURA's arms (osimertinib and
 * the comparator, gefitinib; src/model/flaura.ts; docs/model.md, "EGFR-mutant lung, patient") on the same virtual
 * patients, and writes the result to src/model/fits/flaura.json, which the setting and the lung trial's population read.
 *
 *   npx tsx scripts/fit-flaura.ts [--budget N]   fit (stage 1 with at most N evaluations, default 300) and write
 *   npx tsx scripts/fit-flaura.ts --survival     fit the death hazard alone (stage 2), from the file's other values
 *   npx tsx scripts/fit-flaura.ts --check        the fit cohort's figures, distances and loss at the file's values
 *   npx tsx scripts/fit-flaura.ts --report [--with '{"t790mFraction":0.003}'] [--population '{"crossoverShare":0}']
 *       both arms on the same patients: mean and SD over seeds 1-5 of 1000 patients, at the file's values (and these
 *       changes to the parameters and to the population), write nothing
 *   npx tsx scripts/fit-flaura.ts --comparator   the same as --report
 *   npx tsx scripts/fit-flaura.ts --try '{"osimertinibKill":0.05,"killLogSd":1}'   one point of stage 1: these changes
 *       to the file's values (the growth solved again) on the fit's cohort, its figures and distances, write nothing
 *
 * What is fitted, to what:
 * - sensitiveGrowthRate, by bisection on the median patient at every point: its untreated doubling time (191 days,
 *   Mackintosh 2014);
 * - stage 1, Nelder–Mead on the logarithms within each parameter's documented patient range (FIT_PARAMETERS):
 *   osimertinib's kill, gefitinib's kill relative to it, persister entry and death, acquisition of osimertinib
 *   resistance and of T790M by persisters, macrophage recruitment and phagocytosis (the innate clearance of small
 *   residues), the resistant cells' growth rate, and the spreads over patients of the kill and of the resistant share
 *   at the start (killLogSd, resistantLogSd);
 * - stage 2, the death hazard's burden and post-progression terms, Nelder–Mead on their logarithms, on stage 1's
 *   trajectories (the hazards change no trajectory), with the comparator's crossover to osimertinib at progression
 *   (the population's crossoverShare, fixed: docs/model.md) in place.
 * The loss (FLAURA_COMPARISON_TARGETS):
 *   loss = Σ ((model − target) / SE)²
 * over both arms' ORR, PFS at their median PFS against 50 %, response lasting their median duration of response
 * against 50 %, OS at their median OS against 50 %, osimertinib's OS at 24 and 36 months, the log PFS and OS hazard
 * ratios, and the comparator's median patient's regrowth after its nadir (Nishino 2016). Stage 1 minimises its tumour
 * terms (all but the five survival ones, which the death hazard decides), stage 2 all of it. Stage 1 runs on 300 virtual
 * patients per arm (seed 1001), stage 2 on 2000. Fixed, from sources: the resistant share at the start (Bozic 2013),
 * the T790M share and its spread (digital PCR), the background mortality (docs/model.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FLAURA_COMPARISON_TARGETS,
  FLAURA_TARGETS,
  type FlauraFit,
  type FlauraResult,
  flauraComparisonDistances,
  flauraComparisonLoss,
  flauraComparisonOutcomes,
  regrowthPerMonth,
  runFlauraComparison,
  simulateFlauraComparison,
  untreatedDoublingDays,
} from '../src/model/flaura';
import { type ModelParameters, PARAMETERS, parameterRange } from '../src/model/parameters';
import { LUNG_TRIAL_POPULATION, type LungTrialPopulation } from '../src/model/population';
import { settingParameters } from '../src/model/settings';
import { nelderMead } from '../src/stats';

const FILE = new URL('../src/model/fits/flaura.json', import.meta.url);
/** The fit's cohort: patients of seed 1001, apart from the report's seeds 1-5 and the unit test's cohort. */
const PATIENTS = 300;
const SURVIVAL_PATIENTS = 2000;
const SEED = 1001;

/**
 * The setting's parameters stage 1 fits, each within its documented patient range (parameters.ts); where that range
 * starts at 0 the logarithm needs a floor (chosen, far below any value that changes a trial: `floor`).
 */
const FIT_PARAMETERS: readonly { id: keyof ModelParameters; floor?: number }[] = [
  { id: 'osimertinibKill' },
  { id: 'gefitinibRelativeKill' },
  { id: 'persisterEntry', floor: 1e-5 },
  { id: 'persisterDeath', floor: 1e-5 },
  { id: 'resistanceAcquisition', floor: 1e-10 },
  { id: 't790mAcquisition', floor: 1e-10 },
  { id: 'macrophageRecruitment' },
  { id: 'phagocytosisRate' },
  { id: 'resistantGrowthRate' },
];
/**
 * The population's spreads stage 1 fits (SD of log of the patients' multipliers of the kill and of the resistant share
 * at the start), bounds chosen.
 */
const SPREADS: readonly { id: 'killLogSd' | 'resistantLogSd'; bounds: [number, number] }[] = [
  { id: 'killLogSd', bounds: [0.2, 2] },
  { id: 'resistantLogSd', bounds: [0.5, 4] },
];

function bounds(id: keyof ModelParameters, floor?: number): [number, number] {
  const info = PARAMETERS.find((p) => p.id === id);
  if (!info) throw new Error(`no parameter ${id}`);
  const [lo, hi] = parameterRange(info, 'patient');
  return [Math.log10(Math.max(lo, floor ?? 0)), Math.log10(hi)];
}

/** x in [lo, hi] (log scale) where f(x) crosses the target; f increasing in x. */
function bisect(f: (x: number) => number, target: number, lo: number, hi: number): number {
  for (let i = 0; i < 40; i++) {
    const mid = Math.sqrt(lo * hi);
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

/** The changes with the sensitive growth rate solved for the median patient's untreated doubling time. */
function withGrowth(changes: Partial<ModelParameters>): Partial<ModelParameters> {
  const sensitiveGrowthRate = bisect(
    (r) => -untreatedDoublingDays({ ...changes, sensitiveGrowthRate: r }),
    -FLAURA_TARGETS.untreatedDoublingDays,
    1e-3,
    5e-2,
  );
  return { ...changes, sensitiveGrowthRate };
}

function fitFigures(
  changes: Partial<ModelParameters>,
  n: number,
  seed: number,
  population: Readonly<LungTrialPopulation>,
) {
  const run = simulateFlauraComparison(changes, n, seed, population);
  const regrowth = regrowthPerMonth(changes, 'gefitinib');
  const at = (p: Readonly<LungTrialPopulation>): FlauraFit => ({
    ...flauraComparisonOutcomes(run, p),
    regrowthPerMonth: regrowth,
  });
  return { run, at };
}

const pct = (x: number) => (100 * x).toFixed(1);
const arm = (r: FlauraResult) =>
  `ORR ${pct(r.orr)} %, mPFS ${r.medianPfsMonths.toFixed(1)}, DoR ${r.medianDorMonths.toFixed(1)}, mOS ${r.medianOsMonths.toFixed(1)}, OS 24 mo ${pct(r.os24)} %, crossover ${pct(r.crossoverShare)} %`;
const describe = (r: FlauraFit, loss: number) =>
  `osimertinib ${arm(r.osimertinib)}; gefitinib ${arm(r.comparator)}; PFS HR ${r.pfsHr.toFixed(3)}, OS HR ${r.osHr.toFixed(3)}, regrowth ${r.regrowthPerMonth.toFixed(3)}/mo; loss ${loss.toFixed(2)}`;

const CHECKPOINT = join(tmpdir(), 'fit-flaura-checkpoint.json');

/** Stage 1: the setting's parameters and the kill spread, Nelder–Mead on log10 within the bounds. */
function stage1(
  start: Partial<ModelParameters>,
  population: Readonly<LungTrialPopulation>,
  budget: number,
): { parameters: Partial<ModelParameters>; population: Readonly<LungTrialPopulation>; loss: number } {
  const box = FIT_PARAMETERS.map((f) => bounds(f.id, f.floor));
  const lower = [...box.map((b) => b[0]), ...SPREADS.map((s) => Math.log10(s.bounds[0]))];
  const upper = [...box.map((b) => b[1]), ...SPREADS.map((s) => Math.log10(s.bounds[1]))];
  const x0 = [
    ...FIT_PARAMETERS.map((f) => Math.log10((start[f.id] as number) ?? settingParameters('lung-patient')[f.id])),
    ...SPREADS.map((s) => Math.log10(population[s.id])),
  ].map((x, i) => Math.min(upper[i], Math.max(lower[i], x)));
  const decode = (x: ArrayLike<number>) => {
    const changes: Partial<ModelParameters> = {};
    FIT_PARAMETERS.forEach((f, i) => {
      changes[f.id] = 10 ** x[i];
    });
    const spreads = Object.fromEntries(SPREADS.map((s, j) => [s.id, 10 ** x[FIT_PARAMETERS.length + j]]));
    return { changes: withGrowth(changes), population: { ...population, ...spreads } };
  };
  let best = { loss: Number.POSITIVE_INFINITY, parameters: {} as Partial<ModelParameters>, population };
  let evaluation = 0;
  const fit = nelderMead(
    (x) => {
      const point = decode(x);
      const r = fitFigures(point.changes, PATIENTS, SEED, point.population).at(point.population);
      const loss = flauraComparisonLoss(r, 'tumour');
      evaluation++;
      console.error(`stage 1 #${evaluation}: ${describe(r, loss)}`);
      if (loss < best.loss) {
        best = { loss, parameters: point.changes, population: point.population };
        const spreads = Object.fromEntries(SPREADS.map((s) => [s.id, point.population[s.id]]));
        writeFileSync(CHECKPOINT, JSON.stringify({ evaluation, loss, parameters: best.parameters, spreads }));
        console.error(`  best so far: ${JSON.stringify(point.changes)} ${JSON.stringify(spreads)}`);
      }
      return loss;
    },
    x0,
    lower,
    upper,
    { initialStep: 0.08, maxEvaluations: budget, tolerance: 0.5 },
  );
  console.error(`stage 1: ${fit.evaluations} evaluations, converged ${fit.converged}, loss ${fit.value.toFixed(3)}`);
  return best;
}

/** Stage 2: the burden and post-progression hazards on stage 1's trajectories, Nelder–Mead on log10. */
function stage2(parameters: Partial<ModelParameters>, population: Readonly<LungTrialPopulation>) {
  const figures = fitFigures(parameters, SURVIVAL_PATIENTS, SEED, population);
  const at = (x: ArrayLike<number>) => ({ ...population, burdenHazard: 10 ** x[0], postProgressionHazard: 10 ** x[1] });
  const fit = nelderMead(
    (x) => flauraComparisonLoss(figures.at(at(x))),
    [Math.log10(population.burdenHazard), Math.log10(population.postProgressionHazard)],
    [-8, -8],
    [-2, -1],
    { initialStep: 0.1, maxEvaluations: 300, tolerance: 1e-4 },
  );
  const next = at(fit.x);
  console.error(
    `stage 2: burden ${next.burdenHazard.toPrecision(3)}/day, post-progression ${next.postProgressionHazard.toPrecision(3)}/day: ${describe(figures.at(next), fit.value)}`,
  );
  return next;
}

const round4 = (x: number) => Number(x.toPrecision(4));

/** The fit cohort's figures at these values: both arms, distances and loss. */
function report(parameters: Partial<ModelParameters>, population: Readonly<LungTrialPopulation>) {
  const r = fitFigures(parameters, PATIENTS, SEED, population).at(population);
  const distances = flauraComparisonDistances(r);
  const armFigures = (a: FlauraResult) => ({
    orr: round4(a.orr),
    medianPfsMonths: round4(a.medianPfsMonths),
    medianDorMonths: round4(a.medianDorMonths),
    medianOsMonths: round4(a.medianOsMonths),
    os24: round4(a.os24),
    os36: round4(a.os36),
    medianTtrMonths: round4(a.medianTtrMonths),
    medianBestChange: round4(a.medianBestChange),
    crossoverShare: round4(a.crossoverShare),
  });
  return {
    osimertinib: armFigures(r.osimertinib),
    comparator: armFigures(r.comparator),
    pfsHr: round4(r.pfsHr),
    osHr: round4(r.osHr),
    regrowthPerMonth: round4(r.regrowthPerMonth),
    distances: Object.fromEntries(FLAURA_COMPARISON_TARGETS.map((t) => [t.id, round4(distances[t.id])])),
    loss: round4(flauraComparisonLoss(r)),
    tumourLoss: round4(flauraComparisonLoss(r, 'tumour')),
    untreatedDoublingDays: round4(untreatedDoublingDays(parameters)),
  };
}

/** Mean and SD over seeds 1-5 of 1000 patients per arm, both arms and the hazard ratios. */
function seedsReport(changes: Partial<ModelParameters>, population: Readonly<LungTrialPopulation>) {
  const runs = [1, 2, 3, 4, 5].map((seed) => runFlauraComparison(changes, 1000, seed, population));
  const stat = (v: number[]) => {
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1));
    return { mean: round4(mean), sd: round4(sd), seeds: v.map(round4) };
  };
  const keys = [
    'orr',
    'medianPfsMonths',
    'medianDorMonths',
    'medianOsMonths',
    'os12',
    'os24',
    'os36',
    'medianTtrMonths',
    'firstScanResponse',
    'medianBestChange',
    'crossoverShare',
  ] as const;
  const of = (side: 'osimertinib' | 'comparator') =>
    Object.fromEntries(keys.map((k) => [k, stat(runs.map((r) => r[side][k]))]));
  return {
    osimertinib: of('osimertinib'),
    comparator: of('comparator'),
    pfsHr: stat(runs.map((r) => r.pfsHr)),
    osHr: stat(runs.map((r) => r.osHr)),
    regrowthPerMonth: round4(regrowthPerMonth(changes, 'gefitinib')),
  };
}

function main(): void {
  const current = JSON.parse(readFileSync(FILE, 'utf8'));
  const population: Readonly<LungTrialPopulation> = LUNG_TRIAL_POPULATION;
  if (process.argv.includes('--check')) {
    console.log(JSON.stringify(report(current.parameters, population), null, 1));
    return;
  }
  if (process.argv.includes('--report') || process.argv.includes('--comparator')) {
    const at = process.argv.indexOf('--with');
    const changes = { ...current.parameters, ...(at > 0 ? JSON.parse(process.argv[at + 1]) : {}) };
    const of = process.argv.indexOf('--population');
    const p = { ...population, ...(of > 0 ? JSON.parse(process.argv[of + 1]) : {}) };
    console.log(JSON.stringify(seedsReport(changes, p), null, 1));
    return;
  }
  const tryAt = process.argv.indexOf('--try');
  if (tryAt > 0) {
    // one point of stage 1 (these changes to the file's values, the growth solved again), on the fit's cohort
    const { killLogSd, resistantLogSd, ...changes } = JSON.parse(process.argv[tryAt + 1]);
    const p = { ...population, ...(killLogSd ? { killLogSd } : {}), ...(resistantLogSd ? { resistantLogSd } : {}) };
    const solved = withGrowth({ ...current.parameters, ...changes });
    const r = fitFigures(solved, PATIENTS, SEED, p).at(p);
    console.log(
      `${describe(r, flauraComparisonLoss(r))}; tumour terms ${flauraComparisonLoss(r, 'tumour').toFixed(2)}`,
    );
    console.log(JSON.stringify(flauraComparisonDistances(r)));
    return;
  }
  if (process.argv.includes('--survival')) {
    // stage 2 alone, from the file's values (the death hazard after a change to it or to its cohort)
    writeFit(current, current.parameters, stage2(current.parameters, population));
    return;
  }
  const at = process.argv.indexOf('--budget');
  const budget = at > 0 ? Number(process.argv[at + 1]) : 300;
  const best = stage1(current.parameters, population, budget);
  writeFit(current, best.parameters, stage2(best.parameters, best.population));
}

// biome-ignore lint/suspicious/noExplicitAny: the file as read, rewritten with its new values
function writeFit(current: any, parameters: Partial<ModelParameters>, population: Readonly<LungTrialPopulation>): void {
  const rounded = Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, round4(v as number)]));
  const fitted = {
    killLogSd: round4(population.killLogSd),
    resistantLogSd: round4(population.resistantLogSd),
    burdenHazard: round4(population.burdenHazard),
    postProgressionHazard: round4(population.postProgressionHazard),
  };
  const { killLogSd: _kill, resistantLogSd: _resistant, ...fixed } = current.population.fixed;
  const used = { ...population, ...fitted };
  const out = {
    version: 3,
    fittedBy: 'scripts/fit-flaura.ts',
    loss: "sum of ((model - target) / SE)^2 over both arms' ORR, PFS at their median PFS vs 50 %, response lasting their median duration of response vs 50 %, OS at their median OS vs 50 %, osimertinib's OS at 24 and 36 months, log PFS and OS hazard ratios, and the regrowth after the nadir of the median patient on gefitinib (FLAURA_COMPARISON_TARGETS); 300 virtual patients per arm of seed 1001 (the death hazard: 2000)",
    targets: {
      ...FLAURA_TARGETS,
      fit: FLAURA_COMPARISON_TARGETS.map((t) => ({ id: t.id, target: round4(t.target), se: round4(t.se) })),
    },
    parameters: rounded,
    result: report(rounded, used),
    population: { ...current.population, fixed, fitted },
  };
  writeFileSync(FILE, `${JSON.stringify(out, null, 2)}\n`);
  console.log(JSON.stringify(out.result));
}

main();
