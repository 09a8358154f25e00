import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseOpenrouter } from "./source-openrouter";
import type { ParseResult, QuoteField } from "./types";

const TEXT = readFileSync(new URL("../../data/archives/openrouter/models.json", import.meta.url), "utf8");
const real = parseOpenrouter(TEXT);

const values = (r: ParseResult, model: string, field: QuoteField): number[] =>
  r.quotes.filter((q) => q.model_id === model && q.field === field).map((q) => q.usd_per_m);
const codeOf = (text: string): string | undefined => {
  try {
    parseOpenrouter(text);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe("OpenRouter adapter on the recorded payload", () => {
  it("converts per-token strings: claude-opus-4.7-fast prompt 0.00003 → 30, completion 0.00015 → 150, cache write 37.5", () => {
    expect(values(real, "anthropic/claude-opus-4.7-fast", "input")).toEqual([30]);
    expect(values(real, "anthropic/claude-opus-4.7-fast", "output")).toEqual([150]);
    expect(values(real, "anthropic/claude-opus-4.7-fast", "cache_read")).toEqual([3]);
    expect(values(real, "anthropic/claude-opus-4.7-fast", "cache_write_5m")).toEqual([37.5]);
  });

  it('rejects the "-1" variable-price entries with a reason, never as 0 or a negative price', () => {
    const variable = real.rejected.filter((r) => r.code === "E_QUOTE_VARIABLE");
    expect(variable.map((r) => `${r.model_id}:${r.field}`).sort()).toEqual(
      [
        "openrouter/auto:input",
        "openrouter/auto:output",
        "openrouter/bodybuilder:input",
        "openrouter/bodybuilder:output",
        "openrouter/pareto-code:input",
        "openrouter/pareto-code:output",
      ].sort(),
    );
    expect(variable[0]?.reason).toContain("variable");
    expect(real.quotes.some((q) => q.model_id === "openrouter/auto")).toBe(false);
    expect(real.quotes.every((q) => q.usd_per_m >= 0)).toBe(true);
    expect(real.models).toContain("openrouter/auto");
  });

  it("lists all 364 models", () => {
    expect(real.models).toHaveLength(364);
  });
});

describe("OpenRouter adapter: model facts", () => {
  it("dates a listing by its unix `created` (gpt-4.1: 1744651385 → 2025-04-14), skips a null output limit", () => {
    const facts = { context_window: 1047576, release_date: "2025-04-14", reasoning: false };
    expect(real.info?.["openai/gpt-4.1"]).toEqual(facts);
  });
});

describe("OpenRouter adapter on broken payloads", () => {
  it("fails the whole payload when it is not { data: [...] }", () => {
    expect(codeOf('{"data": []}')).toBe("E_SOURCE_EMPTY");
    expect(codeOf('{"error": {"code": 401, "message": "No auth credentials found"}}')).toBe("E_SOURCE_SCHEMA");
    expect(codeOf('{"data": [1, 2]}')).toBe("E_SOURCE_SCHEMA");
    expect(codeOf("<html><body>Cloudflare: Attention Required!</body></html>")).toBe("E_SOURCE_CONTENT_TYPE");
    expect(codeOf(TEXT.slice(0, 20_000))).toBe("E_SOURCE_TRUNCATED");
  });

  it("rejects an entry without pricing alone, and a junk price alone", () => {
    const d = JSON.parse(TEXT) as { data: { id: string; pricing?: Record<string, unknown> }[] };
    const first = d.data[0]!;
    delete first.pricing;
    d.data.find((m) => m.id === "openai/gpt-4.1")!.pricing!.completion = "NaN";
    const r = parseOpenrouter(JSON.stringify(d));
    expect(r.rejected.filter((x) => x.code !== "E_QUOTE_VARIABLE").map((x) => [x.model_id, x.field, x.code])).toEqual([
      [first.id, undefined, "E_QUOTE_SCHEMA"],
      ["openai/gpt-4.1", "output", "E_QUOTE_JUNK"],
    ]);
    expect(values(r, "openai/gpt-4.1", "input")).toEqual([2]);
  });
});
