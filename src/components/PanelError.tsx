/**
 * PanelError is the message a PanelBoundary shows in place of a failed panel, with "Try again"; it exists so that a
 * failure is named and recoverable.
 */
import { useT } from '../i18n';

export function PanelError({ name, label, onRetry }: { name: string; label?: string; onRetry: () => void }) {
  const t = useT();
  return (
    <div className="panel-error" role="status" data-testid="panel-error" data-panel={name}>
      <p>{label ? t('boundary.failedNamed', { panel: label }) : t('boundary.failed')}</p>
      <button type="button" data-testid="panel-retry" onClick={onRetry}>
        {t('boundary.retry')}
      </button>
    </div>
  );
}
