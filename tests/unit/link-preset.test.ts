/**
 * A scenario opened from a link knows the preset it came from (the link's `preset` key, or the lesson step's), so its
 * preset arm names follow a language switch as on the page the link was copied from; a renamed arm keeps its name.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../../src/i18n';
import { decodeScenario, encodeLink } from '../../src/scenario';
import { useExplorer } from '../../src/store/explorer';
import { localisedPresetScenario } from '../../src/store/teaching';
import { linkPreset } from '../../src/store/url';

afterEach(() => useLanguage.getState().setLanguage('en'));

describe('the preset of a linked scenario', () => {
  it('is the one the link names, else the lesson step’s, else none', () => {
    expect(linkPreset({ preset: 'il6-pdl1' }, { id: 'nrf2', step: 1 })).toBe('il6-pdl1');
    expect(linkPreset({}, { id: 'osimertinib', step: 2 })).toBe('osimertinib-igf1r');
    expect(linkPreset({}, { id: 'nowhere', step: 0 })).toBeNull();
    expect(linkPreset({}, null)).toBeNull();
  });

  it('names its arms in Japanese after a switch, except an arm renamed by hand', () => {
    const preset = localisedPresetScenario('nrf2-atezo-bev');
    if (!preset) throw new Error('no preset');
    preset.arms[preset.arms.length - 1].name = 'Mine';
    const { scenario, view } = decodeScenario(encodeLink(preset, { language: 'en', preset: 'nrf2-atezo-bev' }));
    useExplorer.getState().setScenario(scenario, undefined, linkPreset(view, null));
    expect(useExplorer.getState().presetId).toBe('nrf2-atezo-bev');
    useLanguage.getState().setLanguage('ja');
    const names = useExplorer.getState().scenario.arms.map((a) => a.name);
    expect(names[0]).toBe('NRF2 低・無治療');
    expect(names[names.length - 1]).toBe('Mine');
  });

  it('without it (a link from before the key), the arms keep their English names', () => {
    const preset = localisedPresetScenario('nrf2-atezo-bev');
    if (!preset) throw new Error('no preset');
    const { scenario, view } = decodeScenario(encodeLink(preset, { language: 'en' }));
    useExplorer.getState().setScenario(scenario, undefined, linkPreset(view, null));
    useLanguage.getState().setLanguage('ja');
    expect(useExplorer.getState().scenario.arms[0].name).toBe('NRF2-low, untreated');
  });
});
