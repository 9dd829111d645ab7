/**
 * The claims' robustness as the app shows it: for each preset, its claims and the share of parameter sets in which
 * each holds, over all drawn sets and over the sets whose untreated grafts grow as measured ("plausible", where the
 * setting has such a criterion), with the criteria themselves. Read from the data file written by
 * `npm run -s robustness -- --write` (docs/model.md, "Robustness of the claims", "Plausible models"); nothing here
 * computes science.
 */
import data from './claim-robustness.json';

/** The schema version this reader understands. */
export const CLAIM_ROBUSTNESS_VERSION = 1;

/** A hold rate: sets in which the claim holds, of `draws`, with its Wilson 95 % interval. */
export interface HoldRate {
  holds: number;
  draws: number;
  fraction: number;
  lower: number;
  upper: number;
}

export interface PresetClaimRobustness extends HoldRate {
  id: string;
  text: { en: string; ja: string };
  holdsAtDefault: boolean;
  /**
   * over the draws accepted by the growth criteria of `settings`; null when none of the claim's settings has a
   * criterion (every draw counts, so the figure is the all-draws one)
   */
  plausible: (HoldRate & { settings: string[] }) | null;
}

/** A setting's growth criterion (src/science/plausibility.ts) and how many of the first draws it accepted. */
export interface PlausibilityCriterionShown {
  setting: string;
  arm: string;
  day: number;
  /** measured control mean and accepted band, mm³ */
  target: number;
  factor: number;
  low: number;
  high: number;
  measured: { en: string; ja: string };
  source: string;
  tolerance: string;
  /** of the first `draws` draws of the ensemble */
  accepted: number;
  draws: number;
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
      plausible:
        c.plausible.filtered && c.plausible.draws > 0
          ? {
              holds: c.plausible.holds,
              draws: c.plausible.draws,
              fraction: c.plausible.fraction,
              lower: c.plausible.lower,
              upper: c.plausible.upper,
              settings: c.plausible.settings,
            }
          : null,
    }));
}

/** The growth criteria behind a preset's plausible figures (none when its claims' settings have none). */
export function presetPlausibilityCriteria(presetId: string): PlausibilityCriterionShown[] {
  const settings = new Set(presetClaimRobustness(presetId).flatMap((c) => c.plausible?.settings ?? []));
  return data.criteria
    .filter((c) => settings.has(c.setting))
    .map((c) => {
      const a = data.acceptance.find((x) => x.setting === c.setting);
      return { ...c, accepted: a?.accepted ?? 0, draws: a?.draws ?? data.draws };
    });
}

/** The size and seed of the ensemble behind the figures. */
export const CLAIM_ROBUSTNESS_ENSEMBLE = { draws: data.draws, seed: data.seed } as const;
