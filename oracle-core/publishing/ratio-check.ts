import type { GuardRejection, PriceQuote, QuoteField } from "./price-quote";

/**
 * Input may cost at most this multiple of output (in the recorded archives only a safety classifier,
 * llama-guard-3-8b on OpenRouter, exceeds it).
 */
export const MAX_INPUT_OVER_OUTPUT = 2;

/** [field checked, field compared to, limit multiple]: the checked field is rejected above limit × the other. */
const RULES: [QuoteField, QuoteField, number, string][] = [
  ["input", "output", MAX_INPUT_OVER_OUTPUT, "more than 2× the output price"],
  ["cache_read", "input", 1, "above the uncached input price"],
  ["batch_input", "input", 1, "above the synchronous input price"],
  ["batch_output", "output", 1, "above the synchronous output price"],
];

/**
 * Rejects implausible ratios between a model's own prices (same provider, tier and effective range):
 * input > 2× output, cache_read > input, batch > sync (E_RATIO_BOUNDS). Only the likely culprit is rejected:
 * the price involved in the most violations (an input ÷1000 breaks both cache_read ≤ input and batch ≤ input,
 * so the input goes, not the two sound prices); on a tie, the checked field.
 */
export function checkRatios<Q extends PriceQuote>(quotes: Q[]): { kept: Q[]; rejected: GuardRejection[] } {
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
    for (const [field, other, limit, text] of RULES) {
      const a = g.get(field);
      const b = g.get(other);
      if (a && b && a.usd_per_m > limit * b.usd_per_m) violations.push({ a, b, text });
    }
    const involved = new Map<Q, number>();
    for (const { a, b } of violations) for (const q of [a, b]) involved.set(q, (involved.get(q) ?? 0) + 1);
    for (const { a, b, text } of violations) {
      const culprit = (involved.get(b) ?? 0) > (involved.get(a) ?? 0) ? b : a;
      if (bad.has(culprit)) continue;
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
