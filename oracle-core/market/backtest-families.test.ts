import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { TIER_CALIBRATION } from "../forecast/law-states";
import { monthlyOrigins } from "../forecast/tier-calibration";
import { dateOrdinal } from "../quant/dates";
import type { HistoryFile } from "../schemas/observation";
import { backtestFamilies } from "./backtest-families";

const history = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../../data/history.json"), "utf8"),
) as HistoryFile;
const END = "2026-08-21"; // the bundled data's as-of date
const all = backtestFamilies({ history, families: history.families, eval_end: END });

describe("backtestFamilies on the bundled history", () => {
  it("scores every ticker launched by each month-start and every family, at tenors ending by the as-of date", () => {
    const out = history.observations.filter((o) => o.field === "output" && o.kind !== "tier");
    const launch = new Map<string, string>();
    const first = new Map<string, string>();
    for (const o of [...out].sort((a, b) => a.effective_at.localeCompare(b.effective_at))) {
      if (!launch.has(o.ticker)) launch.set(o.ticker, o.effective_at);
      if (!first.has(o.family)) first.set(o.family, o.effective_at);
    }
    const origins = monthlyOrigins([...launch.values()].sort()[0]!, END);
    for (const [tenor, months] of [
      ["1M", 1],
      ["3M", 3],
      ["6M", 6],
      ["12M", 12],
    ] as const) {
      const live = origins.filter((d) => dateOrdinal(d) + (months / 12) * 365.25 <= dateOrdinal(END));
      const tickers = live.reduce((s, d) => s + [...launch.values()].filter((l) => l <= d).length, 0);
      const families = live.reduce((s, d) => s + [...first.values()].filter((l) => l <= d).length, 0);
      expect([all.by_tenor.ticker[tenor]!.pairs, all.by_tenor.tier[tenor]!.pairs]).toEqual([tickers, families]);
    }
    expect(all.predictions.length).toBe(
      Object.values(all.by_tenor)
        .flatMap((t) => Object.values(t))
        .reduce((s, x) => s + x!.pairs, 0),
    );
    expect(all.tier_calibration).toEqual(TIER_CALIBRATION);
  });

  it("counts the 11 surprise moves of the record among the ticker events (plus DeepSeek V3's announced step)", () => {
    const events = new Set(all.predictions.filter((p) => p.target === "ticker").flatMap((p) => p.events ?? []));
    expect(events.has("O3@2025-06-10")).toBe(true);
    expect(events.has("DEEPSEEK-V3@2025-02-08")).toBe(true);
    expect(events.size).toBeLessThanOrEqual(12);
  });

  it("filters one family (the models are still fitted on every family) and rejects an unknown one", () => {
    const one = backtestFamilies({ history, families: history.families, eval_end: END, family: "openai-flagship" });
    expect(one.predictions).toEqual(all.predictions.filter((p) => p.family === "openai-flagship"));
    expect(one.by_family["openai-flagship"]).toEqual(all.by_family["openai-flagship"]);
    expect(() => backtestFamilies({ history, families: history.families, eval_end: END, family: "nope" })).toThrow(
      expect.objectContaining({ code: "E_UNKNOWN_ID" }),
    );
  });
});
