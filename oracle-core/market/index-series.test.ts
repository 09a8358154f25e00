import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { HistoryFile } from "../schemas/observation";
import type { RegistryFile } from "../schemas/registry";
import { indexSeries, type IndexUniverseEntry } from "./index-series";
import { priceOn, priceTimelines, type MarketObservation } from "./price-timelines";

const read = <T>(f: string): T => JSON.parse(readFileSync(resolve(import.meta.dirname, "../../data", f), "utf8")) as T;
const history = read<HistoryFile>("history.json");
const registry = read<RegistryFile>("registry.json");
const universe: IndexUniverseEntry[] = registry.models.map((m) => ({
  ticker: m.ticker,
  provider: m.provider,
  usage: m.index_weight_proxy,
}));
const VALUATION = "2026-11-24";
const real = indexSeries({ observations: history.observations, universe, valuation_date: VALUATION });
const at = (d: string) => real.series.find((p) => p.date === d)!;
const dayBefore = (d: string) => real.series[real.series.findIndex((p) => p.date === d) - 1]!;

describe("EICI on the bundled history", () => {
  it("starts at 1000 on the first month-start where the 10% / 30% caps are feasible (2025-10-01: 25 names)", () => {
    // Not earlier: the Meta composites have no price before the archives show their hosts (2026-08-21), so until
    // Grok 4 Fast (2025-09-19) too few providers are priced for the 30% provider cap.
    expect(real.base_date).toBe("2025-10-01");
    expect(real.series[0]).toMatchObject({ date: "2025-10-01", level: 1000, rebalanced: true, members: 25 });
    expect(real.series[0]!.divisor).toBeCloseTo(1, 12);
    // One fixing per calendar day through the valuation date (2025-10-01 … 2026-11-24 is 420 days).
    expect(real.series.length).toBe(420);
    expect(real.series.at(-1)!.date).toBe(VALUATION);
  });

  it("never jumps on a rebalance: the level with the old basket equals the level with the new one", () => {
    const rebalances = real.series.filter((p) => p.rebalanced && p.level_before_rebalance !== null);
    expect(rebalances.length).toBe(13); // the 1st of every month after the base
    for (const p of rebalances) expect(p.level).toBeCloseTo(p.level_before_rebalance!, 9);
    // 2025-11-01: HAIKU-4.5 and GPT-5-PRO enter, no price moves that day: the level is flat across the night.
    expect(at("2025-11-01").entries).toEqual(["HAIKU-4.5", "GPT-5-PRO"]);
    expect(at("2025-11-01").level).toBeCloseTo(dayBefore("2025-11-01").level, 9);
    // 2026-09-01: the Meta composites enter (first priced 2026-08-21) and the divisor moves so the level does not jump.
    expect(at("2026-09-01").entries).toEqual([
      "GEMINI-3.7-FLASH",
      "LLAMA-4-MAVERICK",
      "LLAMA-4-SCOUT",
      "LLAMA-3.3-70B",
    ]);
    expect(at("2026-09-01").divisor).not.toBeCloseTo(dayBefore("2026-09-01").divisor, 3);
  });

  it("flags no 15% index breaker on the bundled history from its 2025-10-01 base (the synthetic cases below do)", () => {
    expect(real.series.filter((p) => p.index_breaker).map((p) => p.date)).toEqual([]);
  });

  it("caps every weight at 10% and every provider at 30%, summing to 1", () => {
    const w = real.last_rebalance.weights;
    const total = Object.values(w).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 12);
    const byProvider = new Map<string, number>();
    for (const [t, x] of Object.entries(w)) {
      expect(x).toBeLessThanOrEqual(0.1 + 1e-12);
      const p = universe.find((u) => u.ticker === t)!.provider;
      byProvider.set(p, (byProvider.get(p) ?? 0) + x);
    }
    for (const x of byProvider.values()) expect(x).toBeLessThanOrEqual(0.3 + 1e-12);
    expect(byProvider.get("openai")).toBeCloseTo(0.3, 12);
  });

  it("prices every member at its history price in force on the fixing date; legacy rows (proxy 0) never enter", () => {
    const tl = priceTimelines(history.observations);
    for (const [t, p] of Object.entries(real.last.prices_used)) expect(p).toBe(priceOn(tl.get(t), VALUATION));
    expect(real.last.prices_used["SONNET-5"]).toBe(15); // the scheduled 2026-09-01 price is in force
    const legacy = registry.models.filter((m) => m.status === "legacy").map((m) => m.ticker);
    for (const t of legacy) expect(real.last.quantities[t]).toBeUndefined();
    const contrib = Object.values(real.last.contributions_points).reduce((a, b) => a + b, 0);
    expect(contrib).toBeCloseTo(real.last.level, 9);
  });
});

