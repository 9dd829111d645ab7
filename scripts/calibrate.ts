/**
 * npm run calibrate: fits the virtual HCC trial's population parameters (src/model/population.ts) to IMbrave150
 * (src/model/calibration.ts: targets, their SEs and the loss), prints the table (target, model mean over 5 seeds of
 * 1000 patients, spread over seeds, distance) and writes the fitted values to src/model/trial-population.json.
 *
 *   npm run calibrate               fit, report, write
 *   npm run calibrate -- --report   report the file's population only (no fit; rewrites only the file's report)
 *   npm run calibrate -- --report --set sorafenibApoptosisScale=3 --seeds 1
 *                                   report the file's population with these values changed, on these seeds (writes nothing)
 *   npm run calibrate -- --outer 400   the outer Nelder–Mead's budget (default OUTER_EVALUATIONS)
 *
 * Procedure (reproducible: fixed seeds, deterministic Nelder–Mead): the solver-side parameters (SOLVER_SIDE; the
 * patients' trajectories depend on them) are fitted by an outer Nelder–Mead on their logarithms (LINEAR: on their own
 * scale), until its simplex's losses agree within OUTER_TOLERANCE; at each outer point the patients are simulated once (four fit seeds x 1000 patients x 3 arms: the trial's two and an untreated one, on
 * worker threads) and the outcome-side parameters (residual tissue, new-lesion and death hazards; outcomes only) by
 * an inner Nelder–Mead on those trajectories. The fit uses continuous versions of the medians (calibration.ts,
 * fitDistance); the report, the usual Kaplan–Meier step medians, on seeds apart from the fit's.
 *
 * The file is written through the project's formatter (population-json.ts), so npm run lint passes on it as written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  CALIBRATION_TARGETS,
  calibrationLoss,
  fitDistance,
  medianDoublingMonths,
  standardisedDistance,
  trialMetrics,
  UNTREATED_ARM,
} from '../src/model/calibration';
import {
  type CohortTrajectories,
  cohortOutcomes,
  cohortPatients,
  cohortStatistics,
  type VirtualPatient,
} from '../src/model/cohort';
import {
  FIT_BOUNDS,
  type FittedParameter,
  TRIAL_POPULATION,
  TRIAL_POPULATION_VERSION,
  type TrialPopulation,
} from '../src/model/population';
import { presetById } from '../src/scenario/catalogue/presets';
import type { Scenario } from '../src/scenario/types';
import { nelderMead } from '../src/stats';
import { POPULATION_FILE, populationJson } from './population-json';

const argValues = (flag: string): string[] =>
  process.argv.flatMap((a, i) => (a === flag && i + 1 < process.argv.length ? [process.argv[i + 1]] : []));
/**
 * Four fitting seeds (version 7; versions 5 and 6 had two, 1001 and 1002, whose fit loss, 4.3, was a quarter of the
 * report's, 18.2; versions 2-4 had 1001 alone: 13.2 against 28.3).
 */
