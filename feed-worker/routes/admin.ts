import type { Context, Hono } from "hono";
import { ApiError, parseWith, rowOf, stamp } from "../../api-core";
import { AdminCurationSchema, type AdminCuration } from "../../oracle-core/schemas";
import { feedDate } from "../clock";
import type { AppEnv } from "../env";
import { limitBody, rateLimit } from "../http/limits";
import { readJsonBody } from "../http/read-json-body";
import { requireState } from "../http/respond";
import { ensureSchema } from "../store/db";
import { getFeedState, type FeedState } from "../store/feed-state";
import { auditStatement, curationStatements, readAudit } from "../universe/curation-store";
import { adminAuth } from "./admin-auth";

type AdminEnv = AppEnv & { Variables: { adminFingerprint: string } };

/** Most audit rows one page lists. */
export const MAX_AUDIT_PAGE = 500;

/**
 * Why the universe refuses an action that passed the schema, or null: a lifecycle, family or preferred source must
 * name a ticker of the snapshot (404 E_UNKNOWN_TICKER with suggestions), and only a listing candidate or a
 * `provisional` row can be rejected (409 E_ADMIN_CONFLICT: a curated ticker is retired by a lifecycle action).
 */
function refusal(s: FeedState, a: AdminCuration): ApiError | null {
  if (a.action === "lifecycle" || a.action === "family" || a.action === "prefer-source") {
    try {
      rowOf(s, a.ticker);
    } catch (e) {
      return e as ApiError;
    }
  }
  const row = a.action === "reject-listing" ? s.byTicker.get(a.ticker) : undefined;
  if (row && row.lifecycle !== "provisional") {
    const m = `${a.ticker} is ${row.lifecycle}, not a listing candidate; move it with a lifecycle action instead`;
    return new ApiError(409, "E_ADMIN_CONFLICT", m, "ticker");
  }
  return null;
}

function intQuery(c: Context<AdminEnv>, name: string, min: number, max: number, fallback: number): number {
  const raw = c.req.query(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(n) || n < min || n > max)
    throw new ApiError(400, "E_BAD_QUERY", `${name} must be an integer from ${min} to ${max}`, name);
  return n;
}

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * The authenticated admin API (README "Admin API"): POST /v1/admin/curation takes one curation entry (lifecycle,
 * ticker-alias, prefer-source, family, reject-listing) into the D1 `curation` table, the append-only `admin_audit` log
 * and `/v1/changes`; the next pipeline run applies it. GET /v1/admin/audit lists the log. Off without ADMIN_TOKEN.
 * Same body limit, rate limit, validation and error codes as every other route.
 */
export function adminRoutes(app: Hono<AppEnv>): void {
  const admin = app as unknown as Hono<AdminEnv>;
  // Rate limit first, so a guessed token costs a request of the budget like any other; the token before the body.
  // On each route, not on /v1/admin/*: another method on a known path stays 405 E_METHOD, as everywhere.
  const guard = [rateLimit, adminAuth, limitBody] as const;

  admin.post("/v1/admin/curation", ...guard, async (c) => {
    const entry = parseWith(AdminCurationSchema, await readJsonBody(c));
    const s = requireState(await getFeedState(c.env, Date.now()));
    const at = feedDate(c.env).toISOString();
    const fingerprint = c.get("adminFingerprint");
    await ensureSchema(c.env.DB);
    const refused = refusal(s, entry);
    if (refused) {
      const outcome = `refused: ${refused.code}`;
      await auditStatement(c.env.DB, { at, fingerprint, action: entry.action, body: entry, outcome }).run();
      throw refused;
    }
    // A lifecycle (or the rejection of a listed row) is published by the run that moves the row, as kind curation.
    const moves = entry.action === "lifecycle" || (entry.action === "reject-listing" && s.byTicker.has(entry.ticker));
    const rs = await c.env.DB.batch([
      ...curationStatements(c.env.DB, { at, fingerprint, entry, change: !moves }),
      c.env.DB.prepare(
        "SELECT MAX(id) AS audit_id, (SELECT COALESCE(MAX(version), 0) + 1 FROM snapshots) AS v FROM admin_audit",
      ),
    ]);
    const ids = rs.at(-1)!.results[0] as { audit_id: number; v: number };
    const data = {
      audit_id: ids.audit_id,
      entry,
      outcome: "applied",
      takes_effect: `the next pipeline run applies it; snapshot v${ids.v} carries it`,
    };
    return c.json({ data, ...stamp(s) }, 201, NO_STORE);
  });

  admin.get("/v1/admin/audit", ...guard, async (c) => {
    const afterId = intQuery(c, "after_id", 0, Number.MAX_SAFE_INTEGER, 0);
    const limit = intQuery(c, "limit", 1, MAX_AUDIT_PAGE, 100);
    await ensureSchema(c.env.DB);
    const rows = await readAudit(c.env.DB, { afterId, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const has_more = rows.length > limit;
    const data = { entries: page, has_more, next_after_id: has_more ? page.at(-1)!.id : null };
    return c.json({ data }, 200, NO_STORE);
  });
}
