// One validation per call: priceTask, priceTaskAndRange and compareRows resolve a task once, whatever the number of
// output lengths or rows they price it at. Counted with spies on the resolvers, on the §2 evaluation and on the
// checks of n_in and η (quant/validate.ts).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { isOracleError } from "../errors";
import type { GreekRow } from "../schemas/greek-row";
import { compareRows } from "./compare-rows";
import { priceTask, priceTaskAndRange, type TaskRequest } from "./price-task";

const count = { profile: 0, prices: 0, evaluations: 0, n_in: 0, eta: 0 };

vi.mock("../quant/validate", async (load) => {
  const m = await load<typeof import("../quant/validate")>();
  const tokens: typeof m.tokens = (field, x) => (field === "n_in" && count.n_in++, m.tokens(field, x));
  const num: typeof m.num = (field, x) => (field === "eta" && count.eta++, m.num(field, x));
  return { ...m, tokens, num };
});
vi.mock("../quant/task-inputs", async (load) => {
  const m = await load<typeof import("../quant/task-inputs")>();
  const resolveProfile: typeof m.resolveProfile = (p, n_out) => (count.profile++, m.resolveProfile(p, n_out));
  const resolveTask: typeof m.resolveTask = (i, p) => (count.prices++, m.resolveTask(i, p));
  return { ...m, resolveProfile, resolveTask };
});
vi.mock("../quant/task-cost", async (load) => {
  const m = await load<typeof import("../quant/task-cost")>();
  const costOf: typeof m.costOf = (t, n) => (count.evaluations++, m.costOf(t, n));
  return { ...m, costOf };
});

type Row = Parameters<typeof compareRows>[0][number];
const row = (ticker: string, beta: number, r_in: number, r_cache: number, r_batch: number | null): Row => ({
  ticker,
  display_name: ticker,
  provider: "test",
  status: "ok" as GreekRow["status"],
  beta,
  r_in,
  r_cache,
  r_think: 1,
  r_batch,
  cache_write_mult: { "5m": 1.25, "1h": 2 },
  tiers: [],
  theta: 0.4,
  scheduled: [],
  max_output: 64_000,
});
// Sonnet 4's prices (MATH.md §2 worked example: β = 15, r_in = 3/15, r_cache = 0.30/15) and two cheaper rows.
const SONNET4 = row("SONNET-4", 15, 0.2, 0.02, 0.5);
const ROWS = [SONNET4, row("MID", 8, 0.25, 0.0625, 0.5), row("NO-BATCH", 1.1, 0.25, 0.25, null)];
const TASK: TaskRequest = {
  n_in: 30_000,
  n_out: 800,
  n_think: 0,
  eta: 0.6,
  omega: 0,
  cache_ttl: "5m",
  mode: "sync",
  horizon: "3M",
};
const VD = "2026-08-21";

beforeEach(() => {
  for (const k of Object.keys(count) as (keyof typeof count)[]) count[k] = 0;
});

describe("a task is resolved and validated once per call", () => {
  it("the calculator's keystroke (the task at n_out and over every n_out): 1 validation, 8 evaluations", () => {
    // Before: priceTask twice, i.e. taskCost 10 times (1 + S at 1, max, 4 points, 0, then κ at both ends),
    // each validating n_in and η again.
    const both = priceTaskAndRange(SONNET4, TASK, VD);
    expect(count).toEqual({ profile: 1, prices: 1, evaluations: 8, n_in: 1, eta: 1 });
    // S = 15·(800 + 30000·(0.2·0.4 + 0.02·0.6))·1e−6 = 0.0534, κ = 4.45
    expect(both.point.spot!.cost).toBeCloseTo(0.0534, 15);
    expect(both.point.spot!.kappa).toBeCloseTo(4.45, 12);
    // S(n_out) = 15e−6·(n_out + 2760): 1 → 0.041415, 64,000 → 1.0014
    expect(both.range.range!.min).toBeCloseTo(0.041415, 15);
    expect(both.range.range!.max).toBeCloseTo(1.0014, 13);
    const { n_out: _n, ...noOut } = TASK;
    // Identical to pricing twice.
    expect(both).toEqual({ point: priceTask(SONNET4, TASK, VD), range: priceTask(SONNET4, noOut, VD) });
  });

  it("a range alone: 1 validation; κ at both ends comes from the range's own evaluations", () => {
    const r = priceTask(SONNET4, { n_in: 30_000, eta: 0.6, max_tokens: 1000 }, VD).range!;
    expect(count).toEqual({ profile: 1, prices: 1, evaluations: 7, n_in: 1, eta: 1 });
    expect(r.kappa_at_min).toBeCloseTo(2761, 9); // b·bracket / n_out = (1 + 2760) / 1
    expect(r.kappa_at_max).toBeCloseTo(3.76, 12); // (1000 + 2760) / 1000
    expect(r.exceeds_max_tokens).toEqual([4000]);
  });

  it("compare: the task is validated once for all rows, each row's prices once", () => {
    const c = compareRows(ROWS, TASK, VD);
    expect(count).toEqual({ profile: 1, prices: 3, evaluations: 3, n_in: 1, eta: 1 });
    expect(c.ranked.map((x) => x.ticker)).toEqual(["NO-BATCH", "MID", "SONNET-4"]);
    expect(c.horizon_years).toBe(0.25);
    // Batch: the row without a batch API is excluded, not a failure.
    const b = compareRows(ROWS, { ...TASK, mode: "batch" }, VD);
    const reason = 'NO-BATCH has no batch API; use mode "sync"';
    expect(b.excluded).toEqual([{ ticker: "NO-BATCH", code: "E_BAD_MODE", reason }]);
    expect(b.ranked.find((x) => x.ticker === "SONNET-4")!.cost).toBeCloseTo(0.0534 / 2, 15);
  });

  it("an invalid task fails the compare once, with its code and field, even before any row", () => {
    const fail = (rows: Row[]) => {
      try {
        compareRows(rows, { ...TASK, eta: 1.5 }, VD);
      } catch (e) {
        return isOracleError(e) ? `${e.code} ${e.field}` : String(e);
      }
      return "no error";
    };
    expect(fail(ROWS)).toBe("E_ETA_RANGE eta");
    expect(fail([])).toBe("E_ETA_RANGE eta");
    expect(count.prices).toBe(0);
  });
});
