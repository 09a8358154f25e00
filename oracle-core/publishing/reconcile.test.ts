import { describe, expect, it } from "vitest";
import { reconcile } from "./reconcile";
import { tidyPrice } from "./tidy-price";

describe("reconcile", () => {
  it("takes the median across sources and reports agreement", () => {
    const r = reconcile([
      { source: "litellm", usd_per_m: 8 },
      { source: "genai-prices", usd_per_m: 8 },
      { source: "openrouter", usd_per_m: 10 },
    ])!;
    expect(r.value).toBe(8);
    expect(r.status).toBe("ok");
    expect(r.agreeing).toEqual(["genai-prices", "litellm"]);
    expect(r.outliers).toEqual([{ source: "openrouter", usd_per_m: 10 }]);
    expect(r.dispersion).toBeCloseTo(0.25, 15); // (10 - 8) / 8
  });

  it("uses the lower middle value for an even count, so the price is one a source quotes", () => {
    const r = reconcile([
      { source: "a", usd_per_m: 15 },
      { source: "b", usd_per_m: 10 },
    ])!;
    expect(r.value).toBe(10);
    expect(r.status).toBe("disputed");
  });

  it("a single source is single_source with zero dispersion", () => {
    const r = reconcile([{ source: "litellm", usd_per_m: 4.4 }])!;
    expect(r).toMatchObject({ value: 4.4, status: "single_source", dispersion: 0 });
  });

  it("counts llm-prices and its historical file as one origin", () => {
    const r = reconcile([
      { source: "llm-prices", usd_per_m: 2 },
      { source: "llm-prices-historical", usd_per_m: 2 },
    ])!;
    expect(r.status).toBe("single_source");
  });

  it("one wild source cannot move the median of five", () => {
    const r = reconcile([
      { source: "a", usd_per_m: 0.4 },
      { source: "b", usd_per_m: 0.4 },
      { source: "c", usd_per_m: 600 },
      { source: "d", usd_per_m: 0.4 },
      { source: "e", usd_per_m: 0.4 },
    ])!;
    expect(r.value).toBe(0.4);
    expect(r.outliers).toEqual([{ source: "c", usd_per_m: 600 }]);
  });

  it("cleans unit-conversion float noise and ignores junk", () => {
    expect(tidyPrice(8e-6 * 1e6)).toBe(8);
    expect(reconcile([{ source: "a", usd_per_m: Number.NaN }])).toBeNull();
  });
  it("is disputed when two independent origins agree on another price, though out-voted 3 to 2", () => {
    // GROK-4.20-MULTI-AGENT output on 2026-08-21: LiteLLM, models.dev, llm-prices 2.5; genai-prices, OpenRouter 6
    const r = reconcile([
      { source: "genai-prices", usd_per_m: 6 },
      { source: "litellm", usd_per_m: 2.5 },
      { source: "models-dev", usd_per_m: 2.5 },
      { source: "llm-prices", usd_per_m: 2.5 },
      { source: "openrouter", usd_per_m: 6 },
    ])!;
    expect(r).toMatchObject({ value: 2.5, status: "disputed" });
    expect(r.outliers).toEqual([
      { source: "genai-prices", usd_per_m: 6 },
      { source: "openrouter", usd_per_m: 6 },
    ]);
  });

  it("stray outliers that agree with no one leave a majority ok", () => {
    const r = reconcile([
      { source: "a", usd_per_m: 2.5 },
      { source: "b", usd_per_m: 2.5 },
      { source: "c", usd_per_m: 2.5 },
      { source: "d", usd_per_m: 6 },
      { source: "e", usd_per_m: 7 },
    ])!;
    expect(r.status).toBe("ok");
  });
});
