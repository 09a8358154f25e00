import { describe, expect, it } from "vitest";
import { swapFairRate } from "../quant/swap-fair-rate";
import { swapCurve } from "./swap-underlying";

const index = {
  name: "EICI",
  level: 1000,
  level_usd_per_m: 5,
  divisor: 1,
  base_date: "2025-01-06",
  base_value: 1000,
  fixing_date: "2026-08-21",
  index_breaker: false,
  constituents: [
    { ticker: "X", provider: "p", weight: 0.6, price: 10, quantity: 60, contribution: 600, stale: false },
    { ticker: "Y", provider: "q", weight: 0.4, price: 4, quantity: 100, contribution: 400, stale: false },
  ],
};

describe("swapCurve", () => {
  it("is β with θ for a single model", () => {
    expect(swapCurve({ kind: "model", row: { beta: 8, theta: 0.9016 } })).toEqual([{ c: 8, theta: 0.9016 }]);
    // MATH.md §9.3 example: β = 8, θ = 0.9016, r = 4%, 1M → K* = 7.4210
    expect(
      swapFairRate({ curve: swapCurve({ kind: "model", row: { beta: 8, theta: 0.9016 } }), months: 1 }).fair_rate,
    ).toBeCloseTo(7.421, 3);
  });

  it("converts index contributions to USD/M with v = level_usd_per_m / level (MATH.md §8.4)", () => {
    const c = swapCurve({
      kind: "index",
      index,
      rows: [
        { ticker: "X", theta: 0.5 },
        { ticker: "Y", theta: 0.1 },
      ],
    });
    expect(c).toEqual([
      { c: 3, theta: 0.5 },
      { c: 2, theta: 0.1 },
    ]);
    expect(c.reduce((s, t) => s + t.c, 0)).toBeCloseTo(index.level_usd_per_m, 12); // at τ = 0 the curve is EICI_USD
  });

  it("needs a θ for every constituent", () => {
    expect(() => swapCurve({ kind: "index", index, rows: [{ ticker: "X", theta: 0.5 }] })).toThrow(
      /no θ for index constituent Y/,
    );
  });
});
