import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fitFamilies } from "../greeks/family-fits";
import { forwardView } from "../greeks/forward-view";
import { greekRow, PUBLISHED_FIELDS, type QuoteState } from "../greeks/greek-sheet";
import { DEFAULTS, TENORS } from "../quant/defaults";
import { GreekRowSchema, type GreekRow } from "../schemas/greek-row";
import type { HistoryFile } from "../schemas/observation";
import type { RegistryFile } from "../schemas/registry";
import { lawMean } from "./price-law";
import { tickerForward, tickerForwardLaw, tierForwardLaw } from "./row-forecast";

const read = (p: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, "../../data", p), "utf8"));
const history = read("history.json") as HistoryFile;
const registry = read("registry.json") as RegistryFile;
const V = "2026-11-24";
const fits = fitFamilies(history, history.families, V);
const rows = new Map<string, GreekRow>(
  registry.models.map((m) => {
    const prices: QuoteState["prices"] = {};
    for (const f of PUBLISHED_FIELDS) if (m.prices[f]) prices[f] = m.prices[f]!.usd_per_m;
    const q: QuoteState = { prices, status: "ok", dispersion: null, sources: [], pending: null };
    return [m.ticker, greekRow(m, fits.get(m.family), q, history.observations, V, DEFAULTS.theta_prior_global)];
  }),
);
const row = (t: string) => rows.get(t)!;

describe("the forecast block of a Greek-sheet row", () => {
  it("validates, and its forwards are the ticker law's means at the tenors (6 significant digits)", () => {
    for (const r of rows.values()) {
      expect(GreekRowSchema.parse(r)).toEqual(r);
      for (const [k, t] of Object.entries(TENORS))
        expect(r.forwards[k as "1M"]).toBe(Number(tickerForward(r, V, t).toPrecision(6)));
    }
  });

  it("GPT-4 is superseded: its forward drifts only at the superseded hazard, e^(λs·t·(E[e^Y] − 1))", () => {
    const f = row("GPT-4").forecast!;
    expect(f).toMatchObject({ superseded: true, launch: "2023-03-14", tier: null, as_of: V });
    const m = Math.exp(f.jump.mu + f.jump.s ** 2 / 2);
    expect(tickerForward(row("GPT-4"), V, 1)).toBeCloseTo(60 * Math.exp(f.hazard.superseded * (m - 1)), 10);
    // θ stays a descriptive family statistic: the old forward was β·e^(−θ) = 45.7 at 12M for a $60 price.
    expect(row("GPT-4").forwards["12M"]).toBeGreaterThan(59);
  });

  it("the family's newest model carries the tier law; the others do not", () => {
    expect(row("GPT-5.6-TERRA").forecast!.tier).not.toBeNull();
    expect(row("GPT-4.1").forecast!.tier).toBeNull();
    expect(tierForwardLaw(row("GPT-4.1"), V, 0.5)).toBeNull();
    const heads = [...rows.values()].filter((r) => r.forecast!.tier);
    expect(new Set(heads.map((r) => r.family)).size).toBe(heads.length);
  });

  it("announced prices are the base: Gemini 3.7 Flash doubles to 7.50 on 2027-01-01, inside 3M", () => {
    const r = row("GEMINI-3.7-FLASH");
    const law = tickerForwardLaw(r, V, 0.25)!;
    expect(law[0]).toMatchObject({ s: 0, x: 7.5 });
    expect(lawMean(law)).toBeGreaterThan(7.5 * 0.99);
    const v = forwardView(r, V, [0.1]);
    expect(v.tenors!["3M"]).toMatchObject({ median: 7.5, p_change: 1 });
    expect(v.tenors!["1M"]!.median).toBe(3.75);
    expect(v.tenors!["1M"]!.p_change).toBeLessThan(0.5);
  });
});

describe("forwardView", () => {
  const v = forwardView(row("GPT-5.6-TERRA"), V, [0, 2]);

  it("publishes mean, median, P(change) and the 5–95% band per tenor, and the tier on the newest model", () => {
    expect(v.model).toMatch(/^lifecycle-hazard/);
    expect(v.forwards).toEqual(row("GPT-5.6-TERRA").forwards);
    for (const p of Object.values(v.tenors!)) {
      expect(p.q5).toBeLessThanOrEqual(p.q25);
      expect(p.q25).toBeLessThanOrEqual(p.median);
      expect(p.median).toBeLessThanOrEqual(p.q75);
      expect(p.q75).toBeLessThanOrEqual(p.q95);
      expect(p.p_change).toBeGreaterThan(0);
    }
    expect(v.custom[0]).toMatchObject({ t: 0, beta_forward: 12, median: 12, p_change: 0 });
    expect(v.tier!.family).toBe("openai-flagship");
    expect(v.tier!.tenors["6M"]!.p_change).toBeGreaterThan(v.tenors!["6M"]!.p_change);
    expect(v.family_statistics.theta).toBe(row("GPT-5.6-TERRA").theta);
  });

  it("a row without a forecast block (an older snapshot) keeps θ decay, labelled", () => {
    const { forecast: _, ...old } = row("GPT-4.1");
    const w = forwardView(old as GreekRow, V, [0.5]);
    expect(w.model).toMatch(/^theta-decay/);
    expect(w.tenors).toBeNull();
    expect(w.custom[0]!.beta_forward).toBeCloseTo(8 * Math.exp(-old.theta * 0.5), 12);
  });

  it.each([
    [[-1], "E_NEG_TENOR"],
    [[31], "E_BAD_HORIZON"],
    [[Number.NaN], "E_NOT_FINITE"],
    [Array.from({ length: 25 }, () => 1), "E_BAD_HORIZON"],
  ])("t = %j → %s", (ts, code) => {
    expect(() => forwardView(row("GPT-4.1"), V, ts)).toThrow(expect.objectContaining({ code, field: "t" }));
  });
});
