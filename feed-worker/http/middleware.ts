import type { Hono } from "hono";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../env";

// Built once: the security headers every response but an embed page carries.
const apiSecurityHeaders = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  xFrameOptions: "DENY",
  crossOriginResourcePolicy: "cross-origin",
  crossOriginOpenerPolicy: false,
});

/** CORS for the public API, security headers everywhere except the frameable embed routes. */
export function apiMiddleware(app: Hono<AppEnv>): void {
  app.use(
    "/v1/*",
    cors({
      origin: "*",
      allowMethods: ["GET", "POST", "DELETE", "OPTIONS"],
      allowHeaders: ["Content-Type", "If-None-Match", "Accept", "Authorization"],
      exposeHeaders: ["ETag", "Retry-After"],
      maxAge: 86400,
    }),
  );
  app.use("/.well-known/*", cors({ origin: "*", allowMethods: ["GET", "OPTIONS"] }));
  app.use("*", async (c, next) => {
    if (c.req.path.startsWith("/embed/")) return next();
    return apiSecurityHeaders(c, next);
  });
}
