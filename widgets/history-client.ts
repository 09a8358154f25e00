import { historyRows } from "../oracle-core/schemas";
import { feedJson, listOf } from "./feed-json";
import { dayMs } from "./format";

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
  return historyRows(listOf(body), field).map(({ effective_at: date, value, kind, source, provenance }) => ({
    date,
    ms: dayMs(date),
    value,
    kind,
    source,
    provenance,
  }));
}
