import { describe, expect, it } from "vitest";
import { matchQuotes } from "./match-quotes";
import type { SourceQuote } from "./types";

const q = (over: Partial<SourceQuote> & Pick<SourceQuote, "source" | "model_id">): SourceQuote => ({
  field: "input",
  usd_per_m: 1,
  ...over,
});

describe("matchQuotes", () => {
  it("assigns quotes by the ticker's ids for that source and reports the rest as unmatched", () => {
    const quotes = [
      q({ source: "litellm", model_id: "gpt-4.1", usd_per_m: 2 }),
      q({ source: "litellm", model_id: "gpt-4.1-mini", usd_per_m: 0.4 }),
    ];
    const r = matchQuotes(quotes, [{ ticker: "GPT-4.1", match: { litellm: ["gpt-4.1"] } }]);
    expect(r.matched).toEqual([{ ...quotes[0], ticker: "GPT-4.1" }]);
    expect(r.unmatched).toEqual(["gpt-4.1-mini"]);
  });

  it("does not use one source's ids for another source", () => {
    const r = matchQuotes(
      [q({ source: "openrouter", model_id: "gpt-4.1" })],
      [{ ticker: "GPT-4.1", match: { litellm: ["gpt-4.1"] } }],
    );
    expect(r.matched).toEqual([]);
  });

  it("keeps one quote per ticker and field when a bare id appears under two providers: the first in source order", () => {
    const quotes = [
      q({ source: "genai-prices", provider: "anthropic", model_id: "claude-opus-4-6", usd_per_m: 5 }),
      q({ source: "genai-prices", provider: "google", model_id: "claude-opus-4-6", usd_per_m: 5.5 }),
    ];
    const bare = matchQuotes(quotes, [{ ticker: "OPUS-4.6", match: { "genai-prices": ["claude-opus-4-6"] } }]);
    expect(bare.matched.map((m) => m.provider)).toEqual(["anthropic"]);
    const qualified = matchQuotes(quotes, [
      { ticker: "OPUS-4.6", match: { "genai-prices": ["claude-opus-4-6", "google:claude-opus-4-6"] } },
    ]);
    expect(qualified.matched.map((m) => [m.provider, m.usd_per_m])).toEqual([["google", 5.5]]);
  });

  it("accepts provider/id as well as the registry's provider:id", () => {
    const quote = q({ source: "models-dev", provider: "google", model_id: "gemini-2.5-pro" });
    expect(
      matchQuotes([quote], [{ ticker: "GEMINI-2.5-PRO", match: { "models-dev": ["google/gemini-2.5-pro"] } }]).matched,
    ).toHaveLength(1);
    expect(
      matchQuotes([quote], [{ ticker: "GEMINI-2.5-PRO", match: { "models-dev": ["anthropic:gemini-2.5-pro"] } }])
        .matched,
    ).toHaveLength(0);
  });

  it("prefers the id listed first when a ticker lists several that the source both has", () => {
    const quotes = [
      q({ source: "litellm", model_id: "gpt-4.1", usd_per_m: 2 }),
      q({ source: "litellm", model_id: "gpt-4.1-2025-04-14", usd_per_m: 2.1 }),
    ];
    const r = matchQuotes(quotes, [{ ticker: "GPT-4.1", match: { litellm: ["gpt-4.1-2025-04-14", "gpt-4.1"] } }]);
    expect(r.matched.map((m) => m.model_id)).toEqual(["gpt-4.1-2025-04-14"]);
  });

  it("keeps tiers and effective ranges as separate quotes", () => {
    const quotes = [
      q({ source: "genai-prices", provider: "openai", model_id: "o3", usd_per_m: 10, effective_to: "2025-06-10" }),
      q({ source: "genai-prices", provider: "openai", model_id: "o3", usd_per_m: 2, effective_from: "2025-06-10" }),
      q({ source: "genai-prices", provider: "openai", model_id: "o3", usd_per_m: 4, tier_above: 200_000 }),
    ];
    const r = matchQuotes(quotes, [{ ticker: "O3", match: { "genai-prices": ["openai:o3"] } }]);
    expect(r.matched.map((m) => m.usd_per_m)).toEqual([10, 2, 4]);
  });

  it("matches page row labels through provider-page, ignoring case and spacing", () => {
    const r = matchQuotes(
      [q({ source: "page-anthropic", model_id: "Claude  Sonnet 4.6", provider: "anthropic" })],
      [{ ticker: "SONNET-4.6", match: { "provider-page": ["claude sonnet 4.6"] } }],
    );
    expect(r.matched.map((m) => m.ticker)).toEqual(["SONNET-4.6"]);
  });

  it("reads llm-prices ids for the llm-prices history source, unless it has its own list", () => {
    const quote = q({ source: "llm-prices-historical", model_id: "gpt-4.1" });
    expect(matchQuotes([quote], [{ ticker: "GPT-4.1", match: { "llm-prices": ["gpt-4.1"] } }]).matched).toHaveLength(1);
    expect(
      matchQuotes(
        [quote],
        [{ ticker: "GPT-4.1", match: { "llm-prices": ["gpt-4.1"], "llm-prices-historical": ["other"] } }],
      ).matched,
    ).toHaveLength(0);
  });

  it("lets two tickers share an id when the registry says so (an alias)", () => {
    const r = matchQuotes(
      [q({ source: "litellm", model_id: "gemini-flash-latest" })],
      [
        { ticker: "GEMINI-FLASH", match: { litellm: ["gemini-flash-latest"] } },
        { ticker: "GEMINI-2.5-FLASH", match: { litellm: ["gemini-flash-latest"] } },
      ],
    );
    expect(r.matched.map((m) => m.ticker)).toEqual(["GEMINI-FLASH", "GEMINI-2.5-FLASH"]);
  });
  it("matches upstream LiteLLM's provider-prefixed xAI keys (xai/grok-4.5) to the registry's bare ids", () => {
    const quotes = [
      q({ source: "litellm", provider: "xai", model_id: "xai/grok-4.5", usd_per_m: 2 }),
      q({ source: "litellm", provider: "openrouter", model_id: "openrouter/x-ai/grok-4.5", usd_per_m: 9 }),
    ];
    const r = matchQuotes(quotes, [{ ticker: "GROK-4.5", match: { litellm: ["grok-4.5"] } }]);
    expect(r.matched.map((m) => [m.ticker, m.model_id, m.usd_per_m])).toEqual([["GROK-4.5", "xai/grok-4.5", 2]]);
    expect(r.unmatched).toEqual(["openrouter/x-ai/grok-4.5"]); // a router's listing, nested prefix: not xAI's price
  });

  it("prefers the bare id over a provider-stripped one for the same ticker and field", () => {
    const quotes = [
      q({ source: "litellm", provider: "xai", model_id: "xai/grok-4.5", usd_per_m: 3 }),
      q({ source: "litellm", provider: "xai", model_id: "grok-4.5", usd_per_m: 2 }),
    ];
    const r = matchQuotes(quotes, [{ ticker: "GROK-4.5", match: { litellm: ["grok-4.5"] } }]);
    expect(r.matched.map((m) => m.usd_per_m)).toEqual([2]);
  });
});
