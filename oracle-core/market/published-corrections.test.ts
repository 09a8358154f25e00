import { describe, expect, it } from "vitest";
import type { MarketObservation } from "./price-timelines";
import { publishedCorrections } from "./published-corrections";

const obs: MarketObservation[] = [
  { ticker: "A", family: "f", field: "output", value: 0.28, effective_at: "2026-04-24", kind: "launch" },
  { ticker: "A", family: "f", field: "output", value: 0.66, effective_at: "2026-08-17", kind: "rise" },
  { ticker: "B", family: "g", field: "output", value: 5, effective_at: "2026-01-01", kind: "launch" },
  { ticker: "C", family: "g", field: "output", value: 2, effective_at: "2026-10-01", kind: "launch" },
];

describe("publishedCorrections", () => {
  it("lets the published β win from the data's as-of date where the history disagrees; agreeing rows need nothing", () => {
    const rows = [
      { ticker: "A", family: "f", beta: 0.28 },
      { ticker: "B", family: "g", beta: 5 },
    ];
    expect(publishedCorrections(obs, rows, "2026-08-21", "2026-11-24")).toEqual([
      { ticker: "A", family: "f", field: "output", value: 0.28, effective_at: "2026-08-21", kind: "change" },
    ]);
  });

  it("applies from the valuation date when the history moved after the as-of date, and skips unpriced rows", () => {
    const rows = [
      { ticker: "C", family: "g", beta: 3 },
      { ticker: "Z", family: "z", beta: 1 },
    ];
    expect(publishedCorrections(obs, rows, "2026-08-21", "2026-11-24")).toEqual([
      { ticker: "C", family: "g", field: "output", value: 3, effective_at: "2026-11-24", kind: "change" },
    ]);
  });
});
