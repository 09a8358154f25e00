import { describe, expect, it } from "vitest";
import { dateOrdinal } from "../quant/dates";
import { lifecycleData, tierChangeDates, type LifecycleObservation } from "./lifecycle-data";
import { fitLifecycle, LIFECYCLE_PRIORS as P } from "./lifecycle-fit";

const o = (
  ticker: string,
  family: string,
  effective_at: string,
  value: number,
  kind: LifecycleObservation["kind"] = "launch",
): LifecycleObservation => ({
  ticker,
  family,
  field: "output",
  value,
  effective_at,
  kind,
});
// Family f (provider p): A launches at 10, is cut to 5 after 60 days (young), B succeeds it at 8 on 2024-07-01;
// an announced end of an introductory price on B is not a surprise move. Family g (provider q): C, never moves.
const HISTORY = [
  o("A", "f", "2024-01-01", 10),
  o("A", "f", "2024-03-01", 5, "cut"),
  o("B", "f", "2024-07-01", 8),
  o("B", "f", "2024-09-01", 12, "promo-end"),
  o("C", "g", "2024-01-01", 2),
  o("A", "f", "2024-01-01", 99, "tier"), // tier rows are not the base price
];
const FAMILIES = { f: { provider: "p" }, g: { provider: "q" } };
const days = (a: string, b: string) => dateOrdinal(b) - dateOrdinal(a);

describe("fitLifecycle on a constructed history", () => {
  const data = lifecycleData(HISTORY, FAMILIES);
  const fit = fitLifecycle(data, "2025-01-01");

  it("counts exposure by lifecycle state and the one surprise move (young)", () => {
    const A = P.young_years * 365.25;
    // A: young until B launches on Jul 1 (182 days, before its 182.625 days of youth end), then superseded;
    // B and C: young A days, then old.
    expect(days("2024-01-01", "2024-07-01")).toBe(182);
    expect(fit.exposure_years.young * 365.25).toBeCloseTo(182 + 2 * A, 9);
    expect(fit.exposure_years.old * 365.25).toBeCloseTo(
      days("2024-07-01", "2025-01-01") - A + (days("2024-01-01", "2025-01-01") - A),
      9,
    );
    expect(fit.exposure_years.superseded * 365.25).toBeCloseTo(days("2024-07-01", "2025-01-01"), 9);
    expect(fit.events).toEqual({ young: 1, old: 0, superseded: 0 });
  });

  it("shrinks each state's rate toward the pooled rate (gamma prior)", () => {
    const X = fit.exposure_years.young + fit.exposure_years.old + fit.exposure_years.superseded;
    const pooled = (1 + P.hazard_prior * P.hazard_prior_years) / (X + P.hazard_prior_years);
    expect(fit.hazard.young).toBeCloseTo(
      (1 + pooled * P.hazard_cell_years) / (fit.exposure_years.young + P.hazard_cell_years),
      14,
    );
    expect(fit.hazard.superseded).toBeCloseTo(
      (0 + pooled * P.hazard_cell_years) / (fit.exposure_years.superseded + P.hazard_cell_years),
      14,
    );
  });

  it("fits the move size (ln ½) with the provider shrunk toward the pooled mean", () => {
    const mu = (Math.log(0.5) + P.jump_mu_weight * P.jump_mu) / (1 + P.jump_mu_weight);
    expect(fit.jump.mu).toBeCloseTo(mu, 14);
    expect(fit.jump.by_provider["p"]!.mu).toBeCloseTo(
      (Math.log(0.5) + P.jump_provider_weight * mu) / (1 + P.jump_provider_weight),
      14,
    );
  });

  it("counts successor launches per family-year and the tier's step at B's launch (5 → 8)", () => {
    const yf = days("2024-01-01", "2025-01-01") / 365.25;
    const pooled = (1 + P.successor_prior * P.successor_prior_years) / (2 * yf + P.successor_prior_years);
    expect(fit.successor.pooled).toBeCloseTo(pooled, 14);
    expect(fit.successor.by_family["f"]).toBeCloseTo(
      (1 + pooled * P.successor_family_years) / (yf + P.successor_family_years),
      14,
    );
    expect(fit.ratio.n).toBe(1);
    expect(fit.ratio.mu).toBeCloseTo((Math.log(8 / 5) + P.jump_mu_weight * P.ratio_mu) / (1 + P.jump_mu_weight), 14);
    expect(fit.same).toMatchObject({ n: 1 });
  });

  it("tier changes: A's cut, B's launch at a new price, B's announced step", () => {
    expect(tierChangeDates(data, "f")).toEqual(["2024-03-01", "2024-07-01", "2024-09-01"]);
  });

  it("no look-ahead: a fit at d is unchanged by anything effective after d", () => {
    const later = [
      ...HISTORY,
      o("A", "f", "2025-02-01", 1, "cut"),
      o("D", "g", "2025-03-01", 7),
      o("C", "g", "2025-06-01", 3, "rise"),
    ];
    expect(fitLifecycle(lifecycleData(later, FAMILIES), "2025-01-01")).toEqual(fit);
  });
});
