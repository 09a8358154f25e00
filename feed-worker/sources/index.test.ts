import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ADAPTERS, BUNDLED_ADAPTERS, PAGE_ADAPTERS } from "./index";

/**
 * Aggregators read their bundled archive under data/archives/; pages (never bundled) read their constructed fixture.
 */
const fixturePath = (bundledPath: string): URL =>
  bundledPath.startsWith("data/archives/pages/")
    ? new URL(`../fixtures/pages/${bundledPath.slice("data/archives/pages/".length)}`, import.meta.url)
    : new URL(`../../${bundledPath}`, import.meta.url);

describe("the adapter list", () => {
  it("has one adapter per source id, twelve in all", () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(12);
    expect(ids.sort()).toEqual(
      [
        "genai-prices",
        "litellm",
        "llm-prices",
        "llm-prices-historical",
        "models-dev",
        "openrouter",
        "page-anthropic",
        "page-deepseek",
        "page-google",
        "page-mistral",
        "page-openai",
        "page-xai",
      ].sort(),
    );
  });

  it("bundles only the aggregators, whose archive files exist at their bundledPath", () => {
    expect(BUNDLED_ADAPTERS.every((a) => !a.id.startsWith("page-"))).toBe(true);
    for (const a of BUNDLED_ADAPTERS) {
      expect(a.bundledPath.startsWith("data/archives/")).toBe(true);
      expect(existsSync(fixturePath(a.bundledPath))).toBe(true);
    }
  });

  it("parses every fixture with its adapter, each yielding quotes", () => {
    for (const a of [...BUNDLED_ADAPTERS, ...PAGE_ADAPTERS]) {
      const r = a.parse(readFileSync(fixturePath(a.bundledPath), "utf8"));
      expect(r.quotes.length, a.id).toBeGreaterThan(0);
      expect(r.quotes.every((q) => q.source === a.id && Number.isFinite(q.usd_per_m))).toBe(true);
    }
  });

  it("declares https live URLs, a version, content types and a size cap", () => {
    for (const a of ADAPTERS) {
      expect(a.liveUrl).toMatch(/^https:\/\//);
      expect(a.parserVersion).toBe(`${a.id}@1`);
      expect(a.contentTypes.length).toBeGreaterThan(0);
      expect(a.maxBytes).toBeGreaterThanOrEqual(1024 * 1024);
    }
  });
});
