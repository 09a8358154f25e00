/**
 * The production backtest of the lifecycle forecasts (GET /v1/backtest, the README table): monthly origins, ticker
 * and tier targets scored apart against "no change", with bootstrap intervals over whole tickers and families.
 */
import { OracleError } from "../errors";
import { TIER_CALIBRATION, type TierCalibrationScale } from "../forecast/law-states";
import type { LifecycleObservation } from "../forecast/lifecycle-data";
import { sig } from "../forecast/significant";
import { TENORS } from "../quant/defaults";
import { forecastPairs, type BacktestTarget, type ForecastPair } from "./backtest-pairs";
import { summarizePairs, type TargetSummary } from "./backtest-scores";

/** Input of {@link backtestFamilies}. */
export interface BacktestFamiliesInput {
  history: { observations: readonly LifecycleObservation[] };
  families: Readonly<Record<string, { provider: string }>>;
  /** Last date a pair may reach: the newest date the data vouches for (data_as_of). */
  eval_end: string;
  /** Only this family's tickers and tier (the models are still fitted on every family). */
  family?: string | null;
  tenors?: Readonly<Record<string, number>>;
  /** Tier calibration (default: the published one); "walk-forward" for the out-of-sample check. */
  tier_calibration?: TierCalibrationScale | "walk-forward";
}

/** Scores by target, then tenor (null where a tenor has no pair). */
export type TargetTable = Record<BacktestTarget, Record<string, TargetSummary | null>>;

/** Output of {@link backtestFamilies}. */
export interface BacktestFamiliesResult {
  eval_end: string;
  tenors: string[];
  families: string[];
  tier_calibration: TierCalibrationScale | "walk-forward";
  /** With bootstrap intervals. */
  by_tenor: TargetTable;
  /** Per family, without intervals (a family is one cluster). */
  by_family: Record<string, TargetTable>;
  predictions: ForecastPair[];
}

/** A pair as published: prices and probabilities to 6 significant digits (the summaries use full precision). */
function published(p: ForecastPair): ForecastPair {
  const r = (x: number) => sig(x, 6);
  return {
    ...p,
    spot: r(p.spot),
    mean: r(p.mean),
    median: r(p.median),
    q: p.q.map(r) as ForecastPair["q"],
    p_change: r(p.p_change),
    actual: r(p.actual),
    pit: [r(p.pit[0]), r(p.pit[1])],
    crps: r(p.crps),
  };
}

function table(pairs: readonly ForecastPair[], tenors: readonly string[], bootstrap: boolean): TargetTable {
  const of = (target: BacktestTarget) =>
    Object.fromEntries(
      tenors.map((t) => [
        t,
        summarizePairs(
          pairs.filter((p) => p.target === target && p.tenor === t),
          { bootstrap },
        ),
      ]),
    );
  return { ticker: of("ticker"), tier: of("tier") };
}

/**
 * Every ticker and family forecast at month-start origins, fitted on data ≤ the origin, scored at 1M/3M/6M/12M.
 * @example
 * backtestFamilies({ history, families: history.families, eval_end: "2026-08-21" }).by_tenor.tier["6M"].crps_skill
 */
export function backtestFamilies(input: BacktestFamiliesInput): BacktestFamiliesResult {
  const tenors = input.tenors ?? TENORS;
  if (input.family != null && !Object.hasOwn(input.families, input.family)) {
    throw new OracleError("E_UNKNOWN_ID", `unknown family ${JSON.stringify(input.family)}`, "family");
  }
  const predictions = forecastPairs({
    observations: input.history.observations,
    families: input.families,
    eval_end: input.eval_end,
    tenors,
    family: input.family ?? null,
    ...(input.tier_calibration ? { tier_calibration: input.tier_calibration } : {}),
  });
  const names = input.family != null ? [input.family] : [...new Set(predictions.map((p) => p.family))].sort();
  const t = Object.keys(tenors);
  return {
    eval_end: input.eval_end,
    tenors: t,
    families: names,
    tier_calibration: input.tier_calibration ?? TIER_CALIBRATION,
    by_tenor: table(predictions, t, true),
    by_family: Object.fromEntries(
      names.map((f) => [
        f,
        table(
          predictions.filter((p) => p.family === f),
          t,
          false,
        ),
      ]),
    ),
    predictions: predictions.map(published),
  };
}
