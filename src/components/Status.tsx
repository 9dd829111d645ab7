/**
 * Status is the simulation status badge, announced to screen readers; it exists so that nobody mistakes an old
 * result for a fresh one.
 */
import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { type ExplorerState, useExplorer } from '../store/explorer';

/**
 * How long a result may be on its way before the badge says "computing" instead of "ready" (ms). A slider move's
 * answer comes in a few ms, so during a drag the badge (and what a screen reader announces) no longer flips twice per
 * move, and the input's own frame has nothing of it to lay out; a slow run still shows "computing" within a blink
 * (chosen: about the 0.1–0.3 s under which a response feels immediate). data-status is always the store's own status.
 */
export const COMPUTING_SHOWN_AFTER_MS = 200;

/** The status as the badge shows it: "ready" stays up for COMPUTING_SHOWN_AFTER_MS after a new run has begun. */
export function useShownStatus(status: ExplorerState['status']): ExplorerState['status'] {
  const [shown, setShown] = useState(status);
  const held = status === 'computing' && shown === 'ready';
  if (!held && shown !== status) setShown(status);
  useEffect(() => {
    if (!held) return undefined;
    const id = setTimeout(() => setShown('computing'), COMPUTING_SHOWN_AFTER_MS);
    return () => clearTimeout(id);
  }, [held]);
  return held ? 'ready' : status;
}

/** Simulation status, announced to screen readers (aria-live) and shown as a badge. */
export function Status() {
  const t = useT();
  const actual = useExplorer((s) => s.status);
  const status = useShownStatus(actual);
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
      data-status={actual}
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
