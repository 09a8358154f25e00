import { OracleError } from "../errors";
import type { InstrumentPrices } from "../quant/task-cost";
import type { GreekRow } from "../schemas/greek-row";

/** The fields of a Greek-sheet row that pricing needs (a full row satisfies it). */
export type PricedRow = Pick<
  GreekRow,
  "ticker" | "beta" | "r_in" | "r_cache" | "r_think" | "r_batch" | "cache_write_mult" | "tiers"
>;

/**
 * MATH.md §1 instrument of a snapshot row, for a cache-write TTL and mode.
 * A row without a batch API (r_batch null) cannot be priced in batch mode (E_BAD_MODE).
 */
export function instrumentFromRow(
  row: PricedRow,
  opts: { cache_ttl?: "5m" | "1h"; mode?: "sync" | "batch" } = {},
): InstrumentPrices {
  if (opts.mode === "batch" && row.r_batch === null) {
    throw new OracleError("E_BAD_MODE", `${row.ticker} has no batch API; use mode "sync"`, "mode");
  }
  return {
    beta: row.beta,
    r_in: row.r_in,
    r_cache: row.r_cache,
    r_think: row.r_think,
    r_batch: row.r_batch,
    cache_write_mult: row.cache_write_mult[opts.cache_ttl ?? "5m"],
    tiers: row.tiers,
  };
}
