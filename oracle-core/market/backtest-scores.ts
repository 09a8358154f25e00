/**
 * Scores of the lifecycle forecasts against "no change" (NC): the forward's bias and squared-error skill, the bands'
 * CRPS skill and PIT coverage, the median's APE, with bootstrap intervals resampled over whole tickers or families.
 * Errors are in points of spot ((x − actual)/spot × 100), so a $60 model and a $0.40 model weigh the same.
 */
import { pitCoverage } from "../forecast/price-law";
import { percentileType7 } from "../quant/percentile";
import { createRng } from "../quant/rng";
import type { ForecastPair } from "./backtest-pairs";

/** A statistic with its bootstrap 95% interval (null when it is undefined, e.g. no moved pair). */
export interface WithInterval {
  value: number | null;
  ci: [number, number] | null;
}

/** Scores of one target at one tenor. */
export interface TargetSummary {
  pairs: number;
  /** Pairs whose price changed by the horizon, distinct changes among them, and tickers/families scored. */
  moved: number;
  events: number;
  clusters: number;
  /** Mean of (forward − actual)/spot in %: > 0 means forwards too high. */
  bias_pct: WithInterval;
  nc_bias_pct: number;
  /** 1 − Σ(forward − actual)² / Σ(spot − actual)² (errors in units of spot). */
  se_skill: WithInterval;
  /** Mean CRPS in points of spot; NC's is its mean absolute error. Skill = 1 − CRPS / CRPS_NC. */
  crps_pct: number;
  nc_crps_pct: number;
  crps_skill: WithInterval;
  /** Expected share of randomized PITs inside the central 90% and 50% bands. */
  coverage90: WithInterval;
  coverage50: WithInterval;
  /** The forward's MAPE (|forward − actual| / actual, in %), the yardstick of the earlier θ-decay forward. */
  forward_mape_pct: number;
  /** The median forecast's APE (|median − actual| / actual) and NC's, in %. */
  median: { mape_pct: number; median_ape_pct: number; nc_mape_pct: number; nc_median_ape_pct: number };
}

/** Sums of one cluster (a ticker or a family) from which every statistic is a ratio. */
export interface ClusterSums {
  n: number;
  bias: number;
  se: number;
  seNc: number;
  crps: number;
  crpsNc: number;
  c90: number;
  c50: number;
}

const zero = (): ClusterSums => ({ n: 0, bias: 0, se: 0, seNc: 0, crps: 0, crpsNc: 0, c90: 0, c50: 0 });

function add(a: ClusterSums, b: ClusterSums): void {
  a.n += b.n;
  a.bias += b.bias;
  a.se += b.se;
  a.seNc += b.seNc;
  a.crps += b.crps;
  a.crpsNc += b.crpsNc;
  a.c90 += b.c90;
  a.c50 += b.c50;
}

function sumsOf(p: ForecastPair): ClusterSums {
  const pit = { lo: p.pit[0], hi: p.pit[1] };
  const e = (p.mean - p.actual) / p.spot;
  const nc = (p.spot - p.actual) / p.spot;
  return {
    n: 1,
    bias: e,
    se: e * e,
    seNc: nc * nc,
    crps: p.crps / p.spot,
    crpsNc: Math.abs(nc),
    c90: pitCoverage(pit, 0.9),
    c50: pitCoverage(pit, 0.5),
  };
}

const STATS = {
  bias_pct: (s: ClusterSums) => (100 * s.bias) / s.n,
  se_skill: (s: ClusterSums) => (s.seNc > 0 ? 1 - s.se / s.seNc : null),
  crps_skill: (s: ClusterSums) => (s.crpsNc > 0 ? 1 - s.crps / s.crpsNc : null),
  coverage90: (s: ClusterSums) => s.c90 / s.n,
  coverage50: (s: ClusterSums) => s.c50 / s.n,
} as const;

/** Bootstrap resamples (whole clusters with replacement) and the seed of their draws. */
export const BOOTSTRAP = Object.freeze({ resamples: 1000, seed: 20261201 });

