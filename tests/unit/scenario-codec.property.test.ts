/**
 * Properties of the scenario link codec: valid scenarios survive the round trip exactly, and no input at all
 * (random text, random query-like text, damaged valid links) makes the decoder throw or return an invalid scenario.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DecodeResult,
  decodeScenario,
  encodeLink,
  encodeScenario,
  MAX_QUERY_LENGTH,
  type Scenario,
  VIEW_QUERY_RESERVE,
  validateScenario,
} from '../../src/scenario';
import { arbScenario } from './arbitraries';

const RUNS = Number(process.env.SCENARIO_PROPERTY_RUNS ?? 1000);

/** What every decode result must satisfy, whatever the input. */
function expectSound(result: DecodeResult): void {
  expect(validateScenario(result.scenario)).toEqual([]);
  expect(result.normalised).toBe(encodeLink(result.scenario, result.view));
  expect(encodeScenario(result.scenario).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
  expect(result.normalised.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH + VIEW_QUERY_RESERVE);
  // the catch-all for decoder bugs must never be what answered
  expect(result.errors.some((e) => e.field === 'query' && e.code === 'malformed')).toBe(false);
  for (const e of result.errors) expect(e.message.length).toBeGreaterThan(0);
  // the canonical form is a fixed point: it reads back cleanly as the same scenario
  const again = decodeScenario(result.normalised);
  expect(again.errors).toEqual([]);
  expect(again.scenario).toEqual(result.scenario);
  expect(again.view).toEqual(result.view);
  expect(again.normalised).toBe(result.normalised);
}

function decodeSafely(query: string): DecodeResult {
  let result: DecodeResult | undefined;
  expect(() => {
    result = decodeScenario(query);
  }).not.toThrow();
  return result as DecodeResult;
}

/** Pieces of the link syntax, so random strings look enough like links to reach deep into the decoder. */
const TOKENS = [
  'v=1',
  'v=0',
  'v=2',
  '&',
  '&&',
  '?',
  '=',
  's=',
  'hcc-mouse',
  'hcc-patient',
  'lung-egfr',
  'h=',
  'dt=',
  'nrf2=',
  'neat1=',
  'il6=',
  'axl=',
  'high',
  'cd8=',
  'n=',
  'seed=',
  'cancer=',
  'hcc',
  'lusc',
  'assess=',
  'pge2cut=',
  '42',
  '10000',
  '2147483647',
  'log=',
  'comp=',
  'stacked',
  'mac=',
  'counts',
  'drug=',
  'lang=',
  'ja',
  'en',
  'arm=',
  'Control',
  '*',
  '**',
  'hide',
  'atz:',
  'bev:',
  'igf:',
  'cox2:',
  'xyz:',
  '@',
  '-',
  '/',
  ':',
  '0',
  '1',
  '7',
  '20',
  '3',
  '0.25',
  '.5',
  '-1',
  '1e999',
  '1e-7',
  'NaN',
  'Infinity',
  '%',
  '%2A',
  '%E5%AF%BE',
  '%E5',
  '+',
  ' ',
  '対',
  '\ud800',
];

const arbQueryLike: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...TOKENS), { maxLength: 60 })
  .map((t) => t.join(''));

/** A valid link with a few characters deleted, inserted or replaced. */
const arbDamagedLink: fc.Arbitrary<string> = fc
  .tuple(
    arbScenario.map(encodeScenario),
    fc.array(
      fc.record({
        kind: fc.constantFrom('delete', 'insert', 'replace'),
        at: fc.nat(),
        text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 })),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  )
  .map(([link, edits]) => {
    let s = link;
    for (const { kind, at, text } of edits) {
      const i = at % (s.length + 1);
      if (kind === 'delete') s = s.slice(0, i) + s.slice(i + 1);
      else if (kind === 'insert') s = s.slice(0, i) + text + s.slice(i);
      else s = s.slice(0, i) + text + s.slice(i + text.length);
    }
    return s;
  });

describe('scenario codec properties', () => {
  it('the scenarios tested include virtual trials, and scenarios without a cohort link as before', () => {
    const sample = fc.sample(arbScenario, { numRuns: 100, seed: 42 });
    expect(sample.some((s) => s.cohort !== undefined)).toBe(true);
    expect(sample.some((s) => s.setting === 'hcc-patient' && s.cohort === undefined)).toBe(true);
    for (const s of sample) {
      expect(encodeScenario(s).includes('&n=')).toBe(s.cohort !== undefined);
    }
  });

  it('decode(encode(s)) equals s, without errors, for valid scenarios', () => {
    fc.assert(
      fc.property(arbScenario, (s: Scenario) => {
        const link = encodeScenario(s);
        expect(link.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
        const { scenario, errors, normalised } = decodeScenario(link);
        expect(errors).toEqual([]);
        expect(scenario).toEqual(s);
        expect(normalised).toBe(link);
      }),
      { numRuns: RUNS },
    );
  });

  it('encoding is stable: encode(decode(encode(s))) === encode(s), also with a leading "?"', () => {
    fc.assert(
      fc.property(arbScenario, (s: Scenario) => {
        const link = encodeScenario(s);
        expect(encodeScenario(decodeScenario(link).scenario)).toBe(link);
        expect(encodeScenario(decodeScenario(`?${link}`).scenario)).toBe(link);
      }),
      { numRuns: RUNS },
    );
  });

  it('random text never throws and always gives a valid scenario', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({ unit: 'grapheme', maxLength: 100 }),
        ),
        (q) => expectSound(decodeSafely(q)),
      ),
      { numRuns: RUNS },
    );
  });

  it('random query-like text never throws and always gives a valid scenario', () => {
    fc.assert(
      fc.property(arbQueryLike, (q) => expectSound(decodeSafely(q))),
      { numRuns: RUNS },
    );
  });

  it('damaged valid links never throw and always give a valid scenario', () => {
    fc.assert(
      fc.property(arbDamagedLink, (q) => expectSound(decodeSafely(q))),
      { numRuns: RUNS },
    );
  });
});
