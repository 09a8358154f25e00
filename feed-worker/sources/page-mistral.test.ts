import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMistralPage } from "./page-mistral";

const PAGE = readFileSync(new URL("../fixtures/pages/mistral.html", import.meta.url), "utf8");

describe("Mistral pricing page parser", () => {
  it("reads the unit from the column headers: Mistral Large 3 = 0.5 / 1.5", () => {
    const r = parseMistralPage(PAGE);
    expect(r.quotes.filter((q) => q.model_id === "Mistral Large 3").map((q) => [q.field, q.usd_per_m])).toEqual([
      ["input", 0.5],
      ["output", 1.5],
    ]);
    expect(r.models).toHaveLength(6);
  });

  it("reads the same table written as markdown", () => {
    const md =
      "## API pricing\n\n| Model | Input (/M tokens) | Output (/M tokens) |\n|---|---|---|\n| Mistral Small 4 | $0.15 | $0.6 |\n";
    expect(parseMistralPage(md).quotes.map((q) => [q.model_id, q.field, q.usd_per_m])).toEqual([
      ["Mistral Small 4", "input", 0.15],
      ["Mistral Small 4", "output", 0.6],
    ]);
  });

  it("converts a per-1K header", () => {
    const perK = PAGE.replace(/\(\/M tokens\)/g, "(per 1K tokens)").replace(
      "<td>$0.5</td><td>$1.5</td>",
      "<td>$0.0005</td><td>$0.0015</td>",
    );
    const r = parseMistralPage(perK);
    expect(r.quotes.filter((q) => q.model_id === "Mistral Large 3").map((q) => q.usd_per_m)).toEqual([0.5, 1.5]);
  });
});
