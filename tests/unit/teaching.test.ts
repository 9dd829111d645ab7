/**
 * Presets and lessons against the catalogues: every preset and lesson step has its text in every language, and a
 * preset loaded in any language is a valid scenario (arm names within the link's limit), so its link opens cleanly.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { LESSONS, stepScenario } from '../../src/lessons/lessons';
import { decodeScenario, encodeScenario, validateScenario } from '../../src/scenario';
import { PRESETS, presetById } from '../../src/scenario/catalogue/presets';

const CATALOGUES = { en, ja } as Record<string, Record<string, string>>;

describe('presets and lessons in the catalogues', () => {
  it('every preset has a title, a two-line summary and a name per arm in every language', () => {
    for (const [lang, catalogue] of Object.entries(CATALOGUES)) {
      for (const preset of PRESETS) {
        expect(catalogue[`preset.${preset.id}.title`], `${lang} ${preset.id}`).toBeTruthy();
        expect(catalogue[`preset.${preset.id}.summary`].split('\n'), `${lang} ${preset.id}`).toHaveLength(2);
        preset.scenario.arms.forEach((_, i) => {
          expect(catalogue[`preset.${preset.id}.arm.${i}`], `${lang} ${preset.id} arm ${i}`).toBeTruthy();
        });
        expect(catalogue[`preset.${preset.id}.arm.${preset.scenario.arms.length}`]).toBeUndefined();
      }
    }
  });

  it('the English arm names are the preset names (the science source)', () => {
    for (const preset of PRESETS) {
      preset.scenario.arms.forEach((arm, i) => {
        expect(en[`preset.${preset.id}.arm.${i}` as keyof typeof en]).toBe(arm.name);
      });
    }
  });

  it('a preset named in any language is a valid scenario whose link reads back without errors', () => {
    for (const catalogue of Object.values(CATALOGUES)) {
      for (const preset of PRESETS) {
        const s = structuredClone(preset.scenario);
        s.arms = s.arms.map((arm, i) => ({ ...arm, name: catalogue[`preset.${preset.id}.arm.${i}`] }));
        expect(validateScenario(s), preset.id).toEqual([]);
        expect(decodeScenario(encodeScenario(s)).errors).toEqual([]);
      }
    }
  });

  it('every lesson step shows an existing preset with at least one arm, and has its text and question', () => {
    expect(LESSONS.map((l) => l.id)).toEqual(['nrf2', 'neat1', 'keap1', 'osimertinib', 'il6']);
    for (const lesson of LESSONS) {
      for (const catalogue of Object.values(CATALOGUES)) expect(catalogue[`lesson.${lesson.id}.title`]).toBeTruthy();
      lesson.steps.forEach((step, i) => {
        const preset = presetById(step.preset);
        expect(preset, step.preset).toBeDefined();
        const s = stepScenario(step, structuredClone(preset?.scenario ?? PRESETS[0].scenario));
        expect(s.arms.some((a) => !a.hidden)).toBe(true);
        expect(validateScenario(s)).toEqual([]);
        for (const catalogue of Object.values(CATALOGUES)) {
          expect(catalogue[`lesson.${lesson.id}.${i + 1}.text`]).toBeTruthy();
          expect(catalogue[`lesson.${lesson.id}.${i + 1}.question`]).toBeTruthy();
        }
      });
    }
  });

  it('Japanese keeps every placeholder of the English message', () => {
    for (const [key, text] of Object.entries(en)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names((ja as Record<string, string>)[key]), key).toEqual(names(text));
    }
  });
});
