import type { Context, Hono } from "hono";
import type { AppEnv } from "../env";
import { bundledData } from "../data/bundled";
import { requireState, sendWithEtag, versionEtag } from "../http/respond";
import { body, getFeedState, type FeedState } from "../store/feed-state";
import { genaiPricesExport } from "../../oracle-core/integrations";
import { litellmExport } from "../../oracle-core/integrations";
import type { AliasEntry } from "../../oracle-core/integrations";

let entries: Map<string, AliasEntry> | null = null;
/** The registry's model ids per ticker (the ids LiteLLM and genai-prices use), read once per isolate. */
function entryOf(ticker: string): AliasEntry | undefined {
  entries ??= new Map(bundledData().registry.models.map((m) => [m.ticker, m]));
  return entries.get(ticker);
}

/**
 * A drop-in file is the target tool's format exactly, so the snapshot stamp travels in headers (as on /v1/snapshot).
 */
function sendExport(c: Context<AppEnv>, s: FeedState, key: string, build: () => unknown): Response {
  c.header("X-Exostream-Version", String(s.payload.version));
  c.header("X-Oracle-Timestamp", s.payload.issued_at);
  return sendWithEtag(c, versionEtag(s, key), body(s, key, build));
}

/**
 * GET /v1/export/litellm.json and /v1/export/genai-prices.json: every active ticker's published prices in LiteLLM's
 * model_prices_and_context_window.json format and in genai-prices' v2 data format, so existing tools can read
 * Exostream instead of a hand-edited file.
 */
export function exportRoutes(app: Hono<AppEnv>): void {
  const state = async (c: { env: AppEnv["Bindings"] }) => requireState(await getFeedState(c.env, Date.now()));
  app.get("/v1/export/litellm.json", async (c) => {
    const s = await state(c);
    return sendExport(c, s, "export:litellm", () => litellmExport(s.payload.models, entryOf));
  });
  app.get("/v1/export/genai-prices.json", async (c) => {
    const s = await state(c);
    return sendExport(c, s, "export:genai-prices", () =>
      genaiPricesExport(s.payload.models, entryOf, s.payload.valuation_date),
    );
  });
}
