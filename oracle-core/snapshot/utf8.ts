import { OracleError } from "../errors";
import type { Bytes } from "./bytes";

const encoder = new TextEncoder();
// fatal: invalid UTF-8 throws instead of turning into U+FFFD; ignoreBOM: keep a BOM so it cannot hide.
// (A variable, not a literal: realms declare different option types, and this shape fits them all.)
const decoderOptions = { fatal: true, ignoreBOM: true };
const decoder = new TextDecoder("utf-8", decoderOptions);

/** UTF-8 bytes of a string. */
export function utf8Encode(s: string): Bytes {
  // TextEncoder always returns an ArrayBuffer-backed array; the cast only names that.
  return encoder.encode(s) as Bytes;
}

/** Strict UTF-8 decoding: invalid sequences throw OracleError E_MALFORMED. */
export function utf8Decode(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new OracleError("E_MALFORMED", "payload is not valid UTF-8");
  }
}
