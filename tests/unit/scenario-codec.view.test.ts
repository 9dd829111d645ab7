/**
 * The optional view keys of a link (log, comp, mac, drug, lang): how a scenario is shown, carried next to it.
 * Links without them read exactly as before; a bad value is reported and dropped, never anything else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/i18n';
import {
  decodeScenario,
  defaultScenario,
  encodeLink,
  encodeScenario,
  LINK_LANGUAGES,
  MAX_QUERY_LENGTH,
  type Scenario,
  VIEW_KEYS,
  VIEW_ORDER,
  VIEW_QUERY_RESERVE,
  type ViewOptions,
  validateScenario,
} from '../../src/scenario';
import { PRESETS } from '../../src/scenario/catalogue/presets';
import { arbScenario, arbView } from './arbitraries';

const RUNS = Number(process.env.SCENARIO_PROPERTY_RUNS ?? 1000);
const HEAD = 'v=2&s=hcc-mouse&h=28&dt=0.25&nrf2=0&neat1=0&il6=0.5&axl=low&cd8=0';

describe('view keys in a link', () => {
  it('are written between the cohort and the arms, only when given', () => {
    const s = defaultScenario();
    expect(encodeScenario(s)).toBe(encodeLink(s, {}));
    expect(encodeLink(s, { logScale: false, compartments: 'stacked', drugView: 'igf1ri', language: 'ja' })).toBe(
      `${HEAD}&log=0&comp=stacked&drug=igf&lang=ja&arm=Control`,
    );
  });

  it('read back as the same options, and the link normalises to itself', () => {
    const link = `${HEAD}&log=1&comp=separate&mac=counts&drug=il6ab&lang=en&arm=Control`;
    const r = decodeScenario(link);
    expect(r.errors).toEqual([]);
    expect(r.view).toEqual({
      logScale: true,
      compartments: 'separate',
      macrophageView: 'counts',
      drugView: 'antiIL6',
      language: 'en',
    });
    expect(r.normalised).toBe(link);
  });

  it('a link from before the view keys opens exactly as before, with no view options', () => {
    const old = `${HEAD}&arm=Control&arm=Atezo/bev*atz:10@7-20/3*bev:10@7-20/3`;
    const r = decodeScenario(old);
    expect(r.errors).toEqual([]);
    expect(r.view).toEqual({});
    expect(r.normalised).toBe(old);
    // and without 'v' (read as version 1)
    expect(decodeScenario(old.replace('v=2&', '')).normalised).toBe(old);
  });

  it('a bad value names the key and the allowed values, and leaves the rest of the link alone', () => {
    const cases: [string, string, string[]][] = [
      ['log=yes', 'view.logScale', ['Log scale (log)', "'yes'", '0, 1']],
      ['comp=pie', 'view.compartments', ['(comp)', "'pie'", 'total, stacked, separate']],
      ['mac=', 'view.macrophageView', ['(mac)', "''", 'fraction, counts']],
      ['drug=atezolizumab', 'view.drugView', ['(drug)', 'atz, bev, pd1']],
      ['lang=fr', 'view.language', ['Language (lang)', "'fr'", 'en, ja']],
      ['lang=JA', 'view.language', ["'JA'"]],
      ['draws=3', 'view.ensembleDraws', ['(draws)', "'3'", 'a whole number from 5 to 100']],
      ['draws=101', 'view.ensembleDraws', ["'101'", 'from 5 to 100']],
      ['draws=20.5', 'view.ensembleDraws', ["'20.5'"]],
      ['draws=1e1', 'view.ensembleDraws', ["'1e1'"]],
      ['preset=nowhere', 'view.preset', ['Preset the scenario came from (preset)', "'nowhere'", 'nrf2-atezo-bev']],
      ['preset=NRF2-ATEZO-BEV', 'view.preset', ["'NRF2-ATEZO-BEV'"]],
    ];
    for (const [pair, field, parts] of cases) {
      const r = decodeScenario(`${HEAD}&comp=stacked&${pair}&arm=A`.replace('comp=stacked&comp', 'comp'));
      expect(r.errors, pair).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ field, code: 'out-of-range' });
      for (const part of parts) expect(r.errors[0].message, pair).toContain(part);
      expect(r.scenario.arms.map((a) => a.name)).toEqual(['A']);
      const key = field.slice('view.'.length) as keyof ViewOptions;
      expect(r.view[key]).toBeUndefined();
    }
  });

  it('the ensemble size of "across plausible models" (draws) travels in the link and reads back', () => {
    const s = defaultScenario();
    const link = encodeLink(s, { ensembleDraws: 50 });
    expect(link).toBe(`${HEAD}&draws=50&arm=Control`);
    const r = decodeScenario(link);
    expect(r.errors).toEqual([]);
    expect(r.view).toEqual({ ensembleDraws: 50 });
    expect(r.normalised).toBe(link);
  });

  it('the preset the scenario came from (preset) travels in the link and reads back, within the reserve', () => {
    const s = defaultScenario();
    const link = encodeLink(s, { language: 'en', preset: 'nrf2-atezo-bev' });
    expect(link).toBe(`${HEAD}&lang=en&preset=nrf2-atezo-bev&arm=Control`);
    const r = decodeScenario(link);
    expect(r.errors).toEqual([]);
    expect(r.view).toEqual({ language: 'en', preset: 'nrf2-atezo-bev' });
    expect(r.normalised).toBe(link);
    // every view key at its longest still fits in the room kept for the view keys
    const longestPreset = PRESETS.map((p) => p.id).reduce((a, b) => (b.length > a.length ? b : a));
    const longest = encodeLink(s, {
      logScale: false,
      compartments: 'separate',
      macrophageView: 'fraction',
      drugView: 'antiIL6',
      language: 'en',
      ensembleDraws: 100,
      preset: longestPreset,
    });
    expect(longest.length - encodeScenario(s).length).toBeLessThanOrEqual(VIEW_QUERY_RESERVE);
  });

  it('a repeated key keeps the first value and says so', () => {
    const r = decodeScenario(`${HEAD}&lang=ja&lang=en&arm=A`);
    expect(r.view.language).toBe('ja');
    expect(r.errors).toMatchObject([{ field: 'view.language', code: 'duplicate' }]);
  });

  it('prototype names are unknown parameters, not view keys', () => {
    const r = decodeScenario(`${HEAD}&constructor=1&toString=2&arm=A`);
    expect(r.errors.map((e) => e.code)).toEqual(['unknown-key', 'unknown-key']);
  });

  it('the languages a link can name are the languages of the interface', () => {
    expect([...LINK_LANGUAGES]).toEqual([...LANGUAGES]);
  });
});

describe('view keys: properties', () => {
  it('decode(encode(s, view)) gives back s and view without errors, within the length limit', () => {
    fc.assert(
      fc.property(arbScenario, arbView, (s: Scenario, view: ViewOptions) => {
        const link = encodeLink(s, view);
        expect(link.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH + VIEW_QUERY_RESERVE);
        const r = decodeScenario(link);
        expect(r.errors).toEqual([]);
        expect(r.scenario).toEqual(s);
        expect(r.view).toEqual(view);
        expect(r.normalised).toBe(link);
      }),
      { numRuns: RUNS },
    );
  });

  it('random values of the view keys never throw, never touch the scenario, and are either read or reported', () => {
    const arbKey = fc.constantFrom(...VIEW_ORDER);
    const arbText = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('0', '1', 'ja', 'en', 'total', 'counts', 'atz', '%E5', '&', '=', '+', 'true'),
    );
    fc.assert(
      fc.property(arbScenario, fc.array(fc.tuple(arbKey, arbText), { maxLength: 8 }), (s, pairs) => {
        const base = encodeScenario(s);
        const extra = pairs.map(([k, v]) => `${VIEW_KEYS[k]}=${encodeURIComponent(v)}`).join('&');
        const link = extra ? `${base}&${extra}` : base;
        let r: ReturnType<typeof decodeScenario> | undefined;
        expect(() => {
          r = decodeScenario(link);
        }).not.toThrow();
        if (!r) return;
        expect(validateScenario(r.scenario)).toEqual([]);
        if (link.length <= MAX_QUERY_LENGTH + VIEW_QUERY_RESERVE) {
          expect(r.scenario).toEqual(s);
          for (const e of r.errors) expect(e.field.startsWith('view.')).toBe(true);
        }
        // the canonical form reads back cleanly, with the same view
        const again = decodeScenario(r.normalised);
        expect(again.errors).toEqual([]);
        expect(again.view).toEqual(r.view);
        expect(again.scenario).toEqual(r.scenario);
      }),
      { numRuns: RUNS },
    );
  });
});
