import { describe, expect, it } from "vitest";
import type { PriceQuote, QuoteField } from "./price-quote";
import { checkRatios } from "./ratio-check";

const q = (field: QuoteField, usd_per_m: number, over: Partial<PriceQuote> = {}): PriceQuote => ({
  model_id: "m",
  field,
  usd_per_m,
  ...over,
});
const rejectedFields = (quotes: PriceQuote[]): string[] =>
  checkRatios(quotes).rejected.map((r) => `${r.field}:${r.code}`);

describe("checkRatios", () => {
  it("rejects input above 2× output, and only the input", () => {
    const quotes = [q("input", 100), q("output", 0.4), q("cache_read", 0.025)];
    const r = checkRatios(quotes);
    expect(r.rejected).toEqual([
      {
        model_id: "m",
        field: "input",
        code: "E_RATIO_BOUNDS",
        reason: "input 100 USD/M is more than 2× the output price (output 0.4)",
      },
    ]);
    expect(r.kept.map((x) => x.field)).toEqual(["output", "cache_read"]);
  });

  it("accepts input at exactly 2× output and rejects it just above", () => {
    expect(rejectedFields([q("input", 8), q("output", 4)])).toEqual([]);
    expect(rejectedFields([q("input", 8.1), q("output", 4)])).toEqual(["input:E_RATIO_BOUNDS"]);
  });

  it("rejects cache_read above input, accepts equal", () => {
    expect(rejectedFields([q("input", 2), q("cache_read", 2.5)])).toEqual(["cache_read:E_RATIO_BOUNDS"]);
    expect(rejectedFields([q("input", 2), q("cache_read", 2)])).toEqual([]);
  });

  it("rejects batch prices above the synchronous ones", () => {
    expect(rejectedFields([q("input", 2), q("output", 8), q("batch_input", 3), q("batch_output", 4)])).toEqual([
      "batch_input:E_RATIO_BOUNDS",
    ]);
    expect(rejectedFields([q("input", 2), q("output", 8), q("batch_input", 1), q("batch_output", 9)])).toEqual([
      "batch_output:E_RATIO_BOUNDS",
    ]);
  });

  it("rejects the price that breaks several rules, not the sound prices it is compared with", () => {
    // gpt-4.1 with its input ÷1000: cache_read 0.5 and batch_input 1 both exceed 0.002, so the input is the culprit
    const r = checkRatios([
      q("input", 0.002),
      q("output", 8),
      q("cache_read", 0.5),
      q("batch_input", 1),
      q("batch_output", 4),
    ]);
    expect(r.rejected.map((x) => x.field)).toEqual(["input"]);
    expect(r.rejected[0]?.reason).toContain("out of line");
    // output ÷1000: input > 2× output and batch_output > output both point at the output
    expect(rejectedFields([q("input", 2), q("output", 0.008), q("batch_output", 4)])).toEqual([
      "output:E_RATIO_BOUNDS",
    ]);
  });

  it("compares only within the same provider, tier and effective range", () => {
    expect(rejectedFields([q("input", 10, { tier_above: 200_000 }), q("output", 4)])).toEqual([]);
    expect(rejectedFields([q("input", 10, { provider: "a" }), q("output", 4, { provider: "b" })])).toEqual([]);
    expect(
      rejectedFields([
        q("input", 10, { effective_to: "2025-06-10" }),
        q("output", 4, { effective_from: "2025-06-10" }),
      ]),
    ).toEqual([]);
    expect(rejectedFields([q("input", 10, { model_id: "a" }), q("output", 4, { model_id: "b" })])).toEqual([]);
  });

  it("has nothing to compare for a model with one price (embeddings)", () => {
    expect(rejectedFields([q("input", 0.13)])).toEqual([]);
  });
  it("keeps cache writes within 1–4× the input: OpenRouter's Gemini 0.083 beside input 0.5 is refused", () => {
    expect(rejectedFields([q("input", 0.5), q("output", 3), q("cache_write_5m", 0.0833333333333)])).toEqual([
      "cache_write_5m:E_RATIO_BOUNDS",
    ]);
    expect(rejectedFields([q("input", 3), q("cache_write_5m", 3.75), q("cache_write_1h", 6)])).toEqual([]);
    expect(rejectedFields([q("input", 3), q("cache_write_1h", 12.5)])).toEqual(["cache_write_1h:E_RATIO_BOUNDS"]);
  });

  it("refuses thinking above 10× output", () => {
    expect(rejectedFields([q("output", 2), q("thinking", 25)])).toEqual(["thinking:E_RATIO_BOUNDS"]);
    expect(rejectedFields([q("output", 2), q("thinking", 20)])).toEqual([]);
  });

  it("judges a quote against a partner an earlier rule refused, and never reports the refused one twice", () => {
    const input = q("input", 999);
    const output = q("output", 0.3);
    expect(checkRatios([input, output], new Set([output])).rejected.map((r) => r.field)).toEqual(["input"]);
    const cacheRead = q("cache_read", 0.5);
    const batch = q("batch_input", 1);
    const tiny = q("input", 0.002);
    // the refused input is the culprit of both rules: nothing new is reported
    expect(checkRatios([tiny, cacheRead, batch], new Set([tiny])).rejected).toEqual([]);
  });
});
