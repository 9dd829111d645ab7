/**
 * How a shared scenario is shown: chart options and the interface language. Not part of the Scenario (they change
 * no curve, and the CLI ignores them), but a link carries them so that a lecturer's students see what the lecturer
 * saw. Optional keys of format version 1:
 *
 *   log    1 | 0                       tumour volume on a log scale (default 1)
 *   comp   total | stacked | separate  tumour compartments (default total)
 *   mac    fraction | counts           macrophage chart (default fraction)
 *   drug   a drug code (atz, bev, …)   drug shown in the drug-level chart (default atz)
 *   lang   en | ja                     interface language (default: the browser's)
 *   draws  a whole number, 5..100      size of the ensemble of plausible models a virtual trial is repeated over
 *                                      ("across plausible models"; default 20)
 *   preset a preset id (nrf2-atezo-bev, …)  the seed experiment the scenario was loaded from (none by default): the
 *                                      page that opens the link names that preset's arms in its own language and
 *                                      renames them on a language switch, as the page the link came from does
 *
 * Each is written only when the view has it, between the cohort keys and the arms, so links without them read
 * exactly as before. A bad value is reported and left out (the default applies); nothing else in the link changes.
 */
import type { DrugId } from './types';

export const COMPARTMENT_VIEWS = ['total', 'stacked', 'separate'] as const;
export type CompartmentView = (typeof COMPARTMENT_VIEWS)[number];
export const MACROPHAGE_VIEWS = ['fraction', 'counts'] as const;
export type MacrophageView = (typeof MACROPHAGE_VIEWS)[number];
/** Languages a link may name. The interface's catalogues (src/i18n) must cover exactly these. */
export const LINK_LANGUAGES = ['en', 'ja'] as const;
export type LinkLanguage = (typeof LINK_LANGUAGES)[number];

export interface ViewOptions {
  logScale?: boolean;
  compartments?: CompartmentView;
  macrophageView?: MacrophageView;
  drugView?: DrugId;
  language?: LinkLanguage;
  ensembleDraws?: number;
  /** id of the preset the scenario was loaded from (PRESETS): its arms' names follow the interface language */
  preset?: string;
}

/** The ensemble size of "across plausible models": whole draws in this range (chosen: 5 gives a rough range, 100 a
 * steady 2.5–97.5 % one at five times the default's cost). */
export const ENSEMBLE_DRAWS_LIMITS = { min: 5, max: 100, default: 20 } as const;

/** Query keys of the view options, in the order they are written. */
export const VIEW_KEYS = {
  logScale: 'log',
  compartments: 'comp',
  macrophageView: 'mac',
  drugView: 'drug',
  language: 'lang',
  ensembleDraws: 'draws',
  preset: 'preset',
} as const satisfies Record<keyof ViewOptions, string>;
export const VIEW_ORDER = [
  'logScale',
  'compartments',
  'macrophageView',
  'drugView',
  'language',
  'ensembleDraws',
  'preset',
] as const satisfies readonly (keyof ViewOptions)[];
export const VIEW_BY_KEY: ReadonlyMap<string, keyof ViewOptions> = new Map(VIEW_ORDER.map((k) => [VIEW_KEYS[k], k]));

/**
 * Room the view keys may take in a link on top of MAX_QUERY_LENGTH (the scenario's own limit): the longest possible
 * '&log=0&comp=separate&mac=fraction&drug=il6ab&lang=en&draws=100' is 62 characters, and '&preset=' with the longest
 * preset id (19 characters, checked by scenario-codec.view.test.ts) 27 more: 89.
 */
export const VIEW_QUERY_RESERVE = 96;
