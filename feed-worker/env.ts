/** Bindings the feed worker expects (wrangler.toml). Secrets are optional locally. */
export interface Env {
  FEED_KV: KVNamespace;
  DB: D1Database;
  ARCHIVE: R2Bucket;
  ASSETS?: Fetcher;
  RATE_LIMITER?: RateLimit;
  SOURCE_MODE?: string;
  ENVIRONMENT?: string;
  HEARTBEAT_S?: string;
  /** Moves the feed's clock (tests and `npm start` pass EXOSTREAM_CLOCK_OFFSET, e.g. "365d"); unset in production. */
  EXOSTREAM_CLOCK_OFFSET?: string;
  /**
   * The header that carries the client's address for rate limits and webhook quotas: "cf-connecting-ip",
   * "x-forwarded-for" or "none". Default: cf-connecting-ip when ENVIRONMENT is "production" (Cloudflare's edge sets
   * it), else none (under wrangler dev or self-hosted workerd the client sets it). See feed-worker/http/limits.ts.
   */
  CLIENT_IP_HEADER?: string;
  /** base64 PKCS#8 Ed25519 private key (production secret). Locally generated and kept in KV when absent. */
  SIGNING_KEY?: string;
  /**
   * Bearer token of the admin API (/v1/admin/*, feed-worker/routes/admin.ts), a Workers secret (`wrangler secret put
   * ADMIN_TOKEN`; `.dev.vars` locally). Unset or shorter than 16 characters: the admin API is off.
   */
  ADMIN_TOKEN?: string;
  /**
   * Where each source is read, one variable per source id: `SOURCE_URL_LITELLM`, `SOURCE_URL_GENAI_PRICES`,
   * `SOURCE_URL_MODELS_DEV`… (feed-worker/sources/source-urls.ts). Unset: today's upstream address in live mode,
   * the worker's own archive copy in bundled mode.
   */
  [sourceUrl: `SOURCE_URL_${string}`]: string | undefined;
}

export type SourceMode = "bundled" | "live";

export function sourceMode(env: Env): SourceMode {
  return env.SOURCE_MODE === "live" ? "live" : "bundled";
}

export function heartbeatSeconds(env: Env): number {
  const n = Number(env.HEARTBEAT_S ?? 3600);
  return Number.isFinite(n) && n >= 60 ? n : 3600;
}

/** Hono's environment of the feed's app (its bindings). Here, not in app.ts, so routes need not import the app. */
export type AppEnv = { Bindings: Env };
