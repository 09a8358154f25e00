import { guardSource, isParseResult } from "../guard/guard-source";
import { collect, decodeText } from "../sources/collect";
import { matchQuotes } from "../sources/match-quotes";
import type { ParseResult, SourceAdapter, SourceQuote, TickerMatch } from "../sources/types";
import type { SourceRun } from "./steps";

const quoteKey = (q: SourceQuote) =>
  `${q.source}|${q.provider ?? ""}|${q.model_id}|${q.field}|${q.tier_above ?? ""}|${q.effective_from ?? ""}`;

/**
 * One source: collect (transport) → parse (schema) → guard (shrink, units and bounds), with the last
 * published value of the ticker each quote maps to, so a ×1000 or ×100000 unit error is caught against it.
 * Never throws: a failure is a source marked unhealthy with its reason. (The feed's one collect → parse → guard path.)
 */
export async function collectSource(
  adapter: SourceAdapter,
  fetchFn: typeof fetch,
  opts: { mode: "bundled" | "live"; bundledBaseUrl: string; now: Date; url?: string },
  ctx: {
    previousModelCount: number | undefined;
    tickers: TickerMatch[];
    published: (ticker: string, field: string) => number | undefined;
  },
): Promise<SourceRun> {
  const raw = await collect(adapter, fetchFn, { ...opts, timeoutMs: opts.mode === "live" ? 20_000 : 10_000 });
  let parsed: ParseResult | unknown;
  if (raw.ok) {
    try {
      parsed = adapter.parse(decodeText(raw.bytes));
    } catch (e) {
      parsed = e;
    }
  }
  let lastPublished: ((q: SourceQuote) => number | undefined) | undefined;
  if (isParseResult(parsed)) {
    const tickerOf = new Map<string, string>();
    for (const m of matchQuotes(parsed.quotes, ctx.tickers).matched) tickerOf.set(quoteKey(m), m.ticker);
    lastPublished = (q) => {
      const t = tickerOf.get(quoteKey(q));
      return t === undefined || q.tier_above !== undefined ? undefined : ctx.published(t, q.field);
    };
  }
  const guard = guardSource({
    raw,
    parsed,
    ...(ctx.previousModelCount !== undefined ? { previousModelCount: ctx.previousModelCount } : {}),
    ...(lastPublished ? { lastPublished } : {}),
  });
  const info = isParseResult(parsed) ? parsed.info : undefined;
  return info ? { adapter, raw, guard, info } : { adapter, raw, guard };
}
