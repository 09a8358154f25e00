/**
 * The EICI forward on a grid: E[I(τ)] in USD/M at months 1–12 and years 2–10, from each member's ticker forward.
 * Entries and exits move the divisor, not the level (MATH.md §8.4), so a successor launched at a new price does not
 * move the index: what moves it is its members' own repricings — which is what a ticker forward forecasts.
 */
import type { SwapForward } from "./swap-forward";

/** Knots of the published grid, in years. */
export const INDEX_FORWARD_GRID: readonly number[] = Object.freeze([
  ...Array.from({ length: 12 }, (_, i) => (i + 1) / 12),
  ...Array.from({ length: 9 }, (_, i) => i + 2),
]);

/**
 * Σ_i c_i·g_i(τ) at each knot: contributions in USD/M times each member's forward over its spot (1 for a member
 * without one).
 */
export function indexForwardGrid(
  contributions: Readonly<Record<string, number>>,
  growth: (ticker: string, tau: number) => number,
): number[] {
  return INDEX_FORWARD_GRID.map((tau) =>
    Object.entries(contributions).reduce((s, [ticker, c]) => s + c * growth(ticker, tau), 0),
  );
}

/**
 * The grid as a forward curve: log-linear between knots (from the spot at τ = 0), the last segment's rate beyond
 * 10 years.
 * @example gridForward(10, grid).at(1.5) // between the 1- and 2-year knots
 */
export function gridForward(spot: number, values: readonly number[]): SwapForward {
  const ts = [0, ...INDEX_FORWARD_GRID];
  const vs = [spot, ...values];
  const at = (tau: number): number => {
    let k = 1;
    while (k < ts.length - 1 && ts[k]! < tau) k++;
    const [t0, t1, v0, v1] = [ts[k - 1]!, ts[k]!, vs[k - 1]!, vs[k]!];
    if (!(v0 > 0 && v1 > 0)) return v0 + ((v1 - v0) * (tau - t0)) / (t1 - t0);
    return v0 * Math.exp((Math.log(v1 / v0) * (tau - t0)) / (t1 - t0));
  };
  return { at, breaks: INDEX_FORWARD_GRID };
}
