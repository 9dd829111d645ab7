/**
 * The claims of the five studies (shared science summary, "Claims a correct model reproduces") and the assertions of
 * the model brief's section C, each a named test at the default point, run on the presets that mirror the experiments.
 * The claims themselves (scenarios, arms, checks and bounds) are data in src/science/claims.ts; a failing test lists
 * every check that failed with its value.
 */
import { describe, expect, it } from 'vitest';
import type { ArmSummary } from '../../src/model';
import {
  CLAIMS,
  type ClaimCheck,
  type ClaimResults,
  claimById,
  SCENARIOS,
  SEED_CLAIMS,
} from '../../src/science/claims';
import { claimScenarios, runClaims } from '../../src/science/robustness';

// The presets' own output grids (not the ensemble's one-day grid): what a user of the app sees.
const defaultRun = runClaims(CLAIMS, {}, claimScenarios(CLAIMS));

const failed = (checks: ClaimCheck[]): string[] =>
  checks.filter((c) => !c.holds).map((c) => `${c.measure}: ${c.value} (expected ${c.expected})`);

function expectClaim(id: string): void {
  const claim = claimById(id);
  if (!claim) throw new Error(`no claim ${id} in src/science/claims.ts`);
  const outcome = defaultRun.outcomes.get(id);
  expect(outcome?.checks.length, `claim ${id} has checks`).toBeGreaterThan(0);
  expect(failed(outcome?.checks ?? [])).toEqual([]);
  expect(outcome?.holds).toBe(true);
}

describe('seed 000: NRF2 -> COX-2 -> PGE2 and atezolizumab + bevacizumab (HCC, mice)', () => {
  it('S1.1 NRF2-high tumours have less than half the intratumoral CD8 T cells before treatment (day 14)', () =>
    expectClaim('S1.1'));
  it('S1.2 atezolizumab + bevacizumab works in NRF2-low tumours (day-28 volume <= 0.4 x untreated)', () =>
    expectClaim('S1.2'));
  it('S1.3 NRF2-high tumours resist atezolizumab + bevacizumab (day-28 volume >= 0.7 x untreated)', () =>
    expectClaim('S1.3'));
  it('claim 1: under atezo/bev NRF2-high tumours shrink less, have fewer and sparser T cells, and more plasma PGE2', () =>
    expectClaim('claim 1'));
  it('S1.4 / claim 2: adding a COX-2 inhibitor restores T-cell infiltration and tumour control in NRF2-high tumours', () =>
    expectClaim('S1.4'));
  it('S1.5 the treated tumour grows monotonically larger as NRF2 activation rises', () => expectClaim('S1.5'));
});

describe('seed 001: NEAT1 -> CD24 -> macrophages and anti-PD-1 (HCC, mice)', () => {
  it('S2.1 / claim 3: NEAT1-high tumours grow faster, with a lower M1 fraction', () => expectClaim('S2.1'));
  it('S2.2 / claim 4: anti-PD-1 alone and anti-CD24 alone leave NEAT1-high tumours close to untreated (>= 0.85)', () =>
    expectClaim('S2.2'));
  it('S2.3 / claim 4: anti-PD-1 + anti-CD24 lowers NEAT1-high tumour volume clearly (<= 0.8 x untreated, the control seed 001 compares with)', () =>
    expectClaim('S2.3'));
  it('S2.4 NEAT1 creates anti-PD-1 resistance: anti-PD-1 works better in NEAT1-low tumours', () => expectClaim('S2.4'));
  it('anti-CD24 restores the M1 fraction of NEAT1-high tumours', () => expectClaim('CD24-M1'));
});

describe('seed 002: KEAP1/NRF2-mutant tumours (patients)', () => {
  it('S3.1 a KEAP1/NRF2-mutant tumour fares worse than wild type under atezolizumab + bevacizumab', () =>
    expectClaim('S3.1'));
  it('claim 1 in patients: plasma PGE2 (pg/mL) is higher with a KEAP1/NRF2 mutation, falls when the tumour responds and rises when it progresses', () =>
    expectClaim('PGE2-patients'));
  it('seed 001 in patients: plasma NEAT1 falls after treatment', () => expectClaim('NEAT1-plasma'));
});