const FIT_SEEDS = [1001, 1002, 1003, 1004];
const seedsArg = argValues('--seeds')[0];
const REPORT_SEEDS = seedsArg ? seedsArg.split(',').map(Number) : [1, 2, 3, 4, 5];
const PATIENTS = 1000;
const SOLVER_SIDE: FittedParameter[] = [
  'growthScale',
  'killScale',
  'killLogSd',
  'recruitmentScale',
  'sorafenibScale',
  'sorafenibLogSd',
  'sorafenibReducedEffect',
  'pge2EffectorSuppression',
  'sorafenibApoptosisScale',
  'nrf2StingSuppression',
  'sorafenibEscapeHazard',
  'angiogenesisScale',
];
/** Solver-side parameters searched on their own scale (a share, or a range from 0); the others on their logarithm. */
const LINEAR: FittedParameter[] = [
  'pge2EffectorSuppression',
  'sorafenibReducedEffect',
  'sorafenibApoptosisScale',
  'nrf2StingSuppression',
  'angiogenesisScale',
];
const toSearch = (name: FittedParameter, v: number) => (LINEAR.includes(name) ? v : Math.log(v));
const fromSearch = (name: FittedParameter, x: number) => (LINEAR.includes(name) ? x : Math.exp(x));
const OUTCOME_SIDE: FittedParameter[] = [
  'residualResorbed',
  'residualMedian',
  'residualLogSd',
  'newLesionHazard',
  'newLesionFloor',
  'sorafenibNewLesionFloor',
  'burdenHazard',
  'postProgressionHazard',
  'sorafenibLiverHazard',
  'withdrawalHazard',
  'sorafenibWithdrawalHazard',
  'sorafenibNecrosis',
  'postProgressionGrowthShare',
];
/**
 * The outer budget: version 2 stopped at 50 evaluations, unconverged (the simplex's losses still 0.5 apart or more);
 * a bounded Nelder–Mead over 9 coordinates needs a few hundred. The fit stops earlier when the simplex's losses agree
 * within OUTER_TOLERANCE.
 */
const OUTER_EVALUATIONS = Number(argValues('--outer')[0] ?? 400);
const OUTER_TOLERANCE = 0.5;
const INNER_EVALUATIONS = 200;
/**
 * The fit's start: the result of version 10's first run, so that npm run calibrate repeats its second (the restart, the
 * usual check of a Nelder–Mead convergence). The first run started from version 9's result with
 * postProgressionGrowthShare, new in version 10, at 0.4 and sorafenibEscapeHazard at 0.005/day (what-ifs of version 9
 * had put the PFS hazard ratio within its aim near a share of 0.3 and an escape of 0.006/day: docs/model.md, "Version
 * 10"), and converged after 27 outer evaluations. Version 9's first run started from version 8's result (its restart's) with
 * angiogenesisScale, new in version 9, at 1 (the single-patient setting's share, 0.3) and converged after 53 outer
 * evaluations (it was fitted as the share itself, 0.3374, and is kept as its multiple of 0.3, 1.125). Version 8's first run started from version 7's result with sorafenibEscapeHazard, new
 * then, at 0.002/day (a what-if of version 7 with it had moved the PFS hazard ratio 0.734 -> 0.689); version 7's from
 * version 6's with the two spreads fitted since version 7 at residualLogSd 1 and killLogSd 1; version 6 from the result
 * of a first version-6 fit whose new-lesion hazard had the growth factor without the size term (docs/model.md, "New
 * lesions": not kept), which had started from version 5's result; version 5 from version 4's with growthScale at
 * version 2's 0.8391 and newLesionHazard 0.0015; version 4 from version 3's (docs/model.md, "Calibration", for versions
 * 2 and 3). A fixed start keeps the calibration reproducible whatever the file holds.
 */
const START: Pick<TrialPopulation, FittedParameter> = {
  growthScale: 0.747,
  killScale: 2.664,
  killLogSd: 1.256,
  recruitmentScale: 4.611,
  sorafenibScale: 3.69,
  sorafenibLogSd: 1.845,
  sorafenibReducedEffect: 0.712,
  pge2EffectorSuppression: 1,
  sorafenibApoptosisScale: 9.923,
  nrf2StingSuppression: 0.156,
  sorafenibEscapeHazard: 0.005808,
  angiogenesisScale: 1.165,
  residualResorbed: 0.1588,
  residualMedian: 0.2142,
  residualLogSd: 2.829,
  newLesionHazard: 0.005386,
  newLesionFloor: 0.5591,
  sorafenibNewLesionFloor: 0.968,
  burdenHazard: 0.0009305,
  postProgressionHazard: 0.0003231,
  sorafenibLiverHazard: 0.0004935,
  withdrawalHazard: 0.000384,
  sorafenibWithdrawalHazard: 0.003637,
  sorafenibNecrosis: 0.256,
  postProgressionGrowthShare: 0.4525,
};

