/**
 * FlauraComparison is the "model vs FLAURA" table of a lung trial: for the arms that give FLAURA's regimens
 * (osimertinib alone, and its comparator, a first-generation EGFR inhibitor: gefitinib alone), each published figure
 * of FLAURA beside the model's with its interval, and the hazard ratios of osimertinib against the comparator; it
 * exists so that a reader sees where the virtual lung trial lands against the real one. The published figures and
 * their sources are in the trial catalogue (scenario/catalogue/trial.ts).
 */
import { locale } from '../../i18n';
import { type CohortMessageKey, useCohortT } from '../../i18n/cohort';
import {
  FLAURA_COMPARATOR,
  FLAURA_HAZARD_RATIOS,
  FLAURA_OSIMERTINIB,
  matchFlauraArm,
  matchFlauraComparatorArm,
} from '../../scenario/catalogue/trial';
import { type CohortStatistics, useCohort } from '../../store/cohort';
import { ArmSwatch } from '../ArmSwatch';
import { formatMedian, formatRate, formatRatio, placeholderTexts, publishedText } from './chartData';
import { Estimate } from './Estimate';

/** Osimertinib's hazard ratio against the comparator from the trial's comparisons (inverted when osimertinib is the
 * reference), or null when the two arms were not compared (only comparisons with the first arm are computed). */
function hazardRatio(
  statistics: CohortStatistics,
  osimertinib: number,
  comparator: number,
  kind: 'pfs' | 'os',
  lang: string,
): string | null {
  if (osimertinib < 0 || comparator < 0) return null;
  const pick = (c: CohortStatistics['comparisons'][number]) => (kind === 'pfs' ? c.cox : c.osCox);
  const direct = statistics.comparisons.find((c) => c.reference === comparator && c.comparison === osimertinib);
  if (direct) {
    const cox = pick(direct);
    return formatRatio(cox.hazardRatio, cox.lower, cox.upper, lang);
  }
  const reverse = statistics.comparisons.find((c) => c.reference === osimertinib && c.comparison === comparator);
  if (!reverse) return null;
  const cox = pick(reverse);
  return formatRatio(1 / cox.hazardRatio, 1 / cox.upper, 1 / cox.lower, lang);
}

export function FlauraComparison() {
  const tc = useCohortT();
  const statistics = useCohort((s) => s.statistics);
  const scenario = useCohort((s) => s.scenario);
  const slots = useCohort((s) => s.slots);
  const running = useCohort((s) => s.status === 'running');
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
  const ratio = (kind: 'pfs' | 'os') =>
    statistics ? (hazardRatio(statistics, index, comparatorIndex, kind, lang) ?? '–') : sample.ratio;
  const rows = [
    {
      id: 'orr',
      label: tc('compare.orr'),
      model: model((a) => formatRate(a.orr, lang), sample.rate),
      trial: publishedText({ kind: 'rate' }, f.orr, lang),
      comparatorModel: comparatorModel((a) => formatRate(a.orr, lang), sample.rate),
      comparatorTrial: publishedText({ kind: 'rate' }, c.orr, lang),
    },
    {
      id: 'medianPfs',
      label: tc('compare.medianPfs'),
      model: model((a) => formatMedian(a.medianPfs, nr, lang), sample.months),
      trial: publishedText({ kind: 'months' }, f.medianPfs, lang),
      comparatorModel: comparatorModel((a) => formatMedian(a.medianPfs, nr, lang), sample.months),
      comparatorTrial: publishedText({ kind: 'months' }, c.medianPfs, lang),
    },
    {
      id: 'medianOs',
      label: tc('compare.medianOs'),
      model: model((a) => formatMedian(a.medianOs, nr, lang), sample.months),
      trial: publishedText({ kind: 'months' }, f.medianOs, lang),
      comparatorModel: comparatorModel((a) => formatMedian(a.medianOs, nr, lang), sample.months),
      comparatorTrial: publishedText({ kind: 'months' }, c.medianOs, lang),
    },
    {
      id: 'pfsHr',
      label: tc('compare.flauraPfsHr'),
      model: ratio('pfs'),
      trial: publishedText({ kind: 'ratio' }, h.pfs, lang),
      comparatorModel: null,
      comparatorTrial: null,
    },
    {
      id: 'osHr',
      label: tc('compare.flauraOsHr'),
      model: ratio('os'),
      trial: publishedText({ kind: 'ratio' }, h.os, lang),
      comparatorModel: null,
      comparatorTrial: null,
    },
  ];
  const sources = [
    ...new Set(
      [f.orr, f.medianPfs, f.medianOs, c.orr, c.medianPfs, c.medianOs, h.pfs, h.os].map((x) =>
        tc(`source.${x.sourceKey}` as CohortMessageKey),
      ),
    ),
  ];
  const osimertinibName = tc('compare.osimertinib');
  const comparatorName = tc('compare.gefitinib');
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
            </tr>
            <tr>
              <th scope="col">{tc('compare.figure')}</th>
              <th scope="col">{tc('compare.model')}</th>
              <th scope="col">{tc('compare.flauraTrial')}</th>
              <th scope="col">{tc('compare.model')}</th>
              <th scope="col">{tc('compare.flauraTrial')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid={`trial-vs-flaura-${row.id}`}>
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
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{tc(comparatorIndex < 0 ? 'compare.flauraNoComparator' : 'compare.flauraNote')}</p>
      <p className="hint" data-testid="trial-vs-flaura-sources">
        {tc('compare.sources', { sources: sources.join('; ') })}
      </p>
    </section>
  );
}
