import { OracleError } from "../errors";
import { priceTask, type PricingRow } from "../greeks/price-task";
import type { GreekRow } from "../schemas/greek-row";
import { assertCanvas, type CanvasInput } from "./canvas-input";
import { DEFAULT_CLASS_PROFILES, TASK_CLASSES, type ClassProfile, type TaskClass } from "./task-classes";

/** What the planner needs from a snapshot row. */
export type PlanRow = PricingRow &
  Pick<GreekRow, "display_name" | "provider" | "lifecycle" | "reasoning" | "context_window">;

/** Variations the optimisation levers price (all default to the canvas as entered). */
export interface CanvasVariant {
  /** spot (default) or a forward horizon. */
  horizon?: string | number | undefined;
  /** Raise every class's cache-hit share by this much (capped so η + ω ≤ 1). */
  eta_add?: number | undefined;
  /** Classes sent to the batch API on models that have one. */
  batch_classes?: readonly TaskClass[] | undefined;
  /** Replaces the canvas's allocation. */
  allocation?: CanvasInput["allocation"] | undefined;
}

/** Monthly cost of a canvas and its breakdown. */
export interface CanvasCost {
  horizon: string | number;
  monthly_calls: number;
  /** Mean cost of one call over the mix and allocation, USD. */
  cost_per_task: number;
  monthly_cost: number;
  by_model: { ticker: string; weight: number; cost_per_task: number; monthly_cost: number }[];
  by_class: { task_class: TaskClass; share: number; cost_per_task: number; monthly_cost: number }[];
  /** Cost of one call of each class on each model, USD. */
  cells: { ticker: string; task_class: TaskClass; cost: number }[];
}

/** The class profiles of a canvas, defaults filled in. */
export function canvasProfiles(input: Pick<CanvasInput, "profiles">): Record<TaskClass, ClassProfile> {
  const out = {} as Record<TaskClass, ClassProfile>;
  for (const c of TASK_CLASSES) out[c] = { ...DEFAULT_CLASS_PROFILES[c], ...input.profiles?.[c] };
  return out;
}

/** Looks a ticker up among the rows (E_UNKNOWN_TICKER). */
export function planRow<R extends PlanRow>(rows: readonly R[], ticker: string): R {
  const row = rows.find((r) => r.ticker === ticker);
  if (!row) throw new OracleError("E_UNKNOWN_TICKER", `no model ${JSON.stringify(ticker)} in this snapshot`, "ticker");
  return row;
}

// A canvas in batch mode needs every allocated model to have a batch API (priceTask throws E_BAD_MODE);
// the "move heavy tasks" lever batches only where a batch API exists and leaves the rest sync.
function classMode(input: CanvasInput, row: PlanRow, c: TaskClass, v: CanvasVariant): "sync" | "batch" {
  if (input.mode === "batch") return "batch";
  return v.batch_classes?.includes(c) && row.r_batch !== null ? "batch" : "sync";
}

/**
 * Monthly cost = calls × Σ_model w_m × Σ_class s_c × cost(model, class), each call priced by priceTask.
 * @example canvasCost({ monthly_calls: 1000, mix: { simple: 1, medium: 0, complex: 0, reasoning: 0 }, allocation: [{
 *   ticker: "GPT-4.1", weight: 1 }], economics }, rows, "2026-08-21").monthly_cost
 */
export function canvasCost(
  input: CanvasInput,
  rows: readonly PlanRow[],
  valuationDate: string,
  v: CanvasVariant = {},
): CanvasCost {
  assertCanvas(input);
  const allocation = v.allocation ?? input.allocation;
  const profiles = canvasProfiles(input);
  const horizon = v.horizon ?? "spot";
  const cells: CanvasCost["cells"] = [];
  const byClass = new Map<TaskClass, number>(TASK_CLASSES.map((c) => [c, 0]));
  const by_model: CanvasCost["by_model"] = [];
  for (const { ticker, weight } of allocation) {
    const row = planRow(rows, ticker);
    let perTask = 0;
    for (const c of TASK_CLASSES) {
      const p = profiles[c];
      const eta = v.eta_add ? Math.min(p.eta + v.eta_add, 1) : p.eta;
      const priced = priceTask(
        row,
        {
          n_in: p.n_in,
          n_out: p.n_out,
          n_think: p.n_think,
          eta,
          cache_ttl: input.cache_ttl,
          mode: classMode(input, row, c, v),
          horizon,
        },
        valuationDate,
      );
      const cost = priced.forward.cost!;
      cells.push({ ticker, task_class: c, cost });
      perTask += input.mix[c] * cost;
      byClass.set(c, byClass.get(c)! + weight * cost);
    }
    by_model.push({ ticker, weight, cost_per_task: perTask, monthly_cost: input.monthly_calls * weight * perTask });
  }
  const cost_per_task = by_model.reduce((s, m) => s + m.weight * m.cost_per_task, 0);
  return {
    horizon,
    monthly_calls: input.monthly_calls,
    cost_per_task,
    monthly_cost: input.monthly_calls * cost_per_task,
    by_model,
    by_class: TASK_CLASSES.map((c) => ({
      task_class: c,
      share: input.mix[c],
      cost_per_task: byClass.get(c)!,
      monthly_cost: input.monthly_calls * input.mix[c] * byClass.get(c)!,
    })),
    cells,
  };
}
