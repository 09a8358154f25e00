import { PER_MILLION, parsePriceCell, type PriceUnit } from "./price-units";
import { toPerMillion } from "./price-value";
import type { QuoteCollector, QuoteSlot } from "./quote-collector";

/**
 * Reads one pricing-page cell into the collector: every price it states becomes a quote in USD per 1M tokens (a
 * "> 200k" line becomes the tier above 200 000 tokens). A price's unit is the cell's own, else the first of
 * `fallbackUnits` that is known (row label, column header, table section). Junk and unit-less prices are rejected
 * with their reason. Returns the number of quotes added (the page parsers' layout check counts them).
 * @example quoteCell(out, { model_id: "gpt-4.1", provider: "openai", field: "input" }, "$2.00", [detectUnit(header)])
 */
export function quoteCell(
  out: QuoteCollector,
  slot: Omit<QuoteSlot, "tier_above">,
  text: string,
  fallbackUnits: readonly (PriceUnit | undefined)[],
): number {
  const { model_id, field } = slot;
  const cell = parsePriceCell(text);
  if (cell.junk) out.reject(model_id, "E_QUOTE_JUNK", `${field}: ${cell.junk}`, field);
  let added = 0;
  for (const p of cell.prices) {
    const unit = p.unit ?? fallbackUnits.find((u) => u !== undefined);
    if (!unit) {
      out.reject(
        model_id,
        "E_QUOTE_UNIT",
        `${field}: no unit stated in the cell, its labels or the table's section`,
        field,
      );
      continue;
    }
    out.add(
      p.tier_above === undefined ? slot : { ...slot, tier_above: p.tier_above },
      toPerMillion(p.value, PER_MILLION[unit]),
    );
    added++;
  }
  return added;
}
