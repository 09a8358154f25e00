import { instrumentFromRow, type PricedRow } from "../greeks/instrument";
import { taskCost, type TaskCostResult } from "../quant/task-cost";
import type { MeteredTokens } from "./read-usage";

/** The exact cost of one call that has happened, from its usage (MATH.md §2.4 and §3). */
export interface MeterResult {
  model: string;
  mode: "sync" | "batch";
  cost: number;
  kappa: number | null;
  /** S_nocache − S: what caching saved on this call (negative on a call that only wrote the cache). */
  cache_savings: number;
  savings_pct: number | null;
  components: TaskCostResult["components"];
  tokens: MeteredTokens;
  /** The full §2.4 result, for callers that want r_eff, the tier, dS/dβ. */
  detail: TaskCostResult;
}

/**
 * Prices metered tokens on a snapshot row with oracle-core's taskCost. Anthropic calls can write the cache at two
 * TTLs at once; §2.4's cache-write term is linear in (ω, m_w), so the call's two write counts enter as their total ω
 * with the count-weighted multiplier m_w = (w₅ₘ·m₅ₘ + w₁ₕ·m₁ₕ)/(w₅ₘ + w₁ₕ), which bills each write at its own rate.
 * @example meterTokens(row, readUsage(response)).cost
 */
export function meterTokens(
  row: PricedRow,
  tokens: MeteredTokens,
  opts: { mode?: "sync" | "batch" } = {},
): MeterResult {
  const mode = opts.mode ?? "sync";
  const inst = instrumentFromRow(row, { mode, cache_ttl: "5m" });
  const writes = tokens.cache_write_5m + tokens.cache_write_1h;
  const m5 = row.cache_write_mult["5m"];
  const m1 = row.cache_write_mult["1h"];
  const m_w = writes > 0 ? (tokens.cache_write_5m * m5 + tokens.cache_write_1h * m1) / writes : m5;
  const detail = taskCost({
    ...inst,
    cache_write_mult: m_w,
    n_in: tokens.n_in,
    n_out: tokens.n_out,
    n_think: tokens.n_think,
    eta: tokens.eta,
    omega: tokens.omega,
    mode,
  });
  return {
    model: row.ticker,
    mode,
    cost: detail.cost,
    kappa: detail.kappa,
    cache_savings: detail.savings,
    savings_pct: detail.savings_pct,
    components: detail.components,
    tokens,
    detail,
  };
}
