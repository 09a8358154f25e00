import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CollectResult } from "../sources/collect";
import { genaiPricesAdapter } from "../sources/source-genai-prices";
import { litellmAdapter } from "../sources/source-litellm";
import { openrouterAdapter } from "../sources/source-openrouter";
import type { ParseResult, SourceAdapter, SourceQuote } from "../sources/types";
import { guardSource, type GuardInput } from "./guard-source";

const fixture = (p: string): string => readFileSync(new URL(`../../data/archives/${p}`, import.meta.url), "utf8");
const LITELLM = fixture("litellm/model_prices_and_context_window.json");

const raw = (source: SourceAdapter, over: Partial<CollectResult> = {}): CollectResult => ({
  ok: true,
  source: source.id,
  status: 200,
  bytes: new Uint8Array(3),
  sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
  url: "http://feed.local/x",
  fetched_at: "2026-08-21T12:00:00.000Z",
  content_type: "application/json",
  parser_version: source.parserVersion,
  ...over,
});
const tryParse = (adapter: SourceAdapter, text: string): ParseResult | unknown => {
  try {
    return adapter.parse(text);
  } catch (e) {
    return e;
  }
};
const guardLitellm = (text: string, extra: Partial<GuardInput> = {}) =>
  guardSource({ raw: raw(litellmAdapter), parsed: tryParse(litellmAdapter, text), ...extra });
const mutateLitellm = (fn: (d: Record<string, Record<string, number>>) => void): string => {
  const d = JSON.parse(LITELLM) as Record<string, Record<string, number>>;
  fn(d);
  return JSON.stringify(d);
};
const accepted = (r: { accepted: SourceQuote[] }, model: string, field: string): number | undefined =>
  r.accepted.find((q) => q.model_id === model && q.field === field && q.tier_above === undefined)?.usd_per_m;

const baseline = guardLitellm(LITELLM);

describe("guardSource on the recorded LiteLLM payload", () => {
  it("is healthy and logs the four steps in order", () => {
    expect(baseline.healthy).toBe(true);
    expect(baseline.reasons.slice(0, 4).map((r) => r.slice(0, 13))).toEqual([
      "1 transport: ",
      "2 schema: ok ",
      "3 shrink: ok ",
      "4 bounds: 854",
    ]);
    expect(baseline.model_count).toBe(218);
  });

  it("rejects the 12 zero prices it states (free / unpriced entries) and 9 cache writes outside 1–4× input", () => {
    expect(baseline.rejected).toHaveLength(21);
    const zero = baseline.rejected.filter((r) => r.code === "E_PRICE_BOUNDS" && r.reason.includes("is 0"));
    expect(zero).toHaveLength(12);
    const ratio = baseline.rejected.filter((r) => r.code === "E_RATIO_BOUNDS");
    // e.g. claude-3-haiku's cache_write_1h 6 beside input 0.25 (24×), gemini-2.5-pro's 0.25 beside 2.5 (0.1×)
    expect(ratio.map((r) => r.field).sort()).toEqual([
      ...Array(2).fill("cache_write_1h"),
      ...Array(7).fill("cache_write_5m"),
    ]);
    expect(ratio.find((r) => r.model_id === "claude-3-haiku-20240307")?.reason).toContain("(input 0.25)");
    expect(baseline.accepted).toHaveLength(875 - 21);
    expect(accepted(baseline, "gpt-4.1", "output")).toBe(8);
  });
});

