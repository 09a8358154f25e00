/**
 * Seeded Monte Carlo of the lifecycle laws: the ticker's hazard-driven moves (the hazard drops when a successor
 * launches, at an exponential time) and the tier's two jump streams (price-changing launches; repricings of the
 * newest model at its expected hazard). Each path's state lives in locals, the outputs in typed arrays: nothing is
 * allocated per path; chunks of paths let a Web Worker report progress and cancel. Given the number of jumps in
 * a step the jump sum is exact (nμ + s√n·Z), so the only discretisation is the grid the outputs are read on.
 */
import { OracleError } from "../errors";
import { createRng } from "../quant/rng";
import { tenorMap } from "../quant/validate";
import { samplePercentiles } from "./sample-percentiles";
import type { TickerLawState } from "./ticker-law";
import { tierMoveMean, type TierLawState } from "./tier-law";

/** What the engine simulates: a hazard stream that may switch at a successor's arrival, and a constant stream. */
export interface JumpProcess {
  /** Hazard of the first stream over [0, t] while the switch has not happened (cumulative, years → events). */
  cumHazard: (t: number) => number;
  /** Rate of the switch (a successor's launch), and the first stream's hazard after it. */
  switchRate: number;
  switchedHazard: number;
  switched: boolean;
  jump: { mu: number; s: number };
  /** Second stream: constant rate and its jumps (rate 0: none). */
  rate2: number;
  jump2: { mu: number; s: number };
}

/** The ticker law as a jump process. */
export function tickerProcess(st: TickerLawState): JumpProcess {
  const r = Math.max(0, st.young_years - st.age);
  return {
    cumHazard: (t) => st.hazard.young * Math.min(t, r) + st.hazard.old * Math.max(0, t - r),
    switchRate: st.successor_rate,
    switchedHazard: st.hazard.superseded,
    switched: st.superseded,
    jump: st.jump,
    rate2: 0,
    jump2: { mu: 0, s: 0 },
  };
}

/** The tier law as a jump process (the widening is applied to each jump, keeping its mean, as the law does). */
export function tierProcess(st: TierLawState): JumpProcess {
  const widen = (j: { mu: number; s: number }) => ({
    mu: j.mu - 0.5 * (st.widen ** 2 - 1) * j.s * j.s,
    s: st.widen * j.s,
  });
  return {
    cumHazard: (t) => tierMoveMean(st, t),
    switchRate: 0,
    switchedHazard: 0,
    switched: false,
    jump: widen(st.jump),
    rate2: st.rate_scale * st.successor_rate * (1 - st.p_same),
    jump2: widen(st.ratio),
  };
}

/** Simulation options; randomness is an input (`seed`). */
export interface LifecycleSimOptions {
  paths: number;
  seed: number;
  /** Output horizons {name: years}. */
  tenors: Readonly<Record<string, number>>;
  /** Steps per year of the grid simulated through (default 12: monthly), besides the output horizons. */
  stepsPerYear?: number;
  chunkSize?: number;
  onProgress?: (p: { done: number; total: number }) => void;
  signal?: { readonly aborted: boolean };
}

