import type { Env } from "../env";
import { changeFromRow, type ChangeRow } from "../routes/changes";
import { ensureSchema, getMeta, setMetaStmt } from "../store/db";
import { decodeState } from "../store/feed-state";
import { changeTitle } from "../../oracle-core/integrations";
import { matchEvents, type EventRow, type WebhookFilter } from "../../oracle-core/integrations";

/** meta key: the last snapshot version whose deliveries were queued. */
export const ENQUEUED_KEY = "webhooks:enqueued_version";

interface SnapshotRef {
  version: number;
  issued_at: string;
  r2_key: string;
}

async function rowsOf(
  env: Env,
  ref: SnapshotRef | null,
): Promise<{
  models: EventRow[];
  byTicker: Map<string, { provider: string; display_name: string; release_date: string }>;
} | null> {
  if (!ref) return null;
  const obj = await env.ARCHIVE.get(ref.r2_key);
  if (!obj) return null;
  const s = decodeState(await obj.text());
  return { models: s.payload.models, byTicker: s.byTicker };
}

/**
 * Queues one delivery per subscription and newly published snapshot version that has events for it (the changes
 * recorded for that version, plus θ shifts and family crossings derived from it and the version before). A
 * subscription only hears of versions after the one current when it was created. Idempotent: a delivery's id is
 * `<webhook>:v<version>`, and the last queued version is kept in meta.
 */
export async function enqueueDeliveries(env: Env, now: Date): Promise<{ versions: number[]; queued: number }> {
  const db = env.DB;
  await ensureSchema(db);
  const hooks = (
    await db
      .prepare("SELECT id, filter, from_version FROM webhooks")
      .all<{ id: string; filter: string; from_version: number }>()
  ).results;
  // Versions no subscription can hear of (at or before the oldest one's from_version, or all when there are none) are
  // skipped outright.
  const latest = (await db.prepare("SELECT MAX(version) AS v FROM snapshots").first<{ v: number | null }>())?.v ?? 0;
  const floor = hooks.length ? Math.min(...hooks.map((h) => h.from_version)) : latest;
  const last = Math.max(Number((await getMeta(db, ENQUEUED_KEY)) ?? 0), floor);
  const refs = (
    await db
      .prepare("SELECT version, issued_at, r2_key FROM snapshots WHERE version > ? ORDER BY version LIMIT 20")
      .bind(last)
      .all<SnapshotRef>()
  ).results;
  if (refs.length === 0) {
    if (last > Number((await getMeta(db, ENQUEUED_KEY)) ?? 0)) await setMetaStmt(db, ENQUEUED_KEY, String(last)).run();
    return { versions: [], queued: 0 };
  }
  const stmts: D1PreparedStatement[] = [];
  for (const ref of refs) {
    const eligible = hooks.filter((h) => h.from_version < ref.version);
    if (eligible.length === 0) continue;
    const prevRef = await db
      .prepare("SELECT version, issued_at, r2_key FROM snapshots WHERE version < ? ORDER BY version DESC LIMIT 1")
      .bind(ref.version)
      .first<SnapshotRef>();
    const [next, prev] = await Promise.all([rowsOf(env, ref), rowsOf(env, prevRef)]);
    const rows = (
      await db.prepare("SELECT * FROM changes WHERE version = ? ORDER BY id").bind(ref.version).all<ChangeRow>()
    ).results;
    const changes = rows.map((r) => changeFromRow(r, next?.byTicker));
    for (const h of eligible) {
      const events = matchEvents(JSON.parse(h.filter) as WebhookFilter, {
        version: ref.version,
        at: ref.issued_at,
        changes,
        prev: prev?.models ?? null,
        next: next?.models ?? [],
      });
      if (events.length === 0) continue;
      const id = `${h.id}:v${ref.version}`;
      const body = JSON.stringify({
        type: "exostream.changes",
        webhook_id: h.id,
        delivery_id: id,
        snapshot_version: ref.version,
        oracle_timestamp: ref.issued_at,
        events: events.map((e) => ({ ...e, title: changeTitle(e) })),
      });
      stmts.push(
        db
          .prepare(
            "INSERT OR IGNORE INTO webhook_deliveries (id, webhook_id, version, body, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)",
          )
          .bind(id, h.id, ref.version, body, now.toISOString(), now.toISOString()),
      );
    }
  }
  stmts.push(setMetaStmt(db, ENQUEUED_KEY, String(refs[refs.length - 1]!.version)));
  await db.batch(stmts);
  return { versions: refs.map((r) => r.version), queued: stmts.length - 1 };
}
