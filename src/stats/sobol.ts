/**
 * The Sobol' low-discrepancy sequence (Sobol' 1967) with the direction numbers of Joe and Kuo (2008,
 * "new-joe-kuo-6.21201": primitive polynomials and initial numbers m_1..m_s for dimensions 2..64; dimension 1 is
 * the van der Corput sequence), 32-bit, in natural order: point i is computed directly from the bits of i (the XOR of
 * the direction numbers of its set bits), so every point is a pure function of its index and any slice of a design
 * (a shard) can be computed on its own. Natural order visits the same set of points as the Gray-code order of
 * Antonov–Saleev in every prefix of 2^m points.
 *
 * Optional digital shift (Owen's "random digital shift"): each coordinate's 32 bits are XORed with a seeded random
 * word per dimension. It keeps the net structure (a shifted (t, m, s)-net is a (t, m, s)-net), moves the first point
 * away from the origin and makes repeated analyses with different seeds independent replicates.
 */
import { createRandom } from './random';

/** Joe–Kuo rows for dimensions 2, 3, ...: degree s, polynomial coefficients a, initial numbers m_1..m_s. */
const JOE_KUO =
  '1 0 1|2 1 1 3|3 1 1 3 1|3 2 1 1 1|4 1 1 1 3 3|4 4 1 3 5 13|5 2 1 1 5 5 17|5 4 1 1 5 5 5|' +
  '5 7 1 1 7 11 19|5 11 1 1 5 1 1|5 13 1 1 1 3 11|5 14 1 3 5 5 31|6 1 1 3 3 9 7 49|6 13 1 1 1 15 21 21|' +
  '6 16 1 3 1 13 27 49|6 19 1 1 1 15 7 5|6 22 1 3 1 15 13 25|6 25 1 1 5 5 19 61|7 1 1 3 7 11 23 15 103|' +
  '7 4 1 3 7 13 13 15 69|7 7 1 1 3 13 7 35 63|7 8 1 3 5 9 1 25 53|7 14 1 3 1 13 9 35 107|' +
  '7 19 1 3 1 5 27 61 31|7 21 1 1 5 11 19 41 61|7 28 1 3 5 3 3 13 69|7 31 1 1 7 13 1 19 1|' +
  '7 32 1 3 7 5 13 19 59|7 37 1 1 3 9 25 29 41|7 41 1 3 5 13 23 1 55|7 42 1 3 7 3 13 59 17|' +
  '7 50 1 3 1 3 5 53 69|7 55 1 1 5 5 23 33 13|7 56 1 1 7 7 1 61 123|7 59 1 1 7 9 13 61 49|' +
  '7 62 1 3 3 5 3 55 33|8 14 1 3 1 15 31 13 49 245|8 21 1 3 5 15 31 59 63 97|' +
  '8 22 1 3 1 11 11 11 77 249|8 38 1 3 1 11 27 43 71 9|8 47 1 1 7 15 21 11 81 45|' +
  '8 49 1 3 7 3 25 31 65 79|8 50 1 3 1 1 19 11 3 205|8 52 1 1 5 9 19 21 29 157|' +
  '8 56 1 3 7 11 1 33 89 185|8 67 1 3 3 3 15 9 79 71|8 70 1 3 7 11 15 39 119 27|' +
  '8 84 1 1 3 1 11 31 97 225|8 97 1 1 1 3 23 43 57 177|8 103 1 3 7 7 17 17 37 71|' +
  '8 115 1 3 1 5 27 63 123 213|8 122 1 1 3 5 11 43 53 133|9 8 1 3 5 5 29 17 47 173 479|' +
  '9 13 1 3 3 11 3 1 109 9 69|9 16 1 1 1 5 17 39 23 5 343|9 22 1 3 1 5 25 15 31 103 499|' +
  '9 25 1 1 1 11 11 17 63 105 183|9 44 1 1 5 11 9 29 97 231 363|9 47 1 1 5 15 19 45 41 7 383|' +
  '9 52 1 3 7 7 31 19 83 137 221|9 55 1 1 1 3 23 15 111 223 83|9 59 1 1 5 13 31 15 55 25 161|' +
  '9 62 1 1 3 13 25 47 39 87 257';

const BITS = 32;
const SCALE = 2 ** -BITS;

function directionNumbers(): Uint32Array[] {
  const all: Uint32Array[] = [];
  const first = new Uint32Array(BITS);
  for (let k = 0; k < BITS; k++) first[k] = 2 ** (BITS - 1 - k);
  all.push(first);
  for (const row of JOE_KUO.split('|')) {
    const [s, a, ...m] = row.split(' ').map(Number);
    const v = new Uint32Array(BITS);
    for (let k = 0; k < BITS; k++) {
      if (k < s) {
        v[k] = m[k] * 2 ** (BITS - 1 - k);
        continue;
      }
      // Bratley & Fox (1988) recurrence: v_k = a_1 v_(k-1) ^ ... ^ a_(s-1) v_(k-s+1) ^ v_(k-s) ^ (v_(k-s) >> s)
      let x = v[k - s] ^ (v[k - s] >>> s);
      for (let j = 1; j < s; j++) if ((a >>> (s - 1 - j)) & 1) x ^= v[k - j];
      v[k] = x >>> 0;
    }
    all.push(v);
  }
  return all;
}

const DIRECTIONS = directionNumbers();

/** The largest dimension this generator carries. */
export const SOBOL_MAX_DIMENSION = DIRECTIONS.length;

export interface SobolOptions {
  /** seed of the digital shift; false or absent: the plain sequence (its point 0 is the origin) */
  shiftSeed?: number | false;
}

/** A generator of points of the d-dimensional Sobol' sequence, each by its index. */
export interface SobolSequence {
  readonly dimension: number;
  /** point `index` (0 <= index < 2^32), written into `out` (length >= dimension) in [0, 1) */
  point(index: number, out?: Float64Array): Float64Array;
}

export function sobolSequence(dimension: number, options: SobolOptions = {}): SobolSequence {
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > SOBOL_MAX_DIMENSION) {
    throw new RangeError(`Sobol' dimension must be a whole number from 1 to ${SOBOL_MAX_DIMENSION}, not ${dimension}`);
  }
  const shift = new Uint32Array(dimension);
  if (options.shiftSeed !== undefined && options.shiftSeed !== false) {
    const random = createRandom(options.shiftSeed);
    for (let j = 0; j < dimension; j++) shift[j] = random.uint32();
  }
  return {
    dimension,
    point(index: number, out = new Float64Array(dimension)): Float64Array {
      if (!Number.isInteger(index) || index < 0 || index >= 2 ** BITS) {
        throw new RangeError(`Sobol' point index must be a whole number from 0 to 2^32 - 1, not ${index}`);
      }
      for (let j = 0; j < dimension; j++) {
        const v = DIRECTIONS[j];
        let x = shift[j];
        // bits of the index, low to high (index may exceed 2^31, so no bitwise shifts on it)
        let i = index;
        for (let k = 0; i > 0; k++) {
          if (i % 2 === 1) x ^= v[k];
          i = Math.floor(i / 2);
        }
        out[j] = (x >>> 0) * SCALE;
      }
      return out;
    },
  };
}
