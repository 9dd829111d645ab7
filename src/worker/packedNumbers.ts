/**
 * A result with long arrays of numbers, sent between threads as one transferred Float64Array. Structured clone copies
 * a `number[]` element by element and the receiving thread allocates every double again (a boxed number each, then
 * garbage): the statistics of a 10,000 x 8 trial (Kaplan–Meier curves of every arm and subgroup, ~1.6 million numbers,
 * ~16 MB serialised) took up to ~130 ms of the main thread's CPU to receive, in one task. Packed, the main thread
 * receives a few hundred small objects and one buffer (moved, not copied) and unpacks the arrays in a plain loop.
 *
 * The main thread unpacks in slices (unpackNumbersInSlices): one slice per task, so the ~1.6 million numbers of a
 * 10,000 x 8 trial's statistics (~11 MB of arrays) are no single long task; unpacked at once they took 9-50 ms of CPU
 * in one task, the longest of a traced 10,000 x 8 run in the browser (docs/performance.md, the trial's result cards).
 *
 * pack/unpack are exact: every number (NaN, infinities, -0 too) comes back as it was, in arrays of the same lengths.
 * Only plain objects and arrays are walked; any other value (a typed array, a string, null) is left to structured
 * clone as it is.
 */

/** The key of the stand-in for a packed array: `{ [PACKED]: offset, n: length }` in `numbers`. */
const PACKED = '__packedNumbers';
/** Arrays shorter than this stay as they are (chosen: a stand-in object costs about what a few numbers do). */
export const MIN_PACKED_LENGTH = 16;

export interface PackedNumbers {
  /** the value with each packed array replaced by its stand-in */
  value: unknown;
  /** every packed array's numbers, one after another */
  numbers: Float64Array;
}

interface StandIn {
  [PACKED]: number;
  n: number;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (x === null || typeof x !== 'object') return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function isNumberArray(x: unknown[]): x is number[] {
  for (let i = 0; i < x.length; i++) if (typeof x[i] !== 'number' || !(i in x)) return false;
  return true;
}

function isStandIn(x: Record<string, unknown>): x is Record<string, unknown> & StandIn {
  return typeof x[PACKED] === 'number' && typeof x.n === 'number';
}

export function packNumbers(value: unknown, minLength = MIN_PACKED_LENGTH): PackedNumbers {
  const arrays: number[][] = [];
  let total = 0;
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) {
      if (x.length >= minLength && isNumberArray(x)) {
        arrays.push(x);
        const standIn: StandIn = { [PACKED]: total, n: x.length };
        total += x.length;
        return standIn;
      }
      return x.map(walk);
    }
    if (isPlainObject(x)) {
      if (isStandIn(x)) throw new Error(`packNumbers: a value already has the key ${PACKED}`);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(x)) out[key] = walk(x[key]);
      return out;
    }
    return x;
  };
  const packed = walk(value);
  const numbers = new Float64Array(total);
  let offset = 0;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) numbers[offset + i] = a[i];
    offset += a.length;
  }
  return { value: packed, numbers };
}

/** A packed array to fill: `out` (empty, or of its length) from numbers[offset .. offset + n). */
interface Fill {
  out: number[];
  offset: number;
  n: number;
}

/**
 * The packed value's objects and arrays rebuilt, each number array allocated but not filled, and the arrays to fill:
 * a long array (over 50,000) starts empty and is pushed (V8 gives a very long `new Array(n)` slow dictionary
 * elements), a shorter one is allocated at its length and filled in place (3-4x faster than push).
 */
function rebuild(packed: PackedNumbers): { value: unknown; fills: Fill[] } {
  const fills: Fill[] = [];
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (isPlainObject(x)) {
      if (isStandIn(x)) {
        const out = x.n > 50_000 ? [] : new Array<number>(x.n);
        fills.push({ out, offset: x[PACKED], n: x.n });
        return out;
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(x)) out[key] = walk(x[key]);
      return out;
    }
    return x;
  };
  return { value: walk(packed.value), fills };
}

function fill(numbers: Float64Array, { out, offset, n }: Fill): void {
  if (n > 50_000) for (let i = 0; i < n; i++) out.push(numbers[offset + i]);
  else for (let i = 0; i < n; i++) out[i] = numbers[offset + i];
}

export function unpackNumbers<T>(packed: PackedNumbers): T {
  const { value, fills } = rebuild(packed);
  for (const f of fills) fill(packed.numbers, f);
  return value as T;
}

/**
 * unpackNumbers, the same value, with the arrays filled in slices of about `sliceMs` of the thread's time, each slice
 * in a task of its own (`yieldTask` between them): the structure (a few hundred objects) is rebuilt at once, then
 * the arrays are filled one after another, a whole array in one slice (a trial's longest is a few thousand numbers).
 * The value is handed out only once every array is filled.
 */
export async function unpackNumbersInSlices<T>(
  packed: PackedNumbers,
  sliceMs = 4,
  now: () => number = () => performance.now(),
  yieldTask: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): Promise<T> {
  const { value, fills } = rebuild(packed);
  let started = now();
  for (const f of fills) {
    if (now() - started >= sliceMs) {
      await yieldTask();
      started = now();
    }
    fill(packed.numbers, f);
  }
  return value as T;
}
