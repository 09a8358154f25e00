import { fieldKey, type PublishedRow } from "../../oracle-core/publishing";
import type { PendingMove } from "../../oracle-core/publishing";
import type { HistoryObservation } from "../../oracle-core/schemas";
import { payloadSha256 } from "../../oracle-core/snapshot";
import { decodeState } from "../store/feed-state";
import { KV } from "../store/kv-keys";
import type { Env } from "../env";

export interface LoadedState {
  published: Map<string, PublishedRow>;
  pending: Map<string, PendingMove>;
  halted: Set<string>;
  modelCounts: Map<string, number>;
  lastOk: Map<string, string>;
  /** Each source's last archived raw payload (sha256): already in R2. */
  archived: Set<string>;
  /** The whole history, in id order (rows are frozen: they are shared with the next run's load). */
  observations: HistoryObservation[];
  lastVersion: number;
  latest: Latest | null;
}

type Latest = { version: number; sha256: string; issued_at: string; statuses: Map<string, string> };
type ObsRow = Record<string, unknown> & { id: number };

const key = fieldKey;
const OBS_COLUMNS =
  "id, ticker, family, field, value, tier_above_tokens, effective_at, observed_at, kind, source, provenance, " +
  "confidence, raw_sha256, note";

// Isolate caches, so a steady run reads only what changed. History is append-only (ids only grow, no row is updated
// or deleted): the run reads the rows after the last id it has, and the count tells it the cache still holds every
// row (else it reads them all again). The latest snapshot is decoded once per envelope text.
const historyCache = new WeakMap<D1Database, { lastId: number; rows: HistoryObservation[] }>();
let latestCache: { text: string; latest: Latest } | null = null;

/** Everything the run compares against, read before anything is written (one D1 batch: one consistent read). */
export async function loadState(env: Env): Promise<LoadedState> {
  const db = env.DB;
  const cached = historyCache.get(db);
  const [[pub, pend, health, obs, count, ver], latestText, haltList] = await Promise.all([
    db.batch<Record<string, unknown>>([
      db.prepare("SELECT ticker, field, value, effective_at, last_quoted_at FROM published"),
      db.prepare("SELECT ticker, field, value, first_seen_at, sources FROM pending"),
      db.prepare("SELECT source, healthy, model_count, last_ok_at, last_sha256 FROM source_health"),
      db.prepare(`SELECT ${OBS_COLUMNS} FROM observations WHERE id > ? ORDER BY id`).bind(cached?.lastId ?? 0),
      db.prepare("SELECT COUNT(*) AS n FROM observations"),
      db.prepare("SELECT MAX(version) AS v FROM snapshots"),
    ]),
    env.FEED_KV.get(KV.latestSnapshot),
    env.FEED_KV.list({ prefix: "halt:" }),
  ]);
  const rows = <T>(r: D1Result<Record<string, unknown>> | undefined) => (r?.results ?? []) as T[];
  const fresh = rows<ObsRow>(obs);
  const total = rows<{ n: number }>(count)[0]?.n ?? 0;
  // Without a cache the batch read every row (ids > 0); with one, the rows after it. A count that does not add up
  // (another database behind the same binding, a row removed by hand) reads the whole history again.
  let history: HistoryObservation[];
  let lastId: number;
  if ((cached?.rows.length ?? 0) + fresh.length === total) {
    history = cached && fresh.length === 0 ? cached.rows : [...(cached?.rows ?? []), ...fresh.map(toObs)];
    lastId = fresh.at(-1)?.id ?? cached?.lastId ?? 0;
  } else {
    const all = (await db.prepare(`SELECT ${OBS_COLUMNS} FROM observations ORDER BY id`).all<ObsRow>()).results;
    history = all.map(toObs);
    lastId = all.at(-1)?.id ?? 0;
  }
  historyCache.set(db, { lastId, rows: history });

  const halted = new Set(haltList.keys.map((k) => k.name.slice("halt:".length)));
  let latest: Latest | null = null;
  if (latestText !== null) {
    if (latestCache?.text !== latestText) {
      const s = decodeState(latestText);
      const sha256 = await payloadSha256(JSON.parse(latestText) as { payload: string });
      const statuses = new Map(s.payload.models.map((m) => [m.ticker, m.status]));
      latestCache = {
        text: latestText,
        latest: { version: s.payload.version, sha256, issued_at: s.payload.issued_at, statuses },
      };
    }
    latest = latestCache.latest;
  }
  const healthRows = rows<{
    source: string;
    healthy: number;
    model_count: number | null;
    last_ok_at: string | null;
    last_sha256: string | null;
  }>(health);
  return {
    published: new Map(
      rows<{ ticker: string; field: string; value: number; effective_at: string; last_quoted_at: string | null }>(
        pub,
      ).map((r) => [
        key(r.ticker, r.field),
        { value: r.value, effective_at: r.effective_at, last_quoted_at: r.last_quoted_at },
      ]),
    ),
    pending: new Map(
      rows<{ ticker: string; field: string; value: number; first_seen_at: string; sources: string }>(pend).map((r) => [
        key(r.ticker, r.field),
        { value: r.value, first_seen_at: r.first_seen_at, sources: JSON.parse(r.sources) as string[] },
      ]),
    ),
    halted,
    // Only a healthy run's model count is the shrink check's reference.
    modelCounts: new Map(
      healthRows.filter((r) => r.healthy === 1 && r.model_count).map((r) => [r.source, r.model_count!]),
    ),
    lastOk: new Map(healthRows.filter((r) => r.last_ok_at).map((r) => [r.source, r.last_ok_at!])),
    // Written in the batch after the R2 put of those bytes, so a sha256 here is in R2.
    archived: new Set(healthRows.flatMap((r) => (r.last_sha256 ? [r.last_sha256] : []))),
    observations: history.slice(),
    lastVersion: rows<{ v: number | null }>(ver)[0]?.v ?? 0,
    latest,
  };
}

/** A history row as the schema has it: no id, no null columns. */
function toObs(r: ObsRow): HistoryObservation {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (v !== null && k !== "id") o[k] = v;
  return Object.freeze(o) as unknown as HistoryObservation;
}
