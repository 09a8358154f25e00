/** oracle-core/market public surface: EICI series and snapshot block, EICS requests, Monte Carlo requests, the backtest runner. */

// index (MATH §8, docs/METHODOLOGY.md)
export { priceTimelines, priceOn } from "./price-timelines";
export { indexSeries, FIXING_UTC } from "./index-series";
export { indexBlock } from "./snapshot-index-block";
export { publishedCorrections } from "./published-corrections";

// swap (MATH §9)
export { priceSwap, tickerUnderlying, indexUnderlying, MAX_TERM_MONTHS } from "./swap-request";

// Monte Carlo (MATH §10)
export { mcQuery, monteCarloFor, MC_PATHS, MC_DEFAULT_SEED } from "./monte-carlo-request";

// backtest (MATH §11)
export { backtestSeries } from "./backtest-series";
export { apeSummary, tenorSummary, summaryByTenor } from "./backtest-summary";
export { backtestFamilies } from "./backtest-families";

export type { PriceStep, MarketObservation } from "./price-timelines";
export type { IndexUniverseEntry, IndexSeriesInput, IndexSeriesPoint, IndexSeriesResult } from "./index-series";
export type { SwapUnderlying, SwapCashFlow, SwapQuote } from "./swap-request";
export type { McTenor, McResult } from "./monte-carlo-request";
export type { AnnouncedPrice, BacktestPrediction, BacktestSeriesInput } from "./backtest-series";
export type { ApeSummary, TenorSummary } from "./backtest-summary";
export type { BacktestFamiliesInput, BacktestFamiliesResult } from "./backtest-families";
