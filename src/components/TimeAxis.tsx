/**
 * TimeAxis is the day (or month) scale under the treatment editor's tracks; it exists so that dosing windows are
 * placed against the same time as the charts.
 */
import { displayUnits, formatTime } from '../charts/format';
import { locale, useT } from '../i18n';
import { scaleOf, useExplorer } from '../store/explorer';

export function TimeAxis({ horizon }: { horizon: number }) {
  const t = useT();
  // narrow selectors: a slider move (a new scenario, same arms) does not re-render this on the input path
  const units = displayUnits(useExplorer((s) => scaleOf(s.scenario)));
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * horizon);
  return (
    <div className="track axis" aria-hidden="true">
      {ticks.map((day) => (
        <span key={day} className="axis-tick" style={{ left: `${(day / horizon) * 100}%` }}>
          {formatTime(day, units, locale())}
        </span>
      ))}
      <span className="axis-unit">{t(units.time === 'months' ? 'unit.months' : 'unit.days')}</span>
    </div>
  );
}
