import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { monthlyOrigins } from "../forecast/tier-calibration";
import type { HistoryFile } from "../schemas/observation";
import { forecastPairs, type ForecastPair } from "./backtest-pairs";

const history = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../../data/history.json"), "utf8"),
) as HistoryFile;
const forecastOf = (p: ForecastPair) => [p.target, p.id, p.origin, p.tenor, p.spot, p.mean, p.median, p.q, p.p_change];

describe("forecastPairs", () => {
  it("origins are the month-starts after the first observation", () => {
    expect(monthlyOrigins("2023-03-01", "2023-06-15")).toEqual(["2023-04-01", "2023-05-01", "2023-06-01"]);
    expect(monthlyOrigins("2023-11-20", "2024-01-01")).toEqual(["2023-12-01", "2024-01-01"]);
  });

  it.each([
    ["the published calibration", undefined],
    ["the walk-forward calibration", "walk-forward" as const],
  ])("no look-ahead with %s: every forecast made by 2025-06-01 is the same when the history stops there", (_, cal) => {
    const D = "2025-06-01";
    const opts = { families: history.families, eval_end: "2025-10-01", ...(cal ? { tier_calibration: cal } : {}) };
    const full = forecastPairs({ observations: history.observations, ...opts }).filter((p) => p.origin <= D);
    const cut = forecastPairs({
      observations: history.observations.filter((o) => o.effective_at <= D),
      ...opts,
    }).filter((p) => p.origin <= D);
    // Pairs whose horizon ends after D see a different actual; the forecasts themselves must not move.
    expect(cut.map(forecastOf)).toEqual(full.map(forecastOf));
  });

  it("a ticker that never moves is forecast at its spot with the atom on it, and scored perfectly by no change", () => {
    const obs = [
      {
        ticker: "X",
        family: "f",
        field: "output" as const,
        value: 10,
        effective_at: "2024-01-15",
        kind: "launch" as const,
      },
    ];
    const pairs = forecastPairs({ observations: obs, families: { f: { provider: "p" } }, eval_end: "2024-12-31" });
    const x = pairs.filter((p) => p.target === "ticker");
    // Origins Feb … Dec 2024; a 1M horizon fits after each of them but the last (Dec 1 + 30.4 days > Dec 31).
    expect(x.filter((p) => p.tenor === "1M").length).toBe(10);
    for (const p of x) {
      expect([p.spot, p.actual, p.median]).toEqual([10, 10, 10]);
      expect(p.pit[0]).toBeLessThan(p.pit[1]); // the outcome sits on the atom: a randomized PIT interval
      expect(p.events).toBeUndefined();
    }
  });
});
