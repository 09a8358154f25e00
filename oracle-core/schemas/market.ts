import { z } from "zod";

/**
 * Requests of the market endpoints (POST /v1/swap, GET /v1/monte-carlo/:ticker), shared by the REST API and the
 * MCP tools. Types and shape only: ranges (term ≥ 1, fixing, notional kind, K ≥ 0, paths, seed) are checked by
 * oracle-core/market so every layer reports the same MATH.md §13 code.
 */
const num = z.number();

/** Swap notional: output tokens per month, or a USD budget per month converted once at K (MATH §9.1). */
export const SwapNotionalSchema = z.strictObject({
  kind: z.string().max(16),
  amount: num,
});

/** POST /v1/swap body. */
export const SwapRequestSchema = z.strictObject({
  /** "index" (EICI, USD/M) or a ticker. */
  underlying: z.string().min(1).max(64),
  term_months: num,
  /** "end" (default) or "average". */
  fixing: z.string().max(16).optional(),
  notional: SwapNotionalSchema,
  /** Fixed rate in USD/M; default: the fair rate at valuation. */
  K: num.optional(),
  /** "fixed_payer" (default) or "fixed_receiver". */
  side: z.string().max(32).optional(),
  /** Continuous risk-free rate per year (default 0.04). */
  rate: num.optional(),
  /** Time since the trade date, for mark-to-market: months and/or years (summed). */
  elapsed_months: num.optional(),
  elapsed_years: num.optional(),
  /** Average of the fixings so far in the current period (average fixing, mid-period). */
  realized_avg: num.optional(),
});

/** GET /v1/monte-carlo/:ticker query (strings as they arrive; parsed and bounded by oracle-core). */
export const MonteCarloQuerySchema = z.object({
  paths: z.string().optional(),
  seed: z.string().optional(),
});

export type SwapNotionalRequest = z.infer<typeof SwapNotionalSchema>;
export type SwapRequest = z.infer<typeof SwapRequestSchema>;
export type MonteCarloQuery = z.infer<typeof MonteCarloQuerySchema>;
