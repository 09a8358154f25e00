import { OracleError } from "../../oracle-core";
import { swapValueForward } from "../../oracle-core/market";
import { indexUnderlying, tickerUnderlying, type SwapUnderlying } from "../../oracle-core/market";
import { dateAfter, rowOf } from "./rows";
import { currentPayload } from "./snapshot-sync";
import type { SwapDesk, SwapDeskInput } from "./worker-api";

/**
 * Fair rates, NPV at K (default: the fair rate) and sensitivities of an EICS on EICI or on one model, on the
 * underlying's forward curve as the API prices it (POST /v1/swap): a model's lifecycle forward, or the index's
 * signed forward grid (θ curves only for a snapshot from before the forecasts).
 */
export function swapDesk(input: SwapDeskInput): SwapDesk {
  const p = currentPayload();
  let und: SwapUnderlying;
  if (input.underlying === "EICI") {
    if (!p.index)
      throw new OracleError(
        "E_UNKNOWN_ID",
        "the index is not yet published: choose a model as the underlying",
        "underlying",
      );
    und = indexUnderlying(p.index, Object.fromEntries(p.models.map((m) => [m.ticker, m.theta])));
  } else {
    und = tickerUnderlying(rowOf(input.underlying));
  }
  const forward = und.forward(p.valuation_date);
  const at = (fixing: "end" | "average", K: number) =>
    swapValueForward({ forward, months: input.months, K, notional: input.notional, fixing });
  // The fair rate does not depend on K or the notional (K* = Σ D·F̄ / Σ D): price once at K = 1 for each fixing.
  const fair = { end: at("end", 1).fair_rate, average: at("average", 1).fair_rate };
  const K = input.K ?? fair[input.fixing];
  const value = at(input.fixing, K);
  const dates = value.periods.map((x) => dateAfter(p.valuation_date, x.t));
  return { fair, value, K, basis: und.basis, periods: value.periods, dates };
}
