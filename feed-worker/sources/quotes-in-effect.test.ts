import { describe, expect, it } from "vitest";
import { quotesInEffect } from "./quotes-in-effect";
import type { SourceQuote } from "./types";

const q = (usd_per_m: number, from?: string, to?: string): SourceQuote => ({
  source: "llm-prices-historical",
  model_id: "m",
  field: "input",
  usd_per_m,
  ...(from ? { effective_from: from } : {}),
  ...(to ? { effective_to: to } : {}),
});
const schedule = [q(10, undefined, "2025-06-10"), q(2, "2025-06-10")];

describe("quotesInEffect", () => {
  it("includes effective_from and excludes effective_to", () => {
    expect(quotesInEffect(schedule, "2025-06-09").map((x) => x.usd_per_m)).toEqual([10]);
    expect(quotesInEffect(schedule, "2025-06-10").map((x) => x.usd_per_m)).toEqual([2]);
  });

  it("accepts a Date and compares by UTC day", () => {
    expect(quotesInEffect(schedule, new Date("2025-06-10T23:59:59Z")).map((x) => x.usd_per_m)).toEqual([2]);
  });

  it("always keeps undated quotes", () => {
    expect(quotesInEffect([q(3)], "1999-01-01")).toHaveLength(1);
  });
});
