/**
 * ArmTable is the virtual trial's results as a clinical paper reports them: per arm the best overall response (CR,
 * PR, SD, PD, ORR, DCR, time to response), and survival (median PFS and OS, 12-month OS, hazard ratios and log-rank
 * p against the first arm); it exists to report the trial in the form its readers know.
 */
import { memo } from 'react';
import { locale } from '../../i18n';
import { useCohortT } from '../../i18n/cohort';
import { hypothesisArms, RESPONSE_CODES } from '../../scenario/catalogue/trial';
import type { CohortStatistics } from '../../store/cohort';
import { ArmSwatch } from '../ArmSwatch';
import {
  formatCount,
  formatMedian,
  formatMonths,
  formatP,
  formatRate,
  formatRatio,
  placeholderTexts,
} from './chartData';
import { Estimate, Pending } from './Estimate';
import { TrialHelp } from './TrialHelp';
import type { TrialSnapshot } from './TrialResults';

/**
 * Per-arm response rates and survival, hazard ratios and log-rank p. While a run has no statistics yet, the same
 * table with its arms' rows and blank bars for the figures: it takes the room the figures will take, so the figures
 * below do not jump when the first results arrive. `survivalRows`: the survival table's first rows only, and the
 * notes below it once every row is there (a run's results area mounts over frames, TrialResults: the response table
 * first, then the survival table's rows in two halves).
 */
