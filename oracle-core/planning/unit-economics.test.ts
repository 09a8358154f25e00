import { describe, expect, it } from "vitest";
import { unitEconomics } from "./unit-economics";

describe("unitEconomics", () => {
  it("margin = V(p − c − t) − F and break-even = F/(p − c − t)", () => {
    const u = unitEconomics({
      monthly_calls: 1000,
      inference_cost_per_task: 0.01,
      revenue_per_task: 0.05,
      overhead_per_task: 0.01,
      fixed_monthly: 20,
    });
    expect(u.monthly_revenue).toBeCloseTo(50, 12);
    expect(u.contribution_per_task).toBeCloseTo(0.03, 15);
    expect(u.monthly_margin).toBeCloseTo(10, 12); // 1000·0.03 − 20
    expect(u.monthly_total_cost).toBeCloseTo(40, 12); // 1000·0.02 + 20
    expect(u.margin_pct).toBeCloseTo(0.2, 12);
    expect(u.break_even_calls).toBeCloseTo(666.6667, 3);
  });

  it("has no break-even when a task does not cover its own cost, and no margin % without revenue", () => {
    const u = unitEconomics({
      monthly_calls: 10,
      inference_cost_per_task: 0.05,
      revenue_per_task: 0.05,
      overhead_per_task: 0.01,
      fixed_monthly: 5,
    });
    expect(u.break_even_calls).toBeNull();
    expect(u.monthly_margin).toBeCloseTo(-5.1, 12);
    expect(
      unitEconomics({
        monthly_calls: 10,
        inference_cost_per_task: 0.01,
        revenue_per_task: 0,
        overhead_per_task: 0,
        fixed_monthly: 0,
      }).margin_pct,
    ).toBeNull();
  });

  it("breaks even at zero volume when there is no fixed cost", () => {
    expect(
      unitEconomics({
        monthly_calls: 10,
        inference_cost_per_task: 0.01,
        revenue_per_task: 0.02,
        overhead_per_task: 0,
        fixed_monthly: 0,
      }).break_even_calls,
    ).toBe(0);
  });
});
