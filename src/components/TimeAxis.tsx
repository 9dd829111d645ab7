/**
 * TimeAxis is the day scale under the treatment editor's tracks; it exists so that dosing windows are placed against
 * the same time as the charts. It is in days at every scale, like the start, stop and interval fields beside it (a
 * patient chart's months would put 4.4 / 8.9 / 13.3 above fields that hold days).
 */
import { locale, useT } from '../i18n';

export function TimeAxis({ horizon }: { horizon: number }) {
  const t = useT();
  const format = new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * horizon));
  return (
    <div className="track axis" aria-hidden="true">
      {ticks.map((day) => (
        <span key={day} className="axis-tick" style={{ left: `${(day / horizon) * 100}%` }}>
          {format.format(day)}
        </span>
      ))}
      <span className="axis-unit">{t('unit.days')}</span>
    </div>
  );
}
