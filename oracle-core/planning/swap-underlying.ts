import { OracleError } from "../errors";
import type { CurveTerm } from "../quant/forward";
import type { GreekRow } from "../schemas/greek-row";
import type { IndexBlock } from "../schemas/snapshot";

/**
 * The MATH.md §9.1 forward F(τ) = Σ c_j e^(−θ_j τ) of a swap's underlying, in USD/M:
 * a single model's β with its θ, or EICI_USD with each constituent's contribution in USD/M (v·c_i, §8.4, §8.7)
 * and its model's θ.
 * @example swapCurve({ kind: "model", row: { beta: 8, theta: 0.9016 } }) // [{ c: 8, theta: 0.9016 }]
 */
export function swapCurve(
  u:
    | { kind: "model"; row: Pick<GreekRow, "beta" | "theta"> }
    | { kind: "index"; index: IndexBlock; rows: ReadonlyArray<Pick<GreekRow, "ticker" | "theta">> },
): CurveTerm[] {
  if (u.kind === "model") return [{ c: u.row.beta, theta: u.row.theta }];
  const { index, rows } = u;
  if (!(index.level > 0))
    throw new OracleError("E_NOT_FINITE", "the index level must be > 0 to convert points to USD/M", "index.level");
  const v = index.level_usd_per_m / index.level; // USD/M per index point
  return index.constituents.map((k) => {
    const row = rows.find((r) => r.ticker === k.ticker);
    if (!row) throw new OracleError("E_UNKNOWN_ID", `no θ for index constituent ${k.ticker}`, `thetas.${k.ticker}`);
    return { c: v * k.contribution, theta: row.theta };
  });
}
