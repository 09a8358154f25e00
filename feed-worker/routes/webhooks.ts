import type { Context, Hono } from "hono";
import { ApiError, type ApiState, parseWith, requireFamily, rowOf, stamp } from "../../api-core";
import type { AppEnv } from "../env";
import { feedDate } from "../clock";
import { clientKey, limitBody, rateLimit } from "../http/limits";
import { readJsonBody } from "../http/read-json-body";
import { requireState } from "../http/respond";
import { ensureSchema } from "../store/db";
import { getFeedState } from "../store/feed-state";
import { newWebhookCredentials, secretSha256 } from "../webhooks/credentials";
import { checkWebhookUrl } from "../webhooks/url-policy";
import { WebhookCreateSchema, type WebhookFilter } from "../../oracle-core/integrations";
import { SIGNATURE_HEADER } from "../../oracle-core/integrations";

interface WebhookRow {
  id: string;
  url: string;
  filter: string;
  description: string | null;
  secret: string;
  secret_sha256: string;
  created_at: string;
  from_version: number;
}

interface DeliveryRow {
  id: string;
  version: number;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

/** A subscription's public view (never its secret) with its latest deliveries. */
function publicView(w: WebhookRow, deliveries: DeliveryRow[]) {
  return {
    id: w.id,
    url: w.url,
    filter: JSON.parse(w.filter) as WebhookFilter,
    description: w.description,
    created_at: w.created_at,
    from_version: w.from_version,
    deliveries,
  };
}

/** The secret the caller presents: `Authorization: Bearer <secret>` or `X-Exostream-Secret`. */
function presentedSecret(c: Context<AppEnv>): string {
  const auth = c.req.header("authorization");
  const s = auth?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? c.req.header("x-exostream-secret");
  if (!s)
    throw new ApiError(
      401,
      "E_NO_SECRET",
      "send the subscription's secret as Authorization: Bearer <secret>",
      "authorization",
      undefined,
      { "WWW-Authenticate": 'Bearer realm="exostream-webhooks"' },
    );
  return s;
}

/** Tickers must exist (404 with suggestions, as everywhere) and families must be ones the sheet has. */
function checkFilter(s: ApiState, f: WebhookFilter): WebhookFilter {
  const tickers = f.tickers?.map((t) => rowOf(s, t).ticker);
  const families = new Set(s.payload.models.map((m) => m.family));
  for (const fam of f.families ?? []) requireFamily(fam, families);
  for (const { family } of f.family_below ?? []) requireFamily(family, families);
  return tickers ? { ...f, tickers } : f;
}

/** Subscriptions one client (the rate limit's client key) may hold at once. */
export const MAX_WEBHOOKS_PER_CLIENT = 10;
/** Subscriptions the feed holds in all: bounds the enqueue step, which reads every subscription per version. */
export const MAX_WEBHOOKS = 1000;

/** 429 E_WEBHOOK_LIMIT when this client holds its cap, 403 E_WEBHOOK_CAPACITY when the feed holds its own. */
async function checkCaps(db: D1Database, client: string): Promise<void> {
  const n = await db
    .prepare(
      "SELECT COUNT(*) AS total, SUM(CASE WHEN c.client = ? THEN 1 ELSE 0 END) AS mine " +
        "FROM webhooks w LEFT JOIN webhook_clients c ON c.webhook_id = w.id",
    )
    .bind(client)
    .first<{ total: number; mine: number | null }>();
  if ((n?.mine ?? 0) >= MAX_WEBHOOKS_PER_CLIENT) {
    const m = `a client may hold at most ${MAX_WEBHOOKS_PER_CLIENT} webhooks; delete one first`;
    throw new ApiError(429, "E_WEBHOOK_LIMIT", m);
  }
  if ((n?.total ?? 0) >= MAX_WEBHOOKS) {
    const m = `this feed holds its maximum of ${MAX_WEBHOOKS} webhooks; poll /v1/changes instead`;
    throw new ApiError(403, "E_WEBHOOK_CAPACITY", m);
  }
}

/**
 * POST /v1/webhooks registers a URL and a filter (the secret is in this response only); GET /v1/webhooks and
 * GET|DELETE /v1/webhooks/:id need that secret. Deliveries are signed with it (Exostream-Signature) and retried.
 */
export function webhookRoutes(
  app: Hono<AppEnv>,
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): void {
  app.use("/v1/webhooks", limitBody, rateLimit);
  app.use("/v1/webhooks/*", rateLimit);

  app.post("/v1/webhooks", async (c) => {
    const req = parseWith(WebhookCreateSchema, await readJsonBody(c));
    const s = requireState(await getFeedState(c.env, Date.now()));
    const url = checkWebhookUrl(req.url, c.env.ENVIRONMENT);
    const filter = checkFilter(s, req.filter ?? {});
    const { id, secret } = newWebhookCredentials(random);
    const created_at = feedDate(c.env).toISOString();
    await ensureSchema(c.env.DB);
    const client = await secretSha256(clientKey(c));
    await checkCaps(c.env.DB, client);
    await c.env.DB.batch([
      c.env.DB.prepare(
        "INSERT INTO webhooks (id, url, filter, description, secret, secret_sha256, created_at, from_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      ).bind(
        id,
        url.href,
        JSON.stringify(filter),
        req.description ?? null,
        secret,
        await secretSha256(secret),
        created_at,
        s.payload.version,
      ),
      c.env.DB.prepare("INSERT INTO webhook_clients (webhook_id, client) VALUES (?, ?)").bind(id, client),
    ]);
    const data = {
      id,
      url: url.href,
      filter,
      description: req.description ?? null,
      created_at,
      from_version: s.payload.version,
      secret,
      signature: {
        header: SIGNATURE_HEADER,
        scheme: 't=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>',
        tolerance_s: 300,
      },
      note: "store the secret now: it is not shown again, and listing or deleting this subscription needs it",
    };
    return c.json({ data, ...stamp(s) }, 201, { Location: `/v1/webhooks/${id}` });
  });

  const owned = async (c: Context<AppEnv>, id?: string): Promise<WebhookRow[]> => {
    const secret = presentedSecret(c);
    await ensureSchema(c.env.DB);
    const hash = await secretSha256(secret);
    if (id === undefined)
      return (
        await c.env.DB.prepare("SELECT * FROM webhooks WHERE secret_sha256 = ? ORDER BY created_at")
          .bind(hash)
          .all<WebhookRow>()
      ).results;
    const w = await c.env.DB.prepare("SELECT * FROM webhooks WHERE id = ?").bind(id).first<WebhookRow>();
    if (!w) throw new ApiError(404, "E_NOT_FOUND", `no webhook ${JSON.stringify(id)}`, "id");
    if (w.secret_sha256 !== hash)
      throw new ApiError(403, "E_BAD_SECRET", "that secret does not belong to this webhook", "authorization");
    return [w];
  };
  const deliveriesOf = async (c: Context<AppEnv>, id: string) =>
    (
      await c.env.DB.prepare(
        "SELECT id, version, status, attempts, next_attempt_at, last_attempt_at, last_status, last_error, created_at, delivered_at FROM webhook_deliveries WHERE webhook_id = ? ORDER BY version DESC LIMIT 20",
      )
        .bind(id)
        .all<DeliveryRow>()
    ).results;

  app.get("/v1/webhooks", async (c) => {
    const s = requireState(await getFeedState(c.env, Date.now()));
    const hooks = await owned(c);
    const data = await Promise.all(hooks.map(async (w) => publicView(w, await deliveriesOf(c, w.id))));
    return c.json({ data, ...stamp(s) });
  });

  app.get("/v1/webhooks/:id", async (c) => {
    const s = requireState(await getFeedState(c.env, Date.now()));
    const [w] = await owned(c, c.req.param("id"));
    return c.json({ data: publicView(w!, await deliveriesOf(c, w!.id)), ...stamp(s) });
  });

  app.delete("/v1/webhooks/:id", async (c) => {
    const s = requireState(await getFeedState(c.env, Date.now()));
    const [w] = await owned(c, c.req.param("id"));
    await c.env.DB.batch([
      c.env.DB.prepare("DELETE FROM webhook_deliveries WHERE webhook_id = ?").bind(w!.id),
      c.env.DB.prepare("DELETE FROM webhook_clients WHERE webhook_id = ?").bind(w!.id),
      c.env.DB.prepare("DELETE FROM webhooks WHERE id = ?").bind(w!.id),
    ]);
    return c.json({ data: { id: w!.id, deleted: true }, ...stamp(s) });
  });
}
