/**
 * ArmTable is the virtual trial's table of response rates, median PFS, hazard ratios and log-rank p per arm; it
 * exists to report the trial as a clinical paper would.
 */
import { locale } from '../../i18n';
import { useCohortT } from '../../i18n/cohort';
import { RESPONSE_CODES } from '../../scenario/catalogue/trial';
import { useCohort } from '../../store/cohort';
import { ArmSwatch } from '../ArmSwatch';
import { formatCount, formatMedian, formatP, formatRate, formatRatio } from './chartData';
import { Estimate } from './Estimate';
import { TrialHelp } from './TrialHelp';

/** Per-arm response rates, median PFS, hazard ratio and log-rank p. */
export function ArmTable() {
  const tc = useCohortT();
  const statistics = useCohort((s) => s.statistics);
  const slots = useCohort((s) => s.slots);
  if (!statistics) return null;
  const lang = locale();
  const reference = statistics.arms[0]?.name ?? '';
  return (
    <section className="trial-card" aria-labelledby="trial-table-heading">
      <h3 id="trial-table-heading">{tc('results.table')}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways takes focus so the keyboard can scroll it */}
      {/* biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset (no form) nor a landmark (the section is one) */}
      <div className="table-scroll" role="group" aria-labelledby="trial-table-heading" tabIndex={0}>
        <table className="trial-table" data-testid="trial-table">
          <thead>
            <tr>
              <th scope="col">{tc('results.arm')}</th>
              <th scope="col">{tc('results.n')}</th>
              <th scope="col">
                <abbr title={RESPONSE_CODES.map((r) => tc(`response.${r}`)).join(' / ')}>CR / PR / SD / PD</abbr>
              </th>
              <th scope="col">{tc('results.orr')}</th>
              <th scope="col">{tc('results.dcr')}</th>
              <th scope="col">{tc('results.medianPfs')}</th>
              <th scope="col">{tc('results.hr', { reference })}</th>
              <th scope="col">{tc('results.p')}</th>
            </tr>
          </thead>
          <tbody>
            {statistics.arms.map((arm, a) => {
              const comparison = statistics.comparisons.find((c) => c.comparison === a);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: arms are identified by position in a run
                <tr key={a} data-testid={`trial-row-${a}`}>
                  <th scope="row">
                    <ArmSwatch slot={slots[a] ?? a} width={22} height={12} />
                    {arm.name}
                  </th>
                  <td>{formatCount(arm.patients, lang)}</td>
                  <td>{RESPONSE_CODES.map((r) => formatCount(arm.responses[r], lang)).join(' / ')}</td>
                  <Estimate testId={`trial-orr-${a}`} text={formatRate(arm.orr, lang)} />
                  <Estimate text={formatRate(arm.dcr, lang)} />
                  <Estimate text={formatMedian(arm.medianPfs, tc('results.notReached'), lang)} />
                  <Estimate
                    text={
                      comparison
                        ? formatRatio(comparison.cox.hazardRatio, comparison.cox.lower, comparison.cox.upper, lang)
                        : tc('results.reference')
                    }
                  />
                  <td>{comparison ? formatP(comparison.logRank.pValue, lang) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <TrialHelp topics={['rates', 'nr']} testId="trial-table-help" />
      <p className="hint trial-method" data-testid="trial-method">
        {tc('results.method')}
      </p>
    </section>
  );
}
