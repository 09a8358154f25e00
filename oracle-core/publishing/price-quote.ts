/** The vocabulary the publishing rules speak: priced token classes, a quote's slot and value, a rejection. */

/** Priced token classes a quote can carry. */
export type QuoteField =
  | "input"
  | "output"
  | "cache_read"
  | "cache_write_5m"
  | "cache_write_1h"
  | "batch_input"
  | "batch_output"
  | "thinking";

export const QUOTE_FIELDS: readonly QuoteField[] = [
  "input",
  "output",
  "cache_read",
  "cache_write_5m",
  "cache_write_1h",
  "batch_input",
  "batch_output",
  "thinking",
];

/** One price a source states, normalised to USD per 1M tokens (the feed's SourceQuote adds which source). */
export interface PriceQuote {
  /** The id as the source spells it (a page's row label, cleaned). */
  model_id: string;
  /** The provider the source files this model under, when it has one. */
  provider?: string;
  field: QuoteField;
  usd_per_m: number;
  /** Context tier: this price applies when the request is above this many tokens (MATH.md §1 whole-request rule). */
  tier_above?: number;
  /** ISO date the price takes effect (scheduled or historical prices). */
  effective_from?: string;
  /** ISO date the price stops applying (exclusive). */
  effective_to?: string;
}

/** A quote assigned to a registry ticker, with the source that stated it (the feed's matched quote). */
export interface TickerQuote extends PriceQuote {
  source: string;
  ticker: string;
}

/** Codes the guard rules add on top of the transport and parser codes the feed passes through. */
export type GuardCode = "E_SHRINK" | "E_PRICE_BOUNDS" | "E_PRICE_INVALID" | "E_RATIO_BOUNDS" | "E_UNIT_SUSPECT";

/** One quote a rule refused; `field` is "*" when the whole model was refused by the parser. */
export interface GuardRejection {
  model_id: string;
  field: string;
  code: string;
  reason: string;
}
