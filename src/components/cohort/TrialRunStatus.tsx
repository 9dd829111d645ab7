/**
 * TrialRunStatus is the trial's run bar (Run, Cancel, progress, elapsed time); it exists so that a long run shows
 * its progress and can be stopped.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
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
  // The run's box keeps the height it had while running once the run has ended (its banner inside it), so the
  // results below do not move up at the end of a run, as they do not move down at its first results.
  // Its height is read by a ResizeObserver, after the browser's own layout: read in a layout effect at every count of
  // patients done, it forced a layout of the page's changes in the middle of each partial result's commit.
  const slot = useRef<HTMLDivElement>(null);
  const [kept, setKept] = useState(0);
  useLayoutEffect(() => {
    if (status === 'idle') setKept(0);
  }, [status]);
  useEffect(() => {
    const element = slot.current;
    if (status !== 'running' || !element) return;
    if (typeof ResizeObserver === 'undefined') {
      setKept(element.offsetHeight);
      return;
    }
    // called after layout, when the box's size changed (and once at the start): reading offsetHeight here lays out nothing
    const observer = new ResizeObserver(() => setKept(element.offsetHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [status]);
  const keep = status !== 'running' && status !== 'idle' && kept > 0;

  return (
    <div className="trial-status" data-testid="trial-status" data-status={status}>
      {status === 'idle' ? (
        <div className="trial-empty" data-testid="trial-empty">
          <p>{tc('run.empty')}</p>
        </div>
      ) : null}
      <div className="trial-run-slot" ref={slot} style={keep ? { minHeight: kept } : undefined}>
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
            {/* the second line is there from the start, so the first results do not push the page down */}
            <p className="hint" data-testid="trial-partial">
              {hasBlock ? tc('run.partial', counts) : tc('run.waiting')}
            </p>
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
      </div>
      {stale && status !== 'running' && status !== 'idle' ? (
        <p className="trial-banner info" data-testid="trial-stale">
          {tc('run.stale')}
        </p>
      ) : null}
    </div>
  );
}
