// The one parser of /v1/history rows (widgets and the PWA's worker), on rows of the repository's own history.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { historyRows } from "./history-rows";

const HISTORY = JSON.parse(readFileSync(join(import.meta.dirname, "../../data/history.json"), "utf8")) as {
  observations: Array<Record<string, unknown>>;
};
// GPT-4o's rows in the feed's column shape, newest first to show the sort.
const GPT4O = HISTORY.observations.filter((o) => o.ticker === "GPT-4O").reverse();

describe("historyRows", () => {
  it("keeps every well-formed row, oldest first, with its provenance", () => {
    const rows = historyRows(GPT4O);
    expect(rows.length).toBe(GPT4O.length);
    expect(rows.map((r) => r.effective_at)).toEqual([...rows.map((r) => r.effective_at)].sort());
    // The earliest day's first row in the order given (the sort is stable).
    const first = GPT4O.find((o) => o.effective_at === rows[0]!.effective_at)!;
    expect(first.effective_at).toBe(GPT4O.map((o) => o.effective_at as string).sort()[0]);
    const { field, value, effective_at, observed_at, kind, source, provenance, confidence } = first;
    expect(rows[0]).toEqual({ field, value, effective_at, observed_at, kind, source, provenance, confidence });
  });

  it("keeps one field's rows (and rows that name none) when asked", () => {
    const out = historyRows(GPT4O, "output");
    expect(out.length).toBe(GPT4O.filter((o) => o.field === "output").length);
    expect(out.every((r) => r.field === "output")).toBe(true);
    const unnamed = historyRows([{ value: 2.5, effective_at: "2024-05-13" }], "output");
    expect(unnamed).toMatchObject([{ field: "output", value: 2.5 }]);
  });

  it("drops a row without a finite value or a real day, and anything that is not a row", () => {
    const ok = { field: "output", value: 10, effective_at: "2024-08-06", kind: "cut" };
    const at = (effective_at: string) => ({ ...ok, effective_at });
    const rows = historyRows([
      ok,
      null,
      7,
      "x",
      { ...ok, value: "10" },
      { ...ok, value: Number.NaN },
      at("2025-02-30"),
      at("2025-13-01"),
      at("06/08/2024"),
      at("2024-08-07T09:30:00Z"),
    ]);
    expect(rows.map((r) => [r.effective_at, r.value, r.kind, r.source])).toEqual([
      ["2024-08-06", 10, "cut", ""],
      ["2024-08-07", 10, "cut", ""],
    ]);
  });
});
