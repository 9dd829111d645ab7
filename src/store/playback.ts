/**
 * Playback of the time course (revealing the curves day by day in a lecture), shared by the playback bar and the
 * presenter's keyboard shortcuts.
 */
import { useExplorer } from './explorer';

/** Steps per horizon: one step shows 1/28 of the time course, at least a day. */
export const PLAYBACK_STEPS = 28;

/** Play from the start (or from where playback stopped), or pause. */
export function playPause(): void {
  const s = useExplorer.getState();
  const horizon = s.scenario.horizon;
  if (s.playing) {
    s.setPlaying(false);
    return;
  }
  if (s.playDay === null || s.playDay >= horizon) s.setPlayDay(0);
  s.setPlaying(true);
}

/** One step of playback (1/PLAYBACK_STEPS of the horizon, at least a day). */
export function stepForward(): void {
  const s = useExplorer.getState();
  const horizon = s.scenario.horizon;
  const stepDays = Math.max(1, Math.round(horizon / PLAYBACK_STEPS));
  s.setPlaying(false);
  const from = s.playDay === null || s.playDay >= horizon ? 0 : s.playDay;
  const day = Math.min(horizon, from + stepDays);
  s.setPlayDay(day);
  s.setCursorDay(day);
}
