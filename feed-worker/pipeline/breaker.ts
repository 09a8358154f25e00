import { originOf } from "./reconcile";

/** SPEC §4 step 6 (and MATH.md §8.6's thresholds): moves over 15% wait for confirmation. */
export const BREAKER_PCT = 0.15;
export const CONFIRM_TOL = 0.001;
export const CONFIRM_MIN_MS = 60 * 60 * 1000;
export const PENDING_MAX_MS = 48 * 60 * 60 * 1000;
/** A move of this factor or more looks like a unit error (×1000, per-1K read as per-1M): only a second source confirms it. */
export const UNIT_ERROR_FACTOR = 10;

export interface PendingMove {
  value: number;
  first_seen_at: string;
  sources: string[];
}

export type BreakerDecision =
  | { kind: "unchanged" }
  | { kind: "publish"; value: number; from: number | null; reason: "first_quote" | "within_band" | "second_source" | "repeat_poll" }
  | { kind: "hold"; pending: PendingMove; reason: string };

export interface BreakerInput {
  published: number | null;
  pending: PendingMove | null;
  /** The reconciled value of this run. */
  value: number;
  /** Sources of this run quoting within CONFIRM_TOL of `value`. */
  sources: readonly string[];
  now: Date;
}

const near = (a: number, b: number, tol: number) => (b === 0 ? a === 0 : Math.abs(a / b - 1) <= tol);

/**
 * Decides what to publish for one ticker field. A move over 15% is held until a second
 * independent source agrees, or the same value is seen again on a poll at least 1 h after it was
 * first held (and within 48 h).
 */
export function breakerDecide({ published, pending, value, sources, now }: BreakerInput): BreakerDecision {
  if (published === null) return { kind: "publish", value, from: null, reason: "first_quote" };
  if (near(value, published, BREAKER_PCT)) {
    return value === published ? { kind: "unchanged" } : { kind: "publish", value, from: published, reason: "within_band" };
  }
  const origins = new Set(sources.map(originOf));
  if (origins.size >= 2) return { kind: "publish", value, from: published, reason: "second_source" };
  const nowIso = now.toISOString();
  const move = `${((value / published - 1) * 100).toFixed(1)}%`;
  if (pending && near(value, pending.value, CONFIRM_TOL)) {
    const age = now.getTime() - Date.parse(pending.first_seen_at);
    if (age <= PENDING_MAX_MS) {
      const factor = Math.max(value / published, published / value);
      if (age >= CONFIRM_MIN_MS && factor < UNIT_ERROR_FACTOR) return { kind: "publish", value, from: published, reason: "repeat_poll" };
      const merged = [...new Set([...pending.sources, ...sources])].sort();
      const why = factor >= UNIT_ERROR_FACTOR ? `a ${factor.toFixed(0)}× move looks like a unit error; awaiting a second source` : "awaiting confirmation";
      return { kind: "hold", pending: { ...pending, sources: merged }, reason: `move of ${move} held since ${pending.first_seen_at}; ${why}` };
    }
  }
  return {
    kind: "hold",
    pending: { value, first_seen_at: nowIso, sources: [...sources].sort() },
    reason: `move of ${move} from one source held for confirmation`,
  };
}
