/** What a forecast publishes at one horizon: the forward (mean), the median, P(any change) and the quantile band. */
import { dateOrdinal } from "../quant/dates";
import { DAYS_PER_YEAR } from "../quant/defaults";
import { lawMean, lawQuantiles, type PriceLaw } from "./price-law";
import { sig } from "./significant";

/** One horizon of a forecast (prices in USD/M, rounded to 6 significant digits). */
export interface ForwardPoint {
  t: number;
  /** The forward: E[price at t]. */
  mean: number;
  median: number;
  /** P(the list price changes at least once by t); 1 when a change is announced by then. */
  p_change: number;
  q5: number;
  q25: number;
  q75: number;
  q95: number;
}

/** True when one of the announced prices takes effect in (0, t] after the valuation date. */
export function announcedWithin(
  announced: readonly { effective_date: string }[],
  valuationDate: string,
  t: number,
): boolean {
  const v = dateOrdinal(valuationDate);
  return announced.some((a) => {
    const ts = (dateOrdinal(a.effective_date) - v) / DAYS_PER_YEAR;
    return ts > 0 && ts <= t;
  });
}

/** A law's mean, quantiles and P(no move): the weight of its atom at the announced path `base`. */
export interface LawSummary {
  mean: number;
  q5: number;
  q25: number;
  median: number;
  q75: number;
  q95: number;
  still: number;
}

/** {@link LawSummary} at full precision (the backtest scores it; {@link forwardPoint} publishes it rounded). */
export function lawSummary(law: PriceLaw, base: number): LawSummary {
  const lb = Math.log(base);
  let still = 0;
  for (const c of law) if (c.s === 0 && Math.abs(c.m - lb) < 1e-12) still += c.w;
  const [q5, q25, median, q75, q95] = lawQuantiles(law, [0.05, 0.25, 0.5, 0.75, 0.95]) as Quintet;
  return { mean: lawMean(law), q5, q25, median, q75, q95, still };
}
type Quintet = [number, number, number, number, number];

/**
 * The published summary of a law at t. `base` is the announced path at t: the law's atom there is "no move", so
 * P(change) = 1 − its weight unless a change is announced within t.
 * @example forwardPoint(law, 8, 0.5, false).p_change
 */
export function forwardPoint(law: PriceLaw, base: number, t: number, announced: boolean): ForwardPoint {
  const x = lawSummary(law, base);
  const r = (v: number) => sig(v, 6);
  const p_change = announced ? 1 : r(Math.min(1, Math.max(0, 1 - x.still)));
  return {
    t,
    mean: r(x.mean),
    median: r(x.median),
    p_change,
    q5: r(x.q5),
    q25: r(x.q25),
    q75: r(x.q75),
    q95: r(x.q95),
  };
}
