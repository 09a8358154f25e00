// Building blocks checked against published values: erf/erfc, type-7 percentiles, xoshiro128**, day ordinals.
import { describe, expect, it } from "vitest";
import {
  createRng,
  dateOrdinal,
  erf,
  erfc,
  normCdf,
  ordinalToIso,
  percentileType7,
  timestampMs,
  xoshiro128ss,
  yearFrac,
} from "./index";

describe("erf / erfc (Cody)", () => {
  it("matches reference values to ~1e−15 relative", () => {
    const cases: [number, number][] = [
      [erf(0.5), 0.5204998778130465],
      [erfc(1), 0.15729920705028513],
      [erfc(3), 2.2090496998585438e-5],
      [erfc(-2), 1.9953222650189528],
    ];
    for (const [got, want] of cases) expect(Math.abs(got - want)).toBeLessThanOrEqual(2e-15 * Math.abs(want));
    expect(erf(0)).toBe(0);
    expect(erfc(0)).toBe(1);
    expect(erf(-1.3)).toBe(-erf(1.3));
    expect(erfc(30)).toBe(0);
  });
  it("Φ(1.959963984540054) = 0.975", () => expect(normCdf(1.959963984540054)).toBeCloseTo(0.975, 15));
});

describe("percentileType7", () => {
  it("interpolates like numpy: [1,2,3,4] → p25 1.75, p50 2.5, p100 4", () => {
    expect(percentileType7([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(percentileType7([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileType7([1, 2, 3, 4], 1)).toBe(4);
    expect(percentileType7([7], 0.05)).toBe(7);
    expect(() => percentileType7([], 0.5)).toThrow(expect.objectContaining({ code: "E_EMPTY" }));
  });
});

describe("xoshiro128**", () => {
  it("state (1,2,3,4) gives the reference sequence 11520, 0, 5927040, 70819200, 2031721883, 1637235492", () => {
    const r = xoshiro128ss(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, () => r.nextUint32())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492,
    ]);
  });
  it("seeded uniforms are in [0,1) with mean ≈ 1/2 and normals with mean ≈ 0, variance ≈ 1", () => {
    const r = createRng(42);
    const n = 100_000;
    let su = 0,
      sz = 0,
      sz2 = 0;
    for (let i = 0; i < n; i++) {
      const u = r.random();
      expect(u >= 0 && u < 1).toBe(true);
      su += u;
      const z = r.normal();
      sz += z;
      sz2 += z * z;
    }
    expect(Math.abs(su / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sz / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(sz2 / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(createRng(42).random()).toBe(createRng(42).random());
  });
});

describe("dates (no clock)", () => {
  it("ordinals match Python date.toordinal()", () => {
    expect(dateOrdinal("0001-01-01")).toBe(1);
    expect(dateOrdinal("1970-01-01")).toBe(719163);
    expect(dateOrdinal("2000-02-29")).toBe(730179);
    expect(dateOrdinal("2025-01-01")).toBe(739252);
    expect(dateOrdinal("9999-12-31")).toBe(3652059);
  });
  it("round-trips and agrees with Date.UTC day counts", () => {
    for (let n = 730_000; n < 740_000; n += 37) {
      const iso = ordinalToIso(n);
      expect(dateOrdinal(iso)).toBe(n);
      expect(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8))) / 86_400_000).toBe(
        n - 719163,
      );
    }
  });
  it("rejects invalid dates with E_BAD_DATE", () => {
    for (const bad of ["2025-02-29", "2024-02-30", "2025-13-01", "2025-1-01", "20250101", "", "2025-01-01T00:00:00Z"]) {
      expect(() => dateOrdinal(bad)).toThrow(expect.objectContaining({ code: "E_BAD_DATE" }));
    }
  });
  it("timestamps and ACT/365.25 year fractions", () => {
    expect(timestampMs("2025-01-06T16:00:00Z")).toBe(Date.UTC(2025, 0, 6, 16));
    expect(() => timestampMs("2025-01-06T24:00:00Z")).toThrow(expect.objectContaining({ code: "E_BAD_DATE" }));
    expect(yearFrac("2024-01-01", "2025-01-01")).toBe(366 / 365.25);
  });
});
