import type { Context } from "hono";
import { ApiError } from "../../api-core";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date YYYY-MM-DD (Date.parse alone rolls 2025-02-30 over to March 2). */
export function isCalendarDate(v: string): boolean {
  if (!ISO_DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** An optional `?from=` / `?to=` date query parameter, else 400 E_BAD_DATE. */
export function dateQuery(c: Context, k: string): string | undefined {
  const v = c.req.query(k);
  if (v !== undefined && !isCalendarDate(v)) throw new ApiError(400, "E_BAD_DATE", `${k} must be a date YYYY-MM-DD`, k);
  return v;
}

/**
 * A query value as a decimal number (`1`, `0.25`, `-1`, `2e-1`), else NaN: Number() would also read `0x10` as 16,
 * `0b11` as 3 and `Infinity` as ∞. An empty value is NaN too, not 0.
 */
export function decimalQuery(raw: string): number {
  const v = raw.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v) ? Number(v) : Number.NaN;
}

/** Whether the client asked for CSV (`Accept: text/csv` or `?format=csv`). */
export function wantsCsv(c: Context): boolean {
  return c.req.query("format") === "csv" || (c.req.header("accept") ?? "").includes("text/csv");
}
