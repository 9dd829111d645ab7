/**
 * The cohort command (a virtual trial) as a pure function of its arguments, testable without spawning a process.
 *
 * Input: a scenario link, as for simulate. The cohort settings come from its keys n, seed, cancer, assess and pge2cut
 * (src/scenario/codec.ts); keys that are missing take their defaults (500 patients, seed 1, hcc, every 42 days,
 * PGE2 cut-off 3) without a message, and the normalised query in the output spells out every setting used, so the
 * run can be repeated exactly. A link without 's' is read in the hcc-patient setting; a cohort runs there and in
 * lung-patient (FLAURA's patients), and any other setting is an error. Bad input: exit status 2, one line per problem on stderr
 * (`cohort: <field>: <message>`), nothing on stdout.
 *
 * Output schema (stable):
 *   { version, query, patients,
 *     arms: [{ name, patients, responses: {CR, PR, SD, PD}, orr: {estimate, lower, upper}, dcr: {...},
 *              medianPfsDays: {median, lower, upper}, km: [{ day, atRisk, events, censored, survival, lower, upper }] }],
 *     comparisons: [{ reference, comparison, hazardRatio, lower, upper, method, logRankChiSquare, logRankP,
 *                     os: { hazardRatio, lower, upper, logRankChiSquare, logRankP } }],
 *     biomarkers: [{ name, definition, arms: [{ name, high: {patients, medianPfsDays, orr},
 *                                                     low: {patients, medianPfsDays, orr}, logRankP }] }] }
 * Intervals are 95 % (Wilson for rates; log-log Kaplan–Meier bands and the Brookmeyer–Crowley-style median interval;
 * Wald for the hazard ratio). `km` starts with a day-0 row at survival 1. null means not reached or not estimable
 * (a median PFS the curve never reaches, a log-rank p with an empty subgroup). Comparisons are every arm against the
 * first. Days are days from the start of treatment (day 0).
 *
 * --format csv: one row per patient and arm, patient-major:
 *   patient,arm,best,bestChange,pfsDays,progressed,osDays,death,nrf2Active,baselinePge2
 * patient counts from 1; best is CR|PR|SD|PD|NE (confirmed best overall response, RECIST 1.1; NE: no post-baseline scan); bestChange is the best
 * change of the lesion diameter from baseline, %; progressed (the PFS event: progression or death), death and nrf2Active
 * are 0 or 1; osDays is overall survival (to death, or censored at the last assessment); baselinePge2 is plasma PGE2 at
 * day 0, pg/mL. Each arm's JSON also has medianOsDays, os12 (survival at 365.25 days with its log-log interval; null
 * past the follow-up), osKm, timeToResponseDays (median day of the confirmed responders' first response, and the
 * share of them seen at the first or second assessment) and crossover (the share of the arm's patients who crossed over
 * to osimertinib at progression, with its Wilson interval: FLAURA's comparator arm; 0 in every other arm and trial).
 */

import { csvField } from '../formats/csv';
import { type CohortBlock, cohortStatistics, mergeBlocks, runCohortBlock } from '../model';
import { RESPONSE_CODES } from '../scenario/catalogue/trial';
import { decodeScenario } from '../scenario/codec';
import { defaultCohort } from '../scenario/defaults';
import { encodeScenario } from '../scenario/encode';
import { COHORT_SETTINGS, DEFAULT_COHORT_SETTING, isCohortSetting } from '../scenario/limits';
import type { Scenario } from '../scenario/types';
import type { KaplanMeierResult, MedianSurvival, ProportionInterval } from '../stats';
import { parseArgs } from './options';
import {
  MAX_SECONDS_USAGE,
  type PartialMark,
  type ProgressSink,
  readMaxSeconds,
  silentSink,
  startProgress,
  stoppedOutput,
} from './progress';
import { CLI_VERSION, type CliOutput, queryPart } from './run';
import { parseShardArgument, registerMerge, type Shard, shardOutput, shardRange } from './shard';

export const COX_METHOD = 'Cox proportional hazards, Efron ties, Wald CI';

