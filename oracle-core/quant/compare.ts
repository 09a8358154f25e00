/** One task profile priced on many models (§2 task cost + §2.5 forward), cheapest first. */
import { OracleError } from "../errors";
import { DEFAULTS } from "./defaults";
import { forwardTaskCost } from "./forward";
import { taskCost, type InstrumentPrices, type TaskProfile } from "./task-cost";
import { num, tenor } from "./validate";

/** A model to compare: its prices and, when fitted, its θ per year. */
export interface CompareInstrument extends InstrumentPrices {
  id: string;
  theta?: number | null;
}

/** Options of {@link compare}. */
export interface CompareOptions {
  /** Forward horizon in years (default 0.25 = 3M). */
  horizon?: number;
  /** θ used for instruments without one (default: the global prior 0.40/yr); such rows say theta_source "default". */
  theta_default?: number;
}

/** One priced model. */
export interface CompareRow {
  id: string;
  rank: number;
  cost: number;
  kappa: number | null;
  effective_output_price: number | null;
  savings: number;
  theta: number;
  theta_source: "instrument" | "default";
  forward_cost: number;
}

/** Output of {@link compare}. */
export interface CompareResult {
  horizon: number;
  rows: CompareRow[];
}

/**
 * Prices `profile` on every instrument, sorted ascending by cost (ties by id), with the forward cost at `horizon`.
 * @example compare({ n_in: 30000, n_out: 800, eta: 0.6 }, [{ id: "SONNET-4", beta: 15, r_in: 0.2, r_cache: 0.02
 *   }]).rows[0].cost // 0.0534
 */
export function compare(
  profile: TaskProfile,
  instruments: readonly CompareInstrument[],
  opts: CompareOptions = {},
): CompareResult {
  const horizon = tenor("horizon", opts.horizon ?? 0.25);
  const thetaDefault = num("theta_default", opts.theta_default ?? DEFAULTS.theta_prior_global);
  const seen = new Set<string>();
  const rows = instruments.map((ins): CompareRow => {
    if (typeof ins.id !== "string" || ins.id === "")
      throw new OracleError("E_SCHEMA", "every instrument needs a string id", "id");
    if (seen.has(ins.id))
      throw new OracleError("E_SCHEMA", `instrument id ${JSON.stringify(ins.id)} appears twice`, "id");
    seen.add(ins.id);
    const { id: _id, theta: thetaIn, ...prices } = ins;
    const { n_in, n_out, n_think, eta, omega, cache_write, mode } = profile;
    const r = taskCost({ ...prices, n_in, n_out, n_think, eta, omega, cache_write, mode });
    const own = thetaIn != null;
    const theta = own ? num(`${ins.id}.theta`, thetaIn) : thetaDefault;
    return {
      id: ins.id,
      rank: 0,
      cost: r.cost,
      kappa: r.kappa,
      effective_output_price: r.effective_output_price,
      savings: r.savings,
      theta,
      theta_source: own ? "instrument" : "default",
      forward_cost: forwardTaskCost({ cost: r.cost, theta, t: horizon }),
    };
  });
  rows.sort((a, b) => a.cost - b.cost || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  rows.forEach((row, k) => (row.rank = k + 1));
  return { horizon, rows };
}
