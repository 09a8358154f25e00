import { describe, expect, it } from "vitest";
import { percentileType7 } from "../quant/percentile";
import { createRng } from "../quant/rng";
import { samplePercentiles } from "./sample-percentiles";

const PS = [0.05, 0.25, 0.5, 0.75, 0.95];

describe("samplePercentiles", () => {
  it("the hand example: type-7 25% of 1,2,3,4 is 1.75", () => {
    expect(samplePercentiles(Float64Array.of(3, 1, 2, 4), [0.25], (x) => x)).toEqual([1.75]);
  });

  it.each([
    ["continuous", 0],
    ["80% at the atom", 0.8],
    ["99% at the atom", 0.99],
    ["all at the atom", 1],
  ])("equals sorting and percentileType7 (%s)", (_, atom) => {
    const rng = createRng(11);
    const xs = Float64Array.from({ length: 20_001 }, () => (rng.random() < atom ? 0 : rng.normal() * 0.8 - 0.2));
    const sorted = Float64Array.from(xs).sort();
    const f = (x: number) => 8 * Math.exp(x);
    const got = samplePercentiles(xs, PS, f);
    PS.forEach((p, k) => expect(got[k]).toBeCloseTo(percentileType7(Float64Array.from(sorted, f), p), 12));
  });
});
