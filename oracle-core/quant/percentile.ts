/** Hyndman–Fan type-7 percentile (numpy default, Excel PERCENTILE.INC), MATH.md §10.3. */
import { OracleError } from "../errors";

/**
 * Type-7 percentile of an ascending-sorted sample: h = (n−1)p, linear interpolation.
 * @example percentileType7([1, 2, 3, 4], 0.25) // 1.75
 */
export function percentileType7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new OracleError("E_EMPTY", "percentile of an empty sample", "sample");
  if (!(p >= 0 && p <= 1)) throw new OracleError("E_BAD_MC_PARAM", `percentile p must be in [0,1], got ${p}`, "p");
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  return a + (h - lo) * (sorted[hi]! - a);
}
