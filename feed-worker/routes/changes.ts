import type { Context, Hono } from "hono";
import type { AppEnv } from "../env";
import { ApiError, stamp } from "../../api-core";
import { contentEtag, requireState, sendWithEtag } from "../http/respond";
import { ensureSchema } from "../store/db";
import { getFeedState, type FeedState } from "../store/feed-state";
import { CHANGE_KINDS, changeTitle, type ChangeEvent, type ChangeKind } from "../../oracle-core/integrations";

/** A row of the D1 `changes` table. */
export interface ChangeRow {
  id: number;
  version: number;
  at: string;
  ticker: string | null;
  kind: string;
  field: string | null;
  from_value: number | null;
  to_value: number | null;
  effective_at: string | null;
  detail: string | null;
}

/**
 * A D1 row as a public event: status changes carry their statuses in from/to; new models get provider and name from the
 * snapshot.
 */
export function changeFromRow(
  r: ChangeRow,
  rows?: ReadonlyMap<string, { provider: string; display_name: string; release_date: string }>,
): ChangeEvent & { title: string } {
  let detail: Record<string, unknown> | null = null;
  try {
    detail = r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null;
  } catch {
    detail = null;
  }
  const ev: ChangeEvent = {
    id: r.id,
    version: r.version,
    at: r.at,
    kind: r.kind as ChangeKind,
    ticker: r.ticker,
    field: r.field,
    from: r.kind === "status_change" ? ((detail?.from as string | undefined) ?? null) : r.from_value,
    to: r.kind === "status_change" ? ((detail?.to as string | undefined) ?? null) : r.to_value,
    effective_at: r.effective_at,
    detail,
  };
  const row = r.ticker ? rows?.get(r.ticker) : undefined;
  if (r.kind === "new_model" && row) {
    ev.detail = { ...detail, provider: row.provider, display_name: row.display_name };
    ev.effective_at ??= row.release_date;
  }
  return { ...ev, title: changeTitle(ev) };
}

/** Reads change rows after a version and/or id cursor, oldest first (or newest first for feeds). */
export async function readChanges(
  db: D1Database,
  q: {
    sinceVersion?: number;
    afterId?: number;
    kinds?: readonly string[];
    tickers?: readonly string[];
    limit: number;
    newestFirst?: boolean;
  },
): Promise<ChangeRow[]> {
  await ensureSchema(db);
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.sinceVersion !== undefined) where.push("version > ?"), args.push(q.sinceVersion);
  if (q.afterId !== undefined) where.push("id > ?"), args.push(q.afterId);
  if (q.kinds?.length) where.push(`kind IN (${q.kinds.map(() => "?").join(", ")})`), args.push(...q.kinds);
  if (q.tickers?.length) where.push(`ticker IN (${q.tickers.map(() => "?").join(", ")})`), args.push(...q.tickers);
  const sql = `SELECT id, version, at, ticker, kind, field, from_value, to_value, effective_at, detail FROM changes ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id ${q.newestFirst ? "DESC" : "ASC"} LIMIT ?`;
  const rs = await db
    .prepare(sql)
    .bind(...args, q.limit)
    .all<ChangeRow>();
  return rs.results;
}

const MAX_LIMIT = 500;

function intQuery(c: Context<AppEnv>, name: string, min: number, max: number): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(n) || n < min || n > max)
    throw new ApiError(400, "E_BAD_QUERY", `${name} must be an integer from ${min} to ${max}`, name);
  return n;
}

/** Most distinct values one list filter takes: D1 binds at most 100 parameters per statement. */
export const MAX_FILTER_VALUES = 50;

/** A list filter (`?ticker=A,B&ticker=C`), deduplicated; 400 E_BAD_QUERY past MAX_FILTER_VALUES distinct values. */
function listQuery(c: Context<AppEnv>, name: string, normalise = (v: string) => v): string[] | undefined {
  const raw = c.req.queries(name);
  if (!raw) return undefined;
  const values = [...new Set(raw.flatMap((v) => v.split(",")).map((v) => normalise(v.trim())))].filter((v) => v !== "");
  if (values.length > MAX_FILTER_VALUES) {
    const m = `${name} takes at most ${MAX_FILTER_VALUES} distinct values; got ${values.length}`;
    throw new ApiError(400, "E_BAD_QUERY", m, name);
  }
  return values;
}

