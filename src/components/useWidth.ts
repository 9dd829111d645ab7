/**
 * useWidth is the hook that follows an element's width; it exists so that charts are drawn at the size they are
 * shown.
 */
import { type RefObject, useEffect, useLayoutEffect, useState } from 'react';

/** Width of an element in CSS pixels, following resizes (ResizeObserver). */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback = 600): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth || fallback);
    const observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, fallback]);
  return width;
}

/**
 * Width of an element in CSS pixels as the browser's own layout gives it (the ResizeObserver's first answer comes
 * after the frame's layout), or null until then. Unlike useWidth it never reads the width on mount: that read forces
 * a layout of everything the same commit changed (a trial's Run mounts all its figures at once: a forced layout of the
 * whole results area in the click's task). The observer is set up in the commit (a layout effect: observing measures
 * nothing), so it answers in the first frame that lays the element out. `readAtOnce(element)`: the element mounts
 * where the browser skips rendering (inside `content-visibility: auto` off screen), so no observer answers until it
 * is shown; its width is read on mount instead. Where there is no ResizeObserver, the width is read on mount.
 */
export function useObservedWidth(
  ref: RefObject<HTMLElement | null>,
  readAtOnce?: (element: HTMLElement) => boolean,
): number | null {
  const [width, setWidth] = useState<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: readAtOnce is read at mount only
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (typeof ResizeObserver === 'undefined' || readAtOnce?.(element)) setWidth(element.clientWidth || null);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
