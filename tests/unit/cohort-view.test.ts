// Data preparation of the virtual-trial view: the pure parts of the Kaplan–Meier, waterfall and spider charts, the
// adapters from a cohort block and its statistics to chart data, the number formats, and the trial plan.
import { describe, expect, it } from 'vitest';
import { DAYS_PER_MONTH } from '../../src/charts/format';
import {
  bandPoints,
  kaplanMeierHeight,
  monthTicks,
  numberAtRisk,
  stepPoints,
  thinSteps,
} from '../../src/charts/kaplanMeier';
import { spiderDomain, spiderPoints } from '../../src/charts/spider';
import { barPaths, waterfallDomain, waterfallOrder } from '../../src/charts/waterfall';
import {
  armCurves,
  formatCount,
  formatMedian,
  formatP,
  formatRate,
  formatRatio,
  kmCurve,
  RESPONSE_COLOURS,
  spiderLines,
  splitEstimate,
  subgroupCurves,
  waterfallBars,
} from '../../src/components/cohort/chartData';
import { cohortStatistics, runCohortBlock } from '../../src/model/cohort';
import { RESPONSE_CODES, SPIDER_PATIENTS } from '../../src/scenario/catalogue/trial';
import { defaultCohort, defaultScenario } from '../../src/scenario/defaults';
import { COHORT_LIMITS } from '../../src/scenario/limits';
import type { Scenario } from '../../src/scenario/types';
import { censorMarks, kaplanMeier, survivalAt } from '../../src/stats';
import { calibrationScenario, clampCohort, planTrial, trialKey } from '../../src/store/cohort';
import { viewOfHash } from '../../src/store/view';

