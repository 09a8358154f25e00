import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseOpenaiPage } from "./page-openai";
import type { ParseResult, QuoteField } from "./types";

const PAGE = readFileSync(new URL("../fixtures/pages/openai.html", import.meta.url), "utf8");
const page = parseOpenaiPage(PAGE);

const values = (r: ParseResult, model: string, field: QuoteField): number[] =>
  r.quotes.filter((q) => q.model_id === model && q.field === field).map((q) => q.usd_per_m);
const codeOf = (text: string): string | undefined => {
  try {
    parseOpenaiPage(text);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe("OpenAI pricing page parser", () => {
  it("reads the Standard table with the unit from the section note: gpt-4.1 = 2 / 0.50 / 8", () => {
    expect(values(page, "gpt-4.1", "input")).toEqual([2]);
    expect(values(page, "gpt-4.1", "cache_read")).toEqual([0.5]);
    expect(values(page, "gpt-4.1", "output")).toEqual([8]);
    expect(values(page, "gpt-5.4-mini", "cache_read")).toEqual([0.075]);
  });

  it("maps the Batch table to batch fields and ignores the Flex table", () => {
    expect(values(page, "gpt-5.5", "batch_input")).toEqual([2.5]);
    expect(values(page, "gpt-5.5", "batch_output")).toEqual([15]);
    expect(values(page, "gpt-5.5", "input")).toEqual([5]); // Flex lists 2.50: not read as the standard input
    expect(values(page, "o3", "input")).toEqual([2]);
  });

  it('treats "-" as no price (gpt-5.4-pro has no cached input)', () => {
    expect(values(page, "gpt-5.4-pro", "cache_read")).toEqual([]);
    expect(page.rejected).toEqual([]);
  });

  it("converts per-1K prices when the page states per 1K", () => {
    const perK = PAGE.replace(/Prices per 1M tokens\./g, "Prices per 1K tokens.").replace(
      "<tr><td>gpt-4.1</td><td>$2.00</td><td>$0.50</td><td>$8.00</td></tr>",
      "<tr><td>gpt-4.1</td><td>$0.002</td><td>$0.0005</td><td>$0.008</td></tr>",
    );
    const r = parseOpenaiPage(perK);
    expect(values(r, "gpt-4.1", "input")).toEqual([2]);
    expect(values(r, "gpt-4.1", "cache_read")).toEqual([0.5]);
    expect(values(r, "gpt-4.1", "output")).toEqual([8]);
  });

  it("is unaffected by new CSS classes and wrappers", () => {
    const restyled = PAGE.replace(/<table>/g, '<div class="tw-overflow-x"><table class="pricing-table_3kd9 dark:bg">')
      .replace(/<\/table>/g, "</table></div>")
      .replace(/<td>/g, '<td class="cell_x1">');
    expect(parseOpenaiPage(restyled).quotes).toEqual(page.quotes);
  });

  it("fails loudly when the unit note disappears or the headers change", () => {
    expect(codeOf(PAGE.replace(/<p>Prices per 1M tokens\.<\/p>/g, ""))).toBe("E_PAGE_LAYOUT");
    expect(codeOf(PAGE.replace(/<th>Input<\/th>/g, "<th>Prompt</th>"))).toBe("E_PAGE_LAYOUT");
    expect(codeOf("<html><body><h1>Just a moment...</h1><p>Checking your browser</p></body></html>")).toBe(
      "E_PAGE_LAYOUT",
    );
  });
});
