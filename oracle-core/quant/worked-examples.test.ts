// The worked examples printed in MATH.md, checked at the precision the document prints them (hand-checkable).
import { describe, expect, it } from "vitest";
import {
  backtest,
  costRange,
  fitTheta,
  forwardCurve,
  providerPrior,
  swapFairRate,
  swapValue,
  taskCost,
  tokensPerUsd,
  type Observation,
} from "./index";

const SONNET4 = { beta: 15, r_in: 0.2, r_cache: 0.02 };
const GPT4: Observation[] = [
  { date: "2023-03-14", price: 60, kind: "launch" },
  { date: "2023-11-06", price: 30, kind: "successor" },
  { date: "2024-05-13", price: 15, kind: "successor" },
  { date: "2024-08-06", price: 10, kind: "change" },
  { date: "2025-04-14", price: 8, kind: "successor" },
];
const OPUS: Observation[] = [
  { date: "2024-03-04", price: 75, kind: "launch" },
  { date: "2025-05-22", price: 75, kind: "successor" },
  { date: "2025-11-24", price: 25, kind: "successor" },
];
const THETA_HAT = 0.9015954659874186;

describe("§2–3 cost-001: Sonnet 4, 30,000 in / 800 out, η = 0.6", () => {
  const r = taskCost({ ...SONNET4, n_in: 30000, n_out: 800, eta: 0.6 });
  it("r_eff = 0.2·0.4 + 0.02·0.6 = 0.092; S = 15·(800 + 30000·0.092)·1e−6 = 0.0534", () => {
    expect(r.r_eff).toBeCloseTo(0.092, 15);
    expect(r.cost).toBeCloseTo(0.0534, 15);
  });
  it("κ = 3560/800 = 4.45 = 0.0534/(15·800e−6); effective output price 66.75", () => {
    expect(r.kappa).toBeCloseTo(4.45, 12);
    expect(r.cost / (15 * 800e-6)).toBeCloseTo(4.45, 12);
    expect(r.effective_output_price).toBeCloseTo(66.75, 11);
  });
  it("S_nocache = 15·6800e−6 = 0.102, savings 0.0486 = 47.647%", () => {
    expect(r.cost_without_cache).toBeCloseTo(0.102, 15);
    expect(r.savings).toBeCloseTo(0.0486, 15);
    expect(r.savings_pct).toBeCloseTo((100 * 0.0486) / 0.102, 9);
    expect(r.savings_pct!.toFixed(3)).toBe("47.647");
  });
  it("tokens per USD is 1e6/β = 66,666.67, not κ", () => {
    expect(tokensPerUsd({ beta: 15 }).tokens_per_usd!.toFixed(2)).toBe("66666.67");
    expect(tokensPerUsd({ beta: 15 }).tokens_per_cent!.toFixed(2)).toBe("666.67");
  });
  it("§4: marginal cost per output token = β·1e−6 = 1.5e−5; min = S(1)", () => {
    const range = costRange({ ...SONNET4, n_in: 30000, eta: 0.6, max_tokens: 4096 });
    expect(range.marginal_cost_per_output_token).toBeCloseTo(1.5e-5, 18);
    expect(range.min).toBeCloseTo(0.0414 + 1.5e-5, 15);
  });
});

describe("§5.5 GPT-4 family θ", () => {
  const f = fitTheta({ obs: GPT4 });
  it("θ̂ = 0.9016, T_eff = 2.005, Z = 0.800, θ = 0.8015/yr (0.0668/month, 55.1% decline, half-life 0.86 yr)", () => {
    expect(f.theta_raw!).toBeCloseTo(0.9016, 4);
    expect(f.t_eff_years).toBeCloseTo(2.005, 3);
    expect(f.credibility_z).toBeCloseTo(0.8, 3);
    expect(f.theta).toBeCloseTo(0.8015, 4);
    expect(f.theta_month).toBeCloseTo(0.0668, 4);
    expect(f.annual_decline).toBeCloseTo(0.551, 3);
    expect(f.half_life_years!).toBeCloseTo(0.86, 2);
  });
  it("σ̂_month = 0.1262", () => expect(f.sigma_month_raw!).toBeCloseTo(0.1262, 4));
  it("sensitivity to T_0 ∈ {0, 0.25, 0.5, 1, 2}: 0.902, 0.846, 0.801, 0.735, 0.651", () => {
    const got = [0, 0.25, 0.5, 1, 2].map((T0) => fitTheta({ obs: GPT4, prior_strength_years: T0 }).theta.toFixed(3));
    expect(got).toEqual(["0.902", "0.846", "0.801", "0.735", "0.651"]);
  });
  it("sensitivity of θ̂ to λ ∈ {0.7, 0.85, 0.95, 1}: 0.818, 0.902, 0.946, 0.966", () => {
    const got = [0.7, 0.85, 0.95, 1].map((lam) => fitTheta({ obs: GPT4, lam }).theta_raw!.toFixed(3));
    expect(got).toEqual(["0.818", "0.902", "0.946", "0.966"]);
  });
  it("as_of 2025-12-01 (carry point): θ̂ = 0.622, θ = 0.586", () => {
    const g = fitTheta({ obs: GPT4, as_of: "2025-12-01" });
    expect(g.theta_raw!.toFixed(3)).toBe("0.622");
    expect(g.theta.toFixed(3)).toBe("0.586");
  });
  it("Claude Opus: θ̂ = 0.7122, T_eff = 1.715, θ = 0.6417, σ̂_month = 0.3731", () => {
    const o = fitTheta({ obs: OPUS });
    expect(o.theta_raw!).toBeCloseTo(0.7122, 4);
    expect(o.t_eff_years).toBeCloseTo(1.715, 3);
    expect(o.theta).toBeCloseTo(0.6417, 4);
    expect(o.sigma_month_raw!).toBeCloseTo(0.3731, 4);
  });
  it("prior-001: OpenAI provider prior 0.8714", () => {
    const fits = [fitTheta({ obs: GPT4, prior_strength_years: 0 })];
    fits.push(
      fitTheta({
        obs: [
          { date: "2023-03-01", price: 2 },
          { date: "2023-11-06", price: 2 },
          { date: "2024-01-25", price: 1.5 },
          { date: "2024-07-18", price: 0.6 },
        ],
        prior_strength_years: 0,
      }),
    );
    expect(providerPrior({ family_fits: fits }).theta_prior).toBeCloseTo(0.8714, 4);
  });
});