/** A synthetic market: `n` names per provider, all launched on 2025-01-01 at 10 USD/M, equal usage. */
function market(providers: string[], n: number) {
  const obs: MarketObservation[] = [];
  const uni: IndexUniverseEntry[] = [];
  for (const p of providers) {
    for (let i = 1; i <= n; i++) {
      const ticker = `${p.toUpperCase()}-${i}`;
      uni.push({ ticker, provider: p, usage: 1 });
      obs.push({ ticker, family: p, field: "output", value: 10, effective_at: "2025-01-01", kind: "launch" });
    }
  }
  return { obs, uni };
}

describe("EICI rules on synthetic markets", () => {
  it("a cut above 15% is held at 00:00 and confirmed by the 16:00 quote; three 60% cuts at 10% weight move the index −18% and flag it", () => {
    const { obs, uni } = market(["a", "b", "c", "d", "e"], 2); // 10 names, 5 providers: every weight 10%
    for (const t of ["A-1", "B-1", "C-1"])
      obs.push({ ticker: t, family: "x", field: "output", value: 4, effective_at: "2025-01-10", kind: "cut" });
    const r = indexSeries({ observations: obs, universe: uni, valuation_date: "2025-01-12" });
    expect(r.base_date).toBe("2025-01-01");
    const d = (x: string) => r.series.find((p) => p.date === x)!;
    expect(d("2025-01-09").level).toBe(1000);
    expect(d("2025-01-10").level).toBeCloseTo(1000 * (1 - 3 * 0.1 * 0.6), 9); // 820
    expect(d("2025-01-10").index_breaker).toBe(true);
    expect(d("2025-01-11").index_breaker).toBe(false);
  });

  it("carries a name that stops being quoted, flags it stale after 48 h, and drops it 7 days later without a jump", () => {
    const { obs, uni } = market(["a", "b", "c", "d", "e"], 3); // 15 names
    obs.push({ ticker: "B-2", family: "x", field: "output", value: 8, effective_at: "2025-01-05", kind: "cut" });
    const r = indexSeries({
      observations: obs,
      universe: uni,
      valuation_date: "2025-01-25",
      quoted_through: { "A-1": "2025-01-06" },
    });
    const d = (x: string) => r.series.find((p) => p.date === x)!;
    expect(d("2025-01-08").stale).toBe(0); // last quote 2025-01-06 16:00: exactly 48 h old, not stale yet
    expect(d("2025-01-09").stale).toBe(1);
    // Stale for more than 7 days after turning stale (> 48 h + 7 d since the last quote): extraordinary rebalance.
    const rb = r.series.filter((p) => p.rebalanced && p.date > "2025-01-01");
    expect(rb.map((p) => p.date)).toEqual(["2025-01-16"]);
    expect(rb[0]!.exits).toEqual(["A-1"]);
    expect(rb[0]!.level).toBeCloseTo(rb[0]!.level_before_rebalance!, 9);
    expect(d("2025-01-16").level).toBeCloseTo(d("2025-01-15").level, 9);
    expect(r.last.quantities["A-1"]).toBeUndefined();
  });

  it("waits for a base date until the caps are feasible, and says so when they never are", () => {
    const few = market(["a", "b", "c"], 4); // 3 providers: 3 × 30% < 1
    expect(() => indexSeries({ observations: few.obs, universe: few.uni, valuation_date: "2025-03-01" })).toThrow(
      expect.objectContaining({ code: "E_NO_BASE" }),
    );
    const { obs, uni } = market(["a", "b", "c"], 4);
    const later = market(["d"], 4);
    for (const o of later.obs) o.effective_at = "2025-02-10";
    const r = indexSeries({
      observations: [...obs, ...later.obs],
      universe: [...uni, ...later.uni],
      valuation_date: "2025-03-05",
    });
    expect(r.base_date).toBe("2025-03-01");
    expect(r.series[0]!.level).toBe(1000);
  });

  it("uses explicit caps and base date when given (MATH index-001 caps 35% / 50%)", () => {
    const { obs, uni } = market(["a", "b"], 2);
    const r = indexSeries({
      observations: obs,
      universe: uni,
      valuation_date: "2025-01-03",
      base_date: "2025-01-02",
      params: { model_cap: 0.35, provider_cap: 0.5 },
    });
    expect(r.base_date).toBe("2025-01-02");
    expect(Object.values(r.last_rebalance.weights)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(r.point_value_usd_per_m).toBeCloseTo(10 / 1000, 15); // v = Σ w·p / I_0
  });
});
