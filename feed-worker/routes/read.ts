import type { Hono } from "hono";
import { answer, ApiError, forwardBody, greeksBody, modelBody, rowOf, spotsBody } from "../../api-core";
import type { AppEnv } from "../env";
import { decimalQuery } from "../http/query";
import { contentEtag, requireState, sendWithEtag, versionEtag } from "../http/respond";
import { body, getFeedState, rawBody } from "../store/feed-state";
import { KV } from "../store/kv-keys";
import { widgetViewRoutes } from "./widget-view";

/** GET endpoints served from the published snapshot (SPEC §6): api-core's bodies, memoised per version, with ETags. */
export function readRoutes(app: Hono<AppEnv>): void {
  const state = async (c: { env: AppEnv["Bindings"] }) => requireState(await getFeedState(c.env, Date.now()));

  app.get("/v1/snapshot", async (c) => {
    const s = await state(c);
    c.header("X-Exostream-Version", String(s.payload.version));
    c.header("X-Oracle-Timestamp", s.payload.issued_at);
    return sendWithEtag(
      c,
      versionEtag(s, "snapshot"),
      rawBody(s, "snapshot", () => s.envelopeText),
    );
  });

  // The widgets' compact signed view of the same snapshot.
  widgetViewRoutes(app);

  app.get("/.well-known/exostream-keys.json", async (c) => {
    const text = await c.env.FEED_KV.get(KV.keysetChain);
    if (!text) throw new ApiError(503, "E_NO_SNAPSHOT", "no keyset has been published yet");
    return sendWithEtag(c, contentEtag(text), text);
  });

  app.get("/v1/spots", async (c) => {
    const s = await state(c);
    return sendWithEtag(
      c,
      versionEtag(s, "spots"),
      body(s, "spots", () => spotsBody(s)),
    );
  });

  app.get("/v1/greeks", async (c) => {
    const s = await state(c);
    return sendWithEtag(
      c,
      versionEtag(s, "greeks"),
      body(s, "greeks", () => greeksBody(s)),
    );
  });

  app.get("/v1/models/:ticker", async (c) => {
    const s = await state(c);
    const key = `model:${rowOf(s, c.req.param("ticker")).ticker}`;
    return sendWithEtag(
      c,
      versionEtag(s, key),
      body(s, key, () => modelBody(s, c.req.param("ticker"))),
    );
  });

  app.get("/v1/forwards/:ticker", async (c) => {
    const s = await state(c);
    // Not a decimal (empty, 0x10, Infinity) is NaN, which oracle-core refuses with E_NOT_FINITE.
    const ts = (c.req.queries("t") ?? []).map(decimalQuery);
    const text = JSON.stringify(forwardBody(s, c.req.param("ticker"), ts));
    return sendWithEtag(c, contentEtag(text), text);
  });

  app.get("/v1/sources", async (c) => {
    const s = await state(c);
    const rows = await c.env.DB.prepare("SELECT * FROM source_health ORDER BY source").all<Record<string, unknown>>();
    const frozen = new Set(s.payload.sources.filter((x) => x.frozen).map((x) => x.id));
    const data = rows.results.map((r) => ({
      ...r,
      healthy: r.healthy === 1,
      frozen: frozen.has(String(r.source)),
      reasons: JSON.parse(String(r.reasons ?? "[]")) as unknown,
    }));
    const text = JSON.stringify(answer(s, data));
    return sendWithEtag(c, contentEtag(text), text);
  });
}
