/**
 * useSkipOffscreen lets the browser skip the trial's result cards that are off screen (CSS `content-visibility:
 * auto`): a running trial rewrites its tables and figures at every partial result, and styling, laying out and
 * painting the cards nobody sees took most of each partial result's frame. It exists to do that without moving the
 * page: a skipped card takes the size it last had when laid out (`contain-intrinsic-size: auto`), so a card may be
 * skipped only once it has been laid out; until then it is rendered as any other element.
 *
 * One ResizeObserver tells when each card (a `section.trial-card` child of the element) has first been laid out (its
 * first answer comes after the frame's layout, so it forces none) and marks it `data-laid-out`, which the style sheet
 * turns into `content-visibility: auto`. A MutationObserver hands it the cards that mount later.
 */
import { type RefObject, useEffect } from 'react';

export const LAID_OUT = 'data-laid-out';

export function useSkipOffscreen(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const host = ref.current;
    if (!host || typeof ResizeObserver === 'undefined' || typeof MutationObserver === 'undefined') return;
    const sizes = new ResizeObserver((entries) => {
      for (const entry of entries) {
        if (entry.contentRect.height <= 0) continue;
        entry.target.setAttribute(LAID_OUT, '');
        sizes.unobserve(entry.target);
      }
    });
    const watch = () => {
      for (const card of host.children) {
        if (card.matches('section.trial-card') && !card.hasAttribute(LAID_OUT)) sizes.observe(card);
      }
    };
    const children = new MutationObserver(watch);
    children.observe(host, { childList: true });
    watch();
    return () => {
      children.disconnect();
      sizes.disconnect();
    };
  }, [ref]);
}
