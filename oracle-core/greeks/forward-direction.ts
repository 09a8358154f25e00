/**
 * The direction a ticker's price is expected to take over a year, from its signed 12M forward (the expected price):
 * what `<exo-ticker>` and the PWA show as an arrow.
 */
import type { GreekRow } from "../schemas/greek-row";

/**
 * A 12M forward within ±1% of spot shows no direction. A move that is unlikely barely moves the expected price
 * (a superseded model, P(change in a year) ≈ 0.2%, has a forward about 0.1% under spot), so this hides the arrow
 * exactly when a change is improbable or would not be expected to go either way; a young model (P ≈ 25%, typical
 * cut ×0.5–×0.7) is several % under spot and shows ▼, as does a cut already announced.
 */
export const FLAT_DRIFT = 0.01;

/** The 12M forward's direction and its change over spot (a fraction). */
export interface ForwardDirection {
  direction: "down" | "up" | "flat";
  change: number;
}

/**
 * @example forwardDirection({ beta: 8, forwards: { "1M": 8, "3M": 8, "6M": 7.9, "12M": 7.5 } }) // down, −0.0625
 */
export function forwardDirection(row: Pick<GreekRow, "beta" | "forwards">): ForwardDirection {
  const change = row.beta > 0 ? row.forwards["12M"] / row.beta - 1 : 0;
  const direction = Math.abs(change) < FLAT_DRIFT ? "flat" : change < 0 ? "down" : "up";
  return { direction, change };
}
