/**
 * Intervals that include the model's own uncertainty: the same virtual trial repeated over draws of the plausible
 * parameter ensemble (src/model/ensemble.ts, the one the claims' robustness uses). Each draw is one plausible world:
 * every model parameter moved within its interval, the same patients (the cohort's seed), the same population. The
 * spread of a figure over the draws is what the model's uncertainty adds to the sampling interval of one run:
 * "HR 0.45 (sampling 0.40–0.52; across plausible models 0.3–0.9)".
 *
 * One draw's trial is a pure function of (scenario, ensemble seed, draw index), so a pool can run draws in parallel
 * and in any order (worker API: ensembleTrialDraw).
 */
import { hypothesisArms } from '../scenario/catalogue/trial';
import type { Scenario } from '../scenario/types';
import { coxHazardRatio } from '../stats';
import { type CohortBlock, type CohortStatistics, cohortStatistics, runCohortBlock } from './cohort';
import { ensembleDraw, ensembleParameters } from './ensemble';
import type { ModelParameters } from './parameters';

/** What one draw's trial reports (days; null: a median not reached). */
export interface TrialSummary {
  index: number;
  arms: {
    orr: number;
    medianPfs: number | null;
    medianOs: number | null;
    os12: number | null;
    /** PFS hazard ratio of the NRF2-active stratum against the others, and of plasma PGE2 above against below the
     * cut-off (seed 000's directions: both above 1); NaN when a group is empty */
    nrf2Hr?: number;
    pge2Hr?: number;
  }[];
  /** every arm against the first */
  comparisons: { hrPfs: number; hrOs: number }[];
}

/** PFS hazard ratio of the patients with mask 1 against those with mask 0, in one arm of a block. */
function splitHazardRatio(block: CohortBlock, arm: number, mask: ArrayLike<number>): number {
  const hi = { time: [] as number[], event: [] as number[] };
  const lo = { time: [] as number[], event: [] as number[] };
  const a = block.arms[arm];
  for (let i = 0; i < a.pfsDays.length; i++) {
    const g = mask[i] ? hi : lo;
    g.time.push(a.pfsDays[i]);
    g.event.push(a.progressed[i]);
  }
  return hi.time.length > 0 && lo.time.length > 0 ? coxHazardRatio(lo, hi).hazardRatio : Number.NaN;
}

export function trialSummary(
  stats: CohortStatistics,
  index: number,
  block?: CohortBlock,
  pge2Cutoff = 100,
): TrialSummary {
  const pge2High = block ? Uint8Array.from(block.baselinePge2, (v: number) => (v >= pge2Cutoff ? 1 : 0)) : null;
  return {
    index,
    arms: stats.arms.map((a, i) => ({
      orr: a.orr.estimate,
      medianPfs: a.medianPfs.median,
      medianOs: a.medianOs.median,
      os12: a.os12?.estimate ?? null,
      ...(block && pge2High
        ? { nrf2Hr: splitHazardRatio(block, i, block.nrf2Active), pge2Hr: splitHazardRatio(block, i, pge2High) }
        : {}),
    })),
    comparisons: stats.comparisons.map((c) => ({ hrPfs: c.cox.hazardRatio, hrOs: c.osCox.hazardRatio })),
  };
}

/**
 * The scenario of draw `index`: every parameter from the ensemble draw at the patient scale; the scenario's own
 * parameter changes (a link's p.<id>) stay as they are, since the user fixed them.
 */
export function ensembleScenario(scenario: Scenario, seed: number, index: number): Scenario {
  const drawn: Partial<ModelParameters> = ensembleParameters(ensembleDraw(seed, index), scenario.setting);
  return { ...scenario, parameters: { ...drawn, ...scenario.parameters } };
}

/** One draw's trial: the scenario's whole cohort under the draw's parameters. */
export function ensembleTrialDraw(scenario: Scenario, seed: number, index: number): TrialSummary {
  const s = ensembleScenario(scenario, seed, index);
  const size = s.cohort?.size ?? 0;
  const block = runCohortBlock(s, 0, size);
  return trialSummary(cohortStatistics(s, block, { biomarkers: false }), index, block, s.cohort?.pge2Cutoff);
}

/**
 * The central 95 % of a figure over the draws (2.5th and 97.5th percentiles), with its median; `notReached`: draws
 * whose median was not reached. A quantile that falls among those is null ("not reached").
 */
export interface EnsembleSpread {
  low: number | null;
  median: number | null;
  high: number | null;
  draws: number;
  notReached: number;
}

/** Quantile p of ascending values by linear interpolation (R type 7); an infinite neighbour gives Infinity. */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  if (h === lo) return sorted[lo];
  if (!Number.isFinite(sorted[hi])) return Number.POSITIVE_INFINITY;
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function spread(values: (number | null)[]): EnsembleSpread {
  // a median that is not reached is longer than any reached one: it sorts last
  const reached = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const notReached = values.length - reached.length;
  const all = [...reached, ...Array.from({ length: notReached }, () => Number.POSITIVE_INFINITY)];
  const q = (p: number): number | null => {
    const v = quantile(all, p);
    return Number.isFinite(v) ? v : null;
  };
  return {
    low: q(0.025),
    median: q(0.5),
    high: q(0.975),
    draws: values.length,
    notReached,
  };
}

export interface EnsembleTrialResult {
  seed: number;
  draws: number;
  arms: {
    orr: EnsembleSpread;
    medianPfs: EnsembleSpread;
    medianOs: EnsembleSpread;
    os12: EnsembleSpread;
    /** share of the draws in which NRF2-active (PGE2-high) patients have the shorter PFS (hazard ratio above 1) */
    nrf2Shorter: number;
    pge2Shorter: number;
    /** the arm is a hypothesis of the model (a COX-2 inhibitor add-on): its spread here is what it rests on */
    hypothesis: boolean;
  }[];
  comparisons: { hrPfs: EnsembleSpread; hrOs: EnsembleSpread }[];
}

/** The spread over draws of every figure. */
export function summariseEnsembleTrial(
  seed: number,
  summaries: readonly TrialSummary[],
  hypotheses: readonly number[] = [],
): EnsembleTrialResult {
  const first = summaries[0];
  if (!first) throw new RangeError('an ensemble trial needs at least one draw');
  return {
    seed,
    draws: summaries.length,
    arms: first.arms.map((_, a) => ({
      orr: spread(summaries.map((s) => s.arms[a].orr)),
      medianPfs: spread(summaries.map((s) => s.arms[a].medianPfs)),
      medianOs: spread(summaries.map((s) => s.arms[a].medianOs)),
      os12: spread(summaries.map((s) => s.arms[a].os12)),
      nrf2Shorter: summaries.filter((s) => (s.arms[a].nrf2Hr ?? 0) > 1).length / summaries.length,
      pge2Shorter: summaries.filter((s) => (s.arms[a].pge2Hr ?? 0) > 1).length / summaries.length,
      hypothesis: hypotheses.includes(a),
    })),
    comparisons: first.comparisons.map((_, c) => ({
      hrPfs: spread(summaries.map((s) => s.comparisons[c].hrPfs)),
      hrOs: spread(summaries.map((s) => s.comparisons[c].hrOs)),
    })),
  };
}

/** The whole ensemble trial in one call (tests, command line): draws 0..n-1 of the ensemble with this seed. */
export function ensembleTrial(scenario: Scenario, draws: number, seed = 1): EnsembleTrialResult {
  const summaries = Array.from({ length: draws }, (_, i) => ensembleTrialDraw(scenario, seed, i));
  return summariseEnsembleTrial(seed, summaries, hypothesisArms(scenario.arms));
}
