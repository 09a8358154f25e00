import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { RegistryEntry, RegistryFile } from "../schemas/registry";
import { instrumentFromEntry, pricesInForce } from "./instrument-from-entry";

const registry = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../../data/registry.json"), "utf8"),
) as RegistryFile;
const row = (t: string): RegistryEntry => registry.models.find((m) => m.ticker === t)!;

describe("instrumentFromEntry reproduces MATH.md §1's examples", () => {
  it("Claude Sonnet 4: $3 in / $15 out / $0.30 read / $3.75 & $6 write, τ=200,000 α_in 2 α_out 1.5", () => {
    const i = instrumentFromEntry(row("SONNET-4"));
    expect(i.beta).toBe(15);
    expect(i.r_in).toBeCloseTo(0.2, 15);
    expect(i.r_cache).toBeCloseTo(0.02, 15);
    expect(i.cache_write_mult).toEqual({ "5m": 1.25, "1h": 2 });
    expect(i.cache_write_mult["5m"] * i.r_in).toBeCloseTo(0.25, 15); // r_cw 5m
    expect(i.cache_write_mult["1h"] * i.r_in).toBeCloseTo(0.4, 15); // r_cw 1h
    expect(i.tiers).toEqual([{ tau: 200_000, alpha_in: 2, alpha_out: 1.5 }]);
    expect(i.r_think).toBe(1);
    expect(i.r_batch).toBe(0.5); // Anthropic sells batch; no archive states it → MATH default
  });

  it("Gemini 2.5 Pro: β 10, r_in 0.125, tier τ=200,000 α_in 2 α_out 1.5", () => {
    const i = instrumentFromEntry(row("GEMINI-2.5-PRO"));
    expect(i.beta).toBe(10);
    expect(i.r_in).toBe(0.125);
    expect(i.r_cache).toBe(0.0125); // $0.125 read in 2026 (MATH's table quotes the older $0.3125)
    expect(i.tiers).toEqual([{ tau: 200_000, alpha_in: 2, alpha_out: 1.5 }]);
    expect(i.r_think).toBe(1); // thinking billed as output
  });

  it("GPT-4.1: $2 in / $8 out / $0.50 cached, no write premium, no tiers, batch 0.5 from LiteLLM", () => {
    const i = instrumentFromEntry(row("GPT-4.1"));
    expect(i).toEqual({
      beta: 8,
      r_in: 0.25,
      r_cache: 0.0625,
      r_think: 1,
      r_batch: 0.5,
      cache_write_mult: { "5m": 1, "1h": 1 },
      tiers: [],
    });
  });
});

describe("instrumentFromEntry edge cases", () => {
  it("DeepSeek has no batch API: r_batch null", () => {
    expect(instrumentFromEntry(row("DEEPSEEK-V4-FLASH")).r_batch).toBeNull();
  });

  it("a model without a cache price has r_cache = r_in (no discount)", () => {
    const i = instrumentFromEntry(row("GPT-4"));
    expect(i.r_in).toBe(0.5);
    expect(i.r_cache).toBe(0.5);
  });

  it("one write price (OpenAI GPT-5.6) applies to both TTLs: $0.25 ÷ $0.20 = 1.25", () => {
    expect(instrumentFromEntry(row("GPT-5.6-LUNA")).cache_write_mult).toEqual({ "5m": 1.25, "1h": 1.25 });
  });

  it("honours a scheduled price from its effective date: Sonnet 5 $2/$10 → $3/$15 on 2026-09-01", () => {
    const e = row("SONNET-5");
    expect(instrumentFromEntry(e, { at: "2026-08-31" }).beta).toBe(10);
    const after = instrumentFromEntry(e, { at: "2026-09-01" });
    expect(after.beta).toBe(15);
    expect(after.r_in).toBeCloseTo(0.2, 15);
    expect(after.r_cache).toBeCloseTo(0.02, 15); // the scheduled $0.30 read price
    expect(pricesInForce(e, "2026-09-01")).toEqual({
      input: 3,
      output: 15,
      cache_read: 0.3,
      scheduled_from: "2026-09-01",
    });
    expect(instrumentFromEntry(e).beta).toBe(10); // no `at`: the current price
  });

  it("a scheduled entry without a cache price keeps the cache discount", () => {
    const e = structuredClone(row("SONNET-5"));
    delete e.scheduled[0]!.cache_read;
    expect(pricesInForce(e, "2027-01-01").cache_read).toBeCloseTo(0.3, 12); // 0.2/2 × 3
  });

  it("rejects a malformed date with E_BAD_DATE", () => {
    expect(() => instrumentFromEntry(row("O3"), { at: "01/09/2026" })).toThrowError(
      expect.objectContaining({ code: "E_BAD_DATE" }),
    );
  });
});
