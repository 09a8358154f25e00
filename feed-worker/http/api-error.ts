import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isOracleError } from "../../oracle-core/errors";

/** HTTP-level codes, beside oracle-core's MATH.md §13 codes which pass through unchanged. */
export type HttpErrorCode =
  | "E_BAD_JSON"
  | "E_UNSUPPORTED_MEDIA"
  | "E_BODY_TOO_LARGE"
  | "E_METHOD"
  | "E_NOT_FOUND"
  | "E_UNKNOWN_TICKER"
  | "E_UNKNOWN_FIELD"
  | "E_MISSING_FIELD"
  | "E_BAD_TYPE"
  | "E_BAD_QUERY"
  | "E_RATE_LIMIT"
  | "E_NO_SNAPSHOT"
  | "E_INTERNAL";

/** An error the API turns into `{"error":{code,message,field?,...}}` with its HTTP status. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly extra?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string, field?: string, extra?: Record<string, unknown>) {
  return { error: { code, message, ...(field ? { field } : {}), ...(extra ?? {}) } };
}

/** Hono onError handler: stable codes, never a stack or a validator dump. */
export function handleError(err: unknown, c: Context): Response {
  if (err instanceof ApiError) {
    return c.json(errorBody(err.code, err.message, err.field, err.extra), err.status, err.headers);
  }
  if (isOracleError(err)) {
    const status = err.code === "E_UNKNOWN_TICKER" ? 404 : 400;
    return c.json(errorBody(err.code, err.message, err.field), status);
  }
  // Hono's HTTPException (e.g. from bodyLimit) carries a status.
  const status = (err as { status?: unknown })?.status;
  if (typeof status === "number" && status >= 400 && status < 500) {
    return c.json(errorBody("E_BAD_REQUEST", "the request could not be processed"), status as ContentfulStatusCode);
  }
  console.error("unhandled error", err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  return c.json(errorBody("E_INTERNAL", "internal error; the published snapshot is unaffected"), 500);
}
