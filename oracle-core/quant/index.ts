/** oracle-core/quant public surface: every MATH.md quantity, validated, in float64. */

// constants
export { DEFAULTS, TENORS, COST_POINTS, DAYS_PER_YEAR, PER_MILLION } from "./defaults";

// dates and numerics
export { dateOrdinal, ordinalToIso, timestampMs, tsHours, yearFrac } from "./dates";
export { erf, erfc, normCdf } from "./erf";
export { percentileType7 } from "./percentile";
export { createRng, xoshiro128ss, poissonKnuth } from "./rng";

// task cost (§2–4)
export { taskCost, tierMultipliers, effectiveInputRatio } from "./task-cost";
export { kappa, tokensPerUsd } from "./kappa";
export { costRange } from "./cost-range";
export { compare } from "./compare";

// θ and σ (§5–6), backtest (§11)
export { prepareSeries, seriesIntervals } from "./prepare-series";
export { fitTheta } from "./theta";
export { thetaCandidates } from "./theta-candidates";
export { providerPrior } from "./provider-prior";
export { backtest } from "./backtest";

// forwards (§7)
export { forwardPrice, forwardCurve, forwardTaskCost, curveForward } from "./forward";

// index (§8)
export { cappedWeights } from "./capped-weights";
export { indexWeights } from "./index-weights";
export { breakerStep, withinTol, INITIAL_BREAKER_STATE } from "./breaker";
export { indexRun } from "./index-run";
export { indexForward } from "./index-forward";

// swap (§9)
export { swapValue, swapTerms } from "./swap";
export { swapFairRate, fairRateClosedForm, fairRateClosedFormAverage } from "./swap-fair-rate";

// Monte Carlo (§10)
export { mertonParams, mertonLogCdf, mertonAnalytics, mcMerton, QUANTILE_PROBS } from "./merton";
export { simulateMerton, simulateMertonChunks } from "./monte-carlo";

export type { QuantDefaults } from "./defaults";
export type { Rng } from "./rng";
export type { Tier, InstrumentPrices, TaskProfile, TaskCostInput, TaskCostResult, TierMultipliers } from "./task-cost";
export type { KappaResult, TokensPerUsdResult } from "./kappa";
export type { CostRangeInput, CostRangeResult } from "./cost-range";
export type { CompareInstrument, CompareOptions, CompareRow, CompareResult } from "./compare";
export type { Observation, SeriesPoint } from "./prepare-series";
export type { FitOptions, FitThetaInput, FitThetaResult } from "./theta";
export type { ThetaCandidatesInput, ThetaCandidatesResult, ThetaCandidateMap } from "./theta-candidates";
export type { FamilyFit, ProviderPriorInput, ProviderPriorResult } from "./provider-prior";
export type { BacktestInput, BacktestRow, BacktestAggregate, BacktestResult } from "./backtest";
export type { CurveTerm } from "./forward";
export type { CappedWeightsInput } from "./capped-weights";
export type { IndexWeightsInput, IndexWeightsResult } from "./index-weights";
export type { BreakerState, BreakerParams, BreakerResult, BreakerOutcome, BreakerStep } from "./breaker";
export type {
  IndexQuote,
  IndexEvent,
  IndexParams,
  IndexRunInput,
  IndexRunResult,
  IndexFixing,
  QuoteLogEntry,
} from "./index-run";
export type { IndexForwardInput } from "./index-forward";
export type { SwapNotional, SwapValueInput, SwapValueResult, SwapPeriod, SwapTerms } from "./swap";
export type { ClosedFormInput, SwapFairRateInput, SwapFairRateResult } from "./swap-fair-rate";
export type {
  MertonParamsInput,
  MertonParams,
  MertonAnalyticsInput,
  MertonAnalytics,
  McMertonInput,
  McMertonTenor,
  McMertonResult,
} from "./merton";
export type {
  SimulateMertonParams,
  SimulateMertonOptions,
  SimulateMertonResult,
  SimTenorStats,
  SimProgress,
} from "./monte-carlo";

// used by the other parts
export { parseClockOffset } from "./clock-offset";
export { allFinite } from "./validate";
