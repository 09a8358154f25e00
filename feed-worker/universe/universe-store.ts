import { PUBLISHED_FIELDS } from "../../oracle-core/greeks";
import {
  LifecycleStateSchema,
  RegistryEntrySchema,
  type LifecycleState,
  type RegistryEntry,
  type RegistryFile,
} from "../../oracle-core/schemas";

/**
 * The feed's universe (issue 11): every ticker it has ever quoted, with its lifecycle, in D1 table `universe`.
 *
 * - Seeded from the bundled registry on first start; a registry ticker added by a later deploy is inserted on the next
 *   run (migrated forward), with its registry prices as the breaker's published reference, so its first upstream
 *   quote is guarded like any move.
 * - A registry row's entry always follows the deployed registry (prices, metadata). Its lifecycle follows the
 *   registry's `status` until the feed or an admin moves it (then `reason` is set and the stored state wins).
 * - A row the feed listed (`origin` feed) or an admin added keeps its stored entry.
 * - Rows are never deleted: a retired ticker stays, with its dates, and so does its history.
 */
export interface UniverseRow {
  ticker: string;
  /** The registry entry with the lifecycle state and dates applied. */
  entry: RegistryEntry;
  lifecycle: LifecycleState;
  listed_at: string | null;
  deprecated_at: string | null;
  retired_at: string | null;
  unquoted_since: string | null;
  /** The `unquoted` event was written (missing ≥ 14 days). */
  unquoted_flagged: boolean;
  reason: string | null;
  evidence_source: string | null;
  evidence_sha256: string | null;
  origin: "registry" | "feed" | "admin";
  /** An admin set the lifecycle by hand (a `curation` move): the feed's rules leave it alone. */
  manual: boolean;
}

/** One lifecycle move the run decided, written with the run's snapshot (and to /v1/changes). */
export interface LifecycleMove {
  ticker: string;
  /**
   * `missing` sets `unquoted_since` (the first day no healthy source quoted it) and `requoted` clears it: neither is
   * an event. `unquoted` flags the row after 14 days missing. `curation` is an admin's hand move (rules then leave the
   * row alone).
   */
  kind: "listed" | "promoted" | "deprecated" | "retired" | "missing" | "unquoted" | "requoted" | "curation";
  /** The lifecycle after the move (unchanged for unquoted and requoted). */
  to: LifecycleState;
  /** ISO date the move takes effect (a listing's date, an upstream shutdown date, the first unquoted day). */
  on: string;
  reason: string;
  source?: string;
  raw_sha256?: string;
  /** For `deprecated`: the announced shutdown date, stored as `retired_at` until the row retires on it. */
  retires_on?: string;
  /** The new row, for `listed` (status provisional, listed_at = on). */
  entry?: RegistryEntry;
  detail?: Record<string, unknown>;
}

interface StoredRow {
  ticker: string;
  entry: string;
  lifecycle: string;
  listed_at: string | null;
  deprecated_at: string | null;
  retired_at: string | null;
  unquoted_since: string | null;
  unquoted_flagged: number;
  reason: string | null;
  evidence_source: string | null;
  evidence_sha256: string | null;
  origin: string;
  manual: number;
}

const SELECT = `SELECT ticker, entry, lifecycle, listed_at, deprecated_at, retired_at, unquoted_since, unquoted_flagged,
  reason, evidence_source, evidence_sha256, origin, manual FROM universe ORDER BY rowid`;

/**
 * The universe as stored, after inserting the registry tickers it does not hold yet (first start, or a deploy that
 * added tickers). Registry order first, then the rows only the store holds, in the order they were added.
 */
export async function loadUniverse(db: D1Database, registry: RegistryFile, nowIso: string): Promise<UniverseRow[]> {
  let stored = (await db.prepare(SELECT).all<StoredRow>()).results;
  const have = new Set(stored.map((r) => r.ticker));
  const missing = registry.models.filter((m) => !have.has(m.ticker));
  if (missing.length > 0) {
    await db.batch(missing.flatMap((m) => seedStatements(db, m, nowIso)));
    stored = (await db.prepare(SELECT).all<StoredRow>()).results;
  }
  const fromRegistry = new Map(registry.models.map((m) => [m.ticker, m]));
  const rows = stored.map((r) => rowOf(r, fromRegistry.get(r.ticker)));
  const order = new Map(registry.models.map((m, i) => [m.ticker, i]));
  const rank = (t: string) => order.get(t) ?? registry.models.length;
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r.ticker) - rank(b.r.ticker) || a.i - b.i)
    .map((x) => x.r);
}

/** The entries a run prices: every row of the universe, its lifecycle applied. */
export function universeEntries(rows: readonly UniverseRow[]): RegistryEntry[] {
  return rows.map((r) => r.entry);
}

function seedStatements(db: D1Database, m: RegistryEntry, nowIso: string): D1PreparedStatement[] {
  const out = [
    db
      .prepare(
        `INSERT OR IGNORE INTO universe (ticker, entry, lifecycle, origin, updated_at) VALUES (?, ?, ?, 'registry', ?)`,
      )
      .bind(m.ticker, JSON.stringify(m), m.status, nowIso),
  ];
  // The registry's prices are the breaker's reference for a ticker the feed has never published (a no-op for a
  // ticker already in `published`, such as every ticker on the first start after seedIfEmpty).
  for (const f of PUBLISHED_FIELDS) {
    const p = m.prices[f];
    if (!p) continue;
    out.push(
      db
        .prepare(
          "INSERT OR IGNORE INTO published (ticker, field, value, effective_at, version, last_quoted_at) VALUES (?, ?, ?, ?, 0, NULL)",
        )
        .bind(m.ticker, f, p.usd_per_m, p.checked),
    );
  }
  return out;
}

