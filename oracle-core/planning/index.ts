/** oracle-core/planning: System Canvas and Budget Planner arithmetic on top of priceTask. */
export { TASK_CLASSES, DEFAULT_CLASS_PROFILES, TASK_CLASS_LABELS } from "./task-classes";
export { MAX_CANVAS_MODELS, SUM_TOLERANCE, canvasIssues, assertCanvas } from "./canvas-input";
export { canvasCost, canvasProfiles, planRow } from "./canvas-cost";
export { unitEconomics } from "./unit-economics";
export { canvasLevers } from "./canvas-levers";
export { planCanvas } from "./plan-canvas";
export { budgetPlan, BUDGET_HORIZONS } from "./budget-plan";
export { swapCurve } from "./swap-underlying";

export type { TaskClass, ClassProfile } from "./task-classes";
export type { CanvasInput, UnitEconomicsInput, PlanIssue } from "./canvas-input";
export type { PlanRow, CanvasVariant, CanvasCost } from "./canvas-cost";
export type { UnitEconomics } from "./unit-economics";
export type { Lever, LeverId, LeverOptions, LeverResult } from "./canvas-levers";
export type { CanvasPlan } from "./plan-canvas";
export type { BudgetHorizon, BudgetLine, BudgetPlan } from "./budget-plan";
