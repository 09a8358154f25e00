/** The EICI block of the signed snapshot, from the last fixing of an index series. */
import { indexForward } from "../quant/index-forward";
import type { IndexBlock } from "../schemas/snapshot";
import type { IndexSeriesResult } from "./index-series";

/**
 * Level, divisor, base, the last rebalance's capped weights and each member's price, quantity, contribution
 * (points) and stale flag, plus the §8.7 index forward in USD/M from each member's θ (no future rebalance).
 * Values are float64 as computed; clients round for display.
 * @example indexBlock(series, { "GPT-4.1": 0.8 }, { "GPT-4.1": "openai" }).level // series.last.level
 */
export function indexBlock(series: IndexSeriesResult, thetas: Readonly<Record<string, number>>, providers: Readonly<Record<string, string>>): IndexBlock {
  const f = series.last;
  const ids = Object.keys(f.quantities);
  return {
    name: series.name,
    level: f.level,
    level_usd_per_m: f.level_usd_per_m,
    divisor: f.divisor,
    base_date: series.base_date,
    base_value: series.base_value,
    fixing_date: f.time.slice(0, 10),
    index_breaker: f.index_breaker,
    rebalance_date: series.last_rebalance.date,
    forwards_usd_per_m: indexForward({ contributions: f.contributions_usd_per_m, thetas }) as NonNullable<IndexBlock["forwards_usd_per_m"]>,
    constituents: ids.map((i) => ({
      ticker: i,
      provider: providers[i] ?? "unknown",
      weight: series.last_rebalance.weights[i] ?? 0,
      price: f.prices_used[i]!,
      quantity: f.quantities[i]!,
      contribution: f.contributions_points[i]!,
      stale: f.flags[i]?.stale ?? false,
    })),
  };
}
