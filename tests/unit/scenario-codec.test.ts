/**
 * The scenario link format by example: a hand-written link and what it means, the defaults, and one test per error
 * code with the field it names and what its message says.
 */
import { describe, expect, it } from 'vitest';
import {
  COHORT_LIMITS,
  type DecodeResult,
  decodeScenario,
  decodeWith,
  defaultCohort,
  defaultScenario,
  encodeScenario,
  type FieldError,
  MAX_QUERY_LENGTH,
  type MigrationRegistry,
  migrations,
  type Scenario,
  SETTINGS,
  TOOL_QUERY_RESERVE,
  VIEW_QUERY_RESERVE,
  validateScenario,
} from '../../src/scenario';
import { FORMAT_VERSION } from '../../src/scenario/encode';
import { pge2RelativeToPgMl } from '../../src/scenario/migrations';

const HEAD = 'v=2&s=hcc-mouse&h=28&dt=0.25&nrf2=0&neat1=0&il6=0.5&axl=low&cd8=0';

/** The single error of a decode, checked for code and field; its message is returned for content checks. */
function onlyError(result: DecodeResult, code: FieldError['code'], field: string): string {
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatchObject({ code, field });
  expect(validateScenario(result.scenario)).toEqual([]);
  return result.errors[0].message;
}

describe('the link format', () => {
  it('reads the documented example link', () => {
    const link =
      'v=2&s=hcc-mouse&h=28&dt=0.25&nrf2=1&neat1=0&il6=0.5&axl=low&cd8=0' +
      '&arm=Control&arm=Atezo/bev*atz:10@7-20/3*bev:10@7-20/3&arm=NRF2+low*hide*nrf2=0*cox2:30@7-28/1';
    const expected: Scenario = {
      setting: 'hcc-mouse',
      horizon: 28,
      outputStep: 0.25,
      inputs: { nrf2: 1, neat1: 0, il6: 0.5, axl: 'low', cd8Depleted: false },
      arms: [
        { name: 'Control', inputs: {}, treatments: {}, hidden: false },
        {
          name: 'Atezo/bev',
          inputs: {},
          treatments: {
            atezolizumab: { dose: 10, start: 7, stop: 20, interval: 3 },
            bevacizumab: { dose: 10, start: 7, stop: 20, interval: 3 },
          },
          hidden: false,
        },
        {
          name: 'NRF2 low',
          inputs: { nrf2: 0 },
          treatments: { cox2i: { dose: 30, start: 7, stop: 28, interval: 1 } },
          hidden: true,
        },
      ],
    };
    const result = decodeScenario(link);
    expect(result.errors).toEqual([]);
    expect(result.scenario).toEqual(expected);
    expect(result.normalised).toBe(link);
    expect(encodeScenario(expected)).toBe(link);
  });

  it('writes every drug code, every override and exponent notation as documented', () => {
    const s = defaultScenario('lung-egfr');
    s.arms = [
      {
        name: 'All',
        inputs: { nrf2: 0.25, neat1: 1, il6: 0, axl: 'high', cd8Depleted: true },
        treatments: {
          atezolizumab: { dose: 1, start: 0, stop: 1, interval: 1 },
          bevacizumab: { dose: 2, start: 0, stop: 1, interval: 1 },
          antiPD1: { dose: 3, start: 0, stop: 1, interval: 1 },
          cox2i: { dose: 4, start: 0, stop: 1, interval: 1 },
          antiCD24: { dose: 5, start: 0, stop: 1, interval: 1 },
          antiIL6: { dose: 6, start: 0, stop: 1, interval: 1 },
          osimertinib: { dose: 7, start: 0, stop: 1, interval: 1 },
          igf1ri: { dose: 1e-7, start: 1e-7, stop: 0.1 + 0.2, interval: 0.25 },
        },
        hidden: false,
      },
    ];
    const link = encodeScenario(s);
    expect(link).toBe(
      'v=2&s=lung-egfr&h=150&dt=0.25&nrf2=0&neat1=0&il6=0.5&axl=low&cd8=0' +
        '&arm=All*nrf2=0.25*neat1=1*il6=0*axl=high*cd8=1*atz:1@0-1/1*bev:2@0-1/1*pd1:3@0-1/1*cox2:4@0-1/1' +
        '*cd24:5@0-1/1*il6ab:6@0-1/1*osi:7@0-1/1*igf:1e-7@1e-7-0.30000000000000004/0.25',
    );
    const back = decodeScenario(link);
    expect(back.errors).toEqual([]);
    expect(back.scenario).toEqual(s);
  });

  it('round-trips Japanese arm names, percent-encoded as UTF-8', () => {
    const s = defaultScenario();
    s.arms = [
      { name: '対照群', inputs: {}, treatments: {}, hidden: false },
      {
        name: 'アテゾリズマブ＋ベバシズマブ',
        inputs: {},
        treatments: { atezolizumab: { dose: 10, start: 7, stop: 20, interval: 3 } },
        hidden: false,
      },
    ];
    const link = encodeScenario(s);
    expect(link).toContain('arm=%E5%AF%BE%E7%85%A7%E7%BE%A4&');
    const back = decodeScenario(link);
    expect(back.errors).toEqual([]);
    expect(back.scenario).toEqual(s);
    // a link pasted with the raw characters (as an address bar shows them) reads the same
    expect(decodeScenario(decodeURIComponent(link)).scenario.arms[0].name).toBe('対照群');
  });

  it("round-trips names with the link's own punctuation: * & = + % # and spaces", () => {
    const s = defaultScenario();
    s.arms = [
      { name: 'a*b', inputs: {}, treatments: {}, hidden: true },
      { name: 'x & y = 100% #1 + *', inputs: {}, treatments: {}, hidden: false },
      { name: '*', inputs: {}, treatments: {}, hidden: false },
    ];
    const link = encodeScenario(s);
    expect(link).toContain('&arm=a**b*hide&');
    expect(link).toContain('&arm=x+%26+y+=+100%25+%231+%2B+**&');
    expect(decodeScenario(link).scenario).toEqual(s);
  });

  it('accepts a leading "?", reads a link without v as version 1, and fills missing fields silently', () => {
    expect(decodeScenario('?s=hcc-patient')).toEqual({
      scenario: defaultScenario('hcc-patient'),
      errors: [],
      view: {},
      normalised: encodeScenario(defaultScenario('hcc-patient')),
    });
    expect(decodeScenario('').scenario).toEqual(defaultScenario());
    expect(decodeScenario(`${HEAD}&arm=A`.replace('v=2&', '')).errors).toEqual([]);
  });

  it('trims arm names and ignores stray separators', () => {
    const r = decodeScenario(`${HEAD}&arm=++Control++*&arm=B**`);
    expect(r.errors).toEqual([]);
    expect(r.scenario.arms.map((a) => a.name)).toEqual(['Control', 'B*']);
  });
});

