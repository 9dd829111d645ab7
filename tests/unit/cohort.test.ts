import { describe, expect, it } from 'vitest';
import {
  assessRecist,
  COHORT_DISTRIBUTIONS,
  type CohortBlock,
  cohortStatistics,
  diameterOf,
  mergeBlocks,
  runCohortBlock,
  sampleLungPatients,
  samplePatients,
} from '../../src/model/cohort';
import { presetById } from '../../src/scenario/catalogue/presets';
import { NRF2_ACTIVE_SHARE } from '../../src/scenario/catalogue/trial';
import type { CohortSettings, Scenario } from '../../src/scenario/types';

const cm3 = (d: number) => (Math.PI * d ** 3) / 6; // volume of a sphere of diameter d mm, mm3

describe('RECIST 1.1 from tumour volume', () => {
  it('converts volume to diameter by the cube root (sphere): 1 cm3 is a 12.4 mm lesion', () => {
    expect(diameterOf(1000)).toBeCloseTo(12.407, 3);
    expect(diameterOf(cm3(30))).toBeCloseTo(30, 9);
    expect(diameterOf(0)).toBe(0);
  });

  it('partial response: diameter down at least 30 % from baseline, confirmed at the next assessment', () => {
    const days = [0, 42, 84, 126];
    const r = assessRecist(days, [cm3(40), cm3(27.9), cm3(27), cm3(26)]);
    expect(r.best).toBe('PR');
    expect(r.bestChange).toBeCloseTo(-35, 6);
    expect(r.progressed).toBe(false);
    expect(r.pfsDays).toBe(126);
  });

  it('an unconfirmed partial response (the next scan is back above -30 %) counts as stable disease', () => {
    const r = assessRecist([0, 42, 84], [cm3(40), cm3(27), cm3(30)]);
    expect(r.best).toBe('SD');
  });

  it('-29 % is stable disease, not a partial response', () => {
    expect(assessRecist([0, 42, 84], [cm3(40), cm3(28.4), cm3(28.4)]).best).toBe('SD');
  });

  it('progression: up at least 20 % and 5 mm from the nadir; PFS is the day of that assessment', () => {
    // PR from day 42 (20 mm, -33 %), confirmed on day 84; nadir 20 mm; 24 mm on day 126 is +20 % but only +4 mm:
    // not yet; 25.5 mm on day 168 is +27.5 % and +5.5 mm
    const r = assessRecist([0, 42, 84, 126, 168], [cm3(30), cm3(20), cm3(20.5), cm3(24), cm3(25.5)]);
    expect(r.progressed).toBe(true);
    expect(r.pfsDays).toBe(168);
    expect(r.best).toBe('PR');
  });

  it('progression at the first assessment is best response PD', () => {
    const r = assessRecist([0, 42, 84], [cm3(30), cm3(37), cm3(45)]);
    expect(r.best).toBe('PD');
    expect(r.pfsDays).toBe(42);
    // the waterfall shows growth: the best change of a tumour that only grew is positive
    expect(r.bestChange).toBeCloseTo(23.33, 2);
  });

  it('complete response: the lesion is no longer measurable (< 1 mm) on two assessments', () => {
    expect(assessRecist([0, 42, 84], [cm3(30), 0, 0]).best).toBe('CR');
    expect(assessRecist([0, 42, 84], [cm3(30), 0, cm3(0.5)]).best).toBe('CR');
  });

  it('a lesion that reappears (5 mm) after disappearing is progression; the unconfirmed CR does not count', () => {
    const r = assessRecist([0, 42, 84], [cm3(30), 0, cm3(5)]);
    expect(r.progressed).toBe(true);
    expect(r.pfsDays).toBe(84);
    expect(r.best).toBe('SD');
  });
});

