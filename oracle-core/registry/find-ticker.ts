/** Ticker lookup with closest-match suggestions (for 404s: "did you mean …"). */
import type { RegistryEntry } from "../schemas/registry";

/** Result of {@link findTicker}: the row, or null with the closest tickers. */
export interface TickerLookup {
  entry: RegistryEntry | null;
  suggestions: string[];
}

/** Optimal-string-alignment edit distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Upper-case, spaces/underscores to '-', trimmed: "gpt 4.1" → "GPT-4.1". */
export const normalizeTicker = (q: string): string =>
  q
    .trim()
    .toUpperCase()
    .replace(/[\s_]+/g, "-");
const bare = (id: string) =>
  id
    .toLowerCase()
    .replace(/^[^:]*:/, "")
    .replace(/^[^/]*\//, "");

/**
 * Finds a row by ticker (case-insensitive), display name, or any source's model id (with or without a
 * provider prefix). Otherwise returns the `limit` closest tickers by edit distance.
 * @example findTicker(registry, "opus-4.6").entry?.ticker // "OPUS-4.6"
 * @example findTicker(registry, "OPUS-4.9").suggestions   // ["OPUS-4.6", "OPUS-4.8", …]
 */
export function findTicker(
  registry: { models: readonly RegistryEntry[] } | readonly RegistryEntry[],
  query: string,
  opts: { limit?: number } = {},
): TickerLookup {
  const models: readonly RegistryEntry[] = "models" in registry ? registry.models : registry;
  const q = normalizeTicker(query);
  const ql = query.trim().toLowerCase();
  const hit =
    models.find((m) => m.ticker === q) ??
    models.find((m) => m.display_name.toLowerCase() === ql) ??
    models.find((m) =>
      Object.values(m.match).some((ids) => ids?.some((id) => id.toLowerCase() === ql || bare(id) === bare(ql))),
    );
  if (hit) return { entry: hit, suggestions: [] };
  return {
    entry: null,
    suggestions: closestIds(
      q,
      models.map((m) => m.ticker),
      opts.limit ?? 3,
    ),
  };
}

/**
 * The ids closest to `query` (case-insensitive; a ticker containing the query counts as close), best first, within an
 * edit
 * distance of max(2, half the query's length): the "did you mean" of every 404.
 * @example closestIds("GPT-4.2", ["GPT-4.1", "O3"]) // ["GPT-4.1"]
 */
export function closestIds(query: string, ids: readonly string[], limit = 3): string[] {
  const q = query.toUpperCase().slice(0, 64);
  const within = Math.max(2, Math.floor(q.length / 2));
  return ids
    .map((id) => {
      const u = id.toUpperCase();
      return { id, d: u.includes(q) ? (u.length - q.length) * 0.5 : editDistance(q, u.slice(0, 64)) };
    })
    .filter((x) => x.d <= within)
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((x) => x.id);
}