const USAGE = `usage: cohort [--format json|csv] [--shard k/N] [--max-seconds N] '<query string or share URL>'
  Runs a virtual trial: every arm of the scenario given to the same virtual patients (hcc-patient or lung-patient setting).
  Cohort keys (missing ones take the default): n (size, 10..10000, 500), seed (0..2147483647, 1),
  cancer (hcc|escc|lusc|lung|pan-cancer, hcc), assess (days between assessments, 7..182, 42),
  pge2cut (PGE2 cut-off of the biomarker split, pg/mL, 1..1000, 100). Without s, the setting is hcc-patient.
  --format json   (default) {"version","query","patients","arms","comparisons","biomarkers"}
  --format csv    one row per patient and arm: patient,arm,best,bestChange,pfsDays,progressed,osDays,death,nrf2Active,baselinePge2
  --shard k/N     simulate only part k of N of the patients (k = 1..N) and print a shard file; merge the N files
                  with the merge command to get exactly the output of the whole run
${MAX_SECONDS_USAGE};
                   JSON then has "partial": {"done", "total", ...} and statistics of the finished patients only,
                   CSV the finished patients' rows
  Progress (patients done, time left) goes to stderr.
`;

function fail(message: string): CliOutput {
  return { status: 2, stdout: '', stderr: message };
}

/** The scenario to run, or the lines to print on stderr. */
function readScenario(input: string): { scenario: Scenario } | { errors: string[] } {
  let query = queryPart(input);
  if (!new URLSearchParams(query).has('s'))
    query = query === '' ? `s=${DEFAULT_COHORT_SETTING}` : `s=${DEFAULT_COHORT_SETTING}&${query}`;
  const decoded = decodeScenario(query);
  if (decoded.errors.length > 0) return { errors: decoded.errors.map((e) => `cohort: ${e.field}: ${e.message}`) };
  const scenario = decoded.scenario;
  // a link with cohort keys in another setting is reported by the decoder (field 'cohort'); this is one without them
  if (!isCohortSetting(scenario.setting)) {
    return {
      errors: [
        `cohort: setting: A virtual trial runs only in the ${COHORT_SETTINGS.join(' or ')} setting; the link's setting (s) is ${scenario.setting}.`,
      ],
    };
  }
  return { scenario: { ...scenario, cohort: scenario.cohort ?? defaultCohort() } };
}

const interval = (p: ProportionInterval) => ({ estimate: p.estimate, lower: p.lower, upper: p.upper });
const median = (m: MedianSurvival) => ({ median: m.median, lower: m.lower, upper: m.upper });

/** The Kaplan–Meier table, from a day-0 row at survival 1 (no event or censoring can fall on day 0). */
function kmRows(km: KaplanMeierResult, patients: number) {
  const rows = [{ day: 0, atRisk: patients, events: 0, censored: 0, survival: 1, lower: 1, upper: 1 }];
  km.time.forEach((day, j) => {
    if (day === 0 && j === 0) rows.length = 0;
    rows.push({
      day,
      atRisk: km.atRisk[j],
      events: km.events[j],
      censored: km.censored[j],
      survival: km.survival[j],
      lower: km.lower[j],
      upper: km.upper[j],
    });
  });
  return rows;
}

/** What each biomarker split of cohortStatistics means (same order and thresholds). */
function biomarkerDefinition(name: string, pge2Cutoff: number): string {
  if (name === 'NRF2') return 'high: NRF2-active tumour (KEAP1/NRF2-mutant or P-NRF2-positive)';
  if (name === 'PGE2') return `high: baseline plasma PGE2 >= ${pge2Cutoff} pg/mL`;
  if (name === 'NEAT1') return 'high: NEAT1 expression >= 0.5';
  return name;
}

/**
 * Patients [from, to) in blocks, with progress after each block; stops early when the progress says time is up.
 * Blocks of at most 20 patients (1 % of the run for smaller ones) keep the progress and the time limit within
 * seconds even for the heaviest links (8 arms over 1825 days: about 0.1 s per patient).
 */
function runInBlocks(scenario: Scenario, from: number, to: number, sink: ProgressSink, maxSeconds: number | null) {
  const progress = startProgress('cohort', to - from, 'patients', maxSeconds, sink);
  const size = Math.max(1, Math.min(20, Math.ceil((to - from) / 100)));
  const blocks: CohortBlock[] = [];
  let at = from;
  while (at < to) {
    const end = Math.min(to, at + size);
    blocks.push(runCohortBlock(scenario, at, end));
    at = end;
    if (progress.step(at - from)) break;
  }
  progress.finish();
  const block = mergeBlocks(blocks);
  return { block: { ...block, from, to: at }, progress, done: at - from };
}

