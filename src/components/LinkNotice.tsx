import { useT } from '../i18n';
import { useExplorer } from '../store/explorer';

/** Problems with a shared link: what was wrong and what was used instead. */
export function LinkNotice() {
  const t = useT();
  const errors = useExplorer((s) => s.linkErrors);
  const dismiss = useExplorer((s) => s.setLinkErrors);
  if (errors.length === 0) return null;
  return (
    <div className="link-notice" role="alert" data-testid="link-notice">
      <p>
        <strong>{t('link.problems')}</strong>
      </p>
      <ul>
        {errors.slice(0, 6).map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
      {errors.length > 6 ? <p>{t('link.more', { count: errors.length - 6 })}</p> : null}
      <button type="button" onClick={() => dismiss([])}>
        {t('link.dismiss')}
      </button>
    </div>
  );
}
