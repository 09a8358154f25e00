/** The announced path of a price: spot, replaced by each announced price once it takes effect. */
import { scheduledForward } from "../greeks/forward-scheduled";

/**
 * The price in force τ years after `valuationDate` if nothing but the announced prices happens (the forecasts'
 * median path and the base their moves apply to).
 * @example scheduledBase(3.75, [{ effective_date: "2027-01-01", output: 7.5 }], "2026-11-24", 0.25) // 7.5
 */
export function scheduledBase(
  spot: number,
  announced: readonly { effective_date: string; output: number }[],
  valuationDate: string,
  tau: number,
): number {
  return scheduledForward({ beta: spot, theta: 0, scheduled: announced }, valuationDate, tau);
}