export function runCohortCli(args: string[], sink: ProgressSink = silentSink()): CliOutput {
  let format = 'json';
  let shard: Shard | null = null;
  let maxSeconds: number | null = null;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') return { status: 0, stdout: USAGE, stderr: '' };
    if (a === '--format') format = args[++i] ?? '';
    else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a === '--max-seconds' || a.startsWith('--max-seconds=')) {
      const text = a === '--max-seconds' ? (args[++i] ?? '') : a.slice('--max-seconds='.length);
      const read = readMaxSeconds(parseArgs([`--max-seconds=${text}`]));
      if (read !== null && typeof read === 'object') return fail(`cohort: ${read.error}\n`);
      maxSeconds = read;
    } else if (a === '--shard' || a.startsWith('--shard=')) {
      const parsed = parseShardArgument(a === '--shard' ? (args[++i] ?? '') : a.slice('--shard='.length));
      if ('error' in parsed) return fail(`cohort: ${parsed.error}\n`);
      shard = parsed;
    } else if (a.startsWith('--')) return fail(`cohort: unknown option ${a}\n${USAGE}`);
    else positional.push(a);
  }
  if (format !== 'json' && format !== 'csv') return fail(`cohort: --format must be json or csv, not "${format}"\n`);
  if (positional.length !== 1) return fail(`cohort: expected one query string, got ${positional.length}\n${USAGE}`);

  const read = readScenario(positional[0]);
  if ('errors' in read) return fail(`${read.errors.join('\n')}\n`);
  const scenario = read.scenario;
  const cohort = scenario.cohort ?? defaultCohort();
  if (shard) {
    const { from, to } = shardRange(cohort.size, shard);
    const run = runInBlocks(scenario, from, to, sink, maxSeconds);
    if (run.progress.stopped)
      return stoppedOutput(run.progress, run.done, true, () => ({ status: 0, stdout: '', stderr: '' }));
    return shardOutput(SHARD_COMMAND, format, encodeScenario(scenario), shard, cohort.size, blockColumns(run.block));
  }
  const run = runInBlocks(scenario, 0, cohort.size, sink, maxSeconds);
  if (run.progress.stopped) {
    return stoppedOutput(run.progress, run.done, false, () =>
      cohortOutput(scenario, run.block, format, run.progress.partial(run.done)),
    );
  }
  return cohortOutput(scenario, run.block, format);
}

/** The command's output from the outcomes of all patients: the same for a single run and for merged shards. */
function cohortOutput(
  asked: Scenario,
  block: CohortBlock,
  format: string,
  partial: PartialMark | null = null,
): CliOutput {
  // a partial run: the statistics of the patients simulated (the first block.to of them)
  const scenario: Scenario = partial
    ? { ...asked, cohort: { ...(asked.cohort ?? defaultCohort()), size: block.to - block.from } }
    : asked;
  const cohort = scenario.cohort ?? defaultCohort();

  if (format === 'csv') {
    const rows = ['patient,arm,best,bestChange,pfsDays,progressed,osDays,death,nrf2Active,baselinePge2'];
    const names = scenario.arms.map((arm) => csvField(arm.name));
    for (let i = 0; i < cohort.size; i++) {
      block.arms.forEach((arm, a) => {
        rows.push(
          [
            i + 1,
            names[a],
            RESPONSE_CODES[arm.best[i]],
            arm.bestChange[i],
            arm.pfsDays[i],
            arm.progressed[i],
            arm.osDays[i],
            arm.death[i],
            block.nrf2Active[i],
            block.baselinePge2[i],
          ].join(','),
        );
      });
    }
    return { status: 0, stdout: `${rows.join('\n')}\n`, stderr: '' };
  }

  const stats = cohortStatistics(scenario, block);
  const armNames = scenario.arms.map((arm) => arm.name);
  const json = {
    version: CLI_VERSION,
    query: encodeScenario(asked),
    ...(partial ? { partial } : {}),
    patients: cohort.size,
    arms: stats.arms.map((arm) => ({
      name: arm.name,
      patients: arm.patients,
      responses: arm.responses,
      orr: interval(arm.orr),
      dcr: interval(arm.dcr),
      medianPfsDays: median(arm.medianPfs),
      km: kmRows(arm.pfs, arm.patients),
      medianOsDays: median(arm.medianOs),
      os12: arm.os12 ? { estimate: arm.os12.estimate, lower: arm.os12.lower, upper: arm.os12.upper } : null,
      osKm: kmRows(arm.os, arm.patients),
      timeToResponseDays: { median: arm.timeToResponse.median, firstOrSecond: arm.timeToResponse.firstOrSecond },
      crossover: interval(arm.crossover),
    })),
    comparisons: stats.comparisons.map((c) => ({
      reference: armNames[c.reference],
      comparison: armNames[c.comparison],
      hazardRatio: c.cox.hazardRatio,
      lower: c.cox.lower,
      upper: c.cox.upper,
      method: COX_METHOD,
      logRankChiSquare: c.logRank.statistic,
      logRankP: c.logRank.pValue,
      os: {
        hazardRatio: c.osCox.hazardRatio,
        lower: c.osCox.lower,
        upper: c.osCox.upper,
        logRankChiSquare: c.osLogRank.statistic,
        logRankP: c.osLogRank.pValue,
      },
    })),
    biomarkers: stats.biomarkers.map((b) => ({
      name: b.name,
      definition: biomarkerDefinition(b.name, cohort.pge2Cutoff),
      arms: armNames.map((name, a) => ({
        name,
        high: {
          patients: b.high.arms[a].patients,
          medianPfsDays: b.high.arms[a].medianPfs.median,
          orr: b.high.arms[a].orr.estimate,
        },
        low: {
          patients: b.low.arms[a].patients,
          medianPfsDays: b.low.arms[a].medianPfs.median,
          orr: b.low.arms[a].orr.estimate,
        },
        logRankP: b.logRankP[a],
      })),
    })),
  };
  return { status: 0, stdout: `${JSON.stringify(json)}\n`, stderr: '' };
}

