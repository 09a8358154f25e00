// Small hand-checkable rows for the planning tests (not a real snapshot): A is a premium reasoning model with
// a cache discount and a batch API, B a cheap model with neither, C a cheaper reasoning model of A's provider.
import type { PlanRow } from "../../oracle-core/planning";
import type { CanvasInput } from "../../oracle-core/planning";

const base = {
  r_think: 1,
  cache_write_mult: { "5m": 1.25, "1h": 2 },
  tiers: [],
  scheduled: [],
  max_output: 32_000,
  lifecycle: "active" as const,
};

export const ROW_A: PlanRow = {
  ...base,
  ticker: "A",
  display_name: "Model A",
  provider: "p1",
  beta: 10,
  r_in: 0.2,
  r_cache: 0.02,
  r_batch: 0.5,
  theta: 0.4,
  reasoning: true,
  context_window: 200_000,
};
export const ROW_B: PlanRow = {
  ...base,
  ticker: "B",
  display_name: "Model B",
  provider: "p1",
  beta: 2,
  r_in: 0.25,
  r_cache: 0.25,
  r_batch: null,
  theta: 0,
  reasoning: false,
  context_window: 128_000,
};
export const ROW_C: PlanRow = {
  ...base,
  ticker: "C",
  display_name: "Model C",
  provider: "p1",
  beta: 1,
  r_in: 0.2,
  r_cache: 0.1,
  r_batch: 0.5,
  theta: 0.6,
  reasoning: true,
  context_window: 1_000_000,
};
export const ROWS: readonly PlanRow[] = [ROW_A, ROW_B, ROW_C];

// simple: 1000 in / 100 out, no cache; medium: 10000 in / 1000 out, half cached.
/** A two-class canvas on A and B, with unit economics. */
export const CANVAS: CanvasInput = {
  monthly_calls: 1000,
  mix: { simple: 0.5, medium: 0.5, complex: 0, reasoning: 0 },
  profiles: {
    simple: { n_in: 1000, n_out: 100, n_think: 0, eta: 0 },
    medium: { n_in: 10_000, n_out: 1000, n_think: 0, eta: 0.5 },
  },
  allocation: [
    { ticker: "A", weight: 0.5 },
    { ticker: "B", weight: 0.5 },
  ],
  economics: { revenue_per_task: 0.05, overhead_per_task: 0.01, fixed_monthly: 20 },
};
