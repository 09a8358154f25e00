import { describe, expect, it } from "vitest";
import { isOracleError } from "../errors";
import { budgetPlan } from "./budget-plan";
import { ROW_A, ROWS } from "../../test/support/plan-fixture";

describe("budgetPlan", () => {
  it("projects the monthly bill at spot and the 1M/3M/6M forwards", () => {
    const p = budgetPlan(
      { monthly_calls: 1000, task: { n_in: 1000, n_out: 100 }, tickers: ["A", "B"] },
      ROWS,
      "2026-08-21",
    );
    const a = p.lines[0]!;
    expect(a.cost_per_task.spot).toBeCloseTo(0.003, 15); // 10e-6·(100 + 200)
    expect(a.monthly_cost.spot).toBeCloseTo(3, 12);
    expect(a.monthly_cost["1M"]).toBeCloseTo(3 * Math.exp(-0.4 / 12), 12);
    expect(a.monthly_cost["3M"]).toBeCloseTo(3 * Math.exp(-0.1), 12);
    expect(a.monthly_cost["6M"]).toBeCloseTo(3 * Math.exp(-0.2), 12);
    expect(a.change["6M"]).toBeCloseTo(Math.exp(-0.2) - 1, 12);
    expect(p.lines[1]!.monthly_cost["6M"]).toBeCloseTo(p.lines[1]!.monthly_cost.spot, 15); // θ = 0
  });

  it("honours an announced price within the horizon", () => {
    const rows = [
      { ...ROW_A, theta: 0, scheduled: [{ effective_date: "2026-10-01", input: 1, output: 5, kind: "scheduled" }] },
    ];
    const p = budgetPlan({ monthly_calls: 1, task: { n_in: 0, n_out: 1e6 }, tickers: ["A"] }, rows, "2026-08-21");
    expect(p.lines[0]!.cost_per_task["1M"]).toBeCloseTo(10, 12); // before the new price
    expect(p.lines[0]!.cost_per_task["3M"]).toBeCloseTo(5, 12); // after it
  });

  it("rejects a negative volume and a missing n_out", () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isOracleError(e) ? e.code : "?";
      }
    };
    expect(
      codeOf(() => budgetPlan({ monthly_calls: -1, task: { n_in: 1, n_out: 1 }, tickers: ["A"] }, ROWS, "2026-08-21")),
    ).toBe("E_BAD_VOLUME");
    expect(codeOf(() => budgetPlan({ monthly_calls: 1, task: { n_in: 1 }, tickers: ["A"] }, ROWS, "2026-08-21"))).toBe(
      "E_SCHEMA",
    );
  });
});
