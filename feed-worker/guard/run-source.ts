import { collect, decodeText, type CollectOptions, type CollectResult } from "../sources/collect.js";
import type { ParseResult, SourceAdapter, SourceQuote } from "../sources/types.js";
import { guardSource, isParseResult, type GuardResult } from "./guard-source.js";

export interface SourceHistory {
  previousModelCount?: number;
  lastPublished?: (q: SourceQuote) => number | undefined;
}

/**
 * One source's run: collect (transport) → parse (schema) → guard (shrink, units and bounds). Never throws.
 * @example const { guard } = await runSource(litellmAdapter, env.fetch, opts, { previousModelCount: 218 })
 */
export async function runSource(adapter: SourceAdapter, fetchFn: typeof fetch, opts: CollectOptions, history: SourceHistory = {}): Promise<{ raw: CollectResult; parsed?: ParseResult; guard: GuardResult }> {
  const raw = await collect(adapter, fetchFn, opts);
  let parsed: ParseResult | unknown;
  if (raw.ok) {
    try {
      parsed = adapter.parse(decodeText(raw.bytes));
    } catch (e) {
      parsed = e;
    }
  }
  const guard = guardSource({ raw, parsed, ...history });
  return isParseResult(parsed) ? { raw, parsed, guard } : { raw, guard };
}
