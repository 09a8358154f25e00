import { describe, expect, it } from "vitest";
import { parseClockOffset } from "./clock-offset";

describe("parseClockOffset", () => {
  it("reads a whole number and a unit", () => {
    expect(parseClockOffset("365d")).toBe(365 * 24 * 3600 * 1000); // 31,536,000,000 ms
    expect(parseClockOffset("-12h")).toBe(-43_200_000);
    expect(parseClockOffset("+90m")).toBe(5_400_000);
    expect(parseClockOffset("30s")).toBe(30_000);
    expect(parseClockOffset("1500ms")).toBe(1500);
  });

  it("treats absent, empty and zero as no offset", () => {
    expect(parseClockOffset(undefined)).toBe(0);
    expect(parseClockOffset(null)).toBe(0);
    expect(parseClockOffset(" ")).toBe(0);
    expect(parseClockOffset("0")).toBe(0);
  });

  it("rejects anything else with E_CLOCK_OFFSET", () => {
    for (const bad of ["365", "1y", "1.5d", "d", "365 days", "2027-01-01"]) {
      const error = expect.objectContaining({ code: "E_CLOCK_OFFSET", field: "EXOSTREAM_CLOCK_OFFSET" });
      expect(() => parseClockOffset(bad), bad).toThrow(error);
    }
  });
});
