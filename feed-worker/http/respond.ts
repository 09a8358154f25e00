import type { Context } from "hono";
import type { FeedState } from "../store/feed-state";
import { ApiError } from "../../api-core";

export const GET_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

/** Sends a GET body with a strong ETag; 304 when the client already has it. */
export function sendWithEtag(
  c: Context,
  etag: string,
  body: string | Uint8Array<ArrayBuffer>,
  contentType = "application/json; charset=utf-8",
): Response {
  const quoted = `"${etag}"`;
  const headers: Record<string, string> = {
    ETag: quoted,
    "Cache-Control": GET_CACHE_CONTROL,
    "Content-Type": contentType,
  };
  if (etagMatches(c, etag)) return c.body(null, 304, headers);
  return c.body(body, 200, headers);
}

/** Whether If-None-Match lists this ETag exactly (weak comparison, RFC 9110 §13.1.2) or is `*`; never a substring. */
export function etagMatches(c: Context, etag: string): boolean {
  const inm = c.req.header("if-none-match");
  const quoted = `"${etag}"`;
  return !!inm && inm.split(",").some((t) => t.trim().replace(/^W\//, "") === quoted || t.trim() === "*");
}

/** ETag for a body derived only from snapshot `version` and the route: no hashing on the hot path. */
export function versionEtag(state: FeedState, routeKey: string): string {
  return `v${state.payload.version}-${fnv1a(routeKey)}`;
}

/** ETag for any other body: a fast 32-bit FNV-1a of the bytes plus the length. */
export function contentEtag(body: string): string {
  return `c${body.length.toString(36)}-${fnv1a(body)}`;
}

function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** The published state, or 503 E_NO_SNAPSHOT before the first publish. */
export function requireState(state: FeedState | null): FeedState {
  if (!state) {
    const message = "no snapshot has been published yet; the first pipeline run is in progress";
    throw new ApiError(503, "E_NO_SNAPSHOT", message);
  }
  return state;
}
