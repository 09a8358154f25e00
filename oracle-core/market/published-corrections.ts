/** Reconciles the recorded history with the feed's published prices before the index reads it. */
import { priceOn, priceTimelines, type MarketObservation } from "./price-timelines";

/**
 * Output observations that make each model's history agree with its published β on the valuation date: where
 * the price in force by the history differs from β, β applies from `dataAsOf` (the newest date the data vouches
 * for), or from the valuation date when the history's last step is later than that.
 * @example publishedCorrections(obs, [{ ticker: "DEEPSEEK-V4-FLASH", family: "deepseek-chat", beta: 0.28 }],
 *   "2026-08-21", "2026-11-24")
 */
export function publishedCorrections(
  observations: readonly MarketObservation[],
  rows: readonly { ticker: string; family: string; beta: number }[],
  dataAsOf: string,
  valuationDate: string,
): MarketObservation[] {
  const tl = priceTimelines(observations);
  const out: MarketObservation[] = [];
  for (const r of rows) {
    const steps = tl.get(r.ticker);
    const inForce = priceOn(steps, valuationDate);
    if (inForce === null || inForce === r.beta || !(r.beta > 0)) continue;
    const lastStep = steps!.filter((s) => s.date <= valuationDate).at(-1)!.date;
    const from = lastStep <= dataAsOf && dataAsOf <= valuationDate ? dataAsOf : valuationDate;
    out.push({
      ticker: r.ticker,
      family: r.family,
      field: "output",
      value: r.beta,
      effective_at: from,
      kind: "change",
    });
  }
  return out;
}
