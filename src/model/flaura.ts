/**
 * The first-line osimertinib trial the patient-scale EGFR-mutant lung setting is calibrated to (FLAURA: Soria et al.,
 * NEJM 2018, osimertinib arm n = 279: objective response 80 %, median progression-free survival 18.9 months), as a
 * small virtual trial: virtual patients around the setting's parameters, osimertinib 80 mg daily, one target lesion
 * assessed by RECIST 1.1 (assessRecist of the HCC trial) every 6 weeks. scripts/fit-flaura.ts fits the setting's two
 * free parameters to the two figures with this code; docs/model.md ("EGFR-mutant lung, patient") gives the loss and
 * the result. Pure: no I/O.
 */
import { DAYS_PER_MONTH } from '../scenario/catalogue/calendar';
import type { Scenario } from '../scenario/types';
import { createRandom, kaplanMeier, medianSurvival } from '../stats';
import { assessRecist } from './cohort';
import type { ModelParameters } from './parameters';
import { settingParameters } from './settings';
import { simulate } from './simulate';

/**
 * The trial's figures (Soria 2018; overall survival 38.6 months, Ramalingam 2020, is not modelled: no death), and the
 * two growth rates of the median patient measured by CT volumetry: untreated lung adenocarcinoma doubles in a median
 * 191 days (Mackintosh 2014), and EGFR-mutant tumours regrow after their nadir on a first-line EGFR inhibitor with a
 * log-volume slope of 0.096/month (Nishino 2016). The model's growth rates are gross of immune killing, so they are
 * fitted to these net rates rather than set to them.
 */
export const FLAURA_TARGETS = {
  orr: 0.8,
  medianPfsMonths: 18.9,
  untreatedDoublingDays: 191,
  regrowthPerMonth: 0.096,
} as const;

/**
 * Between-patient variation (chosen: lognormal multipliers with median 1; no per-patient data are published). The
 * osimertinib kill varies as the depth of response does; the share of cells it does not kill varies most, as
 * co-occurring alterations (TP53, MET, PIK3CA) do between tumours.
 */
export const FLAURA_POPULATION = {
  killLogSd: 0.5,
  resistantLogSd: 1,
  growthLogSd: 0.3,
  /** target lesion at baseline: median 30 cm3 (3e10 cells), SD of log 0.5 */
  baselineCellsMedian: 3e10,
  baselineLogSd: 0.5,
  /** tumour assessments every 6 weeks (chosen: RECIST's usual interval), 3 years */
  assessmentDays: 42,
  horizonDays: 1092,
} as const;

export interface FlauraPatient {
  overrides: Partial<ModelParameters>;
  baselineCells: number;
}

/** Virtual patients around `base` (the setting's parameters, with any changes being fitted), reproducible by seed. */
export function flauraPatients(n: number, seed: number, base: Readonly<ModelParameters>): FlauraPatient[] {
  const random = createRandom(seed);
  const d = FLAURA_POPULATION;
  const out: FlauraPatient[] = [];
  for (let i = 0; i < n; i++) {
    const kill = random.lognormal(0, d.killLogSd);
    const resistant = random.lognormal(0, d.resistantLogSd);
    const growth = random.lognormal(0, d.growthLogSd);
    const cells = random.lognormal(Math.log(d.baselineCellsMedian), d.baselineLogSd);
    out.push({
      overrides: {
        ...base,
        osimertinibKill: base.osimertinibKill * kill,
        resistantFraction: Math.min(0.5, base.resistantFraction * resistant),
        sensitiveGrowthRate: base.sensitiveGrowthRate * growth,
        resistantGrowthRate: base.resistantGrowthRate * growth,
      },
      baselineCells: cells,
    });
  }
  return out;
}

/** Osimertinib 80 mg once daily for the whole horizon, on the trial's assessment grid. */
export function flauraScenario(): Scenario {
  const d = FLAURA_POPULATION;
  return {
    setting: 'lung-patient',
    horizon: d.horizonDays,
    outputStep: d.assessmentDays,
    inputs: { nrf2: 0, neat1: 0, il6: 0.1, axl: 'low', cd8Depleted: false },
    arms: [
      {
        name: 'Osimertinib 80 mg daily',
        inputs: {},
        treatments: { osimertinib: { dose: 80, start: 0, stop: d.horizonDays, interval: 1 } },
      },
    ],
  };
}

