import { readPriceValue, toPerMillion } from "./price-value";
import type { QuoteRejectCode } from "./source-error";
import type { ModelInfo, ParseResult, QuoteField, QuoteRejection, SourceId, SourceQuote } from "./types";

/** Where a quote sits: everything but its value. */
export type QuoteSlot = Omit<SourceQuote, "source" | "usd_per_m">;

/**
 * Accumulates a parser's quotes, models and rejections. A slot stated twice with the same value is kept once;
 * stated twice with different values, both are rejected (E_QUOTE_CONFLICT): the source contradicts itself.
 */
export class QuoteCollector {
  private readonly quotes = new Map<string, SourceQuote>();
  private readonly conflicted = new Set<string>();
  private readonly models = new Set<string>();
  private readonly rejected: QuoteRejection[] = [];
  private readonly info = new Map<string, ModelInfo>();

  constructor(readonly source: SourceId) {}

  /** Records that the payload lists this model (counted by the shrink check). */
  seen(modelId: string): void {
    this.models.add(modelId);
  }

  /**
   * Reads a raw price and adds it as USD per 1M tokens (`multiplier` converts the source unit: 1e6 per token, 1e3 per
   * 1K, 1 per 1M).
   */
  price(slot: QuoteSlot, raw: unknown, multiplier: number): void {
    const read = readPriceValue(raw);
    if (read.kind === "absent") return;
    if (read.kind === "variable") return this.reject(slot.model_id, "E_QUOTE_VARIABLE", read.reason, slot.field);
    if (read.kind === "junk") return this.reject(slot.model_id, "E_QUOTE_JUNK", read.reason, slot.field);
    this.add(slot, toPerMillion(read.value, multiplier));
  }

  /** Adds an already normalised quote. */
  add(slot: QuoteSlot, usdPerM: number): void {
    const key = slotKey(slot);
    if (this.conflicted.has(key)) {
      return this.reject(
        slot.model_id,
        "E_QUOTE_CONFLICT",
        `listed again with ${usdPerM} after conflicting values`,
        slot.field,
      );
    }
    const prev = this.quotes.get(key);
    if (prev && prev.usd_per_m !== usdPerM) {
      this.quotes.delete(key);
      this.conflicted.add(key);
      return this.reject(
        slot.model_id,
        "E_QUOTE_CONFLICT",
        `the source lists two values for the same price: ${prev.usd_per_m} and ${usdPerM}`,
        slot.field,
      );
    }
    if (!prev) this.quotes.set(key, { source: this.source, ...withoutUndefined(slot), usd_per_m: usdPerM });
  }

  reject(modelId: string, code: QuoteRejectCode, reason: string, field?: QuoteField | string): void {
    this.rejected.push(
      field === undefined ? { model_id: modelId, code, reason } : { model_id: modelId, field, code, reason },
    );
  }

  /** Records what the payload says about a model besides its prices (nothing is recorded for an empty `info`). */
  describe(modelId: string, info: ModelInfo): void {
    if (Object.keys(info).length > 0) this.info.set(modelId, { ...this.info.get(modelId), ...info });
  }

  result(): ParseResult {
    const out: ParseResult = { quotes: [...this.quotes.values()], models: [...this.models], rejected: this.rejected };
    if (this.info.size > 0) out.info = Object.fromEntries(this.info);
    return out;
  }
}

function slotKey(s: QuoteSlot): string {
  return [s.provider ?? "", s.model_id, s.field, s.tier_above ?? "", s.effective_from ?? "", s.effective_to ?? ""].join(
    "\u0000",
  );
}

function withoutUndefined(slot: QuoteSlot): QuoteSlot {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(slot)) if (v !== undefined) out[k] = v;
  return out as QuoteSlot;
}
