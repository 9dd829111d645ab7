/**
 * TrialComparison is the "model vs IMbrave150" table: for the arms that give IMbrave150's regimens (atezolizumab +
 * bevacizumab, sorafenib), each published figure beside the model's with its interval; it exists so that a reader
 * sees at once where the virtual trial lands against the real one. The published figures and their sources are in
 * the trial catalogue (scenario/catalogue/trial.ts), not here.
 */
import { memo } from 'react';
import { locale } from '../../i18n';
import { type CohortMessageKey, useCohortT } from '../../i18n/cohort';
import {
  IMBRAVE150_TARGETS,
  matchImbrave150Arms,
  type PublishedFigure,
  type TrialTarget,
} from '../../scenario/catalogue/trial';
import type { CohortStatistics } from '../../store/cohort';
import { ArmSwatch } from '../ArmSwatch';
import { modelFigure, placeholderTexts, publishedText } from './chartData';
import { Estimate, Pending } from './Estimate';
import type { TrialSnapshot } from './TrialResults';

export const TrialComparison = memo(function TrialComparison({
  statistics,
  scenario,
  slots,
  running,
}: Pick<TrialSnapshot, 'statistics' | 'scenario' | 'slots'> & { running: boolean }) {
  const tc = useCohortT();
  // before a run's first results: the table with the trial's figures and blank bars for the model's
  if (!scenario || (!statistics && !running)) return null;
  const match = matchImbrave150Arms(scenario.arms);
  if (match.atezoBev < 0) return null;
  const lang = locale();
  const nr = tc('results.notReached');
  const sample = placeholderTexts(lang);
  const sources = [...new Set(IMBRAVE150_TARGETS.map((t) => tc(`source.${t.sourceKey}` as CohortMessageKey)))];
  const armHeader = (index: number, label: string) => (
    <th scope="colgroup" colSpan={2}>
      {index >= 0 ? <ArmSwatch slot={slots[index] ?? index} width={22} height={12} /> : null}
      {label}
      {index >= 0 ? <span className="trial-arm-name">{scenario.arms[index].name}</span> : null}
    </th>
  );
  const cells = (target: TrialTarget, side: 'atezoBev' | 'sorafenib', published: PublishedFigure | undefined) => {
    const arm = tc(side === 'atezoBev' ? 'compare.atezoBev' : 'compare.sorafenib');
    if (target.kind === 'ratio' && side === 'sorafenib') {
      return (
        <td colSpan={2} className="trial-reference" data-label={arm}>
          {tc('results.reference')}
        </td>
      );
    }
    const model = statistics ? modelFigure(statistics as CohortStatistics, target, match, side, nr, lang) : null;
    const modelLabel = `${arm}: ${tc('compare.model')}`;
    return (
      <>
        {/* "no such arm" needs no figure: a ratio needs both arms */}
        {statistics || match[side] < 0 || (target.kind === 'ratio' && match.sorafenib < 0) ? (
          <Estimate
            testId={`trial-vs-${target.id}-${side}-model`}
            text={model ?? tc('compare.noArm')}
            label={modelLabel}
          />
        ) : (
          <Pending
            testId={`trial-vs-${target.id}-${side}-model`}
            sample={target.kind === 'rate' ? sample.rate : target.kind === 'ratio' ? sample.ratio : sample.months}
            label={modelLabel}
          />
        )}
        <Estimate
          testId={`trial-vs-${target.id}-${side}-trial`}
          text={published ? publishedText(target, published, lang) : '–'}
          label={`${arm}: ${tc('compare.trial')}`}
        />
      </>
    );
  };
  return (
    <section className="trial-card" aria-labelledby="trial-vs-heading" data-testid="trial-vs" aria-busy={!statistics}>
      <h3 id="trial-vs-heading">{tc('compare.heading')}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways takes focus so the keyboard can scroll it */}
      {/* biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset (no form) nor a landmark (the section is one) */}
      <div className="table-scroll" role="group" aria-labelledby="trial-vs-heading" tabIndex={0}>
        <table className="trial-table trial-vs-table trial-cards" data-testid="trial-vs-table">
          <thead>
            <tr>
              <td />
              {armHeader(match.atezoBev, tc('compare.atezoBev'))}
              {armHeader(match.sorafenib, tc('compare.sorafenib'))}
            </tr>
            <tr>
              <th scope="col">{tc('compare.figure')}</th>
              <th scope="col">{tc('compare.model')}</th>
              <th scope="col">{tc('compare.trial')}</th>
              <th scope="col">{tc('compare.model')}</th>
              <th scope="col">{tc('compare.trial')}</th>
            </tr>
          </thead>
          <tbody>
            {IMBRAVE150_TARGETS.map((target) => (
              <tr key={target.id} data-testid={`trial-vs-${target.id}`}>
                <th scope="row">{tc(`compare.${target.id}` as CohortMessageKey)}</th>
                {cells(target, 'atezoBev', target.atezoBev)}
                {cells(target, 'sorafenib', target.sorafenib)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{tc(match.sorafenib < 0 ? 'compare.noSorafenib' : 'compare.note')}</p>
      <p className="hint" data-testid="trial-vs-sources">
        {tc('compare.sources', { sources: sources.join('; ') })}
      </p>
    </section>
  );
});
