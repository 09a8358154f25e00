import { dateOrdinal } from "../quant/dates";
import { DAYS_PER_YEAR } from "../quant/defaults";
import { forwardPrice } from "../quant/forward";

/** What a forward needs from a row: spot, θ and announced future prices. */
export interface ScheduledForwardInput {
  beta: number;
  theta: number;
  scheduled: readonly { effective_date: string; output: number }[];
}

/**
 * Forward output price at t years after `valuationDate`, honouring announced prices before any decay:
 * the latest scheduled price in force by then replaces β, and θ decays it only from its effective date.
 * With no schedule this is MATH.md §7's β·e^(−θt). The published forward is forecast/row-forecast's tickerForward;
 * this θ path remains for rows from snapshots without a forecast block.
 * @example scheduledForward({ beta: 3.75, theta: 0.4, scheduled: [{ effective_date: "2027-01-01", output: 7.5 }] },
 *   "2026-11-24", 0.25)
 */
export function scheduledForward(row: ScheduledForwardInput, valuationDate: string, t: number): number {
  const v = dateOrdinal(valuationDate);
  let base = row.beta;
  let from = 0;
  for (const s of [...row.scheduled].sort((a, b) => a.effective_date.localeCompare(b.effective_date))) {
    const ts = (dateOrdinal(s.effective_date) - v) / DAYS_PER_YEAR;
    if (ts <= 0 || ts > t) continue;
    base = s.output;
    from = ts;
  }
  return forwardPrice({ beta: base, theta: row.theta, t: t - from });
}
