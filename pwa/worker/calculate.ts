import { compareRows, type CompareRowsResult } from "../../oracle-core/greeks";
import { priceTaskAndRange, type TaskRequest } from "../../oracle-core/greeks";
import { rowOf } from "./rows";
import { currentPayload } from "./snapshot-sync";
import type { Calculation } from "./worker-api";

/** The calculator: the task at its n_out and over n_out = 1…max_tokens (κ at both ends), from one validation. */
export function calculate(ticker: string, req: TaskRequest): Calculation {
  return priceTaskAndRange(rowOf(ticker), req, currentPayload().valuation_date);
}

/** Every active model (optionally one provider's) ranked for the task, spot and forward. */
export function compareActive(req: TaskRequest, provider: string | null): CompareRowsResult {
  const p = currentPayload();
  const rows = p.models.filter((m) => m.lifecycle === "active" && (!provider || m.provider === provider));
  return compareRows(rows, req, p.valuation_date);
}
