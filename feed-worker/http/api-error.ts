import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { apiErrorOf, errorBody, INTERNAL_ERROR_BODY } from "../../api-core";

/** Hono onError handler: api-core's stable codes and statuses, never a stack or a validator dump. */
export function handleError(err: unknown, c: Context): Response {
  const a = apiErrorOf(err);
  if (a) return c.json(errorBody(a.code, a.message, a.field, a.extra), a.status, a.headers);
  // Hono's HTTPException (e.g. from bodyLimit) carries a status.
  const status = (err as { status?: unknown })?.status;
  if (typeof status === "number" && status >= 400 && status < 500) {
    return c.json(errorBody("E_BAD_REQUEST", "the request could not be processed"), status as ContentfulStatusCode);
  }
  console.error("unhandled error", err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  return c.json(INTERNAL_ERROR_BODY, 500);
}
