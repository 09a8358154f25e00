/**
 * D1 schema. Applied idempotently by `ensureSchema` before any read or write, so a fresh local
 * store and a freshly created production database need no separate migration step.
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  // Append-only price history (SPEC §3.2): a row is written only when a value changes.
  `CREATE TABLE IF NOT EXISTS observations (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     ticker TEXT NOT NULL, family TEXT, field TEXT NOT NULL, value REAL NOT NULL, tier_above_tokens INTEGER,
     effective_at TEXT NOT NULL, observed_at TEXT NOT NULL, kind TEXT NOT NULL,
     source TEXT NOT NULL, provenance TEXT NOT NULL, confidence TEXT,
     raw_sha256 TEXT, note TEXT, snapshot_version INTEGER)`,
  `CREATE UNIQUE INDEX IF NOT EXISTS observations_key ON observations (ticker, field, IFNULL(tier_above_tokens, 0), effective_at, value, provenance)`,
  `CREATE INDEX IF NOT EXISTS observations_ticker ON observations (ticker, field, effective_at)`,
  // Last value published per ticker and field: the breaker's reference.
  `CREATE TABLE IF NOT EXISTS published (
     ticker TEXT NOT NULL, field TEXT NOT NULL, value REAL NOT NULL, effective_at TEXT NOT NULL,
     version INTEGER NOT NULL, last_quoted_at TEXT, PRIMARY KEY (ticker, field))`,
  // Moves held by the circuit breaker (SPEC §4 rule 6).
  `CREATE TABLE IF NOT EXISTS pending (
     ticker TEXT NOT NULL, field TEXT NOT NULL, value REAL NOT NULL, first_seen_at TEXT NOT NULL,
     sources TEXT NOT NULL, PRIMARY KEY (ticker, field))`,
  `CREATE TABLE IF NOT EXISTS source_health (
     source TEXT PRIMARY KEY, healthy INTEGER NOT NULL, last_fetch_at TEXT, last_ok_at TEXT,
     last_status INTEGER, last_url TEXT, last_sha256 TEXT, parser_version TEXT,
     model_count INTEGER, quotes_accepted INTEGER, quotes_rejected INTEGER, reasons TEXT NOT NULL DEFAULT '[]')`,
  // Every fetch's raw bytes live in R2 under raw/<sha256>; this is the index of them.
  `CREATE TABLE IF NOT EXISTS raw_fetches (
     sha256 TEXT NOT NULL, source TEXT NOT NULL, url TEXT NOT NULL, fetched_at TEXT NOT NULL,
     status INTEGER, content_type TEXT, bytes INTEGER, parser_version TEXT,
     PRIMARY KEY (source, fetched_at))`,
  `CREATE TABLE IF NOT EXISTS snapshots (
     version INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, prev_sha256 TEXT, issued_at TEXT NOT NULL,
     expires_at TEXT NOT NULL, reason TEXT NOT NULL, r2_key TEXT NOT NULL)`,
  // Published events for /v1/changes: price changes, breaker holds and releases, new models, status changes.
  `CREATE TABLE IF NOT EXISTS changes (
     id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, at TEXT NOT NULL, ticker TEXT,
     kind TEXT NOT NULL, field TEXT, from_value REAL, to_value REAL, effective_at TEXT, detail TEXT)`,
  // The universe (issue 11): every ticker the feed has quoted, with its lifecycle; rows are never deleted
  // (feed-worker/universe/universe-store.ts). `entry` is the registry entry (JSON); `origin` registry | feed | admin.
  `CREATE TABLE IF NOT EXISTS universe (
     ticker TEXT PRIMARY KEY, entry TEXT NOT NULL, lifecycle TEXT NOT NULL, listed_at TEXT, deprecated_at TEXT,
     retired_at TEXT, unquoted_since TEXT, unquoted_flagged INTEGER NOT NULL DEFAULT 0, reason TEXT,
     evidence_source TEXT, evidence_sha256 TEXT, origin TEXT NOT NULL, manual INTEGER NOT NULL DEFAULT 0,
     updated_at TEXT NOT NULL)`,
  // --- integrations (change feed, webhooks) ---
  `CREATE INDEX IF NOT EXISTS changes_version ON changes (version, id)`,
  // Last published quote status per ticker: the reference for 'status_change' and 'new_model' change events.
  `CREATE TABLE IF NOT EXISTS ticker_status (ticker TEXT PRIMARY KEY, status TEXT NOT NULL, version INTEGER NOT NULL)`,
  // Webhook subscriptions. The secret is kept (HMAC needs it) and shown once at creation; its sha256 finds a
  // subscription by secret.
  `CREATE TABLE IF NOT EXISTS webhooks (
     id TEXT PRIMARY KEY, url TEXT NOT NULL, filter TEXT NOT NULL, description TEXT, secret TEXT NOT NULL, secret_sha256 TEXT NOT NULL,
     created_at TEXT NOT NULL, from_version INTEGER NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS webhooks_secret ON webhooks (secret_sha256)`,
  // Who created each subscription (sha256 of the rate limit's client key): the per-client cap counts these. A table of
  // its own, not a column, so databases created before it need no migration.
  `CREATE TABLE IF NOT EXISTS webhook_clients (webhook_id TEXT PRIMARY KEY, client TEXT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS webhook_clients_client ON webhook_clients (client)`,
  // One delivery per subscription and snapshot version (its matched events), retried with backoff until delivered or
  // failed.
  `CREATE TABLE IF NOT EXISTS webhook_deliveries (
     id TEXT PRIMARY KEY, webhook_id TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL, status TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT, last_attempt_at TEXT, last_status INTEGER, last_error TEXT,
     created_at TEXT NOT NULL, delivered_at TEXT)`,
  `CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at)`,
  `CREATE INDEX IF NOT EXISTS webhook_deliveries_hook ON webhook_deliveries (webhook_id, version)`,
  // --- admin API (feed-worker/routes/admin.ts) ---
  // Every authenticated admin action, applied or refused: who (the first 8 hex of sha256(token)), what, the outcome.
  // Append-only: the API has no UPDATE or DELETE path, and these triggers refuse one from anywhere else.
  `CREATE TABLE IF NOT EXISTS admin_audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, token_fingerprint TEXT NOT NULL, action TEXT NOT NULL,
     body TEXT NOT NULL, outcome TEXT NOT NULL)`,
  `CREATE TRIGGER IF NOT EXISTS admin_audit_no_update BEFORE UPDATE ON admin_audit
     BEGIN SELECT RAISE(ABORT, 'admin_audit is append-only'); END`,
  `CREATE TRIGGER IF NOT EXISTS admin_audit_no_delete BEFORE DELETE ON admin_audit
     BEGIN SELECT RAISE(ABORT, 'admin_audit is append-only'); END`,
  // Curation entries taken through the admin API (oracle-core/schemas/curation.ts), applied in id order by every
  // pipeline run on top of the registry built from data/curation.json; a later entry supersedes an earlier one.
  `CREATE TABLE IF NOT EXISTS curation (
     id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, audit_id INTEGER NOT NULL, action TEXT NOT NULL,
     ticker TEXT, entry TEXT NOT NULL)`,
  // Models the listing rule watches (issue 11): since when ≥ 2 origins agree, at which prices, and why not listed
  // yet; a listed model stays until promoted (feed-worker/universe/candidates.ts).
  `CREATE TABLE IF NOT EXISTS candidates (
     ticker TEXT PRIMARY KEY, provider TEXT NOT NULL, state TEXT NOT NULL, first_seen_at TEXT NOT NULL,
     last_seen_on TEXT NOT NULL, agreed_at TEXT, input REAL, output REAL, origins TEXT NOT NULL, ids TEXT NOT NULL,
     code TEXT, reason TEXT, clock_from TEXT)`,
];
