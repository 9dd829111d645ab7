/**
 * Status is the simulation status badge, announced to screen readers; it exists so that nobody mistakes an old
 * result for a fresh one.
 */
import { useT } from '../i18n';
import { useExplorer } from '../store/explorer';

/** Simulation status, announced to screen readers (aria-live) and shown as a badge. */
export function Status() {
  const t = useT();
  const status = useExplorer((s) => s.status);
  const message = useExplorer((s) => s.statusMessage);
  const fault = useExplorer((s) => s.statusFault);
  // The reason in the page's language; the worker's own (English, technical) message goes in the tooltip.
  const reason = fault ? t(fault === 'timeout' ? 'fault.timeout' : 'fault.crashed') : message;
  const unsolvable = status === 'error' && fault === 'unsolvable';
  const text =
    status === 'computing'
      ? t('status.computing')
      : status === 'ready'
        ? t('status.ready')
        : unsolvable
          ? t('status.unsolvable')
          : status === 'error'
            ? t('status.error', { message: reason })
            : status === 'unavailable'
              ? t('status.unavailable')
              : t('status.idle');
  return (
    <p
      className={`status status-${status}`}
      data-testid="status"
      data-status={status}
      title={status === 'error' || status === 'unavailable' ? message || undefined : undefined}
      role={status === 'error' || status === 'unavailable' ? 'alert' : 'status'}
      aria-live={status === 'error' || status === 'unavailable' ? 'assertive' : 'polite'}
    >
      <span className="status-dot" aria-hidden="true" />
      {text}
      {status === 'unavailable' ? (
        <button type="button" onClick={() => location.reload()}>
          {t('error.reload')}
        </button>
      ) : null}
    </p>
  );
}