function rowOf(r: StoredRow, registryEntry: RegistryEntry | undefined): UniverseRow {
  const origin = r.origin === "feed" || r.origin === "admin" ? r.origin : "registry";
  // A registry row nobody moved follows the deployed registry's status; a moved one keeps its stored state.
  const base = origin === "registry" && registryEntry ? registryEntry : RegistryEntrySchema.parse(JSON.parse(r.entry));
  const lifecycle =
    origin === "registry" && registryEntry && r.reason === null
      ? registryEntry.status
      : LifecycleStateSchema.parse(r.lifecycle);
  const entry: RegistryEntry = {
    ...base,
    status: lifecycle,
    ...(r.reason && lifecycle !== "active" ? { status_reason: r.reason } : {}),
    ...(r.listed_at ? { listed_at: r.listed_at } : {}),
    ...(r.deprecated_at ? { deprecated_at: r.deprecated_at } : {}),
    ...(r.retired_at ? { retired_at: r.retired_at } : {}),
    ...(r.unquoted_since ? { unquoted_since: r.unquoted_since } : {}),
  };
  return {
    ticker: r.ticker,
    entry,
    lifecycle,
    listed_at: r.listed_at,
    deprecated_at: r.deprecated_at,
    retired_at: r.retired_at,
    unquoted_since: r.unquoted_since,
    unquoted_flagged: r.unquoted_flagged === 1,
    reason: r.reason,
    evidence_source: r.evidence_source,
    evidence_sha256: r.evidence_sha256,
    origin,
    manual: r.manual === 1,
  };
}

/**
 * The statements that apply a run's lifecycle moves: the universe rows and one `changes` event per move (none for
 * `requoted`). Written in the run's atomic batch, with the snapshot that first shows them.
 */
export function lifecycleStatements(
  db: D1Database,
  moves: readonly LifecycleMove[],
  version: number,
  nowIso: string,
): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  for (const m of moves) {
    out.push(...rowStatements(db, m, nowIso));
    if (m.kind === "requoted" || m.kind === "missing") continue;
    const detail = {
      reason: m.reason,
      ...(m.source ? { source: m.source } : {}),
      ...(m.raw_sha256 ? { raw_sha256: m.raw_sha256 } : {}),
      ...(m.entry ? { provider: m.entry.provider, display_name: m.entry.display_name, family: m.entry.family } : {}),
      to: m.to,
      ...m.detail,
    };
    out.push(
      db
        .prepare(
          `INSERT INTO changes (version, at, ticker, kind, field, from_value, to_value, effective_at, detail)
           VALUES (?, ?, ?, ?, 'lifecycle', NULL, NULL, ?, ?)`,
        )
        .bind(version, nowIso, m.ticker, m.kind, m.on, JSON.stringify(detail)),
    );
  }
  return out;
}

function rowStatements(db: D1Database, m: LifecycleMove, nowIso: string): D1PreparedStatement[] {
  const evidence = [m.source ?? null, m.raw_sha256 ?? null] as const;
  switch (m.kind) {
    case "listed":
      if (!m.entry) throw new Error(`lifecycle move 'listed' for ${m.ticker} carries no entry`);
      return [
        db
          .prepare(
            `INSERT INTO universe (ticker, entry, lifecycle, listed_at, reason, evidence_source, evidence_sha256, origin, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'feed', ?8)
             ON CONFLICT(ticker) DO NOTHING`,
          )
          .bind(m.ticker, JSON.stringify(m.entry), m.to, m.on, m.reason, ...evidence, nowIso),
      ];
    case "missing":
      return [
        db
          .prepare("UPDATE universe SET unquoted_since = ?2, updated_at = ?3 WHERE ticker = ?1")
          .bind(m.ticker, m.on, nowIso),
      ];
    case "unquoted":
      return [
        db
          .prepare("UPDATE universe SET unquoted_since = ?2, unquoted_flagged = 1, updated_at = ?3 WHERE ticker = ?1")
          .bind(m.ticker, m.on, nowIso),
      ];
    case "requoted":
      return [
        db
          .prepare("UPDATE universe SET unquoted_since = NULL, unquoted_flagged = 0, updated_at = ?2 WHERE ticker = ?1")
          .bind(m.ticker, nowIso),
      ];
    case "deprecated":
      return [
        db
          .prepare(
            `UPDATE universe SET lifecycle = ?2, reason = ?3, evidence_source = ?4, evidence_sha256 = ?5, updated_at = ?6,
             deprecated_at = ?7, retired_at = ?8 WHERE ticker = ?1`,
          )
          .bind(m.ticker, m.to, m.reason, ...evidence, nowIso, m.on, m.retires_on ?? null),
      ];
    case "retired":
      return [
        db
          .prepare(
            `UPDATE universe SET lifecycle = ?2, reason = ?3, evidence_source = ?4, evidence_sha256 = ?5, updated_at = ?6,
             retired_at = ?7 WHERE ticker = ?1`,
          )
          .bind(m.ticker, m.to, m.reason, ...evidence, nowIso, m.on),
      ];
    default:
      // promoted, curation (an admin's hand move sets `manual`: the feed's rules then leave the row alone)
      return [
        db
          .prepare(
            `UPDATE universe SET lifecycle = ?2, reason = ?3, evidence_source = ?4, evidence_sha256 = ?5, updated_at = ?6,
             manual = ?7 WHERE ticker = ?1`,
          )
          .bind(m.ticker, m.to, m.reason, ...evidence, nowIso, m.kind === "curation" ? 1 : 0),
      ];
  }
}
