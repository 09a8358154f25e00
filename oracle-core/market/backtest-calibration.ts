/**
 * Calibration of the backtest's forecast laws, as the Methodology page draws them: the PIT histogram (a calibrated
 * law's PITs are uniform: every bin holds 1/bins of them) and the reliability diagram (each central band's nominal
 * coverage against the share of outcomes it held). PITs are randomized — uniform on [F(y−), F(y)], since a price
 * that did not move sits on an atom — and counted by their exact expectation, as the backtest's coverage columns are.
 */
import { pitCoverage } from "../forecast/price-law";
import type { ForecastPair } from "./backtest-pairs";

/** Nominal central-band levels of the reliability diagram. */
export const RELIABILITY_LEVELS: readonly number[] = Object.freeze([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);

/**
 * Expected share of the pairs' randomized PITs in each of `bins` equal bins of [0, 1] (sums to 1; empty → zeros).
 * @example pitHistogram([{ pit: [0, 1] }], 4) // [0.25, 0.25, 0.25, 0.25]
 */
export function pitHistogram(pairs: readonly Pick<ForecastPair, "pit">[], bins = 10): number[] {
  const h = new Array<number>(bins).fill(0);
  if (pairs.length === 0) return h;
  for (const { pit } of pairs) {
    const [lo, hi] = pit;
    if (hi - lo <= 1e-12) {
      h[Math.min(bins - 1, Math.max(0, Math.floor(lo * bins)))]! += 1;
      continue;
    }
    for (let k = Math.floor(lo * bins); k < bins && k / bins < hi; k++) {
      const overlap = Math.min(hi, (k + 1) / bins) - Math.max(lo, k / bins);
      if (overlap > 0) h[k]! += overlap / (hi - lo);
    }
  }
  return h.map((x) => x / pairs.length);
}

/**
 * Observed coverage of each nominal central band: the mean expected share of PITs inside [(1−c)/2, (1+c)/2].
 * @example reliability([{ pit: [0, 1] }])[4] // { nominal: 0.5, observed: 0.5 }
 */
export function reliability(
  pairs: readonly Pick<ForecastPair, "pit">[],
  levels: readonly number[] = RELIABILITY_LEVELS,
): { nominal: number; observed: number | null }[] {
  return levels.map((c) => ({
    nominal: c,
    observed: pairs.length
      ? pairs.reduce((s, p) => s + pitCoverage({ lo: p.pit[0], hi: p.pit[1] }, c), 0) / pairs.length
      : null,
  }));
}
