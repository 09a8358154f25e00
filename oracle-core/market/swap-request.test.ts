import { describe, expect, it } from "vitest";
import type { SwapRequest } from "../schemas/market";
import { indexUnderlying, priceSwap, tickerUnderlying, type SwapUnderlying } from "./swap-request";

// MATH.md §9.3–9.4: β = 8, θ = 0.9016 (the GPT-4 family's θ̂), r = 4%.
const THETA = 0.9015954659874186;
const gpt = tickerUnderlying({ ticker: "GPT-4.1", beta: 8, theta: THETA });
const V = "2026-11-24";
const req = (over: Partial<SwapRequest> = {}): SwapRequest => ({ underlying: "GPT-4.1", term_months: 3, notional: { kind: "tokens", amount: 1e9 }, ...over });
const code = (f: () => unknown, c: string, field?: string) => expect(f).toThrow(expect.objectContaining(field ? { code: c, field } : { code: c }));

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
      { name: "EICI", level: 1200, level_usd_per_m: 12, constituents: [
        { ticker: "A", provider: "a", weight: 0.5, price: 10, quantity: 50, contribution: 800, stale: false },
        { ticker: "B", provider: "b", weight: 0.5, price: 4, quantity: 100, contribution: 400, stale: false },
      ] },
      { A: 0.5, B: 0 },
    );
    expect(u.curve).toEqual([{ c: 8, theta: 0.5 }, { c: 4, theta: 0 }]);
    const p = priceSwap(req({ underlying: "index", term_months: 1 }), u, V);
    // One payment at 1M: K* = 8·e^(−0.5/12) + 4.
    expect(p.fair_rate).toBeCloseTo(8 * Math.exp(-0.5 / 12) + 4, 12);
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
  ] as [Partial<SwapRequest>, string, string][])("%j → %s", (over, c, field) => code(() => priceSwap(req(over), gpt, V), c, field));
});
