/**
 * The virtual trial's data as CSV files: one row per patient and arm, the Kaplan–Meier tables (numbers at risk,
 * events, censored, survival and its 95 % band) of every end point, and the response table as the results table
 * shows it. Pure functions of the trial's outcomes and statistics (typed structurally here, so that this module
 * needs nothing of the model); every text field goes through csvField, which neutralises formulas (arm names are
 * user text). Numbers are written in full precision; a limit that was not reached is an empty field.
 */
import { csvField } from '../formats/csv';
import { DAYS_PER_MONTH } from './format';

/** One arm's per-patient outcomes, as a trial block holds them. */
export interface PatientArm {
  pfsDays: ArrayLike<number>;
  progressed: ArrayLike<number>;
  best: ArrayLike<number>;
  bestChange: ArrayLike<number>;
  /** overall survival, when the model reports it */
  osDays?: ArrayLike<number>;
  death?: ArrayLike<number>;
  /** day the confirmed response was first seen; 0 for non-responders */
  responseDays?: ArrayLike<number>;
  /** 1: crossed over to osimertinib at progression (the lung trial's comparator arm; 0 everywhere else) */
  crossover?: ArrayLike<number>;
}

export interface PatientBlock {
  arms: PatientArm[];
  nrf2Active: ArrayLike<number>;
  nrf2: ArrayLike<number>;
  neat1: ArrayLike<number>;
  il6: ArrayLike<number>;
  baselinePge2: ArrayLike<number>;
  baselineDiameter: ArrayLike<number>;
}

/** A Kaplan–Meier table: distinct times with the numbers at risk just before, events, censored and the estimate. */
export interface KmTable {
  time: ArrayLike<number>;
  atRisk: ArrayLike<number>;
  events: ArrayLike<number>;
  censored: ArrayLike<number>;
  survival: ArrayLike<number>;
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
}

export interface Interval {
  estimate: number;
  lower: number;
  upper: number;
}

export interface Median {
  median: number | null;
  lower: number | null;
  upper: number | null;
}

/** One arm of the response table. */
export interface ResponseRow {
  name: string;
  patients: number;
  responses: Record<string, number>;
  orr: Interval;
  dcr: Interval;
  medianPfs: Median;
  /** overall survival, when the model reports it */
  medianOs?: Median;
  os12?: Interval;
  /** against the first arm (undefined for the first arm itself) */
  pfsHr?: Interval;
  pfsP?: number;
  osHr?: Interval;
  osP?: number;
  /** median time to response of the responders, days; null without responders */
  medianTimeToResponse?: number | null;
}

const lines = (rows: string[]): string => `${rows.join('\r\n')}\r\n`;
const num = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '' : String(v);

/**
 * One row per patient and arm (the same patients in every arm): patient number from 1, arm, best overall response,
 * best diameter change %, PFS days and whether it ended in progression (or death), OS days and death and the day
 * the response was first seen (empty for non-responders) when the model reports them, whether the patient crossed over
 * to osimertinib at progression (1; the lung trial's comparator arm, 0 in every other arm and trial), and the baseline
 * covariates.
 */
export function patientCsv(block: PatientBlock, armNames: readonly string[], responseCodes: readonly string[]): string {
  const hasOs = block.arms.some((a) => a.osDays !== undefined && a.death !== undefined);
  const hasResponseDay = block.arms.some((a) => a.responseDays !== undefined);
  const hasCrossover = block.arms.some((a) => a.crossover !== undefined);
  const header = [
    'patient',
    'arm',
    'best_response',
    'best_change_pct',
    'pfs_days',
    'progressed',
    ...(hasOs ? ['os_days', 'died'] : []),
    ...(hasResponseDay ? ['response_day'] : []),
    ...(hasCrossover ? ['crossed_over'] : []),
    'nrf2_active',
    'nrf2',
    'neat1',
    'il6',
    'baseline_pge2_pg_per_ml',
    'baseline_diameter_mm',
  ];
  const rows = [header.join(',')];
  block.arms.forEach((arm, a) => {
    const name = csvField(armNames[a] ?? `arm ${a + 1}`);
    for (let i = 0; i < arm.pfsDays.length; i++) {
      rows.push(
        [
          i + 1,
          name,
          csvField(responseCodes[arm.best[i]] ?? ''),
          arm.bestChange[i],
          arm.pfsDays[i],
          arm.progressed[i],
          ...(hasOs ? [num(arm.osDays?.[i]), num(arm.death?.[i])] : []),
          ...(hasResponseDay ? [arm.responseDays && arm.responseDays[i] > 0 ? arm.responseDays[i] : ''] : []),
          ...(hasCrossover ? [arm.crossover?.[i] ?? 0] : []),
          block.nrf2Active[i],
          block.nrf2[i],
          block.neat1[i],
          block.il6[i],
          block.baselinePge2[i],
          block.baselineDiameter[i],
        ].join(','),
      );
    }
  });
  return lines(rows);
}

