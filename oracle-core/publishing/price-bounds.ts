import type { GuardRejection, PriceQuote } from "./price-quote";

/** Lowest plausible price: 1e-10 USD per token = 1e-4 USD per 1M tokens. */
export const MIN_USD_PER_M = 1e-4;
/** Ceiling, exclusive: 1e-3 USD per token = 1000 USD per 1M tokens (a round 1000 is a slip, not a price). */
export const MAX_USD_PER_M = 1000;

/**
 * Rejects a price that is not a finite non-negative number (E_PRICE_INVALID) or lies outside
 * [1e-10, 1e-3) USD per token (E_PRICE_BOUNDS) — where the ×1000 and ×100000 slips of public price files land.
 * @example checkPriceBounds({ ...q, usd_per_m: 8000 }) // { code: "E_PRICE_BOUNDS", … }
 */
export function checkPriceBounds(q: Pick<PriceQuote, "model_id" | "field" | "usd_per_m">): GuardRejection | null {
  const v = q.usd_per_m;
  const at = { model_id: q.model_id, field: q.field };
  if (typeof v !== "number" || !Number.isFinite(v))
    return { ...at, code: "E_PRICE_INVALID", reason: `${q.field} ${String(v)} is not a finite number` };
  if (v < 0) return { ...at, code: "E_PRICE_INVALID", reason: `${q.field} ${v} USD/M is negative` };
  if (v === 0)
    return {
      ...at,
      code: "E_PRICE_BOUNDS",
      reason: `${q.field} is 0: a free or unpriced entry is not a market price (floor 1e-10 USD/token)`,
    };
  if (v < MIN_USD_PER_M || v >= MAX_USD_PER_M) {
    return {
      ...at,
      code: "E_PRICE_BOUNDS",
      reason: `${q.field} ${v} USD/M (${perToken(v)} USD/token) is outside [1e-10, 1e-3) USD/token`,
    };
  }
  return null;
}

function perToken(usdPerM: number): string {
  return (usdPerM / 1e6).toExponential(3);
}
