/** Stable codes for tokenizer failures, the same in every realm. */
export type TokenizerErrorCode =
  /** A vocabulary file is not the format, or is truncated. */
  | "E_TOKENIZER_DATA"
  /** A pre-tokenizer pattern uses regex syntax the engine does not translate. */
  | "E_TOKENIZER_PATTERN"
  /** No tokenizer is known by that name. */
  | "E_UNKNOWN_TOKENIZER"
  /** The vocabulary could not be loaded (not built, not downloaded yet and offline, HTTP error). */
  | "E_TOKENIZER_UNAVAILABLE";

/** A tokenizer failure with a stable code. */
export class TokenizerError extends Error {
  constructor(
    readonly code: TokenizerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "TokenizerError";
  }
}
