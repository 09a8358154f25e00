import { derivedGreeks } from "../../oracle-core/greeks";
import { forwardPointAt } from "../../oracle-core/greeks";
import { tickerForward } from "../../oracle-core/forecast";
import { TENORS } from "../../oracle-core/quant";
import { dateAfter, rowOf } from "./rows";
import { currentPayload } from "./snapshot-sync";
import type { ModelSheet } from "./worker-api";

/**
 * The Greek sheet of a model and its forward month by month to 12M: the expected price (announced prices honoured)
 * with the lifecycle law's median, quantiles and P(change); on a family's newest model, the tier forecast at the
 * tenors. A row without a forecast block (an older snapshot) gets the θ forward and no band.
 */
export function modelSheet(ticker: string): ModelSheet {
  const row = rowOf(ticker);
  const vd = currentPayload().valuation_date;
  const curve = Array.from({ length: 13 }, (_, m) => {
    const t = m / 12;
    const p = forwardPointAt(row, vd, t, "ticker");
    return { date: dateAfter(vd, t), t, value: p ? p.mean : tickerForward(row, vd, t), law: p };
  });
  const tier = row.forecast?.tier
    ? Object.entries(TENORS).map(([name, t]) => ({
        name,
        date: dateAfter(vd, t),
        point: forwardPointAt(row, vd, t, "tier")!,
      }))
    : null;
  return { row, derived: derivedGreeks(row), curve, tier };
}
