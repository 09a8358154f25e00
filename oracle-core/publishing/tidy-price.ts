/**
 * Rounds a price to 12 significant digits: float noise from a unit conversion or a ratio goes away
 * (2.19e-6 × 1e6 = 2.1900000000000004 → 2.19; 15 × (0.6/3) = 2.9999999999999996 → 3) while every digit a source
 * states survives (public price files carry at most 10). The one rounding every layer uses for prices.
 * @example tidyPrice(9e-7 * 1e6) // 0.9, not 0.8999999999999999
 */
export function tidyPrice(x: number): number {
  return Number(x.toPrecision(12));
}