describe('defaults', () => {
  it('one untreated Control arm, default inputs, horizon and output step per setting', () => {
    const expected = {
      'hcc-mouse': [28, 0.25],
      'hcc-patient': [540, 1],
      'lung-egfr': [150, 0.25],
      'crc-liver': [28, 0.25],
      'lung-patient': [1095, 1],
    } as const;
    for (const setting of SETTINGS) {
      const s = defaultScenario(setting);
      expect([s.horizon, s.outputStep]).toEqual(expected[setting]);
      expect(s.inputs).toEqual({ nrf2: 0, neat1: 0, il6: 0.5, axl: 'low', cd8Depleted: false });
      expect(s.arms).toEqual([{ name: 'Control', inputs: {}, treatments: {}, hidden: false }]);
      expect(validateScenario(s)).toEqual([]);
    }
    expect(defaultScenario().setting).toBe('hcc-mouse');
  });

  it('a long mouse horizon stretches the default output step to 1000 points', () => {
    const r = decodeScenario('s=hcc-mouse&h=365');
    expect(r.scenario.outputStep).toBe(0.365);
  });
});

describe('one error per code, with its field and a specific message', () => {
  it('unknown-version: a newer version, a non-number and an unknown old version', () => {
    let m = onlyError(decodeScenario(`${HEAD}&arm=A`.replace('v=2', 'v=3')), 'unknown-version', 'v');
    expect(m).toContain('is 3');
    expect(m).toContain('newer');
    m = onlyError(decodeScenario('v=abc&arm=A'), 'unknown-version', 'v');
    expect(m).toContain("'abc'");
    m = onlyError(decodeScenario('v=0&arm=A'), 'unknown-version', 'v');
    expect(m).toContain('is 0');
    // the rest of the link is still read (best effort)
    expect(decodeScenario('v=2&h=40').scenario.horizon).toBe(40);
  });

  it('unknown-key: a parameter, a drug code and an arm input nobody knows', () => {
    let r = decodeScenario(`${HEAD}&foo=1&arm=A`);
    let m = onlyError(r, 'unknown-key', 'foo');
    expect(m).toContain("'foo'");
    r = decodeScenario(`${HEAD}&arm=A*xyz:1@0-1/1*bev:1@0-7/1`);
    m = onlyError(r, 'unknown-key', 'arm[0].treatments');
    expect(m).toContain("'xyz'");
    expect(m).toContain('atz, bev');
    expect(r.scenario.arms[0].treatments).toEqual({ bevacizumab: { dose: 1, start: 0, stop: 7, interval: 1 } });
    r = decodeScenario(`${HEAD}&arm=A*tnf=1`);
    m = onlyError(r, 'unknown-key', 'arm[0].inputs');
    expect(m).toContain("'tnf'");
  });

  it('out-of-range: shared input, horizon per setting, output step, setting, dose per scale, arm input', () => {
    let m = onlyError(decodeScenario('nrf2=1.5'), 'out-of-range', 'nrf2');
    expect(m).toBe('NRF2 activation (nrf2) is 1.5; it must be from 0 to 1. The default 0 is used.');

    let r = decodeScenario('s=hcc-patient&h=20');
    m = onlyError(r, 'out-of-range', 'horizon');
    expect(m).toContain('20 days');
    expect(m).toContain('from 30 to 1825 days');
    expect(r.scenario.horizon).toBe(540);
    expect(decodeScenario('s=hcc-mouse&h=400').errors[0].message).toContain('from 1 to 365 days');

    m = onlyError(decodeScenario('h=28&dt=0.01'), 'out-of-range', 'outputStep');
    expect(m).toContain('0.01');
    m = onlyError(decodeScenario('s=hcc-patient&h=1825&dt=0.05'), 'out-of-range', 'outputStep');
    expect(m).toContain('36500 output points');
    expect(m).toContain('at most 5000');
    m = onlyError(decodeScenario('h=28&dt=30'), 'out-of-range', 'outputStep');
    expect(m).toContain('longer than the horizon');

    m = onlyError(decodeScenario('s=hcc-rat'), 'out-of-range', 'setting');
    expect(m).toContain("'hcc-rat'");
    expect(m).toContain('hcc-mouse, hcc-patient, lung-egfr, crc-liver, lung-patient');

    m = onlyError(decodeScenario('axl=medium'), 'out-of-range', 'axl');
    expect(m).toContain("'medium'");
    m = onlyError(decodeScenario('cd8=2'), 'out-of-range', 'cd8Depleted');
    expect(m).toContain('0 (no) or 1 (yes)');

    // 1200 is a patient's flat atezolizumab dose in mg, far too much in mg/kg for a mouse
    r = decodeScenario(`${HEAD}&arm=A&arm=B*atz:1200@7-20/3*bev:10@7-20/3&arm=C*atz:10@7-20/3`);
    m = onlyError(r, 'out-of-range', 'arm[1].treatments.atezolizumab.dose');
    expect(m).toContain('1200 mg/kg');
    expect(m).toContain('from 0 to 100 mg/kg');
    expect(m).toContain('dropped');
    expect(r.scenario.arms.map((a) => Object.keys(a.treatments))).toEqual([[], ['bevacizumab'], ['atezolizumab']]);
    expect(decodeScenario('s=hcc-patient&arm=B*atz:1200@0-540/21').errors).toEqual([]);

    r = decodeScenario(`${HEAD}&arm=A*il6=-0.5*nrf2=1`);
    m = onlyError(r, 'out-of-range', 'arm[0].inputs.il6');
    expect(m).toContain('-0.5');
    expect(r.scenario.arms[0].inputs).toEqual({ nrf2: 1 });
  });

  it('not-a-number: text, NaN, Infinity and a number too large for a double', () => {
    for (const text of ['abc', 'NaN', 'Infinity', '1e999', '0x10', '', ' 5']) {
      const m = onlyError(decodeScenario(`h=${encodeURIComponent(text)}`), 'not-a-number', 'horizon');
      expect(m).toContain(`'${text}'`);
      expect(m).toContain('from 1 to 365 days');
    }
    expect(decodeScenario('h=1e999').errors[0].message).toContain('too large to be a number');
    const r = decodeScenario(`${HEAD}&arm=A*igf:25@0-abc/1`);
    const m = onlyError(r, 'not-a-number', 'arm[0].treatments.igf1ri.stop');
    expect(m).toContain("'abc'");
    expect(r.scenario.arms[0].treatments).toEqual({});
  });

  it('impossible-schedule: stop not after start, zero interval, too many doses', () => {
    let m = onlyError(
      decodeScenario(`${HEAD}&arm=A&arm=B&arm=C*igf:25@10-5/1`),
      'impossible-schedule',
      'arm[2].treatments.igf1ri.stop',
    );
    expect(m).toContain('day 5');
    expect(m).toContain('day 10');
    m = onlyError(
      decodeScenario(`${HEAD}&arm=A*igf:25@10-10/1`),
      'impossible-schedule',
      'arm[0].treatments.igf1ri.stop',
    );
    m = onlyError(
      decodeScenario(`${HEAD}&arm=A*osi:5@0-40/0`),
      'impossible-schedule',
      'arm[0].treatments.osimertinib.interval',
    );
    expect(m).toContain('interval is 0 days');
    m = onlyError(
      decodeScenario(`${HEAD}&arm=A*osi:5@0-600/0.25`),
      'impossible-schedule',
      'arm[0].treatments.osimertinib.interval',
    );
    expect(m).toContain('2400 doses');
    expect(m).toContain('at most 2000');
    // exactly 2000 doses is allowed, and so is a window that runs past the horizon
    expect(decodeScenario(`${HEAD}&arm=A*osi:5@0-500/0.25`).errors).toEqual([]);
    expect(decodeScenario(`${HEAD}&arm=A*osi:5@0-1000/1`).errors).toEqual([]);
  });

  it('too-long: an oversize link, and an arm name over 40 characters', () => {
    const huge = `${HEAD}&arm=${'x'.repeat(MAX_QUERY_LENGTH + VIEW_QUERY_RESERVE + TOOL_QUERY_RESERVE)}`;
    let r = decodeScenario(huge);
    let m = onlyError(r, 'too-long', 'query');
    expect(m).toContain(`${huge.length} characters`);
    // the scenario's limit plus room for the optional view and analysis keys
    expect(m).toContain(`${MAX_QUERY_LENGTH + VIEW_QUERY_RESERVE + TOOL_QUERY_RESERVE}`);
    expect(r.scenario).toEqual(defaultScenario());

    r = decodeScenario(`${HEAD}&arm=${'長'.repeat(45)}`);
    m = onlyError(r, 'too-long', 'arm[0].name');
    expect(m).toContain('45 characters');
    expect(r.scenario.arms[0].name).toBe('長'.repeat(40));
  });

  it('too-long: arms are dropped from the end when the canonical link would exceed the limit', () => {
    // names of 40 astral characters pasted raw (2 UTF-16 units each, 12 characters once percent-encoded) and
    // full-precision numbers: short to paste, long in canonical form
    const x = '0.30000000000000004';
    const drugs = ['atz', 'bev', 'pd1', 'cox2', 'cd24', 'il6ab', 'osi', 'igf'].map((c) => `${c}:${x}@${x}-2/${x}`);
    const arm = `&arm=${'😀'.repeat(40)}*${drugs.join('*')}`;
    const link = HEAD + arm.repeat(8);
    expect(link.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    const r = decodeScenario(link);
    const m = onlyError(r, 'too-long', 'arm[7]');
    expect(m).toContain('longer than 8000 characters');
    expect(r.scenario.arms).toHaveLength(7);
    expect(r.normalised.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
  });

  it('malformed: an unreadable schedule, an unknown item and an empty name', () => {
    let r = decodeScenario(`${HEAD}&arm=A*atz:10@7/3*bev:10@7-20/3`);
    let m = onlyError(r, 'malformed', 'arm[0].treatments.atezolizumab');
    expect(m).toContain("'10@7/3'");
    expect(m).toContain('dose@start-stop/interval');
    expect(Object.keys(r.scenario.arms[0].treatments)).toEqual(['bevacizumab']);

    m = onlyError(decodeScenario(`${HEAD}&arm=A*bogus`), 'malformed', 'arm[0]');
    expect(m).toContain("'bogus'");

    r = decodeScenario(`${HEAD}&arm=Control&arm=+++*atz:10@7-20/3`);
    m = onlyError(r, 'malformed', 'arm[1].name');
    expect(m).toContain('empty name');
    expect(r.scenario.arms[1].name).toBe('Arm 2');
    expect(Object.keys(r.scenario.arms[1].treatments)).toEqual(['atezolizumab']);
  });

  it('duplicate: a repeated parameter, version, drug and override (the first wins)', () => {
    let r = decodeScenario('h=40&h=50');
    let m = onlyError(r, 'duplicate', 'horizon');
    expect(m).toContain("'40'");
    expect(m).toContain("'50'");
    expect(r.scenario.horizon).toBe(40);

    onlyError(decodeScenario('v=1&v=1'), 'duplicate', 'v');

    r = decodeScenario(`${HEAD}&arm=A*atz:10@7-20/3*atz:5@0-1/1`);
    m = onlyError(r, 'duplicate', 'arm[0].treatments.atezolizumab');
    expect(r.scenario.arms[0].treatments.atezolizumab?.dose).toBe(10);

    r = decodeScenario(`${HEAD}&arm=A*nrf2=1*nrf2=0`);
    onlyError(r, 'duplicate', 'arm[0].inputs.nrf2');
    expect(r.scenario.arms[0].inputs).toEqual({ nrf2: 1 });
  });

  it('too-many: more than 8 arms keeps the first 8', () => {
    const arms = Array.from({ length: 10 }, (_, i) => `&arm=A${i + 1}`).join('');
    const r = decodeScenario(HEAD + arms);
    const m = onlyError(r, 'too-many', 'arms');
    expect(m).toContain('10 arms');
    expect(m).toContain('at most 8');
    expect(r.scenario.arms.map((a) => a.name)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8']);
  });

  it('several problems are all reported and everything valid is kept', () => {
    const r = decodeScenario('v=1&s=lung-egfr&h=abc&nrf2=1&axl=high&arm=A*osi:5@0-40/1&arm=B*igf:9999@0-10/1');
    expect(r.errors.map((e) => e.field)).toEqual(['horizon', 'arm[1].treatments.igf1ri.dose']);
    expect(r.scenario.horizon).toBe(150);
    expect(r.scenario.inputs).toMatchObject({ nrf2: 1, axl: 'high' });
    expect(r.scenario.arms[0].treatments.osimertinib).toEqual({ dose: 5, start: 0, stop: 40, interval: 1 });
    expect(r.scenario.arms[1]).toEqual({ name: 'B', inputs: {}, treatments: {}, hidden: false });
  });
});

describe('cohort settings (a virtual trial)', () => {
  const PATIENT = 'v=2&s=hcc-patient&h=540&dt=1&nrf2=0&neat1=0&il6=0.5&axl=low&cd8=0';
  const COHORT = 'n=500&seed=1&cancer=hcc&assess=42&pge2cut=100';

  it('reads the documented keys, written between the inputs and the arms', () => {
    const link = `${PATIENT}&n=40&seed=7&cancer=lusc&assess=56&pge2cut=2.5&arm=Control&arm=Atezo/bev*atz:1200@0-540/21`;
    const r = decodeScenario(link);
    expect(r.errors).toEqual([]);
    expect(r.scenario.cohort).toEqual({ size: 40, seed: 7, cancer: 'lusc', assessmentInterval: 56, pge2Cutoff: 2.5 });
    expect(r.normalised).toBe(link);
    expect(encodeScenario(r.scenario)).toBe(link);
  });

  it('the defaults: 500 patients, seed 1, hcc, every 42 days, cut-off 3', () => {
    expect(defaultCohort()).toEqual({ size: 500, seed: 1, cancer: 'hcc', assessmentInterval: 42, pge2Cutoff: 100 });
    expect(COHORT_LIMITS.seed.max).toBe(2147483647);
    const s = { ...defaultScenario('hcc-patient'), cohort: defaultCohort() };
    expect(validateScenario(s)).toEqual([]);
    expect(encodeScenario(s)).toBe(`${PATIENT}&${COHORT}&arm=Control`);
  });

  it('old links without cohort keys still decode to no cohort, and encode without them', () => {
    for (const link of [`${PATIENT}&arm=Control`, `${HEAD}&arm=A`, 's=hcc-patient', '']) {
      const r = decodeScenario(link);
      expect(r.errors).toEqual([]);
      expect('cohort' in r.scenario).toBe(false);
      expect(r.normalised).not.toMatch(/&(n|seed|cancer|assess|pge2cut)=/);
    }
    expect(defaultScenario('hcc-patient').cohort).toBeUndefined();
  });

  it('any one key makes a cohort; the missing ones take their defaults without an error', () => {
    const r = decodeScenario('s=hcc-patient&seed=99');
    expect(r.errors).toEqual([]);
    expect(r.scenario.cohort).toEqual({ ...defaultCohort(), seed: 99 });
    expect(r.normalised).toBe(`${PATIENT}&n=500&seed=99&cancer=hcc&assess=42&pge2cut=100&arm=Control`);
    // range ends are allowed
    expect(decodeScenario('v=2&s=hcc-patient&n=10&seed=0&assess=7&pge2cut=1').errors).toEqual([]);
    expect(decodeScenario('s=hcc-patient&n=10000&seed=2147483647&assess=182&pge2cut=1000').errors).toEqual([]);
  });

  it('incompatible: cohort keys outside hcc-patient are reported once and dropped; the rest is kept', () => {
    const r = decodeScenario(`${HEAD}&n=40&seed=abc&arm=A*atz:10@7-20/3`);
    const m = onlyError(r, 'incompatible', 'cohort');
    expect(m).toBe(
      'Cohort settings (n, seed, cancer, assess, pge2cut) need the hcc-patient or lung-patient setting; the setting is hcc-mouse. ' +
        'The cohort is dropped; the rest of the link is kept.',
    );
    expect(r.scenario.cohort).toBeUndefined();
    expect(r.scenario.arms[0].treatments.atezolizumab?.dose).toBe(10);
    expect(r.normalised).toBe(`${HEAD}&arm=A*atz:10@7-20/3`);
    // a misspelt setting falls back to hcc-mouse: both problems are reported
    const typo = decodeScenario('s=hcc-patients&n=40');
    expect(typo.errors.map((e) => [e.field, e.code])).toEqual([
      ['setting', 'out-of-range'],
      ['cohort', 'incompatible'],
    ]);
  });

  it('out-of-range: cohort size below 10, above 10000 and not a whole number', () => {
    let r = decodeScenario('s=hcc-patient&n=5&seed=3');
    let m = onlyError(r, 'out-of-range', 'cohort.size');
    expect(m).toBe(
      'Cohort size (n) is 5 patients; it must be a whole number from 10 to 10000 patients. The default 500 is used.',
    );
    expect(r.scenario.cohort).toEqual({ ...defaultCohort(), seed: 3 });
    m = onlyError(decodeScenario('s=hcc-patient&n=20000'), 'out-of-range', 'cohort.size');
    expect(m).toContain('20000 patients');
    r = decodeScenario('s=hcc-patient&n=40.5');
    m = onlyError(r, 'out-of-range', 'cohort.size');
    expect(m).toContain('40.5 patients, which is not a whole number');
    expect(r.scenario.cohort?.size).toBe(500);
  });

  it('out-of-range: a seed that is negative, too large for 31 bits or not a whole number', () => {
    let m = onlyError(decodeScenario('s=hcc-patient&seed=-1'), 'out-of-range', 'cohort.seed');
    expect(m).toBe('Cohort seed (seed) is -1; it must be a whole number from 0 to 2147483647. The default 1 is used.');
    m = onlyError(decodeScenario('s=hcc-patient&seed=2147483648'), 'out-of-range', 'cohort.seed');
    expect(m).toContain('2147483648');
    m = onlyError(decodeScenario('s=hcc-patient&seed=1.5'), 'out-of-range', 'cohort.seed');
    expect(m).toContain('1.5, which is not a whole number');
    // exponent notation is a number like any other, and is written back in full
    const r = decodeScenario('s=hcc-patient&seed=1e3');
    expect(r.errors).toEqual([]);
    expect(r.normalised).toContain('&seed=1000&');
  });

  it('out-of-range: an unknown cancer type', () => {
    const r = decodeScenario('s=hcc-patient&cancer=liver&n=40');
    const m = onlyError(r, 'out-of-range', 'cohort.cancer');
    expect(m).toBe(
      "Cancer type (cancer) is 'liver'; it must be one of hcc, escc, lusc, lung, pan-cancer. The default hcc is used.",
    );
    expect(r.scenario.cohort).toEqual({ ...defaultCohort(), size: 40 });
  });

  it('out-of-range: an assessment interval outside 7..182 days and a PGE2 cut-off outside 1..1000 pg/mL', () => {
    let m = onlyError(decodeScenario('s=hcc-patient&assess=6'), 'out-of-range', 'cohort.assessmentInterval');
    expect(m).toBe('Assessment interval (assess) is 6 days; it must be from 7 to 182 days. The default 42 is used.');
    m = onlyError(decodeScenario('s=hcc-patient&assess=183'), 'out-of-range', 'cohort.assessmentInterval');
    expect(m).toContain('183 days');
    m = onlyError(decodeScenario('v=2&s=hcc-patient&pge2cut=0'), 'out-of-range', 'cohort.pge2Cutoff');
    expect(m).toBe('PGE2 cut-off (pge2cut) is 0 pg/mL; it must be from 1 to 1000 pg/mL. The default 100 is used.');
    m = onlyError(decodeScenario('v=2&s=hcc-patient&pge2cut=1001'), 'out-of-range', 'cohort.pge2Cutoff');
    expect(m).toContain('is 1001');
  });

  it('not-a-number: every numeric cohort key', () => {
    const cases = [
      ['n', 'cohort.size', 'a whole number from 10 to 10000 patients'],
      ['seed', 'cohort.seed', 'a whole number from 0 to 2147483647'],
      ['assess', 'cohort.assessmentInterval', 'from 7 to 182 days'],
      ['pge2cut', 'cohort.pge2Cutoff', 'from 1 to 1000 pg/mL'],
    ] as const;
    for (const [key, field, allowed] of cases) {
      const r = decodeScenario(`s=hcc-patient&${key}=abc`);
      const m = onlyError(r, 'not-a-number', field);
      expect(m).toContain("'abc', which is not a number");
      expect(m).toContain(allowed);
      expect(r.scenario.cohort).toEqual(defaultCohort());
    }
  });

  it('duplicate: a repeated cohort key (the first wins)', () => {
    const r = decodeScenario('s=hcc-patient&n=20&n=30');
    const m = onlyError(r, 'duplicate', 'cohort.size');
    expect(m).toBe("Cohort size (n) is given more than once ('20', then '30'); the first is used.");
    expect(r.scenario.cohort?.size).toBe(20);
  });

  it('validateScenario checks a cohort built in code', () => {
    const s: Scenario = {
      ...defaultScenario('hcc-mouse'),
      cohort: { size: 10.5, seed: -2, cancer: 'kidney' as never, assessmentInterval: Number.NaN, pge2Cutoff: 3 },
    };
    expect(validateScenario(s).map((e) => [e.field, e.code])).toEqual([
      ['cohort', 'incompatible'],
      ['cohort.size', 'out-of-range'],
      ['cohort.seed', 'out-of-range'],
      ['cohort.cancer', 'out-of-range'],
      ['cohort.assessmentInterval', 'not-a-number'],
    ]);
    expect(validateScenario({ ...defaultScenario('hcc-patient'), cohort: null as never })).toMatchObject([
      { field: 'cohort', code: 'malformed' },
    ]);
  });
});

describe('validateScenario', () => {
  it('finds the problems of a scenario built in code', () => {
    const s = defaultScenario();
    s.horizon = 1000;
    s.inputs.il6 = Number.NaN;
    s.arms.push({
      name: ' padded ',
      inputs: {},
      treatments: { igf1ri: { dose: 1, start: 3, stop: 2, interval: 1 } },
    });
    expect(validateScenario(s).map((e) => [e.field, e.code])).toEqual([
      ['horizon', 'out-of-range'],
      ['il6', 'not-a-number'],
      ['arm[1].name', 'malformed'],
      ['arm[1].treatments.igf1ri.stop', 'impossible-schedule'],
    ]);
    expect(validateScenario({ ...defaultScenario(), arms: [] })).toMatchObject([{ field: 'arms' }]);
  });
});

describe('migrations', () => {
  it('version 2 is current, and version 1 links are upgraded by migrations[1]', () => {
    expect(FORMAT_VERSION).toBe(2);
    expect(Object.keys(migrations)).toEqual(['1']);
  });

  it('an old pge2cut in relative units is converted to pg/mL with a notice in English and Japanese, not reread', () => {
    const old = 'v=1&s=hcc-patient&h=540&n=40&seed=1&cancer=hcc&assess=42&pge2cut=3&arm=A';
    const r = decodeScenario(old);
    expect(r.scenario.cohort?.pge2Cutoff).toBe(pge2RelativeToPgMl(3));
    expect(pge2RelativeToPgMl(3)).toBeCloseTo(83.5, 6);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ field: 'cohort.pge2Cutoff', code: 'migrated' });
    expect(r.errors[0].message).toContain('83.5 pg/mL');
    expect(r.errors[0].messageJa).toContain('83.5 pg/mL');
    expect(r.normalised).toContain('pge2cut=83.5');
    // a link without 'v' is a version-1 link too
    expect(decodeScenario(old.replace('v=1&', '')).scenario.cohort?.pge2Cutoff).toBe(83.5);
    // the converted link is current: opening it again changes nothing and says nothing
    expect(decodeScenario(r.normalised).errors).toEqual([]);
    expect(decodeScenario(r.normalised).scenario.cohort?.pge2Cutoff).toBe(83.5);
  });

  it('a version-1 pge2cut already in pg/mL (at or above every host baseline) and any version-2 value are kept', () => {
    const pg = decodeScenario('v=1&s=hcc-patient&n=40&pge2cut=100&arm=A');
    expect(pg.errors).toEqual([]);
    expect(pg.scenario.cohort?.pge2Cutoff).toBe(100);
    const low = decodeScenario('v=2&s=hcc-patient&n=40&pge2cut=3&arm=A');
    expect(low.errors).toEqual([]);
    expect(low.scenario.cohort?.pge2Cutoff).toBe(3);
  });

  // a made-up version 0 that spelled the horizon out and named the setting 'scale'
  const fake: MigrationRegistry = {
    0: (p) => {
      const out = new URLSearchParams();
      for (const [k, v] of p) out.append(k === 'horizon' ? 'h' : k === 'scale' ? 's' : k, v);
      return out;
    },
  };

  it('upgrades a v0 link through the registry before reading it', () => {
    const r = decodeWith('v=0&scale=hcc-patient&horizon=100&arm=A', fake, 1);
    expect(r.errors).toEqual([]);
    expect(r.scenario.setting).toBe('hcc-patient');
    expect(r.scenario.horizon).toBe(100);
    // the encoder writes the current format
    expect(r.normalised.startsWith(`v=${FORMAT_VERSION}&s=hcc-patient&h=100&`)).toBe(true);
    // current links pass through untouched
    expect(decodeWith(`${HEAD.replace('v=2', 'v=1')}&arm=A`, fake, 1).errors).toEqual([]);
  });

  it('chains migrations in order up to the current version', () => {
    const order: number[] = [];
    const chain: MigrationRegistry = {
      0: (p) => {
        order.push(0);
        return fake[0](p, []);
      },
      1: (p) => {
        order.push(1);
        return p;
      },
    };
    const r = decodeWith('v=0&horizon=100', chain, 2);
    expect(order).toEqual([0, 1]);
    expect(r.scenario.horizon).toBe(100);
  });

  it('reports a version with no upgrade path, and a migration that fails, without throwing', () => {
    const m = onlyError(decodeWith('v=0&h=100', {}, 1), 'unknown-version', 'v');
    expect(m).toContain('is 0');
    const broken: MigrationRegistry = {
      0: () => {
        throw new Error('bug');
      },
    };
    const r = decodeWith('v=0&h=100', broken, 1);
    onlyError(r, 'malformed', 'v');
    expect(r.scenario.horizon).toBe(100);
  });
});
