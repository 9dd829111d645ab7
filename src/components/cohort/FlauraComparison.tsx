/**
 * FlauraComparison is the "model vs FLAURA" table of a lung trial: for the arms that give FLAURA's regimens
 * (osimertinib alone, and its comparator, a first-generation EGFR inhibitor: gefitinib alone), each published figure
 * of FLAURA beside the model's with its interval, and the hazard ratios of osimertinib against the comparator; it
 * exists so that a reader sees where the virtual lung trial lands against the real one. The published figures and
 * their sources are in the trial catalogue (scenario/catalogue/trial.ts).
 */
import { memo } from 'react';
import { locale } from '../../i18n';
import { type CohortMessageKey, useCohortT } from '../../i18n/cohort';
import {
  type COMPARISON_AIMS,
  FLAURA_COMPARATOR,
  FLAURA_HAZARD_RATIOS,
  FLAURA_OSIMERTINIB,
  matchFlauraArm,
  matchFlauraComparatorArm,
  withinAim,
} from '../../scenario/catalogue/trial';
import type { CohortStatistics } from '../../store/cohort';
import { ArmSwatch } from '../ArmSwatch';
import { formatMedian, formatRate, formatRatio, placeholderTexts, publishedText, toMonths } from './chartData';
import { Estimate } from './Estimate';
import type { TrialSnapshot } from './TrialResults';

/** Osimertinib's hazard ratio against the comparator from the trial's comparisons (inverted when osimertinib is the
 * reference): [ratio, lower, upper], or null when the two arms were not compared (only comparisons with the first arm
 * are computed). */
function hazardRatioOf(
  statistics: CohortStatistics,
  osimertinib: number,
  comparator: number,
  kind: 'pfs' | 'os',
): [number, number, number] | null {
  if (osimertinib < 0 || comparator < 0) return null;
  const pick = (c: CohortStatistics['comparisons'][number]) => (kind === 'pfs' ? c.cox : c.osCox);
  const direct = statistics.comparisons.find((c) => c.reference === comparator && c.comparison === osimertinib);
  if (direct) {
    const cox = pick(direct);
    return [cox.hazardRatio, cox.lower, cox.upper];
  }
  const reverse = statistics.comparisons.find((c) => c.reference === osimertinib && c.comparison === comparator);
  if (!reverse) return null;
  const cox = pick(reverse);
  return [1 / cox.hazardRatio, 1 / cox.upper, 1 / cox.lower];
}

/** A median in months, null when not reached. */
const monthsOf = (m: { median: number | null }) => (m.median === null ? null : toMonths(m.median));

/**
 * The "against the aim" cell: one line per side the row compares, each saying in words (and with a mark, not colour
 * alone) whether the model's figure is within targets.md's aim of FLAURA's; blank bars before the first results.
 */
function AimCell({
  lines,
  pending,
  label,
  testId,
}: {
  lines: { text: string; within: boolean }[];
  pending: boolean;
  label: string;
  testId: string;
}) {
  return (
    <td
      data-label={label}
      data-testid={testId}
      data-pending={pending || undefined}
      className="trial-aim"
      aria-label={pending ? undefined : lines.map((l) => l.text).join('; ')}
    >
      <span className="value">
        {lines.map((line) =>
          pending ? (
            <span key={line.text} className="aim-line pending-bar" data-sample={line.text} aria-hidden="true" />
          ) : (
            <span key={line.text} className={line.within ? 'aim-line within' : 'aim-line outside'}>
              {line.text}
            </span>
          ),
        )}
      </span>
    </td>
  );
}

