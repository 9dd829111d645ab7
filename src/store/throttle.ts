/**
 * A trailing throttle: `request()` runs `run` at once when at least `interval()` ms have passed since it last ran (or
 * it never ran); otherwise it runs `run` once, when they have, however many requests came in between. `run` reads
 * the latest state itself, so the last request is never lost. The interval is read when a wait begins, so it may
 * grow as a run goes on.
 */
export interface TrailingThrottle {
  request: () => void;
  /** drops a waiting call */
  cancel: () => void;
  /** drops a waiting call and forgets when `run` last ran: the next request runs at once */
  reset: () => void;
}

const defaultClock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function trailingThrottle(
  run: () => void,
  interval: () => number,
  clock: () => number = defaultClock,
): TrailingThrottle {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = Number.NEGATIVE_INFINITY;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const fire = () => {
    cancel();
    last = clock();
    run();
  };
  return {
    request: () => {
      if (timer !== undefined) return;
      const wait = last + interval() - clock();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel,
    reset: () => {
      cancel();
      last = Number.NEGATIVE_INFINITY;
    },
  };
}
