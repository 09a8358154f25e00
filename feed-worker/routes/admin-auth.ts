import type { MiddlewareHandler } from "hono";
import { ApiError } from "../../api-core";
import type { AppEnv } from "../env";

/** The shortest ADMIN_TOKEN that turns the admin API on: a shorter secret is a mistake, not a credential. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

const sha256 = async (s: string): Promise<Uint8Array> =>
  new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(s)));

const hex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");

/** workerd's SubtleCrypto has a constant-time comparison; Node's and browsers' do not. */
type TimingSafe = { timingSafeEqual?: (a: ArrayBufferView, b: ArrayBufferView) => boolean };

/**
 * Two 32-byte digests compared in constant time: workerd's crypto.subtle.timingSafeEqual where it exists, else a loop
 * that visits every byte whatever it finds. Comparing digests, not tokens, also hides the token's length.
 */
export function digestsEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  const subtle = crypto.subtle as unknown as TimingSafe;
  if (typeof subtle.timingSafeEqual === "function") return subtle.timingSafeEqual(a, b);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** Who acted, for the audit log: the first 8 hex digits of sha256(token) (enough to tell tokens apart, no more). */
export async function tokenFingerprint(token: string): Promise<string> {
  return hex(await sha256(token)).slice(0, 8);
}

const unauthorized = () =>
  new ApiError(
    401,
    "E_ADMIN_UNAUTHORIZED",
    "send the feed's admin token as Authorization: Bearer <token>",
    "authorization",
    undefined,
    { "WWW-Authenticate": 'Bearer realm="exostream-admin"' },
  );

/**
 * Guards /v1/admin/*: 404 E_ADMIN_DISABLED when the ADMIN_TOKEN secret is unset (or too short to be one), 401
 * E_ADMIN_UNAUTHORIZED for a missing, malformed or wrong bearer token (one answer for all three: the caller learns
 * nothing about which part was wrong). On success the token's fingerprint is in `c.get("adminFingerprint")`.
 */
export const adminAuth: MiddlewareHandler<AppEnv & { Variables: { adminFingerprint: string } }> = async (c, next) => {
  const secret = c.env?.ADMIN_TOKEN?.trim() ?? "";
  if (secret.length < MIN_ADMIN_TOKEN_LENGTH) {
    const m =
      "the admin API is off on this feed: set the ADMIN_TOKEN secret (at least 16 characters) to turn it on " +
      "(locally ADMIN_TOKEN=… in .dev.vars, on Cloudflare `wrangler secret put ADMIN_TOKEN`)";
    throw new ApiError(404, "E_ADMIN_DISABLED", m);
  }
  const presented = c.req.header("authorization")?.match(/^Bearer +(\S+)$/i)?.[1] ?? "";
  const [want, got] = await Promise.all([sha256(secret), sha256(presented)]);
  if (!digestsEqual(want, got)) throw unauthorized();
  c.set("adminFingerprint", hex(got).slice(0, 8));
  await next();
};
