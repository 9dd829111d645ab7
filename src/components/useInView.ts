/**
 * useInView is the hook that says whether an element is on screen; it exists so that off-screen charts defer their
 * redraw while a slider moves.
 */
import { type RefObject, useEffect, useState } from 'react';

/**
 * Whether an element is on screen (or within `margin` of it), following scrolling (IntersectionObserver).
 * Charts and diagrams off screen defer their redraw (drawWhenSeen) while a slider moves: the browser then lays out
 * and paints only what the user can see, which keeps a slider drag within a frame, and catches up once input pauses.
 * No margin by default: a chart just below the fold is not seen during a drag either (with 200 px, the two charts
 * under the tumour volume on a 1280 x 800 screen were redrawn at every move); one scrolled to is drawn in the task
 * after it appears, and every chart is current once input pauses.
 */
export function useInView(ref: RefObject<Element | null>, margin = '0px'): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => setInView(entries[0]?.isIntersecting ?? true), {
      rootMargin: margin,
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, margin]);
  return inView;
}

/** Off-screen redraws wait until the input has paused this long (ms). */
export const OFFSCREEN_DELAY_MS = 250;

/**
 * Marks of a view that is behind its data, so that a reader of the page (a test, a screenshot) can wait until every
 * view is current (PENDING_SELECTOR): `data-draw-pending` while a deferred draw waits (set and cleared by
 * drawWhenSeen on the element it is given), `data-stale` while a panel shows an older value than it was given (useSeen;
 * set by the panel's render). Two attributes, since one is written by React and the other outside it.
 */
export const DRAW_PENDING_ATTRIBUTE = 'data-draw-pending';
export const STALE_ATTRIBUTE = 'data-stale';
export const PENDING_SELECTOR = `[${DRAW_PENDING_ATTRIBUTE}], [${STALE_ATTRIBUTE}]`;

/**
 * Resolves once `element` is current (neither mark of PENDING_SELECTOR on it), or after `timeoutMs` whatever it
 * shows: what reads a view's DOM (a chart's export) waits for a chart below the fold to follow the last change.
 */
export function whenCurrent(element: Element | null, timeoutMs = 2000): Promise<void> {
  const current = () => !element || !(element.matches(PENDING_SELECTOR) || element.querySelector(PENDING_SELECTOR));
  if (current()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new MutationObserver(() => {
      if (current()) done();
    });
    observer.observe(element as Element, {
      attributes: true,
      subtree: true,
      attributeFilter: [DRAW_PENDING_ATTRIBUTE, STALE_ATTRIBUTE],
    });
    const timer = setTimeout(done, timeoutMs);
  });
}

/**
 * Runs `draw` now when on screen; otherwise once no newer change has come for OFFSCREEN_DELAY_MS. For use inside an
 * effect: returns the cleanup that cancels a pending deferred draw. A deferred draw runs outside React, so its error
 * goes to `onError` (useReportError hands it to the panel's error boundary); a draw run now throws into the effect.
 * `marked`: an element that carries DRAW_PENDING_ATTRIBUTE while the draw waits.
 */
export function drawWhenSeen(
  inView: boolean,
  draw: () => void,
  onError?: (error: unknown) => void,
  marked?: Element | null,
): (() => void) | undefined {
  if (inView) {
    marked?.removeAttribute(DRAW_PENDING_ATTRIBUTE);
    draw();
    return undefined;
  }
  marked?.setAttribute(DRAW_PENDING_ATTRIBUTE, '');
  const id = setTimeout(() => {
    marked?.removeAttribute(DRAW_PENDING_ATTRIBUTE);
    if (!onError) return draw();
    try {
      draw();
    } catch (error) {
      onError(error);
    }
  }, OFFSCREEN_DELAY_MS);
  return () => clearTimeout(id);
}

/**
 * `value` as a panel that may be off screen shows it: the latest at once while the panel is on screen (or within
 * useInView's margin); off screen, the value it last showed, until no newer value has come for OFFSCREEN_DELAY_MS
 * (the same pause as drawWhenSeen). With a memoised body that takes the returned value, a panel below the fold
 * neither renders nor lays out anew at every slider move, and catches up once input pauses or when scrolled to.
 */
export function useSeen<T>(value: T, inView: boolean): T {
  const [shown, setShown] = useState(value);
  // on screen: the latest, in this very render (React re-runs the component with it before its children)
  if (inView && shown !== value) setShown(value);
  useEffect(() => {
    if (inView || shown === value) return undefined;
    const id = setTimeout(() => setShown(value), OFFSCREEN_DELAY_MS);
    return () => clearTimeout(id);
  }, [inView, shown, value]);
  return inView ? value : shown;
}
