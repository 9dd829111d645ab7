/**
 * TrialRunStatus is the trial's run bar (Run, Cancel, progress, elapsed time); it exists so that a long run shows
 * its progress and can be stopped.
 */
import { locale } from '../../i18n';
import { useCohortT } from '../../i18n/cohort';
import { planTrial, useCohort } from '../../store/cohort';
import { useExplorer } from '../../store/explorer';
import { formatCount } from './chartData';
import { ProgressBar } from './ProgressBar';

/** Progress, and the designed states of a run: empty, running, done, cancelled, failed, out of date. */
export function TrialRunStatus({ stale }: { stale: boolean }) {
  const tc = useCohortT();
  const status = useCohort((s) => s.status);
  const done = useCohort((s) => s.done);
  const total = useCohort((s) => s.total);
  const workers = useCohort((s) => s.workers);
  const arms = useCohort((s) => s.scenario?.arms.length ?? 0);
  const elapsedMs = useCohort((s) => s.elapsedMs);
  const error = useCohort((s) => s.error);
  const origin = useCohort((s) => s.origin);
  const seed = useCohort((s) => s.scenario?.cohort?.seed ?? 0);
  const hasBlock = useCohort((s) => s.block !== null);
  const start = useCohort((s) => s.start);
  const scenario = useExplorer((s) => s.scenario);
  const meta = useExplorer((s) => s.meta);
  const lang = locale();
  const counts = { done: formatCount(done, lang), total: formatCount(total, lang) };

  return (
    <div className="trial-status" data-testid="trial-status" data-status={status}>
      {status === 'idle' ? (
        <div className="trial-empty" data-testid="trial-empty">
          <p>{tc('run.empty')}</p>
        </div>
      ) : null}
      {status === 'running' && origin === 'cache' ? (
        <p className="hint" data-testid="trial-opening">
          {tc('run.openingKept')}
        </p>
      ) : null}
      {status === 'running' && origin !== 'cache' ? (
        <div className="trial-progress">
          <ProgressBar
            id="trial-progress-label"
            label={tc('run.running', { ...counts, workers })}
            done={done}
            total={total}
            valueText={tc('run.progressText', counts)}
            testId="trial-progress"
          />
          {origin === 'link' ? (
            <p className="hint" data-testid="trial-from-link">
              {tc('run.fromLink', { seed })}
            </p>
          ) : null}
          {hasBlock ? <p className="hint">{tc('run.partial', counts)}</p> : null}
        </div>
      ) : null}
      <div role="status" aria-live="polite" className="trial-live">
        {status === 'done' && elapsedMs !== null ? (
          <p className="trial-banner ok" data-testid="trial-done">
            {tc(origin === 'link' ? 'run.doneFromLink' : origin === 'cache' ? 'run.doneFromKept' : 'run.done', {
              total: counts.total,
              arms,
              seed,
              seconds: (elapsedMs / 1000).toLocaleString(lang, { maximumFractionDigits: 1 }),
            })}
          </p>
        ) : null}
        {status === 'cancelled' ? (
          <p className="trial-banner warn" data-testid="trial-cancelled">
            {hasBlock ? tc('run.cancelled', counts) : tc('run.cancelledEmpty')}
          </p>
        ) : null}
      </div>
      {status === 'error' ? (
        <div className="trial-banner error" role="alert" data-testid="trial-error">
          <p>{tc('run.error', { message: error })}</p>
          {hasBlock ? <p data-testid="trial-error-partial">{tc('run.errorPartial', counts)}</p> : null}
          <button type="button" onClick={() => start(planTrial(scenario, meta))}>
            {tc('run.retry')}
          </button>
        </div>
      ) : null}
      {stale && status !== 'running' && status !== 'idle' ? (
        <p className="trial-banner info" data-testid="trial-stale">
          {tc('run.stale')}
        </p>
      ) : null}
    </div>
  );
}
