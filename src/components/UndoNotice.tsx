import { useEffect } from 'react';
import { useT } from '../i18n';
import { useExplorer } from '../store/explorer';
import { dynamicKey } from '../store/teaching';

/** How long the notice stays (the Undo button beside the controls stays available after it goes). */
const NOTICE_MS = 20_000;

/**
 * After a change that replaces much at once (a preset loaded, an arm deleted, the setting changed): what happened,
 * with an Undo button, instead of a confirmation asked beforehand. The live region is always there, so that a
 * screen reader announces each notice.
 */
export function UndoNotice() {
  const t = useT();
  const notice = useExplorer((s) => s.undoNotice);
  const undo = useExplorer((s) => s.undo);
  const dismiss = useExplorer((s) => s.dismissUndoNotice);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismiss, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);

  let message = '';
  if (notice?.kind === 'preset') {
    const title = t(dynamicKey(`preset.${notice.subject}.title`));
    message = t('history.notice.preset', { name: title.startsWith('preset.') ? notice.subject : title });
  } else if (notice?.kind === 'delete') {
    message = t('history.notice.delete', { name: notice.subject });
  } else if (notice?.kind === 'setting') {
    const name = t(dynamicKey(`setting.${notice.subject}`));
    const d = notice.detail;
    if (!d) message = t('history.notice.setting', { name });
    else {
      const key = d.schedulesReplaced ? 'history.notice.settingSchedules' : 'history.notice.settingHorizon';
      message = t(key, { name, from: d.fromHorizon, to: d.toHorizon });
    }
  } else if (notice?.kind === 'reset') {
    message = t('history.notice.reset');
  } else if (notice?.kind === 'import') {
    message = t('history.notice.import', { name: notice.subject });
  } else if (notice?.kind === 'saved') {
    message = t('history.notice.saved', { name: notice.subject });
  }

  return (
    <div className="undo-notice" role="status" data-testid="undo-notice" data-kind={notice?.kind ?? ''}>
      {notice ? (
        <>
          <p>{message}</p>
          <button type="button" className="primary" data-testid="undo-notice-undo" onClick={undo}>
            {t('history.undo')}
          </button>
          <button type="button" data-testid="undo-notice-dismiss" onClick={dismiss}>
            {t('history.dismiss')}
          </button>
        </>
      ) : null}
    </div>
  );
}
