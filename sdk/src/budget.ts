import { OracleError } from "../../oracle-core";

/** Anything with a worst-case cost: a pre-call estimate ({ max }) or a plain USD amount. */
export type Affordable = { max: number } | number;
/** Anything with an actual cost: a metered call ({ cost }) or a plain USD amount. */
export type Spent = { cost: number } | number;

export interface Budget {
  readonly limit_usd: number;
  readonly spent_usd: number;
  /** limit − spent (negative once a call overran the estimate that let it through). */
  readonly remaining_usd: number;
  readonly calls: number;
  /** True when the call's worst case (the estimate's max over output length and token band) still fits. */
  canAfford(estimate: Affordable): boolean;
  /** Adds a metered call's exact cost; returns what remains. */
  record(metered: Spent): number;
}

const usd = (field: string, x: number): number => {
  if (!Number.isFinite(x)) throw new OracleError("E_NOT_FINITE", `${field} must be a finite number of USD`, field);
  if (x < 0) throw new OracleError("E_NEG_PRICE", `${field} must be ≥ 0 USD`, field);
  return x;
};

/**
 * An agent's spending limit: ask canAfford(await oracle.estimate(call)) before a call, record(oracle.meter(response))
 * after.
 * @example const b = createBudget({ limit_usd: 5 }); if (b.canAfford(est)) { …; b.record(oracle.meter(res)); }
 */
export function createBudget(opts: { limit_usd: number; spent_usd?: number }): Budget {
  const limit = usd("limit_usd", opts.limit_usd);
  let spent = usd("spent_usd", opts.spent_usd ?? 0);
  let calls = 0;
  return {
    limit_usd: limit,
    get spent_usd() {
      return spent;
    },
    get remaining_usd() {
      return limit - spent;
    },
    get calls() {
      return calls;
    },
    canAfford: (e) => spent + usd("estimate.max", typeof e === "number" ? e : e.max) <= limit,
    record(m) {
      spent += usd("cost", typeof m === "number" ? m : m.cost);
      calls++;
      return limit - spent;
    },
  };
}
