import type { Hono } from "hono";
import { ApiError } from "../../api-core";
import { decodeBase64 } from "../../oracle-core/snapshot";
import type { AppEnv } from "../env";
import { contentEtag, sendWithEtag } from "../http/respond";
import { KV } from "../store/kv-keys";

/** The stored view's headers, decoded once per published view per isolate. */
let memo: { text: string; version: number; issued_at: string; etag: string } | null = null;

function headersOf(text: string): NonNullable<typeof memo> {
  if (memo?.text === text) return memo;
  const env = JSON.parse(text) as { payload: string };
  // Signed by this feed's pipeline from a schema-checked snapshot: trusted here, as /v1/snapshot's envelope is.
  const p = JSON.parse(new TextDecoder().decode(decodeBase64(env.payload))) as { version: number; issued_at: string };
  return (memo = { text, version: p.version, issued_at: p.issued_at, etag: contentEtag(text) });
}

/**
 * GET /v1/widget-view: the widgets' signed view of the latest snapshot (oracle-core/snapshot/widget-view.ts), a DSSE
 * envelope with the snapshot's key, published with every snapshot; the same caching and version headers as
 * /v1/snapshot.
 */
export function widgetViewRoutes(app: Hono<AppEnv>): void {
  app.get("/v1/widget-view", async (c) => {
    const text = await c.env.FEED_KV.get(KV.widgetView);
    if (!text) throw new ApiError(503, "E_NO_SNAPSHOT", "no widget view has been published yet");
    const h = headersOf(text);
    c.header("X-Exostream-Version", String(h.version));
    c.header("X-Oracle-Timestamp", h.issued_at);
    return sendWithEtag(c, h.etag, text);
  });
}
