import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDeepseekPage } from "./page-deepseek";

const PAGE = readFileSync(new URL("../fixtures/pages/deepseek.html", import.meta.url), "utf8");
const page = parseDeepseekPage(PAGE);

const codeOf = (text: string): string | undefined => {
  try {
    parseDeepseekPage(text);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe("DeepSeek pricing page parser (models as columns)", () => {
  it("reads model ids from the header row and prices from the labelled rows", () => {
    expect(page.models).toEqual(["deepseek-v4-flash", "deepseek-v4-pro"]);
    const got = Object.fromEntries(page.quotes.map((q) => [`${q.model_id} ${q.field}`, q.usd_per_m]));
    expect(got).toEqual({
      "deepseek-v4-flash cache_read": 0.0028,
      "deepseek-v4-pro cache_read": 0.003625,
      "deepseek-v4-flash input": 0.14,
      "deepseek-v4-pro input": 0.435,
      "deepseek-v4-flash output": 0.28,
      "deepseek-v4-pro output": 0.87,
    });
  });

  it("gives a price cell spanning both model columns to both models", () => {
    const shared = PAGE.replace("<td>$0.28</td><td>$0.87</td>", '<td colspan="2">$0.42</td>');
    const r = parseDeepseekPage(shared);
    expect(r.quotes.filter((q) => q.field === "output").map((q) => [q.model_id, q.usd_per_m])).toEqual([
      ["deepseek-v4-flash", 0.42],
      ["deepseek-v4-pro", 0.42],
    ]);
  });

  it("fails loudly when the price rows are renamed or the table is gone", () => {
    expect(codeOf(PAGE.replace(/OUTPUT TOKENS/g, "COMPLETION"))).toBe("E_PAGE_LAYOUT");
    expect(codeOf("<html><body><h1>Models &amp; Pricing</h1><p>See the console.</p></body></html>")).toBe(
      "E_PAGE_LAYOUT",
    );
  });
});
