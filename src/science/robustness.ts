/**
 * The robustness of the claims: runs each claim's scenarios at the default point and on every member of the plausible
 * parameter ensemble (src/model/ensemble.ts), and counts the parameter sets in which the claim holds, with a Wilson
 * 95 % interval. Each arm a set of claims reads is simulated once per parameter set, on a one-day output grid (every
 * readout is on a whole day, where the solver's dense output gives the same values as the presets' finer grids).
 */
import {
  type ArmResult,
  ensembleDraw,
  ensembleParameters,
  integratorFor,
  type ModelParameters,
  SERIES_NAMES,
  simulate,
} from '../model';
import type { Scenario, Setting } from '../scenario/types';
import { type ProportionInterval, wilsonInterval } from '../stats/proportions';
import { CLAIMS, type Claim, type ClaimOutcome, claimResults, SCENARIOS, SEED_CLAIMS } from './claims';
import { controlVolume, PLAUSIBILITY_CRITERIA, withinBand } from './plausibility';

/** Seed and size of the ensemble the tests, docs/model.md and the app's figures use. */
export const ROBUSTNESS_SEED = 1;
export const ROBUSTNESS_DRAWS = 200;
/** The bar a claim's ensemble test asserts: it holds in at least this share of plausible parameter sets. */
export const ROBUSTNESS_BAR = 0.8;

export interface RunOptions {
  /** the parameters of each setting (default: the setting's own) */
  parameters?: (setting: Setting) => Partial<ModelParameters>;
  /** output grid spacing, days (default: each scenario's own) */
  outputStep?: number;
  /** the integrator (default: the interactive tolerance, as the presets in the app) */
  integrator?: ReturnType<typeof integratorFor>;
}

/** The result of running a set of claims once: each claim's outcome, and whether every output was finite and >= 0. */
export interface ClaimRun {
  outcomes: Map<string, ClaimOutcome>;
  /** claim 7 on these runs: every series of every arm finite and non-negative */
  finiteAndNonNegative: boolean;
}

/** The scenarios (only the arms the claims read) that a set of claims needs. */
export function claimScenarios(claims: readonly Claim[]): Map<string, Scenario> {
  const wanted = new Map<string, Set<string>>();
  for (const c of claims) {
    for (const [key, arms] of Object.entries(c.arms)) {
      const set = wanted.get(key) ?? new Set<string>();
      for (const a of arms) set.add(a);
      wanted.set(key, set);
    }
  }
  const out = new Map<string, Scenario>();
  for (const [key, arms] of wanted) {
    const build = SCENARIOS[key];
    if (!build) throw new Error(`claims need scenario "${key}", which claims.ts does not define`);
    const s = build();
    const missing = [...arms].filter((a) => !s.arms.some((x) => x.name === a));
    if (missing.length > 0) throw new Error(`scenario "${key}" has no arm ${missing.map((m) => `"${m}"`).join(', ')}`);
    out.set(key, { ...s, arms: s.arms.filter((a) => arms.has(a.name)) });
  }
  return out;
}

function allFiniteAndNonNegative(arms: readonly ArmResult[]): boolean {
  for (const a of arms) {
    for (const name of SERIES_NAMES) {
      const v = a.series[name];
      for (let k = 0; k < v.length; k++) if (!(v[k] >= 0 && v[k] < Number.POSITIVE_INFINITY)) return false;
    }
  }
  return true;
}

/** Runs the claims' scenarios once and evaluates every claim. A claim whose runs throw does not hold. */
export function runClaims(
  claims: readonly Claim[] = CLAIMS,
  options: RunOptions = {},
  scenarios: Map<string, Scenario> = claimScenarios(claims),
): ClaimRun {
  const arms = new Map<string, Map<string, ArmResult>>();
  let finite = true;
  const failed = new Set<string>();
  for (const [key, scenario] of scenarios) {
    const s = options.outputStep ? { ...scenario, outputStep: options.outputStep } : scenario;
    try {
      const result = simulate(s, {
        parameterOverrides: options.parameters?.(s.setting),
        integrator: options.integrator,
      });
      if (!allFiniteAndNonNegative(result.arms)) finite = false;
      arms.set(key, new Map(result.arms.map((a) => [a.name, a])));
    } catch {
      failed.add(key);
      finite = false;
    }
  }
  const results = claimResults(arms);
  const outcomes = new Map<string, ClaimOutcome>();
  for (const c of claims) {
    if (Object.keys(c.arms).some((k) => failed.has(k))) {
      outcomes.set(c.id, { holds: false, value: Number.NaN, checks: [] });
      continue;
    }
    const o = c.evaluate(results);
    outcomes.set(c.id, o);
  }
  return { outcomes, finiteAndNonNegative: finite };
}

