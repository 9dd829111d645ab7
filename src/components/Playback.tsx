/**
 * Playback is the bar that plays the time course day by day (play, pause, step, speed); it exists for lectures,
 * where curves are revealed as the story unfolds.
 */
import { useEffect, useId } from 'react';
import { displayUnits, formatTime } from '../charts/format';
import { locale, useT } from '../i18n';
import { scaleOf, useExplorer } from '../store/explorer';
import { playPause, stepForward } from '../store/playback';

/** At speed 1 the whole horizon plays in this many seconds. */
const SECONDS_PER_HORIZON = 10;
const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

/** Drives playback: advances the revealed day on animation frames while playing; the cursor follows it. */
function usePlaybackLoop(): void {
  const playing = useExplorer((s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      const s = useExplorer.getState();
      const horizon = s.scenario.horizon;
      const dt = Math.min(0.1, (now - last) / 1000);
      last = now;
      const day = Math.min(horizon, (s.playDay ?? 0) + (dt * s.speed * horizon) / SECONDS_PER_HORIZON);
      s.setPlayDay(day);
      s.setCursorDay(day);
      if (day >= horizon) {
        s.setPlaying(false);
        return;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing]);
}

export function Playback() {
  const t = useT();
  usePlaybackLoop();
  const playing = useExplorer((s) => s.playing);
  const playDay = useExplorer((s) => s.playDay);
  const speed = useExplorer((s) => s.speed);
  const horizon = useExplorer((s) => s.scenario.horizon);
  const scale = useExplorer((s) => scaleOf(s.scenario));
  const setPlaying = useExplorer((s) => s.setPlaying);
  const setPlayDay = useExplorer((s) => s.setPlayDay);
  const setSpeed = useExplorer((s) => s.setSpeed);
  const speedId = useId();
  const units = displayUnits(scale);

  const showAll = () => {
    setPlaying(false);
    setPlayDay(null);
  };
  const shown = playDay === null ? horizon : playDay;

  return (
    <section className="playback" id="playback" aria-label={t('playback.label')} data-testid="playback">
      <button type="button" className="primary" data-testid="play" aria-pressed={playing} onClick={playPause}>
        {playing ? `❚❚ ${t('playback.pause')}` : `▶ ${t('playback.play')}`}
      </button>
      <button type="button" data-testid="step" onClick={stepForward}>
        {t('playback.step')} ›
      </button>
      <button type="button" data-testid="show-all" onClick={showAll} disabled={playDay === null}>
        {t('playback.reset')}
      </button>
      <label htmlFor={speedId}>{t('playback.speed')}</label>
      <select id={speedId} data-testid="speed" value={speed} onChange={(e) => setSpeed(Number(e.currentTarget.value))}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <span className="play-day" data-testid="play-day" data-day={shown.toFixed(2)}>
        {t('playback.day')}: {t(units.time === 'months' ? 'cursor.month' : 'cursor.day')}{' '}
        {formatTime(shown, units, locale())}
      </span>
    </section>
  );
}