describe("§7 fwd-001: β = 8, θ = 0.9016", () => {
  it("1M 7.4210, 3M 6.3856, 6M 5.0970, 12M 3.2474 (59.4% below spot)", () => {
    const c = forwardCurve({ beta: 8, theta: THETA_HAT });
    expect(Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v.toFixed(4)]))).toEqual({
      "1M": "7.4210",
      "3M": "6.3856",
      "6M": "5.0970",
      "12M": "3.2474",
    });
    expect((1 - c["12M"]! / 8).toFixed(3)).toBe("0.594");
  });
});

describe("§9 swaps on β = 8, θ = 0.9016, r = 4%", () => {
  const curve = [{ c: 8, theta: THETA_HAT }];
  it("K*_end = 7.4210, 6.8979, 6.2054 and K*_avg = 7.7069, 7.1637, 6.4445 for 1M, 3M, 6M", () => {
    const got = [1, 3, 6].map((months) => swapFairRate({ curve, months }));
    expect(got.map((g) => g.fair_rate.toFixed(4))).toEqual(["7.4210", "6.8979", "6.2054"]);
    expect(got.map((g) => g.fair_rate_average_fixing.toFixed(4))).toEqual(["7.7069", "7.1637", "6.4445"]);
    for (const g of got) expect(g.closed_form!).toBeCloseTo(g.fair_rate, 12);
  });
  it("swap-004: 3M, K = 7.5, 1e9 tokens/month: NPV −1794.18, ∂NPV/∂β 2569.55, ∂NPV/∂θ −3336.55, theta01 −33.37, dv01 0.0384", () => {
    const r = swapValue({ curve, months: 3, K: 7.5, notional: { type: "tokens", amount: 1e9 }, rate: 0.04 });
    expect(r.npv_fixed_payer.toFixed(2)).toBe("-1794.18");
    expect(r.dnpv_dc[0]!.toFixed(2)).toBe("2569.55");
    expect(r.dnpv_dtheta.toFixed(2)).toBe("-3336.55");
    expect(r.theta01.toFixed(2)).toBe("-33.37");
    expect(r.dv01.toFixed(4)).toBe("0.0384");
    // NPV = N·1e−6·A·(K* − K)
    expect(r.npv_fixed_payer).toBeCloseTo(1e3 * r.annuity * (r.fair_rate - 7.5), 9);
  });
  it("swap-007: an at-market 6M swap after 2 months of spot following the forward is worth −1898.03", () => {
    const k6 = swapFairRate({ curve, months: 6 }).fair_rate;
    const r = swapValue({
      curve: [{ c: 8 * Math.exp((-THETA_HAT * 2) / 12), theta: THETA_HAT }],
      months: 6,
      K: k6,
      notional: { amount: 1e9 },
      s: 2 / 12,
    });
    expect(r.npv_fixed_payer.toFixed(2)).toBe("-1898.03");
  });
  it("θ = 0, r = 0: fair rate = β and NPV at K = β is 0 (swap-009)", () => {
    const r = swapValue({ curve: [{ c: 15, theta: 0 }], months: 3, K: 15, notional: { amount: 1e6 }, rate: 0 });
    expect(r.fair_rate).toBe(15);
    expect(r.npv_fixed_payer).toBe(0);
  });
});

describe("§11 bt-001: GPT-4 backtest to 2025-12-01", () => {
  it("MAPE 1M 6.4%, 3M 17.4%, 6M 26.4%, 12M 39.3%; every 12M pair flagged", () => {
    const b = backtest({ obs: GPT4, as_of: "2025-12-01" });
    const mape = Object.fromEntries(Object.entries(b.summary).map(([k, v]) => [k, v.all.mape_pct!.toFixed(1)]));
    expect(mape).toEqual({ "1M": "6.4", "3M": "17.4", "6M": "26.4", "12M": "39.3" });
    expect(b.summary["12M"]!.n_flagged).toBe(b.summary["12M"]!.all.n);
  });
});
