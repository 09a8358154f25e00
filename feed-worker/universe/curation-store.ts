import { CurationEntrySchema, type AdminCuration, type CurationEntry } from "../../oracle-core/schemas";

/** A row of the append-only `admin_audit` table, as GET /v1/admin/audit lists it (`body` parsed back). */
export interface AuditEntry {
  id: number;
  at: string;
  token_fingerprint: string;
  action: string;
  body: unknown;
  outcome: string;
}

/** The ticker a curation entry is about (an alias names the ticker it maps to). */
const tickerOf = (c: AdminCuration): string => c.ticker;

/**
 * The statements of one applied admin action, for one atomic batch: the audit row, the curation row, and a `curation`
 * change (detail: the action, its reason, author and fields) stamped with the next snapshot's version, which is the
 * one that will carry it. That pending change is also what makes the next pipeline run publish. An action that moves
 * a row's lifecycle gets no change here (`change: false`): the run's lifecycle move writes it (curation-moves.ts).
 */
export function curationStatements(
  db: D1Database,
  a: { at: string; fingerprint: string; entry: AdminCuration; change: boolean },
): D1PreparedStatement[] {
  const { ticker: _t, ...detail } = a.entry;
  const effective = a.entry.action === "lifecycle" ? (a.entry.on ?? a.entry.date) : a.entry.date;
  const stmts = [
    auditStatement(db, { ...a, action: a.entry.action, body: a.entry, outcome: "applied" }),
    db
      .prepare(
        "INSERT INTO curation (at, audit_id, action, ticker, entry) " +
          "VALUES (?1, (SELECT MAX(id) FROM admin_audit), ?2, ?3, ?4)",
      )
      .bind(a.at, a.entry.action, tickerOf(a.entry), JSON.stringify(a.entry)),
  ];
  if (!a.change) return stmts;
  return [
    ...stmts,
    db
      .prepare(
        "INSERT INTO changes (version, at, ticker, kind, field, from_value, to_value, effective_at, detail) " +
          "VALUES ((SELECT COALESCE(MAX(version), 0) + 1 FROM snapshots), ?1, ?2, 'curation', NULL, NULL, NULL, ?3, ?4)",
      )
      .bind(a.at, tickerOf(a.entry), effective, JSON.stringify(detail)),
  ];
}

/** One audit row: an applied action, or a refused one (outcome "refused: E_…") that changed nothing else. */
export function auditStatement(
  db: D1Database,
  a: { at: string; fingerprint: string; action: string; body: unknown; outcome: string },
): D1PreparedStatement {
  return db
    .prepare("INSERT INTO admin_audit (at, token_fingerprint, action, body, outcome) VALUES (?, ?, ?, ?, ?)")
    .bind(a.at, a.fingerprint, a.action, JSON.stringify(a.body), a.outcome);
}

/** The audit log after an id, oldest first. */
export async function readAudit(db: D1Database, q: { afterId: number; limit: number }): Promise<AuditEntry[]> {
  const rs = await db
    .prepare(
      "SELECT id, at, token_fingerprint, action, body, outcome FROM admin_audit WHERE id > ? ORDER BY id LIMIT ?",
    )
    .bind(q.afterId, q.limit)
    .all<Omit<AuditEntry, "body"> & { body: string }>();
  return rs.results.map((r) => ({ ...r, body: JSON.parse(r.body) as unknown }));
}

/**
 * The curation entries taken through the admin API, in the order they were taken (a later one wins). Each is
 * validated again: a row the schema no longer accepts is skipped and reported, never applied half-read.
 */
export async function loadStoredCuration(db: D1Database): Promise<CurationEntry[]> {
  const rs = await db.prepare("SELECT id, entry FROM curation ORDER BY id").all<{ id: number; entry: string }>();
  const out: CurationEntry[] = [];
  for (const r of rs.results) {
    const parsed = CurationEntrySchema.safeParse(JSON.parse(r.entry));
    if (parsed.success) out.push(parsed.data);
    else console.warn(`curation row ${r.id} no longer validates; skipped`);
  }
  return out;
}

/** True when a change is stamped with a version after `version` (an admin action awaiting its snapshot). */
export async function hasPendingChanges(db: D1Database, version: number): Promise<boolean> {
  return (await db.prepare("SELECT 1 AS x FROM changes WHERE version > ? LIMIT 1").bind(version).first()) !== null;
}
