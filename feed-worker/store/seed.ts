import type { HistoryFile } from "../../oracle-core/schemas";
import type { RegistryFile } from "../../oracle-core/schemas";
import { PUBLISHED_FIELDS } from "../../oracle-core/greeks";
import { getMeta, setMetaStmt } from "./db";

const INSERT_OBS = `INSERT OR IGNORE INTO observations
  (ticker, family, field, value, tier_above_tokens, effective_at, observed_at, kind, source, provenance, confidence, raw_sha256, note, snapshot_version)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function insertObservationStmt(
  db: D1Database,
  o: HistoryFile["observations"][number],
  version: number | null,
): D1PreparedStatement {
  return db
    .prepare(INSERT_OBS)
    .bind(
      o.ticker,
      o.family,
      o.field,
      o.value,
      o.tier_above_tokens ?? null,
      o.effective_at,
      o.observed_at,
      o.kind,
      o.source,
      o.provenance,
      o.confidence,
      o.raw_sha256 ?? null,
      o.note ?? null,
      version,
    );
}

/**
 * First start: loads the bundled history into D1 and records the registry's prices as the published
 * reference the breaker compares new quotes against. One atomic batch; idempotent; skipped once done.
 */
export async function seedIfEmpty(db: D1Database, registry: RegistryFile, history: HistoryFile): Promise<boolean> {
  if ((await getMeta(db, "seeded")) !== null) return false;
  const stmts: D1PreparedStatement[] = history.observations.map((o) => insertObservationStmt(db, o, null));
  for (const m of registry.models) {
    for (const f of PUBLISHED_FIELDS) {
      const p = m.prices[f];
      if (!p) continue;
      stmts.push(
        db
          .prepare(
            "INSERT OR IGNORE INTO published (ticker, field, value, effective_at, version, last_quoted_at) VALUES (?, ?, ?, ?, 0, NULL)",
          )
          .bind(m.ticker, f, p.usd_per_m, p.checked),
      );
    }
  }
  stmts.push(setMetaStmt(db, "seeded", registry.as_of));
  await db.batch(stmts);
  return true;
}
