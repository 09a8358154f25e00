import { describe, expect, it } from "vitest";
import { pitHistogram, reliability } from "./backtest-calibration";

describe("pitHistogram", () => {
  it("spreads a randomized PIT uniformly over [F(y−), F(y)] and counts a point PIT in its bin", () => {
    // [0.1, 0.5] over 5 bins of 0.2: 0.1 of its 0.4 in [0, 0.2), 0.2 in [0.2, 0.4), 0.1 in [0.4, 0.6).
    expect(pitHistogram([{ pit: [0.1, 0.5] }], 5).map((x) => +x.toFixed(12))).toEqual([0.25, 0.5, 0.25, 0, 0]);
    expect(pitHistogram([{ pit: [0.73, 0.73] }], 10)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect(pitHistogram([{ pit: [1, 1] }], 4)).toEqual([0, 0, 0, 1]); // F(y) = 1 goes in the last bin
  });

  it("averages over pairs: a price on the atom of an unmoved forecast (PIT uniform on [0, 1]) is flat", () => {
    const h = pitHistogram([{ pit: [0, 1] }, { pit: [0.05, 0.05] }], 10);
    expect(h[0]).toBeCloseTo(0.55, 12);
    expect(h[9]).toBeCloseTo(0.05, 12);
    expect(h.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(pitHistogram([], 3)).toEqual([0, 0, 0]);
  });
});

describe("reliability", () => {
  it("is the diagonal for uniform PITs, and counts point PITs inside or outside each band", () => {
    for (const r of reliability([{ pit: [0, 1] }])) expect(r.observed).toBeCloseTo(r.nominal, 12);
    // PIT 0.97 is outside every central band up to 90% ([0.05, 0.95]); PIT 0.5 inside all.
    const r = reliability([{ pit: [0.97, 0.97] }, { pit: [0.5, 0.5] }]);
    expect(r.map((x) => x.observed)).toEqual(Array(9).fill(0.5));
    expect(reliability([])[0]).toEqual({ nominal: 0.1, observed: null });
  });
});
