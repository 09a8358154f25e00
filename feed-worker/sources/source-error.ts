/** Whole-payload and transport failure codes: a source with one of these is unhealthy for the run. */
export type SourceErrorCode =
  | "E_SOURCE_SCHEMA"
  | "E_SOURCE_EMPTY"
  | "E_SOURCE_TRUNCATED"
  | "E_SOURCE_CONTENT_TYPE"
  | "E_SOURCE_HTTP"
  | "E_SOURCE_TIMEOUT"
  | "E_SOURCE_TOO_LARGE"
  | "E_SOURCE_NETWORK"
  | "E_PAGE_LAYOUT";

/** Per-quote rejection codes a parser emits (the quote is dropped, the source stays healthy). */
export type QuoteRejectCode =
  | "E_QUOTE_SCHEMA"
  | "E_QUOTE_VARIABLE"
  | "E_QUOTE_JUNK"
  | "E_QUOTE_CONFLICT"
  | "E_QUOTE_UNIT";

/** Thrown by a parser when the payload as a whole is unusable; `code` is stable across layers. */
export class SourceError extends Error {
  override readonly name = "SourceError";
  readonly code: SourceErrorCode;

  constructor(code: SourceErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** True when `e` is a SourceError (works across bundle copies, where instanceof may not). */
export function isSourceError(e: unknown): e is SourceError {
  return (
    typeof e === "object" &&
    e !== null &&
    (e as { name?: unknown }).name === "SourceError" &&
    typeof (e as { code?: unknown }).code === "string"
  );
}
