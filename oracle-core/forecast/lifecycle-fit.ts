/**
 * Fits the lifecycle models on the history as of a date, using only what was in force by then:
 * - the hazard of an unannounced move of a ticker's own price, by lifecycle state (young: within `young_years` of
 *   launch and still its family's newest model; older; superseded by a successor), Poisson rates shrunk toward the
 *   pooled rate (gamma prior);
 * - the size of a move: ln(new/old) ~ N(μ_provider, s²), provider means shrunk toward the pooled mean;
 * - per family, the rate of successor launches (shrunk toward the pooled rate) and the size of the tier's step at a
 *   launch, ln(new model's price / tier price before) ~ N(μ_provider, s²), shrunk the same way.
 */
import { dateOrdinal, ordinalToIso } from "../quant/dates";
import { DAYS_PER_YEAR } from "../quant/defaults";
import { priceInForce, successorDate, tickerMoves, type LifecycleData } from "./lifecycle-data";

/** Priors and constants of the lifecycle fits (judgement values, documented in docs/METHODOLOGY.md). */
export const LIFECYCLE_PRIORS = Object.freeze({
  /** A ticker is "young" for this many years after launch (while no successor exists). */
  young_years: 0.5,
  /** Pooled move hazard prior: rate per SKU-year and its weight in SKU-years. */
  hazard_prior: 0.15,
  hazard_prior_years: 4,
  /** Each lifecycle state's rate is shrunk toward the pooled rate with this many SKU-years of pseudo-exposure. */
  hazard_cell_years: 2,
  /** ln move size prior N(ln 2/3, 0.5²), with the weights (in events) of its mean, of a provider's mean, of s². */
  jump_mu: Math.log(2 / 3),
  jump_s: 0.5,
  jump_mu_weight: 2,
  jump_provider_weight: 2,
  jump_s_weight: 2,
  /** Successor launches per family-year: prior, its weight (family-years), and a family's shrinkage (years). */
  successor_prior: 1,
  successor_prior_years: 2,
  successor_family_years: 1,
  /** ln tier step at a launch that changes the price: prior N(ln 0.8, 0.5²), weights as for moves. */
  ratio_mu: Math.log(0.8),
  ratio_s: 0.8,
  /** P(a successor launches at its predecessor's price): prior, its weight (launches), a provider's shrinkage. */
  same_prior: 0.3,
  same_prior_weight: 2,
  same_provider_weight: 3,
});

/** A normal law of ln sizes: pooled mean and sd, and provider means. */
export interface SizeFit {
  mu: number;
  s: number;
  n: number;
  by_provider: Record<string, { mu: number; n: number }>;
}

/** The fitted lifecycle models at `as_of`. */
export interface LifecycleFit {
  as_of: string;
  young_years: number;
  /** Move hazards per year, and the evidence: events and exposure (SKU-years) by state. */
  hazard: { young: number; old: number; superseded: number };
  events: { young: number; old: number; superseded: number };
  exposure_years: { young: number; old: number; superseded: number };
  jump: SizeFit;
  /** Successor launches per year: pooled, and per family (shrunk). */
  successor: { pooled: number; by_family: Record<string, number> };
  /** P(a launch keeps the tier price), pooled and by provider (shrunk). */
  same: { p: number; n: number; by_provider: Record<string, number> };
  /** ln tier step at a launch that changes the price. */
  ratio: SizeFit;
}

type Cell = "young" | "old" | "superseded";

/** Provider-shrunk normal fit of ln sizes (MAP mean, pooled variance with a prior). */
function sizeFit(xs: readonly { provider: string; y: number }[], mu0: number, s0: number): SizeFit {
  const P = LIFECYCLE_PRIORS;
  const n = xs.length;
  const mu = (xs.reduce((a, x) => a + x.y, 0) + P.jump_mu_weight * mu0) / (n + P.jump_mu_weight);
  const by: Record<string, { sum: number; n: number }> = {};
  for (const x of xs) (by[x.provider] ??= { sum: 0, n: 0 }).n++, (by[x.provider]!.sum += x.y);
  const by_provider: SizeFit["by_provider"] = {};
  for (const [p, v] of Object.entries(by))
    by_provider[p] = { mu: (v.sum + P.jump_provider_weight * mu) / (v.n + P.jump_provider_weight), n: v.n };
  let ss = 0;
  for (const x of xs) ss += (x.y - (by_provider[x.provider]?.mu ?? mu)) ** 2;
  const s = Math.sqrt((ss + P.jump_s_weight * s0 * s0) / (n + P.jump_s_weight));
  return { mu, s, n, by_provider };
}

/** The location of a provider's sizes (the pooled mean for a provider without events). */
export function providerMu(f: SizeFit, provider: string): number {
  return f.by_provider[provider]?.mu ?? f.mu;
}

/**
 * Fits hazards, move sizes, successor rates and tier steps on everything effective by `asOf`.
 * @example fitLifecycle(lifecycleData(history.observations, history.families), "2026-08-21").hazard.young
 */
