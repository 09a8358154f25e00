import { Hono } from "hono";
import { ApiError } from "../api-core/api-error";
import type { AppEnv, Env } from "./env";
import { handleError } from "./http/api-error";
import { apiMiddleware } from "./http/middleware";
import { contentEtag, sendWithEtag } from "./http/respond";
import { adminRoutes } from "./routes/admin";
import { changesRoutes } from "./routes/changes";
import { computeRoutes } from "./routes/compute";
import { embedRoutes } from "./routes/embed";
import { exportRoutes } from "./routes/export";
import { historyRoutes } from "./routes/history";
import { marketRoutes } from "./routes/market";
import { mcpRoutes } from "./routes/mcp";
import { openApiDocument } from "./routes/openapi";
import { readRoutes } from "./routes/read";
import { webhookRoutes } from "./routes/webhooks";
import type { TokenCounter } from "./tokenize/token-counter";

export interface AppDeps {
  /** The tokenizer engine for POST /v1/price `prompt`: files from ASSETS on workerd, from disk in in-process tests. */
  countTokens: (env: Env) => TokenCounter;
}

/** Routes and the methods they accept (anything else on a known path is 405 with Allow). */
const KNOWN: [RegExp, string][] = [
  [/^\/v1\/(snapshot|widget-view|spots|greeks|sources|openapi\.json|health)$/, "GET, HEAD, OPTIONS"],
  [/^\/v1\/(models|forwards|history)\/[^/]+$/, "GET, HEAD, OPTIONS"],
  [/^\/v1\/(price|compare)$/, "POST, OPTIONS"],
  [/^\/v1\/(index|index\/history|backtest)$/, "GET, HEAD, OPTIONS"],
  [/^\/v1\/monte-carlo\/[^/]+$/, "GET, HEAD, OPTIONS"],
  [/^\/v1\/swap$/, "POST, OPTIONS"],
  [/^\/\.well-known\/exostream-keys\.json$/, "GET, HEAD, OPTIONS"],
  // integrations
  [/^\/mcp$/, "POST, OPTIONS"],
  [/^\/v1\/changes(\.atom)?$/, "GET, HEAD, OPTIONS"],
  [/^\/v1\/export\/(litellm|genai-prices)\.json$/, "GET, HEAD, OPTIONS"],
  [/^\/v1\/webhooks$/, "GET, POST, OPTIONS"],
  [/^\/v1\/webhooks\/[^/]+$/, "GET, DELETE, OPTIONS"],
  // admin API (off without ADMIN_TOKEN: its guard answers 404 E_ADMIN_DISABLED before any of these)
  [/^\/v1\/admin\/curation$/, "POST, OPTIONS"],
  [/^\/v1\/admin\/audit$/, "GET, HEAD, OPTIONS"],
];

/** The feed's HTTP app: public API (SPEC §6) over the published snapshot. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  apiMiddleware(app);
  // Health is live state: never cached. The OpenAPI document changes only with a deploy: an ETag and a short max-age.
  app.get("/v1/health", (c) => c.json({ ok: true }, 200, { "Cache-Control": "no-store" }));
  const openapi = JSON.stringify(openApiDocument());
  app.get("/v1/openapi.json", (c) => sendWithEtag(c, contentEtag(openapi), openapi));
  readRoutes(app);
  historyRoutes(app);
  computeRoutes(app, deps.countTokens);
  embedRoutes(app);
  marketRoutes(app);
  mcpRoutes(app, deps.countTokens);
  changesRoutes(app);
  exportRoutes(app);
  webhookRoutes(app);
  adminRoutes(app);
  // Returned, not thrown: Hono runs notFound outside the innermost middleware's try, so a throw here
  // would skip that middleware's post-processing (the security headers went missing on 404/405).
  app.notFound((c) => {
    const full = new URL(c.req.url).pathname;
    // Echo at most 200 characters of the path: a 60,000-character path is not worth repeating.
    const path = full.length > 200 ? `${full.slice(0, 200)}…` : full;
    const known = KNOWN.find(([re]) => re.test(full));
    if (known) {
      return handleError(
        new ApiError(
          405,
          "E_METHOD",
          `${c.req.method} is not allowed on ${path}; use ${known[1].split(",")[0]}`,
          undefined,
          undefined,
          { Allow: known[1] },
        ),
        c,
      );
    }
    return handleError(
      new ApiError(404, "E_NOT_FOUND", `no route for ${c.req.method} ${path}; see /v1/openapi.json`),
      c,
    );
  });
  return app;
}
