import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fitTheta } from "../quant/index";
import type { HistoryFile, HistoryObservation } from "../schemas/observation";
import { familySeries } from "./family-series";

const history = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../../data/history.json"), "utf8"),
) as HistoryFile;

describe("familySeries on the bundled history", () => {
  it("openai-flagship starts with MATH.md §5.5's GPT-4 chain: 60 → 30 → 15 → 10 → 8", () => {
    const s = familySeries(history, "openai-flagship");
    expect(s.slice(0, 5).map(({ date, price, kind }) => ({ date, price, kind }))).toEqual([
      { date: "2023-03-14", price: 60, kind: "launch" },
      { date: "2023-11-06", price: 30, kind: "successor" },
      { date: "2024-05-13", price: 15, kind: "successor" },
      { date: "2024-08-06", price: 10, kind: "change" },
      { date: "2025-04-14", price: 8, kind: "successor" },
    ]);
    expect(s.slice(0, 5).map((p) => p.ticker)).toEqual(["GPT-4", "GPT-4-TURBO", "GPT-4O", "GPT-4O", "GPT-4.1"]);
  });

  it("fitting θ on that prefix gives θ̂ 0.9016/yr and θ 0.8015/yr (MATH.md §5.5, vector theta-001)", () => {
    const obs = familySeries(history, "openai-flagship").slice(0, 5);
    const r = fitTheta({ obs });
    expect(r.theta_raw).toBeCloseTo(0.9016, 4);
    expect(r.theta).toBeCloseTo(0.8015, 4);
    expect(r.t_eff_years).toBeCloseTo(2.005, 3);
  });

  it("asOf drops later observations, including scheduled prices not yet in force", () => {
    const before = familySeries(history, "anthropic-sonnet", { asOf: "2026-08-31" });
    expect(before.at(-1)).toMatchObject({ date: "2026-06-30", price: 10, ticker: "SONNET-5", kind: "successor" });
    const after = familySeries(history, "anthropic-sonnet", { asOf: "2026-09-01" });
    expect(after.at(-1)).toMatchObject({ date: "2026-09-01", price: 15, ticker: "SONNET-5", kind: "change" });
    expect(familySeries(history, "openai-flagship", { asOf: "2024-01-01" }).map((p) => p.price)).toEqual([60, 30]);
  });

  it("leaves tier observations out and reads other fields on request", () => {
    const out = familySeries(history, "google-pro");
    expect(out.map((p) => p.price)).toEqual([10.5, 5, 10, 12, 12]); // the 1.5 Pro >128K tier (21, 10) is not in it
    const inp = familySeries(history, "openai-flagship", { field: "input" });
    expect(inp.slice(0, 3).map((p) => p.price)).toEqual([30, 10, 5]);
  });

  it("an unknown family is an empty series", () => {
    expect(familySeries(history, "no-such-family")).toEqual([]);
  });
});

describe("familySeries rules (synthetic)", () => {
  const o = (
    ticker: string,
    effective_at: string,
    value: number,
    kind: HistoryObservation["kind"] = "launch",
  ): HistoryObservation => ({
    ticker,
    family: "f",
    field: "output",
    value,
    effective_at,
    observed_at: effective_at,
    kind,
    source: "t",
    provenance: "manual",
    confidence: "public-record",
  });

  it("a superseded model's later repricing is not the family's price", () => {
    const s = familySeries(
      {
        observations: [
          o("A", "2024-01-01", 10),
          o("B", "2024-06-01", 8),
          o("A", "2024-09-01", 5, "cut"),
          o("B", "2025-01-01", 6, "cut"),
        ],
      },
      "f",
    );
    expect(s.map((p) => `${p.ticker}:${p.price}:${p.kind}`)).toEqual(["A:10:launch", "B:8:successor", "B:6:change"]);
  });

  it("sorts by effective date, stable for equal dates", () => {
    const s = familySeries({ observations: [o("B", "2024-06-01", 8), o("A", "2024-01-01", 10)] }, "f");
    expect(s.map((p) => p.date)).toEqual(["2024-01-01", "2024-06-01"]);
  });
});
