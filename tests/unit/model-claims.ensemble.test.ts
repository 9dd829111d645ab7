/**
 * The claims that survive their uncertainty: each claim below holds in at least 80 % of 200 plausible parameter sets
 * (every parameter drawn jointly within x0.7–1.3 of its value or its documented range, whichever is narrower, half of
 * the draws on each side of the value; seed 1; src/model/ensemble.ts). A claim joins this list when it passes the bar; claims that do not yet pass are listed with
 * their current figures in docs/model.md ("Robustness of the claims"), never here with a lower bar.
 */
import { describe, expect, it } from 'vitest';
import { CLAIMS, claimById } from '../../src/science/claims';
import {
  measureRobustness,
  ROBUSTNESS_BAR,
  ROBUSTNESS_DRAWS,
  ROBUSTNESS_SEED,
  type RobustnessReport,
} from '../../src/science/robustness';

const ROBUST_CLAIMS = [
  'S1.1',
  'S1.3',
  'S1.4',
  'S1.5',
  'S2.1',
  'S2.2',
  'S2.3',
  'S2.4',
  'CD24-M1',
  'S3.1',
  'PGE2-patients',
  'NEAT1-plasma',
  'S4.1',
  'S4.2',
  'S4.3',
  'S4.4',
  'S5.1',
  'claim 6',
  'S5.2',
  'S5.3',
  'S5.4',
  'S5.5',
  'FLAURA-lung',
];

let report: RobustnessReport | undefined;
/** One ensemble run of the listed claims' arms, shared by the tests below. */
function ensemble(): RobustnessReport {
  report ??= measureRobustness({
    draws: ROBUSTNESS_DRAWS,
    seed: ROBUSTNESS_SEED,
    claims: ROBUST_CLAIMS.map((id) => {
      const c = claimById(id);
      if (!c) throw new Error(`no claim ${id}`);
      return c;
    }),
  });
  return report;
}

/** A claim of the science summary: all its assertions (each tested above) hold together in >= 80 % of the sets. */
function expectSeedClaim(n: number): void {
  const parts = CLAIMS.filter((c) => c.seedClaims.includes(n)).map((c) => c.id);
  expect(
    parts.filter((id) => !ROBUST_CLAIMS.includes(id)),
    `assertions of claim ${n} not run together`,
  ).toEqual([]);
  const row = ensemble().seedClaims.find((s) => s.claim === n);
  expect(row?.fraction.estimate ?? 0, `claim ${n}: ${row?.holds}/${row?.draws}`).toBeGreaterThanOrEqual(ROBUSTNESS_BAR);
}

describe(`claims hold in >= ${100 * ROBUSTNESS_BAR} % of ${ROBUSTNESS_DRAWS} plausible parameter sets`, () => {
  it('the ensemble has at least 200 draws and the bar is 80 %', () => {
    expect(ROBUSTNESS_DRAWS).toBeGreaterThanOrEqual(200);
    expect(ROBUSTNESS_BAR).toBe(0.8);
  });

  for (const id of ROBUST_CLAIMS) {
    const claim = claimById(id);
    it(`${id} ${claim?.text.en ?? '(missing claim)'}: holds in >= 80 % of plausible parameter sets`, () => {
      const row = ensemble().claims.find((c) => c.id === id);
      expect(row?.draws).toBe(ROBUSTNESS_DRAWS);
      expect(row?.fraction.estimate ?? 0, `${id}: ${row?.holds}/${row?.draws}`).toBeGreaterThanOrEqual(ROBUSTNESS_BAR);
    });
  }

  it('claim 3: NEAT1-high tumours grow faster with fewer M1 (all its assertions together) in >= 80 % of parameter sets', () => {
    expectSeedClaim(3);
  });

  it('claim 2: a COX-2 inhibitor restores the response of NRF2-high tumours (all its assertions together) in >= 80 % of parameter sets', () => {
    expectSeedClaim(2);
  });

  it('claim 4: anti-PD-1 alone and anti-CD24 alone leave NEAT1-high tumours close to untreated and the combination lowers them clearly (all its assertions together) in >= 80 % of parameter sets', () => {
    expectSeedClaim(4);
  });

  it('claim 5: osimertinib alone relapses and 10 days of IGF-1R inhibition with it eradicate (all its assertions together) in >= 80 % of parameter sets', () => {
    expectSeedClaim(5);
  });

  it('claim 6: with IL-6 low, priming and PD-L1 are higher and anti-PD-L1 works (all its assertions together) in >= 80 % of parameter sets', () => {
    expectSeedClaim(6);
  });

  it('claim 7: every output of these runs stays finite and non-negative in every plausible parameter set', () => {
    const row = ensemble().seedClaims.find((s) => s.claim === 7);
    expect(row?.holds).toBe(ROBUSTNESS_DRAWS);
  });
});

