/**
 * Tolerance study (`npm run study:tolerance`): the loosest solver tolerance that changes nothing a user reads, per use.
 *
 * Candidates: rtol from 1e-3 to 1e-6, with the absolute tolerances scaled by the same factor from the defaults
 * (absoluteTolerances() at rtol 1e-6). Every candidate is compared with a run 100x tighter (rtol and atol / 100):
 *
 *  - trial (and ensembles of virtual patients): every patient's best overall response (RECIST category) and
 *    progression (whether it is an event, and the PFS day within one pixel of a 4K-wide survival curve over the
 *    trial's horizon: the PFS day is a real number since a death between assessments is placed by interpolation,
 *    so exact equality would ask for bit-identical doubles) on every arm must equal the tighter run's in >= 99.9 %
 *    of patient-arms. Trials: the calibration trial (IMbrave150 arms) and an 8-arm trial of the same drugs, seed 1.
 *  - explorer (interactive): every series of every preset and arm drawn on a 4K-wide chart (3840 px, and as tall as
 *    a 4K screen, 2160 px: the worst case) must be within one pixel of the tighter run's curve, on the chart's own
 *    axis (linear from 0 to 1.05x the largest value of the arms, or logarithmic over at most six decades, as
 *    src/charts/timeSeries.ts draws them). The time axis is the output grid itself (daily): exact.
 *
 * Prints a table per use, and the chosen tolerance (the loosest candidate that passes, and every tighter candidate
 * passes too). STUDY_PATIENTS (default 1000) sets the size of the 2-arm trial; the 8-arm trial has half as many.
 */
import { runCohortBlock } from '../src/model/cohort';
import type { SeriesName } from '../src/model/series';
import { SERIES_NAMES } from '../src/model/series';
import { simulateArm } from '../src/model/simulate';
import { integratorFor } from '../src/model/tolerances';
import { PRESETS, presetById } from '../src/scenario/catalogue/presets';
import type { Scenario } from '../src/scenario/types';

const CANDIDATES = [1e-3, 3e-4, 1e-4, 3e-5, 1e-5, 1e-6];
const PATIENTS = Number(process.env.STUDY_PATIENTS ?? 1000);
const PIXELS_HIGH = 2160;
const PIXELS_WIDE = 3840;
const TRIAL_AGREEMENT = 0.999;

const integrator = (rtol: number) => integratorFor(rtol);

function trials(): { name: string; scenario: Scenario }[] {
  const preset = presetById('imbrave150');
  if (!preset) throw new Error('preset imbrave150 missing');
  const base = preset.scenario;
  const cohort = { size: PATIENTS, seed: 1, cancer: 'hcc' as const, assessmentInterval: 42, pge2Cutoff: 3 };
  const [control, atezoBev, withCox] = base.arms;
  const atz = atezoBev.treatments.atezolizumab;
  const bev = atezoBev.treatments.bevacizumab;
  const eight = [
    control,
    atezoBev,
    withCox,
    { name: 'Atezo', inputs: {}, treatments: { atezolizumab: atz } },
    { name: 'Bev', inputs: {}, treatments: { bevacizumab: bev } },
    { name: 'Celecoxib', inputs: {}, treatments: { cox2i: withCox.treatments.cox2i } },
    {
      name: 'Atezo/bev half',
      inputs: {},
      treatments: { atezolizumab: atz, bevacizumab: bev && { ...bev, dose: bev.dose / 2 } },
    },
    {
      name: 'Atezo + celecoxib',
      inputs: {},
      treatments: { atezolizumab: atz, cox2i: withCox.treatments.cox2i },
    },
  ];
  return [
    { name: 'calibration trial, 2 arms', scenario: { ...base, arms: [atezoBev, withCox], cohort } },
    // half the patients on 8 arms: 4x the patient-arms of the calibration trial
    {
      name: '8 arms',
      scenario: { ...base, arms: eight as Scenario['arms'], cohort: { ...cohort, size: PATIENTS / 2 } },
    },
  ];
}

interface TrialRow {
  rtol: number;
  agreement: number;
  mismatches: number;
  patientArms: number;
  /** share of patient-arms with the very same doubles */
  identical: number;
  /** days */
  largestPfsDifference: number;
  /** days per pixel of a 4K-wide survival curve over the trial's horizon */
  pixelDays: number;
  cpuMs: number;
}

function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function trialStudy(scenario: Scenario): TrialRow[] {
  const size = scenario.cohort?.size ?? 0;
  return CANDIDATES.map((rtol) => {
    let run = runCohortBlock(scenario, 0, 0);
    const ms = cpuMs(() => {
      run = runCohortBlock(scenario, 0, size, integrator(rtol));
    });
    const ref = runCohortBlock(scenario, 0, size, integrator(rtol / 100));
    // the PFS day to a pixel of the survival curve on a 4K-wide chart of the trial's horizon
    const pixelDays = scenario.horizon / PIXELS_WIDE;
    let mismatches = 0;
    let patientArms = 0;
    let identical = 0;
    let largestPfsDifference = 0;
    run.arms.forEach((arm, a) => {
      const r = ref.arms[a];
      for (let i = 0; i < size; i++) {
        patientArms++;
        const difference = Math.abs(arm.pfsDays[i] - r.pfsDays[i]);
        largestPfsDifference = Math.max(largestPfsDifference, difference);
        if (arm.best[i] !== r.best[i] || difference > pixelDays || arm.progressed[i] !== r.progressed[i]) {
          mismatches++;
        }
        if (arm.best[i] === r.best[i] && difference === 0 && arm.progressed[i] === r.progressed[i]) identical++;
      }
    });
    return {
      rtol,
      agreement: 1 - mismatches / patientArms,
      mismatches,
      patientArms,
      identical: identical / patientArms,
      largestPfsDifference,
      pixelDays,
      cpuMs: ms,
    };
  });
}

