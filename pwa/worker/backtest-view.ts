import { pitHistogram, reliability } from "../../oracle-core/market";
import { backtestFamilies } from "../../oracle-core/market";
import type { BacktestTarget } from "../../oracle-core/market";
import { as_of } from "../../data/registry.json";
import type { BacktestView } from "./worker-api";

/** Bins of the PIT histograms. */
const PIT_BINS = 10;

/**
 * The walk-forward backtest of the lifecycle forecasts on the bundled price history (the same runner and numbers as
 * GET /v1/backtest and the README's table in bundled mode), with the PIT histogram and the reliability diagram of
 * each target and tenor. The history is loaded on first use (a precached chunk), so this works offline.
 */
export async function backtestView(): Promise<BacktestView> {
  const { default: history } = await import("../../data/history.json");
  const r = backtestFamilies({
    history: history as unknown as Parameters<typeof backtestFamilies>[0]["history"],
    families: history.families,
    eval_end: as_of,
  });
  const calibration = (target: BacktestTarget) =>
    Object.fromEntries(
      r.tenors.map((t) => {
        const pairs = r.predictions.filter((p) => p.target === target && p.tenor === t);
        return [t, { pit: pitHistogram(pairs, PIT_BINS), reliability: reliability(pairs) }];
      }),
    );
  return {
    eval_end: r.eval_end,
    tenors: r.tenors,
    tier_calibration: r.tier_calibration,
    by_tenor: r.by_tenor,
    calibration: { ticker: calibration("ticker"), tier: calibration("tier") },
  };
}