/**
 * Claims that hold in >= 80 % of the plausible draws only: the first 200 draws whose untreated graft grows as measured
 * control grafts grow (src/science/plausibility.ts; the criterion and its sources in docs/model.md, "Plausible
 * models"). Over all draws these claims are below the bar; the figures of both are in docs/model.md.
 */
const PLAUSIBLE_ONLY_CLAIMS = ['S1.2', 'claim 1'];
/** claims of the science summary that hold as a whole over the plausible draws too (their assertions, run together) */
const PLAUSIBLE_SEED_CLAIMS = [4];

let plausibleReport: RobustnessReport | undefined;
function plausibleEnsemble(): RobustnessReport {
  plausibleReport ??= measureRobustness({
    draws: 1,
    plausibleDraws: ROBUSTNESS_DRAWS,
    seed: ROBUSTNESS_SEED,
    claims: [
      ...PLAUSIBLE_ONLY_CLAIMS,
      ...CLAIMS.filter((c) => c.seedClaims.some((n) => PLAUSIBLE_SEED_CLAIMS.includes(n))).map((c) => c.id),
    ].map((id) => {
      const c = claimById(id);
      if (!c) throw new Error(`no claim ${id}`);
      return c;
    }),
  });
  return plausibleReport;
}

describe(`claims hold in >= ${100 * ROBUSTNESS_BAR} % of ${ROBUSTNESS_DRAWS} plausible draws (control grafts grow as measured)`, () => {
  for (const id of PLAUSIBLE_ONLY_CLAIMS) {
    const claim = claimById(id);
    it(`${id} ${claim?.text.en ?? '(missing claim)'}: holds in >= 80 % of the draws whose untreated graft grows as measured`, () => {
      const row = plausibleEnsemble().claims.find((c) => c.id === id);
      expect(row?.plausible.filtered, `${id} has a plausibility criterion`).toBe(true);
      expect(row?.plausible.draws).toBe(ROBUSTNESS_DRAWS);
      expect(
        row?.plausible.fraction.estimate ?? 0,
        `${id}: ${row?.plausible.holds}/${row?.plausible.draws}`,
      ).toBeGreaterThanOrEqual(ROBUSTNESS_BAR);
    });
  }

  it('claim 4: anti-PD-1 alone and anti-CD24 alone leave NEAT1-high tumours close to untreated and the combination lowers them clearly (all its assertions together) in >= 80 % of the draws whose untreated graft grows as measured', () => {
    const row = plausibleEnsemble().seedClaims.find((s) => s.claim === 4);
    expect(row?.plausible.filtered, 'claim 4 has a plausibility criterion').toBe(true);
    expect(row?.plausible.draws).toBe(ROBUSTNESS_DRAWS);
    expect(
      row?.plausible.fraction.estimate ?? 0,
      `claim 4: ${row?.plausible.holds}/${row?.plausible.draws}`,
    ).toBeGreaterThanOrEqual(ROBUSTNESS_BAR);
  });
});
