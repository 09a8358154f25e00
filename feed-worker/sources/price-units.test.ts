import { describe, expect, it } from "vitest";
import { detectContextUnit, detectUnit, parsePriceCell } from "./price-units";

describe("detectUnit", () => {
  it.each([
    ["$3.00 / MTok", "per_1m"],
    ["$0.30/1M tokens", "per_1m"],
    ["Paid Tier, per 1M tokens in USD", "per_1m"],
    ["Prices per million tokens (USD)", "per_1m"],
    ["Input (/M tokens)", "per_1m"],
    ["1M INPUT TOKENS (CACHE HIT)", "per_1m"],
    ["Price per 1K tokens", "per_1k"],
    ["$0.002 / 1K tokens", "per_1k"],
    ["per thousand tokens", "per_1k"],
    ["USD per token", "per_token"],
  ] as const)("%s → %s", (text, unit) => {
    expect(detectUnit(text)).toBe(unit);
  });

  it("does not mistake a context size for a unit", () => {
    expect(detectUnit("$1.25, prompts <= 200k tokens")).toBeUndefined();
    expect(detectUnit("Input")).toBeUndefined();
    expect(detectUnit("supports a 1M token context window")).toBeUndefined();
  });

  it("reads a unit from section prose only on lines about prices", () => {
    expect(detectContextUnit("Gemini 2.5 Flash \nOur hybrid model with a 1M tokens context window")).toBeUndefined();
    expect(detectContextUnit("Text tokens \nPrices per 1M tokens.")).toBe("per_1m");
    expect(detectContextUnit("The prices listed below are in units of per 1M tokens.")).toBe("per_1m");
  });

  it("takes the first unit stated when a text names two", () => {
    expect(detectUnit("per 1K tokens (that is $2 per 1M)")).toBe("per_1k");
  });
});

describe("parsePriceCell", () => {
  it("reads plain and unit-bearing amounts", () => {
    expect(parsePriceCell("$5.00")).toEqual({ prices: [{ value: 5 }] });
    expect(parsePriceCell("$18.75 / MTok")).toEqual({ prices: [{ value: 18.75, unit: "per_1m" }] });
    expect(parsePriceCell("$0.30/1M tokens")).toEqual({ prices: [{ value: 0.3, unit: "per_1m" }] });
    expect(parsePriceCell("0.40 USD")).toEqual({ prices: [{ value: 0.4 }] });
    expect(parsePriceCell("$1,200.00")).toEqual({ prices: [{ value: 1200 }] });
  });

  it("reads context tiers on separate lines", () => {
    expect(parsePriceCell("$1.25, prompts <= 200k tokens\n$2.50, prompts > 200k tokens").prices).toEqual([
      { value: 1.25 },
      { value: 2.5, tier_above: 200_000 },
    ]);
  });

  it("skips storage and audio-only lines, keeps the text rate", () => {
    expect(
      parsePriceCell("$0.03 (text / image / video)\n$0.1 (audio)\n$1.00 / 1,000,000 tokens per hour (storage price)")
        .prices,
    ).toEqual([{ value: 0.03 }]);
  });

  it("treats dashes and 'Not available' as no price, other words as junk", () => {
    expect(parsePriceCell("-")).toEqual({ prices: [] });
    expect(parsePriceCell("Not available")).toEqual({ prices: [] });
    expect(parsePriceCell("Free of charge")).toEqual({ prices: [] });
    expect(parsePriceCell("TBD").junk).toContain("TBD");
    expect(parsePriceCell("TBD").prices).toEqual([]);
  });
});
