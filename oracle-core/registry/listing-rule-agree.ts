import { checkPriceBounds } from "../publishing/price-bounds";
import type { PriceQuote, QuoteField } from "../publishing/price-quote";
import { checkRatios } from "../publishing/ratio-check";
import { AGREE_TOL, originOf, reconcile } from "../publishing/reconcile";
import { isRejectable, unitSuspect } from "../publishing/unit-suspect";
import type { AgreedPrice } from "./listing-rule-entry";

/** A guarded quote that matched no ticker, with the URL its bytes were read from. */
export interface ListingQuote extends PriceQuote {
  source: string;
  url: string;
}

/** The fields a listed row may carry; input and output are required, the others only when ≥ 2 origins agree. */
export const LISTING_FIELDS: readonly QuoteField[] = [
  "input",
  "output",
  "cache_read",
  "cache_write_5m",
  "cache_write_1h",
  "thinking",
];

export type Agreement =
  | { ok: true; prices: Partial<Record<QuoteField, AgreedPrice>>; origins: string[]; sources: string[] }
  | { ok: false; code: string; reason: string };

const near = (a: number, b: number) => Math.abs(a / b - 1) <= AGREE_TOL;

/**
 * Do ≥ 2 independent origins agree on this candidate's input and output (each within 1% of the lower-middle value,
 * no second camp), and do the agreed prices pass every guard rule? A source whose own ids disagree by more than 1%
 * casts no vote on that field. The guard rules: bounds (E_PRICE_BOUNDS), ratios between the row's own prices
 * (E_RATIO_BOUNDS), and the ≥ 100× unit rule against the family's prices when the family has any (E_UNIT_SUSPECT).
 * @example agreement(quotes, undefined).ok // true when genai-prices and llm-prices both say 1/5
 */
export function agreement(
  quotes: readonly ListingQuote[],
  familyRef: Partial<Record<QuoteField, number>> | undefined,
): Agreement {
  const prices: Partial<Record<QuoteField, AgreedPrice>> = {};
  const agreeingBy = new Map<QuoteField, Set<string>>();
  for (const field of LISTING_FIELDS) {
    const bySource = new Map<string, ListingQuote[]>();
    for (const q of quotes)
      if (q.field === field && q.tier_above === undefined)
        bySource.set(q.source, [...(bySource.get(q.source) ?? []), q]);
    const votes = [...bySource.values()].flatMap((qs) =>
      qs.every((q) => near(q.usd_per_m, qs[0]!.usd_per_m)) ? [qs[0]!] : [],
    );
    const rec = reconcile(votes.map((q) => ({ source: q.source, usd_per_m: q.usd_per_m })));
    const required = field === "input" || field === "output";
    const origins = new Set(rec?.agreeing.map(originOf) ?? []);
    if (!rec || rec.status === "disputed" || origins.size < 2) {
      if (!required) continue;
      const said = votes.map((q) => `${q.source} ${q.usd_per_m}`).join(", ") || "no source";
      const code = rec?.status === "disputed" ? "E_LISTING_DISPUTED" : "E_LISTING_ONE_ORIGIN";
      return { ok: false, code, reason: `${field}: ${said}; listing needs ≥ 2 origins agreeing within 1%` };
    }
    const by = votes.filter((q) => rec.agreeing.includes(q.source)).sort((a, b) => a.source.localeCompare(b.source));
    prices[field] = { usd_per_m: rec.value, source: by[0]!.source, url: by[0]!.url };
    agreeingBy.set(field, origins);
  }
  const both = [...agreeingBy.get("input")!].filter((o) => agreeingBy.get("output")!.has(o));
  if (both.length < 2)
    return { ok: false, code: "E_LISTING_ONE_ORIGIN", reason: "no two origins agree on both input and output" };

  // Guard rules on the agreed prices: a row is listed whole or not at all; a failing optional field is left out.
  const synthetic = Object.entries(prices).map(([field, p]) => ({
    model_id: "candidate",
    field: field as QuoteField,
    usd_per_m: p.usd_per_m,
  }));
  const refused = new Map<QuoteField, { code: string; reason: string }>();
  for (const q of synthetic) {
    const r = checkPriceBounds(q);
    if (r) refused.set(q.field, r);
    const ref = familyRef?.[q.field];
    const s = ref === undefined ? null : unitSuspect(q.usd_per_m, ref);
    if (!r && s && isRejectable(s)) refused.set(q.field, { code: s.code, reason: `${q.field} ${s.reason} (family)` });
  }
  for (const r of checkRatios(synthetic, new Set(synthetic.filter((q) => refused.has(q.field)))).rejected)
    refused.set(r.field as QuoteField, r);
  for (const field of ["input", "output"] as const) {
    const r = refused.get(field);
    if (r) return { ok: false, code: r.code, reason: r.reason };
  }
  for (const field of refused.keys()) delete prices[field];
  const sources = [...new Set(quotes.filter((q) => both.includes(originOf(q.source))).map((q) => q.source))].sort();
  return { ok: true, prices, origins: both.sort(), sources };
}

/** True when two agreements state the same input and output (each within 1%): the same price on both polls. */
export function samePrices(a: { input: number; output: number }, b: { input: number; output: number }): boolean {
  return near(a.input, b.input) && near(a.output, b.output);
}
