import { canvasCost, canvasProfiles, planRow, type PlanRow } from "./canvas-cost";
import type { CanvasInput } from "./canvas-input";
import type { TaskClass } from "./task-classes";

export type LeverId = "switch-model" | "raise-cache" | "wait-theta" | "move-heavy";

/** One way to spend less, priced by re-running the canvas with the change. */
export interface Lever {
  id: LeverId;
  /** Short imperative label, e.g. "Move SONNET-4.5's traffic to HAIKU-4.5". */
  label: string;
  detail: string;
  monthly_savings: number;
  /** Savings ÷ current monthly cost (null when the current cost is 0). */
  savings_pct: number | null;
  new_monthly_cost: number;
}

/** Options of {@link canvasLevers}. */
export interface LeverOptions {
  /** Cache-hit rise to price (default 0.2 = 20 points). */
  eta_add?: number;
  /** Horizon for "wait for θ decay" (default 3M). */
  wait_horizon?: "1M" | "3M" | "6M" | "12M";
}

/** Ranked levers, largest saving first, and the levers that save nothing here with the reason. */
export interface LeverResult {
  base_monthly_cost: number;
  levers: Lever[];
  not_applicable: { id: LeverId; reason: string }[];
}

const HEAVY: readonly TaskClass[] = ["complex", "reasoning"];

// Models a share of traffic may move to: the canvas's other models (already accepted by the user) and active
// models of the same provider that can do what the current one does (reasoning if it reasons, a context window
// that holds the longest prompt of the mix).
function switchCandidates(row: PlanRow, input: CanvasInput, rows: readonly PlanRow[]): PlanRow[] {
  const allocated = new Set(input.allocation.map((a) => a.ticker));
  const profiles = canvasProfiles(input);
  const longest = Math.max(
    ...(Object.keys(profiles) as TaskClass[])
      .filter((c) => input.mix[c] > 0)
      .map((c) => profiles[c].n_in + profiles[c].n_out),
  );
  return rows.filter((r) => {
    if (r.ticker === row.ticker) return false;
    if (allocated.has(r.ticker)) return true;
    const capable =
      (!row.reasoning || r.reasoning) && r.context_window >= longest && (input.mode !== "batch" || r.r_batch !== null);
    return r.provider === row.provider && r.lifecycle === "active" && capable;
  });
}

/**
 * The four optimisation levers of the System Canvas, each priced through {@link canvasCost}:
 * switch a model's share to its cheapest capable alternative, raise the cache-hit rate, wait for θ decay
 * (the forward cost at a horizon), and move heavy (complex, reasoning) tasks to the batch API.
 */
export function canvasLevers(
  input: CanvasInput,
  rows: readonly PlanRow[],
  valuationDate: string,
  opts: LeverOptions = {},
): LeverResult {
  const base = canvasCost(input, rows, valuationDate);
  const B = base.monthly_cost;
  const levers: Lever[] = [];
  const not_applicable: LeverResult["not_applicable"] = [];
  const add = (id: LeverId, label: string, detail: string, newCost: number, whyNot: string) => {
    const saving = B - newCost;
    if (saving > 0)
      levers.push({
        id,
        label,
        detail,
        monthly_savings: saving,
        savings_pct: B > 0 ? saving / B : null,
        new_monthly_cost: newCost,
      });
    else if (whyNot) not_applicable.push({ id, reason: whyNot });
  };

  // switch model: one lever per allocated model with a cheaper alternative
  let anySwitch = false;
  for (const a of input.allocation) {
    if (a.weight <= 0) continue;
    const row = planRow(rows, a.ticker);
    const mine = base.by_model.find((m) => m.ticker === a.ticker)!.cost_per_task;
    let best: { row: PlanRow; cost: number } | null = null;
    for (const cand of switchCandidates(row, input, rows)) {
      const c = canvasCost(input, rows, valuationDate, {
        allocation: [{ ticker: cand.ticker, weight: 1 }],
      }).cost_per_task;
      if (c < mine && (!best || c < best.cost || (c === best.cost && cand.ticker < best.row.ticker)))
        best = { row: cand, cost: c };
    }
    if (!best) continue;
    anySwitch = true;
    const moved = input.allocation
      .filter((x) => x.ticker !== a.ticker && x.ticker !== best!.row.ticker)
      .map((x) => ({ ...x }));
    const existing = input.allocation.find((x) => x.ticker === best!.row.ticker)?.weight ?? 0;
    moved.push({ ticker: best.row.ticker, weight: existing + a.weight });
    const after = canvasCost(input, rows, valuationDate, { allocation: moved }).monthly_cost;
    add(
      "switch-model",
      `Move ${a.ticker}'s ${Math.round(a.weight * 100)}% share to ${best.row.ticker}`,
      `${best.row.display_name} is the cheapest ${best.row.provider === row.provider ? `${row.provider} model` : "model"} for this mix that can do what ${row.display_name} does; check its quality on your tasks first.`,
      after,
      "",
    );
  }
  if (!anySwitch)
    not_applicable.push({ id: "switch-model", reason: "no cheaper capable model for any allocated share" });

  const etaAdd = opts.eta_add ?? 0.2;
  const cached = canvasCost(input, rows, valuationDate, { eta_add: etaAdd }).monthly_cost;
  add(
    "raise-cache",
    `Raise the cache-hit rate by ${Math.round(etaAdd * 100)} points`,
    "Put the stable part of each prompt (system prompt, shared documents) first so the provider can serve it from cache.",
    cached,
    "raising the cache-hit rate saves nothing here (no cache discount, or caches already full)",
  );

  const h = opts.wait_horizon ?? "3M";
  const later = canvasCost(input, rows, valuationDate, { horizon: h }).monthly_cost;
  add(
    "wait-theta",
    `Wait ${h} for price decay (θ)`,
    `The forward curve prices the same workload ${h} from now; it is a projection from each family's decay rate θ, not a promise.`,
    later,
    `the forward curve does not fall over ${h} for these models`,
  );

  if (input.mode === "batch")
    not_applicable.push({ id: "move-heavy", reason: "the canvas already runs in batch mode" });
  else {
    const batched = canvasCost(input, rows, valuationDate, { batch_classes: HEAVY }).monthly_cost;
    add(
      "move-heavy",
      "Move heavy tasks (complex, reasoning) to the batch API",
      "Batch APIs answer within hours at a discount; heavy tasks often tolerate the delay. Models without a batch API stay sync.",
      batched,
      "no heavy tasks in the mix, or no allocated model has a batch discount",
    );
  }
  levers.sort((x, y) => y.monthly_savings - x.monthly_savings || x.label.localeCompare(y.label));
  return { base_monthly_cost: B, levers, not_applicable };
}
