import type { IndexUniverseEntry } from "./index-series";

/** The lifecycle fields of a row that decide its index membership. */
export interface MembershipRow {
  ticker: string;
  provider: string;
  lifecycle: "provisional" | "active" | "legacy" | "deprecated" | "retired";
  listed_at?: string;
  retired_at?: string;
}

/**
 * EICI membership follows the lifecycle (issue 11, docs/METHODOLOGY.md):
 * - `active` and `deprecated` tickers are candidates with their usage proxy (the registry's
 *   `index_weight_proxy`); `provisional` and `legacy` ones are not (usage 0);
 * - a ticker the feed listed has no curated proxy: once `active` it takes the smallest positive proxy of its
 *   provider's curated tickers (the smallest weight the provider already has), and may join a basket from its
 *   listing date;
 * - a `deprecated` or `retired` ticker with a shutdown date may not be a member from that date: a member leaving
 *   forces a rebalance on it (oracle-core/market/index-series.ts);
 * - a ticker no source quotes leaves through the stale rule (§8.5), not through this one.
 * @example indexMembership([{ ticker: "X", provider: "openai", lifecycle: "retired", retired_at: "2026-03-26" }],
 *   new Map([["X", 4]])) // [{ ticker: "X", provider: "openai", usage: 4, member_until: "2026-03-26" }]
 */
export function indexMembership(
  rows: readonly MembershipRow[],
  proxy: ReadonlyMap<string, number>,
): IndexUniverseEntry[] {
  const floor = new Map<string, number>();
  for (const r of rows) {
    const p = proxy.get(r.ticker) ?? 0;
    if (p > 0) floor.set(r.provider, Math.min(floor.get(r.provider) ?? Infinity, p));
  }
  return rows.map((r) => {
    // A retired ticker counts only up to its date (its past baskets); retired without a date, never.
    const candidate =
      r.lifecycle === "active" || r.lifecycle === "deprecated" || (r.lifecycle === "retired" && !!r.retired_at);
    const curated = proxy.get(r.ticker) ?? 0;
    const usage = !candidate ? 0 : curated > 0 ? curated : r.listed_at ? (floor.get(r.provider) ?? 0) : 0;
    return {
      ticker: r.ticker,
      provider: r.provider,
      usage,
      ...(r.listed_at ? { member_from: r.listed_at } : {}),
      ...(r.retired_at && (r.lifecycle === "deprecated" || r.lifecycle === "retired")
        ? { member_until: r.retired_at }
        : {}),
    };
  });
}
