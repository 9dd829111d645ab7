/**
 * The trial view's source lines are in the page's language (issue: English lines in the Japanese trial view): the
 * interface's catalogues give each source in English and Japanese, and the English one is the trial catalogue's, so
 * the command line, the docs and the view cite the same thing.
 */
import { describe, expect, it } from 'vitest';
import { cohortEn } from '../../src/i18n/cohort.en';
import { cohortJa } from '../../src/i18n/cohort.ja';
import {
  COX2_HYPOTHESIS,
  FLAURA_OSIMERTINIB,
  IMBRAVE150_TARGETS,
  NRF2_ACTIVE_SHARE,
} from '../../src/scenario/catalogue/trial';
import { CANCER_TYPES } from '../../src/scenario/types';

const en = cohortEn as Record<string, string>;
const ja = cohortJa as Record<string, string>;

describe('the trial view cites its sources in the page language', () => {
  it('every IMbrave150 figure names a source the view shows in English as the catalogue gives it', () => {
    for (const t of IMBRAVE150_TARGETS) expect(en[`source.${t.sourceKey}`], t.id).toBe(t.source);
  });

  it('every FLAURA figure names a source the view shows in English as the catalogue gives it', () => {
    for (const [id, f] of Object.entries(FLAURA_OSIMERTINIB))
      if (typeof f === 'object') expect(en[`source.${f.sourceKey}`], id).toBe(f.source);
  });

  it('every NRF2-share source and the COX-2 hypothesis sources are given in English as the catalogue gives them', () => {
    for (const c of CANCER_TYPES) expect(en[`source.nrf2.${c}`], c).toBe(NRF2_ACTIVE_SHARE[c].source);
    expect(en['source.cox2Evidence']).toBe(COX2_HYPOTHESIS.evidence);
    expect(en['source.cox2Caveat']).toBe(COX2_HYPOTHESIS.caveat);
  });

  it('the Japanese source lines are Japanese: no English prose outside the citations', () => {
    const keys = Object.keys(en).filter((k) => k.startsWith('source.'));
    for (const k of keys) {
      expect(ja[k], k).toBeDefined();
      // a citation (authors, journal) stays as published; what the source says is in Japanese
      expect(ja[k], k).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
      expect(ja[k], k).not.toBe(en[k]);
    }
  });
});
