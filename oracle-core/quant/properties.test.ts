// Property tests (fast-check) of invariants MATH.md states: non-negative, monotone costs; κ identity; forwards at 0;
// §5.2 collapse semantics; §8.6 breaker; §8.3 capping.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  INITIAL_BREAKER_STATE,
  breakerStep,
  cappedWeights,
  fitTheta,
  forwardPrice,
  ordinalToIso,
  taskCost,
  type BreakerState,
  type Observation,
  type TaskCostInput,
} from "./index";

const real = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Instruments with surcharge tiers (α ≥ 1, as every provider in scope) and any valid profile. */
const instrument = fc.record({
  beta: real(0, 200),
  r_in: real(0, 2),
  r_cache: real(0, 2),
  r_think: real(0, 3),
  r_batch: real(0, 1),
  cache_write_mult: real(0, 3),
  // real schedules only surcharge: a higher τ never has lower multipliers, and every α ≥ 1
  tiers: fc.option(
    fc.array(fc.tuple(real(0, 1e6), real(1, 2), real(1, 2)), { maxLength: 3 }).map((ts) => {
      let ai = 1;
      let ao = 1;
      return [...ts]
        .sort((a, b) => a[0] - b[0])
        .map(([tau, fi, fo]) => ({ tau, alpha_in: (ai *= fi), alpha_out: (ao *= fo) }));
    }),
    { nil: undefined },
  ),
});
const profile = fc
  .record({
    n_in: real(0, 2e6),
    n_out: real(0, 2e5),
    n_think: real(0, 2e5),
    eta: real(0, 1),
    f: real(0, 1),
    mode: fc.constantFrom("sync" as const, "batch" as const),
  })
  .map(({ f, ...p }) => {
    const omega = f * (1 - p.eta);
    return { ...p, omega: p.eta + omega <= 1 ? omega : 0 };
  });
const costInput = fc.tuple(instrument, profile).map(([i, p]): TaskCostInput => ({ ...i, ...p }));

describe("task cost properties (§2–3)", () => {
  it("cost ≥ 0, components sum to cost, savings ≤ S_nocache", () => {
    fc.assert(
      fc.property(costInput, (inp) => {
        const r = taskCost(inp);
        expect(r.cost).toBeGreaterThanOrEqual(0);
        const parts = Object.values(r.components).reduce((a, b) => a + b, 0);
        expect(Math.abs(parts - r.cost)).toBeLessThanOrEqual(1e-12 * Math.max(r.cost, r.cost_without_cache) + 1e-300);
        expect(r.savings).toBeLessThanOrEqual(r.cost_without_cache);
        // 100·savings/S0 rounds
        if (r.savings_pct !== null) expect(r.savings_pct).toBeLessThanOrEqual(100 * (1 + 1e-12));
      }),
    );
  });

  it("cost is non-decreasing in each of n_in, n_out, n_think (η, ω fixed)", () => {
    fc.assert(
      fc.property(
        costInput,
        fc.constantFrom("n_in" as const, "n_out" as const, "n_think" as const),
        real(0, 1e6),
        (inp, key, extra) => {
          const more = { ...inp, [key]: (inp[key] ?? 0) + extra };
          expect(taskCost(more).cost).toBeGreaterThanOrEqual(taskCost(inp).cost);
        },
      ),
    );
  });

  it("κ·β·n_out·1e−6 = S when β > 0 and n_out > 0 (relative 1e−12)", () => {
    fc.assert(
      fc.property(
        costInput.filter((i) => i.beta > 1e-9 && i.n_out >= 1),
        (inp) => {
          const r = taskCost(inp);
          expect(r.kappa).not.toBeNull();
          const viaKappa = r.kappa! * inp.beta * inp.n_out * 1e-6;
          expect(Math.abs(viaKappa - r.cost)).toBeLessThanOrEqual(1e-12 * r.cost + 1e-300);
        },
      ),
    );
  });
});

describe("forward (§7)", () => {
  it("forwardPrice(β, θ, 0) = β exactly", () => {
    fc.assert(
      fc.property(real(0, 1e4), real(-5, 5), (beta, theta) => {
        expect(forwardPrice({ beta, theta, t: 0 })).toBe(beta);
      }),
    );
  });
});

