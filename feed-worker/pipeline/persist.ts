import type { Decisions } from "../../oracle-core/publishing";
import type { HistoryObservation } from "../../oracle-core/schemas";
import type { Env } from "../env";
import { setMetaStmt } from "../store/db";
import { KV } from "../store/kv-keys";
import { insertObservationStmt } from "../store/seed";
import type { SourceRun, StepName } from "./steps";

export interface SignedSnapshot {
  version: number;
  envelope: string;
  sha256: string;
  prev_sha256: string | null;
  issued_at: string;
  expires_at: string;
  reason: string;
}

/**
 * Validate, then persist (SPEC §4): raw payloads to R2 by sha256 (content-addressed, harmless to repeat),
 * then one atomic D1 batch (history, published, pending, source health, changes, the snapshot row), then the
 * R2 archive copy, and last the KV "latest" pointer that readers see. A crash before the KV write leaves the
 * previous snapshot served; the next run recomputes from D1 and uses a higher version.
 */
export async function persistRun(input: {
  env: Env;
  now: Date;
  runs: readonly SourceRun[];
  decisions: Decisions;
  newObs: readonly HistoryObservation[];
  /** Statements every run writes, published or not (the listing's candidate table). */
  always?: readonly D1PreparedStatement[];
  /** The run's lifecycle statements (universe rows and their change events), written with the snapshot. */
  lifecycle?: (version: number) => D1PreparedStatement[];
  snapshot: SignedSnapshot | null;
  step: (name: StepName) => Promise<void>;
  done: (name: StepName) => void;
}): Promise<void> {
  const { env, now, runs, decisions, snapshot } = input;
  const db = env.DB;
  const nowIso = now.toISOString();
  const version = snapshot?.version ?? null;

  await input.step("persist:d1");
  for (const r of runs) {
    if (r.raw.ok && r.raw.bytes.byteLength > 0) {
      const key = `raw/${r.raw.sha256}`;
      if (!(await env.ARCHIVE.head(key))) {
        await env.ARCHIVE.put(key, r.raw.bytes, {
          httpMetadata: { contentType: r.raw.content_type || "application/octet-stream" },
          customMetadata: {
            source: r.adapter.id,
            url: r.raw.url,
            fetched_at: r.raw.fetched_at,
            status: String(r.raw.status),
            parser_version: r.raw.parser_version,
          },
        });
      }
    }
  }
  const stmts: D1PreparedStatement[] = [];
  for (const r of runs) {
    const g = r.guard;
    stmts.push(
      db
        .prepare(
          "INSERT OR IGNORE INTO raw_fetches (sha256, source, url, fetched_at, status, content_type, bytes, parser_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(
          r.raw.sha256 ?? "",
          r.adapter.id,
          r.raw.url,
          r.raw.fetched_at,
          r.raw.status,
          r.raw.content_type ?? null,
          r.raw.bytes.byteLength,
          r.raw.parser_version,
        ),
      db
        .prepare(
          `INSERT INTO source_health (source, healthy, last_fetch_at, last_ok_at, last_status, last_url, last_sha256, parser_version, model_count, quotes_accepted, quotes_rejected, reasons)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT(source) DO UPDATE SET healthy = ?2, last_fetch_at = ?3, last_ok_at = COALESCE(?4, last_ok_at), last_status = ?5, last_url = ?6,
           last_sha256 = COALESCE(?7, last_sha256), parser_version = ?8,
           model_count = CASE WHEN ?2 = 1 THEN ?9 ELSE model_count END, quotes_accepted = ?10, quotes_rejected = ?11, reasons = ?12`,
        )
        .bind(
          r.adapter.id,
          g.healthy ? 1 : 0,
          r.raw.fetched_at,
          g.healthy ? r.raw.fetched_at : null,
          r.raw.status,
          r.raw.url,
          r.raw.ok ? r.raw.sha256 : null,
          r.raw.parser_version,
          g.model_count,
          g.accepted.length,
          g.rejected.length,
          JSON.stringify([
            ...g.reasons,
            ...g.flagged.slice(0, 20).map((f) => `flag ${f.model_id} ${f.field}: ${JSON.stringify(f)}`),
          ]),
        ),
    );
  }
  stmts.push(...(input.always ?? []));
  // Quote freshness, for `stale` in live mode.
  for (const t of decisions.quoted)
    stmts.push(db.prepare("UPDATE published SET last_quoted_at = ? WHERE ticker = ?").bind(nowIso, t));
  if (snapshot) {
    for (const o of input.newObs) stmts.push(insertObservationStmt(db, o, version));
    for (const p of decisions.publishes) {
      stmts.push(
        db
          .prepare(
            `INSERT INTO published (ticker, field, value, effective_at, version, last_quoted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
           ON CONFLICT(ticker, field) DO UPDATE SET value = ?3, effective_at = ?4, version = ?5, last_quoted_at = ?6`,
          )
          .bind(p.ticker, p.field, p.value, p.effective_at, version, nowIso),
      );
      if (p.from !== null) {
        stmts.push(
          db
            .prepare(
              "INSERT INTO changes (version, at, ticker, kind, field, from_value, to_value, effective_at, detail) VALUES (?, ?, ?, 'price_change', ?, ?, ?, ?, ?)",
            )
            .bind(
              version,
              nowIso,
              p.ticker,
              p.field,
              p.from,
              p.value,
              p.effective_at,
              JSON.stringify({ reason: p.reason, sources: p.sources }),
            ),
        );
      }
    }
    // Before the pending rows are deleted: the releases read the held values from them.
    stmts.push(...releaseStmts(db, version!, nowIso, decisions));
    for (const c of decisions.cleared)
      stmts.push(db.prepare("DELETE FROM pending WHERE ticker = ? AND field = ?").bind(c.ticker, c.field));
    for (const h of decisions.holds) {
      stmts.push(
        db
          .prepare(
            `INSERT INTO pending (ticker, field, value, first_seen_at, sources) VALUES (?1, ?2, ?3, ?4, ?5)
           ON CONFLICT(ticker, field) DO UPDATE SET value = ?3, first_seen_at = ?4, sources = ?5`,
          )
          .bind(h.ticker, h.field, h.pending.value, h.pending.first_seen_at, JSON.stringify(h.pending.sources)),
      );
      if (h.isNew) {
        stmts.push(
          db
            .prepare(
              "INSERT INTO changes (version, at, ticker, kind, field, from_value, to_value, effective_at, detail) VALUES (?, ?, ?, 'breaker_hold', ?, ?, ?, NULL, ?)",
            )
            .bind(
              version,
              nowIso,
              h.ticker,
              h.field,
              h.published,
              h.pending.value,
              JSON.stringify({ reason: h.reason, sources: h.pending.sources }),
            ),
        );
      }
    }
    stmts.push(...statusChangeStmts(db, version!, nowIso, decisions));
    stmts.push(...(input.lifecycle?.(snapshot.version) ?? []));
    stmts.push(
      db
        .prepare(
          "INSERT INTO snapshots (version, sha256, prev_sha256, issued_at, expires_at, reason, r2_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(
          snapshot.version,
          snapshot.sha256,
          snapshot.prev_sha256,
          snapshot.issued_at,
          snapshot.expires_at,
          snapshot.reason,
          `snapshots/v${snapshot.version}.json`,
        ),
      setMetaStmt(db, "last_publish_at", nowIso),
    );
  }
  stmts.push(setMetaStmt(db, "last_run_at", nowIso));
  await db.batch(stmts);
  input.done("persist:d1");

  if (!snapshot) return;
  await input.step("persist:r2");
  await env.ARCHIVE.put(`snapshots/v${snapshot.version}.json`, snapshot.envelope, {
    httpMetadata: { contentType: "application/json" },
    customMetadata: { sha256: snapshot.sha256 },
  });
  input.done("persist:r2");

  await input.step("persist:kv");
  await env.FEED_KV.put(KV.latestSnapshot, snapshot.envelope);
  input.done("persist:kv");
}

