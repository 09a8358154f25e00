import type { Decisions } from "../../oracle-core/publishing";
import type { SourceRun } from "./steps";

// The D1 statements of one run's batch (persist.ts), set-based: each binds its rows as one JSON array and reads them
// through json_each, so a run issues the same few statements at 89 or 400 models. `j.key` is the row's index: ORDER BY
// it keeps the ids of inserted changes in the order the rows were decided.

const json = (rows: readonly unknown[]) => JSON.stringify(rows);

/** Every source's fetch (the raw-fetch index) and its health, two statements for all sources. */
export function sourceStmts(db: D1Database, runs: readonly SourceRun[]): D1PreparedStatement[] {
  if (runs.length === 0) return [];
  const fetches = runs.map((r) => ({
    sha: r.raw.sha256 ?? "",
    src: r.adapter.id,
    url: r.raw.url,
    at: r.raw.fetched_at,
    st: r.raw.status,
    ct: r.raw.content_type ?? null,
    n: r.raw.bytes.byteLength,
    pv: r.raw.parser_version,
  }));
  const health = runs.map((r) => {
    const g = r.guard;
    return {
      src: r.adapter.id,
      ok: g.healthy ? 1 : 0,
      at: r.raw.fetched_at,
      ok_at: g.healthy ? r.raw.fetched_at : null,
      st: r.raw.status,
      url: r.raw.url,
      sha: r.raw.ok ? r.raw.sha256 : null,
      pv: r.raw.parser_version,
      mc: g.model_count,
      acc: g.accepted.length,
      rej: g.rejected.length,
      why: JSON.stringify([
        ...g.reasons,
        ...g.flagged.slice(0, 20).map((f) => `flag ${f.model_id} ${f.field}: ${JSON.stringify(f)}`),
      ]),
    };
  });
  return [
    db
      .prepare(
        `INSERT OR IGNORE INTO raw_fetches (sha256, source, url, fetched_at, status, content_type, bytes, parser_version)
         SELECT j.value ->> 'sha', j.value ->> 'src', j.value ->> 'url', j.value ->> 'at', j.value ->> 'st',
           j.value ->> 'ct', j.value ->> 'n', j.value ->> 'pv'
         FROM json_each(?) j ORDER BY j.key`,
      )
      .bind(json(fetches)),
    db
      .prepare(
        `INSERT INTO source_health (source, healthy, last_fetch_at, last_ok_at, last_status, last_url, last_sha256,
           parser_version, model_count, quotes_accepted, quotes_rejected, reasons)
         SELECT j.value ->> 'src', j.value ->> 'ok', j.value ->> 'at', j.value ->> 'ok_at', j.value ->> 'st',
           j.value ->> 'url', j.value ->> 'sha', j.value ->> 'pv', j.value ->> 'mc', j.value ->> 'acc',
           j.value ->> 'rej', j.value ->> 'why'
         FROM json_each(?) j WHERE true
         ON CONFLICT(source) DO UPDATE SET healthy = excluded.healthy, last_fetch_at = excluded.last_fetch_at,
           last_ok_at = COALESCE(excluded.last_ok_at, last_ok_at), last_status = excluded.last_status,
           last_url = excluded.last_url, last_sha256 = COALESCE(excluded.last_sha256, last_sha256),
           parser_version = excluded.parser_version,
           model_count = CASE WHEN excluded.healthy = 1 THEN excluded.model_count ELSE model_count END,
           quotes_accepted = excluded.quotes_accepted, quotes_rejected = excluded.quotes_rejected,
           reasons = excluded.reasons`,
      )
      .bind(json(health)),
  ];
}

/**
 * A publishing run's rows: published values and their `price_change` events, breaker releases (read from the pending
 * rows before they are deleted), holds and their `breaker_hold` events, then status events. A statement with no rows
 * is left out; a hold that repeats the stored pending row rewrites nothing.
 */
