import { OracleError } from "../errors";
import { TENORS } from "../quant/defaults";

export const HORIZON_NAMES = ["spot", "1M", "3M", "6M", "12M"] as const;
export type HorizonName = (typeof HORIZON_NAMES)[number];

/** A horizon as a name (spot, 1M, 3M, 6M, 12M) or years ≥ 0, in years. */
export function horizonYears(h: string | number | undefined | null): number {
  if (h === undefined || h === null || h === "spot") return 0;
  if (typeof h === "number") {
    if (!Number.isFinite(h))
      throw new OracleError("E_NOT_FINITE", "horizon must be a finite number of years", "horizon");
    if (h < 0) throw new OracleError("E_NEG_TENOR", "horizon must be ≥ 0 years", "horizon");
    return h;
  }
  const t = TENORS[h];
  if (t === undefined)
    throw new OracleError(
      "E_BAD_HORIZON",
      `horizon must be spot, 1M, 3M, 6M, 12M or years ≥ 0; got ${JSON.stringify(h)}`,
      "horizon",
    );
  return t;
}
