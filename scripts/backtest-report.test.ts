import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TIER_CALIBRATION } from "../oracle-core/forecast";
import { backtestTable, bundledBacktests, TABLE_PATH } from "./backtest-report";

describe("docs/backtest-table.md", () => {
  const b = bundledBacktests();
  const text = backtestTable(b.published, b.walkForward, b.asOf, b.chosen);

  it("is what scripts/backtest-report.ts generates today (regenerate it when the history changes)", () => {
    expect(readFileSync(TABLE_PATH, "utf8")).toBe(text);
  });

  it("the published tier calibration is what the calibration rule picks on the data to its as-of date", () => {
    expect(b.chosen).toEqual({ ...TIER_CALIBRATION });
  });

  it("carries the runner's numbers: pairs, CRPS against no change, coverage per target and tenor", () => {
    for (const target of ["ticker", "tier"] as const) {
      for (const t of b.published.tenors) {
        const s = b.published.by_tenor[target][t]!;
        expect(text).toContain(`| ${t} | ${s.pairs} (${s.moved} / ${s.events} / ${s.clusters}) |`);
        expect(text).toContain(`| ${s.crps_pct.toFixed(2)} (${s.nc_crps_pct.toFixed(2)}) |`);
        expect(text).toContain(`| ${(100 * s.coverage90.value!).toFixed(1)}% [`);
      }
    }
  });
});
