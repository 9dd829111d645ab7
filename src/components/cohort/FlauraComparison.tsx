/**
 * FlauraComparison is the "model vs FLAURA" table of a lung trial: for the arm that gives FLAURA's regimen
 * (osimertinib alone), each published figure of FLAURA's osimertinib arm beside the model's with its interval; it
 * exists so that a reader sees where the virtual lung trial lands against the real one. The published figures and
 * their sources are in the trial catalogue (scenario/catalogue/trial.ts).
 */
import { locale } from '../../i18n';
import { type CohortMessageKey, useCohortT } from '../../i18n/cohort';
import { FLAURA_OSIMERTINIB, matchFlauraArm } from '../../scenario/catalogue/trial';
import { useCohort } from '../../store/cohort';
import { ArmSwatch } from '../ArmSwatch';
import { formatMedian, formatRate, publishedText } from './chartData';
import { Estimate } from './Estimate';

export function FlauraComparison() {
  const tc = useCohortT();
  const statistics = useCohort((s) => s.statistics);
  const scenario = useCohort((s) => s.scenario);
  const slots = useCohort((s) => s.slots);
  if (!statistics || !scenario || scenario.setting !== 'lung-patient') return null;
  const index = matchFlauraArm(scenario.arms);
  const arm = statistics.arms[index];
  if (!arm) return null;
  const lang = locale();
  const nr = tc('results.notReached');
  const f = FLAURA_OSIMERTINIB;
  const rows = [
    {
      id: 'orr',
      label: tc('compare.orr'),
      model: formatRate(arm.orr, lang),
      trial: publishedText({ kind: 'rate' }, f.orr, lang),
    },
    {
      id: 'medianPfs',
      label: tc('compare.medianPfs'),
      model: formatMedian(arm.medianPfs, nr, lang),
      trial: publishedText({ kind: 'months' }, f.medianPfs, lang),
    },
    {
      id: 'medianOs',
      label: tc('compare.medianOs'),
      model: formatMedian(arm.medianOs, nr, lang),
      trial: publishedText({ kind: 'months' }, f.medianOs, lang),
    },
  ];
  const sources = [
    ...new Set([f.orr, f.medianPfs, f.medianOs].map((x) => tc(`source.${x.sourceKey}` as CohortMessageKey))),
  ];
  return (
    <section className="trial-card" aria-labelledby="trial-flaura-heading" data-testid="trial-vs-flaura">
      <h3 id="trial-flaura-heading">{tc('compare.flauraHeading')}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways takes focus so the keyboard can scroll it */}
      {/* biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset (no form) nor a landmark (the section is one) */}
      <div className="table-scroll" role="group" aria-labelledby="trial-flaura-heading" tabIndex={0}>
        <table className="trial-table trial-vs-table" data-testid="trial-vs-flaura-table">
          <thead>
            <tr>
              <td />
              <th scope="colgroup" colSpan={2}>
                <ArmSwatch slot={slots[index] ?? index} width={22} height={12} />
                {tc('compare.osimertinib')}
                <span className="trial-arm-name">{scenario.arms[index].name}</span>
              </th>
            </tr>
            <tr>
              <th scope="col">{tc('compare.figure')}</th>
              <th scope="col">{tc('compare.model')}</th>
              <th scope="col">{tc('compare.flauraTrial')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid={`trial-vs-flaura-${row.id}`}>
                <th scope="row">{row.label}</th>
                <Estimate testId={`trial-vs-flaura-${row.id}-model`} text={row.model} />
                <Estimate testId={`trial-vs-flaura-${row.id}-trial`} text={row.trial} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{tc('compare.flauraNote')}</p>
      <p className="hint" data-testid="trial-vs-flaura-sources">
        {tc('compare.sources', { sources: sources.join('; ') })}
      </p>
    </section>
  );
}
