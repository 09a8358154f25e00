import { isOracleError, OracleError } from "../errors";
import type { GreekRow } from "../schemas/greek-row";
import { priceResolved, resolveRequest, type PricingRow, type TaskRequest } from "./price-task";

export interface CompareEntry {
  rank: number;
  ticker: string;
  display_name: string;
  provider: string;
  cost: number;
  forward_cost: number;
  kappa: number | null;
  effective_output_price: number | null;
  savings: number;
  status: GreekRow["status"];
}

export interface CompareRowsResult {
  horizon: string | number;
  horizon_years: number;
  ranked: CompareEntry[];
  /** Models the task cannot run on (e.g. batch on a model without a batch API), with the reason. */
  excluded: { ticker: string; code: string; reason: string }[];
}

type Row = PricingRow & Pick<GreekRow, "display_name" | "provider" | "status">;

/**
 * One task priced on many snapshot rows through {@link priceTask}, cheapest first (ties by ticker),
 * with the forward cost at the horizon. Requires n_out: a ranking over an unknown output length is ambiguous.
 * The task is validated once, before any row (an invalid task fails the request even with no rows to price).
 */
export function compareRows(rows: readonly Row[], task: TaskRequest, valuationDate: string): CompareRowsResult {
  if (task.n_out === undefined)
    throw new OracleError(
      "E_SCHEMA",
      "compare needs n_out (rankings over an unknown output length are ambiguous)",
      "n_out",
    );
  const req = resolveRequest(task);
  const ranked: CompareEntry[] = [];
  const excluded: CompareRowsResult["excluded"] = [];
  for (const row of rows) {
    try {
      const p = priceResolved(row, req, valuationDate);
      const spot = p.spot!;
      ranked.push({
        rank: 0,
        ticker: row.ticker,
        display_name: row.display_name,
        provider: row.provider,
        cost: spot.cost,
        forward_cost: p.forward.cost!,
        kappa: spot.kappa,
        effective_output_price: spot.effective_output_price,
        savings: spot.savings,
        status: row.status,
      });
    } catch (e) {
      // A task-wide input error (η out of range…) fails the whole request; a per-model limitation excludes one row.
      const perModel = isOracleError(e) && e.code === "E_BAD_MODE" && req.profile.mode === "batch";
      if (!perModel) throw e;
      excluded.push({ ticker: row.ticker, code: e.code, reason: e.message });
    }
  }
  ranked.sort((a, b) => a.cost - b.cost || a.ticker.localeCompare(b.ticker));
  ranked.forEach((r, i) => (r.rank = i + 1));
  return { horizon: req.horizon, horizon_years: req.horizon_years, ranked, excluded };
}