/** The columns of the Kaplan–Meier CSV. */
export const KM_CSV_HEADER = [
  'endpoint',
  'arm',
  'day',
  'month',
  'at_risk',
  'events',
  'censored',
  'survival',
  'lower_95',
  'upper_95',
] as const;

/**
 * Kaplan–Meier tables of every end point and arm: a row at day 0 (everyone at risk, survival 1), then one row per
 * distinct observed time with the number at risk just before it, the events and censored observations at it, the
 * estimate and its pointwise 95 % band from that time on.
 */
export function kmCsv(curves: readonly { endpoint: string; arm: string; km: KmTable }[]): string {
  const rows = [KM_CSV_HEADER.join(',')];
  for (const { endpoint, arm, km } of curves) {
    const prefix = `${csvField(endpoint)},${csvField(arm)}`;
    const n = km.atRisk.length > 0 ? km.atRisk[0] : 0;
    rows.push(`${prefix},0,0,${n},0,0,1,1,1`);
    for (let j = 0; j < km.time.length; j++) {
      const t = km.time[j];
      rows.push(
        [
          prefix,
          t,
          t / DAYS_PER_MONTH,
          km.atRisk[j],
          km.events[j],
          km.censored[j],
          km.survival[j],
          km.lower[j],
          km.upper[j],
        ].join(','),
      );
    }
  }
  return lines(rows);
}

/**
 * The response table: per arm the counts of each best response, ORR and DCR with their 95 % intervals (fractions),
 * median PFS (days; an empty limit = not reached), and against the first arm the PFS hazard ratio with its interval
 * and the log-rank p; OS columns when the model reports OS.
 */
export function responseCsv(rows: readonly ResponseRow[], responseCodes: readonly string[]): string {
  const hasOs = rows.some((r) => r.medianOs !== undefined);
  const interval = (name: string) => [name, `${name}_lower_95`, `${name}_upper_95`];
  const header = [
    'arm',
    'patients',
    ...responseCodes,
    ...interval('orr'),
    ...interval('dcr'),
    ...(rows.some((r) => r.medianTimeToResponse !== undefined) ? ['median_time_to_response_days'] : []),
    ...interval('median_pfs_days'),
    ...interval('pfs_hr'),
    'pfs_logrank_p',
    ...(hasOs
      ? [...interval('median_os_days'), ...interval('os_12_months'), ...interval('os_hr'), 'os_logrank_p']
      : []),
  ];
  const i3 = (v: Interval | undefined) => (v ? [num(v.estimate), num(v.lower), num(v.upper)] : ['', '', '']);
  const m3 = (m: Median | undefined) => (m ? [num(m.median), num(m.lower), num(m.upper)] : ['', '', '']);
  const out = [header.map(csvField).join(',')];
  for (const r of rows) {
    out.push(
      [
        csvField(r.name),
        r.patients,
        ...responseCodes.map((c) => r.responses[c] ?? 0),
        ...i3(r.orr),
        ...i3(r.dcr),
        ...(rows.some((x) => x.medianTimeToResponse !== undefined) ? [num(r.medianTimeToResponse)] : []),
        ...m3(r.medianPfs),
        ...i3(r.pfsHr),
        num(r.pfsP),
        ...(hasOs ? [...m3(r.medianOs), ...i3(r.os12), ...i3(r.osHr), num(r.osP)] : []),
      ].join(','),
    );
  }
  return lines(out);
}
