import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fitFamilies } from "../greeks/family-fits";
import type { HistoryFile } from "../schemas/observation";
import { backtestFamilies } from "./backtest-families";
import { apeSummary } from "./backtest-summary";

const history = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../data/history.json"), "utf8")) as HistoryFile;
const END = "2026-08-21"; // the bundled data's as-of date
const all = backtestFamilies({ history, families: history.families, eval_end: END });

describe("backtestFamilies on the bundled history", () => {
  it("scores every family, date and tenor whose horizon ends by the data's as-of date", () => {
    expect(all.families.length).toBe(Object.keys(history.families).length);
    expect(all.predictions.every((p) => p.date <= END)).toBe(true);
    const n = Object.fromEntries(all.tenors.map((t) => [t, all.predictions.filter((p) => p.tenor === t).length]));
    expect(n).toEqual({ "1M": 101, "3M": 93, "6M": 77, "12M": 58 });
  });

  it("fits θ on each date exactly as production would have published it then (fitFamilies as of the date)", () => {
    for (const p of all.predictions.filter((_, k) => k % 25 === 0)) {
      expect(p.theta).toBe(fitFamilies(history, history.families, p.date).get(p.family)!.theta);
    }
    // GPT-4's launch day: its own series is one point, so θ is the OpenAI provider prior (MATH §5.4). The only
    // OpenAI interval by then is GPT-3.5 Turbo's 13 flat days since 2023-03-01 (θ̂ = 0, T_eff = 13/365.25 yr):
    // θ_prov = 0.5·0.40 / (0.5 + 13/365.25).
    const prior = (0.5 * 0.4) / (0.5 + 13 / 365.25);
    const first = all.predictions.find((p) => p.family === "openai-flagship" && p.tenor === "1M")!;
    expect(first).toMatchObject({ date: "2023-03-14", ticker: "GPT-4", spot: 60, actual: 60 });
    expect(first.theta).toBeCloseTo(prior, 12);
    expect(first.predicted).toBeCloseTo(60 * Math.exp(-prior / 12), 12);
  });

  it("summarises forward and no-change over the same pairs, all and ex-successor", () => {
    for (const t of all.tenors) {
      const rows = all.predictions.filter((p) => p.tenor === t);
      const ex = rows.filter((p) => !p.successor_step);
      expect(all.by_tenor[t]!.forward.all).toEqual(apeSummary(rows.map((r) => r.ape)));
      expect(all.by_tenor[t]!.no_change.ex_successor).toEqual(apeSummary(ex.map((r) => r.ape_no_change)));
      expect(all.by_tenor[t]!.n_flagged).toBe(rows.length - ex.length);
    }
    // Most family prices do not move within a month: the no-change median at 1M is 0.
    expect(all.by_tenor["1M"]!.no_change.all.median_ape_pct).toBe(0);
  });

  it("honours DeepSeek V3's announced end of its introductory price", () => {
    const r = all.predictions.find((p) => p.family === "deepseek-chat" && p.date === "2024-12-26" && p.tenor === "3M")!;
    expect(r).toMatchObject({ scheduled: true, spot: 0.28, actual: 1.1 });
    expect(r.ape).toBeLessThan(0.1);
  });

  it("filters one family (θ still uses every family for the provider prior) and rejects an unknown one", () => {
    const one = backtestFamilies({ history, families: history.families, eval_end: END, family: "openai-flagship" });
    expect(one.predictions).toEqual(all.predictions.filter((p) => p.family === "openai-flagship"));
    expect(one.by_tenor).toEqual(all.by_family["openai-flagship"]);
    expect(() => backtestFamilies({ history, families: history.families, eval_end: END, family: "nope" })).toThrow(expect.objectContaining({ code: "E_UNKNOWN_ID" }));
  });
});
