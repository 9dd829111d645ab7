/**
 * ShareBar is the bar that copies the link, shows its QR code and switches the language; it exists because a
 * scenario is shared as a link.
 */
import { lazy, type RefObject, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, useLanguage, useT } from '../../i18n';
import { useExplorer } from '../../store/explorer';
import { loadChunk } from '../../store/release';
import { togglePresenter, useTeaching } from '../../store/teaching';
import { currentLink } from '../../store/url';
import { Modal } from '../Modal';
import { useMediaQuery } from '../useMediaQuery';
import './teaching.css';

/** The QR encoder is loaded the first time the panel opens, not with the page (and is precached for offline use). */
const QrCode = lazy(() => loadChunk(() => import('./QrCode')).then((m) => ({ default: m.QrCode })));

/**
 * The header's tools: language, copy link, QR code of the link, presenter mode and the shortcut list. The link is read
 * when it is copied, and encoded for the QR panel only while that is open: a slider move does not render the bar.
 */
export function ShareBar() {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const setLanguage = useLanguage((s) => s.setLanguage);
  const presenter = useTeaching((s) => s.presenter);
  const setHelpOpen = useTeaching((s) => s.setHelpOpen);
  const [copied, setCopied] = useState<'' | 'ok' | 'failed'>('');
  const [qrOpen, setQrOpen] = useState(false);
  const languageId = useId();
  const linkBox = useRef<HTMLInputElement>(null);
  // On a phone the tools other than the language fold behind one button, so the header stays two short rows.
  const phone = useMediaQuery('(max-width: 900px)');
  const [moreOpen, setMoreOpen] = useState(false);
  const toolsId = useId();
  const moreButton = useRef<HTMLButtonElement>(null);
  const tools = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!phone) setMoreOpen(false);
  }, [phone]);
  // what presenter mode's switch did, for a screen reader: the switch itself is folded away with the tools
  const [presenterNews, setPresenterNews] = useState('');

  /**
   * A choice made among the phone's folded tools folds them again (presenter mode would otherwise keep four header
   * rows on screen until "More" is pressed); focus goes back to "More", where the choice was opened from, instead of
   * being lost with the hidden button.
   */
  const foldAfterChoice = () => {
    if (!phone) return;
    const focusWasInside = tools.current?.contains(document.activeElement) ?? false;
    setMoreOpen(false);
    if (focusWasInside) moreButton.current?.focus();
  };

  // the panel belongs to the moment it was opened in: a language switch or presenter mode closes it
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of the language or presenter mode
  useEffect(() => {
    setQrOpen(false);
  }, [language, presenter]);

  // presenter mode switched (by its button or the F shortcut): the phone's tools fold, and the change is announced
  const firstPresenter = useRef(presenter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of presenter mode
  useEffect(() => {
    if (firstPresenter.current === presenter) return;
    firstPresenter.current = presenter;
    foldAfterChoice();
    setPresenterNews(t(presenter ? 'presenter.on' : 'presenter.off'));
  }, [presenter]);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(''), 6000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(currentLink());
      setCopied('ok');
      foldAfterChoice();
    } catch {
      setCopied('failed');
      setQrOpen(true);
      setTimeout(() => linkBox.current?.select(), 0);
    }
  };

  return (
    <div
      className="share-bar"
      role="toolbar"
      aria-label={t('share.toolbar')}
      data-testid="share-bar"
      onKeyDown={(e) => {
        // Esc folds the phone's tools away again
        if (phone && moreOpen && e.key === 'Escape') setMoreOpen(false);
      }}
    >
      <label htmlFor={languageId} className="visually-hidden">
        {t('app.language')}
      </label>
      <select
        id={languageId}
        data-testid="language"
        value={language}
        onChange={(e) => {
          const next = e.currentTarget.value;
          if (isLanguage(next)) setLanguage(next);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      {phone ? (
        <button
          ref={moreButton}
          type="button"
          className="share-more"
          data-testid="share-more"
          aria-expanded={moreOpen}
          aria-controls={toolsId}
          onClick={() => setMoreOpen((o) => !o)}
        >
          {t('share.more')} {moreOpen ? '▴' : '▾'}
        </button>
      ) : null}
      <div className="share-tools" id={toolsId} hidden={phone && !moreOpen} ref={tools}>
        <button type="button" data-testid="copy-link" onClick={copy}>
          {t('share.copy')}
        </button>
        <button type="button" data-testid="qr-toggle" aria-expanded={qrOpen} onClick={() => setQrOpen((o) => !o)}>
          {t('share.qr')}
        </button>
        <button type="button" data-testid="presenter-toggle" aria-pressed={presenter} onClick={togglePresenter}>
          {presenter ? t('presenter.exit') : t('presenter.enter')}
        </button>
        <button type="button" data-testid="help-open" aria-label={t('help.open')} onClick={() => setHelpOpen(true)}>
          ?
        </button>
      </div>
      <p className="share-status" aria-live="polite" data-testid="copy-status">
        {copied === 'ok' ? t('share.copied') : copied === 'failed' ? t('share.copyFailed') : ''}
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="presenter-status">
        {presenterNews}
      </p>
      {qrOpen ? (
        <Modal className="qr-panel" testId="qr-panel" label={t('share.qrTitle')} onClose={() => setQrOpen(false)}>
          <QrLink linkBox={linkBox} />
          <button type="button" onClick={() => setQrOpen(false)}>
            {t('share.close')}
          </button>
        </Modal>
      ) : null}
    </div>
  );
}

/** The QR code and the link box of the open panel: the link encoded again when the scenario or the chart options change. */
function QrLink({ linkBox }: { linkBox: RefObject<HTMLInputElement | null> }) {
  const t = useT();
  const scenario = useExplorer((s) => s.scenario);
  const view = useExplorer((s) => s.view);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the link is read from the store when they change
  const link = useMemo(() => currentLink(), [scenario, view]);
  return (
    <>
      <Suspense fallback={<div className="qr" aria-busy="true" />}>
        <QrCode text={link} title={t('share.qrTitle')} />
      </Suspense>
      <label>
        <span>{t('share.linkLabel')}</span>
        <input ref={linkBox} readOnly value={link} data-testid="link-box" onFocus={(e) => e.currentTarget.select()} />
      </label>
    </>
  );
}
