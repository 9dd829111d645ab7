import { useState } from 'react';
import { useT } from '../i18n';
import { useExplorer } from '../store/explorer';
import { useOriginalLink } from '../store/url';

/** Problems with a shared link: what was wrong and what was used instead. */
export function LinkNotice() {
  const t = useT();
  const errors = useExplorer((s) => s.linkErrors);
  const dismiss = useExplorer((s) => s.setLinkErrors);
  const original = useOriginalLink((s) => s.link);
  const [copied, setCopied] = useState<'' | 'ok' | 'failed'>('');
  if (errors.length === 0) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(original);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
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
      {original ? (
        <p className="link-original">
          <label>
            {t('link.original')}
            <input type="text" readOnly value={original} data-testid="link-original" />
          </label>
          <button type="button" data-testid="link-original-copy" onClick={copy}>
            {t('link.copyOriginal')}
          </button>
          <span aria-live="polite">
            {copied === 'ok' ? t('share.copied') : copied === 'failed' ? t('share.copyFailed') : ''}
          </span>
        </p>
      ) : null}
      <button type="button" onClick={() => dismiss([])}>
        {t('link.dismiss')}
      </button>
    </div>
  );
}
