import type { Hono } from "hono";
import { ApiError, rowOf, stamp } from "../../api-core";
import type { AppEnv } from "../env";
import { dateQuery, wantsCsv } from "../http/query";
import { contentEtag, requireState, sendWithEtag } from "../http/respond";
import { ensureSchema } from "../store/db";
import { getFeedState } from "../store/feed-state";

const FIELDS = new Set([
  "output",
  "input",
  "cache_read",
  "cache_write_5m",
  "cache_write_1h",
  "thinking",
  "batch_ratio",
  "tier",
]);
const COLUMNS = [
  "ticker",
  "family",
  "field",
  "value",
  "effective_at",
  "observed_at",
  "kind",
  "source",
  "provenance",
  "confidence",
  "raw_sha256",
  "note",
] as const;

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  // Quote when needed; neutralise spreadsheet formulas in text cells.
  const safe = /^[=+\-@]/.test(s) && typeof v === "string" ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** GET /v1/history/:ticker — observations with provenance; JSON or CSV (Accept: text/csv or ?format=csv). */
export function historyRoutes(app: Hono<AppEnv>): void {
  app.get("/v1/history/:ticker", async (c) => {
    const s = requireState(await getFeedState(c.env, Date.now()));
    const row = rowOf(s, c.req.param("ticker"));
    const field = c.req.query("field");
    const from = dateQuery(c, "from");
    const to = dateQuery(c, "to");
    if (field !== undefined && !FIELDS.has(field))
      throw new ApiError(400, "E_BAD_QUERY", `field must be one of ${[...FIELDS].join(", ")}`, "field");
    await ensureSchema(c.env.DB);
    const where = ["ticker = ?"];
    const args: unknown[] = [row.ticker];
    if (field) where.push("field = ?"), args.push(field);
    if (from) where.push("effective_at >= ?"), args.push(from);
    if (to) where.push("effective_at <= ?"), args.push(to);
    const rs = await c.env.DB.prepare(
      `SELECT ${COLUMNS.join(", ")} FROM observations WHERE ${where.join(" AND ")} ORDER BY effective_at, id`,
    )
      .bind(...args)
      .all<Record<(typeof COLUMNS)[number], unknown>>();
    const csv = wantsCsv(c);
    // The body depends on Accept: without Vary a shared cache could hand CSV to a JSON client.
    c.header("Vary", "Accept");
    if (csv) {
      const lines = [COLUMNS.join(","), ...rs.results.map((r) => COLUMNS.map((k) => csvCell(r[k])).join(","))];
      const text = lines.join("\r\n") + "\r\n";
      c.header("Content-Disposition", `inline; filename="${row.ticker}-history.csv"`);
      return sendWithEtag(c, contentEtag(text), text, "text/csv; charset=utf-8");
    }
    const text = JSON.stringify({ data: rs.results, ticker: row.ticker, ...stamp(s) });
    return sendWithEtag(c, contentEtag(text), text);
  });
}