const preset = presetById('imbrave150-trial');
if (!preset?.scenario.cohort) throw new Error('preset imbrave150-trial missing');
const base: Scenario = preset.scenario;
/** The trial: the preset's two arms and, with `untreated`, an untreated arm (UNTREATED_ARM) for the natural history. */
const trialAt = (seed: number, untreated = true): Scenario => ({
  ...base,
  arms: untreated ? [...base.arms, { name: 'Untreated', inputs: {}, treatments: {} }] : base.arms,
  cohort: { ...(base.cohort ?? { cancer: 'hcc', assessmentInterval: 42, pge2Cutoff: 100 }), size: PATIENTS, seed },
});

// --- worker threads -------------------------------------------------------------------------------------------------
const threads = Math.max(1, Math.min(2, availableParallelism()));
const workers = Array.from({ length: threads }, () => new Worker(new URL('./calibrate-worker.mjs', import.meta.url)));
const pending = new Map<number, (t: CohortTrajectories) => void>();
let nextId = 0;
for (const w of workers)
  w.on('message', (m: { id: number; trajectories: CohortTrajectories }) => pending.get(m.id)?.(m.trajectories));
const idle: Worker[] = [...workers];
const queue: (() => void)[] = [];
function run(scenario: Scenario, population: TrialPopulation, from: number, to: number): Promise<CohortTrajectories> {
  return new Promise((resolve) => {
    const go = () => {
      const w = idle.pop() as Worker;
      const id = nextId++;
      pending.set(id, (t) => {
        pending.delete(id);
        idle.push(w);
        queue.shift()?.();
        resolve(t);
      });
      w.postMessage({ id, scenario, population, from, to });
    };
    if (idle.length > 0) go();
    else queue.push(go);
  });
}

/** All patients of one seed, in blocks over the threads, joined. */
async function trajectories(seed: number, population: TrialPopulation): Promise<CohortTrajectories> {
  const scenario = trialAt(seed);
  const blocks = 8;
  const parts = await Promise.all(
    Array.from({ length: blocks }, (_, b) =>
      run(scenario, population, Math.floor((b * PATIENTS) / blocks), Math.floor(((b + 1) * PATIENTS) / blocks)),
    ),
  );
  const days = parts[0].days;
  const volumes = scenario.arms.map((_, a) => {
    const out = new Float64Array(PATIENTS * days.length);
    for (const p of parts) out.set(p.volumes[a], p.from * days.length);
    return out;
  });
  const baselinePge2 = new Float64Array(PATIENTS);
  for (const p of parts) baselinePge2.set(p.baselinePge2, p.from);
  return { from: 0, to: PATIENTS, days, volumes, baselinePge2 };
}

/** The mean of each metric over seeds, with the spread (SD over seeds) of each. */
interface SeedSet {
  seed: number;
  t: CohortTrajectories;
  /** the patients as drawn for the trajectories (the outcome side changes only their residual) */
  patients: VirtualPatient[];
}

async function seedSet(seed: number, population: TrialPopulation): Promise<SeedSet> {
  const t = await trajectories(seed, population);
  return { seed, t, patients: cohortPatients(trialAt(seed), 0, PATIENTS, population) };
}

/**
 * The metrics of each seed's trial and their mean and SD over seeds. `untreated: false` leaves the untreated arm's
 * outcomes out (the inner fit: no fitted target reads them; its doubling time, from the trajectories, is kept).
 */
