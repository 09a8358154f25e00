import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseModelsDev } from "./source-models-dev";
import type { ParseResult, QuoteField } from "./types";

const TEXT = readFileSync(new URL("../../data/archives/models-dev/api.json", import.meta.url), "utf8");
const real = parseModelsDev(TEXT);

const values = (r: ParseResult, provider: string, model: string, field: QuoteField, tier?: number): number[] =>
  r.quotes
    .filter((q) => q.provider === provider && q.model_id === model && q.field === field && q.tier_above === tier)
    .map((q) => q.usd_per_m);
const codeOf = (text: string): string | undefined => {
  try {
    parseModelsDev(text);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe("models.dev adapter on the recorded payload", () => {
  it("reads per-1M costs: anthropic claude-sonnet-4-5 = 3 / 15 / read 0.3 / write 3.75", () => {
    expect(values(real, "anthropic", "claude-sonnet-4-5", "input")).toEqual([3]);
    expect(values(real, "anthropic", "claude-sonnet-4-5", "output")).toEqual([15]);
    expect(values(real, "anthropic", "claude-sonnet-4-5", "cache_read")).toEqual([0.3]);
    expect(values(real, "anthropic", "claude-sonnet-4-5", "cache_write_5m")).toEqual([3.75]);
  });

  it("reads context tiers: gemini-2.5-pro above 200k = 2.5 / 15 / 0.25", () => {
    expect(values(real, "google", "gemini-2.5-pro", "input", 200_000)).toEqual([2.5]);
    expect(values(real, "google", "gemini-2.5-pro", "output", 200_000)).toEqual([15]);
    expect(values(real, "google", "gemini-2.5-pro", "cache_read", 200_000)).toEqual([0.25]);
    expect(values(real, "google", "gemini-2.5-pro", "input")).toEqual([1.25]);
  });

  it("takes togetherai's cached_input as the cache-read price", () => {
    expect(values(real, "togetherai", "Qwen/Qwen3.7-Max", "cache_read")).toEqual([0.13]);
  });

  it("sees models without a cost block but quotes nothing for them", () => {
    expect(real.models).toContain("openai:gpt-image-1");
    expect(real.quotes.some((q) => q.model_id === "gpt-image-1")).toBe(false);
    expect(real.models).toHaveLength(202);
    expect(real.rejected).toEqual([]);
  });
});

describe("models.dev adapter: model facts", () => {
  it("states limits, release date, reasoning and a deprecated status (anthropic claude-3-7-sonnet-20250219)", () => {
    expect(real.info?.["anthropic:claude-3-7-sonnet-20250219"]).toEqual({
      context_window: 200000,
      max_output: 64000,
      release_date: "2025-02-19",
      reasoning: true,
      deprecated: true,
    });
  });
});

describe("models.dev adapter on broken payloads", () => {
  it("fails the whole payload when it is empty or no provider has models", () => {
    expect(codeOf("{}")).toBe("E_SOURCE_EMPTY");
    expect(codeOf("[]")).toBe("E_SOURCE_SCHEMA");
    expect(codeOf('{"anthropic": {"name": "Anthropic"}}')).toBe("E_SOURCE_SCHEMA");
    expect(codeOf(TEXT.slice(0, -200))).toBe("E_SOURCE_TRUNCATED");
  });

  it("rejects a junk cost alone and a bad tier alone", () => {
    const d = JSON.parse(TEXT) as Record<string, { models: Record<string, { cost?: Record<string, unknown> }> }>;
    d.openai!.models["gpt-4.1"]!.cost!.output = "8 dollars";
    d.google!.models["gemini-2.5-pro"]!.cost!.tiers = [{ tier: { size: "big" }, input: 2.5 }];
    const r = parseModelsDev(JSON.stringify(d));
    expect(r.rejected.map((x) => [x.model_id, x.field, x.code])).toEqual([
      ["gpt-4.1", "output", "E_QUOTE_JUNK"],
      ["gemini-2.5-pro", undefined, "E_QUOTE_SCHEMA"],
    ]);
    expect(values(r, "openai", "gpt-4.1", "input")).toEqual([2]);
    expect(values(r, "google", "gemini-2.5-pro", "input")).toEqual([1.25]);
  });
});
