import { describe, expect, it } from "vitest";
import { TENORS } from "../quant/defaults";
import { lawCdf, lawMean, lawQuantiles } from "./price-law";
import { simulateLifecycle, simulateLifecycleChunks, tickerProcess, tierProcess } from "./simulate-lifecycle";
import { tickerLaw, type TickerLawState } from "./ticker-law";
import { tierLaw, type TierLawState } from "./tier-law";

const ticker: TickerLawState = {
  age: 0.1,
  superseded: false,
  hazard: { young: 0.6, old: 0.1, superseded: 0.01 },
  young_years: 0.5,
  successor_rate: 2,
  jump: { mu: -0.4, s: 0.6 },
};
const tier: TierLawState = {
  head_age: 0.1,
  hazard: { young: 0.3, old: 0.05 },
  young_years: 0.5,
  successor_rate: 2,
  p_same: 0.3,
  ratio: { mu: 0, s: 0.5 },
  jump: { mu: -0.4, s: 0.5 },
  rate_scale: 1.5,
  widen: 1.3,
};
const N = 40_000;

describe("simulateLifecycle against the exact laws (MATH.md §10.4 acceptance, atoms allowed)", () => {
  for (const [name, proc, law] of [
    [
      "ticker (the hazard switches at a successor's launch)",
      tickerProcess(ticker),
      (t: number) => tickerLaw(ticker, 8, t),
    ],
    ["tier (two jump streams, widened)", tierProcess(tier), (t: number) => tierLaw(tier, 8, t)],
  ] as const) {
    it(name, () => {
      const sim = simulateLifecycle(proc, () => 8, { paths: N, seed: 5, tenors: TENORS });
      for (const s of Object.values(sim)) {
        const l = law(s.t);
        expect(Math.abs(s.mean - lawMean(l))).toBeLessThanOrEqual((4 * s.sd!) / Math.sqrt(N));
        // At each exact quantile q_p the sample's share ≤ q lies within [F(q−) − tol, F(q) + tol].
        const [q5, q50, q95] = lawQuantiles(l, [0.05, 0.5, 0.95]);
        for (const [p, q, got] of [
          [0.05, q5!, s.p5],
          [0.5, q50!, s.p50],
          [0.95, q95!, s.p95],
        ] as const) {
          const tol = 4 * Math.sqrt((p * (1 - p)) / N);
          expect(lawCdf(l, got, true)).toBeLessThanOrEqual(p + tol);
          expect(lawCdf(l, got)).toBeGreaterThanOrEqual(p - tol);
          expect(q).toBeGreaterThan(0);
        }
        expect(Math.abs(s.p_change - (1 - l[0]!.w * (l[0]!.s === 0 ? 1 : 0)))).toBeLessThanOrEqual(
          4 * Math.sqrt(0.25 / N),
        );
      }
    });
  }

  it("is deterministic for a seed, independent of the chunk size, and changes with the seed", () => {
    const a = simulateLifecycle(tierProcess(tier), () => 8, { paths: 5_000, seed: 9, tenors: TENORS });
    expect(
      simulateLifecycle(tierProcess(tier), () => 8, { paths: 5_000, seed: 9, tenors: TENORS, chunkSize: 700 }),
    ).toEqual(a);
    expect(
      simulateLifecycle(tierProcess(tier), () => 8, { paths: 5_000, seed: 10, tenors: TENORS })["12M"]!.mean,
    ).not.toBe(a["12M"]!.mean);
  });

  it("reports progress by chunk and stops with E_CANCELLED", () => {
    const seen: number[] = [];
    simulateLifecycle(tickerProcess(ticker), () => 8, {
      paths: 2_500,
      seed: 1,
      tenors: TENORS,
      chunkSize: 1_000,
      onProgress: (p) => seen.push(p.done),
    });
    expect(seen).toEqual([1_000, 2_000, 2_500]);
    const signal = { aborted: false };
    const it_ = simulateLifecycleChunks(tickerProcess(ticker), () => 8, {
      paths: 3_000,
      seed: 1,
      tenors: TENORS,
      chunkSize: 1_000,
      signal,
    });
    it_.next();
    signal.aborted = true;
    expect(() => it_.next()).toThrow(expect.objectContaining({ code: "E_CANCELLED" }));
  });

  it("applies the announced path: a price doubling at 2 months is in every 3M path", () => {
    const sim = simulateLifecycle(
      tickerProcess({ ...ticker, superseded: true, hazard: { young: 0, old: 0, superseded: 0 } }),
      (t) => (t >= 2 / 12 ? 16 : 8),
      { paths: 1_000, seed: 1, tenors: TENORS },
    );
    expect([sim["1M"]!.p50, sim["3M"]!.p5, sim["3M"]!.p95, sim["3M"]!.p_change]).toEqual([8, 16, 16, 0]);
  });
});
