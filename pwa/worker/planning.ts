import { budgetPlan, planCanvas, type BudgetPlan, type CanvasInput, type CanvasPlan } from "../../oracle-core/planning";
import { currentPayload } from "./snapshot-sync";
import type { BudgetInput } from "./worker-api";

/** The System Canvas on the current snapshot. */
export function canvas(input: CanvasInput): CanvasPlan {
  const p = currentPayload();
  return planCanvas(input, p.models, p.valuation_date);
}

/** The Budget Planner on the current snapshot. */
export function budget(input: BudgetInput): BudgetPlan {
  const p = currentPayload();
  return budgetPlan(input, p.models, p.valuation_date);
}
