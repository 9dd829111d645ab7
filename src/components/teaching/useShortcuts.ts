/**
 * useShortcuts is the hook that binds the keyboard shortcuts (playback, presets, presenter mode, help, undo and
 * redo); it exists so that each key means one thing wherever the focus is, and never takes keys from typing.
 */
import { useEffect } from 'react';
import { useExplorer } from '../../store/explorer';
import { navigate, playPause, reset, stepForward, togglePresenter, useTeaching } from '../../store/teaching';

/**
 * Keyboard shortcuts, one meaning each (the help dialog lists exactly these rules):
 * - Space, →, N, P, R, F and ? act wherever the focus is, except while typing in a text field (or choosing in a
 *   menu list, whose letters pick an entry).
 * - Space plays or pauses. Outside presenter mode a button, box or link reached with the keyboard (Tab) keeps Space
 *   for itself; in presenter mode Space always plays or pauses.
 * - A slider reached with the keyboard keeps its arrow keys; after a mouse click on a slider or a box, Space and the
 *   arrows are shortcuts again and never change that control.
 * - Ctrl/Cmd+Z undoes the last change of the scenario, Shift+Ctrl/Cmd+Z (or Ctrl+Y) redoes it, except in a text
 *   field, where they edit the text.
 * - Esc closes the open dialog (the dialog does that itself).
 */
export function useShortcuts(): void {
  useEffect(() => {
    // Whether the focused control was reached by the keyboard: a pointer press before the focus moved says no.
    let pointerLast = false;
    let keyboardFocused: Element | null = null;
    const onPointerDown = () => {
      pointerLast = true;
    };
    // a slider drag or a window drag is one undo step: releasing the pointer ends it
    const onPointerUp = () => useExplorer.getState().endHistoryStep();
    const onFocusIn = (e: FocusEvent) => {
      keyboardFocused = pointerLast ? null : e.target instanceof Element ? e.target : null;
    };
    const onKeyDownCapture = () => {
      pointerLast = false;
    };
    // a Space that played or paused must not also click the control on key-up
    let swallowSpaceUp = false;
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && swallowSpaceUp) {
        swallowSpaceUp = false;
        e.preventDefault();
      }
    };

    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.isComposing) return;
      const target = e.target instanceof Element ? e.target : null;
      const typing = !!target?.closest(TEXT_ENTRY);
      if (e.ctrlKey || e.metaKey) {
        if (typing) return;
        const key = e.key.toLowerCase();
        const explorer = useExplorer.getState();
        if (key === 'z' && !e.shiftKey) explorer.undo();
        else if ((key === 'z' && e.shiftKey) || key === 'y') explorer.redo();
        else return;
        e.preventDefault();
        return;
      }
      if (typing) return;
      const teaching = useTeaching.getState();
      const byKeyboard = !!target && target === keyboardFocused;
      let handled = true;
      switch (e.key) {
        case ' ':
          if (!teaching.presenter && byKeyboard && target?.closest(SPACE_KEYS)) return;
          playPause();
          swallowSpaceUp = true;
          break;
        case 'ArrowLeft':
        case 'ArrowUp':
        case 'ArrowDown':
          // arrows other than → are no shortcut; on a slider clicked with the mouse they do nothing
          if (byKeyboard || !target?.closest(ARROW_KEYS)) return;
          break;
        case 'ArrowRight':
          if (byKeyboard && target?.closest(ARROW_KEYS)) return;
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
        default:
          handled = false;
      }
      if (handled) e.preventDefault();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('pointerup', onPointerUp, true);
    document.addEventListener('focusin', onFocusIn);
    window.addEventListener('keydown', onKeyDownCapture, true);
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('pointerup', onPointerUp, true);
      document.removeEventListener('focusin', onFocusIn);
      window.removeEventListener('keydown', onKeyDownCapture, true);
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp, true);
    };
  }, []);
}

/** Where key presses are typing: text fields and menus (their letters pick an entry). */
const TEXT_ENTRY =
  'input:not([type]), input[type="text"], input[type="search"], input[type="url"], input[type="email"], input[type="number"], input[type="password"], input[type="tel"], textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"], [role="spinbutton"], [role="combobox"], [role="listbox"], [role="menu"]';

/** Controls that Space activates by themselves (when reached with the keyboard, outside presenter mode). */
const SPACE_KEYS =
  'button, a[href], summary, input[type="checkbox"], input[type="radio"], [role="button"], [role="checkbox"], [role="switch"], [role="radio"], [role="tab"]';

/** Controls that arrow keys move (when reached with the keyboard). */
const ARROW_KEYS = 'input[type="range"], [role="slider"], input[type="radio"], [role="radio"], [role="tab"]';
