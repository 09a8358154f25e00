import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { quotesInEffect } from "./quotes-in-effect";
import { llmPricesAdapter, llmPricesHistoricalAdapter, parseLlmPrices } from "./source-llm-prices";
import type { ParseResult, QuoteField } from "./types";

const fixture = (name: string): string =>
  readFileSync(new URL(`../../data/archives/llm-prices/${name}`, import.meta.url), "utf8");
const CURRENT = fixture("current-v1.json");
const HISTORICAL = fixture("historical-v1.json");
const current = llmPricesAdapter.parse(CURRENT);
const historical = llmPricesHistoricalAdapter.parse(HISTORICAL);

const values = (r: ParseResult, model: string, field: QuoteField, tier?: number): number[] =>
  r.quotes.filter((q) => q.model_id === model && q.field === field && q.tier_above === tier).map((q) => q.usd_per_m);
const codeOf = (text: string): string | undefined => {
  try {
    parseLlmPrices(text, "llm-prices");
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe("llm-prices current-v1.json", () => {
  it("reads per-1M prices: gpt-4.1 = 2 / 8 / cached 0.5, vendor as provider", () => {
    expect(values(current, "gpt-4.1", "input")).toEqual([2]);
    expect(values(current, "gpt-4.1", "output")).toEqual([8]);
    expect(values(current, "gpt-4.1", "cache_read")).toEqual([0.5]);
    expect(current.quotes.find((q) => q.model_id === "gpt-4.1")?.provider).toBe("openai");
  });

  it("folds a '>272k' row into its base model as a tier: gpt-5.4 above 272k = 5 / 22.5", () => {
    expect(values(current, "gpt-5.4", "input", 272_000)).toEqual([5]);
    expect(values(current, "gpt-5.4", "output", 272_000)).toEqual([22.5]);
    expect(current.quotes.some((q) => q.model_id === "gpt-5.4-272k")).toBe(false);
  });

  it("keeps an id that merely ends in digits-k when the name does not say '>' (no false tier)", () => {
    const r = parseLlmPrices(
      JSON.stringify({
        prices: [{ id: "model-8k", vendor: "x", name: "Model 8K", input: 1, output: 2, input_cached: null }],
      }),
      "llm-prices",
    );
    expect(r.quotes.map((q) => [q.model_id, q.tier_above])).toEqual([
      ["model-8k", undefined],
      ["model-8k", undefined],
    ]);
  });

  it("lists grok-4-fast twice with the same prices; the duplicate is folded, not flagged", () => {
    expect(values(current, "grok-4-fast", "input")).toEqual([0.2]);
    expect(current.rejected).toEqual([]);
    expect(current.models).toHaveLength(141); // 142 rows, one id listed twice
  });
});

describe("llm-prices historical-v1.json", () => {
  it("gives each period its from/to dates: deepseek-chat 0.14 until 2025-02-08, then 0.27", () => {
    const input = historical.quotes.filter((q) => q.model_id === "deepseek-chat" && q.field === "input");
    expect(input).toEqual([
      expect.objectContaining({ usd_per_m: 0.27, effective_from: "2025-02-08", source: "llm-prices-historical" }),
      expect.objectContaining({ usd_per_m: 0.14, effective_to: "2025-02-08" }),
    ]);
    expect(quotesInEffect(input, "2025-01-01").map((q) => q.usd_per_m)).toEqual([0.14]);
  });

  it("dates tier rows too: gpt-5.6-luna above 272k was 2 before 2026-07-30 and 0.4 from then", () => {
    const tier = historical.quotes.filter(
      (q) => q.model_id === "gpt-5.6-luna" && q.field === "input" && q.tier_above === 272_000,
    );
    expect(quotesInEffect(tier, "2026-07-29").map((q) => q.usd_per_m)).toEqual([2]);
    expect(quotesInEffect(tier, "2026-07-30").map((q) => q.usd_per_m)).toEqual([0.4]);
  });
});

describe("llm-prices on broken payloads", () => {
  it("fails the whole payload when it is not { prices: [...] }", () => {
    expect(codeOf('{"prices": []}')).toBe("E_SOURCE_EMPTY");
    expect(codeOf('{"updated_at": "2026-08-05"}')).toBe("E_SOURCE_SCHEMA");
    expect(codeOf('{"prices": [1, 2]}')).toBe("E_SOURCE_SCHEMA");
    expect(codeOf(CURRENT.slice(0, 500))).toBe("E_SOURCE_TRUNCATED");
  });

  it("rejects an entry missing its id alone, and a bad date alone", () => {
    const d = JSON.parse(CURRENT) as { prices: Record<string, unknown>[] };
    delete d.prices[0]!.id;
    d.prices[1]!.from_date = "last tuesday";
    const r = parseLlmPrices(JSON.stringify(d), "llm-prices");
    expect(r.rejected.map((x) => [x.model_id, x.code])).toEqual([
      ["entry#0", "E_QUOTE_SCHEMA"],
      ["amazon-nova-lite", "E_QUOTE_SCHEMA"],
    ]);
    expect(values(r, "gpt-4.1", "output")).toEqual([8]);
  });
});
