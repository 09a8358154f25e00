/**
 * oracle-core/forecast public surface: the lifecycle forecasts behind every published forward — fits, laws, the
 * row's forecast block, the Monte Carlo, the tier calibration (docs/METHODOLOGY.md, "Forecasts").
 */

// history as of a date, and the fits
export { lifecycleData, tierChangeDates, ANNOUNCED_KINDS } from "./lifecycle-data";
export { fitLifecycle, lifecycleFitter, LIFECYCLE_PRIORS } from "./lifecycle-fit";
export { tickerLawState, tierLawState, TIER_CALIBRATION, UNCALIBRATED } from "./law-states";
export { tierCalibrator, TIER_CALIBRATION_PATH, monthlyOrigins } from "./tier-calibration";

// laws and what is published from them
export { lawMean, lawCdf, lawQuantile, lawQuantiles, lawCrps, lawPit, pitCoverage, widenLaw } from "./price-law";
export { moveCounts, tickerLaw, tickerDrift } from "./ticker-law";
export { tierLaw, tierMoveMean } from "./tier-law";
export { forwardPoint, lawSummary, announcedWithin } from "./forward-point";

// a Greek-sheet row's forecast block and the forwards a client computes from it
export { rowForecast, tickerForward, tickerForwardLaw, tierForwardLaw, announcedPath } from "./row-forecast";
export { tickerStateOfRow, tierStateOfRow } from "./row-forecast";

// Monte Carlo
export { simulateLifecycle, simulateLifecycleChunks, tickerProcess, tierProcess } from "./simulate-lifecycle";

export type { LifecycleObservation, LifecycleData, TickerTimeline, FamilyLaunches } from "./lifecycle-data";
export type { LifecycleFit, SizeFit } from "./lifecycle-fit";
export type { TierCalibrationScale } from "./law-states";
export type { TierCalibration, TierCalibrator } from "./tier-calibration";
export type { LawComponent, PriceLaw } from "./price-law";
export type { TickerLawState } from "./ticker-law";
export type { TierLawState } from "./tier-law";
export type { ForwardPoint, LawSummary } from "./forward-point";
export type { ForecastRow, ForwardRow } from "./row-forecast";
export type { JumpProcess, LifecycleSimOptions, LifecycleSimTenor } from "./simulate-lifecycle";

// used by the other parts
export { sig } from "./significant";
