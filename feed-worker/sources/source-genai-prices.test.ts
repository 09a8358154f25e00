import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { quotesInEffect } from "./quotes-in-effect";
import { gunzipSync } from "node:zlib";
import { resolve } from "node:path";
import { SHARED_DIR } from "../../harness/shared-path";
import { genaiPricesFormat, parseGenaiPrices } from "./source-genai-prices";
import type { ParseResult, QuoteField, SourceQuote } from "./types";

const TEXT = readFileSync(new URL("../../data/archives/genai-prices/data.json", import.meta.url), "utf8");
const real = parseGenaiPrices(TEXT);

type Provider = { id: string; models: { id: string; prices: unknown }[] };
const mutate = (fn: (d: Provider[]) => void): string => {
  const d = JSON.parse(TEXT) as Provider[];
  fn(d);
  return JSON.stringify(d);
};
const quotes = (r: ParseResult, provider: string, model: string, field: QuoteField): SourceQuote[] =>
  r.quotes.filter((q) => q.provider === provider && q.model_id === model && q.field === field);
const codeOf = (text: string): string | undefined => {
  try {
    parseGenaiPrices(text);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe("genai-prices adapter on the recorded payload", () => {
  it("reads plain per-1M prices: openai gpt-4.1 = 2 / 8 / cached 0.5", () => {
    expect(quotes(real, "openai", "gpt-4.1", "input").map((q) => q.usd_per_m)).toEqual([2]);
    expect(quotes(real, "openai", "gpt-4.1", "output").map((q) => q.usd_per_m)).toEqual([8]);
    expect(quotes(real, "openai", "gpt-4.1", "cache_read").map((q) => q.usd_per_m)).toEqual([0.5]);
  });

  it("reads tiered prices: Claude Sonnet 4.5 cache write 5m 3.75, 1h 6, input above 200k 6", () => {
    const cw = quotes(real, "anthropic", "claude-sonnet-4-5", "cache_write_5m");
    expect(cw.find((q) => q.tier_above === undefined)?.usd_per_m).toBe(3.75);
    expect(cw.find((q) => q.tier_above === 200_000)?.usd_per_m).toBe(7.5);
    expect(quotes(real, "anthropic", "claude-sonnet-4-5", "cache_write_1h").find((q) => !q.tier_above)?.usd_per_m).toBe(
      6,
    );
    expect(
      quotes(real, "anthropic", "claude-sonnet-4-5", "input").find((q) => q.tier_above === 200_000)?.usd_per_m,
    ).toBe(6);
  });

  it("chains dated price sets into effective ranges: o3's 2025-06-10 cut from 10/40 to 2/8", () => {
    const input = quotes(real, "openai", "o3", "input");
    expect(input).toEqual([
      expect.objectContaining({ usd_per_m: 10, effective_to: "2025-06-10" }),
      expect.objectContaining({ usd_per_m: 2, effective_from: "2025-06-10" }),
    ]);
    expect(input[0]?.effective_from).toBeUndefined();
    expect(quotesInEffect(quotes(real, "openai", "o3", "output"), "2026-08-21").map((q) => q.usd_per_m)).toEqual([8]);
  });

  it("keeps a scheduled price: Claude Sonnet 5 input 2 until 2026-09-01, then 3", () => {
    const input = quotes(real, "anthropic", "claude-sonnet-5", "input");
    expect(quotesInEffect(input, "2026-08-21").map((q) => q.usd_per_m)).toEqual([2]);
    expect(quotesInEffect(input, "2026-09-01").map((q) => q.usd_per_m)).toEqual([3]);
  });

  it("records that Opus 4.6's 200k tier ended on 2026-03-13", () => {
    const tier = quotes(real, "anthropic", "claude-opus-4-6", "input").filter((q) => q.tier_above === 200_000);
    expect(tier).toEqual([expect.objectContaining({ usd_per_m: 10, effective_to: "2026-03-13" })]);
    expect(quotesInEffect(quotes(real, "anthropic", "claude-opus-4-6", "input"), "2026-08-21")).toEqual([
      expect.objectContaining({ usd_per_m: 5, effective_from: "2026-03-13" }),
    ]);
  });

  it("quotes DeepSeek's standard-hours price (16 h window 00:30–16:30 UTC), not the off-peak discount", () => {
    expect(quotes(real, "deepseek", "deepseek-chat", "input").map((q) => q.usd_per_m)).toEqual([0.27]);
    expect(quotes(real, "deepseek", "deepseek-chat", "output").map((q) => q.usd_per_m)).toEqual([1.1]);
    expect(quotes(real, "deepseek", "deepseek-reasoner", "cache_read").map((q) => q.usd_per_m)).toEqual([0.14]);
  });

  it("keeps DeepSeek's off-peak price as an off-hours window of the model (16:30–00:30 UTC), not a quote", () => {
    const offPeak = { input: 0.135, cache_read: 0.035, output: 0.55 };
    const windows = real.info?.["deepseek:deepseek-chat"]?.windows;
    expect(windows).toEqual([{ start_utc: "16:30", end_utc: "00:30", prices: offPeak }]);
    expect(real.info?.["deepseek:deepseek-chat"]?.context_window).toBe(64000);
  });

  it("counts models as provider:id (the same id under two providers is two models) and rejects nothing", () => {
    expect(real.models).toContain("anthropic:claude-opus-4-6");
    expect(real.models).toContain("google:claude-opus-4-6");
    expect(new Set(real.models).size).toBe(real.models.length);
    expect(real.rejected).toEqual([]);
  });

  it("sees a model with no prices (google gemma-3) without quoting it", () => {
    expect(real.models).toContain("google:gemma-3");
    expect(real.quotes.some((q) => q.model_id === "gemma-3")).toBe(false);
  });
});

describe("genai-prices adapter on broken payloads", () => {
  it("fails the whole payload when it is not an array of providers", () => {
    expect(codeOf("[]")).toBe("E_SOURCE_EMPTY");
    expect(codeOf('{"providers": []}')).toBe("E_SOURCE_SCHEMA");
    expect(codeOf("[1, 2, 3]")).toBe("E_SOURCE_SCHEMA");
    expect(codeOf(TEXT.slice(0, 1000))).toBe("E_SOURCE_TRUNCATED");
    expect(codeOf("<!doctype html><title>Rate limited</title>")).toBe("E_SOURCE_CONTENT_TYPE");
  });

  it("rejects a malformed model or price alone", () => {
    const r = parseGenaiPrices(
      mutate((d) => {
        const openai = d.find((p) => p.id === "openai")!;
        openai.models.find((m) => m.id === "gpt-4o")!.prices = "ask sales";
        const o4 = openai.models.find((m) => m.id === "o4-mini")!;
        o4.prices = { input_mtok: { tiers: "oops" }, output_mtok: 4.4 };
      }),
    );
    expect(r.rejected.map((x) => [x.model_id, x.code])).toEqual([
      ["openai:gpt-4o", "E_QUOTE_SCHEMA"],
      ["o4-mini", "E_QUOTE_JUNK"],
    ]);
    expect(quotes(r, "openai", "o4-mini", "output").map((q) => q.usd_per_m)).toEqual([4.4]);
    expect(quotes(r, "openai", "gpt-4.1", "output").map((q) => q.usd_per_m)).toEqual([8]);
  });

  it("rejects a provider without an id alone", () => {
    const r = parseGenaiPrices(mutate((d) => delete (d[0] as Partial<Provider>).id));
    expect(r.rejected).toEqual([expect.objectContaining({ model_id: "provider#0", code: "E_QUOTE_SCHEMA" })]);
    expect(r.models.some((m) => m.startsWith("anthropic:"))).toBe(false);
    expect(quotes(r, "openai", "gpt-4.1", "output")).toHaveLength(1);
  });
});

describe("genai-prices formats v1 and v2, detected by content", () => {
  const replay = (f: string) => gunzipSync(readFileSync(resolve(SHARED_DIR, "reference/replay", f))).toString("utf8");

  it("reads the last v1 file (2026-07-25) and a v2 file (2026-08-21) with no rejection, and says which is which", () => {
    const v1 = parseGenaiPrices(replay("genai-prices-v1/2026-07-25.json.gz"));
    const v2 = parseGenaiPrices(replay("genai-prices-v2/2026-08-21.json.gz"));
    expect([v1.format, v1.models.length, v1.quotes.length, v1.rejected.length]).toEqual(["v1", 1442, 3095, 0]);
    expect([v2.format, v2.models.length, v2.quotes.length, v2.rejected.length]).toEqual(["v2", 1466, 3228, 0]);
    expect(real.format).toBe("v2"); // the bundled archive is the v2 feed
  });

  it("calls a payload v2 as soon as one model prices a v2-only class (a 1-hour cache write)", () => {
    expect(genaiPricesFormat([{ id: "a", models: [{ id: "m", prices: { input_mtok: 1 } }] }])).toBe("v1");
    expect(
      genaiPricesFormat([{ id: "a", models: [{ id: "m", prices: [{ prices: { cache_write_1h_mtok: 2 } }] }] }]),
    ).toBe("v2");
  });
});
