/**
 * BandsToggle is the tumour-volume chart's switch for uncertainty bands (store/bands.ts): a checkbox and a short,
 * politely announced status (waiting for a pause, progress, done). The bands themselves are drawn by the chart.
 */
import { useT } from '../../i18n';
import { BAND_MEMBERS, useBands } from '../../store/bands';
import './toolkit.css';

export function BandsToggle() {
  const t = useT();
  const on = useBands((s) => s.on);
  const status = useBands((s) => s.status);
  const done = useBands((s) => s.done);
  const total = useBands((s) => s.total);
  const error = useBands((s) => s.error);
  const setOn = useBands((s) => s.setOn);
  const text =
    status === 'waiting'
      ? t('bands.waiting')
      : status === 'running'
        ? t('bands.running', { done, total })
        : status === 'done'
          ? t('bands.done', { members: BAND_MEMBERS })
          : status === 'error'
            ? t('bands.error', { message: error ?? '' })
            : '';
  return (
    <span className="bands-toggle">
      <label className="checkbox" title={t('bands.title', { members: BAND_MEMBERS })}>
        <input
          type="checkbox"
          data-testid="bands-toggle"
          checked={on}
          onChange={(e) => setOn(e.currentTarget.checked)}
        />
        <span>{t('bands.toggle')}</span>
      </label>
      <span className="hint" aria-live="polite" data-testid="bands-status" data-status={status}>
        {text}
      </span>
    </span>
  );
}
