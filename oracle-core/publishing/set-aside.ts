import type { RegistryEntry } from "../schemas/registry";
import { confirmsValue } from "./publish-breaker";
import { originOf } from "./reconcile";

/** How the registry's curation treated a value it did not choose. */
export type SetAsideKind = "explained" | "outvoted";

/**
 * A value the registry did not choose was either set aside with a named cause (a unit error, a stale or
 * pre-announced price, a stated preferred source) or only out-voted by a majority of the other archives.
 * @example setAsideKind(d, d.values[0]) // "outvoted" for GROK-4.20-MULTI-AGENT's genai-prices $6
 */
export function setAsideKind(
  d: RegistryEntry["disagreements"][number],
  v: { source: string; usd_per_m: number },
): SetAsideKind {
  const named = d.reason.includes(`${v.source} $${v.usd_per_m} (`);
  return named || d.reason.startsWith("preferred source") ? "explained" : "outvoted";
}

/**
 * The registry records every archive disagreement with the value chosen and why (a unit error, a stale or
 * pre-announced price). A source still quoting a value that was set aside is not evidence of a move; the
 * rule lapses by itself as soon as the source changes its number. With `kind` "outvoted" it answers for the values
 * that merely lost a vote instead: they move no price either, but they keep the field `disputed`.
 * @example setAsideFromRegistry(registry.models)("O3", "output", "openrouter", 40) // true when 40 was set aside
 */
export function setAsideFromRegistry(
  models: readonly RegistryEntry[],
  kind: SetAsideKind | "any" = "any",
): (ticker: string, field: string, source: string, value: number) => boolean {
  const index = new Map<string, number[]>();
  for (const m of models) {
    for (const d of m.disagreements) {
      for (const v of d.values) {
        if (confirmsValue(v.usd_per_m, d.chosen_usd_per_m)) continue;
        if (kind !== "any" && setAsideKind(d, v) !== kind) continue;
        const k = `${m.ticker}|${d.field}|${v.source}`;
        (index.get(k) ?? index.set(k, []).get(k)!).push(v.usd_per_m);
      }
    }
  }
  return (ticker, field, source, value) =>
    (index.get(`${ticker}|${field}|${originOf(source)}`) ?? []).some((v) => confirmsValue(value, v));
}
