/**
 * useShortcuts is the hook that binds the presenter's keyboard shortcuts; it exists so that shortcuts never steal
 * keys from the control that has focus.
 */
import { useEffect } from 'react';
import { navigate, playPause, reset, stepForward, togglePresenter, useTeaching } from '../../store/teaching';

/** Keyboard shortcuts for lectures: space, →, N, P, R, F, ? and Escape (see the help overlay). */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest(OWN_KEYS)) return;
      const teaching = useTeaching.getState();
      let handled = true;
      switch (e.key) {
        case ' ':
          if (target?.closest(SPACE_KEYS)) return;
          playPause();
          break;
        case 'ArrowRight':
          stepForward();
          break;
        case 'n':
        case 'N':
          navigate(1);
          break;
        case 'p':
        case 'P':
          navigate(-1);
          break;
        case 'r':
        case 'R':
          reset();
          break;
        case 'f':
        case 'F':
          togglePresenter();
          break;
        case '?':
          teaching.setHelpOpen(!teaching.helpOpen);
          break;
        case 'Escape':
          if (teaching.helpOpen) teaching.setHelpOpen(false);
          else handled = false;
          break;
        default:
          handled = false;
      }
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Where a key press belongs to a control (typing, a slider, a menu): shortcuts stay out of its way. */
const OWN_KEYS =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="slider"], [role="textbox"], [role="spinbutton"], [role="listbox"], [role="menu"]';

/** Elements that a space bar activates by themselves. */
const SPACE_KEYS = 'button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"]';
