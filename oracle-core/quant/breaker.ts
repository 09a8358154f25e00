/**
 * MATH.md §8.6 constituent circuit breaker (also SPEC §4 rule 6): a move > 15% against the accepted price is held
 * until a later quote within 0.1% of the pending one, observed ≥ 1 h after it, while the pending quote is ≤ 48 h old.
 */
import { OracleError } from "../errors";
import { DEFAULTS } from "./defaults";
import { num } from "./validate";

const MS_PER_HOUR = 3_600_000;

/** Breaker state of one instrument; times are milliseconds since the epoch. Treat as immutable. */
export interface BreakerState {
  accepted: number | null;
  accepted_at: number | null;
  last_quote_at: number | null;
  pending: { price: number; since: number } | null;
}

/** Breaker parameters (MATH.md §12 defaults). */
export interface BreakerParams {
  breaker_pct?: number;
  confirm_tol?: number;
  confirm_min_hours?: number;
  pending_expiry_hours?: number;
}

/** Detailed result, as written in ref.py's index quote log. */
export type BreakerResult = "accepted" | "confirmed" | "pending" | "pending_too_soon" | "rejected_nonpositive";
/** Coarse outcome: a held quote leaves the accepted price unchanged. */
export type BreakerOutcome = "accepted" | "confirmed" | "held" | "rejected";

/** Output of {@link breakerStep}. */
export interface BreakerStep {
  state: BreakerState;
  result: BreakerResult;
  outcome: BreakerOutcome;
}

/**
 * The breaker's one notion of "the same price": `price` within `tol` (relative) of `ref`; a zero `ref` matches
 * only zero.
 * @example withinTol(4.003, 4, 0.001) // true
 */
export function withinTol(price: number, ref: number, tol: number): boolean {
  return ref === 0 ? price === 0 : Math.abs(price / ref - 1.0) <= tol;
}

/** The state of an instrument never quoted: its first positive quote is accepted unconditionally. */
export const INITIAL_BREAKER_STATE: BreakerState = Object.freeze({
  accepted: null,
  accepted_at: null,
  last_quote_at: null,
  pending: null,
});

/**
 * Applies one quote observed at `now` (ms since epoch) and returns the new state; the input state is not mutated.
 * @example breakerStep(breakerStep(INITIAL_BREAKER_STATE, { price: 8 }, t0).state, { price: 4 }, t1).outcome // "held"
 */
export function breakerStep(
  state: BreakerState,
  quote: { price: number },
  now: number,
  params: BreakerParams = {},
): BreakerStep {
  const p = num("quote.price", quote.price);
  const t = num("now", now);
  if (p <= 0) return { state, result: "rejected_nonpositive", outcome: "rejected" };
  const pct = params.breaker_pct ?? DEFAULTS.breaker_pct;
  const tol = params.confirm_tol ?? DEFAULTS.confirm_tol;
  const minMs = (params.confirm_min_hours ?? DEFAULTS.confirm_min_hours) * MS_PER_HOUR;
  const expiryMs = (params.pending_expiry_hours ?? DEFAULTS.pending_expiry_hours) * MS_PER_HOUR;
  if (!(pct >= 0 && tol >= 0 && minMs >= 0 && expiryMs >= 0)) {
    throw new OracleError("E_NEG_RATIO", "breaker parameters must be finite and >= 0", "params");
  }
  const last_quote_at = state.last_quote_at === null || t > state.last_quote_at ? t : state.last_quote_at;
  const accept = (result: "accepted" | "confirmed"): BreakerStep => ({
    state: { accepted: p, accepted_at: t, last_quote_at, pending: null },
    result,
    outcome: result,
  });
  if (state.accepted === null || withinTol(p, state.accepted, pct)) return accept("accepted");
  let pending = state.pending;
  if (pending !== null && t - pending.since > expiryMs) pending = null; // stale pending quote is replaced
  if (pending !== null && withinTol(p, pending.price, tol)) {
    if (t - pending.since >= minMs) return accept("confirmed");
    return { state: { ...state, last_quote_at, pending }, result: "pending_too_soon", outcome: "held" };
  }
  return { state: { ...state, last_quote_at, pending: { price: p, since: t } }, result: "pending", outcome: "held" };
}
