import { describe, expect, it } from "vitest";
import { quoteCell } from "./price-cell";
import { QuoteCollector } from "./quote-collector";

const slot = { model_id: "gemini-2.5-pro", provider: "google", field: "input" } as const;

describe("quoteCell", () => {
  it("reads Google's two-line tiered cell in the cell's own unit, the second line as the tier above 200k", () => {
    const out = new QuoteCollector("page-google");
    const text = "$1.25, prompts <= 200k tokens\n$2.50, prompts > 200k tokens";
    expect(quoteCell(out, slot, text, ["per_1m"])).toBe(2);
    expect(out.result().quotes).toEqual([
      { source: "page-google", ...slot, usd_per_m: 1.25 },
      { source: "page-google", ...slot, usd_per_m: 2.5, tier_above: 200_000 },
    ]);
  });

  it("takes the first known fallback unit: $0.002 per 1K tokens is $2 per 1M", () => {
    const out = new QuoteCollector("page-openai");
    expect(quoteCell(out, { ...slot, provider: "openai" }, "$0.002", [undefined, "per_1k", "per_1m"])).toBe(1);
    expect(out.result().quotes[0]?.usd_per_m).toBe(2);
  });

  it("rejects a price without any unit and a cell without a price, with their codes", () => {
    const out = new QuoteCollector("page-deepseek");
    expect(quoteCell(out, slot, "$0.27", [undefined])).toBe(0);
    expect(quoteCell(out, slot, "contact sales", ["per_1m"])).toBe(0);
    expect(quoteCell(out, slot, "—", ["per_1m"])).toBe(0);
    expect(out.result().rejected.map((r) => r.code)).toEqual(["E_QUOTE_UNIT", "E_QUOTE_JUNK"]);
  });
});
