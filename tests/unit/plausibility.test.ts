/**
 * Plausible models: a draw of the ensemble is kept only where its untreated graft grows as measured control grafts
 * grow (src/science/plausibility.ts; docs/model.md, "Plausible models").
 */
import { describe, expect, it } from 'vitest';
import { type EnsembleDraw, ensembleDraw } from '../../src/model';
import { claimById } from '../../src/science/claims';
import {
  acceptedBand,
  controlVolume,
  PLAUSIBILITY_CRITERIA,
  plausibilityCriterion,
  plausibleSettings,
  withinBand,
} from '../../src/science/plausibility';
import { measureRobustness } from '../../src/science/robustness';

/** The median draw with one parameter moved to quantile u. */
function withQuantile(id: string, u: number): EnsembleDraw {
  const base = ensembleDraw(1, 0);
  const quantiles = Object.fromEntries(Object.keys(base.quantiles).map((k) => [k, k === id ? u : 0.5]));
  return { ...base, quantiles: quantiles as EnsembleDraw['quantiles'] };
}

describe('plausible models: the control graft of a draw grows as measured control grafts grow', () => {
  it('each mouse setting whose grafts are measured has one criterion, with its measurement and the reason for its tolerance', () => {
    expect(PLAUSIBILITY_CRITERIA.map((c) => c.setting).sort()).toEqual(['crc-liver', 'hcc-mouse', 'lung-egfr']);
    for (const c of PLAUSIBILITY_CRITERIA) {
      expect(c.source, c.setting).toMatch(/mean( ± SD,)? (of )?n = \d+/);
      expect(c.tolerance, c.setting).toMatch(/^chosen: /);
      expect(c.factor).toBeGreaterThan(1);
      expect(acceptedBand(c).low).toBeCloseTo(c.target / c.factor, 9);
    }
    expect(plausibilityCriterion('hcc-patient')).toBeUndefined();
    expect(plausibilityCriterion('lung-patient')).toBeUndefined();
  });

  it('the default point (the median draw) is plausible in every setting with a criterion', () => {
    for (const c of PLAUSIBILITY_CRITERIA) {
      const v = controlVolume(c);
      expect(withinBand(c, v), `${c.setting}: ${v} mm³`).toBe(true);
      expect(controlVolume(c, withQuantile('sensitiveGrowthRate', 0.5))).toBeCloseTo(v, 6);
    }
  });

  it('a graft growing at either end of its plausible growth rate is rejected', () => {
    for (const c of PLAUSIBILITY_CRITERIA.filter((x) => x.setting !== 'lung-egfr')) {
      const slow = controlVolume(c, withQuantile('sensitiveGrowthRate', 0));
      const fast = controlVolume(c, withQuantile('sensitiveGrowthRate', 0.999));
      expect(slow).toBeLessThan(acceptedBand(c).low);
      expect(fast).toBeGreaterThan(acceptedBand(c).high);
      expect(plausibleSettings(withQuantile('sensitiveGrowthRate', 0.999)).get(c.setting)).toBe(false);
    }
  });

  it('the EGFR-mutant xenograft grows faster than the measured HCC827 control at its default, so only its fastest grafts are rejected', () => {
    const c = plausibilityCriterion('lung-egfr');
    if (!c) throw new Error('no lung-egfr criterion');
    // the measured control's 10-day fold (2.67) is below the default graft's: the slowest drawn graft is still accepted
    expect(controlVolume(c) / c.target).toBeGreaterThan(1.2);
    expect(withinBand(c, controlVolume(c, withQuantile('sensitiveGrowthRate', 0)))).toBe(true);
    expect(controlVolume(c, withQuantile('sensitiveGrowthRate', 0.999))).toBeGreaterThan(acceptedBand(c).high);
    expect(plausibleSettings(withQuantile('sensitiveGrowthRate', 0.999)).get('lung-egfr')).toBe(false);
  });

  it('the plausible figure counts exactly the accepted draws asked for, drawing more where needed, and is reproducible', () => {
    const claim = claimById('S5.1');
    if (!claim) throw new Error('no claim S5.1');
    const a = measureRobustness({ draws: 6, seed: 3, claims: [claim], plausibleDraws: 5 });
    const b = measureRobustness({ draws: 6, seed: 3, claims: [claim], plausibleDraws: 5 });
    const row = a.claims[0];
    expect(row.draws).toBe(6);
    expect(row.plausible.filtered).toBe(true);
    expect(row.plausible.draws).toBe(5);
    const acc = a.acceptance.find((x) => x.setting === 'crc-liver');
    expect(acc?.acceptedAll).toBeGreaterThanOrEqual(5);
    expect(acc?.drawsAll).toBeGreaterThanOrEqual(5);
    expect(b).toEqual(a);
  });
});