// --- Change events beyond price changes and holds (integrations: /v1/changes, webhooks) ---

/** A breaker hold released: confirmed (the move is published) or withdrawn (the quote came back or went away). */
function releaseStmts(db: D1Database, version: number, nowIso: string, decisions: Decisions): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  for (const c of decisions.cleared) {
    const p = decisions.publishes.find((x) => x.ticker === c.ticker && x.field === c.field);
    out.push(
      db
        .prepare(
          `INSERT INTO changes (version, at, ticker, kind, field, from_value, to_value, effective_at, detail)
         SELECT ?1, ?2, ticker, 'breaker_release', field, value, COALESCE(?5, (SELECT value FROM published WHERE published.ticker = ?3 AND published.field = ?4)), ?6, json_object('outcome', ?7, 'held_value', value)
         FROM pending WHERE ticker = ?3 AND field = ?4`,
        )
        .bind(
          version,
          nowIso,
          c.ticker,
          c.field,
          p?.value ?? null,
          p?.effective_at ?? null,
          p ? "confirmed" : "withdrawn",
        ),
    );
  }
  return out;
}

/**
 * A ticker's quote status moving, and a ticker published for the first time, against `ticker_status` (the statuses
 * of the previous publish). The very first publish seeds that table silently.
 */
function statusChangeStmts(
  db: D1Database,
  version: number,
  nowIso: string,
  decisions: Decisions,
): D1PreparedStatement[] {
  const statuses = JSON.stringify([...decisions.quotes].map(([t, q]) => ({ t, s: q.status })));
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
       ON CONFLICT(ticker) DO UPDATE SET status = excluded.status, version = excluded.version`,
      )
      .bind(version, statuses),
  ];
}
