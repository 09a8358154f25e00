// The answers of the market requests that need only the snapshot (and, for the backtest, the history it was fitted
// on): POST /v1/swap (and price_swap), GET /v1/monte-carlo/:ticker, GET /v1/backtest.
import { backtestFamilies, type BacktestFamiliesInput } from "../oracle-core/market";
import { monteCarloFor } from "../oracle-core/market";
import { indexUnderlying, priceSwap, tickerUnderlying, type SwapUnderlying } from "../oracle-core/market";
import type { SwapRequest } from "../oracle-core/schemas";
import { ApiError } from "./api-error";
import { answer, rowOf, type ApiState } from "./api-state";

/** EICS on the index ("index" or "EICI") or a ticker (MATH.md §9): fair rate, NPV, risks, cash flows. */
export function swapBody(s: ApiState, req: SwapRequest) {
  const u = req.underlying.trim();
  let und: SwapUnderlying;
  if (u.toLowerCase() === "index" || u.toUpperCase() === "EICI") {
    if (!s.payload.index)
      throw new ApiError(503, "E_NO_INDEX", "the index has no base date yet; price a ticker instead");
    und = indexUnderlying(s.payload.index, Object.fromEntries(s.payload.models.map((m) => [m.ticker, m.theta])));
  } else {
    und = tickerUnderlying(rowOf(s, req.underlying));
  }
  return answer(s, priceSwap(req, und, s.payload.valuation_date));
}

/**
 * The lifecycle Monte Carlo of a ticker's price (and, on its family's newest model, of the tier) beside the exact
 * law; Merton (MATH.md §10) for a row without a forecast block. Deterministic for (snapshot, paths, seed).
 */
export function monteCarloBody(s: ApiState, ticker: string, q: { paths: number; seed: number }) {
  return answer(s, monteCarloFor(rowOf(s, ticker), q));
}

/** How the backtest's columns are computed, stated with every answer. */
const BACKTEST_METHOD = {
  origins: "every month-start d; models fitted only on observations effective by d (docs/METHODOLOGY.md, Backtest)",
  targets:
    "ticker: one SKU's own list price (lifecycle-hazard law); tier: the price of the family's newest model " +
    "(compound-Poisson lifecycle law, published calibration); scored apart",
  actual: "the price in force at d + h (ACT/365.25), h = 1M/3M/6M/12M",
  baseline: "no change (NC): the spot at d, announced prices honoured",
  forward:
    "the law's mean. bias_pct = mean((forward − actual)/spot); " +
    "se_skill = 1 − Σ(forward − actual)²/Σ(NC − actual)²",
  bands:
    "crps_skill = 1 − CRPS/CRPS_NC (exact CRPS of the mixture, NC's is its absolute error); coverage90/50 = " +
    "expected share of randomized PITs (uniform on [F(y−), F(y)]) inside the central 90%/50% band",
  secondary: "the median's MAPE and median APE beside NC's; forward_mape_pct is the forward's MAPE",
  counts: "pairs; moved = pairs whose price changed by d + h; events = distinct changes; clusters = tickers/families",
  intervals: "95% percentile bootstrap, 1,000 seeded resamples of whole tickers or families",
};

/**
 * The forward-curve backtest by tenor and family against the no-change forecast, up to the snapshot's data_as_of.
 * `family` must be one of `families` (check it with requireFamily first: the history read is the costly part).
 */
export function backtestBody(s: ApiState, input: Pick<BacktestFamiliesInput, "history" | "families" | "family">) {
  const r = backtestFamilies({ ...input, eval_end: s.payload.data_as_of, family: input.family ?? null });
  return answer(s, {
    method: BACKTEST_METHOD,
    eval_end: r.eval_end,
    tenors: r.tenors,
    summary: { by_tenor: r.by_tenor, by_family: r.by_family },
    predictions: r.predictions,
  });
}