export interface FlauraResult {
  patients: number;
  /** confirmed complete + partial responses */
  orr: number;
  /** Kaplan–Meier median PFS, months (Infinity: not reached within the horizon) */
  medianPfsMonths: number;
}

const REFERENCE_INPUTS = { nrf2: 0, neat1: 0, il6: 0.1, axl: 'low', cd8Depleted: false } as const;

/** Volume of the median patient (the setting itself) on a daily grid, untreated or on osimertinib. */
function referenceVolumes(changes: Partial<ModelParameters>, treated: boolean, horizon: number): ArrayLike<number> {
  const scenario: Scenario = {
    setting: 'lung-patient',
    horizon,
    outputStep: 1,
    inputs: { ...REFERENCE_INPUTS },
    arms: [
      {
        name: treated ? 'osimertinib' : 'untreated',
        inputs: {},
        treatments: treated ? { osimertinib: { dose: 80, start: 0, stop: horizon, interval: 1 } } : {},
      },
    ],
  };
  const base = { ...settingParameters('lung-patient'), ...changes };
  return simulate(scenario, { parameterOverrides: base, series: ['tumourVolume'] }).arms[0].series.tumourVolume;
}

/** The median patient's untreated volume-doubling time over the first 6 months, days. */
export function untreatedDoublingDays(changes: Partial<ModelParameters>): number {
  const v = referenceVolumes(changes, false, 180);
  const slope = Math.log(v[180] / v[0]) / 180;
  return slope > 0 ? Math.LN2 / slope : Number.POSITIVE_INFINITY;
}

/** The median patient's log-volume slope over the 6 months after the nadir on osimertinib, per month. */
export function regrowthPerMonth(changes: Partial<ModelParameters>): number {
  const horizon = FLAURA_POPULATION.horizonDays + 180;
  const v = referenceVolumes(changes, true, horizon);
  let nadir = 0;
  for (let k = 1; k <= FLAURA_POPULATION.horizonDays; k++) if (v[k] < v[nadir]) nadir = k;
  if (!(v[nadir] > 0)) return Number.NEGATIVE_INFINITY;
  return (Math.log(v[nadir + 180] / v[nadir]) / 180) * DAYS_PER_MONTH;
}

/** Runs the virtual trial with these parameter changes to the lung-patient setting. */
export function runFlaura(changes: Partial<ModelParameters>, n = 200, seed = 1): FlauraResult {
  const base = { ...settingParameters('lung-patient'), ...changes };
  const scenario = flauraScenario();
  let responders = 0;
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  flauraPatients(n, seed, base).forEach((p, i) => {
    const arm = simulate(scenario, {
      parameterOverrides: p.overrides,
      initialTumourCells: p.baselineCells,
      series: ['tumourVolume'],
    }).arms[0];
    const r = assessRecist(arm.t, arm.series.tumourVolume);
    if (r.best === 'CR' || r.best === 'PR') responders++;
    time[i] = r.pfsDays;
    event[i] = r.progressed ? 1 : 0;
  });
  const median = medianSurvival(kaplanMeier(time, event)).median;
  return {
    patients: n,
    orr: responders / n,
    medianPfsMonths: median === null || median === undefined ? Number.POSITIVE_INFINITY : median / DAYS_PER_MONTH,
  };
}

/**
 * The fit's loss: squared distances from the trial's figures in units of the team's "close" (5 percentage points of
 * response rate, 1 month of median PFS; the calibration aims of the trial targets).
 */
export function flauraLoss(r: FlauraResult): number {
  const orr = (r.orr - FLAURA_TARGETS.orr) / 0.05;
  const pfs = Number.isFinite(r.medianPfsMonths) ? (r.medianPfsMonths - FLAURA_TARGETS.medianPfsMonths) / 1 : 100;
  return orr * orr + pfs * pfs;
}