export function fitLifecycle(data: LifecycleData, asOf: string): LifecycleFit {
  const P = LIFECYCLE_PRIORS;
  const d = dateOrdinal(asOf, "as_of");
  const A = P.young_years * DAYS_PER_YEAR;
  const events = { young: 0, old: 0, superseded: 0 };
  const expo = { young: 0, old: 0, superseded: 0 }; // days
  const jumps: { provider: string; y: number }[] = [];
  for (const t of data.tickers.values()) {
    if (t.launch > asOf) continue;
    const L = dateOrdinal(t.launch);
    const succ = successorDate(data, t);
    const S = succ !== null && succ <= asOf ? dateOrdinal(succ) : Infinity;
    const headEnd = Math.min(S, d);
    expo.young += Math.max(0, Math.min(L + A, headEnd) - L);
    expo.old += Math.max(0, headEnd - (L + A));
    expo.superseded += Math.max(0, d - S);
    for (const mv of tickerMoves(t, asOf)) {
      const e = dateOrdinal(mv.date);
      const cell: Cell = e >= S ? "superseded" : e - L < A ? "young" : "old";
      events[cell]++;
      jumps.push({ provider: t.provider, y: Math.log(mv.ratio) });
    }
  }
  const years = {
    young: expo.young / DAYS_PER_YEAR,
    old: expo.old / DAYS_PER_YEAR,
    superseded: expo.superseded / DAYS_PER_YEAR,
  };
  const E = events.young + events.old + events.superseded;
  const X = years.young + years.old + years.superseded;
  const pooled = (E + P.hazard_prior * P.hazard_prior_years) / (X + P.hazard_prior_years);
  const rate = (c: Cell) => (events[c] + pooled * P.hazard_cell_years) / (years[c] + P.hazard_cell_years);

  // Families: successor launches per year, and the tier's step at each launch.
  let nSucc = 0;
  let xSucc = 0;
  const famStats: { family: string; n: number; x: number }[] = [];
  const steps: { provider: string; y: number }[] = [];
  const same: { provider: string; same: boolean }[] = [];
  for (const f of data.families.values()) {
    const ls = f.launches.filter((l) => l.date <= asOf);
    if (ls.length === 0) continue;
    const x = (d - dateOrdinal(ls[0]!.date)) / DAYS_PER_YEAR;
    famStats.push({ family: f.family, n: ls.length - 1, x });
    nSucc += ls.length - 1;
    xSucc += x;
    for (let j = 1; j < ls.length; j++) {
      const prevHead = data.tickers.get(ls[j - 1]!.ticker)!;
      const before = priceInForce(prevHead, ordinalToIso(dateOrdinal(ls[j]!.date) - 1));
      const now = data.tickers.get(ls[j]!.ticker)!.steps[0]!.price;
      if (before === null || !(before > 0 && now > 0)) continue;
      same.push({ provider: f.provider, same: now === before });
      if (now !== before) steps.push({ provider: f.provider, y: Math.log(now / before) });
    }
  }
  const succPooled = (nSucc + P.successor_prior * P.successor_prior_years) / (xSucc + P.successor_prior_years);
  const by_family: Record<string, number> = {};
  for (const s of famStats)
    by_family[s.family] = (s.n + succPooled * P.successor_family_years) / (s.x + P.successor_family_years);

  return {
    as_of: asOf,
    young_years: P.young_years,
    hazard: { young: rate("young"), old: rate("old"), superseded: rate("superseded") },
    events,
    exposure_years: years,
    jump: sizeFit(jumps, P.jump_mu, P.jump_s),
    successor: { pooled: succPooled, by_family },
    same: sameFit(same),
    ratio: sizeFit(steps, P.ratio_mu, P.ratio_s),
  };
}

/** P(same price at a launch): beta-binomial shrinkage, pooled toward the prior, providers toward the pool. */
function sameFit(xs: readonly { provider: string; same: boolean }[]): LifecycleFit["same"] {
  const P = LIFECYCLE_PRIORS;
  const k = xs.filter((x) => x.same).length;
  const p = (k + P.same_prior * P.same_prior_weight) / (xs.length + P.same_prior_weight);
  const by: Record<string, { k: number; n: number }> = {};
  for (const x of xs) {
    const b = (by[x.provider] ??= { k: 0, n: 0 });
    b.n++;
    if (x.same) b.k++;
  }
  const by_provider: Record<string, number> = {};
  for (const [prov, b] of Object.entries(by))
    by_provider[prov] = (b.k + p * P.same_provider_weight) / (b.n + P.same_provider_weight);
  return { p, n: xs.length, by_provider };
}

/** {@link fitLifecycle} memoised by date (the backtest and the calibration fit every origin once). */
export function lifecycleFitter(data: LifecycleData): (asOf: string) => LifecycleFit {
  const cache = new Map<string, LifecycleFit>();
  return (asOf) => {
    let f = cache.get(asOf);
    if (!f) cache.set(asOf, (f = fitLifecycle(data, asOf)));
    return f;
  };
}
