import { OracleError } from "../errors";
import { priceTask, type PricingRow } from "../greeks/price-task";
import type { TokenEstimate } from "../tokens/estimate";

/**
 * A call about to be made: the prompt's token count (exact or a labelled estimate), the output ceiling, and the cache
 * profile.
 */
export interface CallToEstimate {
  /** The prompt's tokens: a plain count, or a tokenizer result with its band. */
  n_in: number | TokenEstimate;
  max_tokens: number;
  n_think?: number | undefined;
  eta?: number | undefined;
  omega?: number | undefined;
  cache_ttl?: string | undefined;
  mode?: string | undefined;
}

/** The pre-call estimate: the cost range over output length, widened by the token band when n_in is an estimate. */
export interface CallEstimate {
  model: string;
  n_in: number;
  /** null when the caller gave n_in as a number. */
  tokens: TokenEstimate | null;
  n_think: number;
  max_tokens: number;
  /** Output tokens that still fit: max_tokens − n_think (reasoning counts toward the provider's max). */
  output_ceiling: number;
  /** min = 1 output token at the band's low n_in; max = output_ceiling at the band's high n_in. */
  min: number;
  max: number;
  /** Cost at 100/500/1000/4000 output tokens at the point n_in (MATH.md §4). */
  at: Record<string, number>;
  exceeds_max_tokens: number[];
  marginal_cost_per_output_token: number;
  kappa_at_min: number | null;
  kappa_at_max: number | null;
}

/**
 * Prices a call before it is made (MATH.md §4 through priceTask): what it costs at the least and at the most.
 * @example estimateCall(row, { n_in: 1200, max_tokens: 800 }, "2026-11-24").max
 */
export function estimateCall(row: PricingRow, call: CallToEstimate, valuationDate: string): CallEstimate {
  const tokens = typeof call.n_in === "number" ? null : call.n_in;
  const n_in = tokens ? tokens.n_in : (call.n_in as number);
  const n_think = call.n_think ?? 0;
  const ceiling = call.max_tokens - n_think;
  if (!(ceiling >= 1))
    throw new OracleError(
      "E_MAX_TOKENS",
      `max_tokens (${call.max_tokens}) must leave at least 1 output token after n_think (${n_think})`,
      "max_tokens",
    );
  const task = {
    n_think,
    eta: call.eta,
    omega: call.omega,
    cache_ttl: call.cache_ttl,
    mode: call.mode,
    max_tokens: ceiling,
  };
  const point = priceTask(row, { ...task, n_in }, valuationDate).range!;
  const [lo, hi] = tokens ? tokens.band : [n_in, n_in];
  const low = lo === n_in ? point : priceTask(row, { ...task, n_in: lo }, valuationDate).range!;
  const high = hi === n_in ? point : priceTask(row, { ...task, n_in: hi }, valuationDate).range!;
  return {
    model: row.ticker,
    n_in,
    tokens,
    n_think,
    max_tokens: call.max_tokens,
    output_ceiling: ceiling,
    min: low.min,
    max: high.max,
    at: point.at,
    exceeds_max_tokens: point.exceeds_max_tokens,
    marginal_cost_per_output_token: point.marginal_cost_per_output_token,
    kappa_at_min: low.kappa_at_min,
    kappa_at_max: high.kappa_at_max,
  };
}
