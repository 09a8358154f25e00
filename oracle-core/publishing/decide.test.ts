import { describe, expect, it } from "vitest";
import { decide, fieldKey, type PublishedRow } from "./decide";
import type { TickerQuote } from "./price-quote";
import type { PendingMove } from "./publish-breaker";

const NOW = new Date("2026-11-24T06:15:00Z");
const q = (source: string, usd_per_m: number, over: Partial<TickerQuote> = {}): TickerQuote => ({
  source,
  ticker: "O3",
  model_id: "o3",
  field: "output",
  usd_per_m,
  ...over,
});
const row = (value: number, last_quoted_at: string | null = null): PublishedRow => ({
  value,
  effective_at: "2025-04-16",
  last_quoted_at,
});

function run(quotes: TickerQuote[], over: Partial<Parameters<typeof decide>[0]> = {}) {
  return decide({
    tickers: ["O3"],
    quotes,
    published: new Map([[fieldKey("O3", "output"), row(40)]]),
    pending: new Map<string, PendingMove>(),
    halted: new Set(),
    composites: new Set(),
    setAside: () => false,
    now: NOW,
    mode: "bundled",
    ...over,
  });
}

describe("decide: reconcile then breaker, per ticker field", () => {
  it("publishes o3's $40 → $8 cut at once when independent sources agree, effective today", () => {
    const d = run([q("litellm", 8), q("genai-prices", 8), q("openrouter", 8)]);
    expect(d.publishes).toEqual([
      {
        ticker: "O3",
        field: "output",
        from: 40,
        value: 8,
        effective_at: "2026-11-24",
        reason: "second_source",
        sources: ["genai-prices", "litellm", "openrouter"],
      },
    ]);
    expect(d.quotes.get("O3")).toMatchObject({ prices: { output: 8 }, status: "ok", dispersion: 0, pending: null });
  });

  it("dates a confirmed move by the sources' own effective date when it is past (2025-06-10)", () => {
    const dated = { effective_from: "2025-06-10" };
    const d = run([q("litellm", 8, dated), q("llm-prices-historical", 8, dated), q("genai-prices", 8, dated)]);
    expect(d.publishes[0]).toMatchObject({ value: 8, effective_at: "2025-06-10", reason: "second_source" });
  });

  it("holds a one-source move: the published price stays and the ticker shows pending", () => {
    const d = run([q("litellm", 8)]);
    expect(d.publishes).toEqual([]);
    expect(d.holds).toEqual([
      expect.objectContaining({
        ticker: "O3",
        field: "output",
        published: 40,
        isNew: true,
        pending: { value: 8, first_seen_at: NOW.toISOString(), sources: ["litellm"] },
      }),
    ]);
    expect(d.quotes.get("O3")).toMatchObject({
      prices: { output: 40 },
      status: "pending",
      pending: { field: "output", value: 8, since: NOW.toISOString() },
    });
  });

  it("clears a held move when the quote comes back in band", () => {
    const held = { value: 8, first_seen_at: "2026-11-24T05:00:00.000Z", sources: ["litellm"] };
    const d = run([q("litellm", 40)], { pending: new Map([[fieldKey("O3", "output"), held]]) });
    expect(d.cleared).toEqual([{ ticker: "O3", field: "output" }]);
    expect(d.quotes.get("O3")?.status).toBe("single_source");
  });

  it("moves nothing for a halted ticker, a composite, a tier price or a value the registry set aside", () => {
    expect(run([q("litellm", 8), q("genai-prices", 8)], { halted: new Set(["O3"]) }).quotes.get("O3")).toMatchObject({
      status: "halted",
      prices: { output: 40 },
    });
    expect(run([q("litellm", 8), q("genai-prices", 8)], { composites: new Set(["O3"]) }).publishes).toEqual([]);
    expect(
      run([q("litellm", 8, { tier_above: 200_000 }), q("genai-prices", 8, { tier_above: 200_000 })]).publishes,
    ).toEqual([]);
    const setAside = (_t: string, _f: string, source: string, v: number) => source === "llm-prices" && v === 8;
    expect(run([q("llm-prices", 8)], { setAside }).holds).toEqual([]);
  });

  it("marks a live ticker stale after 48 h without a quote, not before", () => {
    const live = (hoursAgo: number) =>
      run([], {
        mode: "live",
        published: new Map([
          [fieldKey("O3", "output"), row(40, new Date(NOW.getTime() - hoursAgo * 3600_000).toISOString())],
        ]),
      });
    expect(live(47).quotes.get("O3")?.status).toBe("single_source");
    expect(live(49).quotes.get("O3")?.status).toBe("stale");
  });
  it("serves no cache write outside 1–4× the row's input, whether quoted now or stored (the seven Gemini rows)", () => {
    // GEMINI-2.5-PRO: input 1.25; OpenRouter's 0.375 storage figure is 0.3× input, and it was stored before the rule
    const t = { ticker: "GEMINI-2.5-PRO", model_id: "gemini-2.5-pro" };
    const d = decide({
      tickers: ["GEMINI-2.5-PRO"],
      quotes: [
        q("genai-prices", 10, t),
        q("genai-prices", 1.25, { ...t, field: "input" }),
        q("openrouter", 0.375, { ...t, field: "cache_write_5m" }),
      ],
      published: new Map([
        [fieldKey("GEMINI-2.5-PRO", "output"), row(10)],
        [fieldKey("GEMINI-2.5-PRO", "input"), row(1.25)],
        [fieldKey("GEMINI-2.5-PRO", "cache_write_5m"), row(0.375)],
      ]),
      pending: new Map(),
      halted: new Set(),
      composites: new Set(),
      setAside: () => false,
      now: NOW,
      mode: "bundled",
    });
    expect(d.quotes.get("GEMINI-2.5-PRO")!.prices).toEqual({ output: 10, input: 1.25 });
    expect(d.publishes).toEqual([]);
  });
  it("a row whose out-voted sources agree among themselves is disputed, its price still the majority's", () => {
    const t = { ticker: "GROK-4.20-MULTI-AGENT", model_id: "grok-4.20-multi-agent" };
    const votes = { "genai-prices": 6, litellm: 2.5, "models-dev": 2.5, "llm-prices": 2.5, openrouter: 6 };
    const quotes = Object.entries(votes).map(([s, v]) => q(s, v, t));
    const isLoser = (_t: string, _f: string, _s: string, v: number) => v === 6;
    const d = decide({
      tickers: [t.ticker],
      quotes,
      published: new Map([[fieldKey(t.ticker, "output"), row(2.5)]]),
      pending: new Map(),
      halted: new Set(),
      composites: new Set(),
      setAside: isLoser,
      outvoted: isLoser,
      now: NOW,
      mode: "bundled",
    });
    expect(d.quotes.get(t.ticker)).toMatchObject({ status: "disputed", prices: { output: 2.5 } });
    expect(d.publishes).toEqual([]);
  });
});
