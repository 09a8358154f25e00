import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseGooglePage } from "./page-google";
import type { ParseResult, QuoteField } from "./types";

const PAGE = readFileSync(new URL("../fixtures/pages/google.html", import.meta.url), "utf8");
const page = parseGooglePage(PAGE);

const value = (r: ParseResult, model: string, field: QuoteField, tier?: number): number | undefined =>
  r.quotes.find((q) => q.model_id === model && q.field === field && q.tier_above === tier)?.usd_per_m;
const codeOf = (text: string): string | undefined => {
  try {
    parseGooglePage(text);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe("Google Gemini pricing page parser", () => {
  it("names each model by the heading above its table", () => {
    expect(page.models).toEqual(["Gemini 3.1 Pro Preview", "Gemini 2.5 Pro", "Gemini 2.5 Flash"]);
  });

  it("reads the Paid Tier column with its 200k tiers: Gemini 2.5 Pro = 1.25 / 2.50 in, 10 / 15 out, 0.125 / 0.25 cached", () => {
    expect(value(page, "Gemini 2.5 Pro", "input")).toBe(1.25);
    expect(value(page, "Gemini 2.5 Pro", "input", 200_000)).toBe(2.5);
    expect(value(page, "Gemini 2.5 Pro", "output")).toBe(10);
    expect(value(page, "Gemini 2.5 Pro", "output", 200_000)).toBe(15);
    expect(value(page, "Gemini 2.5 Pro", "cache_read")).toBe(0.125);
    expect(value(page, "Gemini 2.5 Pro", "cache_read", 200_000)).toBe(0.25);
  });

  it("keeps the text rate, not the audio rate or the hourly storage price: Gemini 2.5 Flash = 0.30 / 2.50 / 0.03", () => {
    expect(page.quotes.filter((q) => q.model_id === "Gemini 2.5 Flash").map((q) => [q.field, q.usd_per_m])).toEqual([
      ["input", 0.3],
      ["output", 2.5],
      ["cache_read", 0.03],
    ]);
    expect(page.quotes.some((q) => q.usd_per_m === 4.5 || q.usd_per_m === 1)).toBe(false);
    expect(page.rejected).toEqual([]);
  });

  it("fails loudly when the Paid Tier column or the row labels change", () => {
    expect(codeOf(PAGE.replace(/Paid Tier, per 1M tokens in USD/g, "Standard"))).toBe("E_PAGE_LAYOUT");
    expect(codeOf(PAGE.replace(/<td>Input price<\/td>/g, "<td>Prompt cost</td>"))).toBe("E_PAGE_LAYOUT");
  });

  it("rejects a row stating no unit when the column header loses it too", () => {
    const noUnit = PAGE.replace(/Paid Tier, per 1M tokens in USD/g, "Paid Tier");
    expect(codeOf(noUnit)).toBe("E_PAGE_LAYOUT");
    const oneCell = noUnit.replace("<td>$2.50</td>", "<td>$2.50 / 1M tokens</td>");
    const r = parseGooglePage(oneCell);
    expect(r.quotes.map((q) => [q.model_id, q.field, q.usd_per_m])).toEqual([["Gemini 2.5 Flash", "output", 2.5]]);
    expect(r.rejected.every((x) => x.code === "E_QUOTE_UNIT")).toBe(true);
  });
});
