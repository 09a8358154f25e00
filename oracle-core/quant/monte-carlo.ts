/**
 * MATH.md §10.3 seeded Monte Carlo of the Merton model on the tenor grid (exact increments, no discretisation
 * error), in chunks so a Web Worker can report progress and stop between chunks.
 */
import { OracleError } from "../errors";
import { TENORS } from "./defaults";
import { mertonParams, type MertonParams, type MertonParamsInput } from "./merton";
import { percentileType7 } from "./percentile";
import { createRng, poissonKnuth } from "./rng";
import { price, tenorMap } from "./validate";

/** Model inputs of a simulation. */
export interface SimulateMertonParams extends MertonParamsInput {
  beta: number;
}

/** Progress after each chunk. */
export interface SimProgress {
  done: number;
  total: number;
}

/** Simulation options; randomness is an input (`seed`). */
export interface SimulateMertonOptions {
  /** Number of paths (default 10,000, the production default). */
  paths?: number;
  /** Integer seed (default 12345). */
  seed?: number;
  /** {name: years} (default 1M, 3M, 6M, 12M). */
  tenors?: Record<string, number>;
  /** Paths per chunk (default 2,000). */
  chunkSize?: number;
  onProgress?: (p: SimProgress) => void;
  /** Checked before every chunk: when `aborted` is true the run throws OracleError('E_CANCELLED'). */
  signal?: { readonly aborted: boolean };
  /** Also return each tenor's sorted sample (for tests and histograms). */
  keepSamples?: boolean;
}

/** Per-tenor statistics: mean, sample sd (null for one path) and type-7 percentiles. */
export interface SimTenorStats {
  t: number;
  mean: number;
  sd: number | null;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** Output of a simulation. */
export interface SimulateMertonResult {
  paths: number;
  seed: number;
  params: MertonParams;
  tenors: Record<string, SimTenorStats>;
  samples?: Record<string, Float64Array>;
}

function positiveInt(field: string, x: number): number {
  if (!Number.isSafeInteger(x) || x < 1)
    throw new OracleError("E_BAD_MC_PARAM", `${field} must be an integer >= 1, got ${x}`, field);
  return x;
}

/**
 * Generator form: yields {done, total} after each chunk and returns the result. A worker drives it and
 * yields to its event loop between chunks so a cancel message can set `signal.aborted`.
 * @example
 * const it = simulateMertonChunks(p, { paths: 10000, seed: 1, signal });
 * let r = it.next(); while (!r.done) { post(r.value); await tick(); r = it.next(); }
 */
export function* simulateMertonChunks(
  params: SimulateMertonParams,
  opts: SimulateMertonOptions = {},
): Generator<SimProgress, SimulateMertonResult, void> {
  const beta = price("beta", params.beta);
  const P = mertonParams(params);
  const paths = positiveInt("paths", opts.paths ?? 10_000);
  const chunk = positiveInt("chunkSize", opts.chunkSize ?? 2_000);
  const seed = opts.seed ?? 12345;
  const rng = createRng(seed);
  const tenors = tenorMap("tenors", opts.tenors ?? TENORS);
  const grid = [...new Set(Object.values(tenors))].sort((a, b) => a - b);
  const samples = grid.map(() => new Float64Array(paths));
  const { mu, sigma_diffusion_annual: sd, lambda_j: lj, mu_j: mj, sigma_j: sj } = P;
  const lb = Math.log(beta);
  const steps = grid.map((t, k) => t - (k === 0 ? 0 : grid[k - 1]!));

  for (let start = 0; start < paths; start += chunk) {
    if (opts.signal?.aborted) throw new OracleError("E_CANCELLED", "simulation cancelled", "signal");
    const end = Math.min(start + chunk, paths);
    for (let i = start; i < end; i++) {
      let x = lb;
      for (let k = 0; k < grid.length; k++) {
        const dt = steps[k]!;
        if (dt > 0) {
          const nj = poissonKnuth(rng, lj * dt);
          x += mu * dt + sd * Math.sqrt(dt) * rng.normal();
          if (nj > 0) x += nj * mj + sj * Math.sqrt(nj) * rng.normal(); // exact jump sum given N = nj
        }
        samples[k]![i] = grid[k] === 0 ? beta : Math.exp(x); // exp(ln β) need not round-trip to β
      }
    }
    const progress = { done: end, total: paths };
    opts.onProgress?.(progress);
    yield progress;
  }
  if (opts.signal?.aborted) throw new OracleError("E_CANCELLED", "simulation cancelled", "signal");

  for (const xs of samples) xs.sort(); // typed arrays sort numerically
  const stats: Record<string, SimTenorStats> = {};
  const sampleOf = (t: number): Float64Array => samples[grid.indexOf(t)]!;
  for (const [name, t] of Object.entries(tenors)) {
    const xs = sampleOf(t);
    let s = 0;
    for (const v of xs) s += v;
    const mean = s / paths;
    let ss = 0;
    for (const v of xs) ss += (v - mean) ** 2;
    stats[name] = {
      t,
      mean,
      sd: paths > 1 ? Math.sqrt(ss / (paths - 1)) : null,
      p5: percentileType7(xs, 0.05),
      p25: percentileType7(xs, 0.25),
      p50: percentileType7(xs, 0.5),
      p75: percentileType7(xs, 0.75),
      p95: percentileType7(xs, 0.95),
    };
  }
  const result: SimulateMertonResult = { paths, seed, params: P, tenors: stats };
  if (opts.keepSamples)
    result.samples = Object.fromEntries(Object.entries(tenors).map(([name, t]) => [name, sampleOf(t)]));
  return result;
}

/**
 * Runs {@link simulateMertonChunks} to completion (onProgress after each chunk; E_CANCELLED when signal.aborted).
 * @example simulateMerton({ beta: 8, theta: 0.9, sigma_month: 0.12 }, { paths: 10000, seed: 7 }).tenors["12M"].p50
 */
export function simulateMerton(params: SimulateMertonParams, opts: SimulateMertonOptions = {}): SimulateMertonResult {
  const it = simulateMertonChunks(params, opts);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}