describe("guardSource rejects what it must and nothing more", () => {
  it("×1000 on one price (gpt-4.1 output 8 → 8000/M) rejects that quote only", () => {
    const r = guardLitellm(mutateLitellm((d) => (d["gpt-4.1"]!.output_cost_per_token! *= 1000)));
    expect(r.healthy).toBe(true);
    expect(r.rejected.filter((x) => x.model_id === "gpt-4.1")).toEqual([
      expect.objectContaining({ field: "output", code: "E_PRICE_BOUNDS" }),
    ]);
    expect(r.accepted).toHaveLength(baseline.accepted.length - 1);
    expect(accepted(r, "gpt-4.1", "input")).toBe(2);
    expect(accepted(r, "gpt-4.1", "output")).toBeUndefined();
  });

  it("×100000 on one price (claude-haiku-4-5 input) rejects that quote only", () => {
    const r = guardLitellm(mutateLitellm((d) => (d["claude-haiku-4-5"]!.input_cost_per_token! *= 1e5)));
    expect(r.rejected.filter((x) => x.model_id === "claude-haiku-4-5")).toEqual([
      expect.objectContaining({ field: "input", code: "E_PRICE_BOUNDS" }),
    ]);
    expect(r.accepted).toHaveLength(baseline.accepted.length - 1);
  });

  it("×1000 on a cheap price that stays inside the band (gemini-2.0-flash input 0.1 → 100) is caught by the ratio rule", () => {
    const r = guardLitellm(mutateLitellm((d) => (d["gemini-2.0-flash"]!.input_cost_per_token! *= 1000)));
    expect(r.rejected.filter((x) => x.model_id === "gemini-2.0-flash")).toEqual([
      expect.objectContaining({ field: "input", code: "E_RATIO_BOUNDS" }),
    ]);
    expect(accepted(r, "gemini-2.0-flash", "output")).toBe(0.4);
  });

  it("the Gemini 2.0 Flash 1500× glitch ($150 / $600) passes bounds alone but is rejected against the last published price", () => {
    const glitch = mutateLitellm((d) => {
      d["gemini-2.0-flash"]!.input_cost_per_token = 0.00015;
      d["gemini-2.0-flash"]!.output_cost_per_token = 0.0006;
    });
    // 150 and 600 USD/M lie inside [1e-4, 1000] and keep input < output: the bounds step alone cannot see it.
    const blind = guardLitellm(glitch);
    expect(accepted(blind, "gemini-2.0-flash", "input")).toBe(150);
    const published: Record<string, number> = { input: 0.1, output: 0.4 };
    const r = guardLitellm(glitch, {
      lastPublished: (q) => (q.model_id === "gemini-2.0-flash" ? published[q.field] : undefined),
    });
    const hits = r.rejected.filter((x) => x.model_id === "gemini-2.0-flash");
    expect(hits.map((x) => [x.field, x.code])).toEqual([
      ["input", "E_UNIT_SUSPECT"],
      ["output", "E_UNIT_SUSPECT"],
    ]);
    expect(hits[0]?.reason).toContain("1500×");
    expect(r.reasons.some((line) => line.includes("E_UNIT_SUSPECT gemini-2.0-flash") && line.includes("1500×"))).toBe(
      true,
    );
    expect(r.accepted).toHaveLength(baseline.accepted.length - 2);
  });

  it("the same glitch in the genai-prices payload is rejected the same way", () => {
    const d = JSON.parse(fixture("genai-prices/data.json")) as {
      id: string;
      models: { id: string; prices: Record<string, unknown> }[];
    }[];
    const flash = d.find((p) => p.id === "google")!.models.find((m) => m.id === "gemini-2.0-flash")!;
    flash.prices = { ...flash.prices, input_mtok: 150, output_mtok: 600 };
    const r = guardSource({
      raw: raw(genaiPricesAdapter),
      parsed: genaiPricesAdapter.parse(JSON.stringify(d)),
      lastPublished: (q) =>
        q.provider === "google" && q.model_id === "gemini-2.0-flash"
          ? ({ input: 0.1, output: 0.4 } as Record<string, number>)[q.field]
          : undefined,
    });
    const flashRejections = r.rejected.filter((x) => x.model_id === "gemini-2.0-flash");
    expect(flashRejections.map((x) => `${x.model_id}:${x.field}:${x.code}`)).toEqual([
      "gemini-2.0-flash:input:E_UNIT_SUSPECT",
      "gemini-2.0-flash:output:E_UNIT_SUSPECT",
    ]);
  });

  it("a per-1K price read as per-1M (÷1000) is rejected with that cause named", () => {
    const r = guardLitellm(
      mutateLitellm((d) => (d["gpt-4.1"]!.input_cost_per_token! /= 1000)),
      {
        lastPublished: (q) => (q.model_id === "gpt-4.1" && q.field === "input" ? 2 : undefined),
      },
    );
    const hit = r.rejected.find((x) => x.model_id === "gpt-4.1");
    expect(hit).toMatchObject({ field: "input", code: "E_UNIT_SUSPECT" });
    expect(hit?.reason).toContain("per-1K price read as per-1M");
  });

  it("the same ÷1000 slip without a published value is still caught, by the ratio rule, on the input alone", () => {
    const r = guardLitellm(mutateLitellm((d) => (d["gpt-4.1"]!.input_cost_per_token! /= 1000)));
    expect(r.rejected.filter((x) => x.model_id === "gpt-4.1").map((x) => [x.field, x.code])).toEqual([
      ["input", "E_RATIO_BOUNDS"],
    ]);
    expect(accepted(r, "gpt-4.1", "cache_read")).toBe(0.5);
    expect(accepted(r, "gpt-4.1", "batch_input")).toBe(1);
  });

  it("a 10–100× move is kept but flagged, with the reason logged", () => {
    const r = guardLitellm(
      mutateLitellm((d) => (d["gpt-4.1"]!.output_cost_per_token! *= 20)),
      {
        lastPublished: (q) => (q.model_id === "gpt-4.1" && q.field === "output" ? 8 : undefined),
      },
    );
    expect(accepted(r, "gpt-4.1", "output")).toBe(160);
    expect(r.flagged).toEqual([
      expect.objectContaining({ model_id: "gpt-4.1", field: "output", code: "E_UNIT_SUSPECT", factor: 20 }),
    ]);
    expect(r.reasons.some((line) => line.includes("flagged"))).toBe(true);
  });

  it("a real price cut (o3 10 → 2) is not suspected", () => {
    const r = guardLitellm(LITELLM, {
      lastPublished: (q) => (q.model_id === "o3" && q.field === "input" ? 10 : undefined),
    });
    expect(accepted(r, "o3", "input")).toBe(2);
    expect(r.flagged).toEqual([]);
  });

  it("halving the model list rejects the whole source for this run (E_SHRINK)", () => {
    const half = Object.fromEntries(Object.entries(JSON.parse(LITELLM) as object).slice(0, 100));
    const r = guardLitellm(JSON.stringify(half), { previousModelCount: 218 });
    expect(r.healthy).toBe(false);
    expect(r.accepted).toEqual([]);
    expect(r.reasons[2]).toContain("E_SHRINK");
    expect(r.model_count).toBe(100);
    expect(guardLitellm(LITELLM, { previousModelCount: 218 }).healthy).toBe(true);
  });

  it("a truncated, empty or HTML payload fails the schema step with its code", () => {
    for (const [text, code] of [
      [LITELLM.slice(0, 5000), "E_SOURCE_TRUNCATED"],
      ["", "E_SOURCE_EMPTY"],
      ["<html><body>Bad gateway</body></html>", "E_SOURCE_CONTENT_TYPE"],
    ] as const) {
      const r = guardLitellm(text);
      expect(r.healthy).toBe(false);
      expect(r.reasons[1]).toContain(`2 schema: ${code}`);
      expect(r.accepted).toEqual([]);
    }
  });

  it("a transport failure stops at step 1 and accepts nothing", () => {
    const r = guardSource({
      raw: raw(litellmAdapter, {
        ok: false,
        status: 500,
        error: { code: "E_SOURCE_HTTP", message: "litellm: HTTP 500" },
      }),
      parsed: undefined,
    });
    expect(r).toMatchObject({ healthy: false, accepted: [], rejected: [] });
    expect(r.reasons).toEqual(["1 transport: E_SOURCE_HTTP: litellm: HTTP 500; source unhealthy, no data deleted"]);
  });

  it('passes the parser\'s per-quote rejections through: OpenRouter "-1" entries', () => {
    const r = guardSource({
      raw: raw(openrouterAdapter),
      parsed: openrouterAdapter.parse(fixture("openrouter/models.json")),
    });
    expect(r.healthy).toBe(true);
    expect(r.rejected.filter((x) => x.code === "E_QUOTE_VARIABLE")).toHaveLength(6);
    expect(r.accepted.some((q) => q.model_id === "openrouter/auto")).toBe(false);
    expect(r.reasons[1]).toContain("E_QUOTE_VARIABLE×6");
  });

  it("junk and negative values that reach it are rejected as invalid; a source left with nothing is unhealthy", () => {
    const parsed: ParseResult = {
      models: ["x"],
      rejected: [],
      quotes: [
        { source: "litellm", model_id: "x", field: "input", usd_per_m: Number.NaN },
        { source: "litellm", model_id: "x", field: "output", usd_per_m: -1e6 },
      ],
    };
    const r = guardSource({ raw: raw(litellmAdapter), parsed });
    expect(r.rejected.map((x) => x.code)).toEqual(["E_PRICE_INVALID", "E_PRICE_INVALID"]);
    expect(r.healthy).toBe(false);
    expect(r.reasons.at(-1)).toContain("no quote survived");
  });
  it("an input of exactly 1000/M beside an output of 0.30 is refused (the ceiling is exclusive)", () => {
    const r = guardLitellm(
      mutateLitellm((d) => {
        d["gpt-4.1"]!.input_cost_per_token = 1e-3;
        d["gpt-4.1"]!.output_cost_per_token = 3e-7;
      }),
    );
    expect(accepted(r, "gpt-4.1", "input")).toBeUndefined();
    expect(r.rejected.some((x) => x.model_id === "gpt-4.1" && x.field === "input")).toBe(true);
  });

  it("the ratio rules see quotes another rule refused: input 999 beside an output held for units is refused too", () => {
    // output 30 → 0.30 is a 100× drop against the published 30 (E_UNIT_SUSPECT); the input 999 it sits beside
    // would otherwise be judged alone and pass the bounds.
    const text = mutateLitellm((d) => {
      d["gpt-4.1"]!.input_cost_per_token = 999e-6;
      d["gpt-4.1"]!.output_cost_per_token = 3e-7;
      delete d["gpt-4.1"]!.output_cost_per_token_batches; // else batch_output > output blames the output alone
    });
    const r = guardLitellm(text, {
      lastPublished: (q) => (q.model_id === "gpt-4.1" && q.field === "output" ? 30 : undefined),
    });
    expect(
      r.rejected
        .filter((x) => x.model_id === "gpt-4.1")
        .map((x) => `${x.field}:${x.code}`)
        .sort(),
    ).toEqual(["input:E_RATIO_BOUNDS", "output:E_UNIT_SUSPECT"]);
  });
});
