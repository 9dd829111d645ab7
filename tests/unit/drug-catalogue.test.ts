// Adding a drug touches several tables (docs/architecture.md, "How to add a drug"); the type checker finds the ones
// keyed by DrugId, and this test finds the rest: the model's drug slots, the link codes and the messages.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { DRUG_COUNT } from '../../src/model/equations';
import { DRUGS } from '../../src/model/treatments';
import { DRUG_CATALOGUE } from '../../src/scenario/catalogue/drugs';
import { DRUG_CODES } from '../../src/scenario/encode';
import { DRUG_IDS } from '../../src/scenario/types';

describe('every drug is complete', () => {
  it('the model has a slot and pharmacology for every drug of the scenario', () => {
    expect(DRUG_COUNT).toBe(DRUG_IDS.length);
    for (const id of DRUG_IDS) expect(DRUGS[id].id).toBe(id);
  });

  it('every drug has a typical schedule and unit at both scales, a unique link code and a name in both languages', () => {
    for (const id of DRUG_IDS) {
      for (const scale of ['mouse', 'patient'] as const) {
        const entry = DRUG_CATALOGUE[id][scale];
        expect(entry.unit.length).toBeGreaterThan(0);
        expect(entry.defaultSchedule.dose).toBeGreaterThan(0);
        expect(entry.defaultSchedule.stop).toBeGreaterThan(entry.defaultSchedule.start);
      }
      expect(en[`drug.${id}`]).toBeTruthy();
      expect(ja[`drug.${id}`]).toBeTruthy();
    }
    expect(new Set(DRUG_IDS.map((id) => DRUG_CODES[id])).size).toBe(DRUG_IDS.length);
  });
});
