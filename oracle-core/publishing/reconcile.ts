/** Per ticker and field: the median of healthy sources, the dispersion, and a status (SPEC §4 step 5). */
import { tidyPrice } from "./tidy-price";

export interface FieldQuote {
  source: string;
  usd_per_m: number;
  effective_from?: string | undefined;
}

export interface Reconciled {
  value: number;
  /** (max − min) / value over the sources used; 0 for one source. */
  dispersion: number;
  status: "ok" | "single_source" | "disputed";
  /** Sources within 1% of the published value. */
  agreeing: string[];
  /** Sources further than 1% away, with their value. */
  outliers: { source: string; usd_per_m: number }[];
  effective_from?: string | undefined;
}

/**
 * Sources within 1% of the reconciled value agree. A field is `disputed` when the agreeing origins are no strict
 * majority, or when ≥ 2 of the other origins agree among themselves on another price.
 */
export const AGREE_TOL = 0.01;

/** Sources that copy one upstream count once (llm-prices current and historical are one origin). */
export function originOf(source: string): string {
  return source.replace(/-historical$/, "");
}

/**
 * Median across sources, one vote per origin; for an even count the lower middle value, so the
 * published price is always one that some source actually quotes.
 * @example reconcile([{source:"a",usd_per_m:8},{source:"b",usd_per_m:8},{source:"c",usd_per_m:10}]).value // 8
 */
export function reconcile(quotes: readonly FieldQuote[]): Reconciled | null {
  const byOrigin = new Map<string, FieldQuote>();
  for (const q of quotes) {
    if (!Number.isFinite(q.usd_per_m) || q.usd_per_m < 0) continue;
    const o = originOf(q.source);
    if (!byOrigin.has(o) || q.source === o) byOrigin.set(o, { ...q, usd_per_m: tidyPrice(q.usd_per_m) });
  }
  const list = [...byOrigin.values()].sort((a, b) => a.usd_per_m - b.usd_per_m || a.source.localeCompare(b.source));
  if (list.length === 0) return null;
  const mid = list[Math.floor((list.length - 1) / 2)]!;
  const value = mid.usd_per_m;
  const agreeing: string[] = [];
  const outliers: { source: string; usd_per_m: number }[] = [];
  for (const q of list) {
    const near = value === 0 ? q.usd_per_m === 0 : Math.abs(q.usd_per_m / value - 1) <= AGREE_TOL;
    if (near) agreeing.push(q.source);
    else outliers.push({ source: q.source, usd_per_m: q.usd_per_m });
  }
  const min = list[0]!.usd_per_m;
  const max = list[list.length - 1]!.usd_per_m;
  const dispersion = list.length === 1 || value === 0 ? 0 : (max - min) / value;
  // A second camp — two independent origins agreeing with each other on another price — is a dispute even when
  // out-voted (GROK-4.20-MULTI-AGENT at 1.25/2.5 on 3 origins against 2/6 on 2); one stray outlier is not.
  const secondCamp = outliers.some((a) =>
    outliers.some((b) => b !== a && Math.abs(b.usd_per_m / a.usd_per_m - 1) <= AGREE_TOL),
  );
  const majority = agreeing.length >= 2 && agreeing.length * 2 > list.length;
  const status = list.length === 1 ? "single_source" : majority && !secondCamp ? "ok" : "disputed";
  const effective_from = list.find((q) => q.effective_from && agreeing.includes(q.source))?.effective_from;
  return { value, dispersion, status, agreeing, outliers, effective_from };
}
