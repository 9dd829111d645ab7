/**
 * From the trial's block and statistics to what the charts and tables draw: curves with their styles, sorted bars,
 * spider lines, formatted numbers and the text summaries that serve as the charts' accessible names. Display only:
 * every statistic comes from the trial's statistics (computed in a worker, held by store/cohort.ts); nothing here
 * estimates anything.
 */
import { DAYS_PER_MONTH } from '../../charts/format';
import type { KmCurveData } from '../../charts/kaplanMeier';
import { armStyle, OKABE_ITO, RESPONSE_PALETTE } from '../../charts/palette';
import { type SpiderLine, spiderPoints } from '../../charts/spider';
import type { KmTable, ResponseRow } from '../../charts/trialCsv';
import { type WaterfallBar, waterfallOrder } from '../../charts/waterfall';
import { type PublishedFigure, RESPONSE_CODES, type Response, type TrialTarget } from '../../scenario/catalogue/trial';
import type {
  CohortBlock,
  CohortStatistics,
  MedianSurvival,
  ProportionInterval,
  SurvivalCurve,
} from '../../store/cohort';

/** Colours of the best overall response (charts/palette.ts: colour-blind-safe, >= 3:1 on white), in RESPONSE_CODES order. */
export const RESPONSE_COLOURS: Record<Response, string> = RESPONSE_PALETTE;

/** Line styles of the high and low subgroups of a biomarker split. */
export const SUBGROUP_STYLES = {
  high: { colour: OKABE_ITO[1], dash: '' },
  low: { colour: OKABE_ITO[0], dash: '8 4' },
} as const;

export function toMonths(days: number): number {
  return days / DAYS_PER_MONTH;
}

/** A Kaplan–Meier estimate with its style, ready for drawKaplanMeier. */
export function kmCurve(
  key: string,
  label: string,
  km: SurvivalCurve,
  style: { colour: string; dash: string },
): KmCurveData {
  return {
    key,
    label,
    colour: style.colour,
    dash: style.dash,
    time: km.time,
    survival: km.survival,
    lower: km.lower,
    upper: km.upper,
    atRisk: km.atRisk,
    patients: km.atRisk[0] ?? 0,
    censor: { time: km.censor.time, survival: km.censor.survival },
  };
}

/** The trial's time-to-event end points. */
export type Endpoint = 'pfs' | 'os';

/** One curve per arm of an end point (PFS by default), in the arms' explorer colours. */
export function armCurves(
  statistics: CohortStatistics,
  slots: readonly number[],
  endpoint: Endpoint = 'pfs',
): KmCurveData[] {
  return statistics.arms.map((arm, a) => kmCurve(`arm-${a}`, arm.name, arm[endpoint], armStyle(slots[a] ?? a)));
}

/** The high and low curves of one biomarker in one arm. */
export function subgroupCurves(
  statistics: CohortStatistics,
  biomarker: number,
  arm: number,
  labels: { high: string; low: string },
): KmCurveData[] {
  const split = statistics.biomarkers[biomarker];
  if (!split) return [];
  const curves: KmCurveData[] = [];
  for (const side of ['high', 'low'] as const) {
    const group = split[side].arms[arm];
    if (group && group.patients > 0) curves.push(kmCurve(side, labels[side], group.pfs, SUBGROUP_STYLES[side]));
  }
  return curves;
}

const NOT_EVALUABLE = RESPONSE_CODES.indexOf('NE');

/**
 * Waterfall bars of one arm: best change per patient, category = index of the best response. Patients without a
 * post-baseline scan (NE) have no change to draw and are left out, as trials' waterfalls leave them out.
 */
export function waterfallBars(block: CohortBlock, arm: number): WaterfallBar[] {
  const a = block.arms[arm];
  if (!a) return [];
  const change = Float64Array.from(a.bestChange, (c, i) => (a.best[i] === NOT_EVALUABLE ? Number.NaN : c));
  return waterfallOrder(change, a.best);
}

