import type { SourceQuote } from "./types";

/**
 * Keeps the quotes in force on a date: effective_from <= day < effective_to (open ends always match).
 * Sources state scheduled and past prices; the spot price is the one in force `now`.
 * @example quotesInEffect(quotes, "2026-08-21")
 */
export function quotesInEffect<Q extends SourceQuote>(quotes: Q[], now: string | Date): Q[] {
  const day = (typeof now === "string" ? now : now.toISOString()).slice(0, 10);
  return quotes.filter(
    (q) =>
      (q.effective_from === undefined || q.effective_from <= day) &&
      (q.effective_to === undefined || day < q.effective_to),
  );
}
