/** A ticker's and a family's law state as of a date, from the history and the lifecycle fit at that date. */
import { dateOrdinal } from "../quant/dates";
import { DAYS_PER_YEAR } from "../quant/defaults";
import { familyHead, successorDate, type LifecycleData, type TickerTimeline } from "./lifecycle-data";
import { providerMu, type LifecycleFit } from "./lifecycle-fit";
import type { TickerLawState } from "./ticker-law";
import type { TierLawState } from "./tier-law";

/** The tier law's calibration: rate multiplier of price-changing launches and ln-sd widening (1, 1 = as fitted). */
export interface TierCalibrationScale {
  rate_scale: number;
  widen: number;
}
export const UNCALIBRATED: TierCalibrationScale = Object.freeze({ rate_scale: 1, widen: 1 });
/**
 * The calibration production publishes: what tierCalibrator's rule (the least widening whose 90% bands covered ≥ 85%
 * of the matured 3M and 6M tier forecasts) picks on the bundled history at its as-of date. A constant, so that a
 * publish does not re-run the backtest; scripts/backtest-report.ts checks it and reports the walk-forward scores.
 */
export const TIER_CALIBRATION: TierCalibrationScale = Object.freeze({ rate_scale: 1.5, widen: 1.3 });

const yearsBetween = (a: string, b: string): number => Math.max(0, dateOrdinal(b) - dateOrdinal(a)) / DAYS_PER_YEAR;

/** The family's successor rate (pooled when the family has no launch by the fit date). */
function successorRate(fit: LifecycleFit, family: string): number {
  return fit.successor.by_family[family] ?? fit.successor.pooled;
}

/**
 * The ticker's law state on `asOf` (launched by then): age, superseded, and the fitted hazards, successor rate and
 * provider-shrunk move size.
 */
export function tickerLawState(
  data: LifecycleData,
  fit: LifecycleFit,
  t: TickerTimeline,
  asOf: string,
): TickerLawState {
  const succ = successorDate(data, t);
  return {
    age: yearsBetween(t.launch, asOf),
    superseded: succ !== null && succ <= asOf,
    hazard: { ...fit.hazard },
    young_years: fit.young_years,
    successor_rate: successorRate(fit, t.family),
    jump: { mu: providerMu(fit.jump, t.provider), s: fit.jump.s },
  };
}

/** The family's tier law state on `asOf`, or null before its first launch. */
export function tierLawState(
  data: LifecycleData,
  fit: LifecycleFit,
  family: string,
  asOf: string,
  cal: TierCalibrationScale = TIER_CALIBRATION,
): TierLawState | null {
  const head = familyHead(data, family, asOf);
  if (!head) return null;
  return {
    head_age: yearsBetween(head.launch, asOf),
    hazard: { young: fit.hazard.young, old: fit.hazard.old },
    young_years: fit.young_years,
    successor_rate: successorRate(fit, family),
    p_same: fit.same.by_provider[head.provider] ?? fit.same.p,
    ratio: { mu: providerMu(fit.ratio, head.provider), s: fit.ratio.s },
    jump: { mu: providerMu(fit.jump, head.provider), s: fit.jump.s },
    rate_scale: cal.rate_scale,
    widen: cal.widen,
  };
}