/** How one claim fared over the ensemble. */
export interface ClaimRobustness {
  id: string;
  seedClaims: number[];
  preset: string;
  text: { en: string; ja: string };
  /** the outcome at the default point (each setting's own parameters) */
  atDefault: ClaimOutcome;
  /** parameter sets in which the claim holds, of `draws` */
  holds: number;
  draws: number;
  /** Wilson 95 % interval of the fraction */
  fraction: ProportionInterval;
  /** per check: the fraction of parameter sets in which it holds (to see which part of a claim fails) */
  checks: { measure: string; expected: string; fraction: number }[];
  /** the same over the plausible draws only (src/science/plausibility.ts) */
  plausible: PlausibleFraction;
}

/** A claim's hold rate over the plausible (accepted) draws: the first `draws` draws accepted in its settings. */
export interface PlausibleFraction {
  holds: number;
  draws: number;
  fraction: ProportionInterval;
  /** false when the claim's settings have no plausibility criterion (every draw is accepted) */
  filtered: boolean;
}

/** How many of the ensemble's draws a setting's plausibility criterion accepted. */
export interface SettingAcceptance {
  setting: Setting;
  /** of the first `draws` draws of the report */
  accepted: number;
  draws: number;
  /** of every draw run to reach the plausible draws' target */
  acceptedAll: number;
  drawsAll: number;
}

/** The science summary's claims 1–6 (all their assertions together) and 7 (finite, non-negative outputs). */
export interface SeedClaimRobustness {
  claim: number;
  text: { en: string; ja: string };
  atDefault: boolean;
  holds: number;
  draws: number;
  fraction: ProportionInterval;
  plausible: PlausibleFraction;
}

export interface RobustnessReport {
  seed: number;
  draws: number;
  /** the plausible draws each claim is counted over (accepted draws of its settings), and the acceptance per setting */
  plausibleDraws: number;
  acceptance: SettingAcceptance[];
  claims: ClaimRobustness[];
  seedClaims: SeedClaimRobustness[];
}

export interface RobustnessOptions {
  draws?: number;
  seed?: number;
  claims?: readonly Claim[];
  /** called after each parameter set (progress) */
  onDraw?: (done: number, total: number) => void;
  /** asked after each parameter set: true stops, and the report covers the sets done (its `draws`) */
  shouldStop?: (done: number) => boolean;
  /**
   * accepted draws each claim's plausible figure is counted over (default: `draws`); more draws are run, beyond
   * `draws`, until every claim has them (at most PLAUSIBLE_MAX_FACTOR × this many draws)
   */
  plausibleDraws?: number;
}

/** The most draws run to find the plausible ones, as a multiple of the accepted draws asked for. */
export const PLAUSIBLE_MAX_FACTOR = 20;

/** The settings a claim's scenarios run in. */
function claimSettings(claim: Claim, scenarios: ReadonlyMap<string, Scenario>): Setting[] {
  return [...new Set(Object.keys(claim.arms).map((k) => scenarios.get(k)?.setting as Setting))];
}

/**
 * Runs the claims at the default point and on `draws` members of the ensemble; also counts each claim over its
 * plausible draws (the first `plausibleDraws` draws whose control grafts, in the claim's settings, grow as measured:
 * src/science/plausibility.ts), running further draws for them where needed.
 */