export const FlauraComparison = memo(function FlauraComparison({
  statistics,
  scenario,
  slots,
  running,
}: Pick<TrialSnapshot, 'statistics' | 'scenario' | 'slots'> & { running: boolean }) {
  const tc = useCohortT();
  // before a run's first results: the table with FLAURA's figures and blank bars for the model's
  if (scenario?.setting !== 'lung-patient' || (!statistics && !running)) return null;
  const index = matchFlauraArm(scenario.arms);
  const comparatorIndex = matchFlauraComparatorArm(scenario.arms);
  const arm = statistics?.arms[index];
  if (index < 0 || (statistics && !arm)) return null;
  const pending = !statistics;
  const comparator = statistics?.arms[comparatorIndex];
  const lang = locale();
  const nr = tc('results.notReached');
  const noArm = tc('compare.noArm');
  const sample = placeholderTexts(lang);
  const f = FLAURA_OSIMERTINIB;
  const c = FLAURA_COMPARATOR;
  const h = FLAURA_HAZARD_RATIOS;
  /** the model's figure, its placeholder before the first results, or "no such arm" */
  const model = (text: (a: CohortStatistics['arms'][number]) => string, placeholder: string) =>
    arm ? text(arm) : pending ? placeholder : noArm;
  const comparatorModel = (text: (a: CohortStatistics['arms'][number]) => string, placeholder: string) =>
    comparator ? text(comparator) : pending && comparatorIndex >= 0 ? placeholder : noArm;
  const hr = (kind: 'pfs' | 'os') => (statistics ? hazardRatioOf(statistics, index, comparatorIndex, kind) : null);
  const ratio = (kind: 'pfs' | 'os') => {
    const r = hr(kind);
    return statistics ? (r ? formatRatio(r[0], r[1], r[2], lang) : '–') : sample.ratio;
  };
  const osimertinibName = tc('compare.osimertinib');
  const comparatorName = tc('compare.gefitinib');
  const aimText = (kind: keyof typeof COMPARISON_AIMS) => tc(`compare.aim.${kind}` as CohortMessageKey);
  /** a side's line in the "against the aim" column: within or outside, with the aim */
  const aimLine = (
    side: string | null,
    kind: keyof typeof COMPARISON_AIMS,
    model: number | null,
    published: number,
  ) => {
    const within = withinAim(kind, model, published);
    const verdict = tc(within ? 'compare.aimWithin' : 'compare.aimOutside', { aim: aimText(kind) });
    return { text: side ? `${side}: ${verdict}` : verdict, within };
  };
  const osiShort = tc('compare.osimertinibShort');
  const comparatorShort = tc('compare.gefitinibShort');
  const rows = [
    {
      id: 'orr',
      label: tc('compare.orr'),
      model: model((a) => formatRate(a.orr, lang), sample.rate),
      trial: publishedText({ kind: 'rate' }, f.orr, lang),
      comparatorModel: comparatorModel((a) => formatRate(a.orr, lang), sample.rate),
      comparatorTrial: publishedText({ kind: 'rate' }, c.orr, lang),
      aims: [
        aimLine(osiShort, 'rate', arm ? arm.orr.estimate : null, f.orr.value),
        ...(comparatorIndex >= 0
          ? [aimLine(comparatorShort, 'rate', comparator ? comparator.orr.estimate : null, c.orr.value)]
          : []),
      ],
    },
    {
      id: 'medianPfs',
      label: tc('compare.medianPfs'),
      model: model((a) => formatMedian(a.medianPfs, nr, lang), sample.months),
      trial: publishedText({ kind: 'months' }, f.medianPfs, lang),
      comparatorModel: comparatorModel((a) => formatMedian(a.medianPfs, nr, lang), sample.months),
      comparatorTrial: publishedText({ kind: 'months' }, c.medianPfs, lang),
      aims: [
        aimLine(osiShort, 'months', arm ? monthsOf(arm.medianPfs) : null, f.medianPfs.value),
        ...(comparatorIndex >= 0
          ? [aimLine(comparatorShort, 'months', comparator ? monthsOf(comparator.medianPfs) : null, c.medianPfs.value)]
          : []),
      ],
    },
    {
      id: 'medianOs',
      label: tc('compare.medianOs'),
      model: model((a) => formatMedian(a.medianOs, nr, lang), sample.months),
      trial: publishedText({ kind: 'months' }, f.medianOs, lang),
      comparatorModel: comparatorModel((a) => formatMedian(a.medianOs, nr, lang), sample.months),
      comparatorTrial: publishedText({ kind: 'months' }, c.medianOs, lang),
      aims: [
        aimLine(osiShort, 'months', arm ? monthsOf(arm.medianOs) : null, f.medianOs.value),
        ...(comparatorIndex >= 0
          ? [aimLine(comparatorShort, 'months', comparator ? monthsOf(comparator.medianOs) : null, c.medianOs.value)]
          : []),
      ],
    },
    {
      id: 'pfsHr',
      label: tc('compare.flauraPfsHr'),
      model: ratio('pfs'),
      trial: publishedText({ kind: 'ratio' }, h.pfs, lang),
      comparatorModel: null,
      comparatorTrial: null,
      aims: comparatorIndex >= 0 ? [aimLine(null, 'ratio', hr('pfs')?.[0] ?? null, h.pfs.value)] : [],
    },
    {
      id: 'osHr',
      label: tc('compare.flauraOsHr'),
      model: ratio('os'),
      trial: publishedText({ kind: 'ratio' }, h.os, lang),
      comparatorModel: null,
      comparatorTrial: null,
      aims: comparatorIndex >= 0 ? [aimLine(null, 'ratio', hr('os')?.[0] ?? null, h.os.value)] : [],
    },
    {
      // the comparator's crossover to osimertinib at progression (FLAURA's 31 % of the arm); the osimertinib arm has
      // none in the model (its post-progression therapy, mostly chemotherapy, is folded into the death hazard)
      id: 'crossover',
      label: tc('compare.crossover'),
      model: tc('compare.crossoverNone'),
      trial: '–',
      comparatorModel: comparatorModel((a) => formatRate(a.crossover, lang), sample.rate),
      comparatorTrial: publishedText({ kind: 'rate' }, c.crossover, lang),
      aims:
        comparatorIndex >= 0
          ? [aimLine(comparatorShort, 'rate', comparator ? comparator.crossover.estimate : null, c.crossover.value)]
          : [],
    },
  ];
  const sources = [
    ...new Set(
      [f.orr, f.medianPfs, f.medianOs, c.orr, c.medianPfs, c.medianOs, c.crossover, h.pfs, h.os].map((x) =>
        tc(`source.${x.sourceKey}` as CohortMessageKey),
      ),
    ),
  ];
  const outside = pending ? 0 : rows.filter((r) => r.aims.some((a) => !a.within)).length;
  return (
    <section
      className="trial-card"
      aria-labelledby="trial-flaura-heading"
      data-testid="trial-vs-flaura"
      aria-busy={pending}
    >
      <h3 id="trial-flaura-heading">{tc('compare.flauraHeading')}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways takes focus so the keyboard can scroll it */}
      {/* biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset (no form) nor a landmark (the section is one) */}
      <div className="table-scroll" role="group" aria-labelledby="trial-flaura-heading" tabIndex={0}>
        <table className="trial-table trial-vs-table trial-cards" data-testid="trial-vs-flaura-table">
          <thead>
            <tr>
              <td />
              <th scope="colgroup" colSpan={2}>
                <ArmSwatch slot={slots[index] ?? index} width={22} height={12} />
                {osimertinibName}
                <span className="trial-arm-name">{scenario.arms[index].name}</span>
              </th>
              <th scope="colgroup" colSpan={2}>
                {comparatorIndex >= 0 ? (
                  <ArmSwatch slot={slots[comparatorIndex] ?? comparatorIndex} width={22} height={12} />
                ) : null}
                {comparatorName}
                {comparatorIndex >= 0 ? (
                  <span className="trial-arm-name">{scenario.arms[comparatorIndex].name}</span>
                ) : null}
              </th>
              <td />
            </tr>
            <tr>
              <th scope="col">{tc('compare.figure')}</th>
              <th scope="col">{tc('compare.model')}</th>
              <th scope="col">{tc('compare.flauraTrial')}</th>
              <th scope="col">{tc('compare.model')}</th>
              <th scope="col">{tc('compare.flauraTrial')}</th>
              <th scope="col">{tc('compare.aim')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.id}
                data-testid={`trial-vs-flaura-${row.id}`}
                data-aim={
                  pending || row.aims.length === 0 ? undefined : row.aims.every((a) => a.within) ? 'within' : 'outside'
                }
                className={!pending && row.aims.some((a) => !a.within) ? 'off-aim' : undefined}
              >
                <th scope="row">{row.label}</th>
                <Estimate
                  testId={`trial-vs-flaura-${row.id}-model`}
                  pending={pending}
                  text={row.model}
                  label={`${osimertinibName}: ${tc('compare.model')}`}
                />
                <Estimate
                  testId={`trial-vs-flaura-${row.id}-trial`}
                  text={row.trial}
                  label={`${osimertinibName}: ${tc('compare.flauraTrial')}`}
                />
                {row.comparatorModel === null ? (
                  <td colSpan={2} className="trial-reference" data-label={comparatorName}>
                    {tc('results.reference')}
                  </td>
                ) : (
                  <>
                    <Estimate
                      testId={`trial-vs-flaura-${row.id}-comparator-model`}
                      pending={pending && comparatorIndex >= 0}
                      text={row.comparatorModel}
                      label={`${comparatorName}: ${tc('compare.model')}`}
                    />
                    <Estimate
                      testId={`trial-vs-flaura-${row.id}-comparator-trial`}
                      text={row.comparatorTrial ?? '–'}
                      label={`${comparatorName}: ${tc('compare.flauraTrial')}`}
                    />
                  </>
                )}
                {row.aims.length > 0 ? (
                  <AimCell
                    lines={row.aims}
                    pending={pending}
                    label={tc('compare.aim')}
                    testId={`trial-vs-flaura-${row.id}-aim`}
                  />
                ) : (
                  <td data-label={tc('compare.aim')}>–</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {outside > 0 ? (
        <p className="trial-aim-summary" data-testid="trial-vs-flaura-outside">
          {tc('compare.aimSummary', { count: outside, total: rows.filter((r) => r.aims.length > 0).length })}
        </p>
      ) : null}
      <p className="hint">{tc(comparatorIndex < 0 ? 'compare.flauraNoComparator' : 'compare.flauraNote')}</p>
      <p className="hint" data-testid="trial-vs-flaura-sources">
        {tc('compare.sources', { sources: sources.join('; ') })}
      </p>
    </section>
  );
});
