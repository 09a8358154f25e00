import { describe, expect, it } from "vitest";
import { tidyPrice } from "./tidy-price";

describe("tidyPrice", () => {
  it("removes unit-conversion noise: per-token floats × 1e6 give the stated per-1M price", () => {
    expect(2.19e-6 * 1e6).toBe(2.1900000000000004); // DeepSeek R1's $2.19 output, as LiteLLM states it per token
    expect(tidyPrice(2.19e-6 * 1e6)).toBe(2.19);
    expect(9e-7 * 1e6).toBe(0.8999999999999999);
    expect(tidyPrice(9e-7 * 1e6)).toBe(0.9);
    expect(tidyPrice(2.8e-9 * 1e6)).toBe(0.0028);
  });

  it("removes ratio noise: 15 × (0.6/3) is 3", () => {
    expect(15 * (0.6 / 3)).toBe(2.9999999999999996);
    expect(tidyPrice(15 * (0.6 / 3))).toBe(3);
  });

  it("keeps 12 significant digits, so a stated 10-digit price is unchanged", () => {
    expect(tidyPrice(1.234567891)).toBe(1.234567891);
    expect(tidyPrice(0.1234567890123)).toBe(0.123456789012);
    expect(tidyPrice(0)).toBe(0);
  });
});
