import type { Env } from "../env";
import { ensureSchema } from "../store/db";
import { SIGNATURE_HEADER, signWebhook } from "../../oracle-core/integrations";
import { retryAt } from "./backoff";
import { checkWebhookUrl } from "./url-policy";

interface DueDelivery {
  id: string;
  webhook_id: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

export interface DeliveryReport {
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * One POST: 2xx is delivered; anything else (a redirect, an error status, a timeout, a refused connection) is a
 * failure.
 */
async function attempt(
  d: DueDelivery,
  now: Date,
  fetchFn: typeof fetch,
  timeoutMs: number,
): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const t = Math.floor(now.getTime() / 1000);
  try {
    const res = await fetchFn(d.url, {
      method: "POST",
      body: d.body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "exostream-webhooks/1",
        [SIGNATURE_HEADER]: await signWebhook(d.secret, d.body, t),
        "Exostream-Webhook-Id": d.webhook_id,
        "Exostream-Delivery-Id": d.id,
        "Exostream-Attempt": String(d.attempts + 1),
      },
    });
    await res.body?.cancel();
    return {
      ok: res.status >= 200 && res.status < 300,
      status: res.status,
      error: res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}`,
    };
  } catch (e) {
    return { ok: false, status: null, error: deliveryError(e, timeoutMs) };
  }
}

/**
 * What the subscription's owner is shown of a failed attempt: a class of failure, never the runtime's message (it can
 * name internal hosts, addresses, ports or resolver detail).
 */
export function deliveryError(e: unknown, timeoutMs: number): string {
  const name = e instanceof Error ? e.name : "";
  if (name === "TimeoutError" || name === "AbortError") return `timeout: no answer within ${timeoutMs / 1000} s`;
  return "network error: the connection could not be made or was closed";
}

/** The message recorded when a stored URL no longer passes the URL policy (checked again before every attempt). */
export const POLICY_REFUSED = "refused: the URL is not allowed by the webhook URL policy";

/**
 * Sends every delivery that is due (`next_attempt_at` ≤ now), signed with its subscription's secret and the attempt's
 * time. A failure is retried on the backoff schedule (backoff.ts) and marked failed after the last attempt.
 */
export async function deliverDue(
  env: Env,
  opts: { now: Date; fetch: typeof fetch; limit?: number; timeoutMs?: number },
): Promise<DeliveryReport> {
  const db = env.DB;
  await ensureSchema(db);
  const nowIso = opts.now.toISOString();
  const due = (
    await db
      .prepare(
        // Fair across subscribers: each one's oldest due delivery first (round-robin by rank), so one subscription
        // with a backlog cannot take a whole run's slots from the others.
        `SELECT id, webhook_id, body, attempts, url, secret FROM (
           SELECT d.id, d.webhook_id, d.body, d.attempts, d.next_attempt_at, w.url, w.secret,
                  ROW_NUMBER() OVER (PARTITION BY d.webhook_id ORDER BY d.next_attempt_at, d.id) AS turn
           FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
           WHERE d.status = 'pending' AND d.next_attempt_at <= ?)
         ORDER BY turn, next_attempt_at, id LIMIT ?`,
      )
      .bind(nowIso, opts.limit ?? 50)
      .all<DueDelivery>()
  ).results;
  const report: DeliveryReport = { attempted: due.length, delivered: 0, retrying: 0, failed: 0 };
  const allowed = (d: DueDelivery) => {
    try {
      checkWebhookUrl(d.url, env.ENVIRONMENT);
      return true;
    } catch {
      return false;
    }
  };
  const refused = { ok: false, status: null, error: POLICY_REFUSED, final: true };
  const results = await Promise.all(
    due.map((d) => (allowed(d) ? attempt(d, opts.now, opts.fetch, opts.timeoutMs ?? 10_000) : refused)),
  );
  const stmts = due.map((d, i) => {
    const r = results[i]!;
    const attempts = d.attempts + 1;
    if (r.ok) {
      report.delivered++;
      return db
        .prepare(
          "UPDATE webhook_deliveries SET status = 'delivered', attempts = ?, last_attempt_at = ?, last_status = ?, last_error = NULL, next_attempt_at = NULL, delivered_at = ? WHERE id = ?",
        )
        .bind(attempts, nowIso, r.status, nowIso, d.id);
    }
    const next = "final" in r ? null : retryAt(attempts, opts.now);
    if (next) report.retrying++;
    else report.failed++;
    return db
      .prepare(
        "UPDATE webhook_deliveries SET status = ?, attempts = ?, last_attempt_at = ?, last_status = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
      )
      .bind(next ? "pending" : "failed", attempts, nowIso, r.status, r.error, next?.toISOString() ?? null, d.id);
  });
  if (stmts.length) await db.batch(stmts);
  return report;
}
