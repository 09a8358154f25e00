import { OracleError } from "../../oracle-core/errors";
import { swapCurve } from "../../oracle-core/planning/swap-underlying";
import { swapFairRate } from "../../oracle-core/quant/swap-fair-rate";
import { swapValue } from "../../oracle-core/quant/swap";
import { dateAfter, rowOf } from "./rows";
import { currentPayload } from "./snapshot-sync";
import type { SwapDesk, SwapDeskInput } from "./worker-api";

/** Fair rate, NPV at K (default: the fair rate) and sensitivities of an EICS on EICI or on one model (MATH.md §9). */
export function swapDesk(input: SwapDeskInput): SwapDesk {
  const p = currentPayload();
  let curve;
  if (input.underlying === "EICI") {
    if (!p.index) throw new OracleError("E_UNKNOWN_ID", "the index is not yet published: choose a model as the underlying", "underlying");
    curve = swapCurve({ kind: "index", index: p.index, rows: p.models });
  } else {
    curve = swapCurve({ kind: "model", row: rowOf(input.underlying) });
  }
  const fair = swapFairRate({ curve, months: input.months, fixing: input.fixing });
  const K = input.K ?? fair.fair_rate;
  const value = swapValue({ curve, months: input.months, K, notional: input.notional, fixing: input.fixing });
  return { fair, value, K, periods: value.periods, dates: value.periods.map((x) => dateAfter(p.valuation_date, x.t)) };
}
