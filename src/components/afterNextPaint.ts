/**
 * afterNextPaint runs work after the page's next painted frame; it exists for work that would otherwise force a layout
 * in the middle of a commit (moving the focus) or add its own layout to that frame (mounting more of a page).
 */

/** Runs `fn` after the next painted frame (in a task of its own when no frame comes: a hidden page); returns a cancel. */
export function afterNextPaint(fn: () => void): () => void {
  if (typeof requestAnimationFrame === 'undefined' || document.hidden) {
    const t = setTimeout(fn, 0);
    return () => clearTimeout(t);
  }
  let t: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    t = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (t !== undefined) clearTimeout(t);
  };
}