function metricsOver(
  sets: SeedSet[],
  population: TrialPopulation,
  smooth: boolean,
  untreated = true,
): { mean: Record<string, number>; sd: Record<string, number>; each: Record<string, number>[] } {
  const each = sets.map(({ seed, t, patients }) => {
    const scenario = trialAt(seed, untreated);
    const arms = scenario.arms.length;
    const block = cohortOutcomes(scenario, { ...t, volumes: t.volumes.slice(0, arms) }, population, patients);
    const m = trialMetrics(cohortStatistics(scenario, block, { biomarkers: false }), smooth, 42, t);
    m['dt.2'] = medianDoublingMonths(t, UNTREATED_ARM);
    return m;
  });
  const mean: Record<string, number> = {};
  const sd: Record<string, number> = {};
  for (const key of Object.keys(each[0])) {
    const values = each.map((m) => m[key]);
    const m = values.reduce((a, b) => a + b, 0) / values.length;
    mean[key] = m;
    sd[key] = values.length > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1)) : 0;
  }
  return { mean, sd, each };
}

const with_ = (population: TrialPopulation, names: FittedParameter[], x: ArrayLike<number>): TrialPopulation => {
  const out = { ...population };
  names.forEach((name, i) => {
    out[name] = x[i];
  });
  return out;
};

function fitOutcomes(sets: SeedSet[], population: TrialPopulation): { population: TrialPopulation; loss: number } {
  const lower = OUTCOME_SIDE.map((n) => FIT_BOUNDS[n][0]);
  const upper = OUTCOME_SIDE.map((n) => FIT_BOUNDS[n][1]);
  const r = nelderMead(
    (x) => calibrationLoss(metricsOver(sets, with_(population, OUTCOME_SIDE, x), true, false).mean, true),
    OUTCOME_SIDE.map((n) => population[n]),
    lower,
    upper,
    { maxEvaluations: INNER_EVALUATIONS, initialStep: 0.05, tolerance: 1e-3 },
  );
  return { population: with_(population, OUTCOME_SIDE, r.x), loss: r.value };
}

async function fitPopulation(
  start: TrialPopulation,
): Promise<{ population: TrialPopulation; loss: number; evaluations: number; converged: boolean }> {
  let best = { population: start, loss: Number.POSITIVE_INFINITY };
  let evaluations = 0;
  const objective = async (logX: Float64Array): Promise<number> => {
    const population = with_(
      best.population,
      SOLVER_SIDE,
      Array.from(logX, (x, i) => fromSearch(SOLVER_SIDE[i], x)),
    );
    const sets = await Promise.all(FIT_SEEDS.map((seed) => seedSet(seed, population)));
    const inner = fitOutcomes(sets, population);
    evaluations++;
    const xs = SOLVER_SIDE.map((n) => inner.population[n].toPrecision(3)).join(', ');
    const ys = OUTCOME_SIDE.map((n) => inner.population[n].toPrecision(3)).join(', ');
    const m = metricsOver(sets, inner.population, true, false).mean;
    const distances = CALIBRATION_TARGETS.filter((t) => t.fitted)
      .map((t) => `${t.id} ${fitDistance(t, m).toFixed(1)}`)
      .join(' ');
    console.error(`  outer ${evaluations}: [${xs}] [${ys}] loss ${inner.loss.toFixed(2)}: ${distances}`);
    if (inner.loss < best.loss) {
      best = inner;
      // the best point so far, for a fit that has to be stopped before it converges
      writeFileSync(
        CHECKPOINT_FILE,
        `${JSON.stringify({ evaluations, loss: inner.loss, population: round(inner.population) }, null, 2)}\n`,
      );
    }
    return inner.loss;
  };
  // Nelder–Mead needs a synchronous objective: memoise the asynchronous one over an explicit simplex loop
  const lower = SOLVER_SIDE.map((n) => toSearch(n, FIT_BOUNDS[n][0]));
  const upper = SOLVER_SIDE.map((n) => toSearch(n, FIT_BOUNDS[n][1]));
  const converged = await asyncNelderMead(
    objective,
    SOLVER_SIDE.map((n) => toSearch(n, start[n])),
    lower,
    upper,
    OUTER_EVALUATIONS,
  );
  return { ...best, evaluations, converged };
}

