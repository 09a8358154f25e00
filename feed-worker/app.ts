import { Hono } from "hono";
import type { Env } from "./env";
import { ApiError, handleError } from "./http/api-error";
import { apiMiddleware } from "./http/middleware";

export type AppEnv = { Bindings: Env };

/** The feed's HTTP app. Routes are mounted from feed-worker/routes/*. */
export function createApp(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  apiMiddleware(app);
  app.get("/v1/health", (c) => c.json({ ok: true }));
  app.notFound((c) => {
    throw new ApiError(404, "E_NOT_FOUND", `no route for ${c.req.method} ${new URL(c.req.url).pathname}; see /v1/openapi.json`);
  });
  return app;
}