/**
 * 95% percentile intervals of each statistic over `resamples` draws of whole clusters with replacement (seeded:
 * the same pairs give the same intervals).
 */
export function clusterBootstrap(
  clusters: readonly ClusterSums[],
  opts: { resamples?: number; seed?: number } = {},
): Record<keyof typeof STATS, [number, number] | null> {
  const B = opts.resamples ?? BOOTSTRAP.resamples;
  const rng = createRng(opts.seed ?? BOOTSTRAP.seed);
  const draws = Object.fromEntries(Object.keys(STATS).map((k) => [k, [] as number[]])) as Record<
    keyof typeof STATS,
    number[]
  >;
  const C = clusters.length;
  for (let b = 0; b < B && C > 0; b++) {
    const s = zero();
    for (let i = 0; i < C; i++) add(s, clusters[Math.floor(rng.random() * C)]!);
    for (const [k, f] of Object.entries(STATS) as [keyof typeof STATS, (s: ClusterSums) => number | null][]) {
      const v = f(s);
      if (v !== null) draws[k].push(v);
    }
  }
  const ci = (xs: number[]): [number, number] | null => {
    // An interval needs the statistic on (nearly) every resample: a skill undefined on some draws has none.
    if (xs.length < 0.95 * B) return null;
    const s = Float64Array.from(xs).sort();
    return [percentileType7(s, 0.025), percentileType7(s, 0.975)];
  };
  return Object.fromEntries(Object.entries(draws).map(([k, xs]) => [k, ci(xs)])) as Record<
    keyof typeof STATS,
    [number, number] | null
  >;
}

function medianOf(xs: number[]): number {
  const s = Float64Array.from(xs).sort();
  return percentileType7(s, 0.5);
}

/**
 * The scores of a set of pairs (one target, one tenor); `bootstrap: false` skips the intervals (ci null).
 * @example summarizePairs(pairs.filter((p) => p.target === "tier" && p.tenor === "6M")).crps_skill.value
 */
export function summarizePairs(
  pairs: readonly ForecastPair[],
  opts: { bootstrap?: boolean; resamples?: number; seed?: number } = {},
): TargetSummary | null {
  if (pairs.length === 0) return null;
  const byCluster = new Map<string, ClusterSums>();
  const total = zero();
  for (const p of pairs) {
    const s = sumsOf(p);
    add(total, s);
    let c = byCluster.get(p.id);
    if (!c) byCluster.set(p.id, (c = zero()));
    add(c, s);
  }
  const ci = opts.bootstrap === false ? null : clusterBootstrap([...byCluster.values()], opts);
  const w = (k: keyof typeof STATS): WithInterval => ({ value: STATS[k](total), ci: ci?.[k] ?? null });
  const ape = pairs.map((p) => Math.abs(p.median - p.actual) / p.actual);
  const apeNc = pairs.map((p) => Math.abs(p.spot - p.actual) / p.actual);
  const events = new Set(pairs.flatMap((p) => p.events ?? []));
  return {
    pairs: pairs.length,
    moved: pairs.filter((p) => p.actual !== p.spot).length,
    events: events.size,
    clusters: byCluster.size,
    bias_pct: w("bias_pct"),
    nc_bias_pct: (100 * pairs.reduce((a, p) => a + (p.spot - p.actual) / p.spot, 0)) / pairs.length,
    se_skill: w("se_skill"),
    crps_pct: (100 * total.crps) / total.n,
    nc_crps_pct: (100 * total.crpsNc) / total.n,
    crps_skill: w("crps_skill"),
    coverage90: w("coverage90"),
    coverage50: w("coverage50"),
    forward_mape_pct: (100 * pairs.reduce((a, p) => a + Math.abs(p.mean - p.actual) / p.actual, 0)) / pairs.length,
    median: {
      mape_pct: (100 * ape.reduce((a, b) => a + b, 0)) / ape.length,
      median_ape_pct: 100 * medianOf(ape),
      nc_mape_pct: (100 * apeNc.reduce((a, b) => a + b, 0)) / apeNc.length,
      nc_median_ape_pct: 100 * medianOf(apeNc),
    },
  };
}