/** The response colours as an exported figure's legend ("CR: Complete response", ...). */
export function responseLegend(label: (r: Response) => string): { name: string; colour: string; dash: string }[] {
  return RESPONSE_CODES.map((r) => ({ name: `${r}: ${label(r)}`, colour: RESPONSE_COLOURS[r], dash: '' }));
}

export function responseCategories(): { key: Response; colour: string }[] {
  return RESPONSE_CODES.map((key) => ({ key, colour: RESPONSE_COLOURS[key] }));
}

/**
 * Spider lines of one arm: each kept patient's trace, ending at the assessment that showed progression (the usual
 * convention: a patient leaves the plot at progression), coloured by best response.
 */
export function spiderLines(block: CohortBlock, arm: number, assessmentDays: ArrayLike<number>): SpiderLine[] {
  const a = block.arms[arm];
  if (!a) return [];
  return a.spider.map((trace, p) => {
    const points = spiderPoints(trace, assessmentDays, a.progressed[p] ? a.pfsDays[p] : Number.POSITIVE_INFINITY);
    const response = RESPONSE_CODES[a.best[p]] ?? 'SD';
    return { key: String(p), time: points.time, change: points.change, colour: RESPONSE_COLOURS[response], dash: '' };
  });
}

// --- formatting -----------------------------------------------------------------------------------------------------

// One Intl.NumberFormat per locale and format, kept: toLocaleString builds a new one at every call, which was the most
// expensive script of a trial's partial redraws (thousands of numbers each).
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, digits: number | null): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(
      locale,
      digits === null ? undefined : { minimumFractionDigits: digits, maximumFractionDigits: digits },
    );
    formats.set(key, f);
  }
  return f;
}

const fixed = (v: number, digits: number, locale: string) => numberFormat(locale, digits).format(v);

/** "42.0 % (35.1–49.2)" */
export function formatRate(p: ProportionInterval, locale = 'en'): string {
  if (!Number.isFinite(p.estimate)) return '–';
  return `${fixed(100 * p.estimate, 1, locale)} % (${fixed(100 * p.lower, 1, locale)}–${fixed(100 * p.upper, 1, locale)})`;
}

/** Median PFS in months with its interval; NR (not reached) where a limit is missing. */
export function formatMedian(m: MedianSurvival, notReached: string, locale = 'en'): string {
  const f = (d: number | null) => (d === null ? notReached : fixed(toMonths(d), 1, locale));
  return `${f(m.median)} (${f(m.lower)}–${f(m.upper)})`;
}

/** "0.61 (0.48–0.77)" */
export function formatRatio(estimate: number, lower: number, upper: number, locale = 'en'): string {
  if (!Number.isFinite(estimate)) return '–';
  const f = (v: number) => (Number.isFinite(v) ? fixed(v, 2, locale) : '∞');
  return `${f(estimate)} (${f(lower)}–${f(upper)})`;
}

/** p-values as journals print them: "< 0.001", otherwise 3 decimals (2 significant digits above 0.01). */
export function formatP(p: number, locale = 'en'): string {
  if (!Number.isFinite(p)) return '–';
  if (p < 0.001) return `< ${fixed(0.001, 3, locale)}`;
  if (p < 0.01) return fixed(p, 3, locale);
  return fixed(p, 2, locale);
}