/** Nelder–Mead (the same rules as src/stats/nelder-mead.ts) over an asynchronous objective. */
async function asyncNelderMead(
  f: (x: Float64Array) => Promise<number>,
  x0: number[],
  lower: number[],
  upper: number[],
  maxEvaluations: number,
): Promise<boolean> {
  // record every asked point's value by running the synchronous implementation repeatedly on a cache: each pass asks
  // one new point (which throws), the point is evaluated asynchronously, and the pass restarts from the cache
  const cache = new Map<string, number>();
  const key = (x: Float64Array) => Array.from(x, (v) => v.toFixed(12)).join(',');
  class Ask extends Error {
    constructor(readonly x: Float64Array) {
      super('ask');
    }
  }
  for (;;) {
    try {
      return nelderMead(
        (x) => {
          const v = cache.get(key(x));
          if (v === undefined) throw new Ask(Float64Array.from(x));
          return v;
        },
        x0,
        lower,
        upper,
        { maxEvaluations, initialStep: 0.1, tolerance: OUTER_TOLERANCE },
      ).converged;
    } catch (e) {
      if (!(e instanceof Ask)) throw e;
      cache.set(key(e.x), await f(e.x));
    }
  }
}

function table(population: TrialPopulation, report: ReturnType<typeof metricsOver>): string {
  const rows = [
    '| target | published | model mean (5 seeds x 1000) | spread over seeds (SD) | distance | within aim |',
    '|---|---|---|---|---|---|',
  ];
  const fmt = (kind: string, v: number) =>
    kind === 'rate' ? `${(100 * v).toFixed(1)} %` : kind === 'months' ? `${v.toFixed(2)} mo` : v.toFixed(3);
  const aims: Record<string, number> = { rate: 0.05, months: 1, 'hazard-ratio': 0.1 };
  for (const t of CALIBRATION_TARGETS) {
    const m = report.mean[t.id];
    const d = m - t.value;
    const dist =
      t.kind === 'rate' ? `${(100 * d).toFixed(1)} pp` : t.kind === 'months' ? `${d.toFixed(2)} mo` : d.toFixed(3);
    const ok = Math.abs(d) <= aims[t.kind] ? 'yes' : 'no';
    rows.push(
      `| ${t.label}${t.fitted ? '' : ' (not fitted)'} | ${fmt(t.kind, t.value)} | ${fmt(t.kind, m)} | ${fmt(t.kind, report.sd[t.id])} | ${dist} (${standardisedDistance(t, m).toFixed(1)} SE) | ${ok} |`,
    );
  }
  const extra = [
    ['sorafenib: median OS, months (not a target; IMbrave150 13.2)', 'mos.0'],
    ['atezolizumab + bevacizumab: median OS, months (not reached in IMbrave150)', 'mos.1'],
    ['atezolizumab + bevacizumab: responders seen at the 1st or 2nd scan', 'ttr12.1'],
    ['sorafenib: median time to response, months', 'ttr.0'],
    ['untreated: OS at 12 months', 'os12.2'],
    ['untreated: share PD (best response)', 'pd.2'],
  ];
  const value = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : Number.isNaN(v) ? '–' : 'not reached');
  for (const [label, id] of extra)
    rows.push(`| ${label} | | ${value(report.mean[id])} | ${value(report.sd[id])} | | |`);
  rows.push('', `loss (report seeds, step medians): ${calibrationLoss(report.mean).toFixed(2)}`);
  rows.push('', '```json', JSON.stringify(population, null, 2), '```');
  return rows.join('\n');
}

/** The population file, relative to the package root (npm runs scripts there). */
/** The best point of a fit in progress (not part of the repository). */
const CHECKPOINT_FILE = 'node_modules/.cache/timescape-calibrate/best.json';
const FITTED_ORDER = [...SOLVER_SIDE, ...OUTCOME_SIDE];
const round = (population: TrialPopulation): TrialPopulation => {
  const out = { ...population };
  for (const k of FITTED_ORDER) out[k] = Number(population[k].toPrecision(4));
  return out;
};