/** Per-horizon statistics of the simulated price. */
export interface LifecycleSimTenor {
  t: number;
  mean: number;
  sd: number | null;
  /** Share of paths with at least one jump by t. */
  p_change: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/**
 * Poisson(λ) CDF at 0, 1, … while it is below 1 − 1e-15 (the means per step are small, so a few entries): drawing by
 * inversion then needs no exp.
 */
function poissonCdf(lambda: number): Float64Array {
  const out: number[] = [];
  let p = Math.exp(-lambda);
  let F = p;
  for (let n = 0; n < 1000; n++) {
    out.push(F);
    if (F >= 1 - 1e-15) break;
    p *= lambda / (n + 1);
    F += p;
  }
  return Float64Array.from(out);
}

/** Inversion on a precomputed CDF: the least n with u ≤ F(n). */
function fromCdf(u: number, cdf: Float64Array): number {
  let n = 0;
  while (n < cdf.length - 1 && u > cdf[n]!) n++;
  return n;
}

/** Poisson draw by inversion from one uniform, for a mean that is not known ahead (a successor mid-step). */
function poissonInv(u: number, lambda: number): number {
  if (lambda <= 0) return 0;
  let p = Math.exp(-lambda);
  let F = p;
  let n = 0;
  while (u > F && n < 1000) {
    n += 1;
    p *= lambda / n;
    F += p;
  }
  return n;
}

/**
 * Generator form: yields {done, total} after each chunk and returns the statistics per horizon of
 * `base(t)·e^(jumps)`, where `base` is the announced path.
 * @example const it = simulateLifecycleChunks(tickerProcess(st), (t) => 8, { paths: 10000, seed: 1, tenors: TENORS });
 */
export function* simulateLifecycleChunks(
  proc: JumpProcess,
  base: (t: number) => number,
  opts: LifecycleSimOptions,
): Generator<{ done: number; total: number }, Record<string, LifecycleSimTenor>, void> {
  const paths = opts.paths;
  const chunk = opts.chunkSize ?? 10_000;
  if (!Number.isSafeInteger(paths) || paths < 1)
    throw new OracleError("E_BAD_MC_PARAM", `paths must be an integer >= 1, got ${paths}`, "paths");
  if (!Number.isSafeInteger(chunk) || chunk < 1)
    throw new OracleError("E_BAD_MC_PARAM", `chunkSize must be an integer >= 1, got ${chunk}`, "chunkSize");
  // xoshiro128** seeded through createRng, inlined: a method call per draw would cost more than the draw.
  const seeded = createRng(opts.seed);
  let ra = seeded.nextUint32(),
    rb = seeded.nextUint32(),
    rc = seeded.nextUint32(),
    rd = seeded.nextUint32() | 1;
  const u32 = (): number => {
    const r = Math.imul((Math.imul(rb, 5) << 7) | (Math.imul(rb, 5) >>> 25), 9) >>> 0;
    const t = rb << 9;
    rc ^= ra;
    rd ^= rb;
    rb ^= rc;
    ra ^= rd;
    rc ^= t;
    rd = (rd << 11) | (rd >>> 21);
    return r;
  };
  const U32 = 2.3283064365386963e-10; // 2^−32: 32-bit uniforms resolve these probabilities amply
  const uniform = (): number => (u32() + 0.5) * U32;
  let spare = NaN; // Box–Muller gives two normals a draw: keep the second
  const normal = (): number => {
    if (spare === spare) {
      const z = spare;
      spare = NaN;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const a = 2 * Math.PI * uniform();
    spare = r * Math.sin(a);
    return r * Math.cos(a);
  };
  const outputs = new Set(Object.values(tenorMap("tenors", opts.tenors)));
  const horizon = Math.max(0, ...outputs);
  const per = opts.stepsPerYear ?? 12;
  const steps = Array.from({ length: Math.ceil(horizon * per - 1e-9) }, (_, i) => (i + 1) / per).filter(
    (t) => t < horizon,
  );
  const grid = [...new Set([...steps, ...outputs])].sort((a, b) => a - b);
  const K = grid.length;
  // Per step: the first stream's mean if no switch happens, and P(no jump) for each deterministic mean, so that
  // most draws end at one comparison.
  const dts = grid.map((t, k) => t - (k ? grid[k - 1]! : 0));
  const hz = grid.map((t, k) => proc.cumHazard(t) - proc.cumHazard(k ? grid[k - 1]! : 0));
  const p0 = hz.map((h) => Math.exp(-h));
  const p0sw = dts.map((dt) => Math.exp(-proc.switchedHazard * dt));
  const p02 = dts.map((dt) => Math.exp(-proc.rate2 * dt));
  const logs = grid.map((t) => (outputs.has(t) ? new Float64Array(paths) : null));
  const moved = grid.map((t) => (outputs.has(t) ? new Uint8Array(paths) : null));
  const { mu: m1, s: s1 } = proc.jump;
  const { mu: m2, s: s2 } = proc.jump2;
  const [v1, v2] = [s1 * s1, s2 * s2];
  const cdf1 = hz.map(poissonCdf);
  const cdfSw = dts.map((dt) => poissonCdf(proc.switchedHazard * dt));
  const cdf2 = dts.map((dt) => poissonCdf(proc.rate2 * dt));
  const { switchRate, switchedHazard, rate2 } = proc;
  const pSwitch = dts.map((dt) => (switchRate > 0 ? -Math.expm1(-switchRate * dt) : 0));
  for (let start = 0; start < paths; start += chunk) {
    if (opts.signal?.aborted) throw new OracleError("E_CANCELLED", "simulation cancelled", "signal");
    const end = Math.min(start + chunk, paths);
    // Path by path (the draws do not depend on the chunk size), the path's state in locals.
    for (let i = start; i < end; i++) {
      let x = 0;
      let sw = proc.switched;
      let any = 0;
      for (let k = 0; k < K; k++) {
        const dt = dts[k]!;
        let j1 = 0;
        // One xoshiro128** step, written out: the hot path draws one or two uniforms and calls nothing.
        const b5 = Math.imul(rb, 5);
        const r1 = Math.imul((b5 << 7) | (b5 >>> 25), 9) >>> 0;
        const t9 = rb << 9;
        rc ^= ra;
        rd ^= rb;
        rb ^= rc;
        ra ^= rd;
        rc ^= t9;
        rd = (rd << 11) | (rd >>> 21);
        const u1 = (r1 + 0.5) * U32;
        const ps = pSwitch[k]!;
        if (sw) {
          if (u1 > p0sw[k]!) j1 = fromCdf(u1, cdfSw[k]!);
        } else if (u1 < ps) {
          // The successor arrives o years into the step: head hazard until then, the switched one after.
          const o = -Math.log1p(-u1) / switchRate;
          const t0 = k ? grid[k - 1]! : 0;
          sw = true;
          j1 = poissonInv(uniform(), proc.cumHazard(t0 + o) - proc.cumHazard(t0) + switchedHazard * (dt - o));
        } else {
          // No successor this step: u1 given u1 ≥ pSwitch, rescaled, is a fresh uniform for the move count.
          const u = (u1 - ps) / (1 - ps);
          if (u > p0[k]!) j1 = fromCdf(u, cdf1[k]!);
        }
        let j2 = 0;
        if (rate2 > 0) {
          const c5 = Math.imul(rb, 5);
          const r2 = Math.imul((c5 << 7) | (c5 >>> 25), 9) >>> 0;
          const s9 = rb << 9;
          rc ^= ra;
          rd ^= rb;
          rb ^= rc;
          ra ^= rd;
          rc ^= s9;
          rd = (rd << 11) | (rd >>> 21);
          const u2 = (r2 + 0.5) * U32;
          if (u2 > p02[k]!) j2 = fromCdf(u2, cdf2[k]!);
        }
        if (j1 + j2 > 0) {
          // The step's jumps sum to one normal: N(j1·μ1 + j2·μ2, j1·s1² + j2·s2²).
          x += j1 * m1 + j2 * m2 + Math.sqrt(j1 * v1 + j2 * v2) * normal();
          any = 1;
        }
        const lk = logs[k];
        if (lk) {
          lk[i] = x;
          moved[k]![i] = any;
        }
      }
    }
    const progress = { done: end, total: paths };
    opts.onProgress?.(progress);
    yield progress;
  }
  if (opts.signal?.aborted) throw new OracleError("E_CANCELLED", "simulation cancelled", "signal");
  const out: Record<string, LifecycleSimTenor> = {};
  const byT = new Map<number, LifecycleSimTenor>();
  grid.forEach((t, k) => {
    if (!outputs.has(t)) return;
    const b = base(t);
    const xs = logs[k]!;
    const mk = moved[k]!;
    let s = 0;
    let ss = 0;
    let c = 0;
    for (let i = 0; i < paths; i++) {
      const v = mk[i] ? b * Math.exp(xs[i]!) : b; // most paths never jump: no exp
      s += v;
      ss += v * v;
      c += mk[i]!;
    }
    const mean = s / paths;
    const [p5, p25, p50, p75, p95] = samplePercentiles(xs, [0.05, 0.25, 0.5, 0.75, 0.95], (x) =>
      x === 0 ? b : b * Math.exp(x),
    );
    const variance = Math.max(0, (ss - paths * mean * mean) / (paths - 1));
    byT.set(t, {
      t,
      mean,
      sd: paths > 1 ? Math.sqrt(variance) : null,
      p_change: c / paths,
      p5: p5!,
      p25: p25!,
      p50: p50!,
      p75: p75!,
      p95: p95!,
    });
  });
  for (const [name, t] of Object.entries(opts.tenors)) out[name] = byT.get(t)!;
  return out;
}

/**
 * Runs {@link simulateLifecycleChunks} to completion.
 * @example simulateLifecycle(tickerProcess(st), () => 8, { paths: 100_000, seed: 1, tenors: TENORS })["12M"].p50
 */
export function simulateLifecycle(
  proc: JumpProcess,
  base: (t: number) => number,
  opts: LifecycleSimOptions,
): Record<string, LifecycleSimTenor> {
  const it = simulateLifecycleChunks(proc, base, opts);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}
