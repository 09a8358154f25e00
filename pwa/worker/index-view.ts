import { swapCurve } from "../../oracle-core/planning";
import { curveForward } from "../../oracle-core/quant";
import { TENORS } from "../../oracle-core/quant";
import { currentPayload } from "./snapshot-sync";
import type { IndexView } from "./worker-api";

/**
 * The published index and its forward, or null when the snapshot has none yet. The forward is the signed block's
 * (each member's lifecycle forward weighted by its contribution, docs/METHODOLOGY.md); a block from before the
 * forecasts carries none, and gets MATH.md §8.7's θ forward.
 */
export function indexView(): IndexView | null {
  const p = currentPayload();
  const index = p.index;
  if (!index) return null;
  const forward_usd: Record<string, number> = {};
  const signed = index.forwards_usd_per_m;
  if (signed) Object.assign(forward_usd, signed);
  else {
    const curve = swapCurve({ kind: "index", index, rows: p.models });
    for (const [name, t] of Object.entries(TENORS)) forward_usd[name] = curveForward(curve, t);
  }
  // Points and USD/M differ by one factor: level ÷ level in USD/M.
  const k = index.level / index.level_usd_per_m;
  const forward_points = Object.fromEntries(Object.entries(forward_usd).map(([h, v]) => [h, v * k]));
  return { index, forward_points, forward_usd, basis: signed ? "lifecycle" : "theta" };
}
