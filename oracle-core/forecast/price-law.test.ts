import { describe, expect, it } from "vitest";
import { normCdf } from "../quant/erf";
import { lawCdf, lawCrps, lawMean, lawPit, lawQuantile, pitCoverage, widenLaw, type PriceLaw } from "./price-law";

const ln = Math.log;
// 90% "no change" at 8, 10% a move to a lognormal around 4.
const mixed: PriceLaw = [
  { w: 0.9, m: ln(8), s: 0, x: 8 },
  { w: 0.1, m: ln(4), s: 0.5 },
];

/** ∫ (F(x) − 1{x ≥ y})² dx by the midpoint rule on a grid whose nodes include the jumps: CRPS by definition. */
function crpsByIntegral(law: PriceLaw, y: number, hi: number, steps = 400_000): number {
  const h = hi / steps;
  let s = 0;
  for (let i = 0; i < steps; i++) {
    const x = (i + 0.5) * h;
    s += (lawCdf(law, x) - (x >= y ? 1 : 0)) ** 2;
  }
  return s * h;
}

describe("price laws", () => {
  it("mean is Σ w·e^(m + s²/2)", () => {
    expect(lawMean(mixed)).toBeCloseTo(0.9 * 8 + 0.1 * 4 * Math.exp(0.125), 12);
  });

  it("the CDF jumps at an atom: F(8−) = 0.1·Φ(ln 2 / 0.5), F(8) = that + 0.9", () => {
    const below = 0.1 * normCdf(ln(2) / 0.5);
    expect(lawCdf(mixed, 8, true)).toBeCloseTo(below, 14);
    expect(lawCdf(mixed, 8)).toBeCloseTo(below + 0.9, 14);
    expect(lawPit(mixed, 8)).toEqual({ lo: lawCdf(mixed, 8, true), hi: lawCdf(mixed, 8) });
  });

  it("quantiles: an atom comes back exactly, a lognormal's at e^(μ + σ·z)", () => {
    expect(lawQuantile(mixed, 0.5)).toBe(8);
    expect(lawQuantile(mixed, 0.95)).toBe(8);
    const one: PriceLaw = [{ w: 1, m: ln(10), s: 0.4 }];
    expect(lawQuantile(one, 0.5)).toBeCloseTo(10, 9);
    expect(lawQuantile(one, normCdf(1))).toBeCloseTo(10 * Math.exp(0.4), 9);
    // 5% of the mixture lies below the atom: inside the lognormal, where 0.1·Φ((ln q − ln 4)/0.5) = 0.05.
    expect(lawQuantile(mixed, 0.05)).toBeCloseTo(4, 9);
  });

  it("CRPS of a point mass is the absolute error (how 'no change' is scored)", () => {
    expect(lawCrps([{ w: 1, m: ln(10), s: 0 }], 8)).toBeCloseTo(2, 12);
    expect(lawCrps([{ w: 1, m: ln(10), s: 0 }], 10)).toBe(0);
  });

  it("CRPS of a lognormal equals the closed form of Baran & Lerch (2015)", () => {
    const [mu, sd, y] = [ln(5), 0.6, 7];
    const z = (ln(y) - mu) / sd;
    const closed =
      y * (2 * normCdf(z) - 1) - 2 * Math.exp(mu + (sd * sd) / 2) * (normCdf(z - sd) + normCdf(sd / Math.SQRT2) - 1);
    expect(lawCrps([{ w: 1, m: mu, s: sd }], y)).toBeCloseTo(closed, 12);
  });

  it("CRPS of the atom + lognormal mixture equals ∫ (F − 1{x ≥ y})² dx", () => {
    for (const y of [8, 5, 12]) expect(lawCrps(mixed, y)).toBeCloseTo(crpsByIntegral(mixed, y, 200), 6);
  });

  it("randomized PIT: a point mass spread over [lo, hi] covers a band by the overlap's share", () => {
    // PIT uniform on [0.2, 0.8]: the central 50% band [0.25, 0.75] holds 0.5/0.6 of it.
    expect(pitCoverage({ lo: 0.2, hi: 0.8 }, 0.5)).toBeCloseTo(0.5 / 0.6, 14);
    // A pure "no change" forecast of a price that did not change: PIT uniform on [0, 1], coverage = nominal.
    expect(pitCoverage(lawPit([{ w: 1, m: ln(8), s: 0 }], 8), 0.9)).toBeCloseTo(0.9, 14);
    expect(pitCoverage({ lo: 0.97, hi: 0.97 }, 0.9)).toBe(0);
    expect(pitCoverage({ lo: 0.5, hi: 0.5 }, 0.9)).toBe(1);
  });

  it("widening keeps every component's mean and scales its ln-sd; atoms stay", () => {
    const w = widenLaw(mixed, 1.5);
    expect(lawMean(w)).toBeCloseTo(lawMean(mixed), 12);
    expect(w[1]!.s).toBeCloseTo(0.75, 15);
    expect(w[0]).toEqual(mixed[0]);
  });
});
