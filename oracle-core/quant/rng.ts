/** Seeded randomness for the simulator: xoshiro128** (Blackman & Vigna), 53-bit uniforms, Box–Muller normals. */
import { OracleError } from "../errors";

/** A seeded random source; the same seed gives the same sequence on every platform. */
export interface Rng {
  /** Next raw 32-bit output of xoshiro128**. */
  nextUint32(): number;
  /** Uniform in [0, 1) with 53 random bits. */
  random(): number;
  /** Standard normal (Box–Muller; the second variate of each pair is cached). */
  normal(): number;
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** xoshiro128** from an explicit non-zero 128-bit state (four uint32 words). */
export function xoshiro128ss(s0: number, s1: number, s2: number, s3: number): Rng {
  let a = s0 >>> 0,
    b = s1 >>> 0,
    c = s2 >>> 0,
    d = s3 >>> 0;
  if ((a | b | c | d) === 0) throw new OracleError("E_BAD_MC_PARAM", "xoshiro128** state must not be all zero", "seed");
  let spare: number | null = null;
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const random = (): number => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992;
  const normal = (): number => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const u1 = 1 - random(); // (0, 1]: log is finite
    const u2 = random();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };
  return { nextUint32, random, normal };
}

/** splitmix32 step, used only to expand a seed into a well-mixed state. */
function splitmix32(state: { x: number }): number {
  state.x = (state.x + 0x9e3779b9) | 0;
  let z = state.x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A seeded Rng: the seed (integer 0 … 2^53−1) is expanded by splitmix32 into the xoshiro128** state.
 * @example createRng(42).random() // same value on every run
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new OracleError("E_BAD_MC_PARAM", `seed must be an integer >= 0, got ${seed}`, "seed");
  const hi = Math.floor(seed / 4294967296);
  const st = { x: (seed >>> 0) ^ Math.imul(hi, 0x27d4eb2d) };
  return xoshiro128ss(splitmix32(st), splitmix32(st), splitmix32(st), splitmix32(st) | 1);
}

/** Poisson(λ) by Knuth's multiplication method (fine for the small λ_J·Δ of §10.3). */
export function poissonKnuth(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  // exp(−λ) underflows near 745; far below that the product method is still exact but slow.
  if (lambda > 700)
    throw new OracleError(
      "E_BAD_MC_PARAM",
      `Poisson mean ${lambda} per step is too large: use a finer grid`,
      "lambda_j",
    );
  const L = Math.exp(-lambda);
  let k = 0;
  let p = rng.random();
  while (p > L) {
    k += 1;
    p *= rng.random();
  }
  return k;
}
