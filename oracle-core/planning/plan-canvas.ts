import { canvasCost, type CanvasCost, type PlanRow } from "./canvas-cost";
import type { CanvasInput } from "./canvas-input";
import { canvasLevers, type LeverOptions, type LeverResult } from "./canvas-levers";
import { unitEconomics, type UnitEconomics } from "./unit-economics";

/** Everything the System Canvas shows. */
export interface CanvasPlan {
  cost: CanvasCost;
  economics: UnitEconomics;
  levers: LeverResult;
}

/** Monthly cost, unit economics and ranked levers of a canvas in one call. */
export function planCanvas(
  input: CanvasInput,
  rows: readonly PlanRow[],
  valuationDate: string,
  opts: LeverOptions = {},
): CanvasPlan {
  const cost = canvasCost(input, rows, valuationDate);
  const economics = unitEconomics({
    ...input.economics,
    monthly_calls: input.monthly_calls,
    inference_cost_per_task: cost.cost_per_task,
  });
  return { cost, economics, levers: canvasLevers(input, rows, valuationDate, opts) };
}
