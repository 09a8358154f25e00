import { describe, expect, it } from "vitest";
import { isRejectable, unitSuspect } from "./unit-suspect";

describe("unitSuspect", () => {
  it("flags the Gemini 2.0 Flash 1500× glitch ($150 vs $0.10) with the factor in the reason", () => {
    const s = unitSuspect(150, 0.1);
    expect(s?.code).toBe("E_UNIT_SUSPECT");
    expect(s?.factor).toBeCloseTo(1500, 6);
    expect(s?.reason).toContain("1500×");
    expect(s?.likely).toContain("×1000");
    expect(isRejectable(s!)).toBe(true);
  });

  it("names a per-1K price read as per-1M (÷1000)", () => {
    const s = unitSuspect(0.002, 2);
    expect(s?.factor).toBeCloseTo(0.001, 12);
    expect(s?.reason).toBe(
      "0.002 USD/M is 1/1000 of the last published 2 (≈ ÷1000 slip, e.g. a per-1K price read as per-1M)",
    );
  });

  it("names the ×100000 and per-token slips", () => {
    expect(unitSuspect(100_000, 1)?.likely).toContain("×100000");
    expect(unitSuspect(3e-6, 3)?.likely).toContain("per-token price taken as per-1M");
  });

  it("leaves real price moves alone, including an 80% cut (o3: 10 → 2) and a 5× cut", () => {
    expect(unitSuspect(2, 10)).toBeNull();
    expect(unitSuspect(0.2, 1)).toBeNull();
    expect(unitSuspect(3.75, 3)).toBeNull();
  });

  it("flags a 10–100× move without naming a slip, and does not make it rejectable", () => {
    const s = unitSuspect(0.7, 8);
    expect(s?.likely).toBeUndefined();
    expect(s?.reason).toContain("1/11.4 of");
    expect(isRejectable(s!)).toBe(false);
  });

  it("returns null without a usable reference", () => {
    expect(unitSuspect(5, 0)).toBeNull();
    expect(unitSuspect(0, 5)).toBeNull();
    expect(unitSuspect(Number.NaN, 5)).toBeNull();
  });
});
