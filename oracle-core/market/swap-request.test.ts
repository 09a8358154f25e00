import { describe, expect, it } from "vitest";
import type { SwapRequest } from "../schemas/market";
import { tickerForward } from "../forecast/row-forecast";
import { indexUnderlying, priceSwap, tickerUnderlying, type SwapUnderlying } from "./swap-request";

// MATH.md §9.3–9.4: β = 8, θ = 0.9016 (the GPT-4 family's θ̂), r = 4%.
const THETA = 0.9015954659874186;
const gpt = tickerUnderlying({ ticker: "GPT-4.1", beta: 8, theta: THETA });
const V = "2026-11-24";
const req = (over: Partial<SwapRequest> = {}): SwapRequest => ({
  underlying: "GPT-4.1",
  term_months: 3,
  notional: { kind: "tokens", amount: 1e9 },
  ...over,
});
const code = (f: () => unknown, c: string, field?: string) =>
  expect(f).toThrow(expect.objectContaining(field ? { code: c, field } : { code: c }));

describe("priceSwap: fair rates (swap-001…003)", () => {
  it.each([
    [1, 7.420961167440023, 7.706855516525736],
    [3, 6.897942608141059, 7.163687538951066],
    [6, 6.20541256669431, 6.44447760780345],
  ])("%i months: K*_end and K*_avg as MATH §9.3", (m, end, avg) => {
    const q = priceSwap(req({ term_months: m }), gpt, V);
    expect(q.fair_rates.end).toBeCloseTo(end, 11);
    expect(q.fair_rates.average).toBeCloseTo(avg, 11);
    expect(q.fair_rate).toBe(q.fair_rates.end);
    // K defaults to the fair rate: at market, the swap is worth nothing.
    expect(q.K_source).toBe("fair_rate");
    expect(Math.abs(q.npv)).toBeLessThan(1e-9);
    expect(priceSwap(req({ term_months: m, fixing: "average" }), gpt, V).fair_rate).toBeCloseTo(avg, 11);
  });
});

describe("priceSwap: NPV and risks (swap-004, swap-006, swap-007)", () => {
  it("3M at K = 7.5 on 1e9 tokens/month: NPV −1794.18 to the fixed payer, +1794.18 to the receiver", () => {
    const p = priceSwap(req({ K: 7.5 }), gpt, V);
    expect(p.npv).toBeCloseTo(-1794.177720938084, 6);
    expect(p.sensitivities.delta_1pct).toBeCloseTo(0.01 * 8 * 2569.550493687795, 6); // ∂NPV/∂β = 2569.55
    expect(p.sensitivities.theta01).toBeCloseTo(-33.3655, 3);
    expect(p.sensitivities.dv01).toBeCloseTo(0.0384, 4);
    const r = priceSwap(req({ K: 7.5, side: "fixed_receiver" }), gpt, V);
    expect(r.npv).toBe(-p.npv);
    expect(r.sensitivities.delta_1pct).toBe(-p.sensitivities.delta_1pct);
    expect(r.npv_fixed_payer).toBe(p.npv_fixed_payer);
  });

  it("the schedule is the fixed-vs-floating picture: three monthly flows whose PVs sum to the NPV", () => {
    const p = priceSwap(req({ K: 7.5 }), gpt, V);
    expect(p.schedule.map((f) => f.m)).toEqual([1, 2, 3]);
    expect(p.schedule[0]!.expected_float).toBeCloseTo(7.420961167440023, 12);
    expect(p.schedule[0]!.net).toBeCloseTo(1e9 * 1e-6 * (7.420961167440023 - 7.5), 9);
    expect(p.schedule.map((f) => f.date)).toEqual(["2026-12-24", "2027-01-24", "2027-02-23"]);
    expect(p.schedule.reduce((s, f) => s + f.pv, 0)).toBeCloseTo(p.npv, 9);
  });

  it("a USD budget of 10,000/month at K = 7.5 is 1.333e9 tokens (swap-006: NPV −2392.24)", () => {
    const p = priceSwap(req({ K: 7.5, notional: { kind: "usd", amount: 10_000 } }), gpt, V);
    expect(p.notional.tokens_per_month).toBeCloseTo(1e10 / 7.5, 3);
    expect(p.npv).toBeCloseTo(-2392.236961250778, 6);
  });

  it("marks to market after 2 months with spot on the forward (swap-007: −1898.03, the early high fixings are paid)", () => {
    const spot2m = tickerUnderlying({ ticker: "GPT-4.1", beta: 6.883833081081598, theta: THETA });
    const p = priceSwap(req({ term_months: 6, K: 6.20541256669431, elapsed_months: 2 }), spot2m, V);
    expect(p.npv).toBeCloseTo(-1898.0277043595777, 6);
    expect(p.schedule.map((f) => f.m)).toEqual([3, 4, 5, 6]);
    expect(p.trade_date).toBe("2026-09-24"); // 2/12 × 365.25 = 60.9 days before the valuation date
  });

  it("mid-period average fixing needs the realised average (swap-008: −6425.72)", () => {
    const u: SwapUnderlying = tickerUnderlying({ ticker: "X", beta: 6, theta: 1.1 });
    const base = req({ term_months: 6, fixing: "average", K: 6.44447760780345, elapsed_years: 0.125 });
    code(() => priceSwap(base, u, V), "E_NEED_REALIZED", "realized_avg");
    const p = priceSwap({ ...base, realized_avg: 7.2 }, u, V);
    expect(p.npv).toBeCloseTo(-6425.724409464703, 6);
    expect(p.fair_rates.average).toBeCloseTo(5.148592836695217, 11);
  });
});

