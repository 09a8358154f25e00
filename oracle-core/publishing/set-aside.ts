import type { RegistryEntry } from "../schemas/registry";
import { confirmsValue } from "./publish-breaker";
import { originOf } from "./reconcile";

/**
 * The registry records every archive disagreement with the value chosen and why (a unit error, a stale or
 * pre-announced price). A source still quoting a value that was set aside is not evidence of a move; the
 * rule lapses by itself as soon as the source changes its number.
 * @example setAsideFromRegistry(registry.models)("O3", "output", "openrouter", 40) // true when 40 was set aside
 */
export function setAsideFromRegistry(
  models: readonly RegistryEntry[],
): (ticker: string, field: string, source: string, value: number) => boolean {
  const index = new Map<string, number[]>();
  for (const m of models) {
    for (const d of m.disagreements) {
      for (const v of d.values) {
        if (confirmsValue(v.usd_per_m, d.chosen_usd_per_m)) continue;
        const k = `${m.ticker}|${d.field}|${v.source}`;
        (index.get(k) ?? index.set(k, []).get(k)!).push(v.usd_per_m);
      }
    }
  }
  return (ticker, field, source, value) =>
    (index.get(`${ticker}|${field}|${originOf(source)}`) ?? []).some((v) => confirmsValue(value, v));
}
