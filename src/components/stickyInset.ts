/**
 * What stays stuck to the top of the window while the page scrolls (the header on wide screens, the Play bar on
 * phones) is measured into the CSS variable --sticky-top, which html's scroll-padding-top reads (styles.css): whatever
 * is scrolled into view (a link to a section, scrollIntoView, focus) lands below it instead of under it. It exists
 * because the height of those bars is not fixed: they wrap with the language, the screen and presenter mode.
 */

/** The bars that may stick to the top of the window. */
const STICKY = '.app-header, .workspace > section.playback';

/** Starts measuring; returns the function that stops it. */
export function watchStickyInset(root: HTMLElement = document.documentElement): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {};
  const measure = () => {
    let inset = 0;
    for (const bar of document.querySelectorAll<HTMLElement>(STICKY)) {
      const style = getComputedStyle(bar);
      if (style.position !== 'sticky' || bar.offsetHeight === 0) continue;
      inset = Math.max(inset, (Number.parseFloat(style.top) || 0) + bar.offsetHeight);
    }
    root.style.setProperty('--sticky-top', `${Math.ceil(inset)}px`);
  };
  // a bar's size changes when it wraps or hides; its position (sticky or not) changes with the screen's width
  const observer = new ResizeObserver(measure);
  for (const bar of document.querySelectorAll<HTMLElement>(STICKY)) observer.observe(bar);
  addEventListener('resize', measure);
  measure();
  return () => {
    observer.disconnect();
    removeEventListener('resize', measure);
  };
}
