import { historyRows } from "../../oracle-core/schemas";
import { rowOf } from "./rows";
import type { HistoryView } from "./worker-api";

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
    return {
      available: false,
      reason: "Price history is not available offline until you have opened this model once online.",
    };
  }
  if (!res.ok) return { available: false, reason: `The feed answered HTTP ${res.status} for the history.` };
  const body = (await res.json().catch(() => null)) as { data?: unknown } | null;
  if (!Array.isArray(body?.data)) return { available: false, reason: "The feed's history answer has no data array." };
  return { available: true, points: historyRows(body.data) };
}
