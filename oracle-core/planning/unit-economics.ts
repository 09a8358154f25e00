import { num } from "../quant/validate";
import type { UnitEconomicsInput } from "./canvas-input";

/** Margin and break-even of a system at its monthly volume. */
export interface UnitEconomics {
  monthly_revenue: number;
  /** Inference + per-task overhead + fixed cost. */
  monthly_total_cost: number;
  monthly_margin: number;
  /** Margin ÷ revenue; null without revenue. */
  margin_pct: number | null;
  /** p − c − t: what one more task adds to profit. */
  contribution_per_task: number;
  /** F ÷ (p − c − t), in calls per month; null when a task does not cover its own cost (no volume breaks even). */
  break_even_calls: number | null;
}

/**
 * Revenue p·V, margin V·(p − c − t) − F and break-even volume F/(p − c − t), with c the mean inference cost per task.
 * @example unitEconomics({ monthly_calls: 1000, inference_cost_per_task: 0.01, revenue_per_task: 0.05,
 *   overhead_per_task: 0.01, fixed_monthly: 20 }).break_even_calls // 666.67
 */
export function unitEconomics(
  input: UnitEconomicsInput & { monthly_calls: number; inference_cost_per_task: number },
): UnitEconomics {
  const V = num("monthly_calls", input.monthly_calls);
  const c = num("inference_cost_per_task", input.inference_cost_per_task);
  const p = num("economics.revenue_per_task", input.revenue_per_task);
  const t = num("economics.overhead_per_task", input.overhead_per_task);
  const F = num("economics.fixed_monthly", input.fixed_monthly);
  const contribution = p - c - t;
  const revenue = V * p;
  const margin = V * contribution - F;
  return {
    monthly_revenue: revenue,
    monthly_total_cost: V * (c + t) + F,
    monthly_margin: margin,
    margin_pct: revenue > 0 ? margin / revenue : null,
    contribution_per_task: contribution,
    break_even_calls: contribution > 0 ? F / contribution : null,
  };
}
