import { describe, expect, it } from "vitest";
import { lawMean } from "./price-law";
import { tierLaw, tierMoveMean, type TierLawState } from "./tier-law";

const st: TierLawState = {
  head_age: 0.1,
  hazard: { young: 0.3, old: 0.05 },
  young_years: 0.5,
  successor_rate: 2,
  p_same: 0.25,
  ratio: { mu: 0.1, s: 0.8 },
  jump: { mu: -0.4, s: 0.6 },
  rate_scale: 1,
  widen: 1,
};

describe("tierMoveMean", () => {
  it("with no launches: young for the 0.4 years left, then old", () => {
    expect(tierMoveMean({ ...st, successor_rate: 0 }, 1)).toBeCloseTo(0.3 * 0.4 + 0.05 * 0.6, 15);
  });

  it("with launches, the newest model is young again with probability 1 − e^(−ν·min(A, u))", () => {
    // Numerically: ∫₀^τ λo + (λy − λo)·P(young at u) du on a fine midpoint grid.
    const tau = 1.3;
    let num = 0;
    const h = 1e-5;
    for (let u = h / 2; u < tau; u += h) {
      const py = 0.1 + u < 0.5 ? 1 : 1 - Math.exp(-2 * Math.min(0.5, u));
      num += (0.05 + 0.25 * py) * h;
    }
    expect(tierMoveMean(st, tau)).toBeCloseTo(num, 8);
  });
});

describe("tierLaw", () => {
  it("weights sum to 1 and the no-event atom is exactly the announced price", () => {
    const law = tierLaw(st, 15, 0.5);
    expect(law.reduce((s, c) => s + c.w, 0)).toBeCloseTo(1, 14);
    const atom = law.find((c) => c.s === 0)!;
    expect(atom.x).toBe(15);
    // Renormalised after the far tail is dropped: equal to 6 digits.
    expect(atom.w).toBeCloseTo(Math.exp(-2 * 0.75 * 0.5 - tierMoveMean(st, 0.5)), 6);
  });

  it("mean = base·exp(c·ν(1 − p_same)τ(e^(μR + sR²/2) − 1) + Λ(e^(μ + s²/2) − 1)), widening or not", () => {
    const tau = 0.5;
    for (const cal of [
      { rate_scale: 1, widen: 1 },
      { rate_scale: 1.5, widen: 1.3 },
    ]) {
      const s2 = { ...st, ...cal };
      const expect_ =
        15 *
        Math.exp(
          cal.rate_scale * 2 * 0.75 * tau * (Math.exp(0.1 + 0.32) - 1) +
            tierMoveMean(s2, tau) * (Math.exp(-0.4 + 0.18) - 1),
        );
      expect(lawMean(tierLaw(s2, 15, tau)) / expect_).toBeCloseTo(1, 5); // components below 1e-9 are dropped
    }
  });
});
