import { describe, expect, it } from "vitest";
import { canvasLevers } from "./canvas-levers";
import { planCanvas } from "./plan-canvas";
import { CANVAS, ROWS } from "../../test/support/plan-fixture";

describe("canvasLevers", () => {
  // Base monthly cost 7.925 (see canvas-cost.test.ts). Per-task costs: A 0.012, B 0.00385, C 0.0014
  // (C: simple 1e-6·(100 + 200) = 0.0003; medium r_eff 0.15 → 1e-6·(1000 + 1500) = 0.0025).
  const r = canvasLevers(CANVAS, ROWS, "2026-08-21");

  it("ranks the levers by monthly savings, with the amounts checked by hand", () => {
    expect(r.base_monthly_cost).toBeCloseTo(7.925, 12);
    expect(r.levers.map((l) => [l.id, l.label])).toEqual([
      ["switch-model", "Move A's 50% share to C"],
      ["switch-model", "Move B's 50% share to C"],
      ["raise-cache", "Raise the cache-hit rate by 20 points"],
      ["wait-theta", "Wait 3M for price decay (θ)"],
    ]);
    const s = r.levers.map((l) => l.monthly_savings);
    expect(s[0]).toBeCloseTo(7.925 - 1000 * (0.5 * 0.00385 + 0.5 * 0.0014), 12); // 5.3
    expect(s[1]).toBeCloseTo(7.925 - 1000 * (0.5 * 0.012 + 0.5 * 0.0014), 12); // 1.225
    // η +0.2 on A: simple 10e-6·(100 + 1000·0.164) = 0.00264; medium 10e-6·(1000 + 10000·0.074) = 0.0174; B has no
    // discount
    expect(s[2]).toBeCloseTo(7.925 - 1000 * (0.5 * 0.5 * (0.00264 + 0.0174) + 0.5 * 0.00385), 12); // 0.99
    expect(s[3]).toBeCloseTo(7.925 - 1000 * (0.5 * 0.012 * Math.exp(-0.1) + 0.5 * 0.00385), 12);
    expect(r.levers[0]!.savings_pct).toBeCloseTo(5.3 / 7.925, 12);
    expect(r.levers[0]!.new_monthly_cost).toBeCloseTo(2.625, 12);
  });

  it("says why a lever does not apply", () => {
    expect(r.not_applicable).toEqual([
      { id: "move-heavy", reason: "no heavy tasks in the mix, or no allocated model has a batch discount" },
    ]);
  });

  it("prices moving heavy tasks to batch at half price on models with a batch API", () => {
    const heavy = {
      ...CANVAS,
      mix: { simple: 0, medium: 0, complex: 1, reasoning: 0 },
      allocation: [{ ticker: "A", weight: 1 }],
    };
    const base = planCanvas(heavy, ROWS, "2026-08-21");
    const lever = base.levers.levers.find((l) => l.id === "move-heavy")!;
    expect(lever.monthly_savings).toBeCloseTo(base.cost.monthly_cost / 2, 12);
    expect(lever.savings_pct).toBeCloseTo(0.5, 12);
  });

  it("never switches a reasoning model to one that cannot reason", () => {
    const onlyA = { ...CANVAS, allocation: [{ ticker: "A", weight: 1 }] };
    const rows = ROWS.filter((x) => x.ticker !== "C"); // B is cheaper but does not reason
    expect(canvasLevers(onlyA, rows, "2026-08-21").levers.filter((l) => l.id === "switch-model")).toEqual([]);
  });
});

describe("planCanvas", () => {
  it("joins cost, unit economics and levers", () => {
    const p = planCanvas(CANVAS, ROWS, "2026-08-21");
    expect(p.economics.contribution_per_task).toBeCloseTo(0.05 - 0.007925 - 0.01, 15);
    expect(p.economics.break_even_calls).toBeCloseTo(20 / 0.032075, 9);
    expect(p.economics.monthly_margin).toBeCloseTo(1000 * 0.032075 - 20, 12);
  });
});
