import { isOracleError } from "../oracle-core";

/** The HTTP statuses errors are answered with (MCP carries the same body without the status). */
export type ApiStatus = 400 | 401 | 403 | 404 | 405 | 406 | 409 | 413 | 415 | 429 | 500 | 503;

/** Request-level codes, beside oracle-core's MATH.md §13 codes which pass through unchanged. */
export type ApiErrorCode =
  | "E_BAD_JSON"
  | "E_UNSUPPORTED_MEDIA"
  | "E_BODY_TOO_LARGE"
  | "E_METHOD"
  | "E_NOT_FOUND"
  | "E_UNKNOWN_TICKER"
  | "E_UNKNOWN_FAMILY"
  | "E_UNKNOWN_FIELD"
  | "E_MISSING_FIELD"
  | "E_BAD_TYPE"
  | "E_BAD_QUERY"
  | "E_RATE_LIMIT"
  | "E_NO_SNAPSHOT"
  | "E_NO_INDEX"
  | "E_INTERNAL"
  // MCP transport rules (api-core/mcp-message.ts) and webhook caps
  | "E_MCP_BATCH"
  | "E_BAD_JSONRPC"
  | "E_MCP_PROTOCOL_VERSION"
  | "E_RESPONSE_TOO_LARGE"
  | "E_UNKNOWN_TOOL"
  | "E_UNKNOWN_METHOD"
  | "E_NOT_ACCEPTABLE"
  | "E_WEBHOOK_LIMIT"
  | "E_WEBHOOK_CAPACITY"
  // admin API (feed-worker/routes/admin.ts)
  | "E_ADMIN_DISABLED"
  | "E_ADMIN_UNAUTHORIZED"
  | "E_ADMIN_CONFLICT";

/** An error every transport answers as `{"error":{code,message,field?,...}}` (REST with its HTTP status). */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: ApiStatus,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly extra?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** The error body of every transport: `{ error: { code, message, field?, ...extra } }`. */
export function errorBody(code: string, message: string, field?: string, extra?: Record<string, unknown>) {
  return { error: { code, message, ...(field ? { field } : {}), ...(extra ?? {}) } };
}

/** The body of an error nothing coded: never its name, message or stack. */
export const INTERNAL_ERROR_BODY = errorBody("E_INTERNAL", "internal error; the published snapshot is unaffected");

/**
 * A thrown value as the ApiError the API answers: an ApiError as it is, an OracleError with its MATH.md §13 code
 * (404 for an unknown ticker, else 400); anything else is null (the transport answers E_INTERNAL).
 */
export function apiErrorOf(e: unknown): ApiError | null {
  if (e instanceof ApiError) return e;
  if (isOracleError(e)) return new ApiError(e.code === "E_UNKNOWN_TICKER" ? 404 : 400, e.code, e.message, e.field);
  return null;
}
