import { OracleError } from "../errors";
import { priceTask, type TaskRequest } from "../greeks/price-task";
import { planRow, type PlanRow } from "./canvas-cost";

/** Horizons of the budget planner. */
export const BUDGET_HORIZONS = ["spot", "1M", "3M", "6M"] as const;
export type BudgetHorizon = (typeof BUDGET_HORIZONS)[number];

/** One model's projected monthly bill. */
export interface BudgetLine {
  ticker: string;
  display_name: string;
  cost_per_task: Record<BudgetHorizon, number>;
  monthly_cost: Record<BudgetHorizon, number>;
  /** Change of the monthly bill against spot (fraction; null when spot is 0). */
  change: Record<BudgetHorizon, number | null>;
}

/** Output of {@link budgetPlan}. */
export interface BudgetPlan {
  monthly_calls: number;
  lines: BudgetLine[];
}

/**
 * Monthly volume × task profile → the monthly bill at spot and at the 1M/3M/6M forwards (priceTask at each horizon).
 * @example budgetPlan({ monthly_calls: 100000, task: { n_in: 30000, n_out: 800, eta: 0.6 }, tickers: ["GPT-4.1"] },
 *   rows, "2026-08-21").lines[0].monthly_cost.spot
 */
export function budgetPlan(
  input: { monthly_calls: number; task: TaskRequest; tickers: readonly string[] },
  rows: readonly PlanRow[],
  valuationDate: string,
): BudgetPlan {
  const V = input.monthly_calls;
  if (typeof V !== "number" || !Number.isFinite(V) || V < 0)
    throw new OracleError("E_BAD_VOLUME", "monthly calls must be a number ≥ 0", "monthly_calls");
  if (input.task.n_out === undefined)
    throw new OracleError("E_SCHEMA", "a budget needs n_out (the expected answer length)", "n_out");
  if (input.tickers.length === 0) throw new OracleError("E_SCHEMA", "choose at least one model", "tickers");
  const lines = input.tickers.map((ticker): BudgetLine => {
    const row = planRow(rows, ticker);
    const cost = {} as Record<BudgetHorizon, number>;
    const monthly = {} as Record<BudgetHorizon, number>;
    const change = {} as Record<BudgetHorizon, number | null>;
    for (const h of BUDGET_HORIZONS) {
      cost[h] = priceTask(row, { ...input.task, horizon: h }, valuationDate).forward.cost!;
      monthly[h] = V * cost[h];
    }
    for (const h of BUDGET_HORIZONS) change[h] = monthly.spot > 0 ? monthly[h] / monthly.spot - 1 : null;
    return { ticker, display_name: row.display_name, cost_per_task: cost, monthly_cost: monthly, change };
  });
  return { monthly_calls: V, lines };
}
