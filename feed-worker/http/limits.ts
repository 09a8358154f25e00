import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv, Env } from "../env";
import { ApiError } from "../../api-core";

export const MAX_BODY_BYTES = 16 * 1024;
export const RATE_LIMIT_PER_MINUTE = 100;

/** 413 for bodies over 16 KB (SPEC §6), whether or not Content-Length is sent. */
export const limitBody: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ApiError(413, "E_BODY_TOO_LARGE", `the body exceeds ${MAX_BODY_BYTES} bytes`);
  },
});

/** Where a client's address may be read from: a header the platform sets, or nowhere. */
export type ClientIpSource = "cf-connecting-ip" | "x-forwarded-for" | "none";

/**
 * The trust model (README "Rate limits and client identity"): a header names the client only where the platform
 * overwrites it. On Cloudflare's edge CF-Connecting-IP is set by Cloudflare, so ENVIRONMENT=production trusts it by
 * default; under `npm start`, `wrangler dev` or self-hosted workerd any client can send it, so nothing is trusted
 * unless CLIENT_IP_HEADER says so ("x-forwarded-for" behind a proxy that appends the address it saw).
 */
export function clientIpSource(env: Pick<Env, "CLIENT_IP_HEADER" | "ENVIRONMENT"> | undefined): ClientIpSource {
  const v = env?.CLIENT_IP_HEADER?.trim().toLowerCase();
  if (v === "cf-connecting-ip" || v === "x-forwarded-for" || v === "none") return v;
  return env?.ENVIRONMENT === "production" ? "cf-connecting-ip" : "none";
}

/**
 * The rate-limit key of a request: the trusted header's address (X-Forwarded-For's last hop, the one the proxy
 * appended), else "shared": with no trusted address every client shares one budget, which is safe, not fair.
 */
export function clientKey(c: Context<AppEnv>): string {
  const source = clientIpSource(c.env);
  const raw =
    source === "cf-connecting-ip"
      ? c.req.header("cf-connecting-ip")
      : source === "x-forwarded-for"
        ? c.req.header("x-forwarded-for")?.split(",").pop()
        : undefined;
  const ip = raw?.trim().slice(0, 64);
  return ip ? `ip:${ip}` : "shared";
}

/** 100 requests per minute per client on computed endpoints, through the Workers rate-limiting binding. */
export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const limiter = c.env?.RATE_LIMITER;
  if (limiter) {
    const key = clientKey(c);
    const { success } = await limiter.limit({ key });
    if (!success) {
      throw new ApiError(
        429,
        "E_RATE_LIMIT",
        `rate limit: ${RATE_LIMIT_PER_MINUTE} requests per minute on computed endpoints; retry after 60 s`,
        undefined,
        undefined,
        { "Retry-After": "60" },
      );
    }
  }
  await next();
};
