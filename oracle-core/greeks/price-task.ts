import { OracleError } from "../errors";
import { costRange, type CostRangeResult } from "../quant/cost-range";
import { kappa } from "../quant/kappa";
import { taskCost, type TaskCostInput, type TaskCostResult } from "../quant/task-cost";
import type { GreekRow } from "../schemas/greek-row";
import { horizonYears } from "./horizon";
import { scheduledForward } from "./forward-scheduled";
import { instrumentFromRow } from "./instrument";

/** A task as a client states it (API body, widget fields, PWA form), n_in already known. */
export interface TaskRequest {
  n_in: number;
  n_out?: number | undefined;
  n_think?: number | undefined;
  eta?: number | undefined;
  omega?: number | undefined;
  cache_ttl?: string | undefined;
  mode?: string | undefined;
  horizon?: string | number | undefined;
  max_tokens?: number | undefined;
}

export type PricingRow = Pick<
  GreekRow,
  "ticker" | "beta" | "r_in" | "r_cache" | "r_think" | "r_batch" | "cache_write_mult" | "tiers" | "theta" | "scheduled" | "max_output"
>;

export interface PricedTask {
  model: string;
  mode: "sync" | "batch";
  cache_ttl: "5m" | "1h";
  horizon: string | number;
  horizon_years: number;
  /** Spot cost and its decomposition (MATH.md §2–3); null when n_out is not given. */
  spot: TaskCostResult | null;
  /** Forward output price and task cost at the horizon (§2.5, §7, honouring scheduled prices). */
  forward: { beta: number; cost: number | null; cost_range: { min: number; max: number } | null };
  /** Cost over unknown output length (§4), with κ at both ends; null when n_out is given. */
  range: (CostRangeResult & { max_tokens: number; kappa_at_min: number | null; kappa_at_max: number | null }) | null;
}

function mode(m: string | undefined): "sync" | "batch" {
  if (m === undefined || m === "sync" || m === "batch") return m ?? "sync";
  throw new OracleError("E_BAD_MODE", `mode must be "sync" or "batch"; got ${JSON.stringify(m)}`, "mode");
}

function ttl(t: string | undefined): "5m" | "1h" {
  if (t === undefined || t === "5m" || t === "1h") return t ?? "5m";
  throw new OracleError("E_BAD_CACHE_WRITE", `cache_ttl must be "5m" or "1h"; got ${JSON.stringify(t)}`, "cache_ttl");
}

/**
 * Prices one task on one snapshot row: the single place the API, MCP, widgets, PWA and SDK get a price from.
 * Without n_out it returns the cost range over output length (n_out = 1 … max_tokens, default the model's max output).
 * @example priceTask(row, { n_in: 30000, n_out: 800, eta: 0.6 }, "2026-11-24").spot?.cost
 */
export function priceTask(row: PricingRow, req: TaskRequest, valuationDate: string): PricedTask {
  const m = mode(req.mode);
  const cache_ttl = ttl(req.cache_ttl);
  const t = horizonYears(req.horizon);
  const inst = instrumentFromRow(row, { cache_ttl, mode: m });
  // One monomorphic input object (no spreads on the hot path): this is the call the API makes per request.
  const input: TaskCostInput = {
    beta: inst.beta,
    r_in: inst.r_in,
    r_cache: inst.r_cache,
    r_think: inst.r_think,
    r_batch: inst.r_batch,
    cache_write_mult: inst.cache_write_mult,
    tiers: inst.tiers,
    n_in: req.n_in,
    n_out: req.n_out ?? 0,
    n_think: req.n_think ?? 0,
    eta: req.eta ?? 0,
    omega: req.omega ?? 0,
    cache_write: cache_ttl,
    mode: m,
  };
  const fwdBeta = t === 0 ? row.beta : scheduledForward(row, valuationDate, t);
  const ratio = row.beta > 0 ? fwdBeta / row.beta : 1;
  const horizon = req.horizon ?? "spot";
  if (req.n_out !== undefined) {
    const spot = taskCost(input);
    return { model: row.ticker, mode: m, cache_ttl, horizon, horizon_years: t, spot, forward: { beta: fwdBeta, cost: spot.cost * ratio, cost_range: null }, range: null };
  }
  const max_tokens = req.max_tokens ?? row.max_output;
  const r = costRange({ ...input, max_tokens });
  const k = (n_out: number) => {
    input.n_out = n_out;
    return kappa(input).kappa;
  };
  return {
    model: row.ticker,
    mode: m,
    cache_ttl,
    horizon,
    horizon_years: t,
    spot: null,
    forward: { beta: fwdBeta, cost: null, cost_range: { min: r.min * ratio, max: r.max * ratio } },
    range: { ...r, max_tokens, kappa_at_min: k(1), kappa_at_max: k(max_tokens) },
  };
}