export function measureRobustness(options: RobustnessOptions = {}): RobustnessReport {
  const asked = options.draws ?? ROBUSTNESS_DRAWS;
  const seed = options.seed ?? ROBUSTNESS_SEED;
  const claims = options.claims ?? CLAIMS;
  const target = options.plausibleDraws ?? asked;
  const scenarios = claimScenarios(claims);
  const atDefault = runClaims(claims, { outputStep: 1 }, scenarios);
  const holds = new Map(claims.map((c) => [c.id, 0]));
  const checkHolds = new Map(
    claims.map((c) => [c.id, new Array<number>(atDefault.outcomes.get(c.id)?.checks.length ?? 0).fill(0)]),
  );
  const seedHolds = new Map<number, number>();
  const seedClaimIds = (n: number) => claims.filter((c) => c.seedClaims.includes(n)).map((c) => c.id);
  const seedParts = new Map(SEED_CLAIMS.map((s) => [s.claim, seedClaimIds(s.claim)]));
  let finite = 0;
  // the criteria of the settings these claims run in, and each claim's (and seed claim's) criterion settings
  const used = new Set([...scenarios.values()].map((s) => s.setting));
  const criteria = PLAUSIBILITY_CRITERIA.filter((c) => used.has(c.setting));
  const filteredBy = new Map(
    claims.map((c) => [c.id, claimSettings(c, scenarios).filter((st) => criteria.some((k) => k.setting === st))]),
  );
  const seedFilteredBy = new Map(
    [...seedParts].map(([n, ids]) => [n, [...new Set(ids.flatMap((id) => filteredBy.get(id) ?? []))]]),
  );
  const pHolds = new Map(claims.map((c) => [c.id, 0]));
  const pDraws = new Map(claims.map((c) => [c.id, 0]));
  const pSeedHolds = new Map<number, number>();
  const pSeedDraws = new Map<number, number>();
  const accepted = new Map(criteria.map((c) => [c.setting, 0]));
  const acceptedAll = new Map(criteria.map((c) => [c.setting, 0]));
  // the draws at the ensemble's tolerance (model/tolerances.ts); the default point as the app shows it
  const integrator = integratorFor('ensemble');
  // the parameter sets done: all of them unless shouldStop ended the run early
  let draws = 0;
  let drawsAll = 0;
  let stopped = false;
  const maxDraws = Math.max(asked, PLAUSIBLE_MAX_FACTOR * target);
  const claimNeeds = (id: string) => (pDraws.get(id) ?? 0) < target;
  const seedNeeds = (n: number) => (seedParts.get(n)?.length ?? 0) > 0 && (pSeedDraws.get(n) ?? 0) < target;
  for (let index = 0; index < maxDraws; index++) {
    const first = index < asked && !stopped;
    if (!first && claims.every((c) => !claimNeeds(c.id)) && SEED_CLAIMS.every((s) => !seedNeeds(s.claim))) break;
    if (!first && stopped) break;
    const draw = ensembleDraw(seed, index);
    const ok = new Map(criteria.map((c) => [c.setting, withinBand(c, controlVolume(c, draw))]));
    for (const [st, yes] of ok) {
      if (!yes) continue;
      acceptedAll.set(st, (acceptedAll.get(st) ?? 0) + 1);
      if (first) accepted.set(st, (accepted.get(st) ?? 0) + 1);
    }
    const isAccepted = (settings: readonly Setting[]) => settings.every((st) => ok.get(st));
    const pClaims = claims.filter((c) => claimNeeds(c.id) && isAccepted(filteredBy.get(c.id) ?? []));
    const pSeeds = SEED_CLAIMS.filter((s) => seedNeeds(s.claim) && isAccepted(seedFilteredBy.get(s.claim) ?? []));
    drawsAll++;
    if (!first && pClaims.length === 0 && pSeeds.length === 0) continue;
    const toRun = first
      ? claims
      : claims.filter(
          (c) => pClaims.includes(c) || pSeeds.some((s) => seedParts.get(s.claim)?.includes(c.id) ?? false),
        );
    const run = runClaims(
      toRun,
      { outputStep: 1, parameters: (setting) => ensembleParameters(draw, setting), integrator },
      first ? scenarios : claimScenarios(toRun),
    );
    for (const c of pClaims) {
      pDraws.set(c.id, (pDraws.get(c.id) ?? 0) + 1);
      if (run.outcomes.get(c.id)?.holds) pHolds.set(c.id, (pHolds.get(c.id) ?? 0) + 1);
    }
    for (const s of pSeeds) {
      pSeedDraws.set(s.claim, (pSeedDraws.get(s.claim) ?? 0) + 1);
      if (seedParts.get(s.claim)?.every((id) => run.outcomes.get(id)?.holds))
        pSeedHolds.set(s.claim, (pSeedHolds.get(s.claim) ?? 0) + 1);
    }
    if (!first) continue;
    for (const c of claims) {
      const o = run.outcomes.get(c.id);
      if (!o) continue;
      if (o.holds) holds.set(c.id, (holds.get(c.id) ?? 0) + 1);
      const counts = checkHolds.get(c.id);
      if (counts)
        o.checks.forEach((check, k) => {
          if (check.holds && k < counts.length) counts[k]++;
        });
    }
    for (const s of SEED_CLAIMS) {
      const ids = seedParts.get(s.claim) ?? [];
      if (ids.length > 0 && ids.every((id) => run.outcomes.get(id)?.holds))
        seedHolds.set(s.claim, (seedHolds.get(s.claim) ?? 0) + 1);
    }
    if (run.finiteAndNonNegative) finite++;
    draws++;
    options.onDraw?.(draws, asked);
    if (options.shouldStop?.(draws)) stopped = true;
  }
  const plausible = (h: number, n: number, filtered: boolean): PlausibleFraction => ({
    holds: h,
    draws: n,
    fraction: wilsonInterval(h, Math.max(n, 1)),
    filtered,
  });

  const claimRows = claims.map((c): ClaimRobustness => {
    const o = atDefault.outcomes.get(c.id) as ClaimOutcome;
    const h = holds.get(c.id) ?? 0;
    const counts = checkHolds.get(c.id) ?? [];
    return {
      id: c.id,
      seedClaims: c.seedClaims,
      preset: c.preset,
      text: c.text,
      atDefault: o,
      holds: h,
      draws,
      fraction: wilsonInterval(h, draws),
      checks: o.checks.map((check, k) => ({
        measure: check.measure,
        expected: check.expected,
        fraction: (counts[k] ?? 0) / draws,
      })),
      plausible: plausible(pHolds.get(c.id) ?? 0, pDraws.get(c.id) ?? 0, (filteredBy.get(c.id) ?? []).length > 0),
    };
  });
  const seedRows: SeedClaimRobustness[] = [];
  for (const s of SEED_CLAIMS) {
    const ids = seedParts.get(s.claim) ?? [];
    if (ids.length === 0) continue;
    const h = seedHolds.get(s.claim) ?? 0;
    seedRows.push({
      claim: s.claim,
      text: s.text,
      atDefault: ids.every((id) => atDefault.outcomes.get(id)?.holds),
      holds: h,
      draws,
      fraction: wilsonInterval(h, draws),
      plausible: plausible(
        pSeedHolds.get(s.claim) ?? 0,
        pSeedDraws.get(s.claim) ?? 0,
        (seedFilteredBy.get(s.claim) ?? []).length > 0,
      ),
    });
  }
  seedRows.push({
    claim: 7,
    text: {
      en: 'every output stays finite and non-negative (on these runs)',
      ja: 'すべての出力が有限かつ非負（これらの計算で）',
    },
    atDefault: atDefault.finiteAndNonNegative,
    holds: finite,
    draws,
    fraction: wilsonInterval(finite, draws),
    plausible: plausible(finite, draws, false),
  });
  const acceptance = criteria.map(
    (c): SettingAcceptance => ({
      setting: c.setting,
      accepted: accepted.get(c.setting) ?? 0,
      draws,
      acceptedAll: acceptedAll.get(c.setting) ?? 0,
      drawsAll,
    }),
  );
  return { seed, draws, plausibleDraws: target, acceptance, claims: claimRows, seedClaims: seedRows };
}
