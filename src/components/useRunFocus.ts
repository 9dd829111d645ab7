/**
 * Keyboard focus for a Run / Cancel pair of buttons. A run started from the focused Run button moves the focus to
 * Cancel; a run that ends (done, failed or cancelled) while Cancel held the focus moves it back to Run. Without this a
 * keyboard user is left on the page's start: the focused button is disabled (or removed) the moment the run starts or
 * ends, and a browser takes the focus off a disabled or removed element at once (Chromium 150 does, before React's
 * effects run). So which button held the focus is remembered from its own focus events, not read after the change.
 */
import { type FocusEvent, useLayoutEffect, useRef } from 'react';

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

  useLayoutEffect(() => {
    const active = typeof document === 'undefined' ? null : document.activeElement;
    const lost = active === null || active === document.body;
    if (running && !wasRunning.current && held.current === 'run' && (lost || active === run.current)) {
      cancel.current?.focus();
    } else if (!running && wasRunning.current && held.current === 'cancel' && (lost || active === cancel.current)) {
      run.current?.focus();
    }
    wasRunning.current = running;
  }, [running]);

  return { run, cancel, runProps: track('run'), cancelProps: track('cancel') };
}
