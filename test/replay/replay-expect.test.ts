// The replay's reading of the archives (harness/replay-expect.ts, harness/replay-archives.ts) on hand-made series
// and files, so each rule can be checked by eye: glitches, real changes and their confirmation day, the llm-prices
// site build and the copy in effect on a day.
import { describe, expect, it } from "vitest";
import { buildLlmPricesSite, dayInEffect, type Archive } from "../../harness/replay-archives";
import { findGlitches, findRealChanges, unquotedSpells, type FieldSeries } from "../../harness/replay-expect";

const days = ["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05", "2026-01-06"];
const series = (ticker: string, a: (number | undefined)[], b: (number | undefined)[] = []): [string, FieldSeries] => {
  const bySource = new Map([["genai-prices", a]]);
  if (b.length) bySource.set("llm-prices", b);
  const consensus = a.map((x, i) => (x === undefined ? b[i] : b[i] === undefined ? x : Math.min(x, b[i]!)));
  const origins = a.map((x, i) => (x === undefined ? 0 : 1) + (b[i] === undefined ? 0 : 1));
  return [`${ticker}|output`, { ticker, field: "output", consensus, bySource, origins }];
};

describe("findGlitches and findRealChanges", () => {
  it("a ×1000 jump that comes back within 7 days is a glitch, not a change", () => {
    const s = new Map([series("A", [8, 8, 8000, 8000, 8, 8])]);
    const g = findGlitches(s, days);
    expect(g).toEqual([
      {
        ticker: "A",
        field: "output",
        source: "genai-prices",
        day: "2026-01-03",
        from: 8,
        value: 8000,
        reverted_on: "2026-01-05",
      },
    ]);
    expect(findRealChanges(s, days, () => 8, g)).toEqual([]);
  });

  it("a cut that holds is a change confirmed on its day; a 10× one waits for a second origin", () => {
    const s = new Map([series("A", [8, 8, 4, 4, 4, 4]), series("B", [1, 20, 20, 20, 20, 20], [1, 1, 1, 20, 20, 20])]);
    const real = findRealChanges(s, days, () => undefined, findGlitches(s, days));
    expect(real).toEqual([
      { ticker: "A", field: "output", day: "2026-01-03", confirmed_on: "2026-01-03", from: 8, value: 4 },
      { ticker: "B", field: "output", day: "2026-01-04", confirmed_on: "2026-01-04", from: 1, value: 20 },
    ]);
  });

  it("a 10× move one origin never confirms leaves the last confirmed value as the reference", () => {
    const s = new Map([series("A", [0.27, 0.014, 0.014, 0.27, 0.27, 0.27])]);
    expect(findRealChanges(s, days, () => 0.27, [])).toEqual([]);
  });

  it("flags a ticker no origin quotes for 14 days in a row", () => {
    const long = Array.from({ length: 20 }, (_, i) => `2026-02-${String(i + 1).padStart(2, "0")}`);
    const vals = long.map((_, i) => (i < 3 ? 5 : undefined));
    const s = new Map([series("A", vals)]);
    expect(unquotedSpells(s, long, new Set(["A"]))).toEqual([
      { ticker: "A", last_quoted: "2026-02-03", flagged_from: "2026-02-17" },
    ]);
  });
});

describe("replay archives", () => {
  it("serves the last copy dated on or before the day", () => {
    const a: Archive = { id: "llm-prices", days: ["2025-10-10", "2025-10-15"], commits: new Map() };
    expect([dayInEffect(a, "2025-10-09"), dayInEffect(a, "2025-10-14"), dayInEffect(a, "2025-10-15")]).toEqual([
      null,
      "2025-10-10",
      "2025-10-15",
    ]);
  });

  it("builds llm-prices current (the period in force) and historical (every period) from vendor files", () => {
    const vendor = {
      vendor: "openai",
      models: [
        {
          id: "gpt-x",
          name: "GPT X",
          price_history: [
            { input: 2, output: 8, input_cached: 0.5, from_date: "2025-10-12", to_date: null },
            { input: 3, output: 12, input_cached: null, from_date: null, to_date: "2025-10-12" },
          ],
        },
      ],
    };
    const text = JSON.stringify({ commit: "x", files: { "openai.json": vendor } });
    const before = JSON.parse(buildLlmPricesSite(text, "2025-10-11").current);
    const after = JSON.parse(buildLlmPricesSite(text, "2025-10-12").current);
    expect(before.prices).toEqual([
      { id: "gpt-x", vendor: "openai", name: "GPT X", input: 3, output: 12, input_cached: null },
    ]);
    expect(after.prices[0]).toMatchObject({ input: 2, output: 8, input_cached: 0.5 });
    expect(JSON.parse(buildLlmPricesSite(text, "2025-10-12").historical).prices).toHaveLength(2);
  });
});
