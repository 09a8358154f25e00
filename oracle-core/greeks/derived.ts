import { tokensPerUsd } from "../quant/kappa";
import type { GreekRow } from "../schemas/greek-row";

export interface DerivedGreeks {
  /** 1 − e^(−θ): the share of its price the family loses per year at θ (MATH.md §5.4). */
  annual_decline: number;
  /** ln 2 / θ in years; null when θ ≤ 0 (prices flat or rising). */
  half_life_years: number | null;
  /** 1e6/β and 1e4/β (never called κ, MATH.md §3); null for free models. */
  tokens_per_usd: number | null;
  tokens_per_cent: number | null;
}

/** Display quantities that follow from a row alone; not signed, recomputed by every reader. */
export function derivedGreeks(row: Pick<GreekRow, "theta" | "beta">): DerivedGreeks {
  const t = tokensPerUsd({ beta: row.beta });
  return {
    annual_decline: 1 - Math.exp(-row.theta),
    half_life_years: row.theta > 0 ? Math.LN2 / row.theta : null,
    tokens_per_usd: t.tokens_per_usd,
    tokens_per_cent: t.tokens_per_cent,
  };
}