describe('Kaplan–Meier chart data', () => {
  const km = kaplanMeier([2, 3, 3, 5, 8, 8, 10], [1, 1, 0, 1, 0, 1, 0]);

  it('the step curve starts at (0, 1) and has one vertex per observed time, matching survivalAt', () => {
    const points = stepPoints(km.time, km.survival);
    expect(points[0]).toEqual([0, 1]);
    expect(points).toHaveLength(km.time.length + 1);
    for (const [t, s] of points.slice(1)) expect(s).toBeCloseTo(survivalAt(km, t), 12);
    // never increases
    for (let i = 1; i < points.length; i++) expect(points[i][1]).toBeLessThanOrEqual(points[i - 1][1]);
  });

  it('the confidence band starts closed at 1 and encloses the curve', () => {
    const band = bandPoints(km.time, km.lower, km.upper);
    expect(band[0]).toEqual([0, 1, 1]);
    band.slice(1).forEach(([, lo, hi], j) => {
      expect(lo).toBeLessThanOrEqual(km.survival[j] + 1e-12);
      expect(hi).toBeGreaterThanOrEqual(km.survival[j] - 1e-12);
    });
  });

  it('numbers at risk count the subjects whose time is at or after t', () => {
    const curve = { time: km.time, atRisk: km.atRisk, patients: 7 };
    const times = [2, 3, 3, 5, 8, 8, 10];
    for (const t of [0, 1, 2, 2.5, 3, 4, 8, 9, 10, 11]) {
      expect(numberAtRisk(curve, t)).toBe(times.filter((x) => x >= t).length);
    }
  });

  it('month ticks start at 0, cover the axis and stay few', () => {
    expect(monthTicks(17.7)).toEqual([0, 3, 6, 9, 12, 15]);
    expect(monthTicks(6)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(monthTicks(60)).toEqual([0, 12, 24, 36, 48, 60]);
    expect(monthTicks(0)).toEqual([0]);
    for (const max of [0.5, 3, 11, 24, 40, 100, 333]) expect(monthTicks(max).length).toBeLessThanOrEqual(9);
  });

  it('a step curve keeps the first and last vertex of each pixel column, so 10,000 steps draw as at most 2 per pixel', () => {
    const n = 10_000;
    const time = Array.from({ length: n }, (_, j) => 1 + (539 * j) / n);
    const survival = time.map((_, j) => 1 - (j + 1) / (n + 1));
    const points = stepPoints(time, survival);
    const x = (t: number) => (400 * t) / 540;
    const thin = thinSteps(points, x);
    expect(thin.length).toBeLessThanOrEqual(2 * 400 + 2);
    expect(thin[0]).toEqual([0, 1]);
    expect(thin[thin.length - 1]).toEqual(points[points.length - 1]);
    // every pixel column keeps its first and last step, and nothing is invented
    const kept = new Set(thin);
    for (const p of thin) expect(points).toContain(p);
    const byColumn = new Map<number, [number, number][]>();
    for (const p of points.slice(1)) {
      const c = Math.floor(x(p[0]));
      byColumn.set(c, [...(byColumn.get(c) ?? []), p]);
    }
    for (const column of byColumn.values()) {
      expect(kept.has(column[0])).toBe(true);
      expect(kept.has(column[column.length - 1])).toBe(true);
    }
    // a short curve is kept whole
    const few = stepPoints([30, 200, 400], [0.8, 0.5, 0.2]);
    expect(thinSteps(few, x)).toEqual(few);
  });

  it('the chart grows by one row per curve in the at-risk table', () => {
    expect(kaplanMeierHeight(300, 2, false)).toBe(300);
    expect(kaplanMeierHeight(300, 3, true) - kaplanMeierHeight(300, 2, true)).toBeGreaterThan(20);
  });
});

describe('waterfall data', () => {
  it('sorts from the largest growth to the deepest shrinkage, worse responses first on ties, dropping NaN', () => {
    const bars = waterfallOrder([-40, 0, 10, -100, 0, Number.NaN], [1, 2, 2, 0, 3, 2]);
    expect(bars.map((b) => b.change)).toEqual([10, 0, 0, -40, -100]);
    expect(bars.map((b) => b.category)).toEqual([2, 3, 2, 1, 0]);
  });

  it('keeps both reference lines in view and widens for larger growth', () => {
    expect(waterfallDomain([{ change: -50, category: 1 }])).toEqual([-100, 30]);
    const [lo, hi] = waterfallDomain([{ change: 72, category: 3 }]);
    expect(lo).toBe(-100);
    expect(hi).toBeGreaterThanOrEqual(72);
  });

  it('draws one sub-path per bar in its category, zero bars as a visible stub', () => {
    const bars = waterfallOrder([0, -30, -100, -100], [3, 1, 0, 0]);
    const y = (v: number) => 100 - v; // 0 -> 100
    const paths = barPaths(bars, 4, 0, 400, y);
    expect(paths).toHaveLength(4);
    expect(paths[0].match(/M/g)).toHaveLength(2);
    expect(paths[1].match(/M/g)).toHaveLength(1);
    expect(paths[2]).toBe('');
    expect(paths[3]).toMatch(/^M0\.00,99\.0h/); // stub from 99 to 101 around the zero line
  });
  it("bars narrower than a pixel are merged per pixel column, keeping each category's width and reach", () => {
    const n = 10_000;
    const change = Array.from({ length: n }, (_, i) => 60 - (160 * i) / n + ((i * 7919) % 13) - 6);
    const category = change.map((c, i) => (c > 20 ? 3 : c < -30 ? (i % 5 === 0 ? 2 : 1) : 2));
    const bars = waterfallOrder(change, category);
    const y = (v: number) => 100 - v;
    const paths = barPaths(bars, 4, 0, 400, y);
    const rects = paths.map((p) =>
      [...p.matchAll(/M([\d.-]+),([\d.-]+)h([\d.-]+)V([\d.-]+)/g)].map((m) => ({
        x: Number(m[1]),
        top: Number(m[2]),
        width: Number(m[3]),
        bottom: Number(m[4]),
      })),
    );
    const pieces = rects.reduce((s, r) => s + r.length, 0);
    console.log(`${n} bars on 400 px: ${pieces} rectangles`);
    expect(pieces).toBeLessThan(400 * 4);
    for (let c = 0; c < 4; c++) {
      const own = bars.filter((b) => b.category === c);
      const width = rects[c].reduce((s, r) => s + r.width, 0);
      expect(width).toBeCloseTo((own.length * 400) / n, 0);
      if (own.length === 0) continue;
      expect(Math.min(...rects[c].map((r) => r.top))).toBeCloseTo(
        Math.min(...own.map((b) => y(Math.max(0, b.change)))),
        0,
      );
      expect(Math.max(...rects[c].map((r) => r.bottom))).toBeCloseTo(
        Math.max(...own.map((b) => y(Math.min(0, b.change)))),
        0,
      );
      // no rectangle is wider than a pixel column
      for (const r of rects[c]) expect(r.width).toBeLessThanOrEqual(1.01);
    }
  });
});

describe('spider data', () => {
  it('samples the trace on the assessment days and stops at the end day', () => {
    const trace = [0, -10, -20, 15, 40];
    const days = [0, 42, 84, 126, 150];
    expect(spiderPoints(trace, days, Number.POSITIVE_INFINITY)).toEqual({ time: days, change: trace });
    expect(spiderPoints(trace, days, 126)).toEqual({ time: [0, 42, 84, 126], change: [0, -10, -20, 15] });
  });

  it('the y axis runs from −100 % to at least +50 %', () => {
    expect(spiderDomain([{ change: [0, -50] }])).toEqual([-100, 50]);
    expect(spiderDomain([{ change: [0, 73] }])).toEqual([-100, 80]);
  });
});

describe('trial adapters', () => {
  const scenario: Scenario = { ...calibrationScenario(), cohort: { ...defaultCohort(), size: 12 } };
  const block = runCohortBlock(scenario, 0, 12);
  const statistics = cohortStatistics(scenario, block);

  it('one curve per arm with the arm name, its explorer colour, all patients at risk at 0', () => {
    const curves = armCurves(statistics, [0, 3]);
    expect(curves.map((c) => c.label)).toEqual(scenario.arms.map((a) => a.name));
    expect(curves[1].colour).not.toBe(curves[0].colour);
    for (const c of curves) expect(numberAtRisk(c, 0)).toBe(12);
  });

  it('censoring marks sit on the curve', () => {
    const km = kaplanMeier([1, 2, 2, 4], [1, 0, 1, 0]);
    const curve = kmCurve('k', 'K', { ...km, censor: censorMarks(km) }, { colour: '#000', dash: '' });
    expect(Array.from(curve.censor.time)).toEqual([2, 4]);
    Array.from(curve.censor.time).forEach((t, i) => {
      expect(curve.censor.survival[i]).toBeCloseTo(survivalAt(km, t), 12);
    });
  });

  it('biomarker curves: high and low of one arm, partitioning the arm', () => {
    const nrf2 = statistics.biomarkers.findIndex((b) => b.name === 'NRF2');
    const curves = subgroupCurves(statistics, nrf2, 1, { high: 'hi', low: 'lo' });
    const total = curves.reduce((n, c) => n + c.patients, 0);
    expect(total).toBe(12);
    expect(curves.every((c) => ['hi', 'lo'].includes(c.label))).toBe(true);
  });

  it('waterfall bars: every evaluable patient once (NE left out), sorted, coloured by best response', () => {
    const bars = waterfallBars(block, 0);
    const evaluable = Array.from(block.arms[0].best).filter((b) => RESPONSE_CODES[b] !== 'NE').length;
    expect(bars).toHaveLength(evaluable);
    for (let i = 1; i < bars.length; i++) expect(bars[i].change).toBeLessThanOrEqual(bars[i - 1].change);
    expect(Object.keys(RESPONSE_COLOURS)).toEqual(['CR', 'PR', 'SD', 'PD', 'NE']);
    expect(new Set(Object.values(RESPONSE_COLOURS)).size).toBe(5);
  });

  it('a not-evaluable patient has no waterfall bar', () => {
    const arm = block.arms[0];
    const withNe = {
      ...block,
      arms: [{ ...arm, best: Uint8Array.from(arm.best, (b, i) => (i === 0 ? RESPONSE_CODES.indexOf('NE') : b)) }],
    };
    const before = waterfallBars(block, 0).length;
    const wasEvaluable = RESPONSE_CODES[arm.best[0]] !== 'NE';
    expect(waterfallBars(withNe, 0)).toHaveLength(wasEvaluable ? before - 1 : before);
  });

  it('spider lines: the kept patients, ending at progression', () => {
    const days = Array.from({ length: block.arms[0].spider[0].length }, (_, k) => k * 42);
    const lines = spiderLines(block, 0, days);
    expect(lines).toHaveLength(Math.min(12, SPIDER_PATIENTS));
    lines.forEach((line, p) => {
      const last = line.time[line.time.length - 1];
      if (block.arms[0].progressed[p]) expect(last).toBe(block.arms[0].pfsDays[p]);
      else expect(line.time).toHaveLength(days.length);
    });
  });
});

describe('number formats', () => {
  it('rates, medians in months, ratios and p-values', () => {
    expect(formatRate({ estimate: 0.3, lower: 0.181, upper: 0.4537, level: 0.95 })).toBe('30.0 % (18.1–45.4)');
    expect(formatMedian({ median: 210, lower: 126, upper: null }, 'NR')).toBe(
      `${(210 / DAYS_PER_MONTH).toFixed(1)} (${(126 / DAYS_PER_MONTH).toFixed(1)}–NR)`,
    );
    expect(formatMedian({ median: null, lower: null, upper: null }, 'NR')).toBe('NR (NR–NR)');
    expect(formatRatio(0.4144, 0.2693, 0.6378)).toBe('0.41 (0.27–0.64)');
    expect(formatP(0.00002)).toBe('< 0.001');
    expect(formatP(0.0042)).toBe('0.004');
    expect(formatP(0.318)).toBe('0.32');
    expect(formatP(Number.NaN)).toBe('–');
    expect(formatCount(10000)).toBe('10,000');
    expect(splitEstimate('30.0 % (18.1–45.4)')).toEqual(['30.0 %', '(18.1–45.4)']);
    expect(splitEstimate('reference')).toEqual(['reference', '']);
  });
});

describe('trial plan', () => {
  it('needs the hcc-patient setting and two arms, and offers the calibration trial', () => {
    const mouse = defaultScenario('hcc-mouse');
    expect(planTrial(mouse, [{ key: 1, slot: 0 }]).problem).toEqual({ kind: 'setting' });
    const oneArm = defaultScenario('hcc-patient');
    expect(planTrial(oneArm, [{ key: 1, slot: 0 }]).problem).toEqual({ kind: 'arms', count: 1 });
    const calibration = calibrationScenario();
    expect(calibration.setting).toBe('hcc-patient');
    expect(calibration.arms.map((a) => a.name)).toEqual(['Atezo/bev', 'Atezo/bev + celecoxib']);
    expect(calibration.cohort?.size).toBe(500);
    const plan = planTrial(calibration, [
      { key: 1, slot: 0 },
      { key: 2, slot: 4 },
    ]);
    expect(plan.problem).toBeNull();
    expect(plan.slots).toEqual([0, 4]);
  });

  it('leaves hidden arms out, as the explorer does', () => {
    const s = calibrationScenario();
    s.arms.push({ ...s.arms[0], name: 'hidden', hidden: true });
    const plan = planTrial(
      s,
      [0, 1, 2].map((i) => ({ key: i, slot: i })),
    );
    expect(plan.scenario.arms).toHaveLength(2);
    expect(plan.hiddenArms).toBe(1);
  });

  it('settings are clamped to the limits; the cut-off alone does not make a new trial', () => {
    const c = clampCohort({ size: 123456, seed: -3, cancer: 'lusc', assessmentInterval: 43.4, pge2Cutoff: 0 });
    expect(c).toEqual({
      size: COHORT_LIMITS.size.max,
      seed: 0,
      cancer: 'lusc',
      assessmentInterval: 43,
      pge2Cutoff: COHORT_LIMITS.pge2Cutoff.min,
    });
    const s = calibrationScenario();
    const cut = { ...s, cohort: { ...defaultCohort(), pge2Cutoff: 7 } };
    const bigger = { ...s, cohort: { ...defaultCohort(), size: 600 } };
    expect(trialKey(cut)).toBe(trialKey(s));
    expect(trialKey(bigger)).not.toBe(trialKey(s));
  });

  it('the view comes from the address fragment', () => {
    expect(viewOfHash('#trial')).toBe('trial');
    expect(viewOfHash('#explorer')).toBe('explorer');
    expect(viewOfHash('')).toBe('explorer');
    expect(viewOfHash('#charts')).toBe('explorer');
  });
});
