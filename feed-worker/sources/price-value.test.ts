import { describe, expect, it } from "vitest";
import { readPriceValue, toPerMillion } from "./price-value";

describe("readPriceValue", () => {
  it("reads numbers and numeric strings", () => {
    expect(readPriceValue(8e-6)).toEqual({ kind: "number", value: 8e-6 });
    expect(readPriceValue("0.000003")).toEqual({ kind: "number", value: 0.000003 });
    expect(readPriceValue(" 1.5e-7 ")).toEqual({ kind: "number", value: 1.5e-7 });
    expect(readPriceValue("0")).toEqual({ kind: "number", value: 0 });
  });

  it("treats null, undefined and empty strings as absent", () => {
    expect(readPriceValue(null).kind).toBe("absent");
    expect(readPriceValue(undefined).kind).toBe("absent");
    expect(readPriceValue("").kind).toBe("absent");
  });

  it("rejects the -1 sentinel as variable, never as a price", () => {
    expect(readPriceValue("-1").kind).toBe("variable");
    expect(readPriceValue(-1).kind).toBe("variable");
  });

  it("rejects junk: words, currency text, objects, booleans", () => {
    expect(readPriceValue("free").kind).toBe("junk");
    expect(readPriceValue("$3").kind).toBe("junk");
    expect(readPriceValue("1,000").kind).toBe("junk");
    expect(readPriceValue({ base: 1 }).kind).toBe("junk");
    expect(readPriceValue(true).kind).toBe("junk");
  });

  it("keeps other negatives as numbers so the guard can reject them with E_PRICE_INVALID", () => {
    expect(readPriceValue(-0.5)).toEqual({ kind: "number", value: -0.5 });
  });
});

describe("toPerMillion", () => {
  it("removes binary noise from per-token conversions", () => {
    expect(4e-7 * 1e6).not.toBe(0.4); // the reason the rounding exists
    expect(toPerMillion(4e-7, 1e6)).toBe(0.4);
    expect(toPerMillion(8e-6, 1e6)).toBe(8);
    expect(toPerMillion(3.75e-6, 1e6)).toBe(3.75);
    expect(toPerMillion(2.8e-9, 1e6)).toBe(0.0028);
    expect(toPerMillion(0.002, 1e3)).toBe(2);
    expect(toPerMillion(0.125, 1)).toBe(0.125);
  });
});
