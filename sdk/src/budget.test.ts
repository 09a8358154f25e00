import { describe, expect, it } from "vitest";
import { createBudget } from "./budget";

describe("createBudget: canAfford before a call (worst case), record after (exact)", () => {
  it("a call is affordable when its estimate's max still fits; recording subtracts the metered cost", () => {
    const b = createBudget({ limit_usd: 1 });
    expect(b.canAfford({ max: 0.6 })).toBe(true);
    expect(b.record({ cost: 0.45 })).toBeCloseTo(0.55, 15);
    expect(b.canAfford({ max: 0.6 })).toBe(false);
    expect(b.canAfford({ max: 0.55 })).toBe(true);
    expect(b.canAfford(0.56)).toBe(false);
    expect(b.record(0.1)).toBeCloseTo(0.45, 15);
    expect([b.spent_usd, b.calls, b.limit_usd]).toEqual([0.55, 2, 1]);
  });
  it("an overrun shows as negative remaining; nothing more is affordable", () => {
    const b = createBudget({ limit_usd: 0.01, spent_usd: 0.009 });
    b.record({ cost: 0.002 });
    expect(b.remaining_usd).toBeCloseTo(-0.001, 15);
    expect(b.canAfford({ max: 0 })).toBe(false);
  });
  it("bad amounts carry codes: NaN → E_NOT_FINITE, negative → E_NEG_PRICE", () => {
    expect(() => createBudget({ limit_usd: Number.NaN })).toThrow(expect.objectContaining({ code: "E_NOT_FINITE" }));
    expect(() => createBudget({ limit_usd: 1 }).record(-1)).toThrow(expect.objectContaining({ code: "E_NEG_PRICE" }));
    expect(() => createBudget({ limit_usd: 1 }).canAfford({ max: Infinity })).toThrow(
      expect.objectContaining({ code: "E_NOT_FINITE" }),
    );
  });
});