export const ArmTable = memo(function ArmTable({
  statistics,
  scenario,
  slots,
  running,
  survivalRows = Number.POSITIVE_INFINITY,
}: Pick<TrialSnapshot, 'statistics' | 'scenario' | 'slots'> & { running: boolean; survivalRows?: number }) {
  const tc = useCohortT();
  if (!statistics && !(running && scenario)) return null;
  const pending = statistics === null;
  const names = statistics ? statistics.arms.map((a) => a.name) : (scenario?.arms.map((a) => a.name) ?? []);
  const hypotheses = scenario ? hypothesisArms(scenario.arms) : [];
  const lang = locale();
  const reference = names[0] ?? '';
  const nr = tc('results.notReached');
  const sample = placeholderTexts(lang, scenario?.cohort?.size);
  const armCell = (a: number, name: string) => (
    <th scope="row">
      <ArmSwatch slot={slots[a] ?? a} width={22} height={12} />
      {name}
      {hypotheses.includes(a) ? <span className="hypothesis-badge">{tc('hypothesis.badge')}</span> : null}
    </th>
  );
  /** an estimate cell, or its blank bar while the run has no figure (`known`: its text needs no figure) */
  const estimate = (label: string, text: () => string, placeholder: string, testId?: string, known = false) =>
    pending && !known ? (
      <Pending sample={placeholder} label={label} testId={testId} />
    ) : (
      <Estimate testId={testId} text={text()} label={label} />
    );
  /** a plain cell (a count, a p-value), or its blank bar */
  const plain = (
    label: string,
    text: () => string,
    placeholder: string,
    testId?: string,
    known = false,
    className?: string,
  ) =>
    pending && !known ? (
      <Pending sample={placeholder} label={label} testId={testId} plain className={className} />
    ) : (
      <td className={className} data-testid={testId} data-label={label}>
        {text()}
      </td>
    );
  const arm = (a: number) => statistics?.arms[a] as CohortStatistics['arms'][number];
  const comparison = (a: number) => statistics?.comparisons.find((c) => c.comparison === a);
  const responses = RESPONSE_CODES.join(' / ');
  return (
    <section className="trial-card" aria-labelledby="trial-table-heading" aria-busy={pending}>
      <h3 id="trial-table-heading">{tc('results.table')}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways takes focus so the keyboard can scroll it */}
      {/* biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset (no form) nor a landmark (the section is one) */}
      <div className="table-scroll" role="group" aria-labelledby="trial-response-caption" tabIndex={0}>
        <table
          className="trial-table trial-cards trial-fixed"
          data-testid="trial-table"
          data-pending={pending || undefined}
        >
          <caption id="trial-response-caption">{tc('results.responseCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{tc('results.arm')}</th>
              <th scope="col">{tc('results.n')}</th>
              <th scope="col">
                <abbr title={RESPONSE_CODES.map((r) => tc(`response.${r}`)).join(' / ')}>{responses}</abbr>
              </th>
              <th scope="col">{tc('results.orr')}</th>
              <th scope="col">{tc('results.dcr')}</th>
              <th scope="col">{tc('results.timeToResponse')}</th>
            </tr>
          </thead>
          <tbody>
            {names.map((name, a) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: arms are identified by position in a run
              <tr key={a} data-testid={`trial-row-${a}`}>
                {armCell(a, name)}
                {plain(tc('results.n'), () => formatCount(arm(a).patients, lang), sample.count)}
                {plain(
                  responses,
                  () => RESPONSE_CODES.map((r) => formatCount(arm(a).responses[r], lang)).join(' / '),
                  sample.responses,
                  undefined,
                  false,
                  'trial-counts',
                )}
                {estimate(tc('results.orr'), () => formatRate(arm(a).orr, lang), sample.rate, `trial-orr-${a}`)}
                {estimate(tc('results.dcr'), () => formatRate(arm(a).dcr, lang), sample.rate)}
                {plain(
                  tc('results.timeToResponse'),
                  () => {
                    const median = arm(a).timeToResponse.median;
                    return median === null ? '–' : formatMonths(median, lang);
                  },
                  sample.month,
                  `trial-ttr-${a}`,
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {survivalRows > 0 ? (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways takes focus so the keyboard can scroll it */}
          {/* biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset (no form) nor a landmark (the section is one) */}
          <div className="table-scroll" role="group" aria-labelledby="trial-survival-caption" tabIndex={0}>
            <table
              className="trial-table trial-cards trial-fixed"
              data-testid="trial-survival-table"
              data-pending={pending || undefined}
            >
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
                {names.slice(0, survivalRows).map((name, a) => {
                  const c = () => comparison(a);
                  const ratio = (cox: 'cox' | 'osCox') => () => {
                    const k = c()?.[cox];
                    return k ? formatRatio(k.hazardRatio, k.lower, k.upper, lang) : tc('results.reference');
                  };
                  const p = (test: 'logRank' | 'osLogRank') => () => {
                    const t = c()?.[test];
                    return t ? formatP(t.pValue, lang) : '–';
                  };
                  // the first arm is the reference: its ratio and p cells say so before the first results too
                  const first = a === 0;
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: arms are identified by position in a run
                    <tr key={a} data-testid={`trial-survival-row-${a}`}>
                      {armCell(a, name)}
                      {estimate(
                        tc('results.medianPfs'),
                        () => formatMedian(arm(a).medianPfs, nr, lang),
                        sample.months,
                        `trial-pfs-${a}`,
                      )}
                      {estimate(tc('results.pfsHr'), ratio('cox'), sample.ratio, undefined, first)}
                      {plain(tc('results.p'), p('logRank'), sample.p, undefined, first)}
                      {estimate(
                        tc('results.medianOs'),
                        () => formatMedian(arm(a).medianOs, nr, lang),
                        sample.months,
                        `trial-os-${a}`,
                      )}
                      {estimate(
                        tc('results.os12'),
                        () => {
                          const os12 = arm(a).os12;
                          return os12 ? formatRate(os12, lang) : '–';
                        },
                        sample.rate,
                        `trial-os12-${a}`,
                      )}
                      {estimate(tc('results.osHr'), ratio('osCox'), sample.ratio, `trial-os-hr-${a}`, first)}
                      {plain(tc('results.p'), p('osLogRank'), sample.p, undefined, first)}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {survivalRows >= names.length ? (
            <>
              <TrialHelp topics={['rates', 'nr']} testId="trial-table-help" />
              <p className="hint trial-method" data-testid="trial-method">
                {tc('results.method')}
              </p>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
});
