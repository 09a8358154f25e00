/** Closest tickers by edit distance (for 404 suggestions), best first. */
export function suggestTickers(query: string, tickers: readonly string[], max = 3): string[] {
  const q = query.toUpperCase();
  return tickers
    .map((t) => ({ t, d: t.includes(q) || q.includes(t) ? Math.abs(t.length - q.length) * 0.5 : levenshtein(q, t) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(q.length / 2)))
    .sort((a, b) => a.d - b.d || a.t.localeCompare(b.t))
    .slice(0, max)
    .map((x) => x.t);
}

function levenshtein(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.max(a.length, b.length);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
