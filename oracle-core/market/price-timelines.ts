/** Per-ticker output-price step functions on effective dates, read from history observations. */
import type { HistoryObservation } from "../schemas/observation";

/** One step of a ticker's output price: `price` is in force from `date` (inclusive) to the next step. */
export interface PriceStep {
  date: string;
  price: number;
}

/** Minimal observation shape the market layer reads (history rows satisfy it). */
export type MarketObservation = Pick<
  HistoryObservation,
  "ticker" | "family" | "field" | "value" | "effective_at" | "kind"
>;

/**
 * Output-price steps per ticker, sorted by effective date (stable; same-date rows keep the last one in input
 * order, the correction semantic of MATH.md §5.2). Tier rows are left out: β is the base tier.
 * @example priceTimelines(history.observations).get("GPT-4O") //
 *   [{date:"2024-05-13",price:15},{date:"2024-08-06",price:10}]
 */
export function priceTimelines(observations: readonly MarketObservation[]): Map<string, PriceStep[]> {
  const rows = observations
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => o.field === "output" && o.kind !== "tier")
    .sort((a, b) => a.o.effective_at.localeCompare(b.o.effective_at) || a.i - b.i);
  const out = new Map<string, PriceStep[]>();
  for (const { o } of rows) {
    let steps = out.get(o.ticker);
    if (!steps) out.set(o.ticker, (steps = []));
    const last = steps[steps.length - 1];
    if (last && last.date === o.effective_at) last.price = o.value;
    else steps.push({ date: o.effective_at, price: o.value });
  }
  return out;
}

/** The price in force on `date` (the last step dated ≤ date), or null before the first step. */
export function priceOn(steps: readonly PriceStep[] | undefined, date: string): number | null {
  if (!steps) return null;
  let p: number | null = null;
  for (const s of steps) {
    if (s.date > date) break;
    p = s.price;
  }
  return p;
}
