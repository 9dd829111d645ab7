/**
 * Keyboard focus for a Run / Cancel pair of buttons. A run started from the focused Run button moves the focus to
 * Cancel; a run that ends (done, failed or cancelled) while Cancel held the focus moves it back to Run. Without this a
 * keyboard user is left on the page's start: the focused button is disabled (or removed) the moment the run starts or
 * ends, and a browser takes the focus off a disabled or removed element at once (Chromium 150 does, before React's
 * effects run). So which button held the focus is remembered from its own focus events, not read after the change.
 *
 * The focus moves after the next paint, not in the commit that starts or ends the run: focus() brings style and
 * layout up to date, and in that commit it forced the layout of everything the commit changed (a trial's Run: the
 * whole results area emptied into its placeholders, 112-554 ms of one task on a loaded two-core machine;
 * `preventScroll` does not spare it). After the paint there is nothing left to lay out. Until then the focus is on
 * the page, as the browser left it; a focus the person has moved meanwhile is not taken.
 */
import { type FocusEvent, useLayoutEffect, useRef } from 'react';
import { afterNextPaint } from './afterNextPaint';

type Holder = 'run' | 'cancel' | null;

export interface RunFocus {
  /** ref of the Run button */
  run: React.RefObject<HTMLButtonElement | null>;
  /** ref of the Cancel button (may be rendered only while running) */
  cancel: React.RefObject<HTMLButtonElement | null>;
  /** focus handlers for the Run button */
  runProps: { onFocus: () => void; onBlur: (e: FocusEvent<HTMLButtonElement>) => void };
  /** focus handlers for the Cancel button */
  cancelProps: { onFocus: () => void; onBlur: (e: FocusEvent<HTMLButtonElement>) => void };
}

export function useRunFocus(running: boolean): RunFocus {
  const run = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const held = useRef<Holder>(null);
  const wasRunning = useRef(running);
  const track = (which: Holder) => ({
    onFocus: () => {
      held.current = which;
    },
    // focus moved on to another element (Tab, a click on a control): the user left the pair. A blur to nothing (the
    // button was disabled or removed, or the window lost focus) keeps what was held.
    onBlur: (e: FocusEvent<HTMLButtonElement>) => {
      if (e.relatedTarget !== null) held.current = null;
    },
  });

  /** the button the focus is on its way to (after the next paint), if any */
  const moving = useRef<Holder>(null);
  useLayoutEffect(() => {
    const started = running && !wasRunning.current;
    const ended = !running && wasRunning.current;
    wasRunning.current = running;
    // neither: the same effect run again (development's StrictMode), so a move on its way is scheduled again; a run
    // that ends before the focus reached Cancel sends it back to Run all the same
    let to = moving.current;
    if (started) to = held.current === 'run' ? 'cancel' : null;
    else if (ended) to = held.current === 'cancel' || moving.current === 'cancel' ? 'run' : null;
    moving.current = to;
    if (to === null) return;
    return afterNextPaint(() => {
      moving.current = null;
      const active = typeof document === 'undefined' ? null : document.activeElement;
      const lost = active === null || active === document.body;
      const source = to === 'cancel' ? run.current : cancel.current;
      if (lost || active === source) (to === 'cancel' ? cancel.current : run.current)?.focus();
    });
  }, [running]);

  return { run, cancel, runProps: track('run'), cancelProps: track('cancel') };
}
