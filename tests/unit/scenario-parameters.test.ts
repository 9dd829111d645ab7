/**
 * Model parameters in links: `p.<id>=<value>` round-trips for every parameter of the table, bad values get a
 * per-field message in English and Japanese and keep the rest of the link, and the simulation uses the changed value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { parameterRange as documentedRange, PARAMETERS } from '../../src/model/parameters';
import { SETTING_INFO } from '../../src/model/settings';
import { simulate } from '../../src/model/simulate';
import {
  decodeScenario,
  defaultScenario,
  encodeScenario,
  type Scenario,
  SETTINGS,
  validateScenario,
} from '../../src/scenario';
import { PARAMETER_IDS, parameterDefault, parameterRange, variableParameters } from '../../src/scenario/catalogue';
import { arbParameters, arbScenario } from './arbitraries';

describe('model parameters in the link', () => {
  it('the catalogue lists every parameter of the table, with a range that holds each setting’s value', () => {
    expect(PARAMETER_IDS).toEqual(PARAMETERS.map((p) => p.id));
    for (const setting of SETTINGS) {
      for (const id of PARAMETER_IDS) {
        const r = parameterRange(id, setting);
        const value = parameterDefault(id, setting);
        expect(r.min).toBeLessThanOrEqual(value);
        expect(r.max).toBeGreaterThanOrEqual(value);
      }
    }
    expect(variableParameters('hcc-mouse')).not.toContain('extinctionThreshold');
  });

  it('every parameter round-trips at both ends of its range in every setting', () => {
    for (const setting of SETTINGS) {
      for (const id of PARAMETER_IDS) {
        const r = parameterRange(id, setting);
        for (const value of [r.min, r.max]) {
          const s: Scenario = { ...defaultScenario(setting), parameters: { [id]: value } };
          const query = encodeScenario(s);
          expect(query).toContain(`p.${id}=`);
          const back = decodeScenario(query);
          expect(back.errors).toEqual([]);
          expect(back.scenario).toEqual(s);
        }
      }
    }
  });

  it('random parameter changes survive the round trip exactly (property)', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const back = decodeScenario(encodeScenario(s));
        expect(back.errors).toEqual([]);
        expect(back.scenario).toEqual(s);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...SETTINGS).chain((setting) => fc.tuple(fc.constant(setting), arbParameters(setting))),
        ([setting, parameters]) => {
          const s: Scenario = { ...defaultScenario(setting), parameters };
          expect(validateScenario(s)).toEqual([]);
          expect(decodeScenario(encodeScenario(s)).scenario.parameters).toEqual(parameters);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a link without parameter keys is read and written exactly as before', () => {
    const query = encodeScenario(defaultScenario('hcc-patient'));
    expect(query).not.toContain('p.');
    expect(decodeScenario(query).scenario.parameters).toBeUndefined();
  });

  it('an out-of-range value is reported per field in English and Japanese, and the rest of the link is kept', () => {
    const r = parameterRange('tCellKillRate', 'hcc-mouse');
    const result = decodeScenario(`s=hcc-mouse&h=40&p.tCellKillRate=${r.max * 10}&p.pd1Hill=2.5&arm=A*atz:10@7-20/3`);
    expect(result.scenario.horizon).toBe(40);
    expect(result.scenario.arms[0].treatments.atezolizumab).toBeDefined();
    expect(result.scenario.parameters).toEqual({ pd1Hill: 2.5 });
    expect(result.errors).toHaveLength(1);
    const [e] = result.errors;
    expect(e.field).toBe('p.tCellKillRate');
    expect(e.code).toBe('out-of-range');
    expect(e.message).toContain(`from ${r.min} to ${r.max} 1/day in hcc-mouse`);
    expect(e.message).toContain(`The setting's value ${parameterDefault('tCellKillRate', 'hcc-mouse')} is used.`);
    expect(e.messageJa).toContain('範囲外');
    expect(e.messageJa).toContain(`${r.min}〜${r.max}`);
  });

  it('text in a number, an unknown parameter and a repeated parameter each get their own message', () => {
    const result = decodeScenario('p.tCellKillRate=fast&p.noSuchThing=1&p.pd1Hill=2&p.pd1Hill=3');
    const byField = Object.fromEntries(result.errors.map((e) => [e.field, e]));
    expect(byField['p.tCellKillRate'].code).toBe('not-a-number');
    expect(byField['p.tCellKillRate'].message).toContain("'fast'");
    expect(byField['p.tCellKillRate'].messageJa).toContain('数値ではありません');
    expect(byField['p.noSuchThing'].code).toBe('unknown-key');
    expect(byField['p.noSuchThing'].messageJa).toContain('存在しない');
    expect(byField['p.pd1Hill'].code).toBe('duplicate');
    expect(result.scenario.parameters).toEqual({ pd1Hill: 2 });
  });

  it('ranges follow the setting: a patient-scale rate is checked against the patient-scale range', () => {
    const mouse = parameterRange('tCellRecruitment', 'hcc-mouse');
    const patient = parameterRange('tCellRecruitment', 'hcc-patient');
    expect(patient.max).toBeLessThan(mouse.max);
    expect(decodeScenario(`s=hcc-patient&p.tCellRecruitment=${mouse.max}`).errors[0]?.field).toBe('p.tCellRecruitment');
    expect(decodeScenario(`s=hcc-patient&p.tCellRecruitment=${patient.max}`).errors).toEqual([]);
  });

  it("each setting's box is the table's documented range at its scale, widened only to hold the setting's own value", () => {
    for (const setting of SETTINGS) {
      const scale = SETTING_INFO[setting].scale;
      for (const info of PARAMETERS) {
        const [lo, hi] = documentedRange(info, scale);
        const own = parameterDefault(info.id, setting);
        const r = parameterRange(info.id, setting);
        expect(r.min, `${setting} ${info.id}`).toBe(Math.min(lo, own));
        expect(r.max, `${setting} ${info.id}`).toBe(Math.max(hi, own));
        expect(r.unit).toBe(info.unit);
      }
    }
    // the patient box of a parameter with a documented patient range is that range, not the mouse range rescaled
    expect(parameterRange('angiogenesisGrowthDependence', 'hcc-patient')).toMatchObject({ min: 0.1, max: 0.6 });
    expect(parameterRange('angiogenesisGrowthDependence', 'hcc-mouse')).toMatchObject({ min: 0, max: 0.2 });
  });

  it('a patient link outside the documented patient range gets the per-field error in both languages; inside is accepted', () => {
    const bad = decodeScenario('s=hcc-patient&p.angiogenesisGrowthDependence=3&p.pd1Hill=2.5');
    expect(bad.errors).toHaveLength(1);
    const [e] = bad.errors;
    expect(e.field).toBe('p.angiogenesisGrowthDependence');
    expect(e.code).toBe('out-of-range');
    expect(e.message).toContain('from 0.1 to 0.6 in hcc-patient');
    expect(e.messageJa).toContain('範囲外');
    expect(e.messageJa).toContain('hcc-patient では 0.1〜0.6');
    expect(bad.scenario.parameters).toEqual({ pd1Hill: 2.5 });
    // the mouse range's top (0.2) is below the patient range: refused in a patient link, accepted in a mouse one
    expect(decodeScenario('s=hcc-patient&p.angiogenesisGrowthDependence=0.05').errors[0]?.code).toBe('out-of-range');
    expect(decodeScenario('s=hcc-mouse&p.angiogenesisGrowthDependence=0.05').errors).toEqual([]);
    for (const value of [0.1, 0.45, 0.6]) {
      const ok = decodeScenario(`s=hcc-patient&p.angiogenesisGrowthDependence=${value}`);
      expect(ok.errors).toEqual([]);
      expect(ok.scenario.parameters).toEqual({ angiogenesisGrowthDependence: value });
    }
    // the EGFR-lung rates, still the mouse rates x 1/12 at the patient scale, have the patient range documented too
    expect(decodeScenario('s=hcc-patient&p.osimertinibKill=1').errors[0]?.field).toBe('p.osimertinibKill');
  });

  it('validateScenario rejects a changed parameter outside its range', () => {
    const s: Scenario = { ...defaultScenario(), parameters: { pd1Hill: 99 } };
    expect(validateScenario(s).map((e) => e.field)).toEqual(['p.pd1Hill']);
  });
});

describe('changed parameters reach the simulation', () => {
  it('a faster T-cell kill rate in the link gives a smaller tumour under anti-PD-L1', () => {
    const base = decodeScenario('s=hcc-mouse&h=28&arm=Atezo*atz:10@7-20/3').scenario;
    const strong = decodeScenario('s=hcc-mouse&h=28&p.tCellKillRate=18&arm=Atezo*atz:10@7-20/3').scenario;
    const v0 = simulate(base).arms[0].summary.volumeEnd;
    const v1 = simulate(strong).arms[0].summary.volumeEnd;
    expect(v1).toBeLessThan(v0);
  });

  it('the simulate command reads the same keys and reports a bad one on stderr', () => {
    const good = runCli(['s=hcc-mouse&h=14&p.sensitiveGrowthRate=0.6']);
    expect(good.status).toBe(0);
    const json = JSON.parse(good.stdout);
    expect(json.query).toContain('p.sensitiveGrowthRate=0.6');
    const bad = runCli(['s=hcc-mouse&h=14&p.sensitiveGrowthRate=7']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('p.sensitiveGrowthRate');
  });

  it('drug PK is in the link and the command line: a shorter bevacizumab half-life leaves less drug, and one outside the label range is refused', () => {
    const query = 's=hcc-patient&h=84&arm=Bev*bev:15@0-63/21';
    const level = (q: string) => {
      const r = runCli([q]);
      expect(r.status, r.stderr).toBe(0);
      const levels = JSON.parse(r.stdout).series['drug.bevacizumab'][0] as number[];
      return levels[levels.length - 1];
    };
    expect(level(`${query}&p.bevacizumabHalfLife=11`)).toBeLessThan(level(query));
    const bad = decodeScenario(`${query}&p.bevacizumabHalfLife=5`);
    expect(bad.errors[0]?.field).toBe('p.bevacizumabHalfLife');
    expect(bad.errors[0]?.message).toContain('from 11 to 50 day in hcc-patient');
    expect(bad.errors[0]?.messageJa).toContain('hcc-patient では 11〜50 day');
  });
});
