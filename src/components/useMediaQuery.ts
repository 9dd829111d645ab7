/**
 * useMediaQuery is the hook that tells a component whether a CSS media query matches now, and re-renders it when
 * that changes (a window resized, a phone rotated). It exists so that chart sizes chosen by viewport follow the
 * viewport instead of reading it once.
 */
import { useCallback, useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof matchMedia === 'undefined') return () => {};
      const list = matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  const matches = useCallback(() => typeof matchMedia !== 'undefined' && matchMedia(query).matches, [query]);
  return useSyncExternalStore(subscribe, matches, () => false);
}

/** The trial view's narrow layout: phones and narrow windows. */
export const NARROW_QUERY = '(max-width: 600px)';