describe('seed 003: osimertinib and transient IGF-1R inhibition (EGFR-mutant lung, xenograft)', () => {
  it('S4.1 / claim 5: osimertinib alone shrinks the tumour, leaves persisters and relapses after stopping', () =>
    expectClaim('S4.1'));
  it('S4.2 / claim 5: osimertinib 40 days + IGF-1R inhibitor on 10 of them eradicates the tumour by day 40, and P(eradication) at day 150 >= 0.9 (no regrowth)', () =>
    expectClaim('S4.2'));
  it('S4.3 / claim 5: IGF-1R inhibition for all 40 days gains no tumour control (it eradicates too, P >= 0.9) but accumulates about 4x the toxicity', () =>
    expectClaim('S4.3'));
  it('S4.4 AXL-high tumours relapse despite the transient combination', () => expectClaim('S4.4'));
  it('FLAURA-lung: an EGFR-mutant lung cancer in a patient responds to osimertinib and progresses within 1-3 years', () =>
    expectClaim('FLAURA-lung'));
});

describe('seed 004: IL-6, dendritic cells and anti-PD-L1 (colorectal liver metastasis, mice)', () => {
  it('S5.1 / claim 6: IL-6-deficient tumours have more mature DCs and more CD8 T cells (priming is higher)', () =>
    expectClaim('S5.1'));
  it('claim 6: IL-6-deficient tumours express more PD-L1 (IFN-driven adaptive escape)', () => expectClaim('claim 6'));
  it('S5.2 IL-6-deficient untreated tumours are clearly smaller (< 0.7 x wild type)', () => expectClaim('S5.2'));
  it('S5.3 depleting CD8 T cells abolishes the IL-6-deficient advantage (>= 0.85 x wild type; and clearly matters: > 1.5 x)', () =>
    expectClaim('S5.3'));
  it('S5.4 / claim 6: anti-PD-L1 controls IL-6-deficient tumours much better than IL-6-high tumours', () =>
    expectClaim('S5.4'));
  it('S5.5 IL-6 blockade and PD-L1 blockade are synergistic (Bliss)', () => expectClaim('S5.5'));
});

