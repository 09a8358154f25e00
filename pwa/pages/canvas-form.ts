import {
  DEFAULT_CLASS_PROFILES,
  TASK_CLASSES,
  TASK_CLASS_LABELS,
  type CanvasInput,
  type TaskClass,
} from "../../oracle-core/planning";
import type { CanvasPreset } from "../app/canvas-presets";
import { num } from "../app/display-format";
import { check, type Checked } from "../app/fields";
import { checkTask } from "../app/task-form";

/** The canvas as typed: strings, so an invalid entry stays on screen with its message and is never lost. */
export interface CanvasForm {
  calls: string;
  mix: Record<TaskClass, string>;
  allocation: Array<{ ticker: string; weight: string }>;
  profiles: Record<TaskClass, { n_in: string; n_out: string; n_think: string; eta: string }>;
  revenue: string;
  overhead: string;
  fixed: string;
}

export function fromPreset(p: CanvasPreset): CanvasForm {
  const profiles = {} as CanvasForm["profiles"];
  for (const c of TASK_CLASSES) {
    const d = DEFAULT_CLASS_PROFILES[c];
    profiles[c] = {
      n_in: String(d.n_in),
      n_out: String(d.n_out),
      n_think: String(d.n_think),
      eta: String(d.eta * 100),
    };
  }
  return {
    calls: String(p.calls),
    mix: Object.fromEntries(TASK_CLASSES.map((c) => [c, String(p.mix[c])])) as Record<TaskClass, string>,
    allocation: p.allocation.map((a) => ({ ticker: a.ticker, weight: String(a.weight) })),
    profiles,
    revenue: String(p.revenue),
    overhead: String(p.overhead),
    fixed: String(p.fixed),
  };
}

const PROFILE_FIELDS = ["n_in", "n_out", "n_think", "eta"] as const;

/** Field checks with their messages, and the canvas input (null while anything is invalid). */
export function checkCanvas(f: CanvasForm) {
  const errors: Record<string, string | null> = {};
  const keep = (k: string, c: Checked) => ((errors[k] = c.error), c.value);
  const calls = keep("calls", check.volume(f.calls, "Monthly calls"));
  const mix = {} as Record<TaskClass, number>;
  for (const c of TASK_CLASSES)
    mix[c] = keep(`mix.${c}`, check.percent(f.mix[c], `${TASK_CLASS_LABELS[c]} share`, "E_MIX_SUM"));
  const mixSum = TASK_CLASSES.reduce((s, c) => s + (Number.isFinite(mix[c]) ? mix[c] : 0), 0);
  errors.mix =
    Math.abs(mixSum - 1) > 1e-6
      ? `Task shares must sum to 100%; they sum to ${num(mixSum * 100, 5)}% (E_MIX_SUM)`
      : null;
  const alloc = f.allocation.map((a, i) => ({
    ticker: a.ticker,
    weight: keep(`alloc.${i}`, check.percent(a.weight, `Weight of ${a.ticker}`, "E_ALLOC_SUM")),
  }));
  const dup = alloc.findIndex((a, i) => alloc.findIndex((b) => b.ticker === a.ticker) !== i);
  const wSum = alloc.reduce((s, a) => s + (Number.isFinite(a.weight) ? a.weight : 0), 0);
  errors.alloc =
    alloc.length === 0
      ? "Allocate traffic to at least one model (E_ALLOC_SUM)"
      : dup >= 0
        ? `${alloc[dup]!.ticker} is listed twice (E_ALLOC_SUM)`
        : Math.abs(wSum - 1) > 1e-6
          ? `Model weights must sum to 100%; they sum to ${num(wSum * 100, 5)}% (E_ALLOC_SUM)`
          : null;
  const profiles = {} as CanvasInput["profiles"] & object;
  for (const c of TASK_CLASSES) {
    // A class profile is a task: oracle-core's rules and messages.
    const t = checkTask(f.profiles[c], PROFILE_FIELDS);
    for (const k of PROFILE_FIELDS) errors[`p.${c}.${k}`] = t.errors[k] ?? null;
    if (t.req) profiles[c] = { n_in: t.req.n_in, n_out: t.req.n_out!, n_think: t.req.n_think!, eta: t.req.eta! };
  }
  const revenue = keep("revenue", check.money(f.revenue, "Revenue per task"));
  const overhead = keep("overhead", check.money(f.overhead, "Overhead per task"));
  const fixed = keep("fixed", check.money(f.fixed, "Fixed monthly cost"));
  const ok = Object.values(errors).every((e) => !e);
  const input: CanvasInput | null = ok
    ? {
        monthly_calls: calls,
        mix,
        allocation: alloc,
        profiles,
        economics: { revenue_per_task: revenue, overhead_per_task: overhead, fixed_monthly: fixed },
      }
    : null;
  return { errors, input, mixSum, wSum };
}