/**
 * Query of both change feeds: since_version (the PWA's "since my last visit"), after_id (paging), kind, ticker, limit.
 */
function changesQuery(c: Context<AppEnv>, defaultLimit: number) {
  const kinds = listQuery(c, "kind");
  for (const k of kinds ?? []) {
    if (!(CHANGE_KINDS as readonly string[]).includes(k))
      throw new ApiError(
        400,
        "E_BAD_QUERY",
        `kind must be one of ${CHANGE_KINDS.join(", ")}; got ${JSON.stringify(k.slice(0, 64))}`,
        "kind",
      );
  }
  return {
    sinceVersion: intQuery(c, "since_version", 0, Number.MAX_SAFE_INTEGER),
    afterId: intQuery(c, "after_id", 0, Number.MAX_SAFE_INTEGER),
    kinds,
    tickers: listQuery(c, "ticker", (t) => t.toUpperCase()),
    limit: intQuery(c, "limit", 1, MAX_LIMIT) ?? defaultLimit,
  };
}

const xml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[ch]};`);

/** The Atom 1.0 document (RFC 4287) of some change events, newest first. */
export function atomFeed(origin: string, events: readonly (ChangeEvent & { title: string })[], s: FeedState): string {
  const updated = events[0]?.at ?? s.payload.issued_at;
  const entries = events.map((e) => {
    const summary = `${e.title}. Snapshot v${e.version}${e.effective_at ? `, effective ${e.effective_at}` : ""}.`;
    return [
      "  <entry>",
      `    <id>urn:exostream:change:${e.id}</id>`,
      `    <title>${xml(e.title)}</title>`,
      `    <updated>${xml(e.at)}</updated>`,
      `    <published>${xml(e.at)}</published>`,
      `    <category term="${xml(e.kind)}"/>`,
      e.ticker
        ? `    <link rel="alternate" type="application/json" href="${xml(`${origin}/v1/models/${encodeURIComponent(e.ticker)}`)}"/>`
        : "",
      `    <content type="text">${xml(summary)}</content>`,
      "  </entry>",
    ]
      .filter((l) => l !== "")
      .join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xml(`${origin}/v1/changes.atom`)}</id>`,
    "  <title>Exostream: LLM price changes</title>",
    "  <subtitle>Published price changes, circuit-breaker holds and releases, new models and status changes</subtitle>",
    `  <updated>${xml(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(`${origin}/v1/changes.atom`)}"/>`,
    `  <link rel="alternate" type="application/json" href="${xml(`${origin}/v1/changes`)}"/>`,
    "  <author><name>Exostream</name></author>",
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

/** GET /v1/changes (JSON) and /v1/changes.atom: every published change with its effective date and snapshot version. */
export function changesRoutes(app: Hono<AppEnv>): void {
  const state = async (c: { env: AppEnv["Bindings"] }) => requireState(await getFeedState(c.env, Date.now()));

  app.get("/v1/changes", async (c) => {
    const s = await state(c);
    const q = changesQuery(c, 100);
    const rows = await readChanges(c.env.DB, { ...q, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const has_more = rows.length > q.limit;
    const data = {
      changes: page.map((r) => changeFromRow(r, s.byTicker)),
      latest_version: s.payload.version,
      has_more,
      next_after_id: has_more ? page[page.length - 1]!.id : null,
    };
    const text = JSON.stringify({ data, ...stamp(s) });
    return sendWithEtag(c, contentEtag(text), text);
  });

  app.get("/v1/changes.atom", async (c) => {
    const s = await state(c);
    const q = changesQuery(c, 50);
    const rows = await readChanges(c.env.DB, { ...q, newestFirst: true });
    const text = atomFeed(
      new URL(c.req.url).origin,
      rows.map((r) => changeFromRow(r, s.byTicker)),
      s,
    );
    return sendWithEtag(c, contentEtag(text), text, "application/atom+xml; charset=utf-8");
  });
}
