/**
 * oracle-core/market public surface: EICI series and snapshot block, EICS requests, Monte Carlo requests, the backtest
 * runner.
 */

// index (MATH §8, docs/METHODOLOGY.md)
export { priceTimelines, priceOn } from "./price-timelines";
export { indexSeries, FIXING_UTC } from "./index-series";
export { indexBlock } from "./snapshot-index-block";
export { indexMembership } from "./index-membership";
export { publishedCorrections } from "./published-corrections";

// swap (MATH §9)
export { priceSwap, tickerUnderlying, indexUnderlying, thetaForward, MAX_TERM_MONTHS } from "./swap-request";
export { swapValueForward } from "./swap-forward";
export { gridForward, indexForwardGrid, INDEX_FORWARD_GRID } from "./index-forward-grid";

// Monte Carlo (MATH §10)
export { mcQuery, monteCarloFor, MC_PATHS, MC_DEFAULT_SEED } from "./monte-carlo-request";

// backtest of the lifecycle forecasts (docs/METHODOLOGY.md)
export { forecastPairs } from "./backtest-pairs";
export { summarizePairs, clusterBootstrap, BOOTSTRAP } from "./backtest-scores";
export { backtestFamilies } from "./backtest-families";
export { pitHistogram, reliability, RELIABILITY_LEVELS } from "./backtest-calibration";

export type { PriceStep, MarketObservation } from "./price-timelines";
export type { MembershipRow } from "./index-membership";
export type { IndexUniverseEntry, IndexSeriesInput, IndexSeriesPoint, IndexSeriesResult } from "./index-series";
export type { SwapUnderlying, SwapCashFlow, SwapQuote, SwapBasis } from "./swap-request";
export type { SwapForward, SwapForwardInput, SwapForwardResult } from "./swap-forward";
export type { McTenor, McResult, McAnalytic, LegacyMcTenor, McRow } from "./monte-carlo-request";
export type { BacktestTarget, ForecastPair, ForecastPairsInput } from "./backtest-pairs";
export type { ClusterSums, TargetSummary, WithInterval } from "./backtest-scores";
export type { BacktestFamiliesInput, BacktestFamiliesResult, TargetTable } from "./backtest-families";