describe('virtual patients', () => {
  const settings: CohortSettings = { size: 2000, seed: 7, cancer: 'hcc', assessmentInterval: 42, pge2Cutoff: 100 };

  it('are reproducible from the seed, and patient i is the same whatever the cohort size', () => {
    const a = samplePatients(settings);
    const b = samplePatients(settings);
    expect(a).toEqual(b);
    expect(samplePatients({ ...settings, size: 10 })).toEqual(a.slice(0, 10));
    expect(samplePatients({ ...settings, seed: 8 })[0]).not.toEqual(a[0]);
  });

  it('drawn from patient k on (a late block of a trial) are the same patients as in the whole cohort', () => {
    const all = samplePatients(settings);
    expect(samplePatients(settings, 'low', undefined, undefined, 1500)).toEqual(all.slice(1500));
    expect(samplePatients({ ...settings, size: 1600 }, 'low', undefined, undefined, 1500)).toEqual(
      all.slice(1500, 1600),
    );
    const lung = { ...settings, cancer: 'lung' as const };
    const inputs = { nrf2: 0, neat1: 0, il6: 0.1, axl: 'low' as const, cd8Depleted: false, egfr: 'mutant' as const };
    expect(sampleLungPatients(lung, inputs, undefined, undefined, 1990)).toEqual(
      sampleLungPatients(lung, inputs).slice(1990),
    );
  });

  it('are NRF2-active with the prevalence of the cancer type (HCC 36.1 %, lung SCC 19.6 %; seed 002, Iseda 2021)', () => {
    for (const cancer of ['hcc', 'lusc', 'pan-cancer'] as const) {
      const patients = samplePatients({ ...settings, cancer, size: 4000 });
      const share = patients.filter((p) => p.nrf2Active).length / patients.length;
      const expected = NRF2_ACTIVE_SHARE[cancer].share;
      expect(Math.abs(share - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / patients.length));
    }
  });

  it('have inputs in range and baseline tumours within the documented bounds', () => {
    for (const p of samplePatients(settings)) {
      expect(p.inputs.nrf2).toBeGreaterThanOrEqual(0);
      expect(p.inputs.nrf2).toBeLessThanOrEqual(1);
      expect(p.inputs.il6).toBeLessThanOrEqual(1);
      expect(p.inputs.nrf2 >= 0.7).toBe(p.nrf2Active);
      expect(p.baselineCells).toBeGreaterThanOrEqual(COHORT_DISTRIBUTIONS.baselineCells[0]);
      expect(p.baselineCells).toBeLessThanOrEqual(COHORT_DISTRIBUTIONS.baselineCells[1]);
    }
  });
});

/** The calibration preset "HCC, atezolizumab + bevacizumab" (arms: atezo/bev, + celecoxib) with a given size and seed. */
function trial(size: number, seed: number): { scenario: Scenario; block: CohortBlock } {
  const preset = presetById('hcc-atezo-bev-trial');
  if (!preset?.scenario.cohort) throw new Error('calibration preset missing');
  const scenario: Scenario = { ...preset.scenario, cohort: { ...preset.scenario.cohort, size, seed } };
  return { scenario, block: runCohortBlock(scenario, 0, size) };
}

describe('a cohort run', () => {
  it('gives the same result in blocks as in one piece (the worker pool splits the cohort)', () => {
    const { scenario, block } = trial(24, 3);
    const merged = mergeBlocks([runCohortBlock(scenario, 12, 24), runCohortBlock(scenario, 0, 12)]);
    expect(Array.from(merged.arms[0].pfsDays)).toEqual(Array.from(block.arms[0].pfsDays));
    expect(Array.from(merged.arms[1].best)).toEqual(Array.from(block.arms[1].best));
    expect(Array.from(merged.baselinePge2)).toEqual(Array.from(block.baselinePge2));
    expect(merged.arms[0].spider).toHaveLength(24);
  });
});

describe('biomarker directions on atezolizumab + bevacizumab (seed 000), preset "HCC, atezolizumab + bevacizumab"', () => {
  // 600 virtual patients; the calibrated profile itself is tested on the IMbrave150 trial (trial-calibration.test.ts)
  const { scenario, block } = trial(600, 1);
  const stats = cohortStatistics(scenario, block);

  it('NRF2-high patients progress sooner and respond less', () => {
    const nrf2 = stats.biomarkers.find((b) => b.name === 'NRF2');
    const high = nrf2?.high.arms[0];
    const low = nrf2?.low.arms[0];
    expect(high?.orr.estimate ?? 1).toBeLessThan(low?.orr.estimate ?? 0);
    // a median that is not reached (null) is longer than any reached one
    expect(high?.medianPfs.median ?? Number.POSITIVE_INFINITY).toBeLessThan(
      low?.medianPfs.median ?? Number.POSITIVE_INFINITY,
    );
    expect(nrf2?.logRankP[0]).toBeLessThan(0.01);
  });

  it('PGE2-high patients (baseline plasma PGE2 above the cut-off) progress sooner', () => {
    const pge2 = stats.biomarkers.find((b) => b.name === 'PGE2');
    expect(pge2?.high.arms[0].medianPfs.median ?? Number.POSITIVE_INFINITY).toBeLessThan(
      pge2?.low.arms[0].medianPfs.median ?? Number.POSITIVE_INFINITY,
    );
    expect(pge2?.logRankP[0]).toBeLessThan(0.01);
  });

  it('adding a COX-2 inhibitor lengthens PFS (hazard ratio below 1, log-rank p < 0.01)', () => {
    const c = stats.comparisons[0];
    expect(c.cox.hazardRatio).toBeLessThan(1);
    expect(c.cox.upper).toBeLessThan(1);
    expect(c.logRank.pValue).toBeLessThan(0.01);
  });
});
