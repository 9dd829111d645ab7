/**
 * ArmTable is the virtual trial's results as a clinical paper reports them: per arm the best overall response (CR,
 * PR, SD, PD, ORR, DCR, time to response), and survival (median PFS and OS, 12-month OS, hazard ratios and log-rank
 * p against the first arm); it exists to report the trial in the form its readers know.
 */
import { locale } from '../../i18n';
import { useCohortT } from '../../i18n/cohort';
import { hypothesisArms, RESPONSE_CODES } from '../../scenario/catalogue/trial';
import { useCohort } from '../../store/cohort';
import { ArmSwatch } from '../ArmSwatch';
import { formatCount, formatMedian, formatMonths, formatP, formatRate, formatRatio } from './chartData';
import { Estimate } from './Estimate';
import { TrialHelp } from './TrialHelp';

/** Per-arm response rates and survival, hazard ratios and log-rank p. */
export function ArmTable() {
  const tc = useCohortT();
  const statistics = useCohort((s) => s.statistics);
  const slots = useCohort((s) => s.slots);
  const scenario = useCohort((s) => s.scenario);
  if (!statistics) return null;
  const hypotheses = scenario ? hypothesisArms(scenario.arms) : [];
  const lang = locale();
  const reference = statistics.arms[0]?.name ?? '';
  const nr = tc('results.notReached');
  const armCell = (a: number, name: string) => (
    <th scope="row">
      <ArmSwatch slot={slots[a] ?? a} width={22} height={12} />
      {name}
      {hypotheses.includes(a) ? <span className="hypothesis-badge">{tc('hypothesis.badge')}</span> : null}
    </th>
  );
  return (
    <section className="trial-card" aria-labelledby="trial-table-heading">
      <h3 id="trial-table-heading">{tc('results.table')}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways takes focus so the keyboard can scroll it */}
      {/* biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset (no form) nor a landmark (the section is one) */}
      <div className="table-scroll" role="group" aria-labelledby="trial-response-caption" tabIndex={0}>
        <table className="trial-table trial-cards" data-testid="trial-table">
          <caption id="trial-response-caption">{tc('results.responseCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{tc('results.arm')}</th>
              <th scope="col">{tc('results.n')}</th>
              <th scope="col">
                <abbr title={RESPONSE_CODES.map((r) => tc(`response.${r}`)).join(' / ')}>
                  {RESPONSE_CODES.join(' / ')}
                </abbr>
              </th>
              <th scope="col">{tc('results.orr')}</th>
              <th scope="col">{tc('results.dcr')}</th>
              <th scope="col">{tc('results.timeToResponse')}</th>
            </tr>
          </thead>
          <tbody>
            {statistics.arms.map((arm, a) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: arms are identified by position in a run
              <tr key={a} data-testid={`trial-row-${a}`}>
                {armCell(a, arm.name)}
                <td data-label={tc('results.n')}>{formatCount(arm.patients, lang)}</td>
                <td data-label={RESPONSE_CODES.join(' / ')}>
                  {RESPONSE_CODES.map((r) => formatCount(arm.responses[r], lang)).join(' / ')}
                </td>
                <Estimate testId={`trial-orr-${a}`} text={formatRate(arm.orr, lang)} label={tc('results.orr')} />
                <Estimate text={formatRate(arm.dcr, lang)} label={tc('results.dcr')} />
                <td data-testid={`trial-ttr-${a}`} data-label={tc('results.timeToResponse')}>
                  {arm.timeToResponse.median === null ? '–' : formatMonths(arm.timeToResponse.median, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways takes focus so the keyboard can scroll it */}
      {/* biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset (no form) nor a landmark (the section is one) */}
      <div className="table-scroll" role="group" aria-labelledby="trial-survival-caption" tabIndex={0}>
        <table className="trial-table trial-cards" data-testid="trial-survival-table">
          <caption id="trial-survival-caption">{tc('results.survivalCaption', { reference })}</caption>
          <thead>
            <tr>
              <th scope="col">{tc('results.arm')}</th>
              <th scope="col">{tc('results.medianPfs')}</th>
              <th scope="col">{tc('results.pfsHr')}</th>
              <th scope="col">{tc('results.p')}</th>
              <th scope="col">{tc('results.medianOs')}</th>
              <th scope="col">{tc('results.os12')}</th>
              <th scope="col">{tc('results.osHr')}</th>
              <th scope="col">{tc('results.p')}</th>
            </tr>
          </thead>
          <tbody>
            {statistics.arms.map((arm, a) => {
              const comparison = statistics.comparisons.find((c) => c.comparison === a);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: arms are identified by position in a run
                <tr key={a} data-testid={`trial-survival-row-${a}`}>
                  {armCell(a, arm.name)}
                  <Estimate
                    testId={`trial-pfs-${a}`}
                    text={formatMedian(arm.medianPfs, nr, lang)}
                    label={tc('results.medianPfs')}
                  />
                  <Estimate
                    label={tc('results.pfsHr')}
                    text={
                      comparison
                        ? formatRatio(comparison.cox.hazardRatio, comparison.cox.lower, comparison.cox.upper, lang)
                        : tc('results.reference')
                    }
                  />
                  <td data-label={tc('results.p')}>{comparison ? formatP(comparison.logRank.pValue, lang) : '–'}</td>
                  <Estimate
                    testId={`trial-os-${a}`}
                    text={formatMedian(arm.medianOs, nr, lang)}
                    label={tc('results.medianOs')}
                  />
                  <Estimate
                    testId={`trial-os12-${a}`}
                    text={arm.os12 ? formatRate(arm.os12, lang) : '–'}
                    label={tc('results.os12')}
                  />
                  <Estimate
                    testId={`trial-os-hr-${a}`}
                    label={tc('results.osHr')}
                    text={
                      comparison
                        ? formatRatio(
                            comparison.osCox.hazardRatio,
                            comparison.osCox.lower,
                            comparison.osCox.upper,
                            lang,
                          )
                        : tc('results.reference')
                    }
                  />
                  <td data-label={tc('results.p')}>{comparison ? formatP(comparison.osLogRank.pValue, lang) : '–'}</td>
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
