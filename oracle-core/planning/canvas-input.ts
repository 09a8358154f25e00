import { OracleError, type OracleErrorCode } from "../errors";
import { TASK_CLASSES, type ClassProfile, type TaskClass } from "./task-classes";

/** Most models a canvas may allocate traffic to. */
export const MAX_CANVAS_MODELS = 6;
/** Shares are fractions; a sum within this of 1 counts as 100% (so 33.3 + 33.3 + 33.4 passes). */
export const SUM_TOLERANCE = 1e-6;

/** Unit economics of the system: p (revenue per task), t (overhead per task), F (fixed monthly cost), USD. */
export interface UnitEconomicsInput {
  revenue_per_task: number;
  overhead_per_task: number;
  fixed_monthly: number;
}

/** A whole AI system: volume, what the calls are, which models serve them, and what a task earns. */
export interface CanvasInput {
  monthly_calls: number;
  /** Share of calls per class, fractions summing to 1. */
  mix: Record<TaskClass, number>;
  /** Up to 6 models with traffic shares summing to 1. */
  allocation: ReadonlyArray<{ ticker: string; weight: number }>;
  /** Per-class token profiles; missing classes use DEFAULT_CLASS_PROFILES. */
  profiles?: Partial<Record<TaskClass, ClassProfile>> | undefined;
  mode?: "sync" | "batch" | undefined;
  cache_ttl?: "5m" | "1h" | undefined;
  economics: UnitEconomicsInput;
}

/** One reason an input cannot be computed, addressed to a field so a form can show it inline. */
export interface PlanIssue {
  code: OracleErrorCode;
  field: string;
  message: string;
}

const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

function checkShare(out: PlanIssue[], field: string, x: unknown): number {
  if (!finite(x)) out.push({ code: "E_NOT_FINITE", field, message: `${field} must be a number` });
  else if (x < 0 || x > 1) out.push({ code: "E_MIX_SUM", field, message: `${field} must be between 0% and 100%` });
  return finite(x) ? x : 0;
}

function checkSum(out: PlanIssue[], sum: number, code: "E_MIX_SUM" | "E_ALLOC_SUM", field: string, what: string): void {
  if (Math.abs(sum - 1) > SUM_TOLERANCE)
    out.push({ code, field, message: `${what} must sum to 100%; they sum to ${(sum * 100).toFixed(2)}%` });
}

function checkMoney(out: PlanIssue[], field: string, x: unknown): void {
  if (!finite(x)) out.push({ code: "E_NOT_FINITE", field, message: `${field} must be a number` });
  else if (x < 0) out.push({ code: "E_NEG_PRICE", field, message: `${field} must be ≥ 0 USD` });
}

/** Every problem with a canvas (empty when it can be computed). Token profiles are checked by the pricer. */
export function canvasIssues(input: CanvasInput): PlanIssue[] {
  const out: PlanIssue[] = [];
  const calls = input.monthly_calls;
  if (!finite(calls) || calls < 0)
    out.push({ code: "E_BAD_VOLUME", field: "monthly_calls", message: "monthly calls must be a number ≥ 0" });
  let mixSum = 0;
  for (const c of TASK_CLASSES) mixSum += checkShare(out, `mix.${c}`, input.mix?.[c]);
  checkSum(out, mixSum, "E_MIX_SUM", "mix", "task shares");
  const alloc = input.allocation ?? [];
  if (alloc.length === 0)
    out.push({ code: "E_ALLOC_SUM", field: "allocation", message: "allocate traffic to at least one model" });
  if (alloc.length > MAX_CANVAS_MODELS)
    out.push({ code: "E_ALLOC_SUM", field: "allocation", message: `at most ${MAX_CANVAS_MODELS} models` });
  const seen = new Set<string>();
  let allocSum = 0;
  alloc.forEach((a, i) => {
    if (seen.has(a.ticker))
      out.push({ code: "E_ALLOC_SUM", field: `allocation.${i}.ticker`, message: `${a.ticker} is listed twice` });
    seen.add(a.ticker);
    allocSum += checkShare(out, `allocation.${i}.weight`, a.weight);
  });
  if (alloc.length > 0) checkSum(out, allocSum, "E_ALLOC_SUM", "allocation", "model weights");
  checkMoney(out, "economics.revenue_per_task", input.economics?.revenue_per_task);
  checkMoney(out, "economics.overhead_per_task", input.economics?.overhead_per_task);
  checkMoney(out, "economics.fixed_monthly", input.economics?.fixed_monthly);
  return out;
}

/** Throws the first issue as an OracleError (the compute functions call this first). */
export function assertCanvas(input: CanvasInput): void {
  const first = canvasIssues(input)[0];
  if (first) throw new OracleError(first.code, first.message, first.field);
}
