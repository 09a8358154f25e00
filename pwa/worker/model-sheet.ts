import { derivedGreeks } from "../../oracle-core/greeks/derived";
import { scheduledForward } from "../../oracle-core/greeks/forward-scheduled";
import { dateAfter, rowOf } from "./rows";
import { currentPayload } from "./snapshot-sync";
import type { ModelSheet } from "./worker-api";

/** The Greek sheet of a model and its forward curve month by month to 12M (scheduled prices honoured). */
export function modelSheet(ticker: string): ModelSheet {
  const row = rowOf(ticker);
  const vd = currentPayload().valuation_date;
  const curve = Array.from({ length: 13 }, (_, m) => {
    const t = m / 12;
    return { date: dateAfter(vd, t), t, value: scheduledForward(row, vd, t) };
  });
  return { row, derived: derivedGreeks(row), curve };
}
