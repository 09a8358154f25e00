import { describe, expect, it } from "vitest";
import type { ForecastPair } from "./backtest-pairs";
import { summarizePairs } from "./backtest-scores";

const pair = (
  id: string,
  spot: number,
  mean: number,
  actual: number,
  crps: number,
  pit: [number, number],
  median = spot,
): ForecastPair => ({
  target: "ticker",
  id,
  family: "f",
  origin: "2025-01-01",
  tenor: "3M",
  spot,
  mean,
  median,
  q: [spot, spot, spot, spot],
  p_change: 0.1,
  actual,
  pit,
  crps,
  ...(actual !== spot ? { events: [`${id}@2025-02-01`] } : {}),
});

// A: no change, forecast 1% low; B: cut 10 → 5, forecast 9 (spot 10), its PIT in the lower tail.
const PAIRS = [
  pair("A", 10, 9.9, 10, 0.05, [0.02, 0.98]),
  pair("B", 10, 9, 5, 3, [0.01, 0.01]),
  pair("B", 10, 9, 10, 0.2, [0.1, 0.9]),
];

describe("summarizePairs (points of spot)", () => {
  const s = summarizePairs(PAIRS)!;

  it("bias, squared-error skill and CRPS skill against no change, by hand", () => {
    expect(s.bias_pct.value).toBeCloseTo((100 * (-0.01 + 0.4 - 0.1)) / 3, 12); // (9.9−10)/10, (9−5)/10, (9−10)/10
    expect(s.nc_bias_pct).toBeCloseTo((100 * 0.5) / 3, 12);
    expect(s.se_skill.value).toBeCloseTo(1 - (0.0001 + 0.16 + 0.01) / 0.25, 12);
    expect(s.crps_pct).toBeCloseTo((100 * (0.005 + 0.3 + 0.02)) / 3, 12);
    expect(s.crps_skill.value).toBeCloseTo(1 - 0.325 / 0.5, 12);
  });

  it("expected randomized-PIT coverage: 0.9/0.96, 0, 0.8/0.8 for the 90% band", () => {
    expect(s.coverage90.value).toBeCloseTo((0.9 / 0.96 + 0 + 1) / 3, 12);
    expect(s.coverage50.value).toBeCloseTo((0.5 / 0.96 + 0 + 0.5 / 0.8) / 3, 12);
  });

  it("counts moved pairs, distinct events and clusters; the median's APE beside no change's", () => {
    expect([s.pairs, s.moved, s.events, s.clusters]).toEqual([3, 1, 1, 2]);
    expect(s.median.mape_pct).toBeCloseTo(100 / 3, 12); // |10 − 5| / 5 on B's cut
    expect(s.median.median_ape_pct).toBe(0);
  });

  it("bootstrap intervals resample whole tickers: reproducible for the seed, different for another", () => {
    expect(summarizePairs(PAIRS)).toEqual(s);
    const other = summarizePairs(PAIRS, { seed: 7 })!;
    expect(other.bias_pct.value).toBe(s.bias_pct.value);
    expect(s.bias_pct.ci![0]).toBeLessThanOrEqual(s.bias_pct.value!);
    expect(s.bias_pct.ci![1]).toBeGreaterThanOrEqual(s.bias_pct.value!);
    // Two clusters: a resample is AA, AB/BA or BB, so the interval's ends are A's (−1%) and B's (+15%) own bias.
    expect(s.bias_pct.ci![0]).toBeCloseTo(-1, 12);
    expect(s.bias_pct.ci![1]).toBeCloseTo(15, 12);
    // A skill needs a moved pair in the resample: undefined on AA (p = 1/4) → no interval.
    expect(s.se_skill.ci).toBeNull();
  });

  it("no pairs, no summary; bootstrap: false leaves the intervals out", () => {
    expect(summarizePairs([])).toBeNull();
    expect(summarizePairs(PAIRS, { bootstrap: false })!.coverage90.ci).toBeNull();
  });
});
