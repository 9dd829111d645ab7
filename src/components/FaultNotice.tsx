/**
 * RestartNotice is the short notice that the simulator was restarted after a fault; it exists so that a recovered
 * crash is said, not hidden.
 */
import { useEffect } from 'react';
import { useT } from '../i18n';
import { useExplorer } from '../store/explorer';
import './faults.css';

/** How long the notice stays before it clears itself, ms: long enough to read twice. */
export const RESTART_NOTICE_MS = 12_000;

/**
 * "The simulator was restarted": shown after a worker that crashed, hung or was closed has been replaced and has
 * answered the latest request again. Non-blocking (a corner toast that does not move the page), announced politely,
 * dismissible, and gone by itself after RESTART_NOTICE_MS.
 */
export function RestartNotice() {
  const t = useT();
  const notice = useExplorer((s) => s.restartNotice);
  const clear = useExplorer((s) => s.setRestartNotice);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => clear(null), RESTART_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, clear]);

  return (
    // The live region stays in the page so that the message is announced when it appears in it.
    <div role="status" aria-live="polite" className="restart-live">
      {notice ? (
        <div className="restart-notice" data-testid="restart-notice" data-kind={notice.kind}>
          <p>{t('notice.restarted', { reason: t(notice.kind === 'timeout' ? 'fault.timeout' : 'fault.crashed') })}</p>
          <button type="button" data-testid="restart-notice-dismiss" onClick={() => clear(null)}>
            {t('notice.dismiss')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
