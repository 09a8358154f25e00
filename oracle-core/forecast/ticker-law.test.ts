import { describe, expect, it } from "vitest";
import { lawMean } from "./price-law";
import { moveCounts, tickerDrift, tickerLaw, type TickerLawState } from "./ticker-law";

const base: TickerLawState = {
  age: 0.2,
  superseded: false,
  hazard: { young: 0.3, old: 0.05, superseded: 0.01 },
  young_years: 0.5,
  successor_rate: 0,
  jump: { mu: -0.4, s: 0.5 },
};
const poisson = (lambda: number, n: number) => (Math.exp(-lambda) * lambda ** n) / [1, 1, 2, 6, 24][n]!;

describe("moveCounts", () => {
  it("a superseded ticker moves at the superseded hazard: Poisson(λs·τ)", () => {
    const p = moveCounts({ ...base, superseded: true }, 2);
    for (const n of [0, 1, 2]) expect(p[n]).toBeCloseTo(poisson(0.02, n), 15);
  });

  it("without successors, youth ends 0.3 years in: Λ = 0.3·0.3 + 0.05·(1 − 0.3)", () => {
    const p = moveCounts(base, 1);
    const L = 0.3 * 0.3 + 0.05 * 0.7;
    for (const n of [0, 1, 2, 3]) expect(p[n]).toBeCloseTo(poisson(L, n), 15);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });

  it("a successor at rate ν switches the hazard: P(no move) has a closed form when age does not matter", () => {
    // λ while newest, λs after: P0 = e^(−(ν+λ)τ) + ν e^(−λsτ)·(1 − e^(−(ν+λ−λs)τ))/(ν + λ − λs).
    const [nu, lam, ls, tau] = [2, 0.3, 0.01, 1.5];
    const st = {
      ...base,
      age: 0,
      young_years: 100,
      hazard: { young: lam, old: lam, superseded: ls },
      successor_rate: nu,
    };
    const k = nu + lam - ls;
    const p0 = Math.exp(-(nu + lam) * tau) + (nu * Math.exp(-ls * tau) * -Math.expm1(-k * tau)) / k;
    expect(moveCounts(st, tau)[0]).toBeCloseTo(p0, 11);
  });
});

describe("tickerLaw", () => {
  it("an atom at the announced path with P(no move), lognormals at n moves", () => {
    const law = tickerLaw(base, 8, 1);
    expect(law[0]).toEqual({ w: moveCounts(base, 1)[0], m: Math.log(8), s: 0, x: 8 });
    expect(law[1]).toMatchObject({ m: Math.log(8) - 0.4, s: 0.5 });
    expect(law[2]!.s).toBeCloseTo(0.5 * Math.SQRT2, 15);
  });

  it("its mean is base × the drift E[e^(Y)]^N: exp(Λ(m − 1)) for Poisson counts", () => {
    const st = { ...base, superseded: true };
    const m = Math.exp(-0.4 + 0.125);
    expect(tickerDrift(st, 2)).toBeCloseTo(Math.exp(0.02 * (m - 1)), 14);
    expect(lawMean(tickerLaw(st, 8, 2))).toBeCloseTo(8 * tickerDrift(st, 2), 12);
  });

  it("rejects a negative tenor and a non-positive price", () => {
    expect(() => moveCounts(base, -1)).toThrow(expect.objectContaining({ code: "E_NEG_TENOR" }));
    expect(() => tickerLaw(base, 0, 1)).toThrow(expect.objectContaining({ code: "E_NONPOS_PRICE" }));
  });
});
