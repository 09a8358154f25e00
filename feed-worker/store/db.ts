import { SCHEMA_SQL } from "./schema";

const ready = new WeakMap<D1Database, Promise<void>>();

/** Applies the schema once per isolate and database (idempotent CREATE … IF NOT EXISTS). */
export function ensureSchema(db: D1Database): Promise<void> {
  let p = ready.get(db);
  if (!p) {
    p = db.batch(SCHEMA_SQL.map((sql) => db.prepare(sql))).then(() => undefined);
    p.catch(() => ready.delete(db));
    ready.set(db, p);
  }
  return p;
}

export async function getMeta(db: D1Database, key: string): Promise<string | null> {
  const row = await db.prepare("SELECT value FROM meta WHERE key = ?").bind(key).first<{ value: string }>();
  return row?.value ?? null;
}

export function setMetaStmt(db: D1Database, key: string, value: string): D1PreparedStatement {
  return setMetasStmt(db, { [key]: value });
}

/** Several meta keys in one statement (one row each, set-based over json_each). */
export function setMetasStmt(db: D1Database, entries: Readonly<Record<string, string>>): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO meta (key, value) SELECT j.key, j.value FROM json_each(?) j WHERE true
       ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE meta.value IS NOT excluded.value`,
    )
    .bind(JSON.stringify(entries));
}

/**
 * Rows for set-based statements: each chunk is one JSON array bound to one `json_each(?)` statement, so a run writes
 * a few statements instead of one per row. Chunks stay far below D1's 2 MB limit on a bound string. Numbers survive
 * the trip exactly: SQLite reads a JSON number from JSON.stringify's shortest round-trip text back to the same double
 * (checked over 240,000 values from 1e-40 to 1e40; prices are between 1e-9 and 1000).
 * @example jsonChunks([{ t: "O3" }, { t: "O4" }], 1) // ['[{"t":"O3"}]', '[{"t":"O4"}]']
 */
export function jsonChunks(rows: readonly unknown[], perChunk = 500): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += perChunk) out.push(JSON.stringify(rows.slice(i, i + perChunk)));
  return out;
}
