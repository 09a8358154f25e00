import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import historyJson from "../data/history.json";
import { backtestFamilies } from "../oracle-core/market/backtest-families";
import type { HistoryFile } from "../oracle-core/schemas/observation";
import { bundledBacktestTable, TABLE_PATH } from "./backtest-report";

describe("docs/backtest-table.md", () => {
  const text = bundledBacktestTable();

  it("is what scripts/backtest-report.ts generates today (regenerate it when the history changes)", () => {
    expect(readFileSync(TABLE_PATH, "utf8")).toBe(text);
  });

  it("carries the runner's numbers: n, forward median and MAPE, no-change median and MAPE per tenor", () => {
    const h = historyJson as unknown as HistoryFile;
    const r = backtestFamilies({ history: h, families: h.families, eval_end: "2026-08-21" });
    for (const t of r.tenors) {
      const s = r.by_tenor[t]!;
      const p = (x: number | null) => `${x!.toFixed(1)}%`;
      expect(text).toContain(`| ${t} | ${s.forward.all.n} | **${p(s.forward.all.median_ape_pct)}** | ${p(s.forward.all.mape_pct)} |`);
      expect(text).toContain(`| ${p(s.no_change.all.median_ape_pct)} | ${p(s.no_change.all.mape_pct)} |`);
    }
  });
});
