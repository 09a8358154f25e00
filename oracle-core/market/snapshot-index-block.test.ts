import { describe, expect, it } from "vitest";
import { IndexBlockSchema } from "../schemas/snapshot";
import { indexBlock } from "./snapshot-index-block";
import { indexSeries } from "./index-series";
import type { MarketObservation } from "./price-timelines";

// Ten names from five providers at 10 USD/M (every weight 10%), one cut to 5 on 2025-01-05.
const obs: MarketObservation[] = [];
const providers: Record<string, string> = {};
for (const p of ["a", "b", "c", "d", "e"]) {
  for (const i of [1, 2]) {
    const t = `${p.toUpperCase()}-${i}`;
    providers[t] = p;
    obs.push({ ticker: t, family: p, field: "output", value: 10, effective_at: "2025-01-01", kind: "launch" });
  }
}
obs.push({ ticker: "A-1", family: "a", field: "output", value: 5, effective_at: "2025-01-05", kind: "cut" });
const series = indexSeries({
  observations: obs,
  universe: Object.entries(providers).map(([ticker, provider]) => ({ ticker, provider, usage: 1 })),
  valuation_date: "2025-01-20",
});

describe("indexBlock", () => {
  it("publishes the last fixing: level 950 after a 50% cut on a 10% weight, the rebalance weights, contributions summing to the level", () => {
    const b = indexBlock(series, Object.fromEntries(Object.keys(providers).map((t) => [t, 0])), providers);
    expect(IndexBlockSchema.parse(b)).toEqual(b);
    expect(b).toMatchObject({
      name: "EICI",
      level: 950,
      base_date: "2025-01-01",
      base_value: 1000,
      fixing_date: "2025-01-20",
      rebalance_date: "2025-01-01",
      index_breaker: false,
      divisor: 1,
    });
    expect(b.level_usd_per_m).toBeCloseTo(9.5, 12); // v = 10/1000 USD/M per point
    expect(b.constituents).toHaveLength(10);
    expect(b.constituents.every((c) => c.weight === 0.1 && !c.stale)).toBe(true);
    const a1 = b.constituents.find((c) => c.ticker === "A-1")!;
    expect(a1).toMatchObject({ provider: "a", price: 5, quantity: 10, contribution: 50 }); // q = 0.1·1000/10
    expect(b.constituents.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(950, 9);
  });

  it("gives the §8.7 index forward in USD/M: with θ = 0.5 for every name it is 9.5·e^(−0.5τ)", () => {
    const b = indexBlock(series, Object.fromEntries(Object.keys(providers).map((t) => [t, 0.5])), providers);
    expect(b.forwards_usd_per_m!["1M"]).toBeCloseTo(9.5 * Math.exp(-0.5 / 12), 12);
    expect(b.forwards_usd_per_m!["12M"]).toBeCloseTo(9.5 * Math.exp(-0.5), 12);
  });

  it("with the rows, the forward is Σ contribution × ticker forward ÷ spot, on a 21-knot grid to 10 years", () => {
    // Every member superseded with a known hazard: its forward is β·e^(λs·t·(E[e^Y] − 1)), so the index's is 9.5× that.
    const forecast = {
      as_of: "2025-01-20",
      launch: "2025-01-01",
      superseded: true,
      hazard: { young: 0.3, old: 0.05, superseded: 0.1, young_years: 0.5 },
      successor_rate: 1,
      jump: { mu: -0.5, s: 0.4 },
      tier: null,
    };
    const rows = Object.keys(providers).map((t) => ({
      ticker: t,
      beta: t === "A-1" ? 5 : 10,
      theta: 0.5,
      scheduled: [],
      forecast,
    }));
    const b = indexBlock(series, Object.fromEntries(rows.map((r) => [r.ticker, 0.5])), providers, rows);
    expect(IndexBlockSchema.parse(b)).toEqual(b);
    const g = (t: number) => Math.exp(0.1 * t * (Math.exp(-0.5 + 0.08) - 1));
    expect(b.forward_grid_usd_per_m).toHaveLength(21);
    expect(b.forward_grid_usd_per_m![20]).toBeCloseTo(9.5 * g(10), 4);
    expect(b.forwards_usd_per_m).toEqual({
      "1M": b.forward_grid_usd_per_m![0],
      "3M": b.forward_grid_usd_per_m![2],
      "6M": b.forward_grid_usd_per_m![5],
      "12M": b.forward_grid_usd_per_m![11],
    });
    expect(b.forwards_usd_per_m!["12M"]).toBeCloseTo(9.5 * g(1), 4);
  });

  it("needs a θ for every member (E_UNKNOWN_ID)", () => {
    expect(() => indexBlock(series, {}, providers)).toThrow(expect.objectContaining({ code: "E_UNKNOWN_ID" }));
  });
});