async function main(): Promise<void> {
  const reportOnly = process.argv.includes('--report');
  const started = performance.now();
  // --set name=value: a what-if report of the file's population with these values (nothing is written)
  const changes = Object.fromEntries(
    argValues('--set').map((a) => {
      const [name, value] = a.split('=');
      if (!(name in TRIAL_POPULATION) || !Number.isFinite(Number(value)))
        throw new Error(`--set ${a}: unknown or not a number`);
      return [name, Number(value)];
    }),
  );
  const whatIf = Object.keys(changes).length > 0 || seedsArg !== undefined;
  if (whatIf && !reportOnly) throw new Error('--set and --seeds go with --report');
  let population: TrialPopulation = { ...TRIAL_POPULATION, ...changes };
  let fitted: { loss: number; evaluations: number; converged: boolean } | null = null;
  if (!reportOnly) {
    console.error(`fitting on seeds ${FIT_SEEDS.join(', ')} x ${PATIENTS} patients, ${threads} threads`);
    const r = await fitPopulation({ ...population, ...START });
    console.error(
      `outer Nelder–Mead ${r.converged ? 'converged' : 'stopped at its budget'} after ${r.evaluations} evaluations`,
    );
    // the file keeps 4 significant digits: the report is of exactly what the file holds
    population = round(r.population);
    fitted = r;
  }
  const sets = await Promise.all(REPORT_SEEDS.map((seed) => seedSet(seed, population)));
  const report = metricsOver(sets, population, false);
  console.log(table(population, report));
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n${reportOnly ? 'report' : 'calibration'} took ${seconds.toFixed(0)} s on ${threads} threads`);
  const reportSection = Object.fromEntries(
    CALIBRATION_TARGETS.map((t) => [
      t.id,
      { mean: Number(report.mean[t.id].toPrecision(4)), sd: Number(report.sd[t.id].toPrecision(3)) },
    ]),
  );
  if (!fitted && !whatIf) {
    // the report of the file's own population: only its report section changes
    const file = JSON.parse(readFileSync(POPULATION_FILE, 'utf8'));
    if (file.calibration) {
      file.calibration.report = reportSection;
      file.calibration.reportLoss = Number(calibrationLoss(report.mean).toFixed(3));
      writeFileSync(POPULATION_FILE, populationJson(file));
      console.log(`updated the report in ${POPULATION_FILE}`);
    }
  }
  if (fitted) {
    const previous = JSON.parse(readFileSync(POPULATION_FILE, 'utf8')) as { description: string };
    const fixedKeys = (Object.keys(TRIAL_POPULATION) as (keyof TrialPopulation)[]).filter(
      (k) => !(FITTED_ORDER as string[]).includes(k),
    );
    const file = {
      version: TRIAL_POPULATION_VERSION,
      description: previous.description,
      fitted: Object.fromEntries(FITTED_ORDER.map((k) => [k, population[k]])),
      fixed: Object.fromEntries(fixedKeys.map((k) => [k, population[k]])),
      calibration: {
        command: 'npm run calibrate',
        fitSeeds: FIT_SEEDS,
        reportSeeds: REPORT_SEEDS,
        patients: PATIENTS,
        fitLoss: Number(fitted.loss.toFixed(3)),
        reportLoss: Number(calibrationLoss(report.mean).toFixed(3)),
        outerEvaluations: fitted.evaluations,
        outerBudget: OUTER_EVALUATIONS,
        converged: fitted.converged,
        // the report: per target, the model's mean and SD over the report seeds
        report: reportSection,
      },
    };
    writeFileSync(POPULATION_FILE, populationJson(file));
    console.log(`wrote ${POPULATION_FILE}`);
  }
  for (const w of workers) await w.terminate();
}

await main();
