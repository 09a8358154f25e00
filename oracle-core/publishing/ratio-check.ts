import { RATIO_BOUNDS } from "../schemas/registry";
import type { GuardRejection, PriceQuote, QuoteField } from "./price-quote";

/**
 * Input may cost at most this multiple of output (in the recorded archives only a safety classifier,
 * llama-guard-3-8b on OpenRouter, exceeds it).
 */
export const MAX_INPUT_OVER_OUTPUT = 2;

/** A cache write costs 1–4× the input price (Anthropic 1.25× and 2×); the registry schema's own bounds. */
export const CACHE_WRITE_RANGE: readonly [number, number] = RATIO_BOUNDS.cache_write_mult;
/** Thinking tokens cost at most this multiple of output (the registry schema's r_think bound). */
export const MAX_THINKING_OVER_OUTPUT = RATIO_BOUNDS.r_think[1];

/**
 * [field checked, field compared to, lowest multiple, highest multiple, what breaking it means]: the checked field
 * is rejected outside [low × other, high × other]. Every priced field a snapshot publishes has a rule.
 */
export const RATIO_RULES: readonly [QuoteField, QuoteField, number, number, string][] = [
  ["input", "output", 0, MAX_INPUT_OVER_OUTPUT, "more than 2× the output price"],
  ["cache_read", "input", 0, 1, "above the uncached input price"],
  ["cache_write_5m", "input", ...CACHE_WRITE_RANGE, "outside 1–4× the input price"],
  ["cache_write_1h", "input", ...CACHE_WRITE_RANGE, "outside 1–4× the input price"],
  ["thinking", "output", 0, MAX_THINKING_OVER_OUTPUT, "more than 10× the output price"],
  ["batch_input", "input", 0, 1, "above the synchronous input price"],
  ["batch_output", "output", 0, 1, "above the synchronous output price"],
];

/** Why `value` breaks its ratio rule against `other` (the other field's price), or null when it keeps it. */
export function ratioViolation(field: QuoteField, value: number, otherField: QuoteField, other: number): string | null {
  const rule = RATIO_RULES.find(([f, o]) => f === field && o === otherField);
  if (!rule) return null;
  const [, , lo, hi, text] = rule;
  return value < lo * other || value > hi * other ? text : null;
}

/**
 * Rejects implausible ratios between a model's own prices (same provider, tier and effective range):
 * input > 2× output, cache_read > input, cache writes outside 1–4× input, thinking > 10× output, batch > sync
 * (E_RATIO_BOUNDS). Only the likely culprit is rejected:
 * the price involved in the most violations (an input ÷1000 breaks both cache_read ≤ input and batch ≤ input,
 * so the input goes, not the two sound prices); on a tie, the checked field.
 */
export function checkRatios<Q extends PriceQuote>(
  quotes: Q[],
  /** Quotes an earlier rule already refused: still compared (a partner's ratio is judged against what the source
   * stated), never reported twice. */
  refused: ReadonlySet<Q> = new Set(),
): { kept: Q[]; rejected: GuardRejection[] } {
  const groups = new Map<string, Map<QuoteField, Q>>();
  for (const q of quotes) {
    const key = [q.provider ?? "", q.model_id, q.tier_above ?? "", q.effective_from ?? "", q.effective_to ?? ""].join(
      "\u0000",
    );
    const g = groups.get(key) ?? new Map<QuoteField, Q>();
    g.set(q.field, q);
    groups.set(key, g);
  }
  const bad = new Map<Q, GuardRejection>();
  for (const g of groups.values()) {
    const violations: { a: Q; b: Q; text: string }[] = [];
    for (const [field, other, , , text] of RATIO_RULES) {
      const a = g.get(field);
      const b = g.get(other);
      if (a && b && ratioViolation(field, a.usd_per_m, other, b.usd_per_m)) violations.push({ a, b, text });
    }
    const involved = new Map<Q, number>();
    for (const { a, b } of violations) for (const q of [a, b]) involved.set(q, (involved.get(q) ?? 0) + 1);
    for (const { a, b, text } of violations) {
      const na = involved.get(a) ?? 0;
      const nb = involved.get(b) ?? 0;
      const culprit = nb > na ? b : a;
      if (bad.has(culprit) || refused.has(culprit)) continue;
      const reason =
        culprit === a
          ? `${a.field} ${a.usd_per_m} USD/M is ${text} (${b.field} ${b.usd_per_m})`
          : `${b.field} ${b.usd_per_m} USD/M is out of line with the model's other prices ` +
            `(${a.field} ${a.usd_per_m} would be ${text})`;
      bad.set(culprit, { model_id: culprit.model_id, field: culprit.field, code: "E_RATIO_BOUNDS", reason });
    }
  }
  return { kept: quotes.filter((q) => !bad.has(q)), rejected: [...bad.values()] };
}
