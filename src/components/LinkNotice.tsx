/**
 * LinkNotice is the alert above the explorer that lists what could not be used in a shared link and what was used
 * instead, until dismissed, with the link as it was opened. It exists so that a bad link never fails silently: each
 * problem is worded in the interface's language from its code and field, with the codec's detailed message (which
 * quotes the values) below.
 */
import { useState } from 'react';
import { useLanguage, useT } from '../i18n';
import { useExplorer } from '../store/explorer';
import { useOriginalLink } from '../store/url';
import { linkErrorDetail, linkErrorText } from './linkErrorText';

export function LinkNotice() {
  const t = useT();
  const language = useLanguage((s) => s.language);
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
        {errors.slice(0, 6).map((error, i) => {
          const detail = linkErrorDetail(error, language);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
            <li key={i} data-testid="link-error" data-code={error.code} data-field={error.field}>
              <span className="link-error-summary">{linkErrorText(error)}</span>{' '}
              <span className="link-error-detail" lang={detail.lang}>
                {detail.text}
              </span>
            </li>
          );
        })}
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