export function changeStmts(db: D1Database, version: number, nowIso: string, d: Decisions): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  const add = (rows: readonly unknown[], sql: string) => {
    if (rows.length > 0) out.push(db.prepare(sql).bind(version, nowIso, json(rows)));
  };
  const publishes = d.publishes.map((p) => ({
    t: p.ticker,
    f: p.field,
    v: p.value,
    e: p.effective_at,
    from: p.from,
    why: JSON.stringify({ reason: p.reason, sources: p.sources }),
  }));
  add(
    publishes,
    `INSERT INTO published (ticker, field, value, effective_at, version, last_quoted_at)
     SELECT j.value ->> 't', j.value ->> 'f', j.value ->> 'v', j.value ->> 'e', ?1, ?2 FROM json_each(?3) j WHERE true
     ON CONFLICT(ticker, field) DO UPDATE SET value = excluded.value, effective_at = excluded.effective_at,
       version = excluded.version, last_quoted_at = excluded.last_quoted_at`,
  );
  add(
    publishes.filter((p) => p.from !== null),
    `INSERT INTO changes (version, at, ticker, kind, field, from_value, to_value, effective_at, detail)
     SELECT ?1, ?2, j.value ->> 't', 'price_change', j.value ->> 'f', j.value ->> 'from', j.value ->> 'v',
       j.value ->> 'e', j.value ->> 'why'
     FROM json_each(?3) j ORDER BY j.key`,
  );
  // A release is confirmed when its field is published this run (to that value), withdrawn otherwise (to the
  // published value, which this run did not move).
  const published = new Map(d.publishes.map((p) => [`${p.ticker}\u0000${p.field}`, p]));
  const cleared = d.cleared.map((c) => {
    const p = published.get(`${c.ticker}\u0000${c.field}`);
    return {
      t: c.ticker,
      f: c.field,
      v: p?.value ?? null,
      e: p?.effective_at ?? null,
      o: p ? "confirmed" : "withdrawn",
    };
  });
  add(
    cleared,
    `INSERT INTO changes (version, at, ticker, kind, field, from_value, to_value, effective_at, detail)
     SELECT ?1, ?2, p.ticker, 'breaker_release', p.field, p.value,
       COALESCE(j.value ->> 'v', (SELECT value FROM published WHERE published.ticker = p.ticker AND published.field = p.field)),
       j.value ->> 'e', json_object('outcome', j.value ->> 'o', 'held_value', p.value)
     FROM json_each(?3) j JOIN pending p ON p.ticker = j.value ->> 't' AND p.field = j.value ->> 'f' ORDER BY j.key`,
  );
  if (cleared.length > 0)
    out.push(
      db
        .prepare(
          `DELETE FROM pending WHERE EXISTS
           (SELECT 1 FROM json_each(?) j WHERE j.value ->> 't' = pending.ticker AND j.value ->> 'f' = pending.field)`,
        )
        .bind(json(cleared)),
    );
  const holds = d.holds.map((h) => ({
    t: h.ticker,
    f: h.field,
    v: h.pending.value,
    since: h.pending.first_seen_at,
    src: JSON.stringify(h.pending.sources),
    pub: h.published,
    isNew: h.isNew,
    why: JSON.stringify({ reason: h.reason, sources: h.pending.sources }),
  }));
  if (holds.length > 0)
    out.push(
      db
        .prepare(
          `INSERT INTO pending (ticker, field, value, first_seen_at, sources)
           SELECT j.value ->> 't', j.value ->> 'f', j.value ->> 'v', j.value ->> 'since', j.value ->> 'src'
           FROM json_each(?) j WHERE true
           ON CONFLICT(ticker, field) DO UPDATE SET value = excluded.value, first_seen_at = excluded.first_seen_at,
             sources = excluded.sources
           WHERE pending.value IS NOT excluded.value OR pending.first_seen_at IS NOT excluded.first_seen_at
             OR pending.sources IS NOT excluded.sources`,
        )
        .bind(json(holds)),
    );
  add(
    holds.filter((h) => h.isNew),
    `INSERT INTO changes (version, at, ticker, kind, field, from_value, to_value, effective_at, detail)
     SELECT ?1, ?2, j.value ->> 't', 'breaker_hold', j.value ->> 'f', j.value ->> 'pub', j.value ->> 'v', NULL,
       j.value ->> 'why'
     FROM json_each(?3) j ORDER BY j.key`,
  );
  out.push(...statusChangeStmts(db, version, nowIso, d));
  return out;
}

/**
 * A ticker's quote status moving, and a ticker published for the first time, against `ticker_status` (the statuses
 * of the previous publish; each row keeps the version that set its status). The very first publish seeds that table
 * silently.
 */
function statusChangeStmts(db: D1Database, version: number, nowIso: string, d: Decisions): D1PreparedStatement[] {
  const statuses = JSON.stringify([...d.quotes].map(([t, q]) => ({ t, s: q.status })));
  return [
    db
      .prepare(
        `INSERT INTO changes (version, at, ticker, kind, field, from_value, to_value, effective_at, detail)
       SELECT ?1, ?2, j.value ->> 't', 'status_change', 'status', NULL, NULL, NULL, json_object('from', ts.status, 'to', j.value ->> 's')
       FROM json_each(?3) j JOIN ticker_status ts ON ts.ticker = j.value ->> 't' WHERE ts.status <> j.value ->> 's'`,
      )
      .bind(version, nowIso, statuses),
    db
      .prepare(
        `INSERT INTO changes (version, at, ticker, kind, field, from_value, to_value, effective_at, detail)
       SELECT ?1, ?2, j.value ->> 't', 'new_model', NULL, NULL, NULL, NULL, json_object('status', j.value ->> 's')
       FROM json_each(?3) j WHERE EXISTS (SELECT 1 FROM ticker_status) AND NOT EXISTS (SELECT 1 FROM ticker_status ts WHERE ts.ticker = j.value ->> 't')`,
      )
      .bind(version, nowIso, statuses),
    db
      .prepare(
        `INSERT INTO ticker_status (ticker, status, version) SELECT j.value ->> 't', j.value ->> 's', ?1 FROM json_each(?2) j WHERE true
       ON CONFLICT(ticker) DO UPDATE SET status = excluded.status, version = excluded.version
       WHERE ticker_status.status <> excluded.status`,
      )
      .bind(version, statuses),
  ];
}