describe('the claims as data', () => {
  it('every claim in src/science/claims.ts has a named default-point test above', () => {
    const tested = [
      ...['S1.1', 'S1.2', 'S1.3', 'claim 1', 'S1.4', 'S1.5', 'S2.1', 'S2.2', 'S2.3', 'S2.4', 'CD24-M1', 'S3.1'],
      ...['PGE2-patients', 'NEAT1-plasma'],
      ...['S4.1', 'S4.2', 'S4.3', 'S4.4', 'FLAURA-lung', 'S5.1', 'claim 6', 'S5.2', 'S5.3', 'S5.4', 'S5.5'],
    ];
    expect(CLAIMS.map((c) => c.id).sort()).toEqual([...tested].sort());
  });

  it('every claim of the science summary (1–6) has at least one assertion, and ids are unique', () => {
    for (const s of SEED_CLAIMS)
      expect(
        CLAIMS.some((c) => c.seedClaims.includes(s.claim)),
        `claim ${s.claim}`,
      ).toBe(true);
    expect(new Set(CLAIMS.map((c) => c.id)).size).toBe(CLAIMS.length);
  });

  it('every claim names its text in English and Japanese, a preset, and arms that its scenarios have', () => {
    for (const c of CLAIMS) {
      expect(c.text.en.length, c.id).toBeGreaterThan(10);
      expect(c.text.ja.length, c.id).toBeGreaterThan(5);
      expect(/[\u3040-\u30ff\u4e00-\u9fff]/.test(c.text.ja), `${c.id} Japanese text`).toBe(true);
      expect(Object.keys(SCENARIOS), c.id).toContain(c.preset);
      for (const [key, arms] of Object.entries(c.arms)) {
        const names = SCENARIOS[key]().arms.map((a) => a.name);
        for (const arm of arms) expect(names, `${c.id}: ${key}`).toContain(arm);
      }
    }
  });

  it('the one-day output grid of the ensemble gives the same claim values as the presets\u2019 own grids', () => {
    const coarse = runClaims(CLAIMS, { outputStep: 1 });
    for (const c of CLAIMS) {
      const checks = defaultRun.outcomes.get(c.id)?.checks ?? [];
      const a = checks.map((x) => x.value);
      const b = coarse.outcomes.get(c.id)?.checks.map((x) => x.value) ?? [];
      expect(b.length, c.id).toBe(a.length);
      a.forEach((v, k) => {
        // a "first day ..." readout is an output day: on the one-day grid, the first whole day at or after the
        // preset grid's (P(eradication) does not fall between them)
        if (Number.isFinite(v) && checks[k].measure.startsWith('first day'))
          expect(b[k], `${c.id} check ${k}`).toBe(Math.ceil(v));
        else if (Number.isFinite(v))
          expect(Math.abs(b[k] - v), `${c.id} check ${k}`).toBeLessThanOrEqual(1e-9 * Math.abs(v));
        else expect(b[k], `${c.id} check ${k}`).toBe(v);
      });
    }
  });

  /**
   * Results for a claim's predicate alone: every arm's series from one function, ratios from it as the model's are,
   * and each arm's summary (only the fields a claim reads matter).
   */
  function synthetic(
    at: (arm: string, series: string, day: number) => number,
    summaries: Record<string, Partial<ArmSummary>> = {},
  ): ClaimResults {
    return {
      at: (_s, arm, series, day) => at(arm, series, day),
      ratio: (_s, arm, reference, series, day) => at(arm, series, day) / at(reference, series, day),
      summary: (_s, arm) => {
        const s = summaries[arm];
        if (!s) throw new Error(`summary of ${arm} not given`);
        return { name: arm, volumeStart: 100, volumeNadir: 0, dayOfNadir: 40, igf1rToxicity: 0, ...s } as ArmSummary;
      },
    };
  }
  const holds = (id: string, r: ClaimResults): boolean => {
    const claim = claimById(id);
    if (!claim) throw new Error(`no claim ${id}`);
    return claim.evaluate(r).holds;
  };

  it('S4.2 and S4.3 read eradication as a probability: a graft whose day-150 curve is the course of a 3 % relapse counts as eradicated, one with P(eradication) 0.85 does not', () => {
    const TEN = 'Osimertinib + IGF-1R inhibitor days 0–10';
    const FORTY = 'Osimertinib + IGF-1R inhibitor days 0–40';
    // P(eradication) at day 150 and the day-150 volume (mm3: the curve, 2000 = the relapse that happens with 1 - P)
    const course = (p10: number, v10: number, p40 = p10, v40 = v10, day10 = 20): ClaimResults =>
      synthetic((arm, series, day) => (series === 'tumourVolume' && day === 150 ? (arm === TEN ? v10 : v40) : 0), {
        [TEN]: { dayEradicated: day10, eradicationProbability: p10, volumeEnd: v10, igf1rToxicity: 10 },
        [FORTY]: { dayEradicated: 20, eradicationProbability: p40, volumeEnd: v40, igf1rToxicity: 40 },
      });
    // P 0.97 (the ensemble's 0.967-0.987) with the curve of its 3 % relapse at 2000 mm3: eradicated (the checks on
    // the day-150 volume read it as a relapse)
    expect(holds('S4.2', course(0.97, 2000))).toBe(true);
    expect(holds('S4.3', course(0.97, 2000))).toBe(true);
    // a graft that relapses in 15 % of mice is not "relapse almost completely prevented", whatever its curve
    expect(holds('S4.2', course(0.85, 0))).toBe(false);
    expect(holds('S4.3', course(0.97, 0, 0.85, 0))).toBe(false);
    // not gone while osimertinib runs (P first reaches 0.5 on day 45)
    expect(holds('S4.2', course(0.97, 0, 0.97, 0, 45))).toBe(false);
    // the 40-day arm gains little: 0.97 against 0.7 is not little (and S4.2 fails on the 10-day arm)
    expect(holds('S4.3', course(0.7, 0, 0.97, 0))).toBe(false);
  });

  it('S2.3 compares the combination with untreated NEAT1-high tumours, as seed 001 compares every arm with its control', () => {
    const tumours = (combination: number, monotherapy: number): ClaimResults =>
      synthetic((arm, series) => {
        if (series !== 'tumourVolume') return 1;
        if (arm === 'NEAT1-high, anti-PD-1 + anti-CD24') return combination;
        return arm === 'NEAT1-high, untreated' ? 100 : monotherapy;
      });
    // 0.75 x untreated, 0.87 x the monotherapies (86 mm3): lowered clearly against the control
    expect(holds('S2.3', tumours(75, 86))).toBe(true);
    // 0.82 x untreated is not a clear reduction, however the monotherapies fare
    expect(holds('S2.3', tumours(82, 120))).toBe(false);
  });

  it('S5.3 says the IL-6-deficient advantage is removed without CD8 T cells: close to the wild type (>= 0.85), not necessarily larger', () => {
    const metastases = (depleted: number, deficient: number): ClaimResults =>
      synthetic((arm, series) => {
        if (series !== 'tumourVolume') return 1;
        if (arm === 'IL-6 deficient, CD8 depleted') return depleted;
        return arm === 'IL-6 high, untreated' ? 1000 : deficient;
      });
    // depleted 0.9 x the wild type (a CD8-independent part of the advantage left), 3 x the undepleted: removed
    expect(holds('S5.3', metastases(900, 300))).toBe(true);
    // depleted 0.8 x the wild type: part of the advantage kept
    expect(holds('S5.3', metastases(800, 300))).toBe(false);
    // depletion that barely matters (1.2 x the undepleted) is not the study's finding
    expect(holds('S5.3', metastases(1000, 850))).toBe(false);
  });

  it('PGE2-patients reads plasma PGE2 against the treated tumour: it must fall in a responder and rise in a progressor', () => {
    const claim = claimById('PGE2-patients');
    if (!claim) throw new Error('no claim PGE2-patients');
    // day-0 plasma PGE2 50 pg/mL (wild type), 100 (mutant); the untreated wild type rises to 70 by day 180
    const course = (treatedVolume180: number, treatedPge2180: number): ClaimResults => ({
      at: (_s, arm, series, day) => {
        if (series === 'tumourVolume') return day === 0 ? 1e4 : arm.includes('atezo/bev') ? treatedVolume180 : 2e4;
        if (arm.startsWith('KEAP1')) return 100;
        if (day === 0) return 50;
        return arm.includes('atezo/bev') ? treatedPge2180 : 70;
      },
      ratio: () => Number.NaN,
      summary: () => {
        throw new Error('not read');
      },
    });
    const third = (v: number, p: number) => claim.evaluate(course(v, p)).checks[2];
    // responded (volume 0.1 x day 0): PGE2 must fall below 0.8 x
    expect(third(1e3, 35).holds).toBe(true);
    expect(third(1e3, 45).holds).toBe(false);
    // progressed (volume 2 x day 0): PGE2 must rise
    expect(third(2e4, 60).holds).toBe(true);
    expect(third(2e4, 45).holds).toBe(false);
    // stable, smaller (0.8 x): below day 0; stable, larger (1.2 x): not below it
    expect(third(8e3, 48).holds).toBe(true);
    expect(third(8e3, 52).holds).toBe(false);
    expect(third(1.2e4, 48).holds).toBe(false);
  });
});
