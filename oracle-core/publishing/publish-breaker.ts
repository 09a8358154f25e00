/**
 * The publishing breaker (SPEC §4 step 6): MATH.md §8.6's constituent breaker ({@link breakerStep}, the same
 * 15% / 0.1% / 1 h / 48 h rule the index applies) plus two things only the feed knows — which sources quote
 * the move, and that a ≥10× move is a unit error no repetition confirms.
 */
import { breakerStep, withinTol, type BreakerState } from "../quant/breaker";
import { DEFAULTS } from "../quant/defaults";
import { originOf } from "./reconcile";
import { UNIT_SUSPECT_FLAG } from "./unit-suspect";

/** A move held for confirmation: the value, when it was first held, and the sources that quoted it. */
export interface PendingMove {
  value: number;
  first_seen_at: string;
  sources: string[];
}

export type BreakerDecision =
  | { kind: "unchanged" }
  | {
      kind: "publish";
      value: number;
      from: number | null;
      reason: "first_quote" | "within_band" | "second_source" | "repeat_poll";
    }
  | { kind: "hold"; pending: PendingMove; reason: string };

export interface BreakerInput {
  published: number | null;
  pending: PendingMove | null;
  /** The reconciled value of this run. */
  value: number;
  /** Sources of this run quoting `value` (see {@link confirmsValue}). */
  sources: readonly string[];
  now: Date;
}

/**
 * True when a source's quote vouches for a value: within the breaker's confirmation tolerance (0.1%).
 * @example confirmsValue(8.004, 8) // true
 */
export function confirmsValue(quote: number, value: number): boolean {
  return withinTol(quote, value, DEFAULTS.confirm_tol);
}

/**
 * Decides what to publish for one ticker field. A move over 15% is held until a second independent source
 * agrees, or the same value is seen again on a poll at least 1 h after it was first held (and within 48 h).
 * @example breakerDecide({ published: 40, pending: null, value: 8, sources: ["litellm"], now }).kind // "hold"
 */
export function breakerDecide({ published, pending, value, sources, now }: BreakerInput): BreakerDecision {
  if (published === null) return { kind: "publish", value, from: null, reason: "first_quote" };
  const since = pending ? Date.parse(pending.first_seen_at) : Number.NaN;
  // An unreadable first-seen time cannot start the 1 h clock: the held move is replaced, as an expired one is.
  const state: BreakerState = {
    accepted: published,
    accepted_at: null,
    last_quote_at: null,
    pending: pending && Number.isFinite(since) ? { price: pending.value, since } : null,
  };
  const step = breakerStep(state, { price: value }, now.getTime());
  // A zero or negative value is never a price to publish (the guard rejects it before it gets here).
  if (step.outcome === "rejected") return { kind: "unchanged" };
  if (step.result === "accepted")
    return value === published
      ? { kind: "unchanged" }
      : { kind: "publish", value, from: published, reason: "within_band" };
  if (new Set(sources.map(originOf)).size >= 2)
    return { kind: "publish", value, from: published, reason: "second_source" };
  const move = `${((value / published - 1) * 100).toFixed(1)}%`;
  if (pending && (step.result === "confirmed" || step.result === "pending_too_soon")) {
    // The quote repeats the held move: confirmed ≥ 1 h after it was first held, unless it looks like a unit error.
    const factor = Math.max(value / published, published / value);
    if (step.result === "confirmed" && factor < UNIT_SUSPECT_FLAG)
      return { kind: "publish", value, from: published, reason: "repeat_poll" };
    const merged = [...new Set([...pending.sources, ...sources])].sort();
    const why =
      factor >= UNIT_SUSPECT_FLAG
        ? `a ${factor.toFixed(0)}× move looks like a unit error; awaiting a second source`
        : "awaiting confirmation";
    return {
      kind: "hold",
      pending: { ...pending, sources: merged },
      reason: `move of ${move} held since ${pending.first_seen_at}; ${why}`,
    };
  }
  return {
    kind: "hold",
    pending: { value, first_seen_at: now.toISOString(), sources: [...sources].sort() },
    reason: `move of ${move} from one source held for confirmation`,
  };
}
