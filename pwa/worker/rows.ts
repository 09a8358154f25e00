import { OracleError } from "../../oracle-core";
import { dateOrdinal, ordinalToIso } from "../../oracle-core/quant";
import { DAYS_PER_YEAR } from "../../oracle-core/quant";
import type { GreekRow } from "../../oracle-core/schemas";
import { currentPayload } from "./snapshot-sync";

/** The snapshot row of a ticker (E_UNKNOWN_TICKER). */
export function rowOf(ticker: string): GreekRow {
  const row = currentPayload().models.find((m) => m.ticker === ticker);
  if (!row) throw new OracleError("E_UNKNOWN_TICKER", `no model ${JSON.stringify(ticker)} in this snapshot`, "ticker");
  return row;
}

/** The calendar date t years after the valuation date (ACT/365.25, rounded to the day), for chart axes. */
export function dateAfter(valuationDate: string, t: number): string {
  return ordinalToIso(dateOrdinal(valuationDate) + Math.round(t * DAYS_PER_YEAR));
}
