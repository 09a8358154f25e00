import { describe, expect, it } from "vitest";
import type { PriceQuote } from "./price-quote";
import { checkPriceBounds } from "./price-bounds";

const q = (usd_per_m: number): PriceQuote => ({ model_id: "m", field: "output", usd_per_m });

describe("checkPriceBounds", () => {
  it("accepts prices inside [1e-4, 1000) USD per 1M: the floor included, the ceiling not", () => {
    for (const v of [8, 0.0028, 600, 1e-4, 999.99]) expect(checkPriceBounds(q(v))).toBeNull();
  });

  it("rejects exactly 1000 USD/M (1e-3 USD/token), the round figure of a slipped unit", () => {
    expect(checkPriceBounds(q(1000))?.code).toBe("E_PRICE_BOUNDS");
  });

  it("rejects prices outside the band with the per-token value in the reason", () => {
    const r = checkPriceBounds(q(8000)); // gpt-4.1 output ×1000
    expect(r).toMatchObject({ code: "E_PRICE_BOUNDS", model_id: "m", field: "output" });
    expect(r?.reason).toContain("8.000e-3 USD/token");
    expect(checkPriceBounds(q(1000.5))?.code).toBe("E_PRICE_BOUNDS");
    expect(checkPriceBounds(q(5e-5))?.code).toBe("E_PRICE_BOUNDS");
  });

  it("rejects zero as not a market price", () => {
    expect(checkPriceBounds(q(0))).toMatchObject({ code: "E_PRICE_BOUNDS" });
    expect(checkPriceBounds(q(0))?.reason).toContain("free or unpriced");
  });

  it("rejects negative and non-finite values as invalid", () => {
    expect(checkPriceBounds(q(-1e6))?.code).toBe("E_PRICE_INVALID"); // an OpenRouter "-1" that slipped through
    expect(checkPriceBounds(q(Number.NaN))?.code).toBe("E_PRICE_INVALID");
    expect(checkPriceBounds(q(Number.POSITIVE_INFINITY))?.code).toBe("E_PRICE_INVALID");
    expect(checkPriceBounds({ ...q(1), usd_per_m: "3" as unknown as number })?.code).toBe("E_PRICE_INVALID");
  });
});
