import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../env";
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

/** 100 requests per minute per client on computed endpoints, through the Workers rate-limiting binding. */
export const rateLimit: MiddlewareHandler<AppEnv> = async (c, next) => {
  const limiter = c.env?.RATE_LIMITER;
  if (limiter) {
    const key = c.req.header("cf-connecting-ip") ?? c.req.header("x-forwarded-for")?.split(",")[0]?.trim() ?? "local";
    const { success } = await limiter.limit({ key });
    if (!success) {
      throw new ApiError(429, "E_RATE_LIMIT", `rate limit: ${RATE_LIMIT_PER_MINUTE} requests per minute on computed endpoints; retry after 60 s`, undefined, undefined, { "Retry-After": "60" });
    }
  }
  await next();
};
