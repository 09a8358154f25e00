import { describe, expect, it } from "vitest";
import { QuoteCollector } from "./quote-collector";

describe("QuoteCollector", () => {
  it("keeps a slot stated twice with the same value once", () => {
    const c = new QuoteCollector("llm-prices");
    c.price({ model_id: "grok-4-fast", field: "input" }, 0.2, 1);
    c.price({ model_id: "grok-4-fast", field: "input" }, 0.2, 1);
    expect(c.result().quotes).toEqual([
      { source: "llm-prices", model_id: "grok-4-fast", field: "input", usd_per_m: 0.2 },
    ]);
  });

  it("rejects a slot the source states with two values, including later repeats", () => {
    const c = new QuoteCollector("llm-prices");
    c.price({ model_id: "m", field: "input" }, 1, 1);
    c.price({ model_id: "m", field: "input" }, 2, 1);
    c.price({ model_id: "m", field: "input" }, 1, 1);
    c.price({ model_id: "m", field: "output" }, 4, 1);
    const r = c.result();
    expect(r.quotes.map((q) => q.field)).toEqual(["output"]);
    expect(r.rejected.map((x) => x.code)).toEqual(["E_QUOTE_CONFLICT", "E_QUOTE_CONFLICT"]);
  });

  it("treats different tiers, providers and dates as different slots", () => {
    const c = new QuoteCollector("genai-prices");
    c.price({ model_id: "m", field: "input" }, 1, 1);
    c.price({ model_id: "m", field: "input", tier_above: 200_000 }, 2, 1);
    c.price({ model_id: "m", field: "input", provider: "google" }, 3, 1);
    c.price({ model_id: "m", field: "input", effective_from: "2027-01-01" }, 4, 1);
    expect(c.result().quotes.map((q) => q.usd_per_m)).toEqual([1, 2, 3, 4]);
  });

  it("drops undefined optional keys so quotes compare cleanly", () => {
    const c = new QuoteCollector("litellm");
    c.price({ model_id: "m", field: "input", tier_above: undefined }, 2e-6, 1e6);
    expect(Object.keys(c.result().quotes[0]!)).toEqual(["source", "model_id", "field", "usd_per_m"]);
  });
});
