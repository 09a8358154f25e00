import { swapCurve } from "../../oracle-core/planning/swap-underlying";
import { curveForward } from "../../oracle-core/quant/forward";
import { indexForward } from "../../oracle-core/quant/index-forward";
import { TENORS } from "../../oracle-core/quant/defaults";
import { currentPayload } from "./snapshot-sync";
import type { IndexView } from "./worker-api";

/** The published index and its forward (MATH.md §8.7), or null when the snapshot has none yet. */
export function indexView(): IndexView | null {
  const p = currentPayload();
  const index = p.index;
  if (!index) return null;
  const theta = (t: string) => p.models.find((m) => m.ticker === t)?.theta;
  const contributions: Record<string, number> = {};
  const thetas: Record<string, number> = {};
  for (const c of index.constituents) {
    contributions[c.ticker] = c.contribution;
    const th = theta(c.ticker);
    if (th !== undefined) thetas[c.ticker] = th;
  }
  const curve = swapCurve({ kind: "index", index, rows: p.models });
  const forward_usd: Record<string, number> = {};
  for (const [name, t] of Object.entries(TENORS)) forward_usd[name] = curveForward(curve, t);
  return { index, forward_points: indexForward({ contributions, thetas }), forward_usd };
}
