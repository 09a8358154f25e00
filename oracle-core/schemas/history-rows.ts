// A hand parser, not zod: the widgets and the PWA's worker both read /v1/history, and the widgets' size budgets
// (12,000 B gzip for the ticker, 36,000 B for a chart) have no room for a schema library.

/** One observation as GET /v1/history/:ticker serves it (the columns a client shows). */
export interface HistoryRow {
  field: string;
  /** USD per 1M tokens. */
  value: number;
  /** The day the price took effect, YYYY-MM-DD. */
  effective_at: string;
  observed_at: string;
  kind: string;
  source: string;
  provenance: string;
  confidence: string;
}

const text = (x: unknown): string => (typeof x === "string" ? x : "");
/** YYYY-MM-DD at the start of `s`, if it is a real day ("2025-02-30" is not). */
function dayOf(s: string): string | null {
  const d = s.slice(0, 10);
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(d) ? Date.parse(`${d}T00:00:00Z`) : Number.NaN;
  return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(d) ? d : null;
}

/**
 * The rows of a /v1/history answer's list, oldest first. A row without a finite value or a date is dropped, not
 * guessed at; text columns that are missing read as "". With `field`, only that field's rows (and rows that name
 * none, as an answer to `?field=` may not) are kept.
 * @example historyRows(body.data, "output").map((r) => [r.effective_at, r.value])
 */
export function historyRows(list: readonly unknown[], field?: string): HistoryRow[] {
  const out: HistoryRow[] = [];
  for (const x of list) {
    if (!x || typeof x !== "object") continue;
    const o = x as Record<string, unknown>;
    const value = o.value;
    const day = dayOf(text(o.effective_at));
    if (typeof value !== "number" || !Number.isFinite(value) || day === null) continue;
    const f = text(o.field);
    if (field !== undefined && f !== "" && f !== field) continue;
    out.push({
      field: f || (field ?? ""),
      value,
      effective_at: day,
      observed_at: text(o.observed_at),
      kind: text(o.kind),
      source: text(o.source),
      provenance: text(o.provenance),
      confidence: text(o.confidence),
    });
  }
  // ISO days sort as text; the sort is stable, so same-day rows keep the feed's order.
  return out.sort((a, b) => (a.effective_at < b.effective_at ? -1 : a.effective_at > b.effective_at ? 1 : 0));
}
