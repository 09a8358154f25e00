/** MATH.md §4: cost range when n_out is unknown (S is affine in n_out). */
import { COST_POINTS } from "./defaults";
import { costOf, type TaskCostInput, type TaskCostResult } from "./task-cost";
import { maxTokens, resolveProfile, resolveTask, type ResolvedTask } from "./task-inputs";
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

/** The §4 range of a resolved task with the full §2 results at its ends (κ at n_out = 1 and at max_tokens). */
export interface RangeOf {
  range: CostRangeResult;
  atMin: TaskCostResult;
  atMax: TaskCostResult;
}

/**
 * min = S(1), max = S(max_tokens), S at fixed points, and which points exceed max_tokens.
 * @example costRange({ beta: 8, r_in: 0.25, n_in: 10000, max_tokens: 1000 }).exceeds_max_tokens // [4000]
 */
export function costRange(input: CostRangeInput): CostRangeResult {
  const max_tokens = maxTokens(input.max_tokens);
  const points = (input.points ?? COST_POINTS).map((p, k) => num(`points[${k}]`, p));
  return rangeOf(resolveTask(input, resolveProfile(input, null)), max_tokens, points).range;
}

/** {@link costRange} of a task already resolved (and max_tokens already checked): the task is not validated again. */
export function rangeOf(t: ResolvedTask, max_tokens: number, points: readonly number[] = COST_POINTS): RangeOf {
  const atMin = costOf(t, 1);
  const atMax = costOf(t, max_tokens);
  const at: Record<string, number> = {};
  for (const n of points) at[String(n)] = costOf(t, n).cost;
  const fixed = costOf(t, 0).cost;
  const range = {
    min: atMin.cost,
    max: atMax.cost,
    fixed_cost: fixed,
    marginal_cost_per_output_token: (atMax.cost - fixed) / max_tokens,
    at,
    exceeds_max_tokens: points.filter((n) => n > max_tokens),
  };
  return { range, atMin, atMax };
}
