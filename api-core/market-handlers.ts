// The answers of the market requests that need only the snapshot (and, for the backtest, the history it was fitted
// on): POST /v1/swap (and price_swap), GET /v1/monte-carlo/:ticker, GET /v1/backtest.
import { backtestFamilies, type BacktestFamiliesInput } from "../oracle-core/market/backtest-families";
import { monteCarloFor } from "../oracle-core/market/monte-carlo-request";
import { indexUnderlying, priceSwap, tickerUnderlying, type SwapUnderlying } from "../oracle-core/market/swap-request";
import type { SwapRequest } from "../oracle-core/schemas/market";
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

/** Merton jump-diffusion percentiles of a ticker's price (MATH.md §10), deterministic for (snapshot, paths, seed). */
export function monteCarloBody(s: ApiState, ticker: string, q: { paths: number; seed: number }) {
  return answer(s, monteCarloFor(rowOf(s, ticker), q));
}

/** How the backtest's columns are computed, stated with every answer. */
const BACKTEST_METHOD = {
  forward:
    "β(d)·e^(−θ_d·h), prices announced with the model honoured first; θ_d fitted on the family's data ≤ d exactly " +
    "as production publishes it (MATH.md §5, provider prior)",
  actual: "the family's step-function price at d + h (last effective change ≤ d + h)",
  baseline: "no change: forward = spot β(d)",
  ape: "|forecast − actual| / actual; a pair is flagged successor_step when a successor launches in (d, d + h]",
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
