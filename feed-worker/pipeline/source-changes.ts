import type { SourceBytesAge } from "../../oracle-core/publishing";
import type { SourceRun } from "./steps";

/**
 * When each source's bytes last changed, from the raw-fetch index (raw_fetches) and this run's fetch: the first
 * fetch of the current bytes after the last fetch of any other bytes. A source whose fetch failed this run, or that
 * has no earlier fetch of its current bytes, changed now (or is unknown when it failed).
 */
export async function sourceBytesAges(
  db: D1Database,
  runs: readonly SourceRun[],
  now: Date,
): Promise<SourceBytesAge[]> {
  const ok = runs.filter((r) => r.raw.ok);
  if (ok.length === 0) return runs.map((r) => ({ id: r.adapter.id, changed_at: null })); // D1 refuses an empty batch
  // Two reads per source, batched: the last fetch of other bytes, then the first fetch of these bytes after it.
  const lastOther = await db.batch<{ t: string | null }>(
    ok.map((r) =>
      db
        .prepare(
          "SELECT MAX(fetched_at) AS t FROM raw_fetches " +
            "WHERE source = ? AND sha256 != ? AND status BETWEEN 200 AND 299",
        )
        .bind(r.adapter.id, r.raw.sha256),
    ),
  );
  const firstSame = await db.batch<{ t: string | null }>(
    ok.map((r, i) =>
      db
        .prepare("SELECT MIN(fetched_at) AS t FROM raw_fetches WHERE source = ? AND sha256 = ? AND fetched_at > ?")
        .bind(r.adapter.id, r.raw.sha256, lastOther[i]?.results[0]?.t ?? ""),
    ),
  );
  const changed = new Map(ok.map((r, i) => [r.adapter.id, firstSame[i]?.results[0]?.t ?? now.toISOString()]));
  return runs.map((r) => ({ id: r.adapter.id, changed_at: changed.get(r.adapter.id) ?? null }));
}