/** "30.0 % (18.1–45.4)" -> ["30.0 %", "(18.1–45.4)"]: estimate and interval, for two-line table cells. */
export function splitEstimate(text: string): [string, string] {
  const at = text.indexOf(' (');
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

/** Whole numbers with grouping: 10,000 */
export function formatCount(n: number, locale = 'en'): string {
  return numberFormat(locale, null).format(Math.round(n));
}

/** The greatest observed time of the curves, in months, for summaries. */
export function horizonMonths(curves: readonly KmCurveData[]): number {
  let max = 0;
  for (const c of curves) if (c.time.length > 0) max = Math.max(max, c.time[c.time.length - 1]);
  return Math.round(toMonths(max));
}

/** Reference lines of the waterfall and spider plots: RECIST's progression (+20 %) and response (−30 %) thresholds. */
export const REFERENCES = [
  { value: 20, label: '+20 %' },
  { value: -30, label: '−30 %' },
];

/** The response table's rows as the CSV export writes them (every arm against the first). */
export function responseRows(statistics: CohortStatistics): ResponseRow[] {
  return statistics.arms.map((arm, a) => {
    const comparison = statistics.comparisons.find((c) => c.comparison === a);
    return {
      name: arm.name,
      patients: arm.patients,
      responses: arm.responses,
      orr: arm.orr,
      dcr: arm.dcr,
      medianPfs: arm.medianPfs,
      pfsHr: comparison
        ? { estimate: comparison.cox.hazardRatio, lower: comparison.cox.lower, upper: comparison.cox.upper }
        : undefined,
      pfsP: comparison?.logRank.pValue,
      medianOs: arm.medianOs,
      os12: arm.os12 ?? undefined,
      osHr: comparison
        ? { estimate: comparison.osCox.hazardRatio, lower: comparison.osCox.lower, upper: comparison.osCox.upper }
        : undefined,
      osP: comparison?.osLogRank.pValue,
      medianTimeToResponse: arm.timeToResponse.median,
    };
  });
}

/** The Kaplan–Meier tables of every end point and arm, for the CSV export. */
export function kmTables(statistics: CohortStatistics): { endpoint: string; arm: string; km: KmTable }[] {
  return [
    ...statistics.arms.map((arm) => ({ endpoint: 'PFS', arm: arm.name, km: arm.pfs })),
    ...statistics.arms.map((arm) => ({ endpoint: 'OS', arm: arm.name, km: arm.os })),
  ];
}

/**
 * The note an exported figure carries when it shows an arm whose add-on is a hypothesis (so that a slide keeps the
 * label): none when `arms` (the figure's arms) holds no such arm.
 */
export function hypothesisNotes(
  names: readonly string[],
  hypotheses: readonly number[],
  arms: readonly number[],
  note: (arms: string) => string,
): string[] {
  const shown = arms.filter((a) => hypotheses.includes(a)).map((a) => names[a]);
  return shown.length > 0 ? [note(shown.join(', '))] : [];
}

/** The stem of the trial's file names: what reproduces the run (seed, patients) is in the name. */
export function trialFileStem(seed: number | undefined, size: number | undefined): string {
  return `timescape-trial-seed${seed ?? 0}-n${size ?? 0}`;
}

/** The current run's file-name stem (seed and patients so far). */
export function stemOf(state: {
  scenario: { cohort?: { seed: number } } | null;
  block: { from: number; to: number } | null;
}): string {
  return trialFileStem(state.scenario?.cohort?.seed, state.block ? state.block.to - state.block.from : 0);
}

/** Days as months with one decimal: "2.8" */
export function formatMonths(days: number, locale = 'en'): string {
  return fixed(toMonths(days), 1, locale);
}

// --- model vs IMbrave150 ------------------------------------------------------------------------------------------

/** A published figure as the table prints it: rates in %, medians in months, ratios as they are; "(lo–hi)" if given. */
export function publishedText(target: Pick<TrialTarget, 'kind'>, figure: PublishedFigure, locale = 'en'): string {
  const f = (v: number) =>
    target.kind === 'rate' ? `${fixed(100 * v, 1, locale)} %` : fixed(v, target.kind === 'ratio' ? 2 : 1, locale);
  const g = (v: number) => (target.kind === 'rate' ? fixed(100 * v, 1, locale) : f(v));
  return figure.lower !== undefined && figure.upper !== undefined
    ? `${f(figure.value)} (${g(figure.lower)}–${g(figure.upper)})`
    : f(figure.value);
}

/**
 * The model's figure for a published one, formatted as publishedText does: the matching arm's statistic with its
 * interval where the statistics carry one (ORR, DCR, medians, 12-month OS, hazard ratios); CR, PR, SD and PD as
 * shares. A hazard ratio is atezolizumab + bevacizumab against sorafenib: read from the comparison with sorafenib as
 * the reference, or inverted (HR and limits, which is exact for a one-covariate Cox model) when sorafenib is the
 * compared arm. Null when the arm (or, for a ratio, either arm) is not in the trial.
 */
export function modelFigure(
  statistics: CohortStatistics,
  target: TrialTarget,
  match: { atezoBev: number; sorafenib: number },
  side: 'atezoBev' | 'sorafenib',
  notReached: string,
  locale = 'en',
): string | null {
  const index = match[side];
  const arm = statistics.arms[index];
  if (!arm) return null;
  const rate = (p: { estimate: number; lower: number; upper: number }) => formatRate({ ...p, level: 0.95 }, locale);
  switch (target.id) {
    case 'orr':
      return rate(arm.orr);
    case 'dcr':
      return rate(arm.dcr);
    case 'cr':
    case 'pr':
    case 'sd':
    case 'pd':
    case 'ne':
      return rate(arm.responseRates[target.id.toUpperCase() as Response]);
    case 'timeToResponse':
      return arm.timeToResponse.median === null ? '–' : formatMonths(arm.timeToResponse.median, locale);
    case 'medianPfs':
      return formatMedian(arm.medianPfs, notReached, locale);
    case 'os12':
      return arm.os12 ? rate(arm.os12) : '–';
    case 'pfsHr':
    case 'osHr': {
      const other = match.sorafenib;
      if (other < 0) return null;
      const pick = (c: CohortStatistics['comparisons'][number]) => (target.id === 'pfsHr' ? c.cox : c.osCox);
      const direct = statistics.comparisons.find((c) => c.reference === other && c.comparison === index);
      if (direct) {
        const cox = pick(direct);
        return formatRatio(cox.hazardRatio, cox.lower, cox.upper, locale);
      }
      const reverse = statistics.comparisons.find((c) => c.reference === index && c.comparison === other);
      if (!reverse) return null;
      const cox = pick(reverse);
      return formatRatio(1 / cox.hazardRatio, 1 / cox.upper, 1 / cox.lower, locale);
    }
  }
}

/** What a spread over plausible models is a spread of. */
export type SpreadKind = 'rate' | 'months' | 'ratio';

/**
 * The central 95 % of a figure across plausible models, "0.29–0.71": rates in %, medians in months (null: not
 * reached), ratios with two decimals.
 */
export function formatSpread(
  kind: SpreadKind,
  spread: { low: number | null; high: number | null },
  notReached: string,
  locale = 'en',
): string {
  const f = (v: number | null) =>
    v === null
      ? notReached
      : kind === 'rate'
        ? `${fixed(100 * v, 1, locale)} %`
        : kind === 'months'
          ? fixed(toMonths(v), 1, locale)
          : fixed(v, 2, locale);
  return `${f(spread.low)}–${f(spread.high)}`;
}

// --- placeholders while a run has no results yet -------------------------------------------------------------------

/**
 * Figures of a typical width for each kind of table cell (`patients`: per arm), formatted as the real ones are: a
 * table drawn with them
 * (as blank bars, never as text) before its run's first results takes the room the results will take, so the
 * figures below it do not jump down when they arrive.
 */
export function placeholderTexts(locale = 'en', patients = 1000) {
  // the best responses' counts at IMbrave150's shares (CR, PR, SD, PD, NE), so the cell has the run's digits
  const shares = [0.055, 0.218, 0.463, 0.196, 0.068];
  return {
    count: formatCount(patients, locale),
    responses: RESPONSE_CODES.map((_, i) => formatCount((shares[i] ?? 0.1) * patients, locale)).join(' / '),
    rate: formatRate({ estimate: 0.307, lower: 0.251, upper: 0.369, level: 0.95 }, locale),
    months: `${fixed(13.8, 1, locale)} (${fixed(11.2, 1, locale)}–${fixed(16.9, 1, locale)})`,
    ratio: formatRatio(0.59, 0.47, 0.76, locale),
    p: formatP(0.0004, locale),
    month: formatMonths(83, locale),
  };
}
