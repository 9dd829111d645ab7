/**
 * The trial figures' drawing queue: every figure draws in a task of its own, one per painted frame, so that a trial's
 * results (up to 8 waterfalls, 8 spider plots, the survival and biomarker curves) never become one long task that
 * freezes the page, and figures on screen draw first. One per frame, not one per task: draws in back-to-back tasks
 * could all fall before one frame, which then styled, laid out and painted every one of them. While a trial runs, a
 * figure off screen does not redraw its partial results at all: it draws the latest ones when it scrolls into view,
 * or the final ones when the run ends. A figure's SVG that is about to be saved is drawn at once (drawNow), so an
 * export never holds an older drawing.
 *
 * Visibility comes from one IntersectionObserver (with a margin, so a figure is drawn just before it scrolls in); a
 * browser without it draws every figure as if it were on screen.
 */

import { afterNextPaint } from '../afterNextPaint';

interface Job {
  run: () => void;
  /** drawn only once the figure is on screen (partial results of a running trial) */
  whenVisible: boolean;
}

const jobs = new Map<Element, Job>();
const visible = new Map<Element, boolean>();
let scheduled = false;

const observer =
  typeof IntersectionObserver === 'undefined'
    ? null
    : new IntersectionObserver(
        (entries) => {
          for (const e of entries) visible.set(e.target, e.isIntersecting);
          schedule();
        },
        { rootMargin: '200px 0px' },
      );

/** Whether the figure is on screen (or near it); unknown until the observer's first answer, which comes soon. */
function onScreen(element: Element): boolean | undefined {
  return observer ? visible.get(element) : true;
}

function schedule(): void {
  if (scheduled || jobs.size === 0) return;
  scheduled = true;
  afterNextPaint(pump);
}

/** Draws one figure: the first on screen, else the first off screen that need not wait to be seen. */
function pump(): void {
  scheduled = false;
  let pick: Element | undefined;
  for (const [element, job] of jobs) {
    const seen = onScreen(element);
    if (seen === true) {
      pick = element;
      break;
    }
    if (pick === undefined && seen === false && !job.whenVisible) pick = element;
  }
  if (pick === undefined) return; // the rest wait for the observer
  const job = jobs.get(pick);
  jobs.delete(pick);
  job?.run();
  schedule();
}

/**
 * Queues a drawing of `element` (replacing one still queued); returns the cancel. `whenVisible`: draw it only when
 * it is on screen.
 */
export function queueDraw(element: Element, run: () => void, whenVisible: boolean): () => void {
  if (observer && !visible.has(element)) observer.observe(element);
  const job: Job = { run, whenVisible };
  jobs.set(element, job);
  schedule();
  return () => {
    if (jobs.get(element) === job) jobs.delete(element);
  };
}

/** Draws `element`'s queued drawing now, if it has one (before its SVG is saved). */
export function drawNow(element: Element): void {
  const job = jobs.get(element);
  if (!job) return;
  jobs.delete(element);
  job.run();
}

/** Stops watching a figure that leaves the page. */
export function forget(element: Element): void {
  jobs.delete(element);
  visible.delete(element);
  observer?.unobserve(element);
}
