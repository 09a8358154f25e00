/** MATH.md §4: cost range when n_out is unknown (S is affine in n_out). */
import { OracleError } from "../errors";
import { COST_POINTS } from "./defaults";
import { taskCost, type TaskCostInput } from "./task-cost";
import { num } from "./validate";

/** Input of {@link costRange}: a task-cost input without n_out, plus max_tokens. */
export interface CostRangeInput extends Omit<TaskCostInput, "n_out"> {
  max_tokens: number;
  /** n_out points to price; default 100, 500, 1000, 4000. */
  points?: readonly number[] | null;
  /** Ignored (the range replaces it), accepted so a full task input can be passed. */
  n_out?: number | null;
}

/** Output of {@link costRange}. */
export interface CostRangeResult {
  min: number;
  max: number;
  fixed_cost: number;
  marginal_cost_per_output_token: number;
  at: Record<string, number>;
  exceeds_max_tokens: number[];
}

/**
 * min = S(1), max = S(max_tokens), S at fixed points, and which points exceed max_tokens.
 * @example costRange({ beta: 8, r_in: 0.25, n_in: 10000, max_tokens: 1000 }).exceeds_max_tokens // [4000]
 */
export function costRange(input: CostRangeInput): CostRangeResult {
  const max_tokens = num("max_tokens", input.max_tokens);
  if (max_tokens < 1) throw new OracleError("E_MAX_TOKENS", `max_tokens must be >= 1, got ${max_tokens}`, "max_tokens");
  const { max_tokens: _m, points: pointsIn, n_out: _n, ...kw } = input;
  const points = (pointsIn ?? COST_POINTS).map((p, k) => num(`points[${k}]`, p));
  const at = (n: number): number => taskCost({ ...kw, n_out: n }).cost;
  const lo = at(1);
  const hi = at(max_tokens);
  const atPoints: Record<string, number> = {};
  for (const n of points) atPoints[String(n)] = at(n);
  const fixed = at(0);
  return {
    min: lo,
    max: hi,
    fixed_cost: fixed,
    marginal_cost_per_output_token: (hi - fixed) / max_tokens,
    at: atPoints,
    exceeds_max_tokens: points.filter((n) => n > max_tokens),
  };
}
