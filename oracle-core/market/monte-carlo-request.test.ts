import { describe, expect, it } from "vitest";
import { MC_PATHS, mcQuery, monteCarloFor, type LegacyMcTenor, type McTenor } from "./monte-carlo-request";

describe("mcQuery", () => {
  it("defaults to 10,000 paths and seed 1, and accepts the bounds", () => {
    expect(mcQuery({})).toEqual({ paths: 10_000, seed: 1 });
    expect(mcQuery({ paths: "100", seed: "0" })).toEqual({ paths: 100, seed: 0 });
    expect(mcQuery({ paths: "50000", seed: "42" })).toEqual({ paths: MC_PATHS.max, seed: 42 });
  });

  it.each(["0", "99", "50001", "1e9", "1000000000", "abc", "1.5", "-5", "", "0x100"])(
    "rejects paths=%j with E_BAD_MC_PARAM and the allowed range",
    (paths) => {
      expect(() => mcQuery({ paths })).toThrow(
        expect.objectContaining({
          code: "E_BAD_MC_PARAM",
          field: "paths",
          message: expect.stringContaining("from 100 to 50000"),
        }),
      );
    },
  );

  it.each(["abc", "-1", "1.5", "99999999999999999999"])("rejects seed=%j", (seed) => {
    expect(() => mcQuery({ seed })).toThrow(expect.objectContaining({ code: "E_BAD_MC_PARAM", field: "seed" }));
  });
});

describe("monteCarloFor on a row without a forecast model (older snapshots): Merton, MATH.md §10", () => {
  const row = { ticker: "GPT-4.1", beta: 8, theta: 0.8015, sigma_month: 0.1262 };

  it("is deterministic for a seed and changes with it", () => {
    const a = monteCarloFor(row, { paths: 2_000, seed: 7 });
    expect(monteCarloFor(row, { paths: 2_000, seed: 7 })).toEqual(a);
    expect(monteCarloFor(row, { paths: 2_000, seed: 8 }).tenors["12M"]!.p50).not.toBe(a.tenors["12M"]!.p50);
    expect(Object.keys(a.tenors)).toEqual(["1M", "3M", "6M", "12M"]);
  });

  it("puts the exact law beside the sample: E[β_t] = β·e^(−θt), and the sample passes MATH §10.4 at 20,000 paths", () => {
    const n = 20_000;
    const r = monteCarloFor(row, { paths: n, seed: 3 });
    for (const s of Object.values(r.tenors) as LegacyMcTenor[]) {
      expect(s.analytic.mean).toBeCloseTo(8 * Math.exp(-0.8015 * s.t), 12);
      expect(Math.abs(s.mean - s.analytic.mean)).toBeLessThanOrEqual((4 * s.analytic.sd) / Math.sqrt(n));
      expect(s.p5).toBeLessThan(s.p25);
      expect(s.p75).toBeLessThan(s.p95);
    }
  });

  it("refuses a row without a positive price", () => {
    expect(() => monteCarloFor({ ...row, beta: 0 }, { paths: 100, seed: 1 })).toThrow(
      expect.objectContaining({ code: "E_BAD_MC_PARAM" }),
    );
  });
});

describe("monteCarloFor on a row's forecast model", () => {
  const forecast = {
    as_of: "2026-11-24",
    launch: "2026-10-01",
    superseded: false,
    hazard: { young: 0.4, old: 0.05, superseded: 0.01, young_years: 0.5 },
    successor_rate: 2,
    jump: { mu: -0.4, s: 0.6 },
    tier: { p_same: 0.3, ratio: { mu: 0, s: 0.6 }, rate_scale: 1.5, widen: 1.3 },
  };
  const row = {
    ticker: "Z",
    family: "z",
    beta: 8,
    theta: 0.5,
    sigma_month: 0.1,
    scheduled: [{ effective_date: "2027-03-01", input: 1, output: 12, kind: "scheduled" }],
    forecast,
  };

  it("simulates the ticker and, on the family's newest model, the tier; the exact law beside each", () => {
    const n = 20_000;
    const r = monteCarloFor(row, { paths: n, seed: 3 });
    expect([r.model, r.valuation_date, r.tier!.family]).toEqual(["lifecycle-hazard", "2026-11-24", "z"]);
    for (const s of [...Object.values(r.tenors), ...Object.values(r.tier!.tenors)] as McTenor[]) {
      expect(Math.abs(s.mean - s.analytic.mean)).toBeLessThanOrEqual(
        (4 * s.sd!) / Math.sqrt(n) + 1e-4 * s.analytic.mean,
      );
    }
    // The announced 12.00 from 2027-03-01 (97 days in): certain at 6M, not at 3M.
    expect((r.tenors["6M"] as McTenor).p_change).toBe(1);
    expect((r.tenors["3M"] as McTenor).analytic.p50).toBe(8);
    expect((r.tenors["6M"] as McTenor).analytic.p50).toBe(12);
    expect(monteCarloFor(row, { paths: 2_000, seed: 3 })).toEqual(monteCarloFor(row, { paths: 2_000, seed: 3 }));
  });
});
