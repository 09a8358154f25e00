/**
 * Walk-forward forecast pairs of the lifecycle models: at every month-start origin d, every ticker launched by d
 * (its own price) and every family (its newest model's price) is forecast at each tenor with the models fitted on
 * data ≤ d only, and scored against the price actually in force at d + h.
 */
import { lifecycleFitter } from "../forecast/lifecycle-fit";
import {
  announcedAfter,
  familyHead,
  lifecycleData,
  priceInForce,
  tierChangeDates,
  tierPrice,
  type LifecycleObservation,
} from "../forecast/lifecycle-data";
import { tickerLawState, tierLawState, TIER_CALIBRATION, type TierCalibrationScale } from "../forecast/law-states";
import { lawSummary } from "../forecast/forward-point";
import { lawCrps, lawPit, type PriceLaw } from "../forecast/price-law";
import { scheduledBase } from "../forecast/scheduled-base";
import { firstLaunch, monthlyOrigins, tierCalibrator } from "../forecast/tier-calibration";
import { tickerLaw } from "../forecast/ticker-law";
import { tierLaw } from "../forecast/tier-law";
import { dateOrdinal, ordinalToIso } from "../quant/dates";
import { DAYS_PER_YEAR, TENORS } from "../quant/defaults";

/** What is forecast: one ticker's own list price, or a family's tier (its newest model's price). */
export type BacktestTarget = "ticker" | "tier";

/** One forecast pair, scored. Prices in USD/M; `crps` in USD/M (divide by spot for points of spot). */
export interface ForecastPair {
  target: BacktestTarget;
  /** The ticker, or the family for a tier pair. */
  id: string;
  family: string;
  origin: string;
  tenor: string;
  spot: number;
  /** The forward: the law's mean. */
  mean: number;
  /** The law's median (the announced path while "no move" is the likelier outcome). */
  median: number;
  /** 5/25/75/95% quantiles. */
  q: [number, number, number, number];
  /** P(the price in force at d + h differs from the announced path). */
  p_change: number;
  actual: number;
  /** [F(actual−), F(actual)]: a randomized PIT is uniform on it. */
  pit: [number, number];
  crps: number;
  /** The price changes inside (origin, origin + h] as "ID@date" (absent when none): the independent events. */
  events?: string[];
}

/** Input of {@link forecastPairs}. */
export interface ForecastPairsInput {
  observations: readonly LifecycleObservation[];
  families: Readonly<Record<string, { provider: string }>>;
  /** Last date a pair's horizon may reach. */
  eval_end: string;
  tenors?: Readonly<Record<string, number>>;
  /**
   * The tier calibration: the published one (default), another fixed one, or "walk-forward" — at each origin the
   * one chosen on the tier forecasts matured by then (the out-of-sample check).
   */
  tier_calibration?: TierCalibrationScale | "walk-forward";
  /** Score only this family's tickers and tier (the fits still read every family). */
  family?: string | null;
}

function score(
  law: PriceLaw,
  spot: number,
  actual: number,
  base: number,
): Omit<ForecastPair, "target" | "id" | "family" | "origin" | "tenor"> {
  const pit = lawPit(law, actual);
  const x = lawSummary(law, base);
  return {
    spot,
    mean: x.mean,
    median: x.median,
    q: [x.q5, x.q25, x.q75, x.q95],
    p_change: 1 - x.still,
    actual,
    pit: [pit.lo, pit.hi],
    crps: lawCrps(law, actual),
  };
}

/**
 * Every scored pair of both targets. The fit at origin d reads only observations effective by d (and prices
 * announced with models launched by d); the actual is the step-function price at d + h.
 * @example
 * forecastPairs({ observations: history.observations, families: history.families, eval_end: "2026-08-21" }).length
 */
export function forecastPairs(input: ForecastPairsInput): ForecastPair[] {
  const data = lifecycleData(input.observations, input.families);
  const tenors = input.tenors ?? TENORS;
  const end = dateOrdinal(input.eval_end, "eval_end");
  const fitAt = lifecycleFitter(data);
  const fixed = input.tier_calibration === "walk-forward" ? null : (input.tier_calibration ?? TIER_CALIBRATION);
  const calibrator = fixed ? null : tierCalibrator(data, fitAt, input.eval_end, tenors);
  const tierChanges = new Map([...data.families.keys()].map((f) => [f, tierChangeDates(data, f)]));
  const tickerChanges = new Map(
    [...data.tickers.values()].map((t) => [
      t.ticker,
      t.steps.filter((s, i) => i > 0 && s.price !== t.steps[i - 1]!.price).map((s) => s.date),
    ]),
  );
  const events = (id: string, dates: readonly string[], from: string, to: string): { events?: string[] } => {
    const xs = dates.filter((d) => d > from && d <= to).map((d) => `${id}@${d}`);
    return xs.length ? { events: xs } : {};
  };
  const out: ForecastPair[] = [];
  for (const origin of monthlyOrigins(firstLaunch(data), input.eval_end)) {
    const d = dateOrdinal(origin);
    const fit = fitAt(origin);
    const cal = fixed ?? calibrator!.at(origin);
    for (const [tenor, h] of Object.entries(tenors)) {
      const target = d + h * DAYS_PER_YEAR;
      if (target > end + 1e-9) continue;
      const at = ordinalToIso(Math.floor(target + 1e-9));
      for (const t of data.tickers.values()) {
        if (t.launch > origin || (input.family != null && t.family !== input.family)) continue;
        const spot = priceInForce(t, origin)!;
        const actual = priceInForce(t, at)!;
        if (!(spot > 0 && actual > 0)) continue;
        const base = scheduledBase(spot, announcedAfter(t, origin), origin, h);
        const law = tickerLaw(tickerLawState(data, fit, t, origin), base, h);
        const ev = events(t.ticker, tickerChanges.get(t.ticker)!, origin, at);
        out.push({
          target: "ticker",
          id: t.ticker,
          family: t.family,
          origin,
          tenor,
          ...score(law, spot, actual, base),
          ...ev,
        });
      }
      for (const family of data.families.keys()) {
        if (input.family != null && family !== input.family) continue;
        const st = tierLawState(data, fit, family, origin, cal);
        if (!st) continue;
        const spot = tierPrice(data, family, origin)!;
        const actual = tierPrice(data, family, at)!;
        if (!(spot > 0 && actual > 0)) continue;
        const head = familyHead(data, family, origin)!;
        const base = scheduledBase(spot, announcedAfter(head, origin), origin, h);
        const ev = events(family, tierChanges.get(family)!, origin, at);
        out.push({
          target: "tier",
          id: family,
          family,
          origin,
          tenor,
          ...score(tierLaw(st, base, h), spot, actual, base),
          ...ev,
        });
      }
    }
  }
  return out;
}
