import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { HistoryFileSchema, ObservationSchema, ProvenanceSchema } from "./observation";

const history = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../data/history.json"), "utf8"));
const base = {
  ticker: "GPT-4O",
  family: "openai-flagship",
  field: "output",
  value: 10,
  effective_at: "2024-08-06",
  observed_at: "2026-08-21",
  kind: "cut",
  source: "test",
  provenance: "historical:public-record",
  confidence: "public-record",
};

describe("ObservationSchema", () => {
  it("accepts the committed history", () => {
    const r = HistoryFileSchema.safeParse(history);
    expect(r.success ? [] : r.error.issues.slice(0, 3)).toEqual([]);
  });

  it("accepts an ISO datetime as observed_at and a scrape provenance", () => {
    expect(
      ObservationSchema.safeParse({ ...base, observed_at: "2026-08-21T15:02:24Z", provenance: "scrape:litellm" })
        .success,
    ).toBe(true);
  });

  it("rejects unknown provenance, confidence, kind; bad dates; out-of-bounds values", () => {
    expect(ProvenanceSchema.safeParse("scrape:").success).toBe(false);
    expect(ProvenanceSchema.safeParse("rumour").success).toBe(false);
    for (const bad of [
      { confidence: "likely" },
      { kind: "drop" },
      { effective_at: "2024-8-6" },
      { value: 0 },
      { value: 1e4 },
      { field: "storage" },
    ]) {
      expect(ObservationSchema.safeParse({ ...base, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("tier_* fields need tier_above_tokens, and only they may carry it", () => {
    expect(ObservationSchema.safeParse({ ...base, field: "tier_output", value: 15 }).success).toBe(false);
    expect(
      ObservationSchema.safeParse({ ...base, field: "tier_output", value: 15, tier_above_tokens: 200_000 }).success,
    ).toBe(true);
    expect(ObservationSchema.safeParse({ ...base, tier_above_tokens: 200_000 }).success).toBe(false);
  });
});
