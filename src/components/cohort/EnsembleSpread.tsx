/**
 * EnsembleSpread is the option to see the model's own uncertainty beside the sampling intervals: the trial repeated
 * over the plausible parameter ensemble (store/ensembleTrial.ts), with its cost said before it runs, its progress and
 * Cancel, then each figure as "0.62 (sampling 0.50–0.78; across plausible models 0.29–0.71)"; it exists because a
 * narrow sampling interval says nothing about how sure the model is.
 */
import { memo } from 'react';
import { locale } from '../../i18n';
import { useCohortT } from '../../i18n/cohort';
import { ENSEMBLE_DRAW_CHOICES, ensembleDraws, setEnsembleDraws, useEnsembleTrial } from '../../store/ensembleTrial';
import { useExplorer } from '../../store/explorer';
import { costKey, estimateSeconds, trialWorkers, useTrialCost } from '../../store/trialCost';
import { ArmSwatch } from '../ArmSwatch';
import { useRunFocus } from '../useRunFocus';
import { formatCount, formatMedian, formatRate, formatRatio, formatSpread, type SpreadKind } from './chartData';
import { ProgressBar } from './ProgressBar';
import type { TrialSnapshot } from './TrialResults';

export const EnsembleSpread = memo(function EnsembleSpread({
  statistics,
  scenario,
  slots,
  status: trialStatus,
  runKey: key,
}: Pick<TrialSnapshot, 'statistics' | 'scenario' | 'slots' | 'status'> & { runKey: string }) {
  const tc = useCohortT();
  const ensemble = useEnsembleTrial();
  const cost = useTrialCost();
  const draws = ensembleDraws(useExplorer((s) => s.view));
  // Shown from the start of a run, its buttons waiting for the run's end: it takes its room before the figures below
  // it are drawn, so they do not move down when the run finishes.
  const trialRunning = trialStatus === 'running';
  // this trial's ensemble is running; keyboard focus follows the action: to Cancel when it starts, back to Run after
  const running = ensemble.key === key && ensemble.status === 'running';
  const focus = useRunFocus(running);
  if (!scenario || !((trialStatus === 'done' && statistics) || trialRunning)) return null;
  const lang = locale();
  const nr = tc('results.notReached');
  const size = scenario.cohort?.size ?? 0;
  const mine = ensemble.key === key ? ensemble : null;
  const result = mine?.status === 'done' && statistics && !trialRunning ? mine.result : null;
  const known = cost.key === costKey(scenario) && cost.msPerPatient !== null ? cost.msPerPatient : null;
  const seconds = known === null ? null : estimateSeconds(known, size * draws, trialWorkers(size * draws));
  const number = (v: number) => v.toLocaleString(lang, { maximumFractionDigits: v < 10 ? 1 : 0 });
  const duration =
    seconds === null
      ? tc('spread.unknownTime')
      : seconds < 120
        ? tc('cost.seconds', { value: number(seconds) })
        : tc('cost.minutes', { value: number(seconds / 60) });
  const spreadText = (kind: SpreadKind, s: Parameters<typeof formatSpread>[1]) => formatSpread(kind, s, nr, lang);
  const reference = statistics?.arms[0]?.name ?? '';

  const row = (
    id: string,
    label: string,
    arm: number,
    sampling: string,
    across: string | null,
    hypothesis: boolean,
  ) => (
    <tr key={id} data-testid={`trial-spread-${id}`}>
      <th scope="row">
        <ArmSwatch slot={slots[arm] ?? arm} width={22} height={12} />
        {label}
        {hypothesis ? <span className="hypothesis-badge">{tc('hypothesis.badge')}</span> : null}
      </th>
      <td data-testid={`trial-spread-${id}-text`}>
        {across === null ? sampling : tc('spread.figure', { sampling, across })}
      </td>
    </tr>
  );

  return (
    <section className="trial-card" aria-labelledby="trial-spread-heading" data-testid="trial-spread">
      <h3 id="trial-spread-heading">{tc('spread.heading')}</h3>
      <p className="hint">{tc('spread.intro', { draws })}</p>
      <label className="trial-spread-size">
        {tc('spread.size')}{' '}
        <select
          data-testid="trial-spread-size"
          value={draws}
          disabled={running}
          onChange={(e) => setEnsembleDraws(Number(e.currentTarget.value))}
        >
          {[...new Set([...ENSEMBLE_DRAW_CHOICES, draws])]
            .sort((a, b) => a - b)
            .map((n) => (
              <option key={n} value={n}>
                {formatCount(n, lang)}
              </option>
            ))}
        </select>
      </label>
      <p data-testid="trial-spread-cost">
        {tc('spread.cost', {
          draws,
          patients: formatCount(size, lang),
          arms: scenario.arms.length,
          duration,
        })}
      </p>
      <div className="trial-actions-inline">
        <button
          ref={focus.run}
          {...focus.runProps}
          type="button"
          data-testid="trial-spread-run"
          disabled={running || trialRunning}
          aria-describedby={trialRunning ? 'trial-spread-after-run' : undefined}
          onClick={() => useEnsembleTrial.getState().start()}
        >
          {result ? tc('spread.again') : tc('spread.run')}
        </button>
        <button
          ref={focus.cancel}
          {...focus.cancelProps}
          type="button"
          data-testid="trial-spread-cancel"
          disabled={!running}
          onClick={() => useEnsembleTrial.getState().cancel()}
        >
          {tc('run.cancel')}
        </button>
      </div>
      {running && mine ? (
        <div className="trial-progress">
          <ProgressBar
            id="trial-spread-progress-label"
            label={tc('spread.running', { done: mine.done, total: mine.total })}
            done={mine.done}
            total={mine.total}
            testId="trial-spread-progress"
          />
        </div>
      ) : null}
      <div role="status" aria-live="polite" className="trial-spread-status">
        {trialRunning ? (
          <p className="hint" id="trial-spread-after-run" data-testid="trial-spread-after-run">
            {tc('spread.afterRun')}
          </p>
        ) : null}
        {mine?.status === 'cancelled' ? <p className="hint">{tc('spread.cancelled')}</p> : null}
        {mine?.status === 'error' ? <p className="hint">{tc('run.error', { message: mine.error })}</p> : null}
        {result ? <p className="hint">{tc('spread.done', { draws: result.draws })}</p> : null}
      </div>
      {result && statistics ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways takes focus so the keyboard can scroll it
        // biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset (no form) nor a landmark (the section is one)
        <div className="table-scroll" role="group" aria-labelledby="trial-spread-caption" tabIndex={0}>
          <table className="trial-table trial-spread-table" data-testid="trial-spread-table">
            <caption id="trial-spread-caption">{tc('spread.caption')}</caption>
            <tbody>
              {statistics.comparisons.map((c) => {
                const s = result.comparisons[c.comparison - 1];
                const name = statistics.arms[c.comparison]?.name ?? '';
                const hyp = result.arms[c.comparison]?.hypothesis ?? false;
                return [
                  row(
                    `pfsHr-${c.comparison}`,
                    tc('spread.pfsHr', { name, reference }),
                    c.comparison,
                    formatRatio(c.cox.hazardRatio, c.cox.lower, c.cox.upper, lang),
                    s ? spreadText('ratio', s.hrPfs) : null,
                    hyp,
                  ),
                  row(
                    `osHr-${c.comparison}`,
                    tc('spread.osHr', { name, reference }),
                    c.comparison,
                    formatRatio(c.osCox.hazardRatio, c.osCox.lower, c.osCox.upper, lang),
                    s ? spreadText('ratio', s.hrOs) : null,
                    hyp,
                  ),
                ];
              })}
              {statistics.arms.map((arm, a) => {
                const s = result.arms[a];
                return [
                  row(
                    `orr-${a}`,
                    tc('spread.orr', { name: arm.name }),
                    a,
                    formatRate(arm.orr, lang),
                    s ? spreadText('rate', s.orr) : null,
                    s?.hypothesis ?? false,
                  ),
                  row(
                    `pfs-${a}`,
                    tc('spread.medianPfs', { name: arm.name }),
                    a,
                    formatMedian(arm.medianPfs, nr, lang),
                    s ? spreadText('months', s.medianPfs) : null,
                    s?.hypothesis ?? false,
                  ),
                  row(
                    `os-${a}`,
                    tc('spread.medianOs', { name: arm.name }),
                    a,
                    formatMedian(arm.medianOs, nr, lang),
                    s ? spreadText('months', s.medianOs) : null,
                    s?.hypothesis ?? false,
                  ),
                  row(
                    `os12-${a}`,
                    tc('spread.os12', { name: arm.name }),
                    a,
                    arm.os12 ? formatRate(arm.os12, lang) : '–',
                    s ? spreadText('rate', s.os12) : null,
                    s?.hypothesis ?? false,
                  ),
                ];
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {result && statistics ? (
        <>
          <h4 id="trial-directions-heading">{tc('spread.directions')}</h4>
          <ul
            className="trial-directions"
            data-testid="trial-spread-directions"
            aria-labelledby="trial-directions-heading"
          >
            {statistics.arms.map((arm, a) => {
              const s = result.arms[a];
              if (!s) return null;
              const pct = (share: number) => `${formatCount(Math.round(100 * share), lang)} %`;
              return (
                <li key={arm.name} data-testid={`trial-spread-directions-${a}`}>
                  <ArmSwatch slot={slots[a] ?? a} width={22} height={12} />
                  {tc('spread.directionShares', {
                    name: arm.name,
                    nrf2: pct(s.nrf2Shorter),
                    pge2: pct(s.pge2Shorter),
                    draws: result.draws,
                  })}
                </li>
              );
            })}
          </ul>
          <p className="hint">{tc('spread.note')}</p>
        </>
      ) : null}
    </section>
  );
});