describe("priceSwap: the index as underlying", () => {
  it("c_j = each member's contribution in USD/M, so the curve's spot is the EICI in USD/M", () => {
    const u = indexUnderlying(
      {
        name: "EICI",
        level: 1200,
        level_usd_per_m: 12,
        constituents: [
          { ticker: "A", provider: "a", weight: 0.5, price: 10, quantity: 50, contribution: 800, stale: false },
          { ticker: "B", provider: "b", weight: 0.5, price: 4, quantity: 100, contribution: 400, stale: false },
        ],
      },
      { A: 0.5, B: 0 },
    );
    expect([u.basis, u.terms, u.spot]).toEqual(["theta", 2, 12]);
    const p = priceSwap(req({ underlying: "index", term_months: 1 }), u, V);
    // One payment at 1M: K* = 8·e^(−0.5/12) + 4.
    expect(p.fair_rate).toBeCloseTo(8 * Math.exp(-0.5 / 12) + 4, 12);
  });

  it("a block with the forward grid is priced on it, log-linear between knots: a flat grid fixes at the level", () => {
    const block = {
      name: "EICI",
      level: 1200,
      level_usd_per_m: 12,
      constituents: [],
      forward_grid_usd_per_m: Array.from({ length: 21 }, () => 12),
    };
    const u = indexUnderlying(block, {});
    expect(u.basis).toBe("index-grid");
    expect(priceSwap(req({ underlying: "index", term_months: 6, fixing: "average" }), u, V).fair_rate).toBeCloseTo(
      12,
      12,
    );
    // A grid falling 1% a month: the 3-month end fixing is the third knot, 12·0.99³.
    const falling = indexUnderlying(
      {
        ...block,
        forward_grid_usd_per_m: block.forward_grid_usd_per_m.map(
          (_, k) => 12 * 0.99 ** (k < 12 ? k + 1 : 12 * (k - 10)),
        ),
      },
      {},
    );
    const q = priceSwap(req({ underlying: "index", term_months: 3, K: 12 }), falling, V);
    expect(q.schedule[2]!.expected_float).toBeCloseTo(12 * 0.99 ** 3, 12);
  });
});

