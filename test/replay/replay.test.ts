// The short replay in `npm test`: real archive days through today's pipeline (harness/replay-run.ts, the engine of
// `npm run replay`), with pinned dates so the result never depends on today's. Two windows (24 runs in all):
// - 2025-06-28 → 2025-07-05 (8 days): the genai-prices v1 copy in effect (2025-06-23) files mistral-small-latest at
//   $2/$6 (the curated $0.10/$0.30 ×20) and deepseek-chat at $0.014/$0.028 (the curated $0.27/$1.10 ÷19) until
//   its 2025-07-04 copy puts them back; the same copy moves gpt-4o from $5/$15 to $2.50/$10 and gpt-3.5-turbo from
//   $1.50/$2 to $0.50/$1.50 for good.
// - 2025-10-14 → 2025-10-17 (4 days): Claude Haiku 4.5 (released 2025-10-15, after the cut) appears in genai-prices
//   on 2025-10-15 and in llm-prices on 2025-10-16: listed that day at the second poll (two polls ≥ 1 h apart).
import { beforeAll, describe, expect, it } from "vitest";
import { expectedSeries } from "../../harness/replay-expect";
import { replayReport, type ReplayReport } from "../../harness/replay-report";
import { runReplay, type ReplayRun } from "../../harness/replay-run";

async function replay(from: string, to: string): Promise<{ run: ReplayRun; report: ReplayReport }> {
  const run = await runReplay({ from, to });
  return { run, report: replayReport(run, await expectedSeries(run.archives, run.fullRegistry, run.days)) };
}

const published = (run: ReplayRun, ticker: string, field: string) =>
  run.changes.filter((c) => c.kind === "price_change" && c.ticker === ticker && c.field === field);

describe("replay 2025-06-28 → 2025-07-05: a ×20 wrong file and a real change", () => {
  let r: { run: ReplayRun; report: ReplayReport };
  beforeAll(async () => {
    r = await replay("2025-06-28", "2025-07-05");
  }, 120_000);

  it("runs two polls a day on the pinned days, from the curated registry cut", () => {
    expect(r.report.pipeline.runs).toBe(16);
    expect(r.report.range).toMatchObject({ from: "2025-06-28", to: "2025-07-05", days: 8 });
    // 35 curated models were released before 2025-06-28 (data/registry.json release_date).
    expect(r.report.cut.tickers).toHaveLength(35);
    expect(r.report.cut.tickers).toContain("GPT-4O");
    expect(r.report.cut.tickers).not.toContain("GROK-4");
    expect(r.run.served).toContain("genai-prices-v1/2025-06-23");
    expect(r.run.served).toContain("genai-prices-v1/2025-07-04");
  });

  it("publishes none of the ×20 values, and no glitch", () => {
    expect(r.report.glitches.published).toEqual([]);
    const refused: string[] = [];
    for (const [ticker, field, wrong] of [
      ["MISTRAL-SMALL-3.2", "input", 2],
      ["MISTRAL-SMALL-3.2", "output", 6],
      ["DEEPSEEK-V3", "input", 0.014],
      ["DEEPSEEK-V3", "output", 0.028],
    ] as const) {
      expect(published(r.run, ticker, field)).toEqual([]);
      // The guard judges every field against the row's published partner (an input 20× its own output's ratio is
      // refused before the breaker sees it); a ×20 value that passes the guard is held by the breaker on its first
      // poll and never confirmed. Either way nothing is published.
      const held = r.report.glitches.ten_x_holds.find((h) => h.ticker === ticker && h.field === field);
      if (held) expect(held).toMatchObject({ to: wrong, held_at: "2025-06-28T06:00:00.000Z", published_at: null });
      else refused.push(`${ticker} ${field}`);
    }
    // At least one ×20 pair passes the guard and reaches the breaker, so both layers are exercised.
    expect(refused.length).toBeLessThan(4);
  });

  it("publishes every confirmed real change within 1 day (here on its day, at the second poll)", () => {
    const real = r.report.price_changes.real.map(
      (c) => `${c.ticker} ${c.field} ${c.from}→${c.value} ${c.published_on}`,
    );
    expect(real.sort()).toEqual([
      "GPT-3.5-TURBO input 1.5→0.5 2025-07-04",
      "GPT-3.5-TURBO output 2→1.5 2025-07-04",
      "GPT-4O input 5→2.5 2025-07-04",
      "GPT-4O output 15→10 2025-07-04",
    ]);
    expect(r.report.price_changes.real_published_within_1_day).toBe(4);
    expect(published(r.run, "GPT-4O", "output").at(-1)).toMatchObject({
      at: "2025-07-04T18:00:00.000Z",
      from_value: 15,
      to_value: 10,
    });
  });

  it("reports the snapshot size per day", () => {
    expect(r.report.snapshots).toHaveLength(8);
    expect(r.report.snapshots.every((s) => s.models === 35 && s.gzip_bytes > 0 && s.gzip_bytes < s.raw_bytes)).toBe(
      true,
    );
  });
});

describe("replay 2025-10-14 → 2025-10-17: a model launched after the cut", () => {
  let r: { run: ReplayRun; report: ReplayReport };
  beforeAll(async () => {
    r = await replay("2025-10-14", "2025-10-17");
  }, 120_000);

  it("finds the model outside the cut and its first day in both archives", () => {
    expect(r.report.cut.tickers).not.toContain("HAIKU-4.5");
    const two = r.report.listing.expected.filter((e) => e.first_in_two_sources !== null);
    expect(two.map((e) => [e.ticker, e.first_quoted, e.first_in_two_sources])).toEqual([
      ["HAIKU-4.5", "2025-10-15", "2025-10-16"],
    ]);
  });

  // The living universe lists by itself: every model both archives quote at one price, within 1 day of that day,
  // under the curated ticker when the curated registry has the model.
  it("lists HAIKU-4.5 on its first day in both archives, under the curated ticker, provisional", () => {
    const { listing } = r.report;
    expect(listing.pipeline_lists).toBe(true);
    const two = listing.expected.filter((e) => e.first_in_two_sources !== null);
    expect(listing.two_source_models_listed_within_1_day).toBe(two.length);
    expect(listing.expected.find((e) => e.ticker === "HAIKU-4.5")).toMatchObject({
      listed_on: "2025-10-16",
      lag_days: 0,
    });
    expect(listing.listed.find((l) => l.ticker === "HAIKU-4.5")).toMatchObject({
      curated_ticker: "HAIKU-4.5",
      ticker_equals_curated: true,
    });
    expect(listing.share_ticker_equals_curated).toBeGreaterThanOrEqual(0.9);
    const listed = r.run.changes.filter((c) => c.kind === "listed").map((c) => `${c.ticker} ${c.at.slice(0, 13)}`);
    console.log(`replay 2025-10-14 → 2025-10-17 listed: ${listed.join(", ")}`);
    expect(listed).toContain("HAIKU-4.5 2025-10-16T18");
    const last = r.run.snapshots.at(-1)!.rows.find((row) => row.ticker === "HAIKU-4.5");
    expect(last?.lifecycle).toBe("provisional");
  });

  it("publishes every confirmed real change within 1 day and no glitch", () => {
    expect(r.report.glitches.published).toEqual([]);
    expect(r.report.price_changes.real_published_within_1_day).toBe(r.report.price_changes.real.length);
  });
});
