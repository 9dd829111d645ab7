/**
 * The claims' robustness as the app shows it: for each preset, its claims and the share of plausible parameter sets
 * in which each holds. Read from the data file written by `npm run -s robustness -- --write` (docs/model.md,
 * "Robustness of the claims"); nothing here computes science.
 */
import data from './claim-robustness.json';

/** The schema version this reader understands. */
export const CLAIM_ROBUSTNESS_VERSION = 1;

export interface PresetClaimRobustness {
  id: string;
  text: { en: string; ja: string };
  holdsAtDefault: boolean;
  /** parameter sets in which the claim holds, of `draws` */
  holds: number;
  draws: number;
  /** holds / draws, and its Wilson 95 % interval */
  fraction: number;
  lower: number;
  upper: number;
}

const usable = data.version === CLAIM_ROBUSTNESS_VERSION;

/** The claims shown beside a preset, in the data file's order (none for a preset without claims). */
export function presetClaimRobustness(presetId: string): PresetClaimRobustness[] {
  if (!usable) return [];
  return data.claims
    .filter((c) => c.preset === presetId)
    .map((c) => ({
      id: c.id,
      text: c.text,
      holdsAtDefault: c.holdsAtDefault,
      holds: c.holds,
      draws: data.draws,
      fraction: c.fraction,
      lower: c.lower,
      upper: c.upper,
    }));
}

/** The size and seed of the ensemble behind the figures. */
export const CLAIM_ROBUSTNESS_ENSEMBLE = { draws: data.draws, seed: data.seed } as const;
