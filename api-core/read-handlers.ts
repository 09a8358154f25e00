// The answers of the read requests: GET /v1/spots, /v1/greeks, /v1/models/:ticker, /v1/forwards/:ticker, /v1/index
// and the MCP tools that mirror them. REST memoises these bodies per snapshot version; MCP answers them as they are.
import { derivedGreeks } from "../oracle-core/greeks";
import { forwardView } from "../oracle-core/greeks";
import type { GreekRow } from "../oracle-core/schemas";
import { ApiError } from "./api-error";
import { answer, rowOf, type ApiState } from "./api-state";

/** Which spot rows to list: some tickers, one provider, or (neither) every ticker. */
export interface SpotsQuery {
  tickers?: readonly string[] | undefined;
  provider?: string | undefined;
}

/** β sync and batch, input price, context window, lifecycle (with its dates when set) and quote status per ticker. */
export function spotsBody(s: ApiState, q: SpotsQuery = {}) {
  const { tickers, provider } = q;
  const rows = tickers
    ? tickers.map((t) => rowOf(s, t))
    : s.payload.models.filter((m) => !provider || m.provider === provider.toLowerCase());
  return answer(
    s,
    rows.map((m) => ({
      ticker: m.ticker,
      display_name: m.display_name,
      provider: m.provider,
      lifecycle: m.lifecycle,
      ...lifecycleDates(m),
      beta_sync: m.beta,
      beta_batch: m.beta_batch,
      input: m.prices.input,
      context_window: m.context_window,
      status: m.status,
    })),
  );
}

/** The lifecycle dates a row carries (listed, deprecated, retired, unquoted since), only those that are set. */
function lifecycleDates(m: GreekRow): Partial<Pick<GreekRow, (typeof LIFECYCLE_DATES)[number]>> {
  return Object.fromEntries(LIFECYCLE_DATES.flatMap((k) => (m[k] === undefined ? [] : [[k, m[k]]])));
}
const LIFECYCLE_DATES = ["listed_at", "deprecated_at", "retired_at", "unquoted_since"] as const;

/** A Greek row with what is derived from it (annual decline, half-life, tokens per USD). */
const withDerived = (m: GreekRow) => ({ ...m, ...derivedGreeks(m) });

/** The whole Greek sheet. */
export function greeksBody(s: ApiState) {
  return answer(s, s.payload.models.map(withDerived));
}

/** One ticker's Greek row (404 with suggestions for an unknown ticker). */
export function modelBody(s: ApiState, ticker: string) {
  return answer(s, withDerived(rowOf(s, ticker)));
}

/** Forwards at the standard tenors and at each `t` in years, honouring announced prices. */
export function forwardBody(s: ApiState, ticker: string, t: readonly number[]) {
  return answer(s, forwardView(rowOf(s, ticker), s.payload.valuation_date, t));
}

/** The EICI block; 503 E_NO_INDEX until the index has a base date. */
export function indexBody(s: ApiState) {
  const block = s.payload.index;
  if (!block)
    throw new ApiError(503, "E_NO_INDEX", "the index has no base date yet: too few priced models for the caps");
  return answer(s, block);
}
