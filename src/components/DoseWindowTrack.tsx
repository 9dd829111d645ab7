/**
 * DoseWindowTrack is one drug's dosing window on the treatment editor's time line, dragged or moved with the
 * keyboard; it exists so that a schedule can be shaped directly against the time axis.
 */
import { type KeyboardEvent, type PointerEvent, useMemo, useRef } from 'react';
import { useT } from '../i18n';
import { doseTimes } from '../scenario/catalogue/calendar';
import { SCHEDULE_LIMITS } from '../scenario/limits';
import type { DoseSchedule, DrugId } from '../scenario/types';
import { useExplorer } from '../store/explorer';

export function DoseWindowTrack({
  drug,
  schedule,
  horizon,
}: {
  drug: DrugId;
  schedule: DoseSchedule;
  horizon: number;
}) {
  const t = useT();
  const setSchedule = useExplorer((s) => s.setSchedule);
  const track = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const label = t(`drug.${drug}`);
  const left = (Math.min(schedule.start, horizon) / horizon) * 100;
  const right = (Math.min(schedule.stop, horizon) / horizon) * 100;
  const doses = useMemo(() => doseTimes(schedule, horizon), [schedule, horizon]);
  const dosePath = useMemo(() => trackDosePath(doses, horizon), [doses, horizon]);

  const begin = (mode: DragMode) => (e: PointerEvent<HTMLElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    (e.currentTarget as HTMLElement).focus();
    drag.current = { mode, pointerX: e.clientX, trackWidth: track.current?.clientWidth ?? 1, original: schedule };
  };
  const move = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d) return;
    const delta = ((e.clientX - d.pointerX) / d.trackWidth) * horizon;
    const next = shifted(d.original, d.mode, delta, horizon);
    setSchedule(drug, { start: next.start, stop: next.stop });
  };
  const end = () => {
    drag.current = null;
  };
  const onKey = (mode: DragMode) => (e: KeyboardEvent<HTMLElement>) => {
    const step = keyStep(e);
    if (step === null) return;
    e.preventDefault();
    e.stopPropagation();
    const next = shifted(schedule, mode === 'move' && e.shiftKey ? 'stop' : mode, step, horizon);
    setSchedule(drug, { start: next.start, stop: next.stop });
  };

  return (
    <div className="track" ref={track} data-testid={`track-${drug}`}>
      {/* every dose as one path (at most one mark per 1/1000 of the track), not an element per dose */}
      <svg className="track-doses" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true">
        <path d={dosePath} data-count={doses.length} />
      </svg>
      <div
        className="window"
        role="slider"
        tabIndex={0}
        data-testid={`window-${drug}`}
        data-start={schedule.start}
        data-stop={schedule.stop}
        aria-label={t('treatment.window', { drug: label, start: schedule.start, stop: schedule.stop })}
        aria-valuemin={0}
        aria-valuemax={horizon}
        aria-valuenow={schedule.start}
        aria-valuetext={`${schedule.start}–${schedule.stop}`}
        style={{ left: `${left}%`, width: `${Math.max(0.5, right - left)}%` }}
        onPointerDown={begin('move')}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        onKeyDown={onKey('move')}
      />
      {/* the handles are the window's siblings, not its children: a slider cannot hold other sliders */}
      <span
        className="handle handle-start"
        style={{ left: `${left}%` }}
        role="slider"
        tabIndex={0}
        data-testid={`window-start-${drug}`}
        aria-label={t('treatment.windowStart', { drug: label, start: schedule.start })}
        aria-valuemin={0}
        aria-valuemax={horizon}
        aria-valuenow={schedule.start}
        onPointerDown={begin('start')}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        onKeyDown={onKey('start')}
      />
      <span
        className="handle handle-stop"
        style={{ left: `${left + Math.max(0.5, right - left)}%` }}
        role="slider"
        tabIndex={0}
        data-testid={`window-stop-${drug}`}
        aria-label={t('treatment.windowStop', { drug: label, stop: schedule.stop })}
        aria-valuemin={0}
        aria-valuemax={SCHEDULE_LIMITS.start.max}
        aria-valuenow={schedule.stop}
        onPointerDown={begin('stop')}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        onKeyDown={onKey('stop')}
      />
    </div>
  );
}

type DragMode = 'move' | 'start' | 'stop';

interface Drag {
  mode: DragMode;
  pointerX: number;
  trackWidth: number;
  original: DoseSchedule;
}

/** Keyboard step, days: one day, ten with PageUp/PageDown. */
function keyStep(e: KeyboardEvent): number | null {
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return 1;
    case 'ArrowLeft':
    case 'ArrowDown':
      return -1;
    case 'PageUp':
      return 10;
    case 'PageDown':
      return -10;
    default:
      return null;
  }
}

/** The window after moving (mode 'move'), or moving one end, by `delta` days, snapped to whole days. */
function shifted(s: DoseSchedule, mode: DragMode, delta: number, horizon: number): DoseSchedule {
  const d = Math.round(delta);
  const length = s.stop - s.start;
  if (mode === 'move') {
    // the whole window stays inside the horizon (one longer than the horizon stays at day 0)
    const start = Math.min(Math.max(0, s.start + d), Math.max(0, horizon - length));
    return { ...s, start, stop: start + length };
  }
  if (mode === 'start') {
    const start = Math.min(Math.max(0, s.start + d), s.stop - 1);
    return { ...s, start };
  }
  // dragging never takes the end past the horizon (a stop typed beyond it stays, and the editor says so)
  const stop = Math.max(s.start + 1, Math.min(s.stop + d, Math.max(horizon, s.stop), SCHEDULE_LIMITS.start.max));
  return { ...s, stop };
}

/** The dose marks of a track in a 1000-wide box: one vertical mark per column that holds a dose. */
function trackDosePath(doses: number[], horizon: number): string {
  const columns = new Set<number>();
  let path = '';
  for (const day of doses) {
    const column = Math.round((day / horizon) * 1000);
    if (columns.has(column)) continue;
    columns.add(column);
    path += `M${column},0v10`;
  }
  return path;
}
