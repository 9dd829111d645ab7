import { useState } from 'react';
import { useT } from '../i18n';
import { reloadIntoNewRelease, useRelease } from '../store/release';
import './faults.css';

/**
 * What the page knows about releases: a new one waiting ("A new version is ready — reload"), a part of the app that
 * could not be loaded (a release replaced it), an app that could not be stored for offline use, or a new release that
 * could not be stored while this one keeps working (quota, storage refused). The reload keeps
 * the scenario: it is in the address.
 */
export function ReleaseNotice() {
  const t = useT();
  const { updateReady, chunkFailed, offlineUnavailable, updateFailed } = useRelease();
  const [offlineDismissed, setOfflineDismissed] = useState(false);
  const [updateFailedDismissed, setUpdateFailedDismissed] = useState(false);
  if (updateReady || chunkFailed) {
    return (
      <div
        className="release-notice"
        role="status"
        data-testid="release-notice"
        data-kind={chunkFailed ? 'chunk' : 'update'}
      >
        <p>{t(chunkFailed ? 'release.chunkFailed' : 'release.ready')}</p>
        <button type="button" data-testid="release-reload" onClick={reloadIntoNewRelease}>
          {t('release.reload')}
        </button>
      </div>
    );
  }
  if (updateFailed && !updateFailedDismissed) {
    return (
      <div className="release-notice" role="status" data-testid="update-failed" title={updateFailed}>
        <p>{t('release.updateFailed')}</p>
        <button type="button" onClick={() => setUpdateFailedDismissed(true)}>
          {t('link.dismiss')}
        </button>
      </div>
    );
  }
  if (offlineUnavailable && !offlineDismissed) {
    return (
      <div className="release-notice" role="status" data-testid="offline-unavailable" title={offlineUnavailable}>
        <p>{t('release.offlineUnavailable')}</p>
        <button type="button" onClick={() => setOfflineDismissed(true)}>
          {t('link.dismiss')}
        </button>
      </div>
    );
  }
  return null;
}
