import { useEffect } from 'react';
import { locale, useT } from '../i18n';
import { DOSE_LIMITS } from '../scenario/limits';
import type { DrugId, Scale } from '../scenario/types';
import { useExplorer } from '../store/explorer';
import { dynamicKey } from '../store/teaching';

/** How long the notice stays (the Undo button beside the controls stays available after it goes). */
const NOTICE_MS = 20_000;
/** Converted schedules listed by name in the notice (the rest are counted). */
const SHOWN_CONVERSIONS = 3;

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
    else if (d.conversions && d.conversions.length > 0 && d.toScale) {
      const number = new Intl.NumberFormat(locale(), { maximumSignificantDigits: 4 });
      const dose = (value: number, drug: DrugId, scale: Scale) =>
        `${number.format(value)} ${DOSE_LIMITS[drug][scale].unit}`;
      const from = d.fromScale ?? d.toScale;
      const to = d.toScale;
      const items = d.conversions.slice(0, SHOWN_CONVERSIONS).map((c) =>
        t('history.notice.conversion', {
          arm: c.arm,
          drug: t(dynamicKey(`drug.${c.drug}`)),
          fromDose: dose(c.from.dose, c.drug, from),
          fromEvery: number.format(c.from.interval),
          fromStart: number.format(c.from.start),
          fromStop: number.format(c.from.stop),
          toDose: dose(c.to.dose, c.drug, to),
          toEvery: number.format(c.to.interval),
          toStart: number.format(c.to.start),
          toStop: number.format(c.to.stop),
        }),
      );
      const more = d.conversions.length - SHOWN_CONVERSIONS;
      if (more > 0) items.push(t('history.notice.conversionMore', { count: more }));
      message = t('history.notice.settingConverted', {
        name,
        from: d.fromHorizon,
        to: d.toHorizon,
        scale: t(`history.scale.${to}`),
        list: items.join('; '),
      });
    } else {
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