describe("priceSwap: a ticker priced on its lifecycle forward", () => {
  const forecast = {
    as_of: V,
    launch: "2026-09-01",
    superseded: false,
    hazard: { young: 0.3, old: 0.05, superseded: 0.01, young_years: 0.5 },
    successor_rate: 2,
    jump: { mu: -0.4, s: 0.7 },
    tier: null,
  };
  const row = {
    ticker: "Y",
    beta: 10,
    theta: 0.9,
    scheduled: [{ effective_date: "2027-01-24", input: 2, output: 20, kind: "promo-end" }],
    forecast,
  };
  const u = tickerUnderlying(row);

  it("each end fixing is the ticker forward at its date (a 1M swap's fair rate is F(1/12))", () => {
    expect(u.basis).toBe("lifecycle");
    expect(priceSwap(req({ term_months: 1 }), u, V).fair_rate).toBeCloseTo(tickerForward(row, V, 1 / 12), 12);
    const q = priceSwap(req({ term_months: 3, K: 10 }), u, V);
    q.schedule.forEach((f, k) => expect(f.expected_float).toBeCloseTo(tickerForward(row, V, (k + 1) / 12), 12));
    // The announced doubling on 2027-01-24 (61 days in) is in the 3rd fixing, not the 2nd.
    expect(q.schedule[1]!.expected_float).toBeLessThan(10.01);
    expect(q.schedule[2]!.expected_float).toBeGreaterThan(19);
  });

  it("an average fixing integrates the forward across the announced step (as a 6,000-point midpoint rule)", () => {
    const q = priceSwap(req({ term_months: 3, fixing: "average", K: 10 }), u, V);
    const n = 6000;
    let s = 0;
    for (let i = 0; i < n; i++) s += tickerForward(row, V, 2 / 12 + (i + 0.5) / n / 12);
    expect(q.schedule[2]!.expected_float).toBeCloseTo(s / n, 2); // the midpoint rule errs by ≤ jump·h/Δ across the step
    expect(q.schedule[2]!.expected_float).toBeGreaterThan(19); // 61 days in: the 3rd month is nearly all at 20
  });

  it("sensitivities: +1% on every price is 1% of the floating leg; θ01 is a 0.01/yr drift shift of the forward", () => {
    const q = priceSwap(req({ term_months: 6, K: 12 }), u, V);
    expect(q.sensitivities.delta_1pct).toBeCloseTo(0.01 * q.pv_float, 9);
    const shifted = {
      ...u,
      forward: (v: string) => ({ ...u.forward(v), at: (t: number) => u.forward(v).at(t) * Math.exp(-1e-6 * t) }),
    };
    const bumped = priceSwap(req({ term_months: 6, K: 12 }), shifted, V);
    expect(q.sensitivities.theta01).toBeCloseTo(((bumped.npv - q.npv) / 1e-6) * 0.01, 3);
  });
});

describe("priceSwap: errors carry MATH.md §13 codes and the request's field", () => {
  it.each([
    [{ term_months: 0 }, "E_SWAP_TERM", "term_months"],
    [{ term_months: 2.5 }, "E_SWAP_TERM", "term_months"],
    [{ term_months: 121 }, "E_SWAP_TERM", "term_months"],
    [{ fixing: "mid" }, "E_BAD_FIXING", "fixing"],
    [{ notional: { kind: "eur", amount: 1 } }, "E_BAD_NOTIONAL", "notional.kind"],
    [{ notional: { kind: "tokens", amount: -1 } }, "E_NEG_TOKENS", "notional.amount"],
    [{ notional: { kind: "usd", amount: 100 }, K: 0 }, "E_SWAP_K", "K"],
    [{ K: -1 }, "E_NEG_PRICE", "K"],
    [{ side: "long" }, "E_SWAP_SIDE", "side"],
    [{ elapsed_months: 3 }, "E_SWAP_EXPIRED", "elapsed_months"],
    [{ elapsed_months: -1 }, "E_NEG_TENOR", "elapsed_months"],
    [{ rate: Number.NaN }, "E_NOT_FINITE", "rate"],
  ] as [Partial<SwapRequest>, string, string][])("%j → %s", (over, c, field) =>
    code(() => priceSwap(req(over), gpt, V), c, field),
  );
});

describe("priceSwap: inputs that overflow float64 are E_NOT_FINITE naming the field sent (issue 16 item 6)", () => {
  it.each([
    [
      "realized_avg 1e308, average fixing mid-period",
      { realized_avg: 1e308, fixing: "average", elapsed_months: 0.5 },
      "realized_avg",
    ],
    ["rate −700 on 1e300 USD", { rate: -700, notional: { kind: "usd", amount: 1e300 } }, "rate"],
    ["rate 1e308 (K is derived, never blamed)", { rate: 1e308 }, "rate"],
    ["notional 1e308 USD (tokens per month overflow)", { notional: { kind: "usd", amount: 1e308 } }, "notional.amount"],
  ] as [string, Partial<SwapRequest>, string][])("%s", (_label, over, field) => {
    code(() => priceSwap(req(over), gpt, V), "E_NOT_FINITE", field);
  });

  it("a large but finite notional still prices (1e15 tokens/month: NPV 0 at the fair rate)", () => {
    expect(priceSwap(req({ notional: { kind: "tokens", amount: 1e15 } }), gpt, V).npv).toBeCloseTo(0, 3);
  });
});
