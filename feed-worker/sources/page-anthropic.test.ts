import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAnthropicPage } from "./page-anthropic";
import type { ParseResult, QuoteField } from "./types";

const PAGE = readFileSync(new URL("../fixtures/pages/anthropic.md", import.meta.url), "utf8");
const page = parseAnthropicPage(PAGE);

const value = (r: ParseResult, model: string, field: QuoteField): number | undefined =>
  r.quotes.find((q) => q.model_id === model && q.field === field)?.usd_per_m;
const codeOf = (text: string): string | undefined => {
  try {
    parseAnthropicPage(text);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe("Anthropic pricing page parser", () => {
  it("reads every column by its header label: Claude Sonnet 4.6 = 3 / 3.75 / 6 / 0.30 / 15", () => {
    expect(value(page, "Claude Sonnet 4.6", "input")).toBe(3);
    expect(value(page, "Claude Sonnet 4.6", "cache_write_5m")).toBe(3.75);
    expect(value(page, "Claude Sonnet 4.6", "cache_write_1h")).toBe(6);
    expect(value(page, "Claude Sonnet 4.6", "cache_read")).toBe(0.3);
    expect(value(page, "Claude Sonnet 4.6", "output")).toBe(15);
    expect(page.quotes.every((q) => q.provider === "anthropic" && q.source === "page-anthropic")).toBe(true);
  });

  it("lists the five models by cleaned row label (the deprecation link is stripped)", () => {
    expect(page.models).toEqual([
      "Claude Opus 4.6",
      "Claude Sonnet 4.6",
      "Claude Sonnet 4.5",
      "Claude Haiku 4.5",
      "Claude Opus 4.1",
    ]);
    expect(value(page, "Claude Opus 4.1", "output")).toBe(75);
    expect(page.quotes).toHaveLength(25);
    expect(page.rejected).toEqual([]);
  });

  it("does not depend on column order", () => {
    const swapped =
      "| Output Tokens | Model | Cache Hits & Refreshes | Base Input Tokens |\n|---|---|---|---|\n| $5 / MTok | Claude Haiku 4.5 | $0.10 / MTok | $1 / MTok |\n";
    const r = parseAnthropicPage(swapped);
    expect(r.quotes.map((q) => [q.model_id, q.field, q.usd_per_m])).toEqual([
      ["Claude Haiku 4.5", "output", 5],
      ["Claude Haiku 4.5", "cache_read", 0.1],
      ["Claude Haiku 4.5", "input", 1],
    ]);
  });

  it("fails loudly (E_PAGE_LAYOUT) when the header labels change", () => {
    expect(codeOf(PAGE.replace("Base Input Tokens", "Prompt").replace("Output Tokens", "Completion"))).toBe(
      "E_PAGE_LAYOUT",
    );
    expect(codeOf(PAGE.replace("| Model |", "| Name |"))).toBe("E_PAGE_LAYOUT");
    expect(codeOf("# Pricing\n\nPricing has moved to our new console.")).toBe("E_PAGE_LAYOUT");
  });

  it("fails on an empty body or a JSON body", () => {
    expect(codeOf("")).toBe("E_SOURCE_EMPTY");
    expect(codeOf('{"error": "not found"}')).toBe("E_SOURCE_CONTENT_TYPE");
  });

  it("rejects a junk cell and a cell without a unit alone", () => {
    const broken = PAGE.replace("| Claude Haiku 4.5 | $1 / MTok |", "| Claude Haiku 4.5 | Contact sales |").replace(
      "| $75 / MTok |",
      "| $75 |",
    );
    const r = parseAnthropicPage(broken);
    expect(r.rejected.map((x) => [x.model_id, x.field, x.code])).toEqual([
      ["Claude Haiku 4.5", "input", "E_QUOTE_JUNK"],
      ["Claude Opus 4.1", "output", "E_QUOTE_UNIT"],
    ]);
    expect(value(r, "Claude Haiku 4.5", "output")).toBe(5);
    expect(r.quotes).toHaveLength(23);
  });
});
