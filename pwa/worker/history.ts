import { rowOf } from "./rows";
import type { HistoryPoint, HistoryView } from "./worker-api";

const str = (x: unknown): string => (typeof x === "string" ? x : "");

function point(o: Record<string, unknown>): HistoryPoint | null {
  if (typeof o.value !== "number" || !Number.isFinite(o.value) || !/^\d{4}-\d{2}-\d{2}/.test(str(o.effective_at))) return null;
  return {
    field: str(o.field), value: o.value, effective_at: str(o.effective_at).slice(0, 10), observed_at: str(o.observed_at),
    kind: str(o.kind), source: str(o.source), provenance: str(o.provenance), confidence: str(o.confidence),
  };
}

/**
 * GET /v1/history/:ticker (the service worker keeps a copy, so a visited model works offline). Without a copy
 * offline, or on an HTTP error, the Model page shows the forward curve only and says why.
 */
export async function history(ticker: string): Promise<HistoryView> {
  const row = rowOf(ticker);
  let res: Response;
  try {
    res = await fetch(`/v1/history/${encodeURIComponent(row.ticker)}`, { credentials: "same-origin" });
  } catch {
    return { available: false, reason: "Price history is not available offline until you have opened this model once online." };
  }
  if (!res.ok) return { available: false, reason: `The feed answered HTTP ${res.status} for the history.` };
  const body = (await res.json().catch(() => null)) as { data?: unknown } | null;
  if (!Array.isArray(body?.data)) return { available: false, reason: "The feed's history answer has no data array." };
  const points = body.data.map((o) => (o && typeof o === "object" ? point(o as Record<string, unknown>) : null)).filter((p): p is HistoryPoint => p !== null);
  points.sort((a, b) => a.effective_at.localeCompare(b.effective_at));
  return { available: true, points };
}
