/**
 * drawWhenSeen (src/components/useInView.ts): a view on screen draws at once; one off screen draws after the input has
 * paused, and its element carries data-draw-pending until then, so that a reader of the page can wait until every
 * view is current.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DRAW_PENDING_ATTRIBUTE, drawWhenSeen, OFFSCREEN_DELAY_MS } from '../../src/components/useInView';

/** An element stand-in with the two attribute calls drawWhenSeen makes. */
function element() {
  const attributes = new Map<string, string>();
  return {
    attributes,
    setAttribute: (name: string, value: string) => attributes.set(name, value),
    removeAttribute: (name: string) => attributes.delete(name),
  } as unknown as Element & { attributes: Map<string, string> };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('drawWhenSeen', () => {
  it('draws at once on screen and leaves no pending mark', () => {
    const marked = element();
    marked.setAttribute(DRAW_PENDING_ATTRIBUTE, '');
    const draw = vi.fn();
    expect(drawWhenSeen(true, draw, undefined, marked)).toBeUndefined();
    expect(draw).toHaveBeenCalledTimes(1);
    expect(marked.attributes.has(DRAW_PENDING_ATTRIBUTE)).toBe(false);
  });

  it('off screen, marks the element until the deferred draw has run', () => {
    vi.useFakeTimers();
    const marked = element();
    const draw = vi.fn(() => {
      // the mark is gone by the time the view is drawn
      expect(marked.attributes.has(DRAW_PENDING_ATTRIBUTE)).toBe(false);
    });
    drawWhenSeen(false, draw, undefined, marked);
    expect(draw).not.toHaveBeenCalled();
    expect(marked.attributes.has(DRAW_PENDING_ATTRIBUTE)).toBe(true);
    vi.advanceTimersByTime(OFFSCREEN_DELAY_MS - 1);
    expect(draw).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(draw).toHaveBeenCalledTimes(1);
    expect(marked.attributes.has(DRAW_PENDING_ATTRIBUTE)).toBe(false);
  });

  it('keeps the mark when a newer change cancels the wait, and clears it with the draw that follows', () => {
    vi.useFakeTimers();
    const marked = element();
    const first = vi.fn();
    const cancel = drawWhenSeen(false, first, undefined, marked);
    cancel?.();
    vi.advanceTimersByTime(OFFSCREEN_DELAY_MS);
    expect(first).not.toHaveBeenCalled();
    expect(marked.attributes.has(DRAW_PENDING_ATTRIBUTE)).toBe(true);
    const second = vi.fn();
    drawWhenSeen(false, second, undefined, marked);
    vi.advanceTimersByTime(OFFSCREEN_DELAY_MS);
    expect(second).toHaveBeenCalledTimes(1);
    expect(marked.attributes.has(DRAW_PENDING_ATTRIBUTE)).toBe(false);
  });
});
