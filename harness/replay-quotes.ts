import { PUBLISHED_FIELDS } from "../oracle-core/greeks";
import { reconcile } from "../oracle-core/publishing";
import type { HistoryFile } from "../oracle-core/schemas";
import type { RegistryFile } from "../oracle-core/schemas";
import { collectSource } from "../feed-worker/pipeline/collect-sources";
import { genaiPricesAdapter, llmPricesAdapter, llmPricesHistoricalAdapter } from "../feed-worker/sources/index";
import { matchQuotes, type MatchedQuote } from "../feed-worker/sources/match-quotes";
import { quotesInEffect } from "../feed-worker/sources/quotes-in-effect";
import type { SourceQuote, TickerMatch } from "../feed-worker/sources/types";
import { replayFetch, type ReplayArchives } from "./replay-archives";

const ADAPTERS = [genaiPricesAdapter, llmPricesAdapter, llmPricesHistoricalAdapter];

/**
 * The quotes the archives state on one day, through the feed's own collect → parse → guard path (no published
 * reference, so the ×100 rule is off), kept when in force on that day. Cached per served copy.
 */
export function dayQuotes(archives: ReplayArchives): (day: string) => Promise<SourceQuote[]> {
  const cache = new Map<string, SourceQuote[]>();
  let current = "";
  const f = replayFetch(archives, () => current);
  return async (day) => {
    current = day;
    const out: SourceQuote[] = [];
    for (const adapter of ADAPTERS) {
      const before = f.served.length;
      const peek = await f(adapter.liveUrl);
      const copy = f.served[before];
      if (!peek.ok || !copy) continue;
      // llm-prices current depends on the day (the period in force), the other files only on the copy.
      const key = adapter === llmPricesAdapter ? `${adapter.id}|${copy}|${day}` : `${adapter.id}|${copy}`;
      let accepted = cache.get(key);
      if (!accepted) {
        const run = await collectSource(
          adapter,
          f,
          { mode: "live", bundledBaseUrl: "", now: new Date(`${day}T12:00:00Z`) },
          { previousModelCount: undefined, tickers: [], published: () => undefined },
        );
        accepted = run.guard.healthy ? run.guard.accepted : [];
        if (adapter !== llmPricesAdapter) cache.set(key, accepted);
      }
      out.push(...accepted);
    }
    return quotesInEffect(out, day);
  };
}

const tickersOf = (registry: RegistryFile): TickerMatch[] =>
  registry.models.map((m) => ({ ticker: m.ticker, match: m.match }));

/** Per ticker and published field, the value the feed's reconcile rule gives these quotes (lower middle per origin). */
export function consensus(
  quotes: SourceQuote[],
  registry: RegistryFile,
): Map<string, { value: number; origins: number; perSource: Map<string, number> }> {
  const { matched } = matchQuotes(quotes, tickersOf(registry));
  const by = new Map<string, MatchedQuote[]>();
  for (const q of matched) {
    if (q.tier_above !== undefined || !(PUBLISHED_FIELDS as readonly string[]).includes(q.field)) continue;
    const k = `${q.ticker}|${q.field}`;
    (by.get(k) ?? by.set(k, []).get(k)!).push(q);
  }
  const out = new Map<string, { value: number; origins: number; perSource: Map<string, number> }>();
  for (const [k, qs] of by) {
    const rec = reconcile(qs.map((q) => ({ source: q.source, usd_per_m: q.usd_per_m })));
    if (!rec) continue;
    const perSource = new Map(qs.map((q) => [q.source.replace(/-historical$/, ""), q.usd_per_m]));
    out.set(k, { value: rec.value, origins: perSource.size, perSource });
  }
  return out;
}

/**
 * The registry a feed started the day before `firstDay` would have had: the curated models released before that
 * day, each field priced at its curated value in effect then (the last curated history observation effective
 * before the day, else the registry's value when history has none). Scheduled prices (later knowledge) are cleared.
 * History keeps the observations effective before `firstDay`.
 */
export function cutRegistry(
  registry: RegistryFile,
  history: HistoryFile,
  firstDay: string,
): { registry: RegistryFile; history: HistoryFile } {
  const before = history.observations
    .filter((o) => o.effective_at < firstDay && o.tier_above_tokens === undefined)
    .sort((a, b) => a.effective_at.localeCompare(b.effective_at));
  const models = registry.models
    .filter((m) => m.release_date < firstDay)
    .map((m) => {
      const prices = { ...m.prices };
      for (const f of PUBLISHED_FIELDS) {
        const p = prices[f];
        const o = before.filter((x) => x.ticker === m.ticker && x.field === f).at(-1);
        if (p && o && o.value !== p.usd_per_m) prices[f] = { ...p, usd_per_m: o.value, checked: o.effective_at };
      }
      return { ...m, prices, scheduled: [] };
    });
  const tickers = new Set(models.map((m) => m.ticker));
  const prev = new Date(Date.parse(`${firstDay}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return {
    registry: { ...registry, as_of: prev, models },
    history: {
      ...history,
      observations: history.observations.filter((o) => o.effective_at < firstDay && tickers.has(o.ticker)),
    },
  };
}
