import type { Hono } from "hono";
import type { AppEnv } from "../app";
import { ApiError } from "../http/api-error";
import { contentEtag, requireState, sendWithEtag, stamp, versionEtag } from "../http/respond";
import { body, getFeedState, rawBody, type FeedState } from "../store/feed-state";
import { KV } from "../store/kv-keys";
import { derivedGreeks } from "../../oracle-core/greeks/derived";
import { forwardView } from "../../oracle-core/greeks/forward-view";
import { suggestTickers } from "./suggest";

/**
 * Resolves a ticker (case-insensitive) or throws 404 with the closest tickers. `raw` is already decoded
 * (Hono decodes path params; body fields are plain text): decoding again threw URIError on "%" (a 500).
 */
export function rowOf(state: FeedState, raw: string) {
  const ticker = raw.trim().toUpperCase();
  const row = state.byTicker.get(ticker);
  if (!row) {
    const suggestions = suggestTickers(ticker, [...state.byTicker.keys()]);
    throw new ApiError(404, "E_UNKNOWN_TICKER", `unknown ticker ${JSON.stringify(raw)}${suggestions.length ? `; did you mean ${suggestions.join(", ")}?` : ""}`, "ticker", { suggestions });
  }
  return row;
}

/** GET endpoints served from the published snapshot (SPEC §6). */
export function readRoutes(app: Hono<AppEnv>): void {
  const state = async (c: { env: AppEnv["Bindings"] }) => requireState(await getFeedState(c.env, Date.now()));

  app.get("/v1/snapshot", async (c) => {
    const s = await state(c);
    c.header("X-Exostream-Version", String(s.payload.version));
    c.header("X-Oracle-Timestamp", s.payload.issued_at);
    return sendWithEtag(c, versionEtag(s, "snapshot"), rawBody(s, "snapshot", () => s.envelopeText));
  });

  app.get("/.well-known/exostream-keys.json", async (c) => {
    const text = await c.env.FEED_KV.get(KV.keysetChain);
    if (!text) throw new ApiError(503, "E_NO_SNAPSHOT", "no keyset has been published yet");
    return sendWithEtag(c, contentEtag(text), text);
  });

  app.get("/v1/spots", async (c) => {
    const s = await state(c);
    const text = body(s, "spots", () => ({
      data: s.payload.models.map((m) => ({
        ticker: m.ticker,
        display_name: m.display_name,
        provider: m.provider,
        lifecycle: m.lifecycle,
        beta_sync: m.beta,
        beta_batch: m.beta_batch,
        input: m.prices.input,
        context_window: m.context_window,
        status: m.status,
      })),
      ...stamp(s),
    }));
    return sendWithEtag(c, versionEtag(s, "spots"), text);
  });

  app.get("/v1/greeks", async (c) => {
    const s = await state(c);
    const text = body(s, "greeks", () => ({ data: s.payload.models.map((m) => ({ ...m, ...derivedGreeks(m) })), ...stamp(s) }));
    return sendWithEtag(c, versionEtag(s, "greeks"), text);
  });

  app.get("/v1/models/:ticker", async (c) => {
    const s = await state(c);
    const row = rowOf(s, c.req.param("ticker"));
    const text = body(s, `model:${row.ticker}`, () => ({ data: { ...row, ...derivedGreeks(row) }, ...stamp(s) }));
    return sendWithEtag(c, versionEtag(s, `model:${row.ticker}`), text);
  });

  app.get("/v1/forwards/:ticker", async (c) => {
    const s = await state(c);
    const row = rowOf(s, c.req.param("ticker"));
    const ts = (c.req.queries("t") ?? []).map((raw) => (raw.trim() === "" ? Number.NaN : Number(raw)));
    const data = forwardView(row, s.payload.valuation_date, ts);
    const text = JSON.stringify({ data, ...stamp(s) });
    return sendWithEtag(c, contentEtag(text), text);
  });

  app.get("/v1/sources", async (c) => {
    const s = await state(c);
    const rows = await c.env.DB.prepare("SELECT * FROM source_health ORDER BY source").all<Record<string, unknown>>();
    const data = rows.results.map((r) => ({ ...r, healthy: r.healthy === 1, reasons: JSON.parse(String(r.reasons ?? "[]")) as unknown }));
    const text = JSON.stringify({ data, ...stamp(s) });
    return sendWithEtag(c, contentEtag(text), text);
  });
}
