/**
 * The caption line naming the model parameters changed from their defaults, shared by the explorer's charts, their
 * exports and the analyses panel (kept apart from the panel, which loads as its own chunk).
 */
import { formatNumber } from '../../charts/format';
import { locale, type useT } from '../../i18n';
import type { ChangedParameter } from '../../store/toolkit';

/** The caption line of changed parameters ('' when none): shown under the title and written into exports. */
export function changedText(changed: readonly ChangedParameter[], t: ReturnType<typeof useT>): string {
  if (changed.length === 0) return '';
  const lang = locale();
  const list = changed
    .map((c) =>
      t('params.changeItem', { id: c.id, value: formatNumber(c.value, lang), default: formatNumber(c.default, lang) }),
    )
    .join('; ');
  return t('params.captionChanged', { list });
}
