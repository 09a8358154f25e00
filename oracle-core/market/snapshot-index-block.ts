/** The EICI block of the signed snapshot, from the last fixing of an index series. */
import { sig } from "../forecast/significant";
import { tickerForward, type ForwardRow } from "../forecast/row-forecast";
import { indexForward } from "../quant/index-forward";
import type { IndexBlock } from "../schemas/snapshot";
import { indexForwardGrid } from "./index-forward-grid";
import type { IndexSeriesResult } from "./index-series";

/**
 * Level, divisor, base, the last rebalance's capped weights and each member's price, quantity, contribution
 * (points) and stale flag, plus the index forward in USD/M. With the Greek-sheet `rows`, the forward is each member's
 * contribution times its ticker forward ÷ spot (a grid to 10 years, and the four tenors); without them, the §8.7
 * θ forward (no future rebalance). Values are float64 as computed (the grid to 6 significant digits).
 * @example indexBlock(series, { "GPT-4.1": 0.8 }, { "GPT-4.1": "openai" }, models).forwards_usd_per_m["3M"]
 */
export function indexBlock(
  series: IndexSeriesResult,
  thetas: Readonly<Record<string, number>>,
  providers: Readonly<Record<string, string>>,
  rows?: readonly ForwardRow[],
): IndexBlock {
  const f = series.last;
  const ids = Object.keys(f.quantities);
  const valuationDate = f.time.slice(0, 10);
  const byTicker = new Map((rows ?? []).map((r) => [r.ticker, r]));
  const growth = (ticker: string, tau: number): number => {
    const r = byTicker.get(ticker);
    return r && r.beta > 0 ? tickerForward(r, valuationDate, tau) / r.beta : 1;
  };
  const grid = rows ? indexForwardGrid(f.contributions_usd_per_m, growth).map((x) => sig(x, 6)) : null;
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
    forwards_usd_per_m: grid
      ? { "1M": grid[0]!, "3M": grid[2]!, "6M": grid[5]!, "12M": grid[11]! }
      : (indexForward({ contributions: f.contributions_usd_per_m, thetas }) as IndexBlock["forwards_usd_per_m"]),
    ...(grid ? { forward_grid_usd_per_m: grid } : {}),
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
