import { describe, expect, it } from "vitest";
import { indexMembership } from "./index-membership";
import { indexSeries } from "./index-series";

describe("indexMembership", () => {
  const proxy = new Map([
    ["A", 4],
    ["B", 2],
    ["L", 0],
  ]);
  it("follows the lifecycle: provisional and legacy out, a listed active ticker at its provider's smallest proxy", () => {
    const out = indexMembership(
      [
        { ticker: "A", provider: "openai", lifecycle: "active" },
        { ticker: "B", provider: "openai", lifecycle: "deprecated", retired_at: "2026-03-01" },
        { ticker: "L", provider: "openai", lifecycle: "legacy" },
        { ticker: "P", provider: "openai", lifecycle: "provisional", listed_at: "2026-01-05" },
        { ticker: "N", provider: "openai", lifecycle: "active", listed_at: "2026-01-05" },
        { ticker: "R", provider: "openai", lifecycle: "retired" },
      ],
      proxy,
    );
    expect(out).toEqual([
      { ticker: "A", provider: "openai", usage: 4 },
      { ticker: "B", provider: "openai", usage: 2, member_until: "2026-03-01" },
      { ticker: "L", provider: "openai", usage: 0 },
      { ticker: "P", provider: "openai", usage: 0, member_from: "2026-01-05" },
      { ticker: "N", provider: "openai", usage: 2, member_from: "2026-01-05" },
      { ticker: "R", provider: "openai", usage: 0 },
    ]);
  });
  it("a member whose membership ends leaves at a rebalance on that date", () => {
    // Twelve names on four providers, so the caps (10% a model, 30% a provider) stay feasible with eleven.
    const names = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"];
    const obs = names.map((t, i) => ({
      ticker: t,
      field: "output",
      value: 10 + i,
      effective_at: "2026-01-01",
    }));
    const universe = names.map((t, i) => ({
      ticker: t,
      provider: `p${i % 4}`,
      usage: 1,
      ...(t === "E" ? { member_until: "2026-01-10" } : {}),
    }));
    const s = indexSeries({ observations: obs, universe, valuation_date: "2026-01-12", base_date: "2026-01-01" });
    const exit = s.series.find((p) => p.date === "2026-01-10")!;
    expect(exit.rebalanced).toBe(true);
    expect(exit.exits).toEqual(["E"]);
    expect(s.series.at(-1)!.members).toBe(11);
  });
});
