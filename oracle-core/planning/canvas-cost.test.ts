import { describe, expect, it } from "vitest";
import { isOracleError } from "../errors";
import { canvasCost } from "./canvas-cost";
import { canvasIssues } from "./canvas-input";
import { CANVAS, ROWS } from "../../test/support/plan-fixture";

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isOracleError(e) ? e.code : "not an OracleError";
  }
  return undefined;
}

describe("canvasCost", () => {
  it("prices calls × mix × allocation × task cost (checked by hand)", () => {
    const r = canvasCost(CANVAS, ROWS, "2026-08-21");
    // A: simple 10e-6·(100 + 1000·0.2) = 0.003; medium r_eff = 0.2·0.5 + 0.02·0.5 = 0.11 → 10e-6·(1000 + 1100) = 0.021
    // B: simple 2e-6·(100 + 250) = 0.0007; medium (no cache discount) 2e-6·(1000 + 2500) = 0.007
    const cell = (t: string, c: string) => r.cells.find((x) => x.ticker === t && x.task_class === c)!.cost;
    expect(cell("A", "simple")).toBeCloseTo(0.003, 15);
    expect(cell("A", "medium")).toBeCloseTo(0.021, 15);
    expect(cell("B", "simple")).toBeCloseTo(0.0007, 15);
    expect(cell("B", "medium")).toBeCloseTo(0.007, 15);
    expect(r.by_model.map((m) => m.cost_per_task)).toEqual([expect.closeTo(0.012, 15), expect.closeTo(0.00385, 15)]);
    expect(r.cost_per_task).toBeCloseTo(0.007925, 15);
    expect(r.monthly_cost).toBeCloseTo(7.925, 12);
    // the breakdowns add up to the total
    expect(r.by_model.reduce((s, m) => s + m.monthly_cost, 0)).toBeCloseTo(r.monthly_cost, 12);
    expect(r.by_class.reduce((s, c) => s + c.monthly_cost, 0)).toBeCloseTo(r.monthly_cost, 12);
    expect(r.by_class.find((c) => c.task_class === "complex")!.monthly_cost).toBe(0);
  });

  it("prices a forward horizon with each model's θ (A decays at 0.4/yr, B is flat)", () => {
    const r = canvasCost(CANVAS, ROWS, "2026-08-21", { horizon: "3M" });
    expect(r.monthly_cost).toBeCloseTo(1000 * (0.5 * 0.012 * Math.exp(-0.1) + 0.5 * 0.00385), 12);
  });

  it("batches only the chosen classes, and only on models with a batch API", () => {
    const r = canvasCost(CANVAS, ROWS, "2026-08-21", { batch_classes: ["medium"] });
    const cell = (t: string, c: string) => r.cells.find((x) => x.ticker === t && x.task_class === c)!.cost;
    expect(cell("A", "medium")).toBeCloseTo(0.0105, 15); // half of 0.021
    expect(cell("A", "simple")).toBeCloseTo(0.003, 15);
    expect(cell("B", "medium")).toBeCloseTo(0.007, 15); // no batch API: stays sync
  });

  it("refuses a batch canvas that allocates to a model without a batch API", () => {
    expect(code(() => canvasCost({ ...CANVAS, mode: "batch" }, ROWS, "2026-08-21"))).toBe("E_BAD_MODE");
  });

  it("computes nothing on invalid input", () => {
    expect(
      code(() =>
        canvasCost({ ...CANVAS, mix: { simple: 0.5, medium: 0.4, complex: 0, reasoning: 0 } }, ROWS, "2026-08-21"),
      ),
    ).toBe("E_MIX_SUM");
    expect(code(() => canvasCost({ ...CANVAS, allocation: [{ ticker: "A", weight: 0.3 }] }, ROWS, "2026-08-21"))).toBe(
      "E_ALLOC_SUM",
    );
    expect(code(() => canvasCost({ ...CANVAS, allocation: [{ ticker: "Z", weight: 1 }] }, ROWS, "2026-08-21"))).toBe(
      "E_UNKNOWN_TICKER",
    );
    expect(
      code(() =>
        canvasCost({ ...CANVAS, profiles: { simple: { n_in: -1, n_out: 1, n_think: 0, eta: 0 } } }, ROWS, "2026-08-21"),
      ),
    ).toBe("E_NEG_TOKENS");
    expect(
      code(() =>
        canvasCost(
          { ...CANVAS, profiles: { medium: { n_in: 1, n_out: 1, n_think: 0, eta: 1.2 } } },
          ROWS,
          "2026-08-21",
        ),
      ),
    ).toBe("E_ETA_RANGE");
  });
});

describe("canvasIssues", () => {
  it("is empty for a valid canvas, and accepts shares that round to 100%", () => {
    expect(canvasIssues(CANVAS)).toEqual([]);
    expect(canvasIssues({ ...CANVAS, mix: { simple: 0.333, medium: 0.333, complex: 0.334, reasoning: 0 } })).toEqual(
      [],
    );
  });

  it("names every field at fault with its code", () => {
    const issues = canvasIssues({
      ...CANVAS,
      monthly_calls: -5,
      mix: { simple: 0.6, medium: 0.6, complex: 0, reasoning: 0 },
      allocation: [
        { ticker: "A", weight: 0.7 },
        { ticker: "A", weight: 0.1 },
      ],
      economics: { revenue_per_task: -1, overhead_per_task: 0, fixed_monthly: Number.NaN },
    });
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ["E_BAD_VOLUME", "monthly_calls"],
      ["E_MIX_SUM", "mix"],
      ["E_ALLOC_SUM", "allocation.1.ticker"],
      ["E_ALLOC_SUM", "allocation"],
      ["E_NEG_PRICE", "economics.revenue_per_task"],
      ["E_NOT_FINITE", "economics.fixed_monthly"],
    ]);
    expect(issues[1]!.message).toBe("task shares must sum to 100%; they sum to 120.00%");
  });

  it("allows at most 6 models and at least one", () => {
    const seven = ["A", "B", "C", "D", "E", "F", "G"].map((ticker) => ({ ticker, weight: 1 / 7 }));
    expect(canvasIssues({ ...CANVAS, allocation: seven }).map((i) => i.message)).toContain("at most 6 models");
    expect(canvasIssues({ ...CANVAS, allocation: [] }).map((i) => i.field)).toEqual(["allocation"]);
  });
});
