import type { GreekRow } from "../schemas/greek-row";

/** USD per 1M tokens of each token class a row prices (null: the provider publishes no such price). */
export interface ClassPrices {
  input: number;
  output: number;
  cache_read: number | null;
  cache_write_5m: number | null;
  cache_write_1h: number | null;
  thinking: number | null;
}

/**
 * The prices a drop-in table publishes for a row: the row's class prices in force, which are exactly what
 * priceTask charges (the Greek sheet derives writes and thinking from the MATH.md §1 ratios on the prices in force).
 */
export function classPrices(row: Pick<GreekRow, "beta" | "prices">): ClassPrices {
  const p = row.prices;
  return {
    input: p.input,
    output: row.beta,
    cache_read: p.cache_read,
    cache_write_5m: p.cache_write_5m,
    cache_write_1h: p.cache_write_1h,
    thinking: p.thinking,
  };
}
