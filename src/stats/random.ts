/**
 * Seedable pseudo-random numbers for virtual patients.
 *
 * Generator: xoshiro128** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47,
 * 2021; reference C at prng.di.unimi.it): 128-bit state, period 2¹²⁸ − 1, passes BigCrush, 32-bit output.
 * Seeding: the four state words are four outputs of a SplitMix-style 32-bit generator (Weyl sequence with increment
 * 0x9E3779B9, each value finished by the 32-bit mixer x ^= x >>> 16; x *= 0x21F0AAAD; x ^= x >>> 15;
 * x *= 0x735A2D97; x ^= x >>> 15 from C. Wellons' hash-prospector), started from the low 32 bits of the seed. When
 * the seed is outside [0, 2³²), a second such sequence started from its high bits is XORed into the four words.
 *
 * Determinism: the uniform stream (uint32, next, bernoulli) uses only 32-bit integer arithmetic (Math.imul, shifts)
 * and exact double operations, so it is bit-identical on every JavaScript engine. normal() (Marsaglia's polar
 * method) uses Math.log and Math.sqrt; sqrt is correctly rounded everywhere, and log is the fdlibm algorithm in V8,
 * SpiderMonkey and JavaScriptCore, so normals agree across today's browsers and Node (ECMAScript itself does not
 * pin down Math.log to the last bit).
 */

export interface Random {
  /** next 32-bit unsigned integer of the xoshiro128** stream */
  uint32(): number;
  /** uniform double in [0, 1) with 53 random bits (two stream outputs) */
  next(): number;
  /** standard normal deviate (Marsaglia polar method; the second deviate of each pair is kept for the next call) */
  normal(): number;
  /** log-normal deviate exp(mu + sigma·Z): mu and sigma are the mean and SD of the logarithm */
  lognormal(mu: number, sigma: number): number;
  /** true with probability p */
  bernoulli(p: number): boolean;
  /** exponential deviate with the given rate (mean 1/rate), by inversion */
  exponential(rate: number): number;
}

/** One step of the SplitMix-style seeder: returns [next state, output]. */
function splitmix32(state: number): [number, number] {
  const s = (state + 0x9e3779b9) | 0;
  let z = s ^ (s >>> 16);
  z = Math.imul(z, 0x21f0aaad);
  z ^= z >>> 15;
  z = Math.imul(z, 0x735a2d97);
  z ^= z >>> 15;
  return [s, z >>> 0];
}

/**
 * The bare xoshiro128** generator from an explicit 128-bit state (not all zero): returns a function giving the next
 * 32-bit output. Exposed for the reference test vector; createRandom is the normal entry point.
 */
export function xoshiro128ss(a: number, b: number, c: number, d: number): () => number {
  let s0 = a | 0;
  let s1 = b | 0;
  let s2 = c | 0;
  let s3 = d | 0;
  if ((s0 | s1 | s2 | s3) === 0) throw new RangeError('xoshiro128** state must not be all zero');
  return (): number => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result >>> 0;
  };
}

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** Creates an independent, reproducible stream from an integer seed (any safe integer, negative allowed). */
export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  const low = seed >>> 0; // low 32 bits (two's complement for negatives)
  const high = Math.floor(seed / 4294967296) | 0;
  let sm = low;
  let smHigh = high ^ 0x5bd1e995;
  const words = new Uint32Array(4);
  for (let i = 0; i < 4; i++) {
    const [next, out] = splitmix32(sm);
    sm = next;
    words[i] = out;
    if (high !== 0) {
      const [nextHigh, outHigh] = splitmix32(smHigh);
      smHigh = nextHigh;
      words[i] ^= outHigh;
    }
  }
  if ((words[0] | words[1] | words[2] | words[3]) === 0) words[0] = 1; // the all-zero state is a fixed point
  const uint32 = xoshiro128ss(words[0], words[1], words[2], words[3]);

  const next = (): number => {
    const a = uint32() >>> 5; // 27 bits
    const b = uint32() >>> 6; // 26 bits
    return (a * TWO_POW_26 + b) / TWO_POW_53;
  };

  let spare = 0;
  let hasSpare = false;
  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * next() - 1;
      v = 2 * next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * f;
    hasSpare = true;
    return u * f;
  };

  return {
    uint32,
    next,
    normal,
    lognormal: (mu, sigma) => Math.exp(mu + sigma * normal()),
    bernoulli: (p) => next() < p,
    exponential: (rate) => -Math.log1p(-next()) / rate,
  };
}