/** 1–8 observations on distinct dates (any input order), positive prices. */
const series = fc
  .uniqueArray(fc.integer({ min: 738_000, max: 740_000 }), { minLength: 1, maxLength: 8 })
  .chain((days) =>
    fc.tuple(
      fc.constant(days),
      fc.array(real(0.01, 100), { minLength: days.length, maxLength: days.length }),
      fc.array(fc.constantFrom("launch", "change", "successor"), { minLength: days.length, maxLength: days.length }),
    ),
  )
  .map(([days, prices, kinds]): Observation[] =>
    days.map((d, i) => ({ date: ordinalToIso(d), price: prices[i]!, kind: kinds[i]! })),
  );

describe("θ data preparation (§5.2)", () => {
  it("adding an exact duplicate observation (same date, same price) anywhere leaves the fit unchanged", () => {
    fc.assert(
      fc.property(series, fc.nat(), fc.nat(), fc.boolean(), (obs, pick, at, asOf) => {
        const dup = obs[pick % obs.length]!;
        const withDup = [...obs];
        withDup.splice(at % (obs.length + 1), 0, { ...dup });
        const opts = asOf ? { as_of: "2030-06-30" } : {};
        expect(fitTheta({ obs: withDup, ...opts })).toEqual(fitTheta({ obs, ...opts }));
      }),
    );
  });

  it("a later same-date correction wins: equals the series with that price replaced", () => {
    fc.assert(
      fc.property(series, fc.nat(), real(0.01, 100), (obs, pick, corrected) => {
        const k = pick % obs.length;
        const replaced = obs.map((o, i) => (i === k ? { ...o, price: corrected } : o));
        expect(fitTheta({ obs: [...obs, { ...obs[k]!, price: corrected }] })).toEqual(fitTheta({ obs: replaced }));
      }),
    );
  });
});

describe("circuit breaker (§8.6)", () => {
  const T0 = Date.UTC(2025, 0, 6, 10);
  it("never accepts a > 15% move from a single quote", () => {
    const move = fc.oneof(real(0.001, 0.8499), real(1.1501, 20));
    fc.assert(
      fc.property(
        real(0.01, 1000),
        move,
        fc.option(real(0.01, 1000), { nil: null }),
        fc.integer({ min: 0, max: 200 }),
        (pa, factor, pendingPrice, hours) => {
          const accepted = breakerStep(INITIAL_BREAKER_STATE, { price: pa }, T0).state;
          const p = pa * factor;
          // any earlier pending quote at a different price (outside the 0.1% confirmation band) must not help
          const pending =
            pendingPrice !== null && Math.abs(p / pendingPrice - 1) > 0.002 ? { price: pendingPrice, since: T0 } : null;
          const state: BreakerState = { ...accepted, pending };
          const r = breakerStep(state, { price: p }, T0 + hours * 3_600_000);
          expect(r.outcome).toBe("held");
          expect(r.state.accepted).toBe(pa);
          expect(r.state.pending).toEqual({ price: p, since: T0 + hours * 3_600_000 });
        },
      ),
    );
  });
});

describe("water-filling (§8.3)", () => {
  it("weights sum to 1, respect the cap, and keep the usage order among uncapped names", () => {
    fc.assert(
      fc.property(fc.array(real(0, 100), { minLength: 1, maxLength: 12 }), real(0.05, 1), (xs, cap) => {
        const raw = Object.fromEntries(xs.map((x, i) => [`m${i}`, x]));
        const positive = xs.filter((x) => x > 0).length;
        fc.pre(positive > 0 && positive * cap >= 1);
        const w = cappedWeights({ raw, caps: cap });
        const total = Object.values(w).reduce((a, b) => a + b, 0);
        expect(Math.abs(total - 1)).toBeLessThanOrEqual(1e-12);
        for (let i = 0; i < xs.length; i++) {
          expect(w[`m${i}`]!).toBeLessThanOrEqual(cap + 1e-15);
          for (let j = 0; j < xs.length; j++)
            if (xs[i]! < xs[j]!) expect(w[`m${i}`]!).toBeLessThanOrEqual(w[`m${j}`]! + 1e-15);
        }
      }),
    );
  });
});
