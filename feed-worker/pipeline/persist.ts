import type { Decisions } from "../../oracle-core/publishing";
import type { HistoryObservation } from "../../oracle-core/schemas";
import type { Env } from "../env";
import { setMetasStmt } from "../store/db";
import { KV } from "../store/kv-keys";
import { insertObservationsStmts } from "../store/seed";
import { changeStmts, sourceStmts } from "./persist-statements";
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
 *
 * The batch is a handful of set-based statements (each over a JSON array of rows) whatever the universe's size, and a
 * run that changes nothing rewrites nothing equal (only the run's clock readings move).
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
  /** Raw payloads known to be in R2 already (the sources' last archived sha256): no R2 round trip for them. */
  archived?: ReadonlySet<string>;
  step: (name: StepName) => Promise<void>;
  done: (name: StepName) => void;
}): Promise<void> {
  const { env, now, runs, decisions, snapshot } = input;
  const db = env.DB;
  const nowIso = now.toISOString();

  await input.step("persist:d1");
  for (const r of runs) {
    if (r.raw.ok && r.raw.bytes.byteLength > 0 && !input.archived?.has(r.raw.sha256)) {
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
  const stmts: D1PreparedStatement[] = sourceStmts(db, runs);
  // Quote freshness, for `stale` in live mode.
  if (decisions.quoted.size > 0)
    stmts.push(
      db
        .prepare(
          `UPDATE published SET last_quoted_at = ?1
           WHERE ticker IN (SELECT value FROM json_each(?2)) AND last_quoted_at IS NOT ?1`,
        )
        .bind(nowIso, JSON.stringify([...decisions.quoted])),
    );
  stmts.push(...(input.always ?? []));
  const meta: Record<string, string> = { last_run_at: nowIso };
  if (snapshot) {
    stmts.push(...insertObservationsStmts(db, input.newObs, snapshot.version));
    stmts.push(...changeStmts(db, snapshot.version, nowIso, decisions));
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
    );
    meta.last_publish_at = nowIso;
  }
  stmts.push(setMetasStmt(db, meta));
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
