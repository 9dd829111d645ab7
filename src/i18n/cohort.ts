/**
 * Messages of the virtual-trial view, in the language chosen for the whole app (useLanguage in ./index).
 *
 * Adding a language: create `cohort.<lang>.ts` exporting a `CohortCatalogue` (every key of cohort.en.ts, no others)
 * and add it to COHORT_CATALOGUES. Until then the trial view falls back to English, so adding a language to the app
 * (LANGUAGES) does not wait for this section.
 */
import { type CohortCatalogue, type CohortMessageKey, cohortEn } from './cohort.en';
import { cohortJa } from './cohort.ja';
import { fill, type Language, type MessageParams, useLanguage } from './index';

export type { CohortCatalogue, CohortMessageKey } from './cohort.en';

const COHORT_CATALOGUES: Partial<Record<Language, CohortCatalogue>> = { en: cohortEn, ja: cohortJa };

/** The trial-view message for `key` in the current language, with {placeholders} filled in. */
export function tc(key: CohortMessageKey, params?: MessageParams): string {
  const catalogue = COHORT_CATALOGUES[useLanguage.getState().language] ?? cohortEn;
  return fill(catalogue[key] ?? cohortEn[key], params);
}

/** `tc` for components: re-renders the component when the language changes. */
export function useCohortT(): typeof tc {
  useLanguage((s) => s.language);
  return tc;
}
