/**
 * The explanation the NRF2 preset and lesson give ("Why does NRF2 barely change an untreated tumour?", explain.nrf2Untreated)
 * kept true of the model: NRF2 acts through the immune response, so on the preset's mice untreated NRF2-high and
 * NRF2-low tumours end up almost the same size on day 28 while NRF2-high tumours have several times fewer CD8 T cells
 * per tumour cell; under atezolizumab + bevacizumab NRF2 decides the outcome. The text is in both languages and shown
 * where the preset and the lesson step are (Presets, Lessons).
 */
import { describe, expect, it } from 'vitest';
import { LESSON_EXPLANATIONS, PRESET_EXPLANATIONS } from '../../src/components/Explain';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { LESSONS } from '../../src/lessons/lessons';
import { simulate, valueAt } from '../../src/model';
import { presetById } from '../../src/scenario/catalogue/presets';

function day28(armName: string) {
  const preset = presetById('nrf2-atezo-bev');
  if (!preset) throw new Error('no NRF2 preset');
  const arms = preset.scenario.arms.filter((a) => a.name === armName);
  if (arms.length !== 1) throw new Error(`the preset has no arm "${armName}"`);
  const a = simulate({ ...preset.scenario, arms, outputStep: 1 }).arms[0];
  return { volume: valueAt(a.t, a.series.tumourVolume, 28), cd8: valueAt(a.t, a.series.cd8PerTumourCell, 28) };
}

describe('why NRF2 barely changes an untreated tumour (the preset and lesson explanation)', () => {
  it('untreated: almost the same volume on day 28, but several times fewer CD8 T cells per tumour cell with NRF2', () => {
    const low = day28('NRF2-low, untreated');
    const high = day28('NRF2-high, untreated');
    console.log(
      `untreated day 28: NRF2-low ${low.volume.toFixed(0)} mm³, NRF2-high ${high.volume.toFixed(0)} mm³; ` +
        `CD8 per tumour cell ${low.cd8.toFixed(4)} vs ${high.cd8.toFixed(4)}`,
    );
    expect(Math.abs(high.volume / low.volume - 1)).toBeLessThan(0.1);
    expect(low.cd8 / high.cd8).toBeGreaterThan(3);
  });

  it('under atezolizumab + bevacizumab NRF2 decides the outcome: the NRF2-high tumour is several times larger', () => {
    const low = day28('NRF2-low, atezo/bev');
    const high = day28('NRF2-high, atezo/bev');
    console.log(`atezo/bev day 28: NRF2-low ${low.volume.toFixed(0)} mm³, NRF2-high ${high.volume.toFixed(0)} mm³`);
    expect(high.volume / low.volume).toBeGreaterThan(2);
  });

  it('is written in English and Japanese, and shown with the NRF2 preset and the lesson step that compares them', () => {
    for (const catalogue of [en, ja] as Record<string, string>[]) {
      expect(catalogue['explain.nrf2Untreated']).toBeTruthy();
      expect(catalogue['explain.nrf2Untreated.body']).toBeTruthy();
    }
    expect(en['explain.nrf2Untreated.body' as keyof typeof en]).toContain('CD8');
    expect(PRESET_EXPLANATIONS['nrf2-atezo-bev']).toContain('nrf2Untreated');
    const lesson = LESSONS.find((l) => l.id === 'nrf2');
    expect(lesson?.steps[1]).toMatchObject({ preset: 'nrf2-atezo-bev' });
    expect(LESSON_EXPLANATIONS['nrf2.2']).toContain('nrf2Untreated');
    // every explanation named anywhere has its texts
    for (const topic of [...Object.values(PRESET_EXPLANATIONS), ...Object.values(LESSON_EXPLANATIONS)].flat()) {
      for (const catalogue of [en, ja] as Record<string, string>[]) {
        expect(catalogue[`explain.${topic}`], topic).toBeTruthy();
        expect(catalogue[`explain.${topic}.body`], topic).toBeTruthy();
      }
    }
  });
});
