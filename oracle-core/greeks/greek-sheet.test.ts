import { describe, expect, it } from "vitest";
import history from "../../data/history.json";
import registryJson from "../../data/registry.json";
import { DEFAULTS } from "../quant/defaults";
import { HistoryFileSchema } from "../schemas/observation";
import { RegistryFileSchema } from "../schemas/registry";
import { fitFamilies } from "./family-fits";
import { greekRow, lastChange, type QuoteState } from "./greek-sheet";

const obs = HistoryFileSchema.parse(history).observations;

describe("lastChange", () => {
  it("counts SONNET-5's scheduled end of its introductory price once 2026-09-01 has come (10 → 15)", () => {
    expect(lastChange(obs, "SONNET-5", "2026-11-24")).toEqual({
      field: "output",
      from: 10,
      to: 15,
      effective_at: "2026-09-01",
    });
  });

  it("ignores the scheduled price before its date: the launch at 10 is still the last change", () => {
    expect(lastChange(obs, "SONNET-5", "2026-08-21")).toEqual({
      field: "output",
      from: null,
      to: 10,
      effective_at: "2026-06-30",
    });
  });
});

describe("greekRow's family statistics", () => {
  const registry = RegistryFileSchema.parse(registryJson);
  const V = "2026-11-24";
  const fits = fitFamilies({ observations: obs }, HistoryFileSchema.parse(history).families, V);
  const quote: QuoteState = { prices: {}, status: "ok", dispersion: null, sources: [], pending: null };
  const entry = registry.models.find((m) => m.ticker === "GPT-4.1")!;
  const fit = fits.get(entry.family)!;
  const row = greekRow(entry, fit, quote, obs, V, DEFAULTS.theta_prior_global);

  it("are published to 4 significant digits, within 0.05% of the fit (the snapshot's bytes per model)", () => {
    const pairs: [number, number][] = [
      [row.theta, fit.theta],
      [row.theta_raw!, fit.theta_raw!],
      [row.t_eff_years, fit.t_eff_years],
      [row.credibility_z, fit.credibility_z],
      [row.sigma_month, fit.sigma_month],
    ];
    for (const [published, fitted] of pairs) {
      expect(published).toBe(Number(fitted.toPrecision(4)));
      expect(Math.abs(published - fitted)).toBeLessThanOrEqual(5e-4 * Math.abs(fitted));
    }
    // θ_month stays θ/12 of the published θ (SPEC §5), to the same 4 digits.
    expect(row.theta_month).toBe(Number((row.theta / 12).toPrecision(4)));
  });

  it("leave the forwards at 6 significant digits", () => {
    for (const v of Object.values(row.forwards)) expect(v).toBe(Number(v.toPrecision(6)));
    expect(Object.values(row.forwards).some((v) => v !== Number(v.toPrecision(4)))).toBe(true);
  });
});