/** Largest distance in pixels between the curves of `a` and `b` on the chart's axis (linear or log). */
function pixelError(a: Float64Array[], b: Float64Array[], log: boolean): number {
  let hi = 0;
  let lo = Number.POSITIVE_INFINITY;
  for (const values of b) {
    for (const v of values) {
      if (v > hi) hi = v;
      if (v > 0 && v < lo) lo = v;
    }
  }
  if (!(hi > 0)) return 0;
  let worst = 0;
  if (log) {
    lo = Math.max(lo, hi * 1e-6);
    if (hi / lo < 10) lo = hi / 10;
    const span = Math.log10(hi / lo);
    const y = (v: number) => Math.log10(Math.min(hi, Math.max(lo, v)) / lo) / span;
    a.forEach((values, k) => {
      for (let i = 0; i < values.length; i++) worst = Math.max(worst, Math.abs(y(values[i]) - y(b[k][i])));
    });
  } else {
    const top = hi * 1.05;
    a.forEach((values, k) => {
      for (let i = 0; i < values.length; i++) worst = Math.max(worst, Math.abs(values[i] - b[k][i]) / top);
    });
  }
  return worst * PIXELS_HIGH;
}

interface ExplorerRow {
  rtol: number;
  worstPixels: number;
  where: string;
  cpuMs: number;
}

function explorerStudy(): ExplorerRow[] {
  return CANDIDATES.map((rtol) => {
    let worst = 0;
    let where = '';
    let ms = 0;
    for (const preset of PRESETS) {
      const s = preset.scenario;
      let arms = s.arms.map(() => simulateArm(s, s.arms[0]));
      ms += cpuMs(() => {
        const solver = integrator(rtol);
        arms = s.arms.map((arm) => simulateArm(s, arm, { integrator: solver }));
      });
      const tight = integrator(rtol / 100);
      const refs = s.arms.map((arm) => simulateArm(s, arm, { integrator: tight }));
      for (const name of SERIES_NAMES as readonly SeriesName[]) {
        for (const log of name.endsWith('Volume') ? [false, true] : [false]) {
          const px = pixelError(
            arms.map((r) => r.series[name]),
            refs.map((r) => r.series[name]),
            log,
          );
          if (px > worst) {
            worst = px;
            where = `${preset.id} ${name}${log ? ' (log)' : ''}`;
          }
        }
      }
    }
    return { rtol, worstPixels: worst, where, cpuMs: ms };
  });
}

function loosestPassing<T extends { rtol: number }>(rows: T[], pass: (r: T) => boolean): number | null {
  // candidates go from loose to tight: the loosest one from which every tighter candidate passes too
  let chosen: number | null = null;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (!pass(rows[i])) break;
    chosen = rows[i].rtol;
  }
  return chosen;
}

const fmt = (x: number) => x.toExponential(0);
console.log(`Tolerance study: each rtol against a run 100x tighter (atol scaled with rtol)\n`);
const trialChoices: number[] = [];
for (const { name, scenario } of trials()) {
  const rows = trialStudy(scenario);
  console.log(
    `Trial (${name}), ${scenario.cohort?.size} patients: best response equal, progression day within a pixel of a 4K survival curve (${rows[0].pixelDays.toFixed(3)} days)`,
  );
  console.log('| rtol | patient-arms equal | mismatches | bit-identical | largest PFS difference | CPU time |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${fmt(r.rtol)} | ${(100 * r.agreement).toFixed(2)} % | ${r.mismatches} of ${r.patientArms} | ${(100 * r.identical).toFixed(1)} % | ${r.largestPfsDifference.toPrecision(2)} days | ${(r.cpuMs / 1000).toFixed(2)} s |`,
    );
  }
  const chosen = loosestPassing(rows, (r) => r.agreement >= TRIAL_AGREEMENT);
  console.log(`loosest passing (>= ${100 * TRIAL_AGREEMENT} %): ${chosen === null ? 'none' : fmt(chosen)}\n`);
  trialChoices.push(chosen ?? Math.min(...CANDIDATES));
}
console.log('Explorer (every preset, arm and series): largest curve distance on a 4K chart, pixels');
console.log('| rtol | largest distance | where | CPU time, all presets |');
console.log('|---|---|---|---|');
const explorer = explorerStudy();
for (const r of explorer) {
  console.log(`| ${fmt(r.rtol)} | ${r.worstPixels.toFixed(3)} px | ${r.where} | ${r.cpuMs.toFixed(1)} ms |`);
}
const interactive = loosestPassing(explorer, (r) => r.worstPixels <= 1);
console.log(`loosest passing (<= 1 px): ${interactive === null ? 'none' : fmt(interactive)}`);
console.log(
  `\nchosen: interactive ${interactive === null ? 'none' : fmt(interactive)}, trial ${fmt(Math.min(...trialChoices))}`,
);
