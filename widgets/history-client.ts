import { feedJson, listOf } from "./feed-json.js";
import { dayMs } from "./format.js";

/** One observed price with its provenance, as /v1/history/:ticker reports it. */
export interface HistoryPoint {
  date: string;
  ms: number;
  value: number;
  kind: string;
  source: string;
  provenance: string;
}

/**
 * Price history of one field of a ticker from `${feed}/v1/history/:ticker?field=…`, oldest first
 * (rows with a bad date or value are dropped). Empty when the feed has none or is unreachable.
 */
export async function historyPoints(feed: string, ticker: string, field = "output"): Promise<HistoryPoint[]> {
  const body = await feedJson(`${feed}/v1/history/${encodeURIComponent(ticker)}?field=${encodeURIComponent(field)}`);
  const out: HistoryPoint[] = [];
  for (const r of listOf(body) as Record<string, unknown>[]) {
    const date = String(r?.effective_at ?? "");
    const ms = dayMs(date);
    const value = r?.value;
    if ((r.field ?? field) !== field || !Number.isFinite(ms) || typeof value !== "number" || !Number.isFinite(value)) continue;
    out.push({ date, ms, value, kind: String(r.kind ?? ""), source: String(r.source ?? ""), provenance: String(r.provenance ?? "") });
  }
  return out.sort((a, b) => a.ms - b.ms);
}
