/**
 * useWidth is the hook that follows an element's width; it exists so that charts are drawn at the size they are
 * shown.
 */
import { type RefObject, useEffect, useState } from 'react';

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
