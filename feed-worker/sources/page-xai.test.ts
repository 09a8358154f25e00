import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseXaiPage } from "./page-xai";

const PAGE = readFileSync(new URL("../fixtures/pages/xai.html", import.meta.url), "utf8");

describe("xAI models page parser", () => {
  it("reads input / cached input / output with the unit from the caption; the Context column is not a price", () => {
    const r = parseXaiPage(PAGE);
    expect(r.quotes.filter((q) => q.model_id === "grok-build-0.1").map((q) => [q.field, q.usd_per_m])).toEqual([
      ["input", 1],
      ["cache_read", 0.2],
      ["output", 2],
    ]);
    expect(r.quotes).toHaveLength(12);
    expect(r.quotes.some((q) => q.usd_per_m === 1_000_000 || q.usd_per_m === 256_000)).toBe(false);
  });

  it("fails loudly when the caption stating the unit is removed (nothing can be read safely)", () => {
    expect(() => parseXaiPage(PAGE.replace(/<caption>.*<\/caption>/, ""))).toThrow(
      expect.objectContaining({ code: "E_PAGE_LAYOUT" }),
    );
  });
});
