import { OracleError } from "../errors";
import type { GreekRow } from "../schemas/greek-row";
import { scheduledForward } from "./forward-scheduled";

export const MAX_FORWARD_YEARS = 30;
export const MAX_FORWARD_POINTS = 24;

/**
 * The forward curve of one row as GET /v1/forwards/:ticker and the MCP tool return it: the published tenors,
 * θ and σ, and β_fwd at any extra `t` in years (0…30, at most 24 of them), honouring announced prices.
 */
export function forwardView(row: GreekRow, valuationDate: string, ts: readonly number[]) {
  if (ts.length > MAX_FORWARD_POINTS) throw new OracleError("E_BAD_HORIZON", `at most ${MAX_FORWARD_POINTS} values of t`, "t");
  for (const t of ts) {
    if (!Number.isFinite(t)) throw new OracleError("E_NOT_FINITE", "t must be a finite number of years", "t");
    if (t < 0) throw new OracleError("E_NEG_TENOR", "t must be ≥ 0 years", "t");
    if (t > MAX_FORWARD_YEARS) throw new OracleError("E_BAD_HORIZON", `t must be at most ${MAX_FORWARD_YEARS} years`, "t");
  }
  return {
    ticker: row.ticker,
    spot: row.beta,
    theta: row.theta,
    theta_month: row.theta_month,
    sigma_month: row.sigma_month,
    valuation_date: valuationDate,
    forwards: row.forwards,
    custom: ts.map((t) => ({ t, beta_forward: scheduledForward(row, valuationDate, t) })),
    scheduled: row.scheduled,
  };
}