/** The shard files' command name. */
export const SHARD_COMMAND = 'cohort';

const ARM_COLUMNS = [
  'pfsDays',
  'progressed',
  'osDays',
  'death',
  'responseDays',
  'best',
  'bestChange',
  'crossover',
] as const;
const PATIENT_COLUMNS = ['nrf2Active', 'nrf2', 'neat1', 'il6', 'baselinePge2', 'baselineDiameter'] as const;

/** A block's per-patient outcomes as named columns (arm outcomes as arm.<index>.<name>); the spider traces are left
 * out (no command output uses them). */
export function blockColumns(block: CohortBlock): Record<string, ArrayLike<number>> {
  const columns: Record<string, ArrayLike<number>> = {};
  block.arms.forEach((arm, a) => {
    for (const name of ARM_COLUMNS) columns[`arm.${a}.${name}`] = arm[name];
  });
  for (const name of PATIENT_COLUMNS) columns[name] = block[name];
  return columns;
}

function columnsBlock(total: number, arms: number, columns: Record<string, number[]>): CohortBlock {
  const f64 = (name: string) => Float64Array.from(columns[name] ?? []);
  const u8 = (name: string) => Uint8Array.from(columns[name] ?? []);
  return {
    from: 0,
    to: total,
    arms: Array.from({ length: arms }, (_, a) => ({
      pfsDays: f64(`arm.${a}.pfsDays`),
      progressed: u8(`arm.${a}.progressed`),
      osDays: f64(`arm.${a}.osDays`),
      death: u8(`arm.${a}.death`),
      responseDays: f64(`arm.${a}.responseDays`),
      best: u8(`arm.${a}.best`),
      bestChange: f64(`arm.${a}.bestChange`),
      crossover: u8(`arm.${a}.crossover`),
      spider: [],
    })),
    nrf2Active: u8('nrf2Active'),
    nrf2: f64('nrf2'),
    neat1: f64('neat1'),
    il6: f64('il6'),
    baselinePge2: f64('baselinePge2'),
    baselineDiameter: f64('baselineDiameter'),
  };
}

registerMerge(SHARD_COMMAND, (query, output, total, columns) => {
  const read = readScenario(query);
  if ('errors' in read) return fail(`${read.errors.join('\n').replaceAll('cohort:', 'merge:')}\n`);
  const scenario = read.scenario;
  for (let a = 0; a < scenario.arms.length; a++) {
    for (const name of ARM_COLUMNS) {
      if (!columns[`arm.${a}.${name}`]) return fail(`merge: the shards have no column arm.${a}.${name}\n`);
    }
  }
  return cohortOutput(scenario, columnsBlock(total, scenario.arms.length, columns), output);
});
