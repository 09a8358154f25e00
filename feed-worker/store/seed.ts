import type { HistoryFile } from "../../oracle-core/schemas";
import type { RegistryFile } from "../../oracle-core/schemas";
import { PUBLISHED_FIELDS } from "../../oracle-core/greeks";
import { getMeta, jsonChunks, setMetaStmt } from "./db";

type Observation = HistoryFile["observations"][number];

/** The observation columns written from a history row (snapshot_version is the run's, bound separately). */
const OBS_COLUMNS = [
  "ticker",
  "family",
  "field",
  "value",
  "tier_above_tokens",
  "effective_at",
  "observed_at",
  "kind",
  "source",
  "provenance",
  "confidence",
  "raw_sha256",
  "note",
] as const satisfies readonly (keyof Observation)[];

const INSERT_OBS = `INSERT OR IGNORE INTO observations (${OBS_COLUMNS.join(", ")}, snapshot_version)
  SELECT ${OBS_COLUMNS.map((c) => `j.value ->> '${c}'`).join(", ")}, ?2 FROM json_each(?1) j ORDER BY j.key`;

/**
 * History rows as a few set-based statements (one per 500 rows, over json_each), in order: ids follow the array.
 * A missing optional field is NULL, as a bound null was.
 */
export function insertObservationsStmts(
  db: D1Database,
  observations: readonly Observation[],
  version: number | null,
): D1PreparedStatement[] {
  const rows = observations.map((o) => Object.fromEntries(OBS_COLUMNS.map((c) => [c, o[c] ?? null])));
  return jsonChunks(rows).map((chunk) => db.prepare(INSERT_OBS).bind(chunk, version));
}

/**
 * First start: loads the bundled history into D1 and records the registry's prices as the published
 * reference the breaker compares new quotes against. One atomic batch; idempotent; skipped once done.
 */
export async function seedIfEmpty(db: D1Database, registry: RegistryFile, history: HistoryFile): Promise<boolean> {
  if ((await getMeta(db, "seeded")) !== null) return false;
  const stmts = insertObservationsStmts(db, history.observations, null);
  const published = registry.models.flatMap((m) =>
    PUBLISHED_FIELDS.flatMap((f) => {
      const p = m.prices[f];
      return p ? [{ t: m.ticker, f, v: p.usd_per_m, e: p.checked }] : [];
    }),
  );
  for (const chunk of jsonChunks(published))
    stmts.push(
      db
        .prepare(
          `INSERT OR IGNORE INTO published (ticker, field, value, effective_at, version, last_quoted_at)
           SELECT j.value ->> 't', j.value ->> 'f', j.value ->> 'v', j.value ->> 'e', 0, NULL FROM json_each(?) j`,
        )
        .bind(chunk),
    );
  stmts.push(setMetaStmt(db, "seeded", registry.as_of));
  await db.batch(stmts);
  return true;
}
