import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLitellm } from "./source-litellm";
import type { ParseResult, QuoteField } from "./types";

const TEXT = readFileSync(
  new URL("../../data/archives/litellm/model_prices_and_context_window.json", import.meta.url),
  "utf8",
);
const real = parseLitellm(TEXT);

const price = (r: ParseResult, model: string, field: QuoteField, tier?: number): number | undefined =>
  r.quotes.find((q) => q.model_id === model && q.field === field && q.tier_above === tier)?.usd_per_m;
const mutate = (fn: (d: Record<string, Record<string, unknown>>) => void): string => {
  const d = JSON.parse(TEXT) as Record<string, Record<string, unknown>>;
  fn(d);
  return JSON.stringify(d);
};
const codeOf = (text: string): string | undefined => {
  try {
    parseLitellm(text);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe("LiteLLM adapter on the recorded payload", () => {
  it("lists all 218 entries (the SOURCE note's count) and rejects none", () => {
    expect(real.models).toHaveLength(218);
    expect(real.rejected).toEqual([]);
  });

  it("converts per-token floats to USD per 1M: gpt-4.1 = 2 in / 8 out / 0.5 cached / batch 1 and 4", () => {
    expect(price(real, "gpt-4.1", "input")).toBe(2);
    expect(price(real, "gpt-4.1", "output")).toBe(8); // 8e-06 per token
    expect(price(real, "gpt-4.1", "cache_read")).toBe(0.5);
    expect(price(real, "gpt-4.1", "batch_input")).toBe(1);
    expect(price(real, "gpt-4.1", "batch_output")).toBe(4);
    expect(real.quotes.find((q) => q.model_id === "gpt-4.1")?.provider).toBe("openai");
  });

  it("does not quote service-tier variants (priority 3.5 / flex) as the standard price", () => {
    expect(real.quotes.filter((q) => q.model_id === "gpt-4.1").map((q) => q.usd_per_m)).not.toContain(3.5);
    expect(real.quotes.filter((q) => q.model_id === "gpt-4.1")).toHaveLength(5);
  });

  it("reads Claude Sonnet 4.5 cache writes (5m 3.75, 1h 6) and its 200k tier, including the 1h-above-200k key", () => {
    expect(price(real, "claude-sonnet-4-5", "cache_write_5m")).toBe(3.75);
    expect(price(real, "claude-sonnet-4-5", "cache_write_1h")).toBe(6);
    expect(price(real, "claude-sonnet-4-5", "input", 200_000)).toBe(6);
    expect(price(real, "claude-sonnet-4-5", "output", 200_000)).toBe(22.5);
    expect(price(real, "claude-sonnet-4-5", "cache_read", 200_000)).toBe(0.6);
    expect(price(real, "claude-sonnet-4-5", "cache_write_5m", 200_000)).toBe(7.5);
    expect(price(real, "claude-sonnet-4-5", "cache_write_1h", 200_000)).toBe(12);
  });

  it("reads 272k tiers and reasoning-token prices", () => {
    expect(price(real, "gpt-5.4", "input", 272_000)).toBe(5);
    expect(price(real, "gpt-5.4", "output", 272_000)).toBe(22.5);
    expect(price(real, "gemini-2.5-flash", "thinking")).toBe(2.5);
  });

  it("keeps tiny and zero values as stated (the guard judges them): DeepSeek V4 Flash cache read 0.0028, cache write 0", () => {
    expect(price(real, "deepseek-v4-flash", "cache_read")).toBe(0.0028);
    expect(price(real, "deepseek-v4-flash", "cache_write_5m")).toBe(0);
  });

  it("quotes nothing for a per-second model (gpt-realtime-whisper) but still counts it as seen", () => {
    expect(real.models).toContain("gpt-realtime-whisper");
    expect(real.quotes.some((q) => q.model_id === "gpt-realtime-whisper")).toBe(false);
  });
});

describe("LiteLLM adapter: model facts", () => {
  it("states limits, reasoning and the deprecation date (claude-3-7-sonnet: 200k / 64k, retires 2026-02-19)", () => {
    const facts = { context_window: 200000, max_output: 64000, reasoning: true, retires_on: "2026-02-19" };
    expect(real.info?.["claude-3-7-sonnet-20250219"]).toMatchObject(facts);
    expect(real.info?.["gpt-4.1"]).toEqual({ context_window: 1047576, max_output: 32768 });
  });

  it("drops a malformed fact without rejecting the model or its prices", () => {
    const junk = { max_input_tokens: "1M", deprecation_date: "soon" };
    const r = parseLitellm(mutate((d) => Object.assign(d["gpt-4.1"]!, junk)));
    expect(r.info?.["gpt-4.1"]).toEqual({ max_output: 32768 });
    expect(price(r, "gpt-4.1", "output")).toBe(8);
    expect(r.rejected).toEqual([]);
  });
});

describe("LiteLLM adapter on broken payloads", () => {
  it("fails the whole payload when it is empty, HTML, truncated or the wrong shape", () => {
    expect(codeOf("")).toBe("E_SOURCE_EMPTY");
    expect(codeOf("{}")).toBe("E_SOURCE_EMPTY");
    expect(codeOf("<html><body><h1>503 Service Unavailable</h1></body></html>")).toBe("E_SOURCE_CONTENT_TYPE");
    expect(codeOf(TEXT.slice(0, Math.floor(TEXT.length / 2)))).toBe("E_SOURCE_TRUNCATED");
    expect(codeOf("[1, 2, 3]")).toBe("E_SOURCE_SCHEMA");
    expect(codeOf('{"a": "x", "b": 3}')).toBe("E_SOURCE_SCHEMA");
  });

  it("rejects a malformed entry alone; the other 217 models still parse", () => {
    const r = parseLitellm(mutate((d) => ((d as Record<string, unknown>)["gpt-4o"] = "oops")));
    expect(r.rejected).toEqual([
      { model_id: "gpt-4o", code: "E_QUOTE_SCHEMA", reason: "model entry is not an object" },
    ]);
    expect(r.models).toHaveLength(217);
    expect(price(r, "gpt-4.1", "output")).toBe(8);
  });

  it("rejects one junk value alone, keeping the model's other quotes", () => {
    const r = parseLitellm(mutate((d) => (d["gpt-4.1"]!.output_cost_per_token = "eight dollars")));
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]).toMatchObject({ model_id: "gpt-4.1", field: "output", code: "E_QUOTE_JUNK" });
    expect(price(r, "gpt-4.1", "output")).toBeUndefined();
    expect(price(r, "gpt-4.1", "input")).toBe(2);
  });

  it("ignores the sample_spec documentation entry and unknown fields", () => {
    const r = parseLitellm(
      mutate((d) => {
        d.sample_spec = { input_cost_per_token: 0, output_cost_per_token: 0 };
        d["gpt-4.1"]!.brand_new_field = { nested: true };
      }),
    );
    expect(r.models).toHaveLength(218);
    expect(r.quotes.some((q) => q.model_id === "sample_spec")).toBe(false);
    expect(price(r, "gpt-4.1", "output")).toBe(8);
  });
});
